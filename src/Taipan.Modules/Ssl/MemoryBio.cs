// Modules/_ssl.c (the MemoryBIO type)
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Ssl;

/// <summary><c>_ssl.MemoryBIO</c>: a memory buffer that TLS records pass through when the
/// transport is not a socket (asyncio's SSL protocol).</summary>
[PyType("MemoryBIO", Module = "_ssl", FromSpec = true)]
public sealed unsafe partial class MemoryBio : PyObject
{
    private readonly IntPtr _bio;
    private bool _eofWritten;

    private MemoryBio(IntPtr bio) => _bio = bio;

    ~MemoryBio() => Ossl.BIO_free(_bio);

    internal IntPtr Bio => _bio;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length != 0)
        {
            throw PyErr.TypeError("MemoryBIO() takes no positional arguments");
        }
        if (kwnames is { Count: > 0 })
        {
            throw PyErr.TypeError("MemoryBIO() takes no keyword arguments");
        }
        var bio = Ossl.BIO_new(Ossl.BIO_s_mem());
        if (bio == 0)
        {
            throw PyErr.New(PyExc.MemoryError, "failed to allocate BIO");
        }
        // An empty buffer asks to retry (read -1) until write_eof() says no more comes.
        Ossl.BIO_set_flags(bio, 0x01 | 0x08);
        Ossl.BIO_ctrl(bio, Ossl.BioCSetBufMemEofReturn, -1, 0);
        return new MemoryBio(bio);
    }

    [PyGetter("pending", Doc = "The number of bytes pending in the memory BIO.")]
    public long Pending() => (long)Ossl.BIO_ctrl_pending(_bio);

    [PyGetter("eof", Doc = "Whether the memory BIO is at EOF.")]
    public bool Eof() => Ossl.BIO_ctrl_pending(_bio) == 0 && _eofWritten;

    [PyMethod("read", Doc = "Read up to size bytes from the memory BIO.\n\nIf size is not specified, read the entire buffer.\nIf the return value is an empty bytes instance, this means either\nEOF or that no data is available. Use the \"eof\" property to\ndistinguish between the two.")]
    public PyBytes Read(int size = -1)
    {
        var available = (int)Math.Min((long)Ossl.BIO_ctrl_pending(_bio), int.MaxValue);
        if (size < 0 || size > available)
        {
            size = available;
        }
        if (size == 0)
        {
            return PyBytes.Empty;
        }
        var buffer = new byte[size];
        int n;
        fixed (byte* p = buffer)
        {
            n = Ossl.BIO_read(_bio, p, size);
        }
        if (n < 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
        return n == size ? new PyBytes(buffer) : PyBytes.From(buffer.AsSpan(0, n));
    }

    [PyMethod("write", Doc = "Writes the bytes b into the memory BIO.\n\nReturns the number of bytes written.")]
    public long Write(PyObject b)
    {
        if (!BufferProtocol.TryRead(b, out var data))
        {
            throw PyErr.TypeError($"a bytes-like object is required, not '{b.Type.Name}'");
        }
        if (_eofWritten)
        {
            throw SslModule.Plain("cannot write() after write_eof()");
        }
        int n;
        fixed (byte* p = data)
        {
            n = Ossl.BIO_write(_bio, p, data.Length);
        }
        if (n < 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
        return n;
    }

    [PyMethod("write_eof", Doc = "Write an EOF marker to the memory BIO.\n\nWhen all data has been read, the \"eof\" property will be True.")]
    public void WriteEof()
    {
        _eofWritten = true;
        // After EOF an empty read is a real end, not a retry.
        Ossl.BIO_clear_flags(_bio, 0x0F);
        Ossl.BIO_ctrl(_bio, Ossl.BioCSetBufMemEofReturn, 0, 0);
    }
}
