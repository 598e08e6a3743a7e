// Modules/fcntlmodule.c
using System.Runtime.InteropServices;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Fcntl;

/// <summary><c>fcntl</c>: fcntl(), ioctl(), flock() and lockf() on descriptors (or objects
/// with fileno()). Calls that may wait for a lock release the interpreter lock.</summary>
[PyModule("fcntl", Doc = "This module performs file control and I/O control on file\ndescriptors.  It is an interface to the fcntl() and ioctl() Unix\nroutines.  File descriptors can be obtained with the fileno() method of\na file or socket object.")]
public static unsafe partial class FcntlModule
{
    private const int BufferSize = 1024;
    private const int EIntr = 4;
    private const int LockSh = 1;
    private const int LockEx = 2;
    private const int LockNb = 4;
    private const int LockUn = 8;
    private const int FRdLck = 0;
    private const int FWrLck = 1;
    private const int FUnLck = 2;
    private const int FSetLk = 6;
    private const int FSetLkW = 7;

    private static readonly (string Name, long Value)[] s_constants =
    [
        ("DN_ACCESS", 1), ("DN_ATTRIB", 32), ("DN_CREATE", 4), ("DN_DELETE", 8), ("DN_MODIFY", 2),
        ("DN_MULTISHOT", 2147483648), ("DN_RENAME", 16), ("FASYNC", 8192), ("FD_CLOEXEC", 1),
        ("F_ADD_SEALS", 1033), ("F_DUPFD", 0), ("F_DUPFD_CLOEXEC", 1030), ("F_EXLCK", 4), ("F_GETFD", 1),
        ("F_GETFL", 3), ("F_GETLEASE", 1025), ("F_GETLK", 5), ("F_GETLK64", 5), ("F_GETOWN", 9),
        ("F_GETPIPE_SZ", 1032), ("F_GETSIG", 11), ("F_GET_SEALS", 1034), ("F_NOTIFY", 1026),
        ("F_OFD_GETLK", 36), ("F_OFD_SETLK", 37), ("F_OFD_SETLKW", 38), ("F_RDLCK", 0), ("F_SEAL_GROW", 4),
        ("F_SEAL_SEAL", 1), ("F_SEAL_SHRINK", 2), ("F_SEAL_WRITE", 8), ("F_SETFD", 2), ("F_SETFL", 4),
        ("F_SETLEASE", 1024), ("F_SETLK", 6), ("F_SETLK64", 6), ("F_SETLKW", 7), ("F_SETLKW64", 7),
        ("F_SETOWN", 8), ("F_SETPIPE_SZ", 1031), ("F_SETSIG", 10), ("F_SHLCK", 8), ("F_UNLCK", 2),
        ("F_WRLCK", 1), ("LOCK_EX", 2), ("LOCK_MAND", 32), ("LOCK_NB", 4), ("LOCK_READ", 64),
        ("LOCK_RW", 192), ("LOCK_SH", 1), ("LOCK_UN", 8), ("LOCK_WRITE", 128),
    ];

    static partial void Initialize(PyModule module)
    {
        foreach (var (name, value) in s_constants)
        {
            module.AddBuiltin(name, PyInt.From(value));
        }
    }

    /// <summary><c>struct flock</c> of x86-64 Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct FlockStruct
    {
        public short Type;
        public short Whence;
        public long Start;
        public long Len;
        public int Pid;
    }

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int FcntlInt(int fd, int cmd, long arg);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int FcntlPtr(int fd, int cmd, void* arg);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int IoctlInt(int fd, ulong request, long arg);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int IoctlPtr(int fd, ulong request, void* arg);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int FlockCall(int fd, int operation);

    /// <summary>Runs <paramref name="call"/> without the interpreter lock (a lock may be
    /// waited for), retrying after EINTR; the errno becomes an OSError.</summary>
    private static int Blocking(Func<int> call)
    {
        while (true)
        {
            int r;
            int errno;
            using (Gil.Release())
            {
                r = call();
                errno = r < 0 ? Marshal.GetLastPInvokeError() : 0;
            }
            if (r >= 0)
            {
                return r;
            }
            if (errno != EIntr)
            {
                throw PosixModule.Error(errno);
            }
            Signals.CheckSignals();
        }
    }

    /// <summary>The bytes of a str (UTF-8) or read-only bytes-like argument, or null when the
    /// argument is not one.</summary>
    private static byte[]? ReadOnlyBuffer(PyObject arg) => arg switch
    {
        PyStr s => Codecs.Encode(s, "utf-8", "strict"),
        _ when BufferProtocol.TryRead(arg, out var data) => data.ToArray(),
        _ => null,
    };

    [PyMethod("fcntl", Doc = "Perform the operation `cmd` on file descriptor fd.\n\nThe values used for `cmd` are operating system dependent, and are available\nas constants in the fcntl module, using the same names as used in\nthe relevant C header files.  The argument arg is optional, and\ndefaults to 0; it may be an int or a string.  If arg is given as a string,\nthe return value of fcntl is a string of that length, containing the\nresulting value put in the arg buffer by the operating system.  The length\nof the arg string is not allowed to exceed 1024 bytes.  If the arg given\nis an integer or if none is specified, the result value is an integer\ncorresponding to the return value of the fcntl call in the C code.")]
    public static PyObject Fcntl(PyObject fd, int cmd, PyObject? arg = null)
    {
        var n = PosixModule.FileDescriptor(fd);
        if (arg is not null && ReadOnlyBuffer(arg) is { } data)
        {
            if (data.Length > BufferSize)
            {
                throw PyErr.ValueError("fcntl string arg too long");
            }
            var buf = new byte[BufferSize];
            data.CopyTo(buf, 0);
            Blocking(() =>
            {
                fixed (byte* p = buf)
                {
                    return FcntlPtr(n, cmd, p);
                }
            });
            return PyBytes.From(buf.AsSpan(0, data.Length));
        }
        var value = arg is null ? 0 : ArgParse.ToInt(arg);
        return PyInt.From(Blocking(() => FcntlInt(n, cmd, value)));
    }

