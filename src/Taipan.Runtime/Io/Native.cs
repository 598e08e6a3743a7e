// Modules/_io/fileio.c (the C library calls FileIO makes)
using System.Runtime.InteropServices;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Io;

/// <summary>The libc calls behind FileIO, called directly so errors carry the real errno and
/// the C library's own strerror text, as CPython's OSErrors do.</summary>
internal static unsafe partial class Native
{
    private const string Libc = "libc";

    public const int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_EXCL = 0x80, O_TRUNC = 0x200,
        O_APPEND = 0x400, O_CLOEXEC = 0x80000;

    public const int EINTR = 4, EAGAIN = 11, EISDIR = 21, EBADF = 9;

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags, int mode);

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true)]
    private static partial int OpenBytes(byte* path, int flags, int mode);

    [LibraryImport(Libc, EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadNative(int fd, byte* buffer, nint count);

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteNative(int fd, byte* buffer, nint count);

    [LibraryImport(Libc, EntryPoint = "lseek", SetLastError = true)]
    public static partial long LSeek(int fd, long offset, int whence);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Libc, EntryPoint = "isatty")]
    public static partial int IsATty(int fd);

    [LibraryImport(Libc, EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int FTruncate(int fd, long length);

    [LibraryImport(Libc, EntryPoint = "fstat", SetLastError = true)]
    private static partial int FStatNative(int fd, byte* buffer);

    [LibraryImport(Libc, EntryPoint = "strerror")]
    private static partial nint StrErrorNative(int errno);

    public static int Errno => Marshal.GetLastPInvokeError();

    /// <summary>open(2) on a path given as bytes (the file system encoding's form of a str).</summary>
    public static int Open(ReadOnlySpan<byte> path, int flags, int mode)
    {
        var z = new byte[path.Length + 1];
        path.CopyTo(z);
        fixed (byte* p = z)
        {
            return OpenBytes(p, flags, mode);
        }
    }

    public static nint Read(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return ReadNative(fd, p, buffer.Length);
        }
    }

    public static nint Write(int fd, ReadOnlySpan<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return WriteNative(fd, p, buffer.Length);
        }
    }

    /// <summary>fstat(2): the mode, size and block size (the layout of struct stat on Linux
    /// x86-64 and arm64 differs; both are read).</summary>
    public static bool FStat(int fd, out uint mode, out long size, out long blksize)
    {
        var buffer = stackalloc byte[256];
        if (FStatNative(fd, buffer) != 0)
        {
            (mode, size, blksize) = (0, 0, 0);
            return false;
        }
        if (RuntimeInformation.ProcessArchitecture == Architecture.Arm64)
        {
            mode = *(uint*)(buffer + 16);
            size = *(long*)(buffer + 48);
            blksize = *(int*)(buffer + 56);
        }
        else
        {
            mode = *(uint*)(buffer + 24);
            size = *(long*)(buffer + 48);
            blksize = *(long*)(buffer + 56);
        }
        return true;
    }

    public static bool IsDirectoryMode(uint mode) => (mode & 0xF000) == 0x4000;

    public static string StrError(int errno) => Marshal.PtrToStringUTF8(StrErrorNative(errno)) ?? $"Unknown error {errno}";

    /// <summary>OSError(errno, strerror[, filename]): the errno's subclass, as
    /// PyErr_SetFromErrnoWithFilenameObject makes it.</summary>
    public static PyException Error(int errno, PyObject? filename = null)
    {
        PyObject[] args = filename is null
            ? [PyInt.From(errno), new PyStr(StrError(errno))]
            : [PyInt.From(errno), new PyStr(StrError(errno)), filename];
        return new PyException((PyBaseException)Abstract.Ops.Call(PyExc.OSError, args, null));
    }
}
