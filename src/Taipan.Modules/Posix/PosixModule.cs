// Modules/posixmodule.c
using System.Runtime.InteropServices;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Posix;

/// <summary>A path argument after <c>path_converter</c>: the object as given (errors name it),
/// the encoded NUL-terminated path or an open descriptor, and whether results are bytes.</summary>
internal readonly struct PathArg
{
    public PathArg(PyObject obj, byte[]? path, int fd, bool narrow)
    {
        Object = obj;
        Path = path;
        Fd = fd;
        Narrow = narrow;
    }

    public PyObject Object { get; }

    /// <summary>The path in the filesystem encoding with a trailing NUL, or null for a descriptor.</summary>
    public byte[]? Path { get; }

    public int Fd { get; }

    /// <summary>The argument was bytes (or its __fspath__ gave bytes): results are bytes too.</summary>
    public bool Narrow { get; }

    public bool IsFd => Path is null;
}

/// <summary><c>posix</c>: the operating system interface that <c>os</c> re-exports — files and
/// directories, descriptors, the process and its environment — through the C library.</summary>
[PyModule("posix", Doc = "This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls.")]
public static partial class PosixModule
{
    /// <summary>What os.py asks about through <c>_have_functions</c> to build supports_dir_fd,
    /// supports_fd and supports_follow_symlinks: CPython 3.11's Linux list, less eventfd and
    /// memfd_create, which this module does not have.</summary>
    private static readonly string[] s_haveFunctions =
    [
        "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN", "HAVE_FCHOWNAT",
        "HAVE_FDOPENDIR", "HAVE_FEXECVE", "HAVE_FPATHCONF", "HAVE_FSTATAT", "HAVE_FSTATVFS", "HAVE_FTRUNCATE",
        "HAVE_FUTIMENS", "HAVE_FUTIMES", "HAVE_FUTIMESAT", "HAVE_LCHOWN", "HAVE_LINKAT", "HAVE_LSTAT",
        "HAVE_LUTIMES", "HAVE_MKDIRAT", "HAVE_MKFIFOAT", "HAVE_MKNODAT", "HAVE_OPENAT", "HAVE_READLINKAT",
        "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT", "HAVE_UTIMENSAT",
    ];

    static partial void Initialize(PyModule module)
    {
        foreach (var (name, value) in PosixConstants.All)
        {
            module.AddBuiltin(name, PyInt.From(value));
        }
        module.AddBuiltin("sysconf_names", NameTable(PosixConstants.SysconfNames));
        module.AddBuiltin("confstr_names", NameTable(PosixConstants.ConfstrNames));
        module.AddBuiltin("pathconf_names", NameTable(PosixConstants.PathconfNames));
        var have = new PyList();
        foreach (var name in s_haveFunctions)
        {
            have.Append(new PyStr(name));
        }
        module.AddBuiltin("_have_functions", have);
        module.AddBuiltin("environ", BuildEnviron());
        module.AddBuiltin("error", PyExc.OSError);
        module.AddBuiltin("stat_result", s_statResult.Type);
        module.AddBuiltin("terminal_size", s_terminalSize.Type);
        module.AddBuiltin("statvfs_result", s_statvfsResult.Type);
        module.AddBuiltin("uname_result", s_unameResult.Type);
        module.AddBuiltin("times_result", s_timesResult.Type);
        module.AddBuiltin("DirEntry", PyDirEntry.TypeObject);
    }

    private static PyDict NameTable((string Name, int Value)[] table)
    {
        var d = new PyDict();
        foreach (var (name, value) in table)
        {
            d.SetItem(new PyStr(name), PyInt.From(value));
        }
        return d;
    }

    /// <summary>os.environ's source: the C environment as bytes → bytes, as CPython builds it
    /// (the first of duplicate names wins).</summary>
    private static unsafe PyDict BuildEnviron()
    {
        var d = new PyDict();
        for (var p = Libc.Environ; p is not null && *p is not null; p++)
        {
            var entry = Libc.CString(*p);
            var eq = entry.IndexOf((byte)'=');
            if (eq <= 0)
            {
                continue;
            }
            var key = PyBytes.From(entry[..eq]);
            if (!d.ContainsKey(key))
            {
                d.SetItem(key, PyBytes.From(entry[(eq + 1)..]));
            }
        }
        return d;
    }

    // ---- errors ----------------------------------------------------------------------------

    /// <summary>The OSError subclass for <paramref name="errno"/> with the C library's message,
    /// naming one or two files as CPython's <c>path_error</c> / <c>path_error2</c> do.</summary>
    internal static PyException Error(int errno, PyObject? filename = null, PyObject? filename2 = null)
    {
        var strerror = new PyStr(StrErrorText(errno));
        PyObject[] args = filename is null
            ? [PyInt.From(errno), strerror]
            : filename2 is null
                ? [PyInt.From(errno), strerror, filename]
                : [PyInt.From(errno), strerror, filename, PyNone.Value, filename2];
        return new PyException((PyBaseException)Ops.Call(PyExc.OSError, args, null));
    }

    internal static PyException Error(in PathArg path) => Error(Libc.Errno, path.Object);

    internal static PyException LastError() => Error(Libc.Errno);

    private static unsafe string StrErrorText(int errno) =>
        Codecs.Decode(Libc.CString(Libc.StrError(errno)), "utf-8", "surrogateescape");

    // ---- argument conversion -----------------------------------------------------------------

