// Modules/socketmodule.c (the socket object)
using System.Buffers.Binary;
using System.Diagnostics;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Socket;

/// <summary><c>_socket.socket</c>: a BSD socket descriptor of the process. A timeout (seconds,
/// -1 for none) puts the descriptor in non-blocking mode and every call first waits for
/// readiness with <c>poll</c>, as CPython's <c>sock_call</c> does; blocking calls release the
/// interpreter lock.</summary>
[PyType("socket", Module = "_socket", Subclassable = true, InstanceType = true, Doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\nsocket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\nOpen a socket of the given type.  The family argument specifies the\naddress family; it defaults to AF_INET.  The type argument specifies\nwhether this is a stream (SOCK_STREAM, this is the default)\nor datagram (SOCK_DGRAM) socket.  The protocol argument defaults to 0,\nspecifying the default protocol.  Keyword arguments are accepted.\nThe socket is created as non-inheritable.\n\nWhen a fileno is passed in, family, type and proto are auto-detected,\nunless they are explicitly set.\n\nA socket object represents one endpoint of a network connection.")]
public sealed unsafe partial class PySocket : PySubclassableObject
{
    private volatile int _fd = -1;
    private int _family;
    private int _type;
    private int _proto;
    private double _timeout = -1;

    private PySocket(PyType type) : base(type)
    {
    }

    /// <summary>The descriptor is the socket's own: an object dropped without close() closes
    /// it, as CPython's dealloc does.</summary>
    ~PySocket()
    {
        var fd = _fd;
        if (fd >= 0)
        {
            SocketLibc.Close(fd);
        }
    }

    internal static PySocket FromFd(int fd, int family, int type, int proto)
    {
        var s = new PySocket(TypeObject);
        s.InitObject(fd, family, type, proto);
        return s;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PySocket(type);

    private static readonly string[] s_initNames = ["family", "type", "proto", "fileno"];

    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[4];
        ArgParse.UnpackKeywords("socket", args, kwnames, s_initNames, 0, 4, 0, buffer);
        ((PySocket)self).Initialize(
            buffer[0] is { } f ? ArgParse.ToInt(f) : -1,
            buffer[1] is { } t ? ArgParse.ToInt(t) : -1,
            buffer[2] is { } p ? ArgParse.ToInt(p) : -1,
            buffer[3] is PyNone ? null : buffer[3]);
    }

    private void Initialize(int family, int type, int proto, PyObject? fileno)
    {
        int fd;
        if (fileno is not null)
        {
            if (fileno is PyFloat)
            {
                throw PyErr.TypeError("'float' object cannot be interpreted as an integer");
            }
            var v = Ops.Index(fileno).Value;
            if (v < 0)
            {
                throw PyErr.ValueError("negative file descriptor");
            }
            if (v > int.MaxValue)
            {
                throw PyErr.OverflowError("fileno is too large");
            }
            fd = (int)v;
            if (family == -1)
            {
                // getsockname tells the family, and whether the descriptor is a socket at all.
                var sa = stackalloc byte[SocketLibc.SockaddrStorage];
                var len = SocketLibc.SockaddrStorage;
                if (SocketLibc.GetSockName(fd, sa, &len) != 0)
                {
                    throw PosixModule.Error(SocketLibc.Errno);
                }
                family = BinaryPrimitives.ReadUInt16LittleEndian(new ReadOnlySpan<byte>(sa, 2));
            }
            if (type == -1)
            {
                type = IntOption(fd, SocketLibc.SoType);
            }
            if (proto == -1)
            {
                proto = IntOption(fd, SocketLibc.SoProtocol);
            }
        }
        else
        {
            family = family == -1 ? SocketLibc.AfInet : family;
            type = type == -1 ? SocketLibc.SockStream : type;
            proto = proto == -1 ? 0 : proto;
            fd = SocketLibc.Socket(family, type | SocketLibc.SockCloexec, proto);
            if (fd < 0)
            {
                throw PosixModule.Error(SocketLibc.Errno);
            }
        }
        InitObject(fd, family, type, proto);
    }

    private static int IntOption(int fd, int option)
    {
        int value, len = 4;
        if (SocketLibc.GetSockOpt(fd, SocketLibc.SolSocket, option, (byte*)&value, &len) != 0)
        {
            throw PosixModule.Error(SocketLibc.Errno);
        }
        return value;
    }

    /// <summary><c>init_sockobject</c>: SOCK_NONBLOCK in the type means timeout 0; otherwise the
    /// default timeout applies.</summary>
    private void InitObject(int fd, int family, int type, int proto)
    {
        _fd = fd;
        _family = family;
        _type = type & ~(SocketLibc.SockNonBlock | SocketLibc.SockCloexec);
        _proto = proto;
        if ((type & SocketLibc.SockNonBlock) != 0)
        {
            _timeout = 0;
        }
        else
        {
            _timeout = SocketModule.DefaultTimeout;
            if (_timeout >= 0)
            {
                SetBlockingMode(false);
            }
        }
    }

    /// <summary>The descriptor (-1 once closed) and timeout (-1: none) that _ssl works with.</summary>
    internal int Descriptor => _fd;

    internal double TimeoutSeconds => _timeout;

    [PyGetter("family", Doc = "the socket family")]
    public int Family => _family;

    [PyGetter("type", Doc = "the socket type")]
    public int SockType => _type;

    [PyGetter("proto", Doc = "the socket protocol")]
    public int Proto => _proto;

    [PyGetter("timeout", Doc = "the socket timeout")]
    public PyObject TimeoutValue => _timeout < 0 ? PyNone.Value : new PyFloat(_timeout);

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<socket object, fd={_fd}, family={_family}, type={_type}, proto={_proto}>");

    // ---- blocking and timeouts ---------------------------------------------------------------

    private void SetBlockingMode(bool blocking)
    {
        var flags = SocketLibc.Fcntl(_fd, Libc.FGetFl, 0);
        if (flags < 0)
        {
            throw PosixModule.Error(SocketLibc.Errno);
        }
        var wanted = blocking ? flags & ~Libc.ONonBlock : flags | Libc.ONonBlock;
        if (wanted != flags && SocketLibc.Fcntl(_fd, Libc.FSetFl, wanted) < 0)
        {
            throw PosixModule.Error(SocketLibc.Errno);
        }
    }

    [PyMethod("setblocking", Doc = "setblocking(flag)\n\nSet the socket to blocking (flag is true) or non-blocking (false).\nsetblocking(True) is equivalent to settimeout(None);\nsetblocking(False) is equivalent to settimeout(0.0).")]
    public void SetBlocking(PyObject flag)
    {
        var blocking = Ops.IsTrue(flag);
        _timeout = blocking ? -1 : 0;
        SetBlockingMode(blocking);
    }

    [PyMethod("getblocking", Doc = "getblocking()\n\nReturns True if socket is in blocking mode, or False if it\nis in non-blocking mode.")]
    public bool GetBlocking() => _timeout != 0;

    [PyMethod("settimeout", Doc = "settimeout(timeout)\n\nSet a timeout on socket operations.  'timeout' can be a float,\ngiving in seconds, or None.  Setting a timeout of None disables\nthe timeout feature and is equivalent to setblocking(1).\nSetting a timeout of zero is the same as setblocking(0).")]
    public void SetTimeout(PyObject value)
    {
        _timeout = SocketModule.ParseTimeout(value);
        SetBlockingMode(_timeout < 0);
    }

    [PyMethod("gettimeout", Doc = "gettimeout() -> timeout\n\nReturns the timeout in seconds (float) associated with socket\noperations. A timeout of None indicates that timeouts on socket\noperations are disabled.")]
    public PyObject GetTimeout() => TimeoutValue;

    internal static PyException TimedOut() => PyErr.New(PyExc.TimeoutError, "timed out");

    /// <summary>Signals reach the process through the runtime's own handler thread, so a
    /// system call of the main thread is not interrupted by them: the main thread waits in
    /// slices this long and runs the handlers of signals received (Ctrl-C raises
    /// KeyboardInterrupt in a blocked accept or recv, as in CPython).</summary>
    private const int SignalSliceMilliseconds = 50;

    /// <summary>Waits until the descriptor is readable or writable, at most
    /// <paramref name="milliseconds"/> (-1: no limit): 1 ready, 0 timed out, -1 failed (errno
    /// in <paramref name="errno"/>).</summary>
    private int Wait(bool writing, long milliseconds, out int errno)
    {
        var main = ReferenceEquals(Taipan.Runtime.Python.ThreadState.Current, Gil.MainThread);
        var deadline = milliseconds < 0 ? long.MaxValue : Environment.TickCount64 + milliseconds;
        while (true)
        {
            var slice = milliseconds < 0 ? -1 : Math.Max(0, deadline - Environment.TickCount64);
            if (main)
            {
                slice = slice < 0 ? SignalSliceMilliseconds : Math.Min(slice, SignalSliceMilliseconds);
            }
            var p = new SocketLibc.PollFd { Fd = _fd, Events = writing ? SocketLibc.PollOut : SocketLibc.PollIn };
            int r;
            using (Gil.Release())
            {
                r = SocketLibc.Poll(&p, 1, (int)Math.Min(slice, int.MaxValue));
                errno = r < 0 ? SocketLibc.Errno : 0;
            }
            if (r != 0)
            {
                return r < 0 ? -1 : 1;
            }
            if (milliseconds >= 0 && Environment.TickCount64 >= deadline)
            {
                return 0;
            }
            if (main && Signals.Pending)
            {
                Signals.CheckSignals();
            }
        }
    }

    /// <summary><c>sock_call_ex</c>: runs <paramref name="op"/> (a system call returning -1 with
    /// errno on failure) the way the socket's timeout asks: retried after EINTR once signal
    /// handlers ran, and with a timeout, after waiting for readiness, until the deadline.
    /// Returns the call's result or throws its OSError, or TimeoutError.</summary>
    private long Call(bool writing, Func<long> op, long deadline = 0)
    {
        var timeout = _timeout;
        var first = deadline == 0;
        while (true)
        {
            if (timeout < 0 && _fd >= 0 && ReferenceEquals(Taipan.Runtime.Python.ThreadState.Current, Gil.MainThread))
            {
                // A blocking call of the main thread waits where signals can interrupt it.
                if (Wait(writing, -1, out var werr) < 0 && werr != SocketLibc.EIntr)
                {
                    throw PosixModule.Error(werr);
                }
            }
            else if (timeout > 0 && _fd >= 0)
            {
                long ms;
                if (first)
                {
                    deadline = Stopwatch.GetTimestamp() + (long)(timeout * Stopwatch.Frequency);
                    ms = (long)Math.Ceiling(timeout * 1000);
                    first = false;
                }
                else
                {
                    var left = deadline - Stopwatch.GetTimestamp();
                    if (left < 0)
                    {
                        throw TimedOut();
                    }
                    ms = (long)Math.Ceiling(left * 1000.0 / Stopwatch.Frequency);
                }
                var ready = Wait(writing, ms, out var perr);
                if (ready < 0)
                {
                    if (perr == SocketLibc.EIntr)
                    {
                        Signals.CheckSignals();
                        continue;
                    }
                    throw PosixModule.Error(perr);
                }
                if (ready == 0)
                {
                    throw TimedOut();
                }
            }
            int err;
            while (true)
            {
                long r;
                using (Gil.Release())
                {
                    r = op();
                    err = r < 0 ? SocketLibc.Errno : 0;
                }
                if (r >= 0)
                {
                    return r;
                }
                if (err != SocketLibc.EIntr)
                {
                    break;
                }
                Signals.CheckSignals();
            }
            if (timeout > 0 && err == SocketLibc.EAgain)
            {
                continue;
            }
            throw PosixModule.Error(err);
        }
    }

    // ---- descriptor --------------------------------------------------------------------------

    [PyMethod("fileno", Doc = "fileno() -> integer\n\nReturn the integer file descriptor of the socket.")]
    public int FileNo() => _fd;

    [PyMethod("close", Doc = "close()\n\nClose the socket.  It cannot be used after this call.")]
    public void Close()
    {
        var fd = _fd;
        if (fd < 0)
        {
            return;
        }
        _fd = -1;
        // ECONNRESET from close() is not an error worth reporting (bpo-30319).
        if (SocketLibc.Close(fd) < 0 && SocketLibc.Errno is var e && e != 104)
        {
            throw PosixModule.Error(e);
        }
    }

    [PyMethod("detach", Doc = "detach()\n\nClose the socket object without closing the underlying file descriptor.\nThe object cannot be used after this call, but the file descriptor\ncan be reused for other purposes.  The file descriptor is returned.")]
    public int Detach()
    {
        var fd = _fd;
        _fd = -1;
        return fd;
    }

    [PyMethod("dup", Doc = "dup() -> socket object\n\nDuplicate the socket. Return a new socket object connected to the same\nsystem resource. The new socket is non-inheritable.")]
    public PyObject Dup()
    {
        var fd = SocketLibc.Fcntl(_fd, 1030 /* F_DUPFD_CLOEXEC */, 0);
        if (fd < 0)
        {
            throw PosixModule.Error(SocketLibc.Errno);
        }
        return FromFd(fd, _family, _type, _proto);
    }

    // ---- addresses and connections -------------------------------------------------------------

    [PyMethod("bind", Doc = "bind(address)\n\nBind the socket to a local address.  For IP sockets, the address is a\npair (host, port); the host must refer to the local host. For raw packet\nsockets the address is a tuple (ifname, proto [,pkttype [,hatype [,addr]]])")]
    public void Bind(PyObject address)
    {
        var sa = SocketAddress.Parse(_family, address, "bind");
        fixed (byte* p = sa)
        {
            if (SocketLibc.Bind(_fd, p, sa.Length) < 0)
            {
                throw PosixModule.Error(SocketLibc.Errno);
            }
        }
    }

    [PyMethod("listen", Doc = "listen([backlog])\n\nEnable a server to accept connections.  If backlog is specified, it must be\nat least 0 (if it is lower, it is set to 0); it specifies the number of\nunaccepted connections that the system will allow before refusing new\nconnections. If not specified, a default reasonable value is chosen.")]
    public void Listen(int backlog = 128)
    {
        if (SocketLibc.Listen(_fd, Math.Max(backlog, 0)) < 0)
        {
            throw PosixModule.Error(SocketLibc.Errno);
        }
    }

    [PyMethod("_accept", Doc = "_accept() -> (integer, address info)\n\nWait for an incoming connection.  Return a new socket file descriptor\nrepresenting the connection, and the address of the client.\nFor IP sockets, the address info is a pair (hostaddr, port).")]
    public PyObject Accept()
    {
        var sa = new byte[SocketLibc.SockaddrStorage];
        var len = new int[1];
        var fd = (int)Call(false, () =>
        {
            len[0] = sa.Length;
            fixed (byte* p = sa)
            fixed (int* l = len)
            {
                return SocketLibc.Accept4(_fd, p, l, SocketLibc.SockCloexec);
            }
        });
        return PyTuple.Create(PyInt.From(fd), SocketAddress.Make(sa.AsSpan(0, Math.Min(len[0], sa.Length))));
    }

    /// <summary><c>internal_connect</c>: 0 or the errno of the failure; a connection in
    /// progress is waited for (up to the timeout) and its outcome read from SO_ERROR.</summary>
    private int ConnectErrno(PyObject address, string caller, bool raise)
    {
        var sa = SocketAddress.Parse(_family, address, caller);
        int r, err;
        fixed (byte* p = sa)
        {
            using (Gil.Release())
            {
                r = SocketLibc.Connect(_fd, p, sa.Length);
                err = r < 0 ? SocketLibc.Errno : 0;
            }
        }
        if (r == 0)
        {
            return 0;
        }
        if (err == SocketLibc.EIntr)
        {
            Signals.CheckSignals();
            if (_timeout == 0)
            {
                return raise ? throw PosixModule.Error(err) : err;
            }
            // The connection goes on in the background: wait for it as for EINPROGRESS.
        }
        else if (!(err == SocketLibc.EInProgress && _timeout != 0))
        {
            return raise ? throw PosixModule.Error(err) : err;
        }
        var deadline = _timeout > 0 ? Stopwatch.GetTimestamp() + (long)(_timeout * Stopwatch.Frequency) : long.MaxValue;
        while (true)
        {
            var ms = deadline == long.MaxValue ? -1 : (long)Math.Ceiling((deadline - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency);
            if (ms < 0 && deadline != long.MaxValue)
            {
                ms = 0;
            }
            var ready = Wait(true, ms, out var perr);
            if (ready < 0)
            {
                if (perr == SocketLibc.EIntr)
                {
                    Signals.CheckSignals();
                    continue;
                }
                return raise ? throw PosixModule.Error(perr) : perr;
            }
            if (ready == 0)
            {
                return raise ? throw TimedOut() : SocketLibc.EAgain;
            }
            int soError, len = 4;
            if (SocketLibc.GetSockOpt(_fd, SocketLibc.SolSocket, SocketLibc.SoError, (byte*)&soError, &len) < 0)
            {
                soError = SocketLibc.Errno;
            }
            if (soError == SocketLibc.EIntr)
            {
                Signals.CheckSignals();
                continue;
            }
            return soError != 0 && raise ? throw PosixModule.Error(soError) : soError;
        }
    }

    [PyMethod("connect", Doc = "connect(address)\n\nConnect the socket to a remote address.  For IP sockets, the address\nis a pair (host, port).")]
    public void Connect(PyObject address) => ConnectErrno(address, "connect", true);

    [PyMethod("connect_ex", Doc = "connect_ex(address) -> errno\n\nThis is like connect(address), but returns an error code (the errno value)\ninstead of raising an exception when an error occurs.")]
    public int ConnectEx(PyObject address) => ConnectErrno(address, "connect_ex", false);

    private PyObject Name(bool peer)
    {
        var sa = stackalloc byte[SocketLibc.SockaddrStorage];
        new Span<byte>(sa, SocketLibc.SockaddrStorage).Clear();
        var len = SocketLibc.SockaddrStorage;
        var r = peer ? SocketLibc.GetPeerName(_fd, sa, &len) : SocketLibc.GetSockName(_fd, sa, &len);
        if (r < 0)
        {
            throw PosixModule.Error(SocketLibc.Errno);
        }
        return SocketAddress.Make(new ReadOnlySpan<byte>(sa, Math.Min(len, SocketLibc.SockaddrStorage)));
    }

    [PyMethod("getsockname", Doc = "getsockname() -> address info\n\nReturn the address of the local endpoint. The format depends on the\naddress family. For IPv4 sockets, the address info is a pair\n(hostaddr, port).")]
    public PyObject GetSockName() => Name(false);

    [PyMethod("getpeername", Doc = "getpeername() -> address info\n\nReturn the address of the remote endpoint.  For IP sockets, the address\ninfo is a pair (hostaddr, port).")]
    public PyObject GetPeerName() => Name(true);

    [PyMethod("shutdown", Doc = "shutdown(flag)\n\nShut down the reading side of the socket (flag == SHUT_RD), the writing side\nof the socket (flag == SHUT_WR), or both ends (flag == SHUT_RDWR).")]
    public void Shutdown(int how)
    {
        if (SocketLibc.Shutdown(_fd, how) < 0)
        {
            throw PosixModule.Error(SocketLibc.Errno);
        }
    }

    // ---- options -----------------------------------------------------------------------------

    [PyMethod("setsockopt", Doc = "setsockopt(level, option, value: int)\nsetsockopt(level, option, value: buffer)\nsetsockopt(level, option, None, optlen: int)\n\nSet a socket option.  See the Unix manual for level and option.\nThe value argument can either be an integer, a string buffer, or\nNone, optlen.")]
    public void SetSockOpt(int level, int option, PyObject value, PyObject? optlen = null)
    {
        int r;
        if (optlen is not null)
        {
            if (value is not PyNone)
            {
                throw PyErr.TypeError("setsockopt() takes exactly 4 arguments (3 given)");
            }
            r = SocketLibc.SetSockOpt(_fd, level, option, null, ArgParse.ToInt(optlen));
        }
        else if (value is PyInt || (value is not PyFloat && !BufferProtocol.TryRead(value, out _) && value.Type.Slots.Index is not null))
        {
            var flag = ArgParse.ToInt(value);
            r = SocketLibc.SetSockOpt(_fd, level, option, (byte*)&flag, 4);
        }
        else
        {
            if (!BufferProtocol.TryRead(value, out var data))
            {
                throw PyErr.TypeError($"a bytes-like object is required, not '{value.Type.Name}'");
            }
            fixed (byte* p = data)
            {
                r = SocketLibc.SetSockOpt(_fd, level, option, p, data.Length);
            }
        }
        if (r < 0)
        {
            throw PosixModule.Error(SocketLibc.Errno);
        }
    }

    [PyMethod("getsockopt", Doc = "getsockopt(level, option[, buffersize]) -> value\n\nGet a socket option.  See the Unix manual for level and option.\nIf a nonzero buffersize argument is given, the return value is a\nstring of that length; otherwise it is an integer.")]
    public PyObject GetSockOpt(int level, int option, int buflen = 0)
    {
        if (buflen == 0)
        {
            int flag = 0, len = 4;
            if (SocketLibc.GetSockOpt(_fd, level, option, (byte*)&flag, &len) < 0)
            {
                throw PosixModule.Error(SocketLibc.Errno);
            }
            return PyInt.From(flag);
        }
        if (buflen <= 0 || buflen > 1024)
        {
            throw PyErr.New(PyExc.OSError, "getsockopt buflen out of range");
        }
        var buf = new byte[buflen];
        var n = buflen;
        fixed (byte* p = buf)
        {
            if (SocketLibc.GetSockOpt(_fd, level, option, p, &n) < 0)
            {
                throw PosixModule.Error(SocketLibc.Errno);
            }
        }
        return PyBytes.From(buf.AsSpan(0, n));
    }

    // ---- data --------------------------------------------------------------------------------

    private long RecvInto(byte[] buf, int len, int flags) =>
        Call(false, () =>
        {
            fixed (byte* p = buf)
            {
                return SocketLibc.Recv(_fd, p, len, flags);
            }
        });

    [PyMethod("recv", Doc = "recv(buffersize[, flags]) -> data\n\nReceive up to buffersize bytes from the socket.  For the optional flags\nargument, see the Unix manual.  When no data is available, block until\nat least one byte is available or until the remote end is closed.  When\nthe remote end is closed and all data is read, return the empty string.")]
    public PyObject Recv(long bufsize, int flags = 0)
    {
        if (bufsize < 0)
        {
            throw PyErr.ValueError("negative buffersize in recv");
        }
        var buf = PosixModule.Allocate(bufsize);
        var n = RecvInto(buf, buf.Length, flags);
        return n == buf.Length ? new PyBytes(buf) : PyBytes.From(buf.AsSpan(0, (int)n));
    }

    [PyMethod("recv_into", Keywords = true, Doc = "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read\n\nA version of recv() that stores its data into a buffer rather than creating\na new string.  Receive up to buffersize bytes from the socket.  If buffersize\nis not specified (or 0), receive up to the size available in the given buffer.\n\nSee recv() for documentation about the flags.")]
    public long RecvIntoBuffer(PyObject buffer, long nbytes = 0, int flags = 0)
    {
        var length = Writable("recv_into", buffer).Length;
        if (nbytes < 0)
        {
            throw PyErr.ValueError("negative buffersize in recv_into");
        }
        if (nbytes == 0)
        {
            nbytes = length;
        }
        if (length < nbytes)
        {
            throw PyErr.ValueError("buffer too small for requested bytes");
        }
        // The data lands in a private array while the lock is released, then is copied in.
        var tmp = new byte[nbytes];
        var n = RecvInto(tmp, tmp.Length, flags);
        tmp.AsSpan(0, (int)n).CopyTo(BufferProtocol.Write(buffer));
        return n;
    }

    /// <summary>The "w*" argument of recv_into and recvfrom_into.</summary>
    private static Span<byte> Writable(string function, PyObject buffer) => buffer is PyMemoryView || buffer is IBuffer { BufferReadOnly: false }
        ? BufferProtocol.Write(buffer)
        : throw PyErr.TypeError($"{function}() argument 1 must be read-write bytes-like object, not {buffer.Type.Name}");

    private (long N, PyObject Address) RecvFromInto(byte[] buf, int flags)
    {
        var sa = new byte[SocketLibc.SockaddrStorage];
        var len = new int[1];
        var n = Call(false, () =>
        {
            len[0] = sa.Length;
            fixed (byte* p = buf)
            fixed (byte* a = sa)
            fixed (int* l = len)
            {
                return SocketLibc.RecvFrom(_fd, p, buf.Length, flags, a, l);
            }
        });
        return (n, SocketAddress.Make(sa.AsSpan(0, Math.Min(len[0], sa.Length))));
    }

    [PyMethod("recvfrom", Doc = "recvfrom(buffersize[, flags]) -> (data, address info)\n\nLike recv(buffersize, flags) but also return the sender's address info.")]
    public PyObject RecvFrom(long bufsize, int flags = 0)
    {
        if (bufsize < 0)
        {
            throw PyErr.ValueError("negative buffersize in recvfrom");
        }
        var buf = PosixModule.Allocate(bufsize);
        var (n, address) = RecvFromInto(buf, flags);
        return PyTuple.Create(n == buf.Length ? new PyBytes(buf) : PyBytes.From(buf.AsSpan(0, (int)n)), address);
    }

    [PyMethod("recvfrom_into", Keywords = true, Doc = "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)\n\nLike recv_into(buffer[, nbytes[, flags]]) but also return the sender's address info.")]
    public PyObject RecvFromIntoBuffer(PyObject buffer, long nbytes = 0, int flags = 0)
    {
        var length = Writable("recvfrom_into", buffer).Length;
        if (nbytes < 0)
        {
            throw PyErr.ValueError("negative buffersize in recvfrom_into");
        }
        if (nbytes == 0)
        {
            nbytes = length;
        }
        else if (nbytes > length)
        {
            throw PyErr.ValueError("nbytes is greater than the length of the buffer");
        }
        var tmp = new byte[nbytes];
        var (n, address) = RecvFromInto(tmp, flags);
        tmp.AsSpan(0, (int)n).CopyTo(BufferProtocol.Write(buffer));
        return PyTuple.Create(PyInt.From(n), address);
    }

    private static byte[] Data(PyObject data) =>
        BufferProtocol.TryRead(data, out var span) ? span.ToArray() : throw PyErr.TypeError($"a bytes-like object is required, not '{data.Type.Name}'");

    [PyMethod("send", Doc = "send(data[, flags]) -> count\n\nSend a data string to the socket.  For the optional flags\nargument, see the Unix manual.  Return the number of bytes\nsent; this may be less than len(data) if the network is busy.")]
    public long Send(PyObject data, int flags = 0)
    {
        var bytes = Data(data);
        return SendSome(bytes, 0, flags, 0);
    }

    private long SendSome(byte[] bytes, int offset, int flags, long deadline) =>
        Call(true, () =>
        {
            fixed (byte* p = bytes)
            {
                // MSG_NOSIGNAL: a closed peer gives EPIPE, not a SIGPIPE that kills the process
                // (CPython ignores SIGPIPE at startup for the same effect).
                return SocketLibc.Send(_fd, p + offset, bytes.Length - offset, flags | 0x4000);
            }
        }, deadline);

    [PyMethod("sendall", Doc = "sendall(data[, flags])\n\nSend a data string to the socket.  For the optional flags\nargument, see the Unix manual.  This calls send() repeatedly\nuntil all data is sent.  If an error occurs, it's impossible\nto tell how much data has been sent.")]
    public void SendAll(PyObject data, int flags = 0)
    {
        var bytes = Data(data);
        var offset = 0;
        // One deadline for the whole call, as in CPython.
        var deadline = _timeout > 0 ? Stopwatch.GetTimestamp() + (long)(_timeout * Stopwatch.Frequency) : 0;
        do
        {
            offset += (int)SendSome(bytes, offset, flags, deadline);
            Signals.CheckSignals();
        }
        while (offset < bytes.Length);
    }

    [PyMethod("sendto", Doc = "sendto(data[, flags], address) -> count\n\nLike send(data, flags) but allows specifying the destination address.\nFor IP sockets, the address is a pair (hostaddr, port).")]
    public long SendTo(PyObject? data = null, PyObject? flagsOrAddress = null, PyObject? address = null)
    {
        if (flagsOrAddress is null)
        {
            throw PyErr.TypeError($"sendto() takes 2 or 3 arguments ({(data is null ? 0 : 1)} given)");
        }
        var flags = 0;
        if (address is null)
        {
            address = flagsOrAddress;
        }
        else
        {
            flags = ArgParse.ToInt(flagsOrAddress);
        }
        var bytes = Data(data!);
        var sa = SocketAddress.Parse(_family, address, "sendto");
        return Call(true, () =>
        {
            fixed (byte* p = bytes)
            fixed (byte* a = sa)
            {
                return SocketLibc.SendTo(_fd, p, bytes.Length, flags | 0x4000, a, sa.Length);
            }
        });
    }
}
