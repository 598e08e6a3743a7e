// Modules/posixmodule.c (file descriptors)
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Posix;

public static partial class PosixModule
{
    private static readonly PyStructSequenceType s_terminalSize = new("os", "terminal_size", ["columns", "lines"], constructible: true);

    /// <summary><c>open(path, flags, mode=0o777, *, dir_fd=None)</c>: the new descriptor is not
    /// inheritable (PEP 446), so O_CLOEXEC is always added.</summary>
    [PyMethod("open", Keywords = true, Doc = "Open a file for low level IO.  Returns a file descriptor (integer).")]
    public static unsafe int Open(PyObject path, int flags, int mode = 511, [KeywordOnly] PyObject? dir_fd = null)
    {
        var p = ConvertPath("open", "path", path);
        var fd = DirFd(dir_fd);
        int r;
        fixed (byte* b = p.Path)
        {
            do
            {
                r = Libc.OpenAt(fd, b, flags | Libc.OCloexec, mode);
            }
            while (r < 0 && Libc.Errno == Libc.EIntr);
        }
        return r >= 0 ? r : throw Error(p);
    }

    [PyMethod("close", Keywords = true, Doc = "Close a file descriptor.")]
    public static void Close(int fd)
    {
        // close() is not retried on EINTR: the descriptor is gone either way on Linux.
        if (Libc.Close(fd) != 0 && Libc.Errno != Libc.EIntr)
        {
            throw LastError();
        }
    }

    [PyMethod("closerange", Doc = "Closes all file descriptors in [fd_low, fd_high), ignoring errors.")]
    public static void CloseRange(int fd_low, int fd_high)
    {
        var low = Math.Max(fd_low, 0);
        if (low >= fd_high)
        {
            return;
        }
        // One close_range call (Linux 5.9); older kernels get the loop CPython falls back to.
        try
        {
            if (Libc.CloseRange((uint)low, (uint)(fd_high - 1), 0) == 0)
            {
                return;
            }
        }
        catch (EntryPointNotFoundException)
        {
        }
        for (var fd = low; fd < fd_high; fd++)
        {
            Libc.Close(fd);
        }
    }

    /// <summary>A buffer for a bytes result; beyond what an array can hold, a MemoryError
    /// without arguments, as CPython's allocation failure gives.</summary>
    internal static byte[] Allocate(long length) =>
        length <= Array.MaxLength ? new byte[length] : throw new PyException(new PyBaseException(PyExc.MemoryError, PyTuple.Empty));

    [PyMethod("read", Doc = "Read from a file descriptor.  Returns a bytes object.")]
    public static unsafe PyObject Read(int fd, long length)
    {
        if (length < 0)
        {
            throw Error(Libc.EInval);
        }
        var buf = Allocate(length);
        nint n;
        var errno = 0;
        // A pipe or terminal may block: other threads run meanwhile.
        using (Gil.Release())
        {
            fixed (byte* b = buf)
            {
                do
                {
                    n = Libc.Read(fd, b, (nint)length);
                    errno = n < 0 ? Libc.Errno : 0;
                }
                while (errno == Libc.EIntr);
            }
        }
        if (n < 0)
        {
            throw Error(errno);
        }
        return n == length ? new PyBytes(buf) : PyBytes.From(buf.AsSpan(0, (int)n));
    }

    [PyMethod("pread", Doc = "Read a number of bytes from a file descriptor starting at a particular offset.")]
    public static unsafe PyObject PRead(int fd, long length, long offset)
    {
        if (length < 0)
        {
            throw Error(Libc.EInval);
        }
        var buf = Allocate(length);
        nint n;
        fixed (byte* b = buf)
        {
            do
            {
                n = Libc.PRead(fd, b, (nint)length, offset);
            }
            while (n < 0 && Libc.Errno == Libc.EIntr);
        }
        return n >= 0 ? PyBytes.From(buf.AsSpan(0, (int)n)) : throw LastError();
    }

    /// <summary>A bytes-like argument (Py_buffer): bytes or bytearray.</summary>
    internal static byte[] Buffer(PyObject o) => BufferProtocol.Read(o).ToArray();

