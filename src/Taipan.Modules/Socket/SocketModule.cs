// Modules/socketmodule.c
using System.Buffers.Binary;
using System.Text;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Socket;

/// <summary><c>_socket</c>: BSD sockets over the C library, name resolution and address
/// conversions; <c>socket.py</c> builds the public module on it.</summary>
[PyModule("_socket", Doc = "Implementation module for socket operations.\n\nSee the socket module for documentation.")]
public static unsafe partial class SocketModule
{
    private static PyType? s_herror;
    private static PyType? s_gaierror;

    /// <summary>The timeout new sockets get (seconds; -1 for none).</summary>
    internal static double DefaultTimeout { get; private set; } = -1;

    internal static PyType HError => s_herror ??= MakeError("herror");

    internal static PyType GaiErrorType => s_gaierror ??= MakeError("gaierror");

    private static PyType MakeError(string name)
    {
        var ns = new PyDict();
        ns.SetItem(new PyStr("__module__"), new PyStr("socket"));
        return (PyType)Ops.Call(PyType.TypeObject, [new PyStr(name), PyTuple.Create(PyExc.OSError), ns], null);
    }

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("error", PyExc.OSError);
        module.AddBuiltin("herror", HError);
        module.AddBuiltin("gaierror", GaiErrorType);
        module.AddBuiltin("timeout", PyExc.TimeoutError);
        module.AddBuiltin("SocketType", PySocket.TypeObject);
        module.AddBuiltin("socket", PySocket.TypeObject);
        module.AddBuiltin("has_ipv6", PyBool.True);
        module.AddBuiltin("BDADDR_ANY", new PyStr("00:00:00:00:00:00"));
        module.AddBuiltin("BDADDR_LOCAL", new PyStr("00:00:00:FF:FF:FF"));
        foreach (var (name, value) in SocketConstants.All)
        {
            module.AddBuiltin(name, PyInt.From(value));
        }
    }

    /// <summary><c>set_gaierror</c>: gaierror(code, message); EAI_SYSTEM is errno's OSError.</summary>
    internal static PyException GaiError(int code)
    {
        if (code == SocketLibc.EaiSystem)
        {
            return PosixModule.Error(SocketLibc.Errno);
        }
        var message = Encoding.UTF8.GetString(SocketLibc.CString(SocketLibc.GaiStrError(code)));
        return new PyException((PyBaseException)Ops.Call(GaiErrorType, [PyInt.From(code), new PyStr(message)], null));
    }

    private static PyException HErrorFor(int code)
    {
        var message = Encoding.UTF8.GetString(SocketLibc.CString(SocketLibc.HStrError(code)));
        return new PyException((PyBaseException)Ops.Call(HError, [PyInt.From(code), new PyStr(message)], null));
    }

    /// <summary><c>socket_parse_timeout</c>: None is -1 (no timeout); otherwise seconds &gt;= 0.</summary>
    internal static double ParseTimeout(PyObject value)
    {
        if (value is PyNone)
        {
            return -1;
        }
        double seconds;
        if (value is PyFloat f)
        {
            seconds = f.Value;
            if (double.IsNaN(seconds))
            {
                throw PyErr.ValueError("Invalid value NaN (not a number)");
            }
        }
        else
        {
            seconds = (double)Ops.Index(value).Value;
        }
        if (seconds < 0)
        {
            throw PyErr.ValueError("Timeout value out of range");
        }
        if (seconds * 1e9 > long.MaxValue)
        {
            throw PyErr.OverflowError("timestamp too large to convert to C _PyTime_t");
        }
        return seconds;
    }

    [PyMethod("getdefaulttimeout", Doc = "getdefaulttimeout() -> timeout\n\nReturns the default timeout in seconds (float) for new socket objects.\nA value of None indicates that new socket objects have no timeout.\nWhen the socket module is first imported, the default is None.")]
    public static PyObject GetDefaultTimeout() => DefaultTimeout < 0 ? PyNone.Value : new PyFloat(DefaultTimeout);

    [PyMethod("setdefaulttimeout", Doc = "setdefaulttimeout(timeout)\n\nSet the default timeout in seconds (float) for new socket objects.\nA value of None indicates that new socket objects have no timeout.\nWhen the socket module is first imported, the default is None.")]
    public static void SetDefaultTimeout(PyObject timeout) => DefaultTimeout = ParseTimeout(timeout);

    // ---- descriptors -------------------------------------------------------------------------

    [PyMethod("close", Doc = "close(integer) -> None\n\nClose an integer socket file descriptor.  This is like os.close(), but for\nsockets; on some platforms os.close() won't work for socket file descriptors.")]
    public static void Close(int fd)
    {
        if (SocketLibc.Close(fd) < 0 && SocketLibc.Errno is var e && e != 104)
        {
            throw PosixModule.Error(e);
        }
    }

    [PyMethod("dup", Doc = "dup(integer) -> integer\n\nDuplicate an integer socket file descriptor.  This is like os.dup(), but for\nsockets; on some platforms os.dup() won't work for socket file descriptors.")]
    public static int Dup(int fd)
    {
        var r = SocketLibc.Fcntl(fd, 1030 /* F_DUPFD_CLOEXEC */, 0);
        return r >= 0 ? r : throw PosixModule.Error(SocketLibc.Errno);
    }

    [PyMethod("socketpair", Doc = "socketpair([family[, type [, proto]]]) -> (socket object, socket object)\n\nCreate a pair of socket objects from the sockets returned by the platform\nsocketpair() function.\nThe arguments are the same as for socket() except the default family is\nAF_UNIX if defined on the platform; otherwise, the default is AF_INET.")]
    public static PyObject SocketPair(int family = SocketLibc.AfUnix, int type = SocketLibc.SockStream, int proto = 0)
    {
        var sv = stackalloc int[2];
        if (SocketLibc.SocketPair(family, type | SocketLibc.SockCloexec, proto, sv) < 0)
        {
            throw PosixModule.Error(SocketLibc.Errno);
        }
        return PyTuple.Create(PySocket.FromFd(sv[0], family, type, proto), PySocket.FromFd(sv[1], family, type, proto));
    }

    // ---- byte order --------------------------------------------------------------------------

    private static ushort UInt16Arg(string name, PyObject x)
    {
        var v = Ops.Index(x).Value;
        if (v < 0)
        {
            throw PyErr.OverflowError($"{name}: can't convert negative Python int to C 16-bit unsigned integer");
        }
        return v > ushort.MaxValue ? throw PyErr.OverflowError($"{name}: Python int too large to convert to C 16-bit unsigned integer") : (ushort)v;
    }

    private static uint UInt32Arg(PyObject x)
    {
        if (x is not PyInt)
        {
            throw PyErr.TypeError($"expected int, {x.Type.Name} found");
        }
        var v = Ops.Index(x).Value;
        if (v < 0)
        {
            throw PyErr.OverflowError("can't convert negative value to unsigned int");
        }
        return v > uint.MaxValue ? throw PyErr.OverflowError("int larger than 32 bits") : (uint)v;
    }

    [PyMethod("ntohs", Doc = "ntohs(integer) -> integer\n\nConvert a 16-bit unsigned integer from network to host byte order.")]
    public static int NToHs(PyObject x) => BinaryPrimitives.ReverseEndianness(UInt16Arg("ntohs", x));

    [PyMethod("htons", Doc = "htons(integer) -> integer\n\nConvert a 16-bit unsigned integer from host to network byte order.")]
    public static int HToNs(PyObject x) => BinaryPrimitives.ReverseEndianness(UInt16Arg("htons", x));

    [PyMethod("ntohl", Doc = "ntohl(integer) -> integer\n\nConvert a 32-bit integer from network to host byte order.")]
    public static long NToHl(PyObject x) => BinaryPrimitives.ReverseEndianness(UInt32Arg(x));

    [PyMethod("htonl", Doc = "htonl(integer) -> integer\n\nConvert a 32-bit integer from host to network byte order.")]
    public static long HToNl(PyObject x) => BinaryPrimitives.ReverseEndianness(UInt32Arg(x));

    // ---- address text ------------------------------------------------------------------------

    private static byte[] AsciiArg(string function, PyObject s) => s is PyStr str
        ? SocketAddress.Z(Encoding.UTF8.GetBytes(str.Value))
        : throw PyErr.TypeError($"{function}() argument 1 must be str, not {s.Type.Name}");

    [PyMethod("inet_aton", Doc = "inet_aton(string) -> bytes giving packed 32-bit IP representation\n\nConvert an IP address in string format (123.45.67.89) to the 32-bit packed\nbinary format used in low-level network functions.")]
    public static PyObject InetAton(PyObject ip)
    {
        var z = AsciiArg("inet_aton", ip);
        uint addr;
        fixed (byte* p = z)
        {
            if (SocketLibc.InetAton(p, &addr) == 0)
            {
                throw PyErr.New(PyExc.OSError, "illegal IP address string passed to inet_aton");
            }
        }
        var r = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(r, addr);
        return new PyBytes(r);
    }

    [PyMethod("inet_ntoa", Doc = "inet_ntoa(packed_ip) -> ip_address_string\n\nConvert an IP address from 32-bit packed binary format to string format")]
    public static PyObject InetNtoa(PyObject packed)
    {
        var data = BufferProtocol.Read(packed);
        if (data.Length != 4)
        {
            throw PyErr.New(PyExc.OSError, "packed IP wrong length for inet_ntoa");
        }
        return new PyStr($"{data[0]}.{data[1]}.{data[2]}.{data[3]}");
    }

    [PyMethod("inet_pton", Doc = "inet_pton(af, ip) -> packed IP address string\n\nConvert an IP address from string format to a packed string suitable\nfor use with low-level network functions.")]
    public static PyObject InetPton(int af, PyObject ip)
    {
        var z = ip is PyStr s ? SocketAddress.Z(Encoding.UTF8.GetBytes(s.Value)) : throw PyErr.TypeError($"inet_pton() argument 2 must be str, not {ip.Type.Name}");
        var buf = stackalloc byte[16];
        int r;
        fixed (byte* p = z)
        {
            r = SocketLibc.InetPton(af, p, buf);
        }
        if (r < 0)
        {
            throw PosixModule.Error(SocketLibc.Errno);
        }
        if (r == 0)
        {
            throw PyErr.New(PyExc.OSError, "illegal IP address string passed to inet_pton");
        }
        return PyBytes.From(new ReadOnlySpan<byte>(buf, af == SocketLibc.AfInet ? 4 : 16));
    }

    [PyMethod("inet_ntop", Doc = "inet_ntop(af, packed_ip) -> string formatted IP address\n\nConvert a packed IP address of the given family to string format.")]
    public static PyObject InetNtop(int af, PyObject packed)
    {
        var data = BufferProtocol.Read(packed);
        if (af == SocketLibc.AfInet ? data.Length != 4 : af == SocketLibc.AfInet6 ? data.Length != 16 : throw PyErr.ValueError($"unknown address family {af}"))
        {
            throw PyErr.ValueError("invalid length of packed IP address string");
        }
        return new PyStr(SocketAddress.IpText(af, data));
    }

    // ---- names -------------------------------------------------------------------------------

    [PyMethod("gethostname", Doc = "gethostname() -> string\n\nReturn the current host name.")]
    public static PyObject GetHostName()
    {
        var buf = stackalloc byte[1025];
        if (SocketLibc.GetHostName(buf, 1024) < 0)
        {
            throw PosixModule.Error(SocketLibc.Errno);
        }
        buf[1024] = 0;
        return PosixModule.DecodeFs(SocketLibc.CString(buf));
    }

    [PyMethod("sethostname", Doc = "sethostname(name)\n\nSets the hostname to name.")]
    public static void SetHostName(PyObject name)
    {
        var data = name is PyStr s ? PosixModule.EncodeFs(s) : BufferProtocol.Read(name).ToArray();
        fixed (byte* p = data)
        {
            if (SocketLibc.SetHostName(p, data.Length) < 0)
            {
                throw PosixModule.Error(SocketLibc.Errno);
            }
        }
    }

    /// <summary>A port argument of getaddrinfo: None, an int, or a service name (str/bytes).</summary>
    private static byte[]? ServiceArg(PyObject port) => port switch
    {
        PyNone => null,
        PyInt i => SocketAddress.Z(Encoding.ASCII.GetBytes(ArgParse.ToLong(i).ToString(System.Globalization.CultureInfo.InvariantCulture))),
        PyStr s => SocketAddress.Z(Encoding.UTF8.GetBytes(s.Value)),
        PyBytes b => SocketAddress.Z(b.Data),
        _ => throw PyErr.New(PyExc.OSError, "Int or String expected"),
    };

    [PyMethod("getaddrinfo", Keywords = true, Doc = "getaddrinfo(host, port [, family, type, proto, flags])\n    -> list of (family, type, proto, canonname, sockaddr)\n\nResolve host and port into addrinfo struct.")]
    public static PyObject GetAddrInfo(PyObject host, PyObject port, int family = 0, int type = 0, int proto = 0, int flags = 0)
    {
        var node = host is PyNone ? null : SocketAddress.Z(SocketAddress.HostBytes(host));
        var service = ServiceArg(port);
        var hints = new SocketLibc.AddrInfo { Family = family, SockType = type, Protocol = proto, Flags = flags };
        SocketLibc.AddrInfo* res = null;
        int error;
        fixed (byte* n = node)
        fixed (byte* sv = service)
        {
            using (Gil.Release())
            {
                error = SocketLibc.GetAddrInfo(n, sv, &hints, &res);
            }
        }
        if (error != 0)
        {
            throw GaiError(error);
        }
        var list = new PyList();
        try
        {
            for (var ai = res; ai is not null; ai = ai->Next)
            {
                var canon = ai->CanonName is null ? "" : Encoding.UTF8.GetString(SocketLibc.CString(ai->CanonName));
                var addr = SocketAddress.Make(new ReadOnlySpan<byte>(ai->Addr, (int)ai->AddrLen));
                list.Append(PyTuple.Create(PyInt.From(ai->Family), PyInt.From(ai->SockType), PyInt.From(ai->Protocol), new PyStr(canon), addr));
            }
        }
        finally
        {
            SocketLibc.FreeAddrInfo(res);
        }
        return list;
    }

    [PyMethod("getnameinfo", Doc = "getnameinfo(sockaddr, flags) --> (host, port)\n\nGet host and port for a sockaddr.")]
    public static PyObject GetNameInfo(PyObject sockaddr, int flags)
    {
        if (sockaddr is not PyTuple t)
        {
            throw PyErr.TypeError("getnameinfo() argument 1 must be a tuple");
        }
        if (t.Count < 2 || t.Count > 4)
        {
            throw PyErr.TypeError($"getnameinfo() argument 1 must be a tuple of 2 to 4 items");
        }
        var host = t.Items[0] is PyStr hs ? SocketAddress.Z(Encoding.UTF8.GetBytes(hs.Value)) : throw PyErr.TypeError($"getnameinfo() argument 1 must be str, not {t.Items[0].Type.Name}");
        var port = ArgParse.ToInt(t.Items[1]);
        var flowinfo = t.Count > 2 ? ArgParse.ToLong(t.Items[2]) : 0;
        var scope = t.Count > 3 ? ArgParse.ToLong(t.Items[3]) : 0;
        if (flowinfo < 0 || flowinfo > 0xfffff)
        {
            throw PyErr.OverflowError("getnameinfo(): flowinfo must be 0-1048575.");
        }
        var service = SocketAddress.Z(Encoding.ASCII.GetBytes(port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var hints = new SocketLibc.AddrInfo { SockType = 2 /* SOCK_DGRAM */, Flags = SocketLibc.AiNumericHost };
        SocketLibc.AddrInfo* res = null;
        int error;
        fixed (byte* n = host)
        fixed (byte* sv = service)
        {
            error = SocketLibc.GetAddrInfo(n, sv, &hints, &res);
        }
        if (error != 0)
        {
            throw GaiError(error);
        }
        try
        {
            if (res->Next is not null)
            {
                throw PyErr.New(PyExc.OSError, "sockaddr resolved to multiple addresses");
            }
            var sa = new byte[res->AddrLen];
            new ReadOnlySpan<byte>(res->Addr, sa.Length).CopyTo(sa);
            switch (res->Family)
            {
                case SocketLibc.AfInet when t.Count != 2:
                    throw PyErr.New(PyExc.OSError, "IPv4 sockaddr must be 2 tuple");
                case SocketLibc.AfInet6:
                    BinaryPrimitives.WriteUInt32BigEndian(sa.AsSpan(4), (uint)flowinfo);
                    BinaryPrimitives.WriteUInt32LittleEndian(sa.AsSpan(24), (uint)scope);
                    break;
            }
            var hbuf = stackalloc byte[1025];
            var pbuf = stackalloc byte[32];
            fixed (byte* a = sa)
            {
                using (Gil.Release())
                {
                    error = SocketLibc.GetNameInfo(a, sa.Length, hbuf, 1025, pbuf, 32, flags);
                }
            }
            if (error != 0)
            {
                throw GaiError(error);
            }
            return PyTuple.Create(new PyStr(Encoding.UTF8.GetString(SocketLibc.CString(hbuf))), new PyStr(Encoding.UTF8.GetString(SocketLibc.CString(pbuf))));
        }
        finally
        {
            SocketLibc.FreeAddrInfo(res);
        }
    }

    [PyMethod("gethostbyname", Doc = "gethostbyname(host) -> address\n\nReturn the IP address (a string of the form '255.255.255.255') for a host.")]
    public static PyObject GetHostByName(PyObject hostname)
    {
        var sa = new byte[16];
        SocketAddress.SetIpAddr(SocketAddress.HostBytes(hostname), SocketLibc.AfInet, sa);
        return new PyStr(SocketAddress.IpText(SocketLibc.AfInet, sa.AsSpan(4, 4)));
    }

    /// <summary><c>gethost_common</c>: (name, aliases, addresses) of a host entry.</summary>
    private static PyObject HostEntry(SocketLibc.HostEnt* h)
    {
        var aliases = new PyList();
        for (var a = h->Aliases; a is not null && *a is not null; a++)
        {
            aliases.Append(new PyStr(Encoding.UTF8.GetString(SocketLibc.CString(*a))));
        }
        var addrs = new PyList();
        for (var a = h->AddrList; a is not null && *a is not null; a++)
        {
            addrs.Append(new PyStr(SocketAddress.IpText(h->AddrType, new ReadOnlySpan<byte>(*a, h->Length))));
        }
        return PyTuple.Create(new PyStr(Encoding.UTF8.GetString(SocketLibc.CString(h->Name))), aliases, addrs);
    }

    [PyMethod("gethostbyname_ex", Doc = "gethostbyname_ex(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP number.")]
    public static PyObject GetHostByNameEx(PyObject hostname)
    {
        var name = SocketAddress.HostBytes(hostname);
        // Resolving first gives gaierror for an unknown name, as CPython's setipaddr call does.
        SocketAddress.SetIpAddr(name, SocketLibc.AfInet, new byte[16]);
        var z = SocketAddress.Z(name);
        var buf = new byte[16384];
        SocketLibc.HostEnt ent;
        SocketLibc.HostEnt* result = null;
        int herr = 0;
        fixed (byte* n = z)
        fixed (byte* b = buf)
        {
            using (Gil.Release())
            {
                SocketLibc.GetHostByNameR(n, &ent, b, buf.Length, &result, &herr);
            }
            return result is null ? throw HErrorFor(herr) : HostEntry(result);
        }
    }

    [PyMethod("gethostbyaddr", Doc = "gethostbyaddr(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP number.")]
    public static PyObject GetHostByAddr(PyObject ip_address)
    {
        var name = SocketAddress.HostBytes(ip_address);
        var six = Array.IndexOf(name, (byte)':') >= 0;
        var family = six ? SocketLibc.AfInet6 : SocketLibc.AfInet;
        var sa = new byte[28];
        SocketAddress.SetIpAddr(name, family, sa);
        var buf = new byte[16384];
        SocketLibc.HostEnt ent;
        SocketLibc.HostEnt* result = null;
        int herr = 0;
        fixed (byte* a = sa)
        fixed (byte* b = buf)
        {
            using (Gil.Release())
            {
                SocketLibc.GetHostByAddrR(a + (six ? 8 : 4), six ? 16 : 4, family, &ent, b, buf.Length, &result, &herr);
            }
            return result is null ? throw HErrorFor(herr) : HostEntry(result);
        }
    }

    private static byte[]? ProtoArg(string function, PyObject? proto) => proto switch
    {
        null or PyNone => null,
        PyStr s => SocketAddress.Z(Encoding.UTF8.GetBytes(s.Value)),
        _ => throw PyErr.TypeError($"{function}() argument 2 must be str, not {proto.Type.Name}"),
    };

    [PyMethod("getservbyname", Doc = "getservbyname(servicename[, protocolname]) -> integer\n\nReturn a port number from a service name and protocol name.\nThe optional protocol name, if given, should be 'tcp' or 'udp',\notherwise any protocol will match.")]
    public static int GetServByName(PyObject servicename, PyObject? protocolname = null)
    {
        var name = servicename is PyStr s ? SocketAddress.Z(Encoding.UTF8.GetBytes(s.Value)) : throw PyErr.TypeError($"getservbyname() argument 1 must be str, not {servicename.Type.Name}");
        var proto = ProtoArg("getservbyname", protocolname);
        fixed (byte* n = name)
        fixed (byte* p = proto)
        {
            var e = SocketLibc.GetServByName(n, p);
            return e is null ? throw PyErr.New(PyExc.OSError, "service/proto not found") : BinaryPrimitives.ReverseEndianness((ushort)e->Port);
        }
    }

    [PyMethod("getservbyport", Doc = "getservbyport(port[, protocolname]) -> string\n\nReturn the service name from a port number and protocol name.\nThe optional protocol name, if given, should be 'tcp' or 'udp',\notherwise any protocol will match.")]
    public static PyObject GetServByPort(int port, PyObject? protocolname = null)
    {
        if (port < 0 || port > 0xffff)
        {
            throw PyErr.OverflowError("getservbyport: port must be 0-65535.");
        }
        var proto = ProtoArg("getservbyport", protocolname);
        fixed (byte* p = proto)
        {
            var e = SocketLibc.GetServByPort(BinaryPrimitives.ReverseEndianness((ushort)port), p);
            return e is null ? throw PyErr.New(PyExc.OSError, "port/proto not found") : new PyStr(Encoding.UTF8.GetString(SocketLibc.CString(e->Name)));
        }
    }

    [PyMethod("getprotobyname", Doc = "getprotobyname(name) -> integer\n\nReturn the protocol number for the named protocol.  (Rarely used.)")]
    public static int GetProtoByName(PyObject protocolname)
    {
        var name = protocolname is PyStr s ? SocketAddress.Z(Encoding.UTF8.GetBytes(s.Value)) : throw PyErr.TypeError($"getprotobyname() argument 1 must be str, not {protocolname.Type.Name}");
        fixed (byte* n = name)
        {
            var e = SocketLibc.GetProtoByName(n);
            return e is null ? throw PyErr.New(PyExc.OSError, "protocol not found") : e->Proto;
        }
    }

    [PyMethod("if_nametoindex", Doc = "if_nametoindex(if_name)\n\nReturns the interface index corresponding to the interface name if_name.")]
    public static long IfNameToIndex(PyObject oname)
    {
        var name = oname is PyStr s ? SocketAddress.Z(PosixModule.EncodeFs(s)) : SocketAddress.Z(BufferProtocol.Read(oname));
        fixed (byte* n = name)
        {
            var index = SocketLibc.IfNameToIndex(n);
            return index != 0 ? index : throw PyErr.New(PyExc.OSError, "no interface with this name");
        }
    }

    [PyMethod("if_indextoname", Doc = "if_indextoname(if_index)\n\nReturns the interface name corresponding to the interface index if_index.")]
    public static PyObject IfIndexToName(PyObject index)
    {
        if (index is not PyInt)
        {
            throw PyErr.TypeError("an integer is required");
        }
        var v = Ops.Index(index).Value;
        if (v < 0 || v > uint.MaxValue)
        {
            throw PyErr.OverflowError("index is too large");
        }
        var buf = stackalloc byte[17];
        return SocketLibc.IfIndexToName((uint)v, buf) is null
            ? throw PosixModule.Error(SocketLibc.Errno)
            : PosixModule.DecodeFs(SocketLibc.CString(buf));
    }

    // ---- ancillary data sizes ---------------------------------------------------------------

    /// <summary>sizeof(struct cmsghdr) on x86-64 Linux, already aligned to 8.</summary>
    private const long CmsgHeader = 16;

    [PyMethod("CMSG_LEN", Doc = "CMSG_LEN(length) -> control message length\n\nReturn the total length, without trailing padding, of an ancillary\ndata item with associated data of the given length.")]
    public static long CmsgLen(long length) =>
        length < 0 || length > int.MaxValue - CmsgHeader ? throw PyErr.OverflowError("CMSG_LEN() argument out of range") : CmsgHeader + length;

    [PyMethod("CMSG_SPACE", Doc = "CMSG_SPACE(length) -> buffer size\n\nReturn the buffer size needed for recvmsg() to receive an ancillary\ndata item with associated data of the given length, along with any\ntrailing padding.")]
    public static long CmsgSpace(long length) =>
        length < 0 || length > int.MaxValue - CmsgHeader - 8 ? throw PyErr.OverflowError("CMSG_SPACE() argument out of range") : CmsgHeader + ((length + 7) & ~7L);
}
