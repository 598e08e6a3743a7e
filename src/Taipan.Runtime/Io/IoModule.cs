// Modules/_io/_iomodule.c
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Io;

/// <summary>The <c>_io</c> module: <c>open</c>, the I/O class hierarchy and the helpers the
/// classes share (argument conversions, UnsupportedOperation).</summary>
[PyModule("_io", Doc = "The io module provides the Python interfaces to stream handling. The\nbuiltin open function is defined in this module.")]
public static partial class IoModule
{
    public const int DefaultBufferSize = 8192;

    /// <summary><c>io.UnsupportedOperation</c>: a subclass of OSError and ValueError, made as
    /// CPython makes it (a class created at run time, <c>__module__</c> 'io').</summary>
    public static readonly PyType UnsupportedOperation = CreateUnsupportedOperation();

    private static PyType CreateUnsupportedOperation()
    {
        var dict = new PyDict();
        dict.SetItem(PyStr.Intern("__module__"), PyStr.Intern("io"));
        return (PyType)Ops.Call(PyType.TypeObject,
            [PyStr.Intern("UnsupportedOperation"), new PyTuple([PyExc.OSError, PyExc.ValueError]), dict], null);
    }

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("DEFAULT_BUFFER_SIZE", PyInt.From(DefaultBufferSize));
        module.AddBuiltin("UnsupportedOperation", UnsupportedOperation);
        module.AddBuiltin("BlockingIOError", PyExc.BlockingIOError);
        // builtins.open is io.open in CPython: once _io exists, the builtin stand-in (same
        // arguments, same code) gives way to the module's function.
        var open = PyStr.Intern("open");
        if (Builtins.Module.Dict.TryGetValue(open, out var current) && current is PyBuiltinFunction { Name: "open", ModuleName: "builtins" })
        {
            Builtins.Module.Dict.SetItem(open, module.Dict[open]!);
        }
        foreach (var t in new[]
        {
            PyIOBase.TypeObject, PyRawIOBase.TypeObject, PyBufferedIOBase.TypeObject, PyTextIOBase.TypeObject,
            PyFileIO.TypeObject, PyBytesIO.TypeObject, PyStringIO.TypeObject, PyBufferedReader.TypeObject,
            PyBufferedWriter.TypeObject, PyBufferedRWPair.TypeObject, PyBufferedRandom.TypeObject,
            PyTextIOWrapper.TypeObject, PyIncrementalNewlineDecoder.TypeObject,
        })
        {
            module.AddBuiltin(t.Name, t);
        }
    }

    public static PyException Unsupported(string message) => PyErr.New(UnsupportedOperation, message);

    public static PyException ClosedFile(bool period = true) =>
        PyErr.ValueError(period ? "I/O operation on closed file." : "I/O operation on closed file");

    /// <summary>_Py_convert_optional_to_ssize_t: an int (through __index__) or None (-1).</summary>
    public static long SizeArg(PyObject? o)
    {
        if (o is null or PyNone)
        {
            return -1;
        }
        if (o is PyInt || o.Type.Slots.Index is not null)
        {
            return ArgParse.ToLong(o);
        }
        throw PyErr.TypeError($"argument should be integer or None, not '{o.Type.Name}'");
    }

    /// <summary>The bytes of a bytes-like argument.</summary>
    public static ReadOnlySpan<byte> BytesLike(PyObject o) =>
        BufferProtocol.TryRead(o, out var data) ? data : throw PyErr.TypeError($"a bytes-like object is required, not '{o.Type.Name}'");

    /// <summary>A writable buffer argument (readinto); bytearray is the only one this runtime has.</summary>
    public static PyByteArray WritableBuffer(string function, PyObject o) =>
        o as PyByteArray ?? throw PyErr.TypeError(o is PyBytes or PyStr
            ? $"{function}() argument must be read-write bytes-like object, not {o.Type.Name}"
            : $"{function}() argument must be read-write bytes-like object, not {o.Type.Name}");

    public static bool IsClosed(PyObject stream) => Ops.IsTrue(Ops.GetAttr(stream, PyStr.Intern("closed")));

    /// <summary>The C-level repr helper: the object's attribute, or null when it is missing or
    /// raises ValueError (a detached or closed stream).</summary>
    public static PyObject? ReprAttr(PyObject o, string name)
    {
        try
        {
            return Ops.TryGetAttr(o, PyStr.Intern(name));
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.ValueError))
        {
            return null;
        }
    }

    /// <summary>os.fspath for the file argument of open/FileIO.</summary>
    public static PyObject FsPath(PyObject file)
    {
        if (file is PyStr or PyBytes)
        {
            return file;
        }
        if (file.Type.Lookup(PyStr.Intern("__fspath__")) is { } method)
        {
            var path = Ops.Call(method, [file], null);
            return path is PyStr or PyBytes ? path
                : throw PyErr.TypeError($"expected {file.Type.Name}.__fspath__() to return str or bytes, not {path.Type.Name}");
        }
        throw PyErr.TypeError($"expected str, bytes or os.PathLike object, not {file.Type.Name}");
    }

    [PyMethod(Keywords = true)]
    public static PyObject Open(PyObject file, string mode = "r", int buffering = -1, PyObject? encoding = null, PyObject? errors = null,
        PyObject? newline = null, bool closefd = true, PyObject? opener = null)
    {
        if (file is not PyInt && file is not PyStr && file is not PyBytes)
        {
            // Checked here so a bad type gives os.fspath's message before the mode is looked at.
            FsPath(file);
        }
        string? enc = OptionalStr("open", "encoding", encoding);
        string? err = OptionalStr("open", "errors", errors);
        string? nl = OptionalStr("open", "newline", newline);
        bool creating = false, reading = false, writing = false, appending = false, updating = false, text = false, binary = false;
        var seen = new HashSet<char>();
        foreach (var c in mode)
        {
            if ("xrwab+t".IndexOf(c) < 0 || !seen.Add(c))
            {
                throw PyErr.ValueError($"invalid mode: '{mode}'");
            }
            switch (c)
            {
                case 'x': creating = true; break;
                case 'r': reading = true; break;
                case 'w': writing = true; break;
                case 'a': appending = true; break;
                case '+': updating = true; break;
                case 't': text = true; break;
                case 'b': binary = true; break;
            }
        }
        var rawMode = (creating ? "x" : "") + (reading ? "r" : "") + (writing ? "w" : "") + (appending ? "a" : "") + (updating ? "+" : "");
        if (text && binary)
        {
            throw PyErr.ValueError("can't have text and binary mode at once");
        }
        if ((creating ? 1 : 0) + (reading ? 1 : 0) + (writing ? 1 : 0) + (appending ? 1 : 0) > 1)
        {
            throw PyErr.ValueError("must have exactly one of create/read/write/append mode");
        }
        if (!(creating || reading || writing || appending))
        {
            throw PyErr.ValueError("Must have exactly one of create/read/write/append mode and at most one plus");
        }
        if (binary && enc is not null)
        {
            throw PyErr.ValueError("binary mode doesn't take an encoding argument");
        }
        if (binary && err is not null)
        {
            throw PyErr.ValueError("binary mode doesn't take an errors argument");
        }
        if (binary && nl is not null)
        {
            throw PyErr.ValueError("binary mode doesn't take a newline argument");
        }
        if (binary && buffering == 1)
        {
            Warn("line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used");
        }
        var raw = new PyFileIO(PyFileIO.TypeObject);
        raw.Initialize(file, rawMode, closefd, opener);
        var result = (PyObject)raw;
        try
        {
            var lineBuffering = false;
            if (buffering == 1 || (buffering < 0 && raw.IsATty()))
            {
                buffering = -1;
                lineBuffering = true;
            }
            if (buffering < 0)
            {
                buffering = raw.BlkSize > 1 ? (int)raw.BlkSize : DefaultBufferSize;
            }
            if (buffering == 0)
            {
                if (!binary)
                {
                    throw PyErr.ValueError("can't have unbuffered text I/O");
                }
                return result;
            }
            PyBuffered buffer = updating ? new PyBufferedRandom(PyBufferedRandom.TypeObject)
                : creating || writing || appending ? new PyBufferedWriter(PyBufferedWriter.TypeObject)
                : new PyBufferedReader(PyBufferedReader.TypeObject);
            buffer.Initialize(raw, buffering);
            result = buffer;
            if (binary)
            {
                return result;
            }
            var wrapper = new PyTextIOWrapper(PyTextIOWrapper.TypeObject);
            wrapper.Initialize(buffer, enc, err, newline is null or PyNone ? null : nl, nlGiven: newline is not null and not PyNone, lineBuffering, false);
            result = wrapper;
            wrapper.OwnAttributes.SetItem(PyStr.Intern("mode"), new PyStr(mode));
            return result;
        }
        catch (PyException)
        {
            try
            {
                Ops.CallMethod(result, "close");
            }
            catch (PyException)
            {
                // The first error is the one reported, as in CPython.
            }
            throw;
        }
    }

    private static string? OptionalStr(string function, string name, PyObject? o) => o switch
    {
        null or PyNone => null,
        PyStr s => s.Value,
        _ => throw PyErr.TypeError($"{function}() argument '{name}' must be str or None, not {o.Type.Name}"),
    };

    /// <summary>A RuntimeWarning through the warnings module when it can be imported.</summary>
    private static void Warn(string message)
    {
        try
        {
            var warnings = Import.ImportModuleLevel(PyStr.Intern("warnings"), null, null, 0);
            Ops.CallMethod(warnings, "warn", new PyStr(message), PyExc.RuntimeWarning, PyInt.From(2));
        }
        catch (PyException e) when (!e.Value.Type.IsSubtypeOf(PyExc.Warning))
        {
            // Without a warnings module there is nobody to tell.
        }
    }

    [PyMethod(Keywords = true)]
    public static PyObject Open_Code(PyObject path)
    {
        if (path is not PyStr)
        {
            throw PyErr.TypeError($"open_code() argument 'path' must be str, not {path.Type.Name}");
        }
        return Open(path, "rb");
    }

    [PyMethod(Keywords = true)]
    public static PyObject Text_Encoding(PyObject encoding, int stacklevel = 2)
    {
        if (encoding is not PyNone)
        {
            return encoding;
        }
        return PyStr.Intern(SysModule.Get("flags") is PyTuple { Count: > 14 } flags && Ops.IsTrue(flags[14]) ? "utf-8" : "locale");
    }

    /// <summary>The error handler of stdin and stdout (config_get_stdio_errors): surrogateescape
    /// under the C or POSIX locale (C.UTF-8 included), strict otherwise.</summary>
    public static string StdioErrors()
    {
        var locale = Environment.GetEnvironmentVariable("LC_ALL") is { Length: > 0 } all ? all
            : Environment.GetEnvironmentVariable("LC_CTYPE") is { Length: > 0 } ctype ? ctype
            : Environment.GetEnvironmentVariable("LANG") ?? "";
        return locale is "" or "C" or "POSIX" || locale.StartsWith("C.", StringComparison.Ordinal) ? "surrogateescape" : "strict";
    }

    /// <summary>A standard stream as create_stdio makes it: FileIO over the descriptor (not
    /// closing it), buffered unless unbuffered output was asked for, in a TextIOWrapper that is
    /// line-buffered on a terminal (always for stderr).</summary>
    public static PyObject CreateStdio(int fd, bool write, string name, string errors, bool bufferedStdio)
    {
        var raw = new PyFileIO(PyFileIO.TypeObject);
        raw.Initialize(PyInt.From(fd), write ? "w" : "r", closefd: false, opener: null);
        raw.OwnAttributes.SetItem(PyStr.Intern("name"), new PyStr(name));
        var tty = raw.IsATty();
        PyObject buffer = raw;
        if (bufferedStdio || !write)
        {
            var buffered = write ? (PyBuffered)new PyBufferedWriter(PyBufferedWriter.TypeObject) : new PyBufferedReader(PyBufferedReader.TypeObject);
            buffered.Initialize(raw, raw.BlkSize > 1 ? (int)raw.BlkSize : DefaultBufferSize);
            buffer = buffered;
        }
        var wrapper = new PyTextIOWrapper(PyTextIOWrapper.TypeObject);
        wrapper.Initialize(buffer, "utf-8", errors, "\n", nlGiven: true,
            lineBuffering: bufferedStdio && (tty || fd == 2), writeThrough: !bufferedStdio);
        wrapper.OwnAttributes.SetItem(PyStr.Intern("mode"), PyStr.Intern(write ? "w" : "r"));
        return wrapper;
    }
}
