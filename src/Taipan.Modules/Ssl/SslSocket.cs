// Modules/_ssl.c (the _SSLSocket type)
using System.Diagnostics;
using ThreadState = Taipan.Runtime.Python.ThreadState;
using System.Runtime.InteropServices;
using Taipan.Modules.Posix;
using Taipan.Modules.Socket;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Ssl;

/// <summary><c>_ssl._SSLSocket</c>: one TLS connection (an <c>SSL</c>) over a socket's
/// descriptor or over two MemoryBIOs. Blocking calls release the interpreter lock; with a
/// timeout the descriptor is non-blocking and each call waits for readiness with poll, as
/// CPython's <c>PySSL_select</c> does.</summary>
[PyType("_SSLSocket", Module = "_ssl", FromSpec = true)]
public sealed unsafe partial class SslSocket : PyObject
{
    private const int MaxRead = 1 << 20;
    private const int SocketIsNonBlocking = 0, SocketIsBlocking = 1, SocketHasTimedOut = 2, SocketHasBeenClosed = 3, SocketOperationOk = 5;

    private IntPtr _ssl;
    private SslContext _context;
    private readonly PySocket? _socket;
    private readonly bool _serverSide;
    private PyObject _serverHostname = PyNone.Value;
    private WeakReference<PyObject>? _owner;
    private bool _shutdownSeenZero;
    private int _sslError;
    private int _errno;
    private GCHandle _self;
    // An exception of the message callback, raised when the OpenSSL call that ran it returns.
    private PyBaseException? _callbackError;
    // The memory BIOs are held so they live as long as the connection that uses them.
    private readonly MemoryBio? _incoming, _outgoing;

    /// <summary>Set while this thread released the interpreter lock around an OpenSSL call,
    /// so callbacks that run Python take it back.</summary>
    [ThreadStatic]
    private static bool t_released;

