// Modules/posixmodule.c (files and directories by name)
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Posix;

public static partial class PosixModule
{
    private const long UtimeNow = (1L << 30) - 1;

    [PyMethod("getcwd", Doc = "Return a unicode string representing the current working directory.")]
    public static PyObject GetCwd() => DecodeFs(CurrentDirectory());

    [PyMethod("getcwdb", Doc = "Return a bytes string representing the current working directory.")]
    public static PyObject GetCwdB() => PyBytes.From(CurrentDirectory());

    private static unsafe byte[] CurrentDirectory()
    {
        for (var size = 1024; ; size *= 2)
        {
            var buf = new byte[size];
            fixed (byte* b = buf)
            {
                if (Libc.GetCwd(b, size) is not null)
                {
                    return Libc.CString(b).ToArray();
                }
            }
            if (Libc.Errno != Libc.ERange)
            {
                throw LastError();
            }
        }
    }

    [PyMethod("chdir", Keywords = true, Doc = "Change the current working directory to the specified path.")]
    public static unsafe void ChDir(PyObject path)
    {
        var p = ConvertPath("chdir", "path", path, allowFd: true);
        int r;
        if (p.IsFd)
        {
            r = Libc.FChDir(p.Fd);
        }
        else
        {
            fixed (byte* b = p.Path)
            {
                r = Libc.ChDir(b);
            }
        }
        if (r != 0)
        {
            throw Error(p);
        }
    }

    [PyMethod("fchdir", Keywords = true, Doc = "Change to the directory of the given file descriptor.")]
    public static void FChDir(PyObject fd)
    {
        if (Libc.FChDir(ToFd(fd)) != 0)
        {
            throw LastError();
        }
    }

    [PyMethod("mkdir", Keywords = true, Doc = "Create a directory.")]
    public static unsafe void MkDir(PyObject path, int mode = 511, [KeywordOnly] PyObject? dir_fd = null)
    {
        var p = ConvertPath("mkdir", "path", path);
        var dirFd = DirFd(dir_fd);
        fixed (byte* b = p.Path)
        {
            if (Libc.MkDirAt(dirFd, b, mode) != 0)
            {
                throw Error(p);
            }
        }
    }

    [PyMethod("mkfifo", Keywords = true, Doc = "Create a \"fifo\" (a POSIX named pipe).")]
    public static unsafe void MkFifo(PyObject path, int mode = 438, [KeywordOnly] PyObject? dir_fd = null)
    {
        var p = ConvertPath("mkfifo", "path", path);
        var dirFd = DirFd(dir_fd);
        fixed (byte* b = p.Path)
        {
            int r;
            do
            {
                r = Libc.MkFifoAt(dirFd, b, mode);
            }
            while (r != 0 && Libc.Errno == Libc.EIntr);
            if (r != 0)
            {
                // CPython 3.11's mkfifo reports the errno without the file name.
                throw LastError();
            }
        }
    }

    [PyMethod("rmdir", Keywords = true, Doc = "Remove a directory.")]
    public static void RmDir(PyObject path, [KeywordOnly] PyObject? dir_fd = null) =>
        UnlinkCommon("rmdir", path, dir_fd, Libc.AtRemoveDir);

    [PyMethod("unlink", Keywords = true, Doc = "Remove a file (same as remove()).")]
    public static void Unlink(PyObject path, [KeywordOnly] PyObject? dir_fd = null) =>
        UnlinkCommon("unlink", path, dir_fd, 0);

    [PyMethod("remove", Keywords = true, Doc = "Remove a file (same as unlink()).")]
    public static void Remove(PyObject path, [KeywordOnly] PyObject? dir_fd = null) =>
        UnlinkCommon("remove", path, dir_fd, 0);

    private static unsafe void UnlinkCommon(string function, PyObject path, PyObject? dirFd, int flags)
    {
        var p = ConvertPath(function, "path", path);
        var fd = DirFd(dirFd);
        fixed (byte* b = p.Path)
        {
            if (Libc.UnlinkAt(fd, b, flags) != 0)
            {
                throw Error(p);
            }
        }
    }

    [PyMethod("rename", Keywords = true, Doc = "Rename a file or directory.")]
    public static void Rename(PyObject src, PyObject dst, [KeywordOnly] PyObject? src_dir_fd = null, PyObject? dst_dir_fd = null) =>
        RenameCommon("rename", src, dst, src_dir_fd, dst_dir_fd);

