// Modules/_io/bufferedio.c
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Io;

/// <summary><c>_io._BufferedIOBase</c>: readinto over read; the rest unsupported.</summary>
[PyType("_BufferedIOBase", Module = "_io", Base = typeof(PyIOBase), Subclassable = true, InstanceType = true, Doc = "Base class for buffered IO objects.")]
public partial class PyBufferedIOBase : PyIOBase
{
    protected PyBufferedIOBase(PyType type) : base(type)
    {
    }

    [PySlot("tp_new")]
    public static new PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyBufferedIOBase(type);

    [PyMethod("detach")]
    public PyObject BaseDetach() => throw UnsupportedOp("detach");

    [PyMethod("read")]
    public PyObject BaseRead(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => throw UnsupportedOp("read");

    [PyMethod("read1")]
    public PyObject BaseRead1(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => throw UnsupportedOp("read1");

    [PyMethod("write")]
    public PyObject BaseWrite(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => throw UnsupportedOp("write");

    [PyMethod("readinto")]
    public PyObject BaseReadinto(PyObject buffer) => ReadintoVia(buffer, "read");

    [PyMethod("readinto1")]
    public PyObject BaseReadinto1(PyObject buffer) => ReadintoVia(buffer, "read1");

    private PyObject ReadintoVia(PyObject buffer, string method)
    {
        var b = IoModule.WritableBuffer(method == "read" ? "readinto" : "readinto1", buffer);
        var span = b.WritableData;
        var data = Ops.CallMethod(this, method, PyInt.From(span.Length));
        if (data is not PyBytes bytes)
        {
            throw PyErr.TypeError("read() should return bytes");
        }
        if (bytes.Data.Length > span.Length)
        {
            throw PyErr.ValueError($"read() returned too much data: {span.Length} bytes requested, {bytes.Data.Length} returned");
        }
        bytes.Data.CopyTo(span);
        return PyInt.From(bytes.Data.Length);
    }
}

/// <summary>The machinery BufferedReader, BufferedWriter and BufferedRandom share: a read
/// buffer and a write buffer over the raw stream (at most one of them holds data), with the
/// raw stream's methods called directly when it is an exact FileIO and looked up otherwise.</summary>
public abstract class PyBuffered : PyBufferedIOBase
{
    private PyObject? _raw;
    private PyFileIO? _fileRaw;
    private bool _detached;
    private int _bufferSize;
    private byte[] _rbuf = [];
    private int _rpos, _rlen;
    private byte[] _wbuf = [];
    private int _wlen;
    protected bool CanRead, CanWrite;

    protected PyBuffered(PyType type) : base(type)
    {
    }

    public PyObject Raw => _raw ?? throw (_detached ? PyErr.ValueError("raw stream has been detached") : PyErr.ValueError("I/O operation on uninitialized object"));

    protected abstract string KindName { get; }

    private static readonly string[] s_initNames = ["raw", "buffer_size"];

    protected void InitFromArgs(string name, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords(name, args, kwnames, s_initNames, 1, 2, 1, buffer);
        Initialize(buffer[0]!, buffer[1] is null ? IoModule.DefaultBufferSize : ArgParse.ToLong(buffer[1]!));
    }

    internal void Initialize(PyObject raw, long bufferSize)
    {
        _raw = null;
        _detached = false;
        if (CanRead)
        {
            PyIOBase.CheckCapability(raw, "readable");
        }
        if (CanWrite)
        {
            PyIOBase.CheckCapability(raw, "writable");
        }
        if (CanRead && CanWrite)
        {
            PyIOBase.CheckCapability(raw, "seekable");
        }
        if (bufferSize <= 0)
        {
            throw PyErr.ValueError("buffer size must be strictly positive");
        }
        _raw = raw;
        _fileRaw = raw.GetType() == typeof(PyFileIO) && raw.Type == PyFileIO.TypeObject ? (PyFileIO)raw : null;
        _bufferSize = (int)Math.Min(bufferSize, int.MaxValue / 2);
        _rbuf = CanRead ? new byte[_bufferSize] : [];
        _wbuf = CanWrite ? new byte[_bufferSize] : [];
        _rpos = _rlen = _wlen = 0;
        if (CanWrite)
        {
            TrackWriter(this);
        }
    }

    // ---- what CPython's deallocation does: unclosed writers lose no data ----

    private static readonly List<WeakReference<PyBuffered>> s_writers = [];
    private static int s_pruneAt = 64;

    /// <summary>Remembers a writer so the data it still holds is written at exit, when CPython
    /// finalizes it; the first one registers the exit handler.</summary>
    private static void TrackWriter(PyBuffered writer)
    {
        lock (s_writers)
        {
            if (s_writers.Count == 0)
            {
                PythonRun.RegisterExitHandler(FlushAllWriters);
            }
            if (s_writers.Count >= s_pruneAt)
            {
                s_writers.RemoveAll(w => !w.TryGetTarget(out _));
                s_pruneAt = Math.Max(64, s_writers.Count * 2);
            }
            s_writers.Add(new WeakReference<PyBuffered>(writer));
        }
    }

    private static void FlushAllWriters()
    {
        PyBuffered[] alive;
        lock (s_writers)
        {
            alive = [.. s_writers.Select(w => w.TryGetTarget(out var b) ? b : null).OfType<PyBuffered>()];
        }
        foreach (var writer in alive)
        {
            try
            {
                writer.FlushFast();
            }
            catch (PyException)
            {
                // As a failing flush in a finalizer: nothing to report it to here.
            }
        }
    }

    /// <summary>An unreachable writer over a FileIO writes what it holds and closes the file, as
    /// its deallocation does in CPython (only native calls: no Python code runs on the
    /// finalizer thread).</summary>
    ~PyBuffered()
    {
        if (_fileRaw is { Closed: false } raw && _wlen > 0)
        {
            raw.WriteFromFinalizer(_wbuf.AsSpan(0, _wlen));
            _wlen = 0;
        }
        _fileRaw?.CloseFromFinalizer();
    }

    // ---- the raw stream ----

    private bool RawClosed => _fileRaw is not null ? _fileRaw.Closed : IoModule.IsClosed(Raw);

    public bool IsClosedFast => _fileRaw is not null ? _fileRaw.Closed : IoModule.IsClosed(Raw);

    private void CheckClosed(string what)
    {
        if (RawClosed)
        {
            // Reading what is still buffered is allowed after close, as in CPython.
            if (what == "read of closed file" && _rlen > _rpos)
            {
                return;
            }
            throw PyErr.ValueError(what);
        }
    }

    /// <summary>One raw read into the span: the count, or -1 when the raw stream returned None.</summary>
    private int RawRead(Span<byte> into)
    {
        if (_fileRaw is not null)
        {
            return _fileRaw.ReadInto(into);
        }
        var b = new PyByteArray(new byte[into.Length]);
        var res = Ops.CallMethod(Raw, "readinto", b);
        if (res is PyNone)
        {
            return -1;
        }
        var n = ArgParse.ToLong(res);
        if (n < 0 || n > into.Length)
        {
            throw PyErr.New(PyExc.OSError, $"raw readinto() returned invalid length {n} (should have been between 0 and {into.Length} bytes)");
        }
        b.Data[..(int)n].CopyTo(into);
        return (int)n;
    }

    private int RawWrite(ReadOnlySpan<byte> data)
    {
        if (_fileRaw is not null)
        {
            return _fileRaw.WriteFrom(data);
        }
        var res = Ops.CallMethod(Raw, "write", PyBytes.From(data));
        if (res is PyNone)
        {
            return -1;
        }
        var n = ArgParse.ToLong(res);
        if (n < 0 || n > data.Length)
        {
            throw PyErr.New(PyExc.OSError, $"raw write() returned invalid length {n} (should have been between 0 and {data.Length} bytes)");
        }
        return (int)n;
    }

    private long RawSeek(long pos, int whence)
    {
        long r;
        if (_fileRaw is not null)
        {
            r = _fileRaw.SeekTo(pos, whence);
        }
        else
        {
            r = ArgParse.ToLong(Ops.CallMethod(Raw, "seek", PyInt.From(pos), PyInt.From(whence)));
        }
        if (r < 0)
        {
            throw PyErr.New(PyExc.OSError, $"Raw stream returned invalid position {r}");
        }
        return r;
    }

    private long RawTell()
    {
        var r = _fileRaw is not null ? _fileRaw.Tell() : ArgParse.ToLong(Ops.CallMethod(Raw, "tell"));
        if (r < 0)
        {
            throw PyErr.New(PyExc.OSError, $"Raw stream returned invalid position {r}");
        }
        return r;
    }

    // ---- buffers ----

    private void FlushWrites()
    {
        var written = 0;
        while (written < _wlen)
        {
            var n = RawWrite(_wbuf.AsSpan(written, _wlen - written));
            if (n < 0)
            {
                Buffer.BlockCopy(_wbuf, written, _wbuf, 0, _wlen - written);
                _wlen -= written;
                throw new PyException((PyBaseException)Ops.Call(PyExc.BlockingIOError,
                    [PyInt.From(Native.EAGAIN), new PyStr("write could not complete without blocking"), PyInt.From(0)], null));
            }
            written += n;
        }
        _wlen = 0;
    }

    /// <summary>Drops read-ahead data, moving the raw position back to the logical one.</summary>
    private void DropReadAhead()
    {
        if (_rlen > _rpos)
        {
            RawSeek(_rpos - _rlen, 1);
        }
        _rpos = _rlen = 0;
    }

    /// <summary>Fills the empty read buffer with one raw read: the count, 0 at EOF, -1 for None.</summary>
    private int Fill()
    {
        _rpos = _rlen = 0;
        var n = RawRead(_rbuf);
        if (n > 0)
        {
            _rlen = n;
        }
        return n;
    }

    private void PrepareRead()
    {
        if (_wlen > 0)
        {
            FlushWrites();
        }
    }

    // ---- reading ----

    protected PyObject DoRead(PyObject? size)
    {
        var n = IoModule.SizeArg(size);
        _ = Raw;
        if (n < -1)
        {
            throw PyErr.ValueError("read length must be non-negative or -1");
        }
        CheckClosed("read of closed file");
        PrepareRead();
        if (n == -1)
        {
            return ReadAll();
        }
        var result = new byte[n];
        var got = ReadInto(result, untilFull: true);
        return got < 0 ? PyNone.Value : new PyBytes(got == n ? result : result[..got]);
    }

    private PyObject ReadAll()
    {
        var data = new List<byte>(_rlen - _rpos);
        data.AddRange(_rbuf.AsSpan(_rpos, _rlen - _rpos));
        _rpos = _rlen = 0;
        if (_fileRaw is not null)
        {
            var rest = _fileRaw.ReadAll();
            if (rest is PyNone)
            {
                return data.Count > 0 ? new PyBytes([.. data]) : rest;
            }
            if (data.Count == 0)
            {
                return rest;
            }
            data.AddRange(((PyBytes)rest).Data);
            return new PyBytes([.. data]);
        }
        if (Ops.TryGetAttr(Raw, PyStr.Intern("readall")) is { } readall)
        {
            var rest = Ops.Call(readall, [], null);
            if (rest is PyNone)
            {
                return data.Count > 0 ? new PyBytes([.. data]) : rest;
            }
            if (rest is not PyBytes rb)
            {
                throw PyErr.TypeError("readall() should return bytes");
            }
            data.AddRange(rb.Data);
            return new PyBytes([.. data]);
        }
        while (true)
        {
            var chunk = Ops.CallMethod(Raw, "read");
            if (chunk is PyNone)
            {
                return data.Count > 0 ? new PyBytes([.. data]) : chunk;
            }
            if (chunk is not PyBytes cb)
            {
                throw PyErr.TypeError("read() should return bytes");
            }
            if (cb.Data.Length == 0)
            {
                return new PyBytes([.. data]);
            }
            data.AddRange(cb.Data);
        }
    }

    /// <summary>Reads into the span from the buffer then the raw stream: everything it can
    /// (<paramref name="untilFull"/>) or at most one raw read; -1 when nothing was read and
    /// the raw stream would block.</summary>
    private int ReadInto(Span<byte> into, bool untilFull)
    {
        var have = Math.Min(_rlen - _rpos, into.Length);
        _rbuf.AsSpan(_rpos, have).CopyTo(into);
        _rpos += have;
        var total = have;
        if (total == into.Length || (!untilFull && total > 0))
        {
            return total;
        }
        _rpos = _rlen = 0;
        while (total < into.Length)
        {
            var remaining = into.Length - total;
            int n;
            if (remaining >= _bufferSize)
            {
                n = RawRead(into[total..]);
                if (n > 0)
                {
                    total += n;
                }
            }
            else
            {
                n = Fill();
                if (n > 0)
                {
                    var take = Math.Min(n, remaining);
                    _rbuf.AsSpan(0, take).CopyTo(into[total..]);
                    _rpos = take;
                    total += take;
                }
            }
            if (n == 0 || !untilFull)
            {
                break;
            }
            if (n < 0)
            {
                return total == 0 ? -1 : total;
            }
        }
        return total;
    }

    protected PyObject DoRead1(PyObject? size)
    {
        var n = IoModule.SizeArg(size);
        _ = Raw;
        if (n < 0)
        {
            n = _bufferSize;
        }
        CheckClosed("read of closed file");
        if (n == 0)
        {
            return PyBytes.Empty;
        }
        PrepareRead();
        if (_rlen > _rpos)
        {
            var take = (int)Math.Min(n, _rlen - _rpos);
            var r = PyBytes.From(_rbuf.AsSpan(_rpos, take));
            _rpos += take;
            return r;
        }
        var result = new byte[Math.Min(n, int.MaxValue / 2)];
        var got = ReadInto(result, untilFull: false);
        return got <= 0 ? PyBytes.Empty : new PyBytes(got == result.Length ? result : result[..got]);
    }

    protected PyObject DoPeek(long size)
    {
        _ = Raw;
        CheckClosed("peek of closed file");
        PrepareRead();
        if (_rlen == _rpos)
        {
            Fill();
        }
        return PyBytes.From(_rbuf.AsSpan(_rpos, _rlen - _rpos));
    }

    protected PyObject DoReadinto(PyObject buffer, bool one)
    {
        _ = Raw;
        var b = IoModule.WritableBuffer(one ? "readinto1" : "readinto", buffer);
        CheckClosed("readinto of closed file");
        PrepareRead();
        var n = ReadInto(b.WritableData, untilFull: !one);
        return n < 0 ? PyNone.Value : PyInt.From(n);
    }

    protected PyObject DoReadline(PyObject? size)
    {
        var limit = IoModule.SizeArg(size);
        _ = Raw;
        CheckClosed("readline of closed file");
        PrepareRead();
        List<byte>? acc = null;
        while (true)
        {
            var avail = _rlen - _rpos;
            var max = limit < 0 ? avail : (int)Math.Min(avail, limit - (acc?.Count ?? 0));
            var span = _rbuf.AsSpan(_rpos, max);
            var nl = span.IndexOf((byte)'\n');
            if (nl >= 0 || (limit >= 0 && (acc?.Count ?? 0) + max >= limit))
            {
                var take = nl >= 0 ? nl + 1 : max;
                var piece = _rbuf.AsSpan(_rpos, take);
                _rpos += take;
                if (acc is null)
                {
                    return PyBytes.From(piece);
                }
                acc.AddRange(piece);
                return new PyBytes([.. acc]);
            }
            acc ??= new List<byte>(Math.Max(avail, 16));
            acc.AddRange(span);
            _rpos = _rlen;
            if (Fill() <= 0)
            {
                return new PyBytes([.. acc]);
            }
        }
    }

    // ---- writing ----

    protected PyObject DoWrite(PyObject b)
    {
        _ = Raw;
        var data = IoModule.BytesLike(b);
        if (RawClosed)
        {
            throw PyErr.ValueError("write to closed file");
        }
        WriteBytes(data);
        return PyInt.From(data.Length);
    }

    internal void WriteBytes(ReadOnlySpan<byte> data)
    {
        if (_rlen > 0)
        {
            DropReadAhead();
        }
        if (_wlen + data.Length <= _bufferSize)
        {
            data.CopyTo(_wbuf.AsSpan(_wlen));
            _wlen += data.Length;
            return;
        }
        FlushWrites();
        if (data.Length < _bufferSize)
        {
            data.CopyTo(_wbuf);
            _wlen = data.Length;
            return;
        }
        var written = 0;
        while (written < data.Length)
        {
            var n = RawWrite(data[written..]);
            if (n < 0)
            {
                var rest = data[written..];
                var keep = Math.Min(rest.Length, _bufferSize);
                rest[..keep].CopyTo(_wbuf);
                _wlen = keep;
                throw new PyException((PyBaseException)Ops.Call(PyExc.BlockingIOError,
                    [PyInt.From(Native.EAGAIN), new PyStr("write could not complete without blocking"), PyInt.From(written + keep)], null));
            }
            written += n;
        }
    }

    /// <summary>Writes a str encoded as UTF-8 straight into the write buffer (the text layer's
    /// fast path); false when it holds a lone surrogate and the codec must report it.</summary>
    internal bool WriteUtf8(string text)
    {
        if (_rlen > 0)
        {
            DropReadAhead();
        }
        if (text.Length * 3 <= _bufferSize - _wlen)
        {
            var status = System.Text.Unicode.Utf8.FromUtf16(text, _wbuf.AsSpan(_wlen), out _, out var written, replaceInvalidSequences: false);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return false;
            }
            _wlen += written;
            return true;
        }
        var bytes = new byte[System.Text.Encoding.UTF8.GetMaxByteCount(text.Length)];
        var st = System.Text.Unicode.Utf8.FromUtf16(text, bytes, out _, out var n, replaceInvalidSequences: false);
        if (st != System.Buffers.OperationStatus.Done)
        {
            return false;
        }
        WriteBytes(bytes.AsSpan(0, n));
        return true;
    }

    protected void DoFlush()
    {
        _ = Raw;
        if (RawClosed)
        {
            throw PyErr.ValueError("flush of closed file");
        }
        FlushWrites();
        if (_rlen > 0)
        {
            DropReadAhead();
        }
    }

    internal void FlushFast()
    {
        if (_wlen > 0 && !RawClosed)
        {
            FlushWrites();
        }
    }

    // ---- positioning ----

    protected long DoTell()
    {
        var pos = RawTell() - (_rlen - _rpos) + _wlen;
        return pos < 0 ? 0 : pos;
    }

    protected long DoSeek(PyObject target, int whence)
    {
        _ = Raw;
        if (whence is < 0 or > 2)
        {
            throw PyErr.ValueError($"whence value {whence} unsupported");
        }
        CheckClosed("seek of closed file");
        PyIOBase.CheckCapability(Raw, "seekable");
        var pos = ArgParse.ToLong(Ops.Index(target));
        FlushWrites();
        if (whence == 1)
        {
            pos -= _rlen - _rpos;
        }
        _rpos = _rlen = 0;
        return RawSeek(pos, whence);
    }

    protected PyObject DoTruncate(PyObject? pos)
    {
        _ = Raw;
        CheckClosed("truncate of closed file");
        if (!CanWrite)
        {
            throw UnsupportedOp("truncate");
        }
        FlushWrites();
        if (_rlen > 0)
        {
            DropReadAhead();
        }
        var r = Ops.CallMethod(Raw, "truncate", pos ?? PyNone.Value);
        RawTell();
        return r;
    }

    // ---- the rest ----

    protected void DoClose()
    {
        var raw = Raw;
        if (RawClosed)
        {
            return;
        }
        PyException? error = null;
        try
        {
            Ops.CallMethod(this, "flush");
        }
        catch (PyException e)
        {
            error = e;
        }
        try
        {
            Ops.CallMethod(raw, "close");
        }
        catch (PyException e)
        {
            if (error is not null)
            {
                e.Value.Context ??= error.Value;
            }
            throw;
        }
        _rpos = _rlen = 0;
        if (error is not null)
        {
            throw error;
        }
    }

    protected PyObject DoDetach()
    {
        var raw = Raw;
        Ops.CallMethod(this, "flush");
        _raw = null;
        _fileRaw = null;
        _detached = true;
        return raw;
    }

    protected PyObject RawCall(string name) => Ops.CallMethod(Raw, name);

    protected PyObject RawAttr(string name) => Ops.GetAttr(Raw, PyStr.Intern(name));

    protected PyStr DoRepr()
    {
        var typeName = Type.HasFlag(TypeFlags.HeapType) ? Type.Name : "_io." + Type.Name;
        PyObject? name;
        try
        {
            name = Ops.TryGetAttr(this, PyStr.Intern("name"));
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.ValueError))
        {
            name = null;
        }
        return name is null ? new PyStr($"<{typeName}>") : new PyStr($"<{typeName} name={Ops.Repr(name).Value}>");
    }

    protected PyObject? DoIterNext()
    {
        var line = Type == TypeObjectOf() ? DoReadline(null) : Ops.CallMethod(this, "readline");
        return line is PyBytes { Data.Length: 0 } ? null : line;
    }

    protected abstract PyType TypeObjectOf();
}

/// <summary><c>_io.BufferedReader</c>.</summary>
[PyType("BufferedReader", Module = "_io", Base = typeof(PyBufferedIOBase), Subclassable = true, InstanceType = true, Doc = "Create a new buffered reader using the given readable raw IO object.")]
public sealed partial class PyBufferedReader : PyBuffered
{
    internal PyBufferedReader(PyType type) : base(type) => CanRead = true;

