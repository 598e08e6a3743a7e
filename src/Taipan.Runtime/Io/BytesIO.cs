// Modules/_io/bytesio.c
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Io;

/// <summary><c>_io.BytesIO</c>: a growable byte buffer with a position. <c>getbuffer</c> is
/// missing: this runtime has no memoryview yet.</summary>
[PyType("BytesIO", Module = "_io", Base = typeof(PyBufferedIOBase), Subclassable = true, InstanceType = true, Doc = "Buffered I/O implementation using an in-memory bytes buffer.")]
public sealed partial class PyBytesIO : PyBufferedIOBase
{
    private byte[] _buf = [];
    private int _size, _pos;
    private bool _closed;

    internal PyBytesIO(PyType type) : base(type)
    {
    }

    [PySlot("tp_new")]
    public static new PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyBytesIO(type);

    private static readonly string[] s_initNames = ["initial_bytes"];

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[1];
        ArgParse.UnpackKeywords("BytesIO", args, kwnames, s_initNames, 0, 1, 0, buffer);
        _size = _pos = 0;
        if (buffer[0] is { } initial and not PyNone)
        {
            var data = IoModule.BytesLike(initial);
            _buf = data.ToArray();
            _size = _buf.Length;
        }
    }

    private void CheckClosed()
    {
        if (_closed)
        {
            throw IoModule.ClosedFile();
        }
    }

    [PyMethod("readable")] public bool Readable() { CheckClosed(); return true; }
    [PyMethod("writable")] public bool Writable() { CheckClosed(); return true; }
    [PyMethod("seekable")] public bool Seekable() { CheckClosed(); return true; }
    [PyMethod("flush")] public void Flush() => CheckClosed();
    [PyMethod("isatty")] public bool Isatty() { CheckClosed(); return false; }
    [PyMethod("close")]
    public void Close()
    {
        CheckExports();
        _closed = true;
    }

    /// <summary>memoryviews from <c>getbuffer()</c> still holding the data.</summary>
    private int _exports;

    /// <summary>CHECK_EXPORTS: no resizing while views exist. Views the program dropped but the
    /// collector has not finalized yet would refuse it wrongly, so a refusal first lets them go.</summary>
    private void CheckExports()
    {
        if (Volatile.Read(ref _exports) == 0)
        {
            return;
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        if (Volatile.Read(ref _exports) != 0)
        {
            throw PyErr.New(PyExc.BufferError, "Existing exports of data: object cannot be re-sized");
        }
    }

    /// <summary><c>getbuffer()</c>: a writable view of the contents.</summary>
    [PyMethod("getbuffer")]
    public PyMemoryView GetBuffer()
    {
        CheckClosed();
        return PyMemoryView.FromObject(new Exporter(this));
    }

    /// <summary>The object the view of <c>getbuffer()</c> holds (CPython's bytesiobuf).</summary>
    private sealed class Exporter(PyBytesIO owner) : PyObject, IBuffer
    {
        public override PyType Type => PyBaseObject.TypeObject;

        Span<byte> IBuffer.BufferSpan => owner._buf.AsSpan(0, owner._size);

        bool IBuffer.BufferReadOnly => false;

        void IBuffer.BufferExport(int delta) => Interlocked.Add(ref owner._exports, delta);
    }
    [PyGetter("closed")] public bool ClosedGetter() => _closed;

    [PyMethod("tell")]
    public long Tell()
    {
        CheckClosed();
        return _pos;
    }

    [PyMethod("getvalue")]
    public PyBytes GetValue()
    {
        CheckClosed();
        return PyBytes.From(_buf.AsSpan(0, _size));
    }

    private PyBytes ReadBytes(long n)
    {
        var avail = Math.Max(0, _size - _pos);
        if (n < 0 || n > avail)
        {
            n = avail;
        }
        var r = PyBytes.From(_buf.AsSpan(_pos, (int)n));
        _pos += (int)n;
        return r;
    }

    [PyMethod("read")]
    public PyBytes Read(PyObject? size = null)
    {
        CheckClosed();
        return ReadBytes(IoModule.SizeArg(size));
    }

    [PyMethod("read1")]
    public PyBytes Read1(PyObject? size = null) => Read(size);

    [PyMethod("readline")]
    public PyBytes Readline(PyObject? size = null)
    {
        CheckClosed();
        return ReadBytes(LineLength(IoModule.SizeArg(size)));
    }

    private long LineLength(long limit)
    {
        if (_pos >= _size)
        {
            return 0;
        }
        var span = _buf.AsSpan(_pos, _size - _pos);
        var nl = span.IndexOf((byte)'\n');
        long n = nl < 0 ? span.Length : nl + 1;
        return limit >= 0 && limit < n ? limit : n;
    }

    [PyMethod("readlines")]
    public PyList Readlines(PyObject? hint = null)
    {
        CheckClosed();
        var max = IoModule.SizeArg(hint);
        var result = new PyList();
        long total = 0;
        while (true)
        {
            var n = LineLength(-1);
            if (n == 0)
            {
                break;
            }
            result.Append(ReadBytes(n));
            total += n;
            if (max > 0 && total >= max)
            {
                break;
            }
        }
        return result;
    }

    [PyMethod("readinto")]
    public long Readinto(PyObject buffer)
    {
        CheckClosed();
        var b = IoModule.WritableBuffer("readinto", buffer);
        var span = b.WritableData;
        var n = Math.Min(span.Length, Math.Max(0, _size - _pos));
        _buf.AsSpan(_pos, n).CopyTo(span);
        _pos += n;
        return n;
    }

    [PyMethod("write")]
    public long Write(PyObject b)
    {
        CheckClosed();
        CheckExports();
        var data = IoModule.BytesLike(b);
        if (data.Length == 0)
        {
            return 0;
        }
        var end = _pos + data.Length;
        if (end > _buf.Length)
        {
            Array.Resize(ref _buf, Math.Max(end, _buf.Length * 2));
        }
        if (_pos > _size)
        {
            Array.Clear(_buf, _size, _pos - _size);
        }
        data.CopyTo(_buf.AsSpan(_pos));
        _pos = end;
        _size = Math.Max(_size, end);
        return data.Length;
    }

    [PyMethod("writelines")]
    public void Writelines(PyObject lines)
    {
        CheckClosed();
        var it = Ops.GetIter(lines);
        while (Ops.Next(it) is { } line)
        {
            Write(line);
        }
    }

    [PyMethod("seek")]
    public long Seek(PyObject pos, int whence = 0)
    {
        var p = ArgParse.ToLong(pos);
        CheckClosed();
        if (p < 0 && whence == 0)
        {
            throw PyErr.ValueError($"negative seek value {p}");
        }
        p = whence switch
        {
            0 => p,
            1 => p > long.MaxValue - _pos ? long.MaxValue : _pos + p,
            2 => p > long.MaxValue - _size ? long.MaxValue : _size + p,
            _ => throw PyErr.ValueError($"invalid whence ({whence}, should be 0, 1 or 2)"),
        };
        _pos = (int)Math.Clamp(p, 0, int.MaxValue / 2);
        return _pos;
    }

    [PyMethod("truncate")]
    public long Truncate(PyObject? size = null)
    {
        CheckClosed();
        CheckExports();
        var n = size is null or PyNone ? _pos : ArgParse.ToLong(size);
        if (n < 0)
        {
            throw PyErr.ValueError($"negative size value {n}");
        }
        if (n < _size)
        {
            _size = (int)n;
        }
        return n;
    }

    [PySlot("tp_iter")]
    public PyObject BytesIter()
    {
        CheckClosed();
        return this;
    }

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        CheckClosed();
        var n = LineLength(-1);
        return n == 0 ? null : ReadBytes(n);
    }

    [PyMethod("__getstate__")]
    public PyTuple GetState()
    {
        CheckClosed();
        return new PyTuple([GetValue(), PyInt.From(_pos), InstanceDict is { } d ? d : PyNone.Value]);
    }
}
