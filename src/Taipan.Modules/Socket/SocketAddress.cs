// Modules/socketmodule.c (getsockaddrarg, makesockaddr, setipaddr)
using System.Buffers.Binary;
using System.Text;
using Taipan.Modules.Posix;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Socket;

/// <summary>Conversion between Python socket addresses (<c>(host, port)</c> tuples, AF_UNIX
/// paths) and <c>struct sockaddr</c> bytes.</summary>
internal static unsafe class SocketAddress
{
    /// <summary>Offset of <c>sun_path</c> in <c>struct sockaddr_un</c>, and its size.</summary>
    private const int SunPathOffset = 2;
    private const int SunPathSize = 108;

    /// <summary><c>idna_converter</c>: a host given as str (IDNA-encoded), bytes or bytearray.</summary>
    internal static byte[] HostBytes(PyObject host)
    {
        byte[] data = host switch
        {
            PyStr s when IsAscii(s.Value) => Encoding.ASCII.GetBytes(s.Value),
            PyStr s => Codecs.Encode(s, "idna", "strict"),
            PyBytes b => b.Data.ToArray(),
            PyByteArray ba => ba.Data.ToArray(),
            _ => throw PyErr.TypeError($"str, bytes or bytearray expected, not {host.Type.Name}"),
        };
        if (Array.IndexOf(data, (byte)0) >= 0)
        {
            throw PyErr.TypeError("host name must not contain null character");
        }
        return data;
    }