    protected override string KindName => "BufferedReader";

    protected override PyType TypeObjectOf() => TypeObject;

    [PySlot("tp_new")]
    public static new PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyBufferedReader(type);

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => InitFromArgs("BufferedReader", args, kwnames);

    [PyMethod("read")] public PyObject Read(PyObject? size = null) => DoRead(size);
    [PyMethod("read1")] public PyObject Read1(PyObject? size = null) => DoRead1(size);
    [PyMethod("peek")] public PyObject Peek(long size = 0) => DoPeek(size);
    [PyMethod("readinto")] public PyObject Readinto(PyObject buffer) => DoReadinto(buffer, false);
    [PyMethod("readinto1")] public PyObject Readinto1(PyObject buffer) => DoReadinto(buffer, true);
    [PyMethod("readline")] public PyObject Readline(PyObject? size = null) => DoReadline(size);
    [PyMethod("seek")] public long Seek(PyObject target, int whence = 0) => DoSeek(target, whence);
    [PyMethod("tell")] public long Tell() => DoTell();
    [PyMethod("truncate")] public PyObject Truncate(PyObject? pos = null) => DoTruncate(pos);
    [PyMethod("flush")] public PyObject Flush() => RawCall("flush");
    [PyMethod("close")] public void Close() => DoClose();
    [PyMethod("detach")] public PyObject Detach() => DoDetach();
    [PyMethod("seekable")] public PyObject Seekable() => RawCall("seekable");
    [PyMethod("readable")] public PyObject Readable() => RawCall("readable");
    [PyMethod("fileno")] public PyObject Fileno() => RawCall("fileno");
    [PyMethod("isatty")] public PyObject Isatty() => RawCall("isatty");
    [PyMethod("_dealloc_warn")] public void DeallocWarn(PyObject source) { }
    [PyGetter("raw")] public PyObject RawGetter() => Raw;
    [PyGetter("closed")] public PyObject ClosedGetter() => RawAttr("closed");
    [PyGetter("name")] public PyObject NameGetter() => RawAttr("name");
    [PyGetter("mode")] public PyObject ModeGetter() => RawAttr("mode");
    [PyGetter("_finalizing")] public bool Finalizing() => false;
    [PySlot("tp_repr")] public PyStr Repr() => DoRepr();
    [PySlot("tp_iternext")] public PyObject? Next() => DoIterNext();
}

/// <summary><c>_io.BufferedWriter</c>.</summary>
[PyType("BufferedWriter", Module = "_io", Base = typeof(PyBufferedIOBase), Subclassable = true, InstanceType = true, Doc = "A buffer for a writeable sequential RawIO object.")]
public sealed partial class PyBufferedWriter : PyBuffered
{
    internal PyBufferedWriter(PyType type) : base(type) => CanWrite = true;