    [PyMethod("replace", Keywords = true, Doc = "Rename a file or directory, overwriting the destination.")]
    public static void Replace(PyObject src, PyObject dst, [KeywordOnly] PyObject? src_dir_fd = null, PyObject? dst_dir_fd = null) =>
        RenameCommon("replace", src, dst, src_dir_fd, dst_dir_fd);

    private static unsafe void RenameCommon(string function, PyObject src, PyObject dst, PyObject? srcDirFd, PyObject? dstDirFd)
    {
        var s = ConvertPath(function, "src", src);
        var d = ConvertPath(function, "dst", dst);
        var sfd = DirFd(srcDirFd);
        var dfd = DirFd(dstDirFd);
        fixed (byte* sb = s.Path, db = d.Path)
        {
            if (Libc.RenameAt(sfd, sb, dfd, db) != 0)
            {
                throw Error(Libc.Errno, s.Object, d.Object);
            }
        }
    }

    [PyMethod("link", Keywords = true, Doc = "Create a hard link to a file.")]
    public static unsafe void Link(PyObject src, PyObject dst, [KeywordOnly] PyObject? src_dir_fd = null, PyObject? dst_dir_fd = null, bool follow_symlinks = true)
    {
        var s = ConvertPath("link", "src", src);
        var d = ConvertPath("link", "dst", dst);
        var sfd = DirFd(src_dir_fd);
        var dfd = DirFd(dst_dir_fd);
        fixed (byte* sb = s.Path, db = d.Path)
        {
            if (Libc.LinkAt(sfd, sb, dfd, db, follow_symlinks ? Libc.AtSymlinkFollow : 0) != 0)
            {
                throw Error(Libc.Errno, s.Object, d.Object);
            }
        }
    }

    [PyMethod("symlink", Keywords = true, Doc = "Create a symbolic link pointing to src named dst.")]
    public static unsafe void Symlink(PyObject src, PyObject dst, bool target_is_directory = false, [KeywordOnly] PyObject? dir_fd = null)
    {
        var s = ConvertPath("symlink", "src", src);
        var d = ConvertPath("symlink", "dst", dst);
        var fd = DirFd(dir_fd);
        fixed (byte* sb = s.Path, db = d.Path)
        {
            if (Libc.SymlinkAt(sb, fd, db) != 0)
            {
                throw Error(Libc.Errno, s.Object, d.Object);
            }
        }
    }

    [PyMethod("readlink", Keywords = true, Doc = "Return a string representing the path to which the symbolic link points.")]
    public static unsafe PyObject ReadLink(PyObject path, [KeywordOnly] PyObject? dir_fd = null)
    {
        var p = ConvertPath("readlink", "path", path);
        var fd = DirFd(dir_fd);
        for (var size = 4096; ; size *= 2)
        {
            var buf = new byte[size];
            nint n;
            fixed (byte* b = p.Path, o = buf)
            {
                n = Libc.ReadLinkAt(fd, b, o, size);
            }
            if (n < 0)
            {
                throw Error(p);
            }
            if (n < size)
            {
                return FsResult(buf.AsSpan(0, (int)n), p.Narrow);
            }
        }
    }