    private SslSocket(SslContext context, PySocket? socket, bool serverSide, MemoryBio? incoming, MemoryBio? outgoing)
    {
        _context = context;
        _socket = socket;
        _serverSide = serverSide;
        _incoming = incoming;
        _outgoing = outgoing;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyErr.TypeError("cannot create '_ssl._SSLSocket' instances");

    ~SslSocket()
    {
        if (_ssl != 0)
        {
            Ossl.SSL_free(_ssl);
        }
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    internal IntPtr Handle => _ssl;

    internal SslContext Context => _context;

    internal PyObject ServerHostnameObject => _serverHostname;

    internal PySocket? Socket => _socket;

    internal PyObject? OwnerObject => _owner is not null && _owner.TryGetTarget(out var o) ? o : null;

    /// <summary>The object behind an <c>SSL</c>'s app data (a weak handle).</summary>
    internal static SslSocket? FromSsl(IntPtr ssl)
    {
        var data = Ossl.SSL_get_ex_data(ssl, 0);
        return data == 0 ? null : GCHandle.FromIntPtr(data).Target as SslSocket;
    }

    /// <summary>Takes the interpreter lock back inside a callback of a call that released it.</summary>
    internal static GilScope Reacquire() => new(t_released);

    internal readonly struct GilScope : IDisposable
    {
        private readonly ThreadState? _ts;

        public GilScope(bool take)
        {
            if (take)
            {
                _ts = ThreadState.Current;
                Gil.Take(_ts);
            }
        }

        public void Dispose()
        {
            if (_ts is not null)
            {
                Gil.Drop(_ts);
            }
        }
    }

    internal static void WriteUnraisable(PyObject obj, PyBaseException exc)
    {
        try
        {
            SysModule.FlushStdFiles();
            SysModule.Write("stderr", $"Exception ignored in: {Ops.Repr(obj).Value}\n");
            SysModule.Write("stderr", Traceback.Format(exc));
            SysModule.FlushStdFiles();
        }
        catch (PyException)
        {
            // Nowhere to report it.
        }
    }

    /// <summary><c>newPySSLSocket</c>.</summary>
    internal static SslSocket Create(SslContext context, PySocket? socket, bool serverSide, byte[]? hostname, PyObject? owner, PyObject? session, MemoryBio? incoming, MemoryBio? outgoing)
    {
        Ossl.ERR_clear_error();
        var self = new SslSocket(context, socket, serverSide, incoming, outgoing);
        self._ssl = Ossl.SSL_new(context.Handle);
        if (self._ssl == 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
        self._self = GCHandle.Alloc(self, GCHandleType.Weak);
        Ossl.SSL_set_ex_data(self._ssl, 0, GCHandle.ToIntPtr(self._self));
        if (socket is not null)
        {
            Ossl.SSL_set_fd(self._ssl, socket.Descriptor);
        }
        else
        {
            // SSL_set_bio takes over one reference of each BIO; the MemoryBIOs keep theirs.
            Ossl.BIO_up_ref(incoming!.Bio);
            Ossl.BIO_up_ref(outgoing!.Bio);
            Ossl.SSL_set_bio(self._ssl, incoming.Bio, outgoing.Bio);
        }
        Ossl.SSL_ctrl(self._ssl, Ossl.CtrlMode, Ossl.ModeAcceptMovingWriteBuffer | Ossl.ModeAutoRetry, 0);
        self.ApplyMessageCallback();
        if (context.PostHandshakeAuth)
        {
            if (serverSide)
            {
                var mode = Ossl.SSL_get_verify_mode(self._ssl);
                if ((mode & Ossl.VerifyPeer) != 0)
                {
                    Ossl.SSL_set_verify(self._ssl, mode | Ossl.VerifyPostHandshake, Ossl.SSL_get_verify_callback(self._ssl));
                }
            }
            else
            {
                Ossl.SSL_set_post_handshake_auth(self._ssl, 1);
            }
        }
        if (hostname is not null)
        {
            self.ConfigureHostname(hostname);
        }
        if (socket is not null && socket.TimeoutSeconds >= 0)
        {
            self.SetNonBlocking(true);
        }
        if (serverSide)
        {
            Ossl.SSL_set_accept_state(self._ssl);
        }
        else
        {
            Ossl.SSL_set_connect_state(self._ssl);
        }
        if (owner is not null and not PyNone)
        {
            self.SetOwner(owner);
        }
        if (session is not null and not PyNone)
        {
            self.SetSession(session);
        }
        return self;
    }

    /// <summary><c>_ssl_configure_hostname</c>: SNI for names, and the name or address the
    /// peer's certificate must match when the context checks host names.</summary>
    private void ConfigureHostname(byte[] hostname)
    {
        if (hostname.Length == 0 || hostname[0] == (byte)'.')
        {
            throw PyErr.ValueError("server_hostname cannot be an empty string or start with a leading dot.");
        }
        var text = System.Text.Encoding.ASCII.GetString(hostname);
        if (!System.Text.Ascii.IsValid(hostname))
        {
            throw PyErr.New(PyExc.UnicodeDecodeError, "'ascii' codec can't decode server_hostname");
        }
        var ip = Ossl.a2i_IPADDRESS(text);
        if (ip == 0)
        {
            Ossl.ERR_clear_error();
        }
        try
        {
            _serverHostname = new PyStr(text);
            var z = new byte[hostname.Length + 1];
            hostname.CopyTo(z, 0);
            fixed (byte* name = z)
            {
                if (ip == 0 && Ossl.SSL_ctrl(_ssl, Ossl.CtrlSetTlsextHostname, 0, (IntPtr)name) == 0)
                {
                    throw SslModule.SetSslError(null, SslModule.LineGeneric);
                }
                if (_context.CheckHostname)
                {
                    var param = Ossl.SSL_get0_param(_ssl);
                    var ok = ip == 0
                        ? Ossl.X509_VERIFY_PARAM_set1_host(param, name, (nuint)hostname.Length)
                        : Ossl.X509_VERIFY_PARAM_set1_ip(param, Ossl.ASN1_STRING_get0_data(ip), (nuint)Ossl.ASN1_STRING_length(ip));
                    if (ok == 0)
                    {
                        throw SslModule.SetSslError(null, SslModule.LineGeneric);
                    }
                }
            }
        }
        finally
        {
            if (ip != 0)
            {
                Ossl.ASN1_OCTET_STRING_free(ip);
            }
        }
    }

    private void SetNonBlocking(bool nonBlocking)
    {
        Ossl.BIO_ctrl(Ossl.SSL_get_rbio(_ssl), Ossl.BioCSetNbio, nonBlocking ? 1 : 0, 0);
        Ossl.BIO_ctrl(Ossl.SSL_get_wbio(_ssl), Ossl.BioCSetNbio, nonBlocking ? 1 : 0, 0);
    }

    // ---- errors --------------------------------------------------------------------------------------

    /// <summary><c>PySSL_SetError</c>: the exception for the failed call's SSL error.</summary>
    private PyException SetError(int ret, int line)
    {
        var type = SslModule.SslError;
        string? errstr = null;
        var p = SslModule.PyErrNone;
        var e = Ossl.ERR_peek_last_error();
        switch (_sslError)
        {
            case Ossl.ErrorZeroReturn:
                errstr = "TLS/SSL connection has been closed (EOF)";
                type = SslModule.ZeroReturnError;
                p = SslModule.PyErrZeroReturn;
                break;
            case Ossl.ErrorWantRead:
                errstr = "The operation did not complete (read)";
                type = SslModule.WantReadError;
                p = SslModule.PyErrWantRead;
                break;
            case Ossl.ErrorWantWrite:
                errstr = "The operation did not complete (write)";
                type = SslModule.WantWriteError;
                p = SslModule.PyErrWantWrite;
                break;
            case Ossl.ErrorWantX509Lookup:
                errstr = "The operation did not complete (X509 lookup)";
                p = SslModule.PyErrWantX509Lookup;
                break;
            case Ossl.ErrorWantConnect:
                errstr = "The operation did not complete (connect)";
                p = SslModule.PyErrWantConnect;
                break;
            case Ossl.ErrorSyscall:
                if (e == 0)
                {
                    if (ret == 0 || _socket is null)
                    {
                        p = SslModule.PyErrEof;
                        type = SslModule.EofError;
                        errstr = "EOF occurred in violation of protocol";
                    }
                    else if (ret == -1)
                    {
                        Ossl.ERR_clear_error();
                        if (_errno != 0)
                        {
                            return PosixModule.Error(_errno);
                        }
                        p = SslModule.PyErrEof;
                        type = SslModule.EofError;
                        errstr = "EOF occurred in violation of protocol";
                    }
                    else
                    {
                        p = SslModule.PyErrSyscall;
                        type = SslModule.SyscallError;
                        errstr = "Some I/O error occurred";
                    }
                }
                else
                {
                    if (Ossl.ErrGetLib(e) == Ossl.ErrLibSsl && Ossl.ErrGetReason(e) == Ossl.SslRUnexpectedEofWhileReading)
                    {
                        type = SslModule.EofError;
                    }
                    p = SslModule.PyErrSyscall;
                }
                break;
            case Ossl.ErrorSsl:
                p = SslModule.PyErrSsl;
                if (e == 0)
                {
                    errstr = "A failure in the SSL library occurred";
                }
                if (Ossl.ErrGetLib(e) == Ossl.ErrLibSsl && Ossl.ErrGetReason(e) == Ossl.SslRCertificateVerifyFailed)
                {
                    type = SslModule.CertVerificationError;
                }
                if (Ossl.ErrGetLib(e) == Ossl.ErrLibSsl && Ossl.ErrGetReason(e) == Ossl.SslRUnexpectedEofWhileReading)
                {
                    type = SslModule.EofError;
                }
                break;
            default:
                p = SslModule.PyErrInvalidErrorCode;
                errstr = "Invalid error code";
                break;
        }
        var exc = SslModule.Fill(this, type, p, errstr, line, e);
        Ossl.ERR_clear_error();
        if (TakeCallbackError() is { } callbackError)
        {
            exc.Value.Context = callbackError;
        }
        return exc;
    }

    // ---- waiting ---------------------------------------------------------------------------------------

    /// <summary>The socket's timeout in seconds: -1 none, 0 non-blocking; 0 for memory BIOs.</summary>
    private double Timeout => _socket is null ? 0 : _socket.TimeoutSeconds;

    /// <summary><c>PySSL_select</c>: waits until the socket can be read or written.</summary>
    private int Select(bool writing, double timeout)
    {
        if (_socket is null || timeout == 0)
        {
            return SocketIsNonBlocking;
        }
        if (timeout < 0)
        {
            return _socket.TimeoutSeconds > 0 ? SocketHasTimedOut : SocketIsBlocking;
        }
        var fd = _socket.Descriptor;
        if (fd < 0)
        {
            return SocketHasBeenClosed;
        }
        var p = new SocketLibc.PollFd { Fd = fd, Events = writing ? SocketLibc.PollOut : SocketLibc.PollIn };
        var ms = (int)Math.Min(Math.Ceiling(timeout * 1000), int.MaxValue);
        int rc;
        do
        {
            using (Gil.Release())
            {
                rc = SocketLibc.Poll(&p, 1, ms);
            }
        }
        while (rc < 0 && SocketLibc.Errno == SocketLibc.EIntr);
        return rc == 0 ? SocketHasTimedOut : SocketOperationOk;
    }

    /// <summary>Runs an OpenSSL I/O call without the interpreter lock and records its SSL error
    /// and errno (<c>_PySSL_errno</c>) when <paramref name="failed"/> says it failed.</summary>
    private int Call(Func<IntPtr, int> op, Func<int, bool> failed)
    {
        var held = ThreadState.Current.HoldsGil;
        int ret;
        int sslError = 0, errno = 0;
        using (Gil.Release())
        {
            t_released = held;
            try
            {
                ret = op(_ssl);
                if (failed(ret))
                {
                    errno = Marshal.GetLastPInvokeError();
                    sslError = Ossl.SSL_get_error(_ssl, ret);
                }
            }
            finally
            {
                t_released = false;
            }
        }
        _sslError = sslError;
        _errno = errno;
        return ret;
    }

    private PyBaseException? TakeCallbackError()
    {
        var e = _callbackError;
        _callbackError = null;
        return e;
    }

    /// <summary><c>PySSL_ChainExceptions</c> after a call that succeeded: the message
    /// callback's exception, if it raised one.</summary>
    private void RaiseCallbackError()
    {
        if (TakeCallbackError() is { } e)
        {
            throw new PyException(e);
        }
    }

    /// <summary>The context's message callback applies to the connection (or none).</summary>
    internal void ApplyMessageCallback() =>
        Ossl.SSL_callback_ctrl(_ssl, Ossl.CtrlSetMsgCallback, _context.MessageCallback is null ? 0 : SslContext.MessageCallbackPointer);

    /// <summary><c>_PySSL_msg_callback</c>: calls the context's <c>_msg_callback</c> with
    /// (ssl object, "read" or "write", version, content type, message type, data).</summary>
    [UnmanagedCallersOnly]
    internal static void MessageCallback(int writeP, int version, int contentType, byte* buffer, nuint length, IntPtr ssl, IntPtr arg)
    {
        var self = FromSsl(ssl);
        if (self is null)
        {
            return;
        }
        using var gil = Reacquire();
        var callback = self._context.MessageCallback;
        if (callback is null)
        {
            return;
        }
        PyObject target = self.OwnerObject ?? (PyObject?)self._socket ?? self;
        var data = new ReadOnlySpan<byte>(buffer, (int)length);
        var msgType = contentType switch
        {
            20 => 0x0101,
            21 => length > 1 ? data[1] : -1,
            22 or 0x101 => length > 0 ? data[0] : -1,
            0x100 => length > 2 ? data[0] : -1,
            _ => -1,
        };
        if (contentType == 0x100 && length > 2)
        {
            // A record header carries the version in bytes 1 and 2.
            version = (data[1] << 8) | data[2];
        }
        try
        {
            Ops.Call(callback, [target, new PyStr(writeP != 0 ? "write" : "read"), PyInt.From(version), PyInt.From(contentType),
                PyInt.From(msgType), PyBytes.From(data)], null);
        }
        catch (PyException e)
        {
            self._callbackError ??= e.Value;
        }
        catch (Exception e)
        {
            // Nothing may unwind into OpenSSL.
            self._callbackError ??= PyErr.New(PyExc.SystemError, e.Message).Value;
        }
    }

    /// <summary>A blocking read of the main thread first waits for data where signals can
    /// interrupt it: they reach the process through the runtime's handler thread, so a read
    /// blocked in the kernel would not see Ctrl-C.</summary>
    private void WaitReadableInterruptibly()
    {
        if (_socket is null || _socket.TimeoutSeconds >= 0 || !ReferenceEquals(ThreadState.Current, Gil.MainThread)
            || Ossl.SSL_has_pending(_ssl) != 0)
        {
            return;
        }
        while (_socket.Descriptor >= 0)
        {
            var p = new SocketLibc.PollFd { Fd = _socket.Descriptor, Events = SocketLibc.PollIn };
            int rc;
            using (Gil.Release())
            {
                rc = SocketLibc.Poll(&p, 1, 50);
            }
            if (rc != 0)
            {
                return;
            }
            CheckSignals();
        }
    }

    private void CheckSocket()
    {
        if (_socket is not null)
        {
            SetNonBlocking(_socket.TimeoutSeconds >= 0);
        }
    }

    private static long Deadline(double timeout) => timeout > 0 ? Stopwatch.GetTimestamp() + (long)(timeout * Stopwatch.Frequency) : 0;

    private static double Remaining(long deadline) => (deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency;

    private static void CheckSignals()
    {
        if (Signals.Pending && ReferenceEquals(ThreadState.Current, Gil.MainThread))
        {
            Signals.CheckSignals();
        }
    }

    // ---- handshake and I/O --------------------------------------------------------------------------

    [PyMethod("do_handshake")]
    public void DoHandshake()
    {
        CheckSocket();
        var timeout = Timeout;
        var hasTimeout = timeout > 0;
        var deadline = Deadline(timeout);
        int ret;
        do
        {
            ret = Call(ssl => OsslErrno.SSL_do_handshake(ssl), r => r < 1);
            CheckSignals();
            if (hasTimeout)
            {
                timeout = Remaining(deadline);
            }
            var state = _sslError switch
            {
                Ossl.ErrorWantRead => Select(false, timeout),
                Ossl.ErrorWantWrite => Select(true, timeout),
                _ => SocketOperationOk,
            };
            if (state == SocketHasTimedOut)
            {
                throw PyErr.New(PyExc.TimeoutError, "_ssl.c:975: The handshake operation timed out");
            }
            if (state == SocketHasBeenClosed)
            {
                throw SslModule.Plain("_ssl.c:979: Underlying socket has been closed.");
            }
            if (state == SocketIsNonBlocking)
            {
                break;
            }
        }
        while (_sslError is Ossl.ErrorWantRead or Ossl.ErrorWantWrite);
        if (ret < 1)
        {
            throw SetError(ret, SslModule.LineHandshake);
        }
        RaiseCallbackError();
    }

    [PyMethod("read")]
    public PyObject Read(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("read", kwnames);
        ArgParse.CheckPositional("read", args.Length, 1, 2);
        var length = ArgParse.ToLong(args[0]);
        var buffer = args.Length > 1 ? args[1] : null;
        byte[]? own = null;
        if (buffer is null)
        {
            if (length < 0)
            {
                throw PyErr.ValueError("size should not be negative");
            }
            if (length == 0)
            {
                return PyBytes.Empty;
            }
            // One SSL_read returns at most one record (16 KiB), so a larger request needs no
            // larger buffer.
            own = new byte[Math.Min(length, MaxRead)];
        }
        else
        {
            if (buffer is not PyMemoryView && buffer is not IBuffer { BufferReadOnly: false })
            {
                throw PyErr.TypeError($"read() argument 2 must be read-write bytes-like object, not {buffer.Type.Name}");
            }
            var span = BufferProtocol.Write(buffer);
            if (length <= 0 || length > span.Length)
            {
                length = span.Length;
                if (length == 0)
                {
                    return PyInt.From(0);
                }
            }
        }
        CheckSocket();
        var timeout = Timeout;
        var hasTimeout = timeout > 0;
        var deadline = Deadline(timeout);
        WaitReadableInterruptibly();
        nuint count = 0;
        int ret;
        // A buffer of the caller is read into through a copy: its memory may move while the lock is released.
        var target = own ?? new byte[Math.Min(length, MaxRead)];
        do
        {
            ret = Call(ssl =>
            {
                fixed (byte* p = target)
                {
                    nuint n;
                    var r = OsslErrno.SSL_read_ex(ssl, p, (nuint)target.Length, &n);
                    count = n;
                    return r;
                }
            }, r => r == 0);
            CheckSignals();
            if (hasTimeout)
            {
                timeout = Remaining(deadline);
            }
            int state;
            if (_sslError == Ossl.ErrorWantRead)
            {
                state = Select(false, timeout);
            }
            else if (_sslError == Ossl.ErrorWantWrite)
            {
                state = Select(true, timeout);
            }
            else if (_sslError == Ossl.ErrorZeroReturn && Ossl.SSL_get_shutdown(_ssl) == Ossl.ReceivedShutdown)
            {
                count = 0;
                ret = 1;
                break;
            }
            else
            {
                state = SocketOperationOk;
            }
            if (state == SocketHasTimedOut)
            {
                throw PyErr.New(PyExc.TimeoutError, "The read operation timed out");
            }
            if (state == SocketIsNonBlocking)
            {
                break;
            }
        }
        while (_sslError is Ossl.ErrorWantRead or Ossl.ErrorWantWrite);
        if (ret == 0)
        {
            throw SetError(ret, SslModule.LineRead);
        }
        RaiseCallbackError();
        if (buffer is null)
        {
            return PyBytes.From(own.AsSpan(0, (int)count));
        }
        target.AsSpan(0, (int)count).CopyTo(BufferProtocol.Write(buffer));
        return PyInt.From((long)count);
    }

    [PyMethod("write")]
    public long Write(PyObject b)
    {
        var data = BufferProtocol.TryRead(b, out var span)
            ? span.ToArray()
            : throw PyErr.TypeError($"a bytes-like object is required, not '{b.Type.Name}'");
        CheckSocket();
        var timeout = Timeout;
        var hasTimeout = timeout > 0;
        var deadline = Deadline(timeout);
        var state = Select(true, timeout);
        if (state == SocketHasTimedOut)
        {
            throw PyErr.New(PyExc.TimeoutError, "The write operation timed out");
        }
        if (state == SocketHasBeenClosed)
        {
            throw SslModule.Plain("Underlying socket has been closed.");
        }
        nuint count = 0;
        int ret;
        do
        {
            ret = Call(ssl =>
            {
                fixed (byte* p = data)
                {
                    nuint n;
                    var r = OsslErrno.SSL_write_ex(ssl, p, (nuint)data.Length, &n);
                    count = n;
                    return r;
                }
            }, r => r == 0);
            CheckSignals();
            if (hasTimeout)
            {
                timeout = Remaining(deadline);
            }
            state = _sslError switch
            {
                Ossl.ErrorWantRead => Select(false, timeout),
                Ossl.ErrorWantWrite => Select(true, timeout),
                _ => SocketOperationOk,
            };
            if (state == SocketHasTimedOut)
            {
                throw PyErr.New(PyExc.TimeoutError, "The write operation timed out");
            }
            if (state == SocketHasBeenClosed)
            {
                throw SslModule.Plain("Underlying socket has been closed.");
            }
            if (state == SocketIsNonBlocking)
            {
                break;
            }
        }
        while (_sslError is Ossl.ErrorWantRead or Ossl.ErrorWantWrite);
        if (ret == 0)
        {
            throw SetError(ret, SslModule.LineWrite);
        }
        RaiseCallbackError();
        return (long)count;
    }

    [PyMethod("pending")]
    public long Pending()
    {
        var n = Ossl.SSL_pending(_ssl);
        if (n < 0)
        {
            _sslError = Ossl.SSL_get_error(_ssl, n);
            throw SetError(n, SslModule.LineGeneric);
        }
        return n;
    }

    [PyMethod("shutdown")]
    public PyObject Shutdown()
    {
        if (_socket is not null)
        {
            if (_socket.Descriptor < 0)
            {
                throw SslModule.SetSslError("Underlying socket connection gone", SslModule.LineShutdown);
            }
            SetNonBlocking(_socket.TimeoutSeconds >= 0);
        }
        var timeout = Timeout;
        var hasTimeout = timeout > 0;
        var deadline = Deadline(timeout);
        var zeros = 0;
        int ret;
        while (true)
        {
            if (_shutdownSeenZero)
            {
                // Without read-ahead OpenSSL does not swallow clear text sent after the shutdown.
                Ossl.SSL_set_read_ahead(_ssl, 0);
            }
            ret = Call(ssl => OsslErrno.SSL_shutdown(ssl), r => r < 0);
            if (ret > 0)
            {
                break;
            }
            if (ret == 0)
            {
                if (++zeros > 1)
                {
                    break;
                }
                _shutdownSeenZero = true;
                continue;
            }
            if (hasTimeout)
            {
                timeout = Remaining(deadline);
            }
            int state;
            if (_sslError == Ossl.ErrorWantRead)
            {
                state = Select(false, timeout);
            }
            else if (_sslError == Ossl.ErrorWantWrite)
            {
                state = Select(true, timeout);
            }
            else
            {
                break;
            }
            if (state == SocketHasTimedOut)
            {
                throw PyErr.New(PyExc.TimeoutError, _sslError == Ossl.ErrorWantRead ? "The read operation timed out" : "The write operation timed out");
            }
            if (state != SocketOperationOk)
            {
                break;
            }
        }
        if (ret < 0)
        {
            throw SetError(ret, SslModule.LineShutdown);
        }
        RaiseCallbackError();
        return (PyObject?)_socket ?? PyNone.Value;
    }

    [PyMethod("verify_client_post_handshake")]
    public void VerifyClientPostHandshake()
    {
        if (Ossl.SSL_verify_client_post_handshake(_ssl) == 0)
        {
            throw SslModule.SetSslError(null, SslModule.LinePostHandshake);
        }
    }

    // ---- connection details --------------------------------------------------------------------------

    [PyMethod("getpeercert")]
    public PyObject GetPeerCert(bool der = false)
    {
        if (Ossl.SSL_is_init_finished(_ssl) == 0)
        {
            throw PyErr.ValueError("handshake not done yet");
        }
        var cert = Ossl.SSL_get1_peer_certificate(_ssl);
        if (cert == 0)
        {
            return PyNone.Value;
        }
        try
        {
            if (der)
            {
                return CertDecoder.Der(cert);
            }
            var verification = Ossl.SSL_CTX_get_verify_mode(Ossl.SSL_get_SSL_CTX(_ssl));
            return (verification & Ossl.VerifyPeer) == 0 ? new PyDict() : CertDecoder.Decode(cert);
        }
        finally
        {
            Ossl.X509_free(cert);
        }
    }

    /// <summary><c>cipher_to_tuple</c>: (name, protocol, secret bits).</summary>
    private static PyTuple CipherTuple(IntPtr cipher)
    {
        static PyObject S(IntPtr p) => Ossl.Str(p) is { } s ? new PyStr(s) : PyNone.Value;
        return PyTuple.Create(S(Ossl.SSL_CIPHER_get_name(cipher)), S(Ossl.SSL_CIPHER_get_version(cipher)),
            PyInt.From(Ossl.SSL_CIPHER_get_bits(cipher, null)));
    }

    [PyMethod("cipher")]
    public PyObject Cipher()
    {
        var current = Ossl.SSL_get_current_cipher(_ssl);
        return current == 0 ? PyNone.Value : CipherTuple(current);
    }

    /// <summary>In 3.11 these are all the ciphers the connection allows (later versions
    /// keep only those the client offered).</summary>
    [PyMethod("shared_ciphers")]
    public PyObject SharedCiphers()
    {
        var ciphers = Ossl.SSL_get_ciphers(_ssl);
        if (ciphers == 0)
        {
            return PyNone.Value;
        }
        var result = new PyList();
        var n = Ossl.OPENSSL_sk_num(ciphers);
        for (var i = 0; i < n; i++)
        {
            result.Append(CipherTuple(Ossl.OPENSSL_sk_value(ciphers, i)));
        }
        return result;
    }

    [PyMethod("version")]
    public PyObject Version()
    {
        if (Ossl.SSL_is_init_finished(_ssl) == 0)
        {
            return PyNone.Value;
        }
        var version = Ossl.Str(Ossl.SSL_get_version(_ssl));
        return version is null or "unknown" ? PyNone.Value : new PyStr(version);
    }

    [PyMethod("selected_alpn_protocol")]
    public PyObject SelectedAlpnProtocol()
    {
        byte* data;
        uint length;
        Ossl.SSL_get0_alpn_selected(_ssl, &data, &length);
        return data == null ? PyNone.Value : new PyStr(Codecs.Decode(new ReadOnlySpan<byte>(data, (int)length), "utf-8", "strict"));
    }

    /// <summary>OpenSSL 3 as Debian builds it has no TLS compression.</summary>
    [PyMethod("compression")]
    public PyObject Compression() => PyNone.Value;

    [PyMethod("get_channel_binding", Keywords = true)]
    public PyObject GetChannelBinding(string cb_type = "tls-unique")
    {
        if (cb_type != "tls-unique")
        {
            throw PyErr.ValueError($"'{cb_type}' channel binding type not implemented");
        }
        var buffer = stackalloc byte[128];
        // The first Finished message: ours when we are the client of a new session or the
        // server of a resumed one.
        var ours = (Ossl.SSL_session_reused(_ssl) != 0) ^ !_serverSide;
        var length = ours ? Ossl.SSL_get_finished(_ssl, buffer, 128) : Ossl.SSL_get_peer_finished(_ssl, buffer, 128);
        return length == 0 ? PyNone.Value : PyBytes.From(new ReadOnlySpan<byte>(buffer, (int)length));
    }

    [PyMethod("get_verified_chain")]
    public PyObject GetVerifiedChain()
    {
        var chain = Ossl.SSL_get0_verified_chain(_ssl);
        return chain == 0 ? PyNone.Value : Certificate.FromStack(chain);
    }

    [PyMethod("get_unverified_chain")]
    public PyObject GetUnverifiedChain()
    {
        var chain = Ossl.SSL_get_peer_cert_chain(_ssl);
        if (chain == 0)
        {
            return PyNone.Value;
        }
        var result = Certificate.FromStack(chain);
        if (_serverSide)
        {
            // A server's chain of the peer lacks the peer's own certificate.
            var peer = Ossl.SSL_get1_peer_certificate(_ssl);
            result.Insert(0, peer == 0 ? PyNone.Value : new Certificate(peer));
        }
        return result;
    }

    // ---- attributes ---------------------------------------------------------------------------------

    [PyGetter("context")]
    public PyObject ContextGetter() => _context;

    [PySetter("context")]
    public void SetContext(PyObject? value)
    {
        if (value is not SslContext context)
        {
            throw PyErr.TypeError("The value must be a SSLContext");
        }
        _context = context;
        Ossl.SSL_set_SSL_CTX(_ssl, context.Handle);
        ApplyMessageCallback();
    }

    [PyGetter("server_side")]
    public bool ServerSide() => _serverSide;

    [PyGetter("server_hostname")]
    public PyObject ServerHostname() => _serverHostname;

    [PyGetter("owner")]
    public PyObject Owner() => OwnerObject ?? PyNone.Value;

    [PySetter("owner")]
    public void SetOwner(PyObject? value)
    {
        // Held weakly, as CPython holds it, and refused for what cannot be weakly referenced.
        _owner = null;
        if (value is not null and not PyNone)
        {
            if (!WeakRefs.Supports(value.Type))
            {
                throw PyErr.TypeError($"cannot create weak reference to '{value.Type.Name}' object");
            }
            _owner = new WeakReference<PyObject>(value);
        }
    }

    /// <summary><c>_ssl_session_dup</c>: a copy through its DER encoding, CPython's
    /// workaround for sessions shared between connections in OpenSSL 1.1.</summary>
    private static IntPtr DuplicateSession(IntPtr session)
    {
        var length = Ossl.i2d_SSL_SESSION(session, null);
        if (length == 0 || length > 0xFF00)
        {
            throw PyErr.ValueError("i2d() failed.");
        }
        var buffer = new byte[length];
        fixed (byte* b = buffer)
        {
            var p = b;
            if (Ossl.i2d_SSL_SESSION(session, &p) == 0)
            {
                throw PyErr.ValueError("i2d() failed.");
            }
            var q = b;
            var copy = Ossl.d2i_SSL_SESSION(0, &q, length);
            return copy != 0 ? copy : throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
    }

    [PyGetter("session")]
    public PyObject Session()
    {
        var session = Ossl.SSL_get_session(_ssl);
        return session == 0 ? PyNone.Value : new SslSession(DuplicateSession(session), _context);
    }

    [PySetter("session")]
    public void SetSessionAttr(PyObject? value) => SetSession(value ?? PyNone.Value);

    private void SetSession(PyObject value)
    {
        if (value is not SslSession session)
        {
            throw PyErr.TypeError("Value is not a SSLSession.");
        }
        if (session.Context.Handle != _context.Handle)
        {
            throw PyErr.ValueError("Session refers to a different SSLContext.");
        }
        if (_serverSide)
        {
            throw PyErr.ValueError("Cannot set session for server-side SSLSocket.");
        }
        if (Ossl.SSL_is_init_finished(_ssl) != 0)
        {
            throw PyErr.ValueError("Cannot set session after handshake.");
        }
        var copy = DuplicateSession(session.Handle);
        // SSL_set_session takes its own reference.
        var result = Ossl.SSL_set_session(_ssl, copy);
        Ossl.SSL_SESSION_free(copy);
        if (result == 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
    }

    [PyGetter("session_reused")]
    public bool SessionReused() => Ossl.SSL_session_reused(_ssl) != 0;
}