    private static bool IsAscii(string s)
    {
        foreach (var c in s)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A NUL-terminated copy.</summary>
    internal static byte[] Z(ReadOnlySpan<byte> s)
    {
        var r = new byte[s.Length + 1];
        s.CopyTo(r);
        return r;
    }

    /// <summary><c>getsockaddrarg</c>: the address for a socket of <paramref name="family"/>;
    /// <paramref name="caller"/> names the method in messages, as CPython's do.</summary>
    internal static byte[] Parse(int family, PyObject addr, string caller)
    {
        switch (family)
        {
            case SocketLibc.AfInet:
            {
                if (addr is not PyTuple t)
                {
                    throw PyErr.TypeError($"{caller}(): AF_INET address must be tuple, not {addr.Type.Name}");
                }
                if (t.Count != 2)
                {
                    throw PyErr.TypeError("AF_INET address must be a pair (host, port)");
                }
                var host = HostBytes(t.Items[0]);
                var port = PortArg(t.Items[1], caller);
                var sa = new byte[16];
                SetIpAddr(host, SocketLibc.AfInet, sa);
                BinaryPrimitives.WriteUInt16LittleEndian(sa, SocketLibc.AfInet);
                BinaryPrimitives.WriteUInt16BigEndian(sa.AsSpan(2), (ushort)port);
                return sa;
            }
            case SocketLibc.AfInet6:
            {
                if (addr is not PyTuple t)
                {
                    throw PyErr.TypeError($"{caller}(): AF_INET6 address must be tuple, not {addr.Type.Name}");
                }
                if (t.Count < 2 || t.Count > 4)
                {
                    throw PyErr.TypeError("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
                }
                var host = HostBytes(t.Items[0]);
                var port = PortArg(t.Items[1], caller);
                var flowinfo = t.Count > 2 ? UInt32Arg(t.Items[2]) : 0;
                var scope = t.Count > 3 ? UInt32Arg(t.Items[3]) : 0;
                if (flowinfo > 0xfffff)
                {
                    throw PyErr.OverflowError($"{caller}(): flowinfo must be 0-1048575.");
                }
                var sa = new byte[28];
                SetIpAddr(host, SocketLibc.AfInet6, sa);
                BinaryPrimitives.WriteUInt16LittleEndian(sa, SocketLibc.AfInet6);
                BinaryPrimitives.WriteUInt16BigEndian(sa.AsSpan(2), (ushort)port);
                BinaryPrimitives.WriteUInt32BigEndian(sa.AsSpan(4), flowinfo);
                BinaryPrimitives.WriteUInt32LittleEndian(sa.AsSpan(24), scope);
                return sa;
            }
            case SocketLibc.AfUnix:
            {
                var path = addr is PyStr s ? PosixModule.EncodeFs(s) : BufferProtocol.Read(addr).ToArray();
                var abstractName = path.Length > 0 && path[0] == 0;
                if (abstractName ? path.Length > SunPathSize : path.Length >= SunPathSize)
                {
                    throw PyErr.New(PyExc.OSError, "AF_UNIX path too long");
                }
                var sa = new byte[SunPathOffset + path.Length + (abstractName ? 0 : 1)];
                BinaryPrimitives.WriteUInt16LittleEndian(sa, SocketLibc.AfUnix);
                path.CopyTo(sa, SunPathOffset);
                return sa;
            }
            default:
                throw PyErr.New(PyExc.OSError, $"{caller}(): bad family");
        }
    }

    /// <summary>The port of an address tuple: an int (the "i" format) in 0..65535.</summary>
    private static int PortArg(PyObject o, string caller)
    {
        if (o is PyFloat)
        {
            throw PyErr.TypeError("'float' object cannot be interpreted as an integer");
        }
        var v = Ops.Index(o).Value;
        if (v < 0 || v > 0xffff)
        {
            throw PyErr.OverflowError($"{caller}(): port must be 0-65535.");
        }
        return (int)v;
    }

    private static uint UInt32Arg(PyObject o)
    {
        if (o is PyFloat)
        {
            throw PyErr.TypeError("'float' object cannot be interpreted as an integer");
        }
        var v = Ops.Index(o).Value;
        if (v < 0)
        {
            throw PyErr.OverflowError("can't convert negative value to unsigned int");
        }
        return v > uint.MaxValue ? throw PyErr.OverflowError("Python int too large to convert to C unsigned long") : (uint)v;
    }

    /// <summary><c>setipaddr</c>: fills the address part of <paramref name="sa"/> for host
    /// name <paramref name="name"/>: "" is the wildcard, "&lt;broadcast&gt;" the IPv4 broadcast
    /// address, numeric addresses are parsed directly, other names resolved.</summary>
    internal static void SetIpAddr(byte[] name, int family, byte[] sa)
    {
        var addrOffset = family == SocketLibc.AfInet ? 4 : 8;
        var addrSize = family == SocketLibc.AfInet ? 4 : 16;
        if (name.Length == 0)
        {
            return;
        }
        var text = Encoding.Latin1.GetString(name);
        if (text is "<broadcast>" or "255.255.255.255")
        {
            if (family != SocketLibc.AfInet)
            {
                throw PyErr.New(PyExc.OSError, "address family mismatched");
            }
            sa.AsSpan(4, 4).Fill(0xff);
            return;
        }
        var z = Z(name);
        fixed (byte* n = z)
        fixed (byte* dst = sa)
        {
            if (SocketLibc.InetPton(family, n, dst + addrOffset) == 1)
            {
                return;
            }
            var hints = new SocketLibc.AddrInfo { Family = family };
            SocketLibc.AddrInfo* res;
            int error;
            using (Gil.Release())
            {
                error = SocketLibc.GetAddrInfo(n, null, &hints, &res);
            }
            if (error != 0)
            {
                throw SocketModule.GaiError(error);
            }
            try
            {
                var a = res->Addr;
                new ReadOnlySpan<byte>(a + addrOffset, addrSize).CopyTo(sa.AsSpan(addrOffset));
                if (family == SocketLibc.AfInet6)
                {
                    // The scope of a link-local name ("fe80::1%eth0") comes with it.
                    new ReadOnlySpan<byte>(a + 24, 4).CopyTo(sa.AsSpan(24));
                }
            }
            finally
            {
                SocketLibc.FreeAddrInfo(res);
            }
        }
    }

    /// <summary><c>makesockaddr</c>: the Python form of a <c>struct sockaddr</c>.</summary>
    internal static PyObject Make(ReadOnlySpan<byte> sa)
    {
        if (sa.Length == 0)
        {
            return PyNone.Value;
        }
        var family = BinaryPrimitives.ReadUInt16LittleEndian(sa);
        switch (family)
        {
            case SocketLibc.AfInet when sa.Length >= 16:
                return PyTuple.Create(new PyStr(IpText(SocketLibc.AfInet, sa.Slice(4, 4))), PyInt.From(BinaryPrimitives.ReadUInt16BigEndian(sa[2..])));
            case SocketLibc.AfInet6 when sa.Length >= 28:
                return PyTuple.Create(
                    new PyStr(IpText(SocketLibc.AfInet6, sa.Slice(8, 16))),
                    PyInt.From(BinaryPrimitives.ReadUInt16BigEndian(sa[2..])),
                    PyInt.From(BinaryPrimitives.ReadUInt32BigEndian(sa[4..])),
                    PyInt.From(BinaryPrimitives.ReadUInt32LittleEndian(sa[24..])));
            case SocketLibc.AfUnix:
            {
                var path = sa[Math.Min(SunPathOffset, sa.Length)..];
                if (path.Length > 0 && path[0] == 0)
                {
                    return PyBytes.From(path);
                }
                var nul = path.IndexOf((byte)0);
                return PosixModule.DecodeFs(nul >= 0 ? path[..nul] : path);
            }
            default:
                return PyTuple.Create(PyInt.From(family), PyBytes.From(sa.Length > 2 ? sa[2..] : []));
        }
    }

    /// <summary><c>inet_ntop</c> of a 4- or 16-byte address.</summary>
    internal static string IpText(int family, ReadOnlySpan<byte> addr)
    {
        var buf = stackalloc byte[64];
        fixed (byte* a = addr)
        {
            var r = SocketLibc.InetNtop(family, a, buf, 64);
            if (r is null)
            {
                throw PosixModule.Error(SocketLibc.Errno);
            }
            return Encoding.ASCII.GetString(SocketLibc.CString(buf));
        }
    }
}