    protected override string KindName => "BufferedWriter";

    protected override PyType TypeObjectOf() => TypeObject;

    [PySlot("tp_new")]
    public static new PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyBufferedWriter(type);

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => InitFromArgs("BufferedWriter", args, kwnames);

    [PyMethod("write")] public PyObject Write(PyObject b) => DoWrite(b);
    [PyMethod("flush")] public void Flush() => DoFlush();
    [PyMethod("seek")] public long Seek(PyObject target, int whence = 0) => DoSeek(target, whence);
    [PyMethod("tell")] public long Tell() => DoTell();
    [PyMethod("truncate")] public PyObject Truncate(PyObject? pos = null) => DoTruncate(pos);
    [PyMethod("close")] public void Close() => DoClose();
    [PyMethod("detach")] public PyObject Detach() => DoDetach();
    [PyMethod("seekable")] public PyObject Seekable() => RawCall("seekable");
    [PyMethod("writable")] public PyObject Writable() => RawCall("writable");
    [PyMethod("fileno")] public PyObject Fileno() => RawCall("fileno");
    [PyMethod("isatty")] public PyObject Isatty() => RawCall("isatty");
    [PyMethod("_dealloc_warn")] public void DeallocWarn(PyObject source) { }
    [PyGetter("raw")] public PyObject RawGetter() => Raw;
    [PyGetter("closed")] public PyObject ClosedGetter() => RawAttr("closed");
    [PyGetter("name")] public PyObject NameGetter() => RawAttr("name");
    [PyGetter("mode")] public PyObject ModeGetter() => RawAttr("mode");
    [PyGetter("_finalizing")] public bool Finalizing() => false;
    [PySlot("tp_repr")] public PyStr Repr() => DoRepr();
}

/// <summary><c>_io.BufferedRandom</c>: both buffers over a seekable raw stream.</summary>
[PyType("BufferedRandom", Module = "_io", Base = typeof(PyBufferedIOBase), Subclassable = true, InstanceType = true, Doc = "A buffered interface to random access streams.")]
public sealed partial class PyBufferedRandom : PyBuffered
{
    internal PyBufferedRandom(PyType type) : base(type) => CanRead = CanWrite = true;