    [PyMethod("write", Doc = "Write a bytes object to a file descriptor.")]
    public static unsafe long Write(int fd, PyObject data)
    {
        var bytes = Buffer(data);
        nint n;
        var errno = 0;
        using (Gil.Release())
        {
            fixed (byte* b = bytes)
            {
                do
                {
                    n = Libc.Write(fd, b, bytes.Length);
                    errno = n < 0 ? Libc.Errno : 0;
                }
                while (errno == Libc.EIntr);
            }
        }
        return n >= 0 ? n : throw Error(errno);
    }

    [PyMethod("pwrite", Doc = "Write bytes to a file descriptor starting at a particular offset.")]
    public static unsafe long PWrite(int fd, PyObject data, long offset)
    {
        var bytes = Buffer(data);
        nint n;
        fixed (byte* b = bytes)
        {
            do
            {
                n = Libc.PWrite(fd, b, bytes.Length, offset);
            }
            while (n < 0 && Libc.Errno == Libc.EIntr);
        }
        return n >= 0 ? n : throw LastError();
    }

    [PyMethod("lseek", Doc = "Set the position of a file descriptor.  Return the new position.")]
    public static long LSeek(int fd, long position, int whence)
    {
        var r = Libc.LSeek(fd, position, whence);
        return r >= 0 ? r : throw LastError();
    }

    /// <summary><c>fildes_converter</c>: an int, or an object with a fileno() method.</summary>
    internal static int FileDescriptor(PyObject o)
    {
        if (o is not PyInt && o.Type.Slots.Index is null)
        {
            var fileno = Ops.TryGetAttr(o, PyStr.Intern("fileno"))
                ?? throw PyErr.TypeError("argument must be an int, or have a fileno() method.");
            o = Ops.Call(fileno, [], null);
            if (o is not PyInt)
            {
                throw PyErr.TypeError("fileno() returned a non-integer");
            }
        }
        var fd = ToFd(o);
        return fd >= 0 ? fd : throw PyErr.ValueError($"file descriptor cannot be a negative integer ({fd})");
    }

    [PyMethod("fsync", Keywords = true, Doc = "Force write of fd to disk.")]
    public static void FSync(PyObject fd)
    {
        if (Libc.FSync(FileDescriptor(fd)) != 0)
        {
            throw LastError();
        }
    }

    [PyMethod("fdatasync", Keywords = true, Doc = "Force write of fd to disk without forcing update of metadata.")]
    public static void FDataSync(PyObject fd)
    {
        if (Libc.FDataSync(FileDescriptor(fd)) != 0)
        {
            throw LastError();
        }
    }

    [PyMethod("ftruncate", Doc = "Truncate a file, specified by file descriptor, to a specific length.")]
    public static void FTruncate(int fd, long length)
    {
        int r;
        do
        {
            r = Libc.FTruncate(fd, length);
        }
        while (r != 0 && Libc.Errno == Libc.EIntr);
        if (r != 0)
        {
            throw LastError();
        }
    }

    [PyMethod("dup", Doc = "Return a duplicate of a file descriptor.")]
    public static int Dup(int fd)
    {
        // F_DUPFD_CLOEXEC: the copy is not inheritable (PEP 446).
        var r = Libc.Fcntl(fd, 1030, 0);
        return r >= 0 ? r : throw LastError();
    }

    [PyMethod("dup2", Keywords = true, Doc = "Duplicate file descriptor.")]
    public static int Dup2(int fd, int fd2, bool inheritable = true)
    {
        // dup3 refuses fd == fd2; dup2 then checks the descriptor is valid.
        var r = inheritable || fd == fd2 ? Libc.Dup2(fd, fd2) : Libc.Dup3(fd, fd2, Libc.OCloexec);
        return r >= 0 ? r : throw LastError();
    }

    [PyMethod("pipe", Doc = "Create a pipe.\n\nReturns a tuple of two file descriptors:\n  (read_fd, write_fd)")]
    public static PyObject Pipe() => Pipe2(Libc.OCloexec);

    [PyMethod("pipe2", Doc = "Create a pipe with flags set atomically.")]
    public static unsafe PyObject Pipe2(int flags)
    {
        var fds = stackalloc int[2];
        if (Libc.Pipe2(fds, flags) != 0)
        {
            throw LastError();
        }
        return PyTuple.Create(PyInt.From(fds[0]), PyInt.From(fds[1]));
    }

