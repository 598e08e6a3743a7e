// Modules/posixmodule.c (stat, lstat, fstat and stat_result)
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Posix;

public static partial class PosixModule
{
    /// <summary><c>os.stat_result</c>: ten tuple items (the times as ints, unnamed), then the
    /// float and nanosecond times, st_blksize, st_blocks and st_rdev as attributes.</summary>
    private static readonly PyStructSequenceType s_statResult = MakeStatResult();

    private static PyStructSequenceType MakeStatResult()
    {
        var t = new PyStructSequenceType("os", "stat_result",
            ["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", null, null, null,
             "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
             "st_blksize", "st_blocks", "st_rdev"],
            visibleFields: 10, constructible: true);
        // statresult_new: a float time left out takes the integer one's value.
        var inner = t.Type.Slots.New!;
        t.Type.Slots.New = (type, args, kwnames) =>
        {
            var result = (PyStructSequence)inner(type, args, kwnames);
            for (var i = 0; i < 3; i++)
            {
                if (result.Fields[10 + i] is PyNone)
                {
                    result.Fields[10 + i] = result.Fields[7 + i];
                }
            }
            return result;
        };
        return t;
    }

    internal static PyObject StatResult(in Libc.StatBuf st)
    {
        return s_statResult.Create(
            PyInt.From(st.Mode), PyInt.From((long)st.Ino), PyInt.From((long)st.Dev), PyInt.From((long)st.NLink),
            PyInt.From(st.Uid), PyInt.From(st.Gid), PyInt.From(st.Size),
            PyInt.From(st.ATimeSec), PyInt.From(st.MTimeSec), PyInt.From(st.CTimeSec),
            FloatTime(st.ATimeSec, st.ATimeNsec), FloatTime(st.MTimeSec, st.MTimeNsec), FloatTime(st.CTimeSec, st.CTimeNsec),
            NsTime(st.ATimeSec, st.ATimeNsec), NsTime(st.MTimeSec, st.MTimeNsec), NsTime(st.CTimeSec, st.CTimeNsec),
            PyInt.From(st.BlkSize), PyInt.From(st.Blocks), PyInt.From((long)st.RDev));
    }

    private static PyFloat FloatTime(long sec, long nsec) => new(sec + nsec * 1e-9);

    private static PyInt NsTime(long sec, long nsec) => PyInt.From((System.Numerics.BigInteger)sec * 1_000_000_000 + nsec);

    /// <summary>stat of a path (relative to dir_fd), of a descriptor, or of a link itself.</summary>
    internal static unsafe Libc.StatBuf DoStat(string function, in PathArg path, int dirFd, bool followSymlinks)
    {
        CheckFdCombinations(function, path, dirFd, followSymlinks);
        Libc.StatBuf st;
        int r;
        if (path.IsFd)
        {
            do
            {
                r = Libc.FStat(path.Fd, &st);
            }
            while (r != 0 && Libc.Errno == Libc.EIntr);
        }
        else
        {
            fixed (byte* p = path.Path)
            {
                r = Libc.FStatAt(dirFd, p, &st, followSymlinks ? 0 : Libc.AtSymlinkNoFollow);
            }
        }
        if (r != 0)
        {
            throw Error(path);
        }
        return st;
    }

    [PyMethod("stat", Keywords = true, Doc = "Perform a stat system call on the given path.")]
    public static PyObject Stat(PyObject path, [KeywordOnly] PyObject? dir_fd = null, bool follow_symlinks = true)
    {
        var p = ConvertPath("stat", "path", path, allowFd: true);
        return StatResult(DoStat("stat", p, DirFd(dir_fd), follow_symlinks));
    }

    [PyMethod("lstat", Keywords = true, Doc = "Perform a stat system call on the given path, without following symbolic links.")]
    public static PyObject LStat(PyObject path, [KeywordOnly] PyObject? dir_fd = null)
    {
        var p = ConvertPath("lstat", "path", path);
        return StatResult(DoStat("lstat", p, DirFd(dir_fd), false));
    }

    [PyMethod("fstat", Keywords = true, Doc = "Perform a stat system call on the given file descriptor.")]
    public static unsafe PyObject FStat(int fd)
    {
        Libc.StatBuf st;
        int r;
        do
        {
            r = Libc.FStat(fd, &st);
        }
        while (r != 0 && Libc.Errno == Libc.EIntr);
        return r == 0 ? StatResult(st) : throw LastError();
    }
}
