// Modules/posixmodule.c (the C library calls it makes)
using System.Runtime.InteropServices;

namespace Taipan.Modules.Posix;

/// <summary>The glibc functions behind <c>posix</c>, called directly so that results and errno
/// values are the ones CPython gets on the same system (Linux x86-64 structure layouts).
/// Paths are NUL-terminated byte strings; every call records errno for
/// <see cref="Marshal.GetLastPInvokeError"/>.</summary>
internal static unsafe partial class Libc
{
    private const string Lib = "libc";

    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int AtRemoveDir = 0x200;
    public const int AtSymlinkFollow = 0x400;
    public const int AtEaccess = 0x200;

    public const int FGetFd = 1;
    public const int FSetFd = 2;
    public const int FGetFl = 3;
    public const int FSetFl = 4;
    public const int FdCloexec = 1;
    public const int ONonBlock = 0x800;
    public const int OCloexec = 0x80000;
    public const int ODirectory = 0x10000;
    public const int ORdOnly = 0;

    public const int EIntr = 4;
    public const int EBadF = 9;
    public const int EInval = 22;
    public const int ERange = 34;
    public const int ENoSys = 38;

    /// <summary><c>struct stat</c> of x86-64 Linux (144 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct StatBuf
    {
        public ulong Dev;
        public ulong Ino;
        public ulong NLink;
        public uint Mode;
        public uint Uid;
        public uint Gid;
        public int Pad0;
        public ulong RDev;
        public long Size;
        public long BlkSize;
        public long Blocks;
        public long ATimeSec;
        public long ATimeNsec;
        public long MTimeSec;
        public long MTimeNsec;
        public long CTimeSec;
        public long CTimeNsec;
        public long Reserved0;
        public long Reserved1;
        public long Reserved2;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public long Sec;
        public long Nsec;
    }

    /// <summary><c>struct tms</c>: clock ticks.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Tms
    {
        public long UTime;
        public long STime;
        public long CUTime;
        public long CSTime;
    }

    /// <summary><c>struct winsize</c> of the TIOCGWINSZ ioctl.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct WinSize
    {
        public ushort Row;
        public ushort Col;
        public ushort XPixel;
        public ushort YPixel;
    }

    /// <summary><c>struct passwd</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Passwd
    {
        public byte* Name;
        public byte* Passwd_;
        public uint Uid;
        public uint Gid;
        public byte* Gecos;
        public byte* Dir;
        public byte* Shell;
    }

    /// <summary>Offsets in <c>struct dirent64</c>: d_ino, d_type and d_name.</summary>
    public const int DirentIno = 0;
    public const int DirentType = 18;
    public const int DirentName = 19;

    public const byte DtUnknown = 0;
    public const byte DtDir = 4;
    public const byte DtReg = 8;
    public const byte DtLnk = 10;

    public static int Errno => Marshal.GetLastPInvokeError();

    [LibraryImport(Lib, EntryPoint = "fstatat", SetLastError = true)]
    public static partial int FStatAt(int dirfd, byte* path, StatBuf* buf, int flags);

    [LibraryImport(Lib, EntryPoint = "fstat", SetLastError = true)]
    public static partial int FStat(int fd, StatBuf* buf);