    protected override string KindName => "BufferedRandom";

    protected override PyType TypeObjectOf() => TypeObject;

    [PySlot("tp_new")]
    public static new PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyBufferedRandom(type);

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => InitFromArgs("BufferedRandom", args, kwnames);

    [PyMethod("read")] public PyObject Read(PyObject? size = null) => DoRead(size);
    [PyMethod("read1")] public PyObject Read1(PyObject? size = null) => DoRead1(size);
    [PyMethod("peek")] public PyObject Peek(long size = 0) => DoPeek(size);
    [PyMethod("readinto")] public PyObject Readinto(PyObject buffer) => DoReadinto(buffer, false);
    [PyMethod("readinto1")] public PyObject Readinto1(PyObject buffer) => DoReadinto(buffer, true);
    [PyMethod("readline")] public PyObject Readline(PyObject? size = null) => DoReadline(size);
    [PyMethod("write")] public PyObject Write(PyObject b) => DoWrite(b);
    [PyMethod("flush")] public void Flush() => DoFlush();
    [PyMethod("seek")] public long Seek(PyObject target, int whence = 0) => DoSeek(target, whence);
    [PyMethod("tell")] public long Tell() => DoTell();
    [PyMethod("truncate")] public PyObject Truncate(PyObject? pos = null) => DoTruncate(pos);
    [PyMethod("close")] public void Close() => DoClose();
    [PyMethod("detach")] public PyObject Detach() => DoDetach();
    [PyMethod("seekable")] public PyObject Seekable() => RawCall("seekable");
    [PyMethod("readable")] public PyObject Readable() => RawCall("readable");
    [PyMethod("writable")] public PyObject Writable() => RawCall("writable");
    [PyMethod("fileno")] public PyObject Fileno() => RawCall("fileno");
    [PyMethod("isatty")] public PyObject Isatty() => RawCall("isatty");
    [PyMethod("_dealloc_warn")] public void DeallocWarn(PyObject source) { }
    [PyGetter("raw")] public PyObject RawGetter() => Raw;
    [PyGetter("closed")] public PyObject ClosedGetter() => RawAttr("closed");
    [PyGetter("name")] public PyObject NameGetter() => RawAttr("name");
    [PyGetter("mode")] public PyObject ModeGetter() => RawAttr("mode");
    [PyGetter("_finalizing")] public bool Finalizing() => false;
    [PySlot("tp_repr")] public PyStr Repr() => DoRepr();
    [PySlot("tp_iternext")] public PyObject? Next() => DoIterNext();
}

/// <summary><c>_io.BufferedRWPair</c>: a reader and a writer over two raw streams.</summary>
[PyType("BufferedRWPair", Module = "_io", Base = typeof(PyBufferedIOBase), Subclassable = true, InstanceType = true, Doc = "A buffered reader and writer object together.")]
public sealed partial class PyBufferedRWPair : PyBufferedIOBase
{
    private PyBufferedReader? _reader;
    private PyBufferedWriter? _writer;

