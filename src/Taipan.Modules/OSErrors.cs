// Objects/exceptions.c (OSError's errno subclasses and str())
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Modules;

/// <summary>An <c>OSError</c> (or subclass) with errno, strerror and filename, whose
/// <see cref="Exception.Message"/> is <c>str(exc)</c>: "[Errno 2] No such file or directory: 'x'".</summary>
public sealed class PythonOSError : PythonException
{
    public PythonOSError(string pythonType, int errno, string strerror, string? filename)
        : base(pythonType, filename is null ? $"[Errno {errno}] {strerror}" : $"[Errno {errno}] {strerror}: {PyRepr.Str(filename)}")
    {
        Errno = errno;
        StrError = strerror;
        Filename = filename;
    }

    /// <summary><c>OSError(message)</c> with a single argument: str() is the message alone.</summary>
    public PythonOSError(string pythonType, string message) : base(pythonType, message)
    {
    }

    public int? Errno { get; }
    public string? StrError { get; }
    public string? Filename { get; }

    /// <summary>Translates a .NET I/O failure on <paramref name="filename"/> into the OSError
    /// CPython raises for the same failure.</summary>
    public static PythonOSError From(Exception e, string filename) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => new("FileNotFoundError", 2, "No such file or directory", filename),
        UnauthorizedAccessException when Directory.Exists(filename) => new("IsADirectoryError", 21, "Is a directory", filename),
        UnauthorizedAccessException => new("PermissionError", 13, "Permission denied", filename),
        PathTooLongException => new("OSError", 36, "File name too long", filename),
        _ when Directory.Exists(filename) => new("IsADirectoryError", 21, "Is a directory", filename),
        _ => new("OSError", 5, e.Message, filename),
    };
}