    [PyMethod("chmod", Keywords = true, Doc = "Change the access permissions of a file.")]
    public static unsafe void ChMod(PyObject path, int mode, [KeywordOnly] PyObject? dir_fd = null, bool follow_symlinks = true)
    {
        var p = ConvertPath("chmod", "path", path, allowFd: true);
        var fd = DirFd(dir_fd);
        CheckFdCombinations("chmod", p, fd, follow_symlinks);
        int r;
        if (p.IsFd)
        {
            r = Libc.FChMod(p.Fd, mode);
        }
        else
        {
            fixed (byte* b = p.Path)
            {
                r = Libc.FChModAt(fd, b, mode, follow_symlinks ? 0 : Libc.AtSymlinkNoFollow);
            }
            // Linux cannot change a link's own mode (fchmodat says ENOTSUP); CPython reports
            // the missing feature rather than the errno.
            if (r != 0 && !follow_symlinks && Libc.Errno is 95 or Libc.ENoSys)
            {
                throw PyErr.New(PyExc.NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
            }
        }
        if (r != 0)
        {
            throw Error(p);
        }
    }

    [PyMethod("fchmod", Keywords = true, Doc = "Change the access permissions of the file given by file descriptor fd.")]
    public static void FChMod(int fd, int mode)
    {
        if (Libc.FChMod(fd, mode) != 0)
        {
            throw LastError();
        }
    }

    [PyMethod("chown", Keywords = true, Doc = "Change the owner and group id of path to the numeric uid and gid.")]
    public static unsafe void ChOwn(PyObject path, PyObject uid, PyObject gid, [KeywordOnly] PyObject? dir_fd = null, bool follow_symlinks = true)
    {
        var p = ConvertPath("chown", "path", path, allowFd: true);
        var fd = DirFd(dir_fd);
        CheckFdCombinations("chown", p, fd, follow_symlinks);
        var (u, g) = (Id(uid, "uid"), Id(gid, "gid"));
        int r;
        if (p.IsFd)
        {
            r = Libc.FChOwn(p.Fd, u, g);
        }
        else
        {
            fixed (byte* b = p.Path)
            {
                r = Libc.FChOwnAt(fd, b, u, g, follow_symlinks ? 0 : Libc.AtSymlinkNoFollow);
            }
        }
        if (r != 0)
        {
            throw Error(p);
        }
    }

    [PyMethod("lchown", Keywords = true, Doc = "Change the owner and group id of path to the numeric uid and gid.\n\nThis function will not follow symbolic links.")]
    public static unsafe void LChOwn(PyObject path, PyObject uid, PyObject gid)
    {
        var p = ConvertPath("lchown", "path", path);
        fixed (byte* b = p.Path)
        {
            if (Libc.FChOwnAt(Libc.AtFdCwd, b, Id(uid, "uid"), Id(gid, "gid"), Libc.AtSymlinkNoFollow) != 0)
            {
                throw Error(p);
            }
        }
    }

    [PyMethod("fchown", Keywords = true, Doc = "Change the owner and group id of the file specified by file descriptor.")]
    public static void FChOwn(int fd, PyObject uid, PyObject gid)
    {
        if (Libc.FChOwn(fd, Id(uid, "uid"), Id(gid, "gid")) != 0)
        {
            throw LastError();
        }
    }

    /// <summary><c>_Py_Uid_Converter</c>: -1 means "unchanged".</summary>
    internal static uint Id(PyObject o, string what)
    {
        if (o is not PyInt && o.Type.Slots.Index is null)
        {
            throw PyErr.TypeError($"{what} should be integer, not {o.Type.Name}");
        }
        var i = Taipan.Runtime.Abstract.Ops.Index(o);
        if (i.IsSmall && i.Small == -1)
        {
            return uint.MaxValue;
        }
        // _Py_Uid_Converter's bounds, including its quirk: a value that fits a C long but not
        // an id is reported as "less than minimum".
        if (i.Value.Sign < 0)
        {
            throw PyErr.OverflowError($"{what} is less than minimum");
        }
        if (!i.IsSmall)
        {
            throw PyErr.OverflowError($"{what} is greater than maximum");
        }
        if (i.Small == uint.MaxValue)
        {
            throw PyErr.OverflowError($"{what} is greater than maximum");
        }
        if (i.Small > uint.MaxValue)
        {
            throw PyErr.OverflowError($"{what} is less than minimum");
        }
        return (uint)i.Small;
    }

    [PyMethod("access", Keywords = true, Doc = "Use the real uid/gid to test for access to a path.")]
    public static unsafe bool Access(PyObject path, int mode, [KeywordOnly] PyObject? dir_fd = null, bool effective_ids = false, bool follow_symlinks = true)
    {
        var p = ConvertPath("access", "path", path);
        var fd = DirFd(dir_fd);
        var flags = (effective_ids ? Libc.AtEaccess : 0) | (follow_symlinks ? 0 : Libc.AtSymlinkNoFollow);
        fixed (byte* b = p.Path)
        {
            return Libc.FAccessAt(fd, b, mode, flags) == 0;
        }
    }

    [PyMethod("truncate", Keywords = true, Doc = "Truncate a file, specified by path, to a specific length.")]
    public static unsafe void Truncate(PyObject path, long length)
    {
        var p = ConvertPath("truncate", "path", path, allowFd: true);
        int r;
        if (p.IsFd)
        {
            r = Libc.FTruncate(p.Fd, length);
        }
        else
        {
            fixed (byte* b = p.Path)
            {
                r = Libc.Truncate(b, length);
            }
        }
        if (r != 0)
        {
            throw Error(p);
        }
    }

    [PyMethod("umask", Doc = "Set the current numeric umask and return the previous umask.")]
    public static int UMask(int mask) => Libc.UMask(mask);

    /// <summary><c>utime(path, times=None, *, ns, dir_fd=None, follow_symlinks=True)</c>.</summary>
    [PyMethod("utime", Keywords = true, Doc = "Set the access and modified time of path.")]
    public static unsafe void UTime(PyObject path, PyObject? times = null, [KeywordOnly] PyObject? ns = null, PyObject? dir_fd = null, bool follow_symlinks = true)
    {
        var p = ConvertPath("utime", "path", path, allowFd: true);
        var fd = DirFd(dir_fd);
        var hasTimes = times is not null and not PyNone;
        times ??= PyNone.Value;
        if (hasTimes && ns is not null)
        {
            throw PyErr.ValueError("utime: you may specify either 'times' or 'ns' but not both");
        }
        var spec = stackalloc Libc.TimeSpec[2];
        var useNow = false;
        if (hasTimes)
        {
            if (times.Type != PyTuple.TypeObject || times is not PyTuple { Count: 2 } t)
            {
                throw PyErr.TypeError("utime: 'times' must be either a tuple of two ints or None");
            }
            spec[0] = ToTimeSpec(t[0]);
            spec[1] = ToTimeSpec(t[1]);
        }
        else if (ns is not null)
        {
            if (ns.Type != PyTuple.TypeObject || ns is not PyTuple { Count: 2 } t)
            {
                throw PyErr.TypeError("utime: 'ns' must be a tuple of two ints");
            }
            spec[0] = NsToTimeSpec(t[0]);
            spec[1] = NsToTimeSpec(t[1]);
        }
        else
        {
            useNow = true;
            spec[0] = new Libc.TimeSpec { Nsec = UtimeNow };
            spec[1] = spec[0];
        }
        CheckFdCombinations("utime", p, fd, follow_symlinks);
        int r;
        if (p.IsFd)
        {
            r = Libc.FUTimeNs(p.Fd, useNow ? null : spec);
        }
        else
        {
            fixed (byte* b = p.Path)
            {
                r = Libc.UTimeNsAt(fd, b, useNow ? null : spec, follow_symlinks ? 0 : Libc.AtSymlinkNoFollow);
            }
        }
        if (r != 0)
        {
            // CPython 3.11's utime reports the errno without the file name.
            throw LastError();
        }
    }

    /// <summary><c>_PyTime_ObjectToTimespec</c> rounding towards minus infinity.</summary>
    private static Libc.TimeSpec ToTimeSpec(PyObject o)
    {
        if (o is PyFloat f)
        {
            var d = f.Value;
            if (double.IsNaN(d))
            {
                throw PyErr.ValueError("Invalid value NaN (not a number)");
            }
            var intPart = Math.Truncate(d);
            var frac = Math.Floor((d - intPart) * 1e9);
            if (frac >= 1e9)
            {
                frac -= 1e9;
                intPart += 1;
            }
            else if (frac < 0)
            {
                frac += 1e9;
                intPart -= 1;
            }
            if (!(intPart >= long.MinValue && intPart < long.MaxValue))
            {
                throw PyErr.OverflowError("timestamp out of range for platform time_t");
            }
            return new Libc.TimeSpec { Sec = (long)intPart, Nsec = (long)frac };
        }
        var i = Taipan.Runtime.Abstract.Ops.Index(o);
        return i.IsSmall
            ? new Libc.TimeSpec { Sec = i.Small }
            : throw PyErr.OverflowError("timestamp out of range for platform time_t");
    }

    private static Libc.TimeSpec NsToTimeSpec(PyObject o)
    {
        var i = Taipan.Runtime.Abstract.Ops.Index(o).Value;
        var sec = System.Numerics.BigInteger.DivRem(i, 1_000_000_000, out var rem);
        if (rem.Sign < 0)
        {
            rem += 1_000_000_000;
            sec -= 1;
        }
        if (sec < long.MinValue || sec > long.MaxValue)
        {
            throw PyErr.OverflowError("timestamp out of range for platform time_t");
        }
        return new Libc.TimeSpec { Sec = (long)sec, Nsec = (long)rem };
    }

    [PyMethod("sync", Doc = "Force write of everything to disk.")]
    public static void Sync() => Libc.Sync();
}
