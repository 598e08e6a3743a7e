// Modules/socketmodule.c (the C library calls it makes)
using System.Runtime.InteropServices;

namespace Taipan.Modules.Socket;

/// <summary>The glibc socket functions behind <c>_socket</c>, called directly so descriptors are
/// the process's own (usable by <c>os</c> and <c>select</c>) and errno values are the ones CPython
/// sees. Addresses travel as raw <c>struct sockaddr</c> bytes (Linux x86-64 layouts).</summary>
internal static unsafe partial class SocketLibc
{
    private const string Lib = "libc";

    public const int AfUnspec = 0;
    public const int AfUnix = 1;
    public const int AfInet = 2;
    public const int AfInet6 = 10;

    public const int SockStream = 1;
    public const int SockNonBlock = 0x800;
    public const int SockCloexec = 0x80000;

    public const int SolSocket = 1;
    public const int SoType = 3;
    public const int SoError = 4;
    public const int SoProtocol = 38;
    public const int SoDomain = 39;

    public const int EIntr = 4;
    public const int EBadF = 9;
    public const int EAgain = 11;
    public const int EInval = 22;
    public const int EAfNoSupport = 97;
    public const int EInProgress = 115;
    public const int EIsConn = 106;

    public const short PollIn = 1;
    public const short PollOut = 4;
    public const short PollErr = 8;
    public const short PollHup = 16;

    public const int AiNumericHost = 4;
    public const int EaiSystem = -11;

    /// <summary>Size of <c>struct sockaddr_storage</c>.</summary>
    public const int SockaddrStorage = 128;