    /// <summary><c>path_converter</c>: str (encoded with the filesystem encoding), bytes, an
    /// os.PathLike, and an open descriptor when <paramref name="allowFd"/>; None when
    /// <paramref name="nullable"/> (the current directory).</summary>
    internal static PathArg ConvertPath(string function, string argument, PyObject o, bool allowFd = false, bool nullable = false)
    {
        if (nullable && o is PyNone)
        {
            return new PathArg(o, [(byte)'.', 0], -1, false);
        }
        var value = o;
        if (o is not (PyStr or PyBytes or PyByteArray) && !(allowFd && IsIndex(o)))
        {
            if (o.Type.Lookup(PyStr.Intern("__fspath__")) is not { } fspath)
            {
                throw PathTypeError(function, argument, o, allowFd, nullable);
            }
            value = Ops.Call(fspath, [o], null);
            if (value is not (PyStr or PyBytes))
            {
                throw PyErr.TypeError($"expected {o.Type.Name}.__fspath__() to return str or bytes, not {value.Type.Name}");
            }
        }
        byte[] encoded;
        var narrow = false;
        switch (value)
        {
            case PyStr s:
                encoded = EncodeFs(s);
                if (Array.IndexOf(encoded, (byte)0) >= 0)
                {
                    throw PyErr.ValueError("embedded null byte");
                }
                break;
            case PyBytes b:
                encoded = b.Data.ToArray();
                narrow = true;
                break;
            case PyByteArray ba:
                encoded = ba.Data.ToArray();
                narrow = true;
                break;
            default:
                return new PathArg(o, null, ToFd(value), false);
        }
        if (Array.IndexOf(encoded, (byte)0) >= 0)
        {
            throw PyErr.ValueError($"{function}: embedded null character in {argument}");
        }
        var path = new byte[encoded.Length + 1];
        encoded.CopyTo(path, 0);
        // Errors name the path after __fspath__, as CPython's path_converter keeps it.
        return new PathArg(value, path, -1, narrow);
    }

    private static bool IsIndex(PyObject o) => o is PyInt || o.Type.Slots.Index is not null;

    private static PyException PathTypeError(string function, string argument, PyObject o, bool allowFd, bool nullable)
    {
        var kinds = allowFd && nullable ? "string, bytes, os.PathLike, integer or None"
            : allowFd ? "string, bytes, os.PathLike or integer"
            : nullable ? "string, bytes, os.PathLike or None"
            : "string, bytes or os.PathLike";
        return PyErr.TypeError($"{function}: {argument} should be {kinds}, not {o.Type.Name}");
    }

    /// <summary><c>_fd_converter</c>: an int that fits a C int.</summary>
    internal static int ToFd(PyObject o)
    {
        if (o is PyFloat)
        {
            throw PyErr.TypeError("integer argument expected, got float");
        }
        var i = Ops.Index(o);
        if (!i.IsSmall || i.Small > int.MaxValue)
        {
            throw PyErr.OverflowError(i.Value.Sign < 0 ? "fd is less than minimum" : "fd is greater than maximum");
        }
        if (i.Small < int.MinValue)
        {
            throw PyErr.OverflowError("fd is less than minimum");
        }
        return (int)i.Small;
    }

    /// <summary><c>dir_fd_converter</c>: None is the current directory (AT_FDCWD).</summary>
    internal static int DirFd(PyObject? dirFd) => dirFd is null or PyNone ? Libc.AtFdCwd
        : IsIndex(dirFd) ? ToFd(dirFd)
        : throw PyErr.TypeError($"argument should be integer or None, not {dirFd.Type.Name}");

    /// <summary>A str in the filesystem encoding (utf-8, surrogateescape).</summary>
    internal static byte[] EncodeFs(PyStr s) => Codecs.Encode(s, "utf-8", "surrogateescape");

    internal static PyStr DecodeFs(ReadOnlySpan<byte> data) => new(Codecs.Decode(data, "utf-8", "surrogateescape"));

    /// <summary>A name or path result: bytes when the argument was bytes, else str.</summary>
    internal static PyObject FsResult(ReadOnlySpan<byte> data, bool narrow) => narrow ? PyBytes.From(data) : DecodeFs(data);

    /// <summary><c>follow_symlinks=False</c> with a descriptor makes no sense (CPython's
    /// <c>fd_and_follow_symlinks_invalid</c>), nor does dir_fd with one.</summary>
    internal static void CheckFdCombinations(string function, in PathArg path, int dirFd, bool followSymlinks)
    {
        if (path.IsFd && dirFd != Libc.AtFdCwd)
        {
            throw PyErr.ValueError($"{function}: can't specify dir_fd without matching path");
        }
        if (path.IsFd && !followSymlinks)
        {
            throw PyErr.ValueError($"{function}: cannot use fd and follow_symlinks together");
        }
    }

    /// <summary>A NUL-terminated copy of a bytes value.</summary>
    internal static byte[] CBytes(ReadOnlySpan<byte> data)
    {
        var result = new byte[data.Length + 1];
        data.CopyTo(result);
        return result;
    }

    // ---- fspath and strerror ----------------------------------------------------------------

    /// <summary><c>fspath(path)</c>: str and bytes as they are, else <c>__fspath__()</c>.</summary>
    [PyMethod("fspath", Keywords = true)]
    public static PyObject FsPath(PyObject path)
    {
        if (path is PyStr or PyBytes)
        {
            return path;
        }
        if (path.Type.Lookup(PyStr.Intern("__fspath__")) is not { } fspath)
        {
            throw PyErr.TypeError($"expected str, bytes or os.PathLike object, not {path.Type.Name}");
        }
        var result = Ops.Call(fspath, [path], null);
        return result is PyStr or PyBytes
            ? result
            : throw PyErr.TypeError($"expected {path.Type.Name}.__fspath__() to return str or bytes, not {result.Type.Name}");
    }

    [PyMethod("strerror")]
    public static string StrError(int code) => StrErrorText(code);
}