    [LibraryImport(Lib, EntryPoint = "openat", SetLastError = true)]
    public static partial int OpenAt(int dirfd, byte* path, int flags, int mode);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buf, nint count);

    [LibraryImport(Lib, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buf, nint count);

    [LibraryImport(Lib, EntryPoint = "pread", SetLastError = true)]
    public static partial nint PRead(int fd, byte* buf, nint count, long offset);

    [LibraryImport(Lib, EntryPoint = "pwrite", SetLastError = true)]
    public static partial nint PWrite(int fd, byte* buf, nint count, long offset);

    [LibraryImport(Lib, EntryPoint = "lseek", SetLastError = true)]
    public static partial long LSeek(int fd, long offset, int whence);

    [LibraryImport(Lib, EntryPoint = "fsync", SetLastError = true)]
    public static partial int FSync(int fd);

    [LibraryImport(Lib, EntryPoint = "fdatasync", SetLastError = true)]
    public static partial int FDataSync(int fd);

    [LibraryImport(Lib, EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int FTruncate(int fd, long length);

    [LibraryImport(Lib, EntryPoint = "truncate", SetLastError = true)]
    public static partial int Truncate(byte* path, long length);

    [LibraryImport(Lib, EntryPoint = "dup", SetLastError = true)]
    public static partial int Dup(int fd);

    [LibraryImport(Lib, EntryPoint = "dup3", SetLastError = true)]
    public static partial int Dup3(int fd, int fd2, int flags);

    [LibraryImport(Lib, EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int fd, int fd2);

    [LibraryImport(Lib, EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe2(int* fds, int flags);

    [LibraryImport(Lib, EntryPoint = "isatty", SetLastError = true)]
    public static partial int IsATty(int fd);

    [LibraryImport(Lib, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int cmd, int arg);

    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, ulong request, void* arg);

    [LibraryImport(Lib, EntryPoint = "getcwd", SetLastError = true)]
    public static partial byte* GetCwd(byte* buf, nint size);

    [LibraryImport(Lib, EntryPoint = "chdir", SetLastError = true)]
    public static partial int ChDir(byte* path);

    [LibraryImport(Lib, EntryPoint = "fchdir", SetLastError = true)]
    public static partial int FChDir(int fd);

    [LibraryImport(Lib, EntryPoint = "mkdirat", SetLastError = true)]
    public static partial int MkDirAt(int dirfd, byte* path, int mode);

    [LibraryImport(Lib, EntryPoint = "unlinkat", SetLastError = true)]
    public static partial int UnlinkAt(int dirfd, byte* path, int flags);

    [LibraryImport(Lib, EntryPoint = "renameat", SetLastError = true)]
    public static partial int RenameAt(int olddirfd, byte* oldpath, int newdirfd, byte* newpath);

    [LibraryImport(Lib, EntryPoint = "linkat", SetLastError = true)]
    public static partial int LinkAt(int olddirfd, byte* oldpath, int newdirfd, byte* newpath, int flags);

    [LibraryImport(Lib, EntryPoint = "symlinkat", SetLastError = true)]
    public static partial int SymlinkAt(byte* target, int newdirfd, byte* linkpath);

    [LibraryImport(Lib, EntryPoint = "readlinkat", SetLastError = true)]
    public static partial nint ReadLinkAt(int dirfd, byte* path, byte* buf, nint size);

    [LibraryImport(Lib, EntryPoint = "fchmodat", SetLastError = true)]
    public static partial int FChModAt(int dirfd, byte* path, int mode, int flags);

    [LibraryImport(Lib, EntryPoint = "fchmod", SetLastError = true)]
    public static partial int FChMod(int fd, int mode);

    [LibraryImport(Lib, EntryPoint = "fchownat", SetLastError = true)]
    public static partial int FChOwnAt(int dirfd, byte* path, uint owner, uint group, int flags);

    [LibraryImport(Lib, EntryPoint = "fchown", SetLastError = true)]
    public static partial int FChOwn(int fd, uint owner, uint group);

    [LibraryImport(Lib, EntryPoint = "utimensat", SetLastError = true)]
    public static partial int UTimeNsAt(int dirfd, byte* path, TimeSpec* times, int flags);

    [LibraryImport(Lib, EntryPoint = "futimens", SetLastError = true)]
    public static partial int FUTimeNs(int fd, TimeSpec* times);

    [LibraryImport(Lib, EntryPoint = "faccessat", SetLastError = true)]
    public static partial int FAccessAt(int dirfd, byte* path, int mode, int flags);

    [LibraryImport(Lib, EntryPoint = "mkfifoat", SetLastError = true)]
    public static partial int MkFifoAt(int dirfd, byte* path, int mode);

    [LibraryImport(Lib, EntryPoint = "mknodat", SetLastError = true)]
    public static partial int MkNodAt(int dirfd, byte* path, int mode, ulong dev);

    /// <summary><c>struct statvfs</c> of x86-64 glibc: eleven 8-byte fields, then spare ints.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct StatVfs
    {
        public ulong BSize;
        public ulong FrSize;
        public ulong Blocks;
        public ulong BFree;
        public ulong BAvail;
        public ulong Files;
        public ulong FFree;
        public ulong FAvail;
        public ulong FsId;
        public ulong Flag;
        public ulong NameMax;
        public int Type;
        public int Spare0;
        public int Spare1;
        public int Spare2;
        public int Spare3;
        public int Spare4;
    }

    [LibraryImport(Lib, EntryPoint = "statvfs", SetLastError = true)]
    public static partial int StatVfsPath(byte* path, StatVfs* buf);

    [LibraryImport(Lib, EntryPoint = "fstatvfs", SetLastError = true)]
    public static partial int FStatVfs(int fd, StatVfs* buf);

    [LibraryImport(Lib, EntryPoint = "execve", SetLastError = true)]
    public static partial int ExecVe(byte* path, byte** argv, byte** envp);

    [LibraryImport(Lib, EntryPoint = "fexecve", SetLastError = true)]
    public static partial int FExecVe(int fd, byte** argv, byte** envp);

    [LibraryImport(Lib, EntryPoint = "close_range", SetLastError = true)]
    public static partial int CloseRange(uint first, uint last, int flags);

    [LibraryImport(Lib, EntryPoint = "system", SetLastError = true)]
    public static partial int System(byte* command);

    [LibraryImport(Lib, EntryPoint = "umask", SetLastError = true)]
    public static partial int UMask(int mask);

    [LibraryImport(Lib, EntryPoint = "opendir", SetLastError = true)]
    public static partial nint OpenDir(byte* path);

    [LibraryImport(Lib, EntryPoint = "fdopendir", SetLastError = true)]
    public static partial nint FdOpenDir(int fd);

    [LibraryImport(Lib, EntryPoint = "readdir64", SetLastError = true)]
    public static partial byte* ReadDir(nint dir);

    [LibraryImport(Lib, EntryPoint = "rewinddir", SetLastError = true)]
    public static partial void RewindDir(nint dir);

    [LibraryImport(Lib, EntryPoint = "closedir", SetLastError = true)]
    public static partial int CloseDir(nint dir);

    [LibraryImport(Lib, EntryPoint = "getpid")]
    public static partial int GetPid();

    [LibraryImport(Lib, EntryPoint = "getppid")]
    public static partial int GetPPid();

    [LibraryImport(Lib, EntryPoint = "getuid")]
    public static partial uint GetUid();

    [LibraryImport(Lib, EntryPoint = "geteuid")]
    public static partial uint GetEUid();

    [LibraryImport(Lib, EntryPoint = "getgid")]
    public static partial uint GetGid();

    [LibraryImport(Lib, EntryPoint = "getegid")]
    public static partial uint GetEGid();

    [LibraryImport(Lib, EntryPoint = "getpgrp")]
    public static partial int GetPGrp();

    [LibraryImport(Lib, EntryPoint = "getpgid", SetLastError = true)]
    public static partial int GetPGid(int pid);

    [LibraryImport(Lib, EntryPoint = "getsid", SetLastError = true)]
    public static partial int GetSid(int pid);

    [LibraryImport(Lib, EntryPoint = "setsid", SetLastError = true)]
    public static partial int SetSid();

    [LibraryImport(Lib, EntryPoint = "getgroups", SetLastError = true)]
    public static partial int GetGroups(int size, uint* list);

    [LibraryImport(Lib, EntryPoint = "getlogin", SetLastError = true)]
    public static partial byte* GetLogin();

    [LibraryImport(Lib, EntryPoint = "uname", SetLastError = true)]
    public static partial int UName(byte* buf);

    [LibraryImport(Lib, EntryPoint = "getrandom", SetLastError = true)]
    public static partial nint GetRandom(byte* buf, nint count, uint flags);

    [LibraryImport(Lib, EntryPoint = "strerror")]
    public static partial byte* StrError(int errnum);

    [LibraryImport(Lib, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int sig);

    [LibraryImport(Lib, EntryPoint = "killpg", SetLastError = true)]
    public static partial int KillPg(int pgrp, int sig);

    [LibraryImport(Lib, EntryPoint = "waitpid", SetLastError = true)]
    public static partial int WaitPid(int pid, int* status, int options);

    [LibraryImport(Lib, EntryPoint = "_exit")]
    public static partial void Exit(int status);

    [LibraryImport(Lib, EntryPoint = "times", SetLastError = true)]
    public static partial long Times(Tms* buf);

    [LibraryImport(Lib, EntryPoint = "sysconf", SetLastError = true)]
    public static partial long SysConf(int name);

    [LibraryImport(Lib, EntryPoint = "confstr", SetLastError = true)]
    public static partial nuint ConfStr(int name, byte* buf, nuint len);

    [LibraryImport(Lib, EntryPoint = "fpathconf", SetLastError = true)]
    public static partial long FPathConf(int fd, int name);

    [LibraryImport(Lib, EntryPoint = "pathconf", SetLastError = true)]
    public static partial long PathConf(byte* path, int name);

    [LibraryImport(Lib, EntryPoint = "setenv", SetLastError = true)]
    public static partial int SetEnv(byte* name, byte* value, int overwrite);

    [LibraryImport(Lib, EntryPoint = "unsetenv", SetLastError = true)]
    public static partial int UnsetEnv(byte* name);

    [LibraryImport(Lib, EntryPoint = "sendfile64", SetLastError = true)]
    public static partial nint SendFile(int outFd, int inFd, long* offset, nint count);

    [LibraryImport(Lib, EntryPoint = "sync")]
    public static partial void Sync();

    [LibraryImport(Lib, EntryPoint = "ttyname_r")]
    public static partial int TtyNameR(int fd, byte* buf, nint size);

    [LibraryImport(Lib, EntryPoint = "getpwuid_r")]
    public static partial int GetPwUidR(uint uid, Passwd* pwd, byte* buf, nint size, Passwd** result);

    [LibraryImport(Lib, EntryPoint = "getpwnam_r")]
    public static partial int GetPwNamR(byte* name, Passwd* pwd, byte* buf, nint size, Passwd** result);

    [LibraryImport(Lib, EntryPoint = "setpwent")]
    public static partial void SetPwEnt();

    [LibraryImport(Lib, EntryPoint = "getpwent", SetLastError = true)]
    public static partial Passwd* GetPwEnt();

    [LibraryImport(Lib, EntryPoint = "endpwent")]
    public static partial void EndPwEnt();

    /// <summary>The C library's <c>environ</c>: the process environment as the C functions
    /// (setenv, exec) see it.</summary>
    public static byte** Environ
    {
        get
        {
            var lib = NativeLibrary.Load("libc.so.6");
            return *(byte***)NativeLibrary.GetExport(lib, "environ");
        }
    }

    /// <summary>The text of a NUL-terminated C string as bytes.</summary>
    public static ReadOnlySpan<byte> CString(byte* s) => MemoryMarshal.CreateReadOnlySpanFromNullTerminated(s);
}
