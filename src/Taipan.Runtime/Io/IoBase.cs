// Modules/_io/iobase.c
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Io;

/// <summary><c>_io._IOBase</c>: the methods every stream has, written in terms of the
/// stream's own (possibly overridden) methods, which are looked up on the object.</summary>
[PyType("_IOBase", Module = "_io", Subclassable = true, InstanceType = true, Doc = "The abstract base class for all I/O classes.")]
public partial class PyIOBase : PySubclassableObject
{
    protected PyIOBase(PyType type) : base(type)
    {
    }

    /// <summary>The <c>__IOBase_closed</c> flag of iobase.c.</summary>
    protected bool IOBaseClosed { get; set; }

    // Every I/O object has a __dict__ (open() stores the text wrapper's mode in it).
    public override PyDict? InstanceDict => OwnDict;

    public PyDict OwnAttributes => OwnDict;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyIOBase(type);

    protected static PyException UnsupportedOp(string name) => IoModule.Unsupported(name);

    /// <summary>Raises ValueError when <c>self.closed</c> (looked up) is true.</summary>
    protected void CheckClosedAttr()
    {
        if (IoModule.IsClosed(this))
        {
            throw IoModule.ClosedFile();
        }
    }

    [PyMethod("seek")]
    public PyObject IOBaseSeek(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => throw UnsupportedOp("seek");

    [PyMethod("tell")]
    public PyObject IOBaseTell() => Ops.CallMethod(this, "seek", PyInt.From(0), PyInt.From(1));

    [PyMethod("truncate")]
    public PyObject IOBaseTruncate(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => throw UnsupportedOp("truncate");

    [PyMethod("flush")]
    public void IOBaseFlush()
    {
        if (IOBaseClosed)
        {
            throw IoModule.ClosedFile();
        }
    }

    [PyMethod("close")]
    public void IOBaseClose()
    {
        if (IOBaseClosed)
        {
            return;
        }
        try
        {
            Ops.CallMethod(this, "flush");
        }
        finally
        {
            IOBaseClosed = true;
        }
    }

    [PyGetter("closed")]
    public bool IOBaseClosedGetter() => IOBaseClosed;

    [PyMethod("seekable")]
    public bool IOBaseSeekable() => false;

    [PyMethod("readable")]
    public bool IOBaseReadable() => false;

    [PyMethod("writable")]
    public bool IOBaseWritable() => false;

    [PyMethod("_checkClosed")]
    public void CheckClosedMethod(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => CheckClosedAttr();

    [PyMethod("_checkSeekable")]
    public bool CheckSeekableMethod(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => CheckCapability(this, "seekable");

    [PyMethod("_checkReadable")]
    public bool CheckReadableMethod(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => CheckCapability(this, "readable");

    [PyMethod("_checkWritable")]
    public bool CheckWritableMethod(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => CheckCapability(this, "writable");

    /// <summary>_PyIOBase_check_seekable/readable/writable: the stream's own answer must be True.</summary>
    public static bool CheckCapability(PyObject stream, string what)
    {
        var r = Ops.CallMethod(stream, what);
        if (!ReferenceEquals(r, PyBool.True))
        {
            throw IoModule.Unsupported($"File or stream is not {what}.");
        }
        return true;
    }

    [PyMethod("fileno")]
    public PyObject IOBaseFileno() => throw UnsupportedOp("fileno");

    [PyMethod("isatty")]
    public bool IOBaseIsatty()
    {
        CheckClosedAttr();
        return false;
    }

    [PyMethod("__enter__")]
    public PyObject Enter()
    {
        CheckClosedAttr();
        return this;
    }

    [PyMethod("__exit__")]
    public PyObject Exit(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => Ops.CallMethod(this, "close");

    [PySlot("tp_iter")]
    public PyObject Iter()
    {
        CheckClosedAttr();
        return this;
    }

    [PySlot("tp_iternext")]
    public PyObject? IterNext()
    {
        var line = Ops.CallMethod(this, "readline");
        return Ops.IsTrue(line) ? line : null;
    }

    [PyMethod("readline")]
    public PyObject IOBaseReadline(PyObject? size = null)
    {
        var limit = IoModule.SizeArg(size);
        var peek = Ops.TryGetAttr(this, PyStr.Intern("peek"));
        var result = new List<byte>();
        while (limit < 0 || result.Count < limit)
        {
            var nreadahead = 1L;
            if (peek is not null)
            {
                var ahead = Ops.Call(peek, [PyInt.From(1)], null);
                if (ahead is not PyBytes pb)
                {
                    throw PyErr.New(PyExc.OSError, $"peek() should have returned a bytes object, not '{ahead.Type.Name}'");
                }
                var data = pb.Data;
                if (data.Length > 0)
                {
                    var n = 0;
                    while (n < data.Length && (limit < 0 || n < limit - result.Count))
                    {
                        if (data[n++] == (byte)'\n')
                        {
                            break;
                        }
                    }
                    nreadahead = n;
                }
            }
            var b = Ops.CallMethod(this, "read", PyInt.From(nreadahead));
            if (b is PyNone)
            {
                break;
            }
            if (b is not PyBytes bytes)
            {
                throw PyErr.New(PyExc.OSError, $"read() should have returned a bytes object, not '{b.Type.Name}'");
            }
            if (bytes.Data.Length == 0)
            {
                break;
            }
            result.AddRange(bytes.Data);
            if (result[^1] == (byte)'\n')
            {
                break;
            }
        }
        return new PyBytes([.. result]);
    }

    [PyMethod("readlines")]
    public PyList IOBaseReadlines(PyObject? hint = null)
    {
        var limit = IoModule.SizeArg(hint);
        var result = new PyList();
        if (limit <= 0)
        {
            foreach (var line in Ops.Iterate(this))
            {
                result.Append(line);
            }
            return result;
        }
        long total = 0;
        var it = Ops.GetIter(this);
        while (Ops.Next(it) is { } line)
        {
            result.Append(line);
            total += Builtins.Len(line);
            if (total >= limit)
            {
                break;
            }
        }
        return result;
    }

    [PyMethod("writelines")]
    public void IOBaseWritelines(PyObject lines)
    {
        CheckClosedAttr();
        var it = Ops.GetIter(lines);
        while (Ops.Next(it) is { } line)
        {
            Ops.CallMethod(this, "write", line);
        }
    }
}

/// <summary><c>_io._RawIOBase</c>: read and readall written over readinto.</summary>
[PyType("_RawIOBase", Module = "_io", Base = typeof(PyIOBase), Subclassable = true, InstanceType = true, Doc = "Base class for raw binary I/O.")]
public partial class PyRawIOBase : PyIOBase
{
    protected PyRawIOBase(PyType type) : base(type)
    {
    }

    [PySlot("tp_new")]
    public static new PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyRawIOBase(type);

    [PyMethod("read")]
    public PyObject RawRead(PyObject? size = null)
    {
        var n = IoModule.SizeArg(size);
        if (n < 0)
        {
            return Ops.CallMethod(this, "readall");
        }
        var b = new PyByteArray(new byte[n]);
        var res = Ops.CallMethod(this, "readinto", b);
        if (res is PyNone)
        {
            return res;
        }
        var got = ArgParse.ToLong(res);
        if (got < 0 || got > n)
        {
            throw PyErr.ValueError($"readinto returned {got} outside buffer size {n}");
        }
        return PyBytes.From(b.Data[..(int)got]);
    }

    [PyMethod("readall")]
    public PyObject RawReadall()
    {
        var chunks = new List<byte>();
        while (true)
        {
            var data = Ops.CallMethod(this, "read", PyInt.From(IoModule.DefaultBufferSize));
            if (data is PyNone)
            {
                if (chunks.Count == 0)
                {
                    return data;
                }
                break;
            }
            if (data is not PyBytes b)
            {
                throw PyErr.TypeError("read() should return bytes");
            }
            if (b.Data.Length == 0)
            {
                break;
            }
            chunks.AddRange(b.Data);
        }
        return new PyBytes([.. chunks]);
    }

    [PyMethod("readinto")]
    public PyObject RawReadinto(PyObject buffer) => throw new PyException(new PyBaseException(PyExc.NotImplementedError, PyTuple.Empty));

    [PyMethod("write")]
    public PyObject RawWrite(PyObject b) => throw new PyException(new PyBaseException(PyExc.NotImplementedError, PyTuple.Empty));
}