    [PyMethod("isatty", Doc = "Return True if the fd is connected to a terminal.")]
    public static bool IsATty(int fd) => Libc.IsATty(fd) == 1;

    [PyMethod("get_inheritable", Doc = "Get the close-on-exe flag of the specified file descriptor.")]
    public static bool GetInheritable(int fd)
    {
        var flags = Libc.Fcntl(fd, Libc.FGetFd, 0);
        return flags >= 0 ? (flags & Libc.FdCloexec) == 0 : throw LastError();
    }

    [PyMethod("set_inheritable", Doc = "Set the inheritable flag of the specified file descriptor.")]
    public static void SetInheritable(int fd, bool inheritable)
    {
        var flags = Libc.Fcntl(fd, Libc.FGetFd, 0);
        if (flags < 0)
        {
            throw LastError();
        }
        var updated = inheritable ? flags & ~Libc.FdCloexec : flags | Libc.FdCloexec;
        if (updated != flags && Libc.Fcntl(fd, Libc.FSetFd, updated) < 0)
        {
            throw LastError();
        }
    }

    [PyMethod("get_blocking", Doc = "Get the blocking mode of the file descriptor.")]
    public static bool GetBlocking(int fd)
    {
        var flags = Libc.Fcntl(fd, Libc.FGetFl, 0);
        return flags >= 0 ? (flags & Libc.ONonBlock) == 0 : throw LastError();
    }

    [PyMethod("set_blocking", Doc = "Set the blocking mode of the specified file descriptor.")]
    public static void SetBlocking(int fd, bool blocking)
    {
        var flags = Libc.Fcntl(fd, Libc.FGetFl, 0);
        if (flags < 0)
        {
            throw LastError();
        }
        var updated = blocking ? flags & ~Libc.ONonBlock : flags | Libc.ONonBlock;
        if (updated != flags && Libc.Fcntl(fd, Libc.FSetFl, updated) < 0)
        {
            throw LastError();
        }
    }

    /// <summary><c>device_encoding(fd)</c>: the locale's encoding for a terminal, else None.
    /// Taipan's locale encoding is always UTF-8.</summary>
    [PyMethod("device_encoding", Keywords = true, Doc = "Return a string describing the encoding of a terminal's file descriptor.")]
    public static PyObject DeviceEncoding(int fd) => Libc.IsATty(fd) == 1 ? new PyStr("UTF-8") : PyNone.Value;

    [PyMethod("get_terminal_size", Doc = "Return the size of the terminal window as (columns, lines).")]
    public static unsafe PyObject GetTerminalSize(int fd = 1)
    {
        Libc.WinSize w;
        // TIOCGWINSZ
        if (Libc.Ioctl(fd, 0x5413, &w) != 0)
        {
            throw LastError();
        }
        return s_terminalSize.Create(PyInt.From(w.Col), PyInt.From(w.Row));
    }

    [PyMethod("ttyname", Doc = "Return the name of the terminal device connected to 'fd'.")]
    public static unsafe PyObject TtyName(int fd)
    {
        var buf = stackalloc byte[4096];
        var r = Libc.TtyNameR(fd, buf, 4096);
        return r == 0 ? DecodeFs(Libc.CString(buf)) : throw Error(r);
    }

    /// <summary><c>sendfile(out_fd, in_fd, offset, count)</c> (shutil copies files with it).</summary>
    [PyMethod("sendfile", Keywords = true, Doc = "Copy count bytes from file descriptor in_fd to file descriptor out_fd.")]
    public static unsafe long SendFile(int out_fd, int in_fd, PyObject offset, long count)
    {
        nint r;
        if (offset is PyNone)
        {
            do
            {
                r = Libc.SendFile(out_fd, in_fd, null, (nint)count);
            }
            while (r < 0 && Libc.Errno == Libc.EIntr);
        }
        else
        {
            var off = ArgParse.ToLong(offset);
            do
            {
                r = Libc.SendFile(out_fd, in_fd, &off, (nint)count);
            }
            while (r < 0 && Libc.Errno == Libc.EIntr);
        }
        return r >= 0 ? r : throw LastError();
    }
}
