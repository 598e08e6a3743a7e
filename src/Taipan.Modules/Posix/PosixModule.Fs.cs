// Modules/posixmodule.c (file systems and device nodes)
using System.Numerics;
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Posix;

public static partial class PosixModule
{
    private static readonly PyStructSequenceType s_statvfsResult = new("os", "statvfs_result",
        ["f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax", "f_fsid"],
        visibleFields: 10, constructible: true);

    private static PyObject StatVfsResult(in Libc.StatVfs s) => s_statvfsResult.Create(
        PyInt.From((BigInteger)s.BSize), PyInt.From((BigInteger)s.FrSize), PyInt.From((BigInteger)s.Blocks),
        PyInt.From((BigInteger)s.BFree), PyInt.From((BigInteger)s.BAvail), PyInt.From((BigInteger)s.Files),
        PyInt.From((BigInteger)s.FFree), PyInt.From((BigInteger)s.FAvail), PyInt.From((BigInteger)s.Flag),
        PyInt.From((BigInteger)s.NameMax), PyInt.From((BigInteger)s.FsId));

    [PyMethod("statvfs", Keywords = true, Doc = "Perform a statvfs system call on the given path.")]
    public static unsafe PyObject StatVfs(PyObject path)
    {
        var p = ConvertPath("statvfs", "path", path, allowFd: true);
        Libc.StatVfs s;
        int r;
        if (p.IsFd)
        {
            r = Libc.FStatVfs(p.Fd, &s);
        }
        else
        {
            fixed (byte* b = p.Path)
            {
                r = Libc.StatVfsPath(b, &s);
            }
        }
        return r == 0 ? StatVfsResult(s) : throw Error(p);
    }

    [PyMethod("fstatvfs", Doc = "Perform an fstatvfs system call on the given fd.")]
    public static unsafe PyObject FStatVfs(int fd)
    {
        Libc.StatVfs s;
        int r;
        do
        {
            r = Libc.FStatVfs(fd, &s);
        }
        while (r != 0 && Libc.Errno == Libc.EIntr);
        return r == 0 ? StatVfsResult(s) : throw LastError();
    }

    [PyMethod("mknod", Keywords = true, Doc = "Create a node in the file system.")]
    public static unsafe void MkNod(PyObject path, int mode = 384, PyObject? device = null, [KeywordOnly] PyObject? dir_fd = null)
    {
        var p = ConvertPath("mknod", "path", path);
        var dev = device is null ? 0 : Device(device);
        var fd = DirFd(dir_fd);
        fixed (byte* b = p.Path)
        {
            if (Libc.MkNodAt(fd, b, mode, dev) != 0)
            {
                // CPython 3.11's mknod reports the errno without the file name.
                throw LastError();
            }
        }
    }

    /// <summary><c>_Py_Dev_Converter</c>: an unsigned 64-bit int.</summary>
    private static ulong Device(PyObject o)
    {
        if (o is not PyInt i)
        {
            throw PyErr.TypeError("an integer is required");
        }
        if (i.Value.Sign < 0)
        {
            throw PyErr.OverflowError("can't convert negative int to unsigned");
        }
        return i.Value > ulong.MaxValue ? throw PyErr.OverflowError("int too big to convert") : (ulong)i.Value;
    }

    /// <summary><c>major(device)</c>, glibc's encoding of dev_t.</summary>
    [PyMethod("major", Doc = "Extracts a device major number from a raw device number.")]
    public static long Major(PyObject device)
    {
        var dev = Device(device);
        return (uint)(((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffUL));
    }

    [PyMethod("minor", Doc = "Extracts a device minor number from a raw device number.")]
    public static long Minor(PyObject device)
    {
        var dev = Device(device);
        return (uint)((dev & 0xff) | ((dev >> 12) & ~0xffUL));
    }

    [PyMethod("makedev", Doc = "Composes a raw device number from the major and minor device numbers.")]
    public static PyObject MakeDev(PyObject major, PyObject minor)
    {
        ulong maj = (uint)ArgParse32(major);
        ulong min = (uint)ArgParse32(minor);
        var dev = (min & 0xff) | ((maj & 0xfff) << 8) | ((min & ~0xffUL) << 12) | ((maj & ~0xfffUL) << 32);
        return PyInt.From((BigInteger)dev);
    }

    /// <summary>A C unsigned int argument, wrapping as CPython's converter does.</summary>
    private static long ArgParse32(PyObject o)
    {
        var i = Taipan.Runtime.Abstract.Ops.Index(o);
        return (long)(uint)(i.Value & uint.MaxValue);
    }
}
