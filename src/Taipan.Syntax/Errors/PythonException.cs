// Python/errors.c
namespace Taipan.Syntax.Errors;

/// <summary>A Python exception raised while reading or parsing source (<c>ValueError</c>,
/// <c>MemoryError</c>, <c>RecursionError</c>, <c>UnicodeDecodeError</c>, ...), carried out of
/// C# code; the runtime turns it into the Python exception of the same type.</summary>
public class PythonException(string pythonType, string message) : Exception(message)
{
    /// <summary>The name of the Python exception class, for example <c>"ValueError"</c>.</summary>
    public string PythonType { get; } = pythonType;
}

/// <summary><c>SyntaxError</c>, <c>IndentationError</c> or <c>TabError</c> with the attributes
/// CPython gives it. <see cref="Offset"/> and <see cref="EndOffset"/> are 1-based and count
/// characters (code points) of <see cref="Text"/>, as CPython's do; 0 means unknown.</summary>
public sealed class PythonSyntaxError(
    string pythonType,
    string msg,
    string? filename,
    int lineno,
    int offset,
    int? endLineno,
    int? endOffset,
    string? text) : PythonException(pythonType, msg)
{
    public string Msg { get; } = msg;
    public string? Filename { get; } = filename;
    public int Lineno { get; } = lineno;
    public int Offset { get; } = offset;
    /// <summary>Null where CPython's attribute is None (errors located by line and column only).</summary>
    public int? EndLineno { get; } = endLineno;

    /// <summary>Null where CPython's attribute is None.</summary>
    public int? EndOffset { get; } = endOffset;

    /// <summary>The source line, with its newline, or null when CPython gives none.</summary>
    public string? Text { get; } = text;

    /// <summary>Raised as PyErr_SyntaxLocationObject raises (the symbol table's and some
    /// future-statement errors): <c>args</c> is <c>(msg,)</c>, the location only in the
    /// attributes.</summary>
    public bool MessageOnlyArgs { get; init; }
}