    [PyMethod("ioctl", Doc = "Perform the operation `request` on file descriptor `fd`.\n\nThe values used for `request` are operating system dependent, and are available\nas constants in the fcntl or termios library modules, using the same names as\nused in the relevant C header files.\n\nThe argument `arg` is optional, and defaults to 0; it may be an int or a\nbuffer containing character data (most likely a string or an array).\n\nIf the argument is a mutable buffer (such as an array) and if the\nmutate_flag argument (which is only allowed in this case) is true then the\nbuffer is (in effect) passed to the operating system and changes made by\nthe OS will be reflected in the contents of the buffer after the call has\nreturned.  The return value is the integer returned by the ioctl system\ncall.\n\nIf the argument is a mutable buffer and the mutable_flag argument is false,\nthe behavior is as if a string had been passed.\n\nIf the argument is an immutable buffer (most likely a string) then a copy\nof the buffer is passed to the operating system and the return value is a\nstring of the same length containing whatever the operating system put in\nthe buffer.  The length of the arg buffer in this case is not allowed to\nexceed 1024 bytes.\n\nIf the arg given is an integer or if none is specified, the result value is\nan integer corresponding to the return value of the ioctl call in the C\ncode.")]
    public static PyObject Ioctl(PyObject fd, PyObject request, PyObject? arg = null, bool mutate_flag = true)
    {
        var n = PosixModule.FileDescriptor(fd);
        // The request is an unsigned long in C: negative values wrap as they do there.
        var code = unchecked((ulong)(long)Ops.Index(request).Value);
        if (arg is not null && arg is not PyStr && mutate_flag && IsWritable(arg))
        {
            var span = BufferProtocol.Write(arg);
            var copy = span.ToArray();
            var r = Blocking(() =>
            {
                fixed (byte* p = copy.Length < BufferSize ? new byte[BufferSize] : copy)
                {
                    if (copy.Length < BufferSize)
                    {
                        copy.CopyTo(new Span<byte>(p, copy.Length));
                    }
                    var result = IoctlPtr(n, code, p);
                    new ReadOnlySpan<byte>(p, copy.Length).CopyTo(copy);
                    return result;
                }
            });
            copy.CopyTo(span);
            return PyInt.From(r);
        }
        if (arg is not null && ReadOnlyBuffer(arg) is { } data)
        {
            if (data.Length > BufferSize)
            {
                throw PyErr.ValueError("ioctl string arg too long");
            }
            var buf = new byte[BufferSize];
            data.CopyTo(buf, 0);
            Blocking(() =>
            {
                fixed (byte* p = buf)
                {
                    return IoctlPtr(n, code, p);
                }
            });
            return PyBytes.From(buf.AsSpan(0, data.Length));
        }
        var value = arg is null ? 0 : ArgParse.ToInt(arg);
        return PyInt.From(Blocking(() => IoctlInt(n, code, value)));
    }

    private static bool IsWritable(PyObject o) => o switch
    {
        PyMemoryView mv => !mv.ReadOnly(),
        IBuffer b => !b.BufferReadOnly,
        _ => false,
    };

    [PyMethod("flock", Doc = "Perform the lock operation `operation` on file descriptor `fd`.\n\nSee the Unix manual page for flock(2) for details (On some systems, this\nfunction is emulated using fcntl()).")]
    public static void FlockOp(PyObject fd, int operation)
    {
        var n = PosixModule.FileDescriptor(fd);
        Blocking(() => FlockCall(n, operation));
    }

    [PyMethod("lockf", Doc = "A wrapper around the fcntl() locking calls.\n\n`fd` is the file descriptor of the file to lock or unlock, and operation is one\nof the following values:\n\n    LOCK_UN - unlock\n    LOCK_SH - acquire a shared lock\n    LOCK_EX - acquire an exclusive lock\n\nWhen operation is LOCK_SH or LOCK_EX, it can also be bitwise ORed with\nLOCK_NB to avoid blocking on lock acquisition.  If LOCK_NB is used and the\nlock cannot be acquired, an OSError will be raised and the exception will\nhave an errno attribute set to EACCES or EAGAIN (depending on the operating\nsystem -- for portability, check for either value).\n\n`len` is the number of bytes to lock, with the default meaning to lock to\nEOF.  `start` is the byte offset, relative to `whence`, to that the lock\nstarts.  `whence` is as with fileobj.seek(), specifically:\n\n    0 - relative to the start of the file (SEEK_SET)\n    1 - relative to the current buffer position (SEEK_CUR)\n    2 - relative to the end of the file (SEEK_END)")]
    public static void LockF(PyObject fd, int cmd, PyObject? len = null, PyObject? start = null, int whence = 0)
    {
        var n = PosixModule.FileDescriptor(fd);
        short type = cmd == LockUn ? (short)FUnLck
            : (cmd & LockSh) != 0 ? (short)FRdLck
            : (cmd & LockEx) != 0 ? (short)FWrLck
            : throw PyErr.ValueError("unrecognized lockf argument");
        var lk = new FlockStruct
        {
            Type = type,
            Whence = (short)whence,
            Start = start is null ? 0 : ArgParse.ToLong(start),
            Len = len is null ? 0 : ArgParse.ToLong(len),
        };
        var op = (cmd & LockNb) != 0 ? FSetLk : FSetLkW;
        Blocking(() =>
        {
            var copy = lk;
            return FcntlPtr(n, op, &copy);
        });
    }
}