    /// <summary><c>struct pollfd</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short REvents;
    }

    /// <summary><c>struct addrinfo</c> of x86-64 Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct AddrInfo
    {
        public int Flags;
        public int Family;
        public int SockType;
        public int Protocol;
        public uint AddrLen;
        public byte* Addr;
        public byte* CanonName;
        public AddrInfo* Next;
    }

    /// <summary><c>struct hostent</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct HostEnt
    {
        public byte* Name;
        public byte** Aliases;
        public int AddrType;
        public int Length;
        public byte** AddrList;
    }

    /// <summary><c>struct servent</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ServEnt
    {
        public byte* Name;
        public byte** Aliases;
        public int Port;
        public byte* Proto;
    }

    /// <summary><c>struct protoent</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ProtoEnt
    {
        public byte* Name;
        public byte** Aliases;
        public int Proto;
    }

    /// <summary><c>struct iovec</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public byte* Base;
        public nuint Len;
    }

    /// <summary><c>struct msghdr</c> of x86-64 Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public byte* Name;
        public int NameLen;
        public IoVec* Iov;
        public nuint IovLen;
        public byte* Control;
        public nuint ControlLen;
        public int Flags;
    }

    public static int Errno => Marshal.GetLastPInvokeError();

    [LibraryImport(Lib, EntryPoint = "sendmsg", SetLastError = true)]
    public static partial nint SendMsg(int fd, MsgHdr* msg, int flags);

    [LibraryImport(Lib, EntryPoint = "recvmsg", SetLastError = true)]
    public static partial nint RecvMsg(int fd, MsgHdr* msg, int flags);

    [LibraryImport(Lib, EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Lib, EntryPoint = "socketpair", SetLastError = true)]
    public static partial int SocketPair(int domain, int type, int protocol, int* sv);

    [LibraryImport(Lib, EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(int fd, byte* addr, int len);

    [LibraryImport(Lib, EntryPoint = "connect", SetLastError = true)]
    public static partial int Connect(int fd, byte* addr, int len);

    [LibraryImport(Lib, EntryPoint = "listen", SetLastError = true)]
    public static partial int Listen(int fd, int backlog);

    [LibraryImport(Lib, EntryPoint = "accept4", SetLastError = true)]
    public static partial int Accept4(int fd, byte* addr, int* len, int flags);

    [LibraryImport(Lib, EntryPoint = "recv", SetLastError = true)]
    public static partial nint Recv(int fd, byte* buf, nint len, int flags);

    [LibraryImport(Lib, EntryPoint = "recvfrom", SetLastError = true)]
    public static partial nint RecvFrom(int fd, byte* buf, nint len, int flags, byte* addr, int* addrlen);

    [LibraryImport(Lib, EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(int fd, byte* buf, nint len, int flags);

    [LibraryImport(Lib, EntryPoint = "sendto", SetLastError = true)]
    public static partial nint SendTo(int fd, byte* buf, nint len, int flags, byte* addr, int addrlen);

    [LibraryImport(Lib, EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSockOpt(int fd, int level, int name, byte* value, int len);

    [LibraryImport(Lib, EntryPoint = "getsockopt", SetLastError = true)]
    public static partial int GetSockOpt(int fd, int level, int name, byte* value, int* len);

    [LibraryImport(Lib, EntryPoint = "getsockname", SetLastError = true)]
    public static partial int GetSockName(int fd, byte* addr, int* len);

    [LibraryImport(Lib, EntryPoint = "getpeername", SetLastError = true)]
    public static partial int GetPeerName(int fd, byte* addr, int* len);

    [LibraryImport(Lib, EntryPoint = "shutdown", SetLastError = true)]
    public static partial int Shutdown(int fd, int how);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int cmd, int arg);

    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, ulong request, int* arg);

    [LibraryImport(Lib, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint nfds, int timeout);

    [LibraryImport(Lib, EntryPoint = "getaddrinfo", SetLastError = true)]
    public static partial int GetAddrInfo(byte* node, byte* service, AddrInfo* hints, AddrInfo** res);

    [LibraryImport(Lib, EntryPoint = "freeaddrinfo")]
    public static partial void FreeAddrInfo(AddrInfo* res);

    [LibraryImport(Lib, EntryPoint = "gai_strerror")]
    public static partial byte* GaiStrError(int code);

    [LibraryImport(Lib, EntryPoint = "getnameinfo", SetLastError = true)]
    public static partial int GetNameInfo(byte* addr, int addrlen, byte* host, int hostlen, byte* serv, int servlen, int flags);

    [LibraryImport(Lib, EntryPoint = "gethostname", SetLastError = true)]
    public static partial int GetHostName(byte* name, nint len);

    [LibraryImport(Lib, EntryPoint = "sethostname", SetLastError = true)]
    public static partial int SetHostName(byte* name, nint len);

    [LibraryImport(Lib, EntryPoint = "gethostbyname_r", SetLastError = true)]
    public static partial int GetHostByNameR(byte* name, HostEnt* ret, byte* buf, nint buflen, HostEnt** result, int* herrno);

    [LibraryImport(Lib, EntryPoint = "gethostbyaddr_r", SetLastError = true)]
    public static partial int GetHostByAddrR(byte* addr, int len, int type, HostEnt* ret, byte* buf, nint buflen, HostEnt** result, int* herrno);

    [LibraryImport(Lib, EntryPoint = "hstrerror")]
    public static partial byte* HStrError(int err);

    [LibraryImport(Lib, EntryPoint = "getservbyname", SetLastError = true)]
    public static partial ServEnt* GetServByName(byte* name, byte* proto);

    [LibraryImport(Lib, EntryPoint = "getservbyport", SetLastError = true)]
    public static partial ServEnt* GetServByPort(int port, byte* proto);

    [LibraryImport(Lib, EntryPoint = "getprotobyname", SetLastError = true)]
    public static partial ProtoEnt* GetProtoByName(byte* name);

    [LibraryImport(Lib, EntryPoint = "inet_pton", SetLastError = true)]
    public static partial int InetPton(int af, byte* src, byte* dst);

    [LibraryImport(Lib, EntryPoint = "inet_ntop", SetLastError = true)]
    public static partial byte* InetNtop(int af, byte* src, byte* dst, int size);

    [LibraryImport(Lib, EntryPoint = "inet_aton", SetLastError = true)]
    public static partial int InetAton(byte* cp, uint* inp);

    [LibraryImport(Lib, EntryPoint = "if_nametoindex", SetLastError = true)]
    public static partial uint IfNameToIndex(byte* name);

    [LibraryImport(Lib, EntryPoint = "if_indextoname", SetLastError = true)]
    public static partial byte* IfIndexToName(uint index, byte* name);

    [LibraryImport(Lib, EntryPoint = "dup", SetLastError = true)]
    public static partial int Dup(int fd);

    public static ReadOnlySpan<byte> CString(byte* s) => MemoryMarshal.CreateReadOnlySpanFromNullTerminated(s);
}