    internal PyBufferedRWPair(PyType type) : base(type)
    {
    }

    [PySlot("tp_new")]
    public static new PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyBufferedRWPair(type);

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("BufferedRWPair", kwnames);
        ArgParse.CheckPositional("BufferedRWPair", args.Length, 2, 3);
        var size = args.Length > 2 ? ArgParse.ToLong(args[2]) : IoModule.DefaultBufferSize;
        PyIOBase.CheckCapability(args[0], "readable");
        PyIOBase.CheckCapability(args[1], "writable");
        _reader = new PyBufferedReader(PyBufferedReader.TypeObject);
        _reader.Initialize(args[0], size);
        _writer = new PyBufferedWriter(PyBufferedWriter.TypeObject);
        _writer.Initialize(args[1], size);
    }

    private PyBufferedReader Reader => _reader ?? throw PyErr.ValueError("I/O operation on uninitialized object");

    private PyBufferedWriter Writer => _writer ?? throw PyErr.ValueError("I/O operation on uninitialized object");

    [PyMethod("read")] public PyObject Read(PyObject? size = null) => Reader.Read(size);
    [PyMethod("peek")] public PyObject Peek(long size = 0) => Reader.Peek(size);
    [PyMethod("read1")] public PyObject Read1(PyObject? size = null) => Reader.Read1(size);
    [PyMethod("readinto")] public PyObject Readinto(PyObject buffer) => Reader.Readinto(buffer);
    [PyMethod("readinto1")] public PyObject Readinto1(PyObject buffer) => Reader.Readinto1(buffer);
    [PyMethod("write")] public PyObject Write(PyObject b) => Writer.Write(b);
    [PyMethod("flush")] public void Flush() => Writer.Flush();
    [PyMethod("readable")] public PyObject Readable() => Reader.Readable();
    [PyMethod("writable")] public PyObject Writable() => Writer.Writable();

    [PyMethod("close")]
    public void Close()
    {
        PyException? error = null;
        try
        {
            Writer.Close();
        }
        catch (PyException e)
        {
            error = e;
        }
        Reader.Close();
        if (error is not null)
        {
            throw error;
        }
    }

    [PyMethod("isatty")]
    public PyObject Isatty()
    {
        var r = Writer.Isatty();
        return Ops.IsTrue(r) ? r : Reader.Isatty();
    }

    [PyGetter("closed")] public PyObject ClosedGetter() => Writer.ClosedGetter();
}
