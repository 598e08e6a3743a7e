// Modules/_io/fileio.c
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Io;

/// <summary><c>_io.FileIO</c>: raw I/O over a file descriptor, through the C library so
/// errors carry errno and the file name as CPython's do.</summary>
[PyType("FileIO", Module = "_io", Base = typeof(PyRawIOBase), Subclassable = true, InstanceType = true,
    Doc = "Open a file.")]
public sealed partial class PyFileIO : PyRawIOBase
{
    private int _fd = -1;
    private bool _created, _readable, _writable, _appending, _closefd = true;
    private int _seekable = -1;

    internal PyFileIO(PyType type) : base(type)
    {
    }

    public long BlkSize { get; private set; }

    public bool Closed => _fd < 0;

    public int Fd => _fd;

    public bool IsReadable => _readable;

    public bool IsWritable => _writable;

    [PySlot("tp_new")]
    public static new PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyFileIO(type);

    private static readonly string[] s_initNames = ["file", "mode", "closefd", "opener"];

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[4];
        ArgParse.UnpackKeywords("FileIO", args, kwnames, s_initNames, 1, 4, 1, buffer);
        var mode = buffer[1] is null ? "r" : buffer[1] is PyStr s ? s.Value
            : throw PyErr.TypeError($"FileIO() argument 'mode' must be str, not {buffer[1]!.Type.Name}");
        Initialize(buffer[0]!, mode, buffer[2] is null || Ops.IsTrue(buffer[2]!), buffer[3] is null or PyNone ? null : buffer[3]);
    }

    internal void Initialize(PyObject file, string mode, bool closefd, PyObject? opener)
    {
        if (_fd >= 0)
        {
            if (_closefd)
            {
                InternalClose();
            }
            else
            {
                _fd = -1;
            }
        }
        if (file is PyFloat)
        {
            throw PyErr.TypeError("integer argument expected, got float");
        }
        var fd = -1;
        PyObject? path = null;
        if (file is PyInt fi)
        {
            var v = ArgParse.ToLong(fi);
            if (v < 0)
            {
                throw PyErr.ValueError("negative file descriptor");
            }
            fd = v > int.MaxValue ? throw PyErr.OverflowError("signed integer is greater than maximum") : (int)v;
        }
        else
        {
            path = IoModule.FsPath(file);
        }
        _readable = _writable = _appending = _created = false;
        var rwa = false;
        var plus = false;
        var flags = 0;
        foreach (var c in mode)
        {
            switch (c)
            {
                case 'x':
                    if (rwa) goto BadMode;
                    rwa = true;
                    _created = _writable = true;
                    flags |= Native.O_EXCL | Native.O_CREAT;
                    break;
                case 'r':
                    if (rwa) goto BadMode;
                    rwa = true;
                    _readable = true;
                    break;
                case 'w':
                    if (rwa) goto BadMode;
                    rwa = true;
                    _writable = true;
                    flags |= Native.O_CREAT | Native.O_TRUNC;
                    break;
                case 'a':
                    if (rwa) goto BadMode;
                    rwa = true;
                    _writable = _appending = true;
                    flags |= Native.O_APPEND | Native.O_CREAT;
                    break;
                case 'b':
                    break;
                case '+':
                    if (plus) goto BadMode;
                    _readable = _writable = plus = true;
                    break;
                default:
                    throw PyErr.ValueError($"invalid mode: {mode}");
            }
        }
        if (!rwa)
        {
            goto BadMode;
        }
        flags |= _readable && _writable ? Native.O_RDWR : _readable ? Native.O_RDONLY : Native.O_WRONLY;
        flags |= Native.O_CLOEXEC;

        if (fd >= 0)
        {
            _fd = fd;
            _closefd = closefd;
        }
        else
        {
            _closefd = true;
            if (!closefd)
            {
                throw PyErr.ValueError("Cannot use closefd=False with file name");
            }
            if (opener is null)
            {
                var bytes = path is PyStr ps ? Codecs.Encode(ps, "utf-8", "surrogateescape") : ((PyBytes)path!).Data.ToArray();
                if (Array.IndexOf(bytes, (byte)0) >= 0)
                {
                    throw PyErr.ValueError("embedded null byte");
                }
                int r;
                do
                {
                    r = Native.Open(bytes, flags, 438);
                }
                while (r < 0 && Native.Errno == Native.EINTR);
                if (r < 0)
                {
                    throw Native.Error(Native.Errno, path);
                }
                _fd = r;
            }
            else
            {
                var r = Ops.Call(opener, [path!, PyInt.From(flags)], null);
                if (r is not PyInt ri)
                {
                    throw PyErr.TypeError("expected integer from opener");
                }
                var v = ArgParse.ToLong(ri);
                if (v < 0)
                {
                    throw PyErr.ValueError($"opener returned {v}");
                }
                _fd = (int)v;
            }
        }
        BlkSize = IoModule.DefaultBufferSize;
        if (!Native.FStat(_fd, out var st, out _, out var blksize))
        {
            var errno = Native.Errno;
            if (errno == Native.EBADF)
            {
                _fd = -1;
                throw Native.Error(errno);
            }
        }
        else
        {
            if (Native.IsDirectoryMode(st))
            {
                if (_closefd)
                {
                    Native.Close(_fd);
                }
                _fd = -1;
                throw Native.Error(Native.EISDIR, file);
            }
            if (blksize > 1)
            {
                BlkSize = blksize;
            }
        }
        OwnAttributes.SetItem(PyStr.Intern("name"), file);
        if (_appending)
        {
            // As CPython: the position starts at the end even where O_APPEND is not honoured.
            Native.LSeek(_fd, 0, 2);
        }
        return;
    BadMode:
        throw PyErr.ValueError("Must have exactly one of create/read/write/append mode and at most one plus");
    }

    private void CheckClosed()
    {
        if (_fd < 0)
        {
            throw IoModule.ClosedFile(period: false);
        }
    }

    private void CheckReadable()
    {
        CheckClosed();
        if (!_readable)
        {
            throw IoModule.Unsupported("File not open for reading");
        }
    }

    private void CheckWritable()
    {
        CheckClosed();
        if (!_writable)
        {
            throw IoModule.Unsupported("File not open for writing");
        }
    }

    /// <summary>One read(2) into the span: the count, or -1 when it would block.</summary>
    public int ReadInto(Span<byte> buffer)
    {
        CheckReadable();
        while (true)
        {
            var n = Native.Read(_fd, buffer);
            if (n >= 0)
            {
                return (int)n;
            }
            var errno = Native.Errno;
            if (errno == Native.EINTR)
            {
                continue;
            }
            if (errno == Native.EAGAIN)
            {
                return -1;
            }
            throw Native.Error(errno);
        }
    }

    /// <summary>One write(2): the count written, or -1 when it would block.</summary>
    public int WriteFrom(ReadOnlySpan<byte> data)
    {
        CheckWritable();
        while (true)
        {
            var n = Native.Write(_fd, data);
            if (n >= 0)
            {
                return (int)n;
            }
            var errno = Native.Errno;
            if (errno == Native.EINTR)
            {
                continue;
            }
            if (errno == Native.EAGAIN)
            {
                return -1;
            }
            throw Native.Error(errno);
        }
    }

    internal void IOBaseFlushChecked() => IOBaseFlush();

    /// <summary>Writes all of it, ignoring errors (a finalizer has nobody to tell).</summary>
    internal void WriteFromFinalizer(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0 && _fd >= 0)
        {
            var n = Native.Write(_fd, data);
            if (n < 0 && Native.Errno == Native.EINTR)
            {
                continue;
            }
            if (n <= 0)
            {
                return;
            }
            data = data[(int)n..];
        }
    }

    internal void CloseFromFinalizer()
    {
        if (_fd >= 0 && _closefd)
        {
            Native.Close(_fd);
            _fd = -1;
        }
    }

    [PyMethod("read")]
    public PyObject Read(PyObject? size = null)
    {
        CheckReadable();
        var n = IoModule.SizeArg(size);
        if (n < 0)
        {
            return ReadAll();
        }
        var buffer = new byte[n];
        var got = ReadInto(buffer);
        return got < 0 ? PyNone.Value : new PyBytes(got == n ? buffer : buffer[..got]);
    }

    [PyMethod("readall")]
    public PyObject ReadAll()
    {
        CheckReadable();
        var size = 0L;
        if (Native.FStat(_fd, out _, out var end, out _))
        {
            var pos = Native.LSeek(_fd, 0, 1);
            if (pos >= 0 && end >= pos)
            {
                size = end - pos + 1;
            }
        }
        var buffer = new byte[Math.Max(size, IoModule.DefaultBufferSize)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length + Math.Max(buffer.Length / 4, IoModule.DefaultBufferSize));
            }
            var n = ReadInto(buffer.AsSpan(total));
            if (n < 0)
            {
                if (total == 0)
                {
                    return PyNone.Value;
                }
                break;
            }
            if (n == 0)
            {
                break;
            }
            total += n;
        }
        return new PyBytes(buffer[..total]);
    }

    [PyMethod("readinto")]
    public PyObject ReadintoMethod(PyObject buffer)
    {
        CheckReadable();
        var b = IoModule.WritableBuffer("readinto", buffer);
        var n = ReadInto(b.WritableData);
        return n < 0 ? PyNone.Value : PyInt.From(n);
    }

    [PyMethod("write")]
    public PyObject Write(PyObject b)
    {
        CheckWritable();
        var n = WriteFrom(IoModule.BytesLike(b));
        return n < 0 ? PyNone.Value : PyInt.From(n);
    }

    public long SeekTo(long pos, int whence)
    {
        CheckClosed();
        var r = Native.LSeek(_fd, pos, whence);
        if (r < 0)
        {
            throw Native.Error(Native.Errno);
        }
        return r;
    }

    [PyMethod("seek")]
    public long Seek(PyObject pos, int whence = 0)
    {
        if (pos is PyFloat)
        {
            throw PyErr.TypeError("an integer is required");
        }
        CheckClosed();
        return SeekTo(ArgParse.ToLong(pos), whence);
    }

    [PyMethod("tell")]
    public long Tell() => SeekTo(0, 1);

    [PyMethod("truncate")]
    public PyObject Truncate(PyObject? size = null)
    {
        CheckWritable();
        var length = size is null or PyNone ? SeekTo(0, 1) : ArgParse.ToLong(size);
        if (Native.FTruncate(_fd, length) != 0)
        {
            throw Native.Error(Native.Errno);
        }
        return PyInt.From(length);
    }

    private void InternalClose()
    {
        var fd = _fd;
        _fd = -1;
        if (Native.Close(fd) != 0)
        {
            throw Native.Error(Native.Errno);
        }
    }

    [PyMethod("close")]
    public void Close()
    {
        PyException? error = null;
        try
        {
            // _RawIOBase.close: flush (which a subclass may override), then mark closed.
            IOBaseClose();
        }
        catch (PyException e)
        {
            error = e;
        }
        if (_fd >= 0)
        {
            if (_closefd)
            {
                InternalClose();
            }
            else
            {
                _fd = -1;
            }
        }
        if (error is not null)
        {
            throw error;
        }
    }

    [PyMethod("seekable")]
    public bool Seekable()
    {
        CheckClosed();
        if (_seekable < 0)
        {
            _seekable = Native.LSeek(_fd, 0, 1) >= 0 ? 1 : 0;
        }
        return _seekable == 1;
    }

    [PyMethod("readable")]
    public bool Readable()
    {
        CheckClosed();
        return _readable;
    }

    [PyMethod("writable")]
    public bool Writable()
    {
        CheckClosed();
        return _writable;
    }

    [PyMethod("fileno")]
    public long Fileno()
    {
        CheckClosed();
        return _fd;
    }

    [PyMethod("isatty")]
    public bool Isatty()
    {
        CheckClosed();
        return Native.IsATty(_fd) == 1;
    }

    public bool IsATty() => _fd >= 0 && Native.IsATty(_fd) == 1;

    [PyMethod("_dealloc_warn")]
    public void DeallocWarn(PyObject source)
    {
    }

    [PyGetter("closed")]
    public bool ClosedGetter() => _fd < 0;

    [PyGetter("closefd")]
    public bool ClosefdGetter() => _closefd;

    [PyGetter("_blksize")]
    public long BlkSizeGetter() => BlkSize;

    [PyGetter("_finalizing")]
    public bool Finalizing() => false;

    [PyGetter("mode")]
    public string ModeGetter() => ModeString();

    private string ModeString() =>
        _created ? (_readable ? "xb+" : "xb")
        : _appending ? (_readable ? "ab+" : "ab")
        : _readable ? (_writable ? "rb+" : "rb")
        : "wb";

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        var typeName = Type.HasFlag(TypeFlags.HeapType) ? Type.Name : "_io." + Type.Name;
        if (_fd < 0)
        {
            return new PyStr($"<{typeName} [closed]>");
        }
        var closefd = _closefd ? "True" : "False";
        var name = IoModule.ReprAttr(this, "name");
        return name is null
            ? new PyStr($"<{typeName} fd={_fd} mode='{ModeString()}' closefd={closefd}>")
            : new PyStr($"<{typeName} name={Ops.Repr(name).Value} mode='{ModeString()}' closefd={closefd}>");
    }
}
