// Modules/posixmodule.c (listdir, scandir, DirEntry)
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Posix;

public static partial class PosixModule
{
    [PyMethod("listdir", Keywords = true, Doc = "Return a list containing the names of the files in the directory.")]
    public static PyObject ListDir(PyObject? path = null)
    {
        var p = ConvertPath("listdir", "path", path ?? PyNone.Value, allowFd: true, nullable: true);
        var dir = OpenDirectory(p);
        var result = new PyList();
        try
        {
            while (NextEntry(dir, p, out var name, out _, out _))
            {
                result.Append(FsResult(name, p.Narrow));
            }
        }
        finally
        {
            CloseDirectory(dir, p.IsFd);
        }
        return result;
    }

    [PyMethod("scandir", Keywords = true, Doc = "Return an iterator of DirEntry objects for given path.")]
    public static PyObject ScanDir(PyObject? path = null)
    {
        var p = ConvertPath("scandir", "path", path ?? PyNone.Value, allowFd: true, nullable: true);
        return new PyScandirIterator(p, OpenDirectory(p));
    }

    /// <summary>opendir, or fdopendir on a duplicate of a descriptor (the caller's stays open).</summary>
    internal static unsafe nint OpenDirectory(in PathArg p)
    {
        nint dir;
        if (p.IsFd)
        {
            var fd = Libc.Fcntl(p.Fd, 1030, 0);
            if (fd < 0)
            {
                // _Py_dup reports the failure without the argument.
                throw LastError();
            }
            dir = Libc.FdOpenDir(fd);
            if (dir == 0)
            {
                var errno = Libc.Errno;
                Libc.Close(fd);
                throw Error(errno, p.Object);
            }
            return dir;
        }
        fixed (byte* b = p.Path)
        {
            dir = Libc.OpenDir(b);
        }
        return dir != 0 ? dir : throw Error(p);
    }

    internal static void CloseDirectory(nint dir, bool fromFd)
    {
        if (fromFd)
        {
            // The duplicate shares its offset with the caller's descriptor: leave it at the start.
            Libc.RewindDir(dir);
        }
        Libc.CloseDir(dir);
    }

    /// <summary>The next entry other than "." and ".."; false at the end.</summary>
    internal static unsafe bool NextEntry(nint dir, in PathArg p, out ReadOnlySpan<byte> name, out ulong ino, out byte type)
    {
        while (true)
        {
            var ent = Libc.ReadDir(dir);
            if (ent is null)
            {
                var errno = Libc.Errno;
                name = default;
                ino = 0;
                type = 0;
                return errno == 0 ? false : throw Error(errno, p.Object);
            }
            name = Libc.CString(ent + Libc.DirentName);
            if (name is [(byte)'.'] or [(byte)'.', (byte)'.'])
            {
                continue;
            }
            ino = *(ulong*)(ent + Libc.DirentIno);
            type = ent[Libc.DirentType];
            return true;
        }
    }
}

/// <summary><c>posix.ScandirIterator</c>: yields a DirEntry per name; closes the directory at
/// the end, on <c>close()</c>, or on leaving a <c>with</c> block.</summary>
[PyType("ScandirIterator", Module = "posix", FromSpec = true)]
public sealed partial class PyScandirIterator : PyObject
{
    private readonly PathArg _path;
    private nint _dir;

    internal PyScandirIterator(PathArg path, nint dir)
    {
        _path = path;
        _dir = dir;
    }

    /// <summary>An iterator dropped before its end still releases its directory stream, as
    /// CPython's dealloc does.</summary>
    ~PyScandirIterator() => Close();

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyErr.TypeError("cannot create 'posix.ScandirIterator' instances");

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_dir == 0)
        {
            return null;
        }
        PyObject? result = null;
        try
        {
            if (PosixModule.NextEntry(_dir, _path, out var name, out var ino, out var type))
            {
                result = PyDirEntry.Create(_path, name, ino, type);
            }
        }
        finally
        {
            if (result is null)
            {
                Close();
            }
        }
        return result;
    }

    [PyMethod("close")]
    public void Close()
    {
        var dir = _dir;
        _dir = 0;
        if (dir != 0)
        {
            PosixModule.CloseDirectory(dir, _path.IsFd);
        }
    }

    [PyMethod("__enter__")]
    public PyObject Enter() => this;

    [PyMethod("__exit__")]
    public void Exit(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => Close();
}

/// <summary><c>os.DirEntry</c>: a directory entry with the file type readdir reported, so
/// is_dir()/is_file()/is_symlink() usually need no system call; stat results are cached.</summary>
[PyType("DirEntry", Module = "posix", FromSpec = true)]
public sealed partial class PyDirEntry : PyObject
{
    private const int SIfMt = 0xF000;
    private const int SIfDir = 0x4000;
    private const int SIfReg = 0x8000;
    private const int SIfLnk = 0xA000;

    private readonly byte[] _statPath;
    private readonly int _dirFd;
    private readonly ulong _ino;
    private readonly byte _type;
    private PyObject? _stat;
    private PyObject? _lstat;

    private PyDirEntry(PyObject name, PyObject path, byte[] statPath, int dirFd, ulong ino, byte type)
    {
        NameValue = name;
        PathValue = path;
        _statPath = statPath;
        _dirFd = dirFd;
        _ino = ino;
        _type = type;
    }

    internal static PyDirEntry Create(in PathArg dir, ReadOnlySpan<byte> name, ulong ino, byte type)
    {
        var nameObj = PosixModule.FsResult(name, dir.Narrow);
        if (dir.IsFd)
        {
            return new PyDirEntry(nameObj, nameObj, PosixModule.CBytes(name), dir.Fd, ino, type);
        }
        // The directory's encoded path without its NUL, a slash unless it ends with one, the name.
        var basePath = dir.Path.AsSpan(0, dir.Path!.Length - 1);
        var needSlash = basePath.Length > 0 && basePath[^1] != (byte)'/';
        var joined = new byte[basePath.Length + (needSlash ? 1 : 0) + name.Length + 1];
        basePath.CopyTo(joined);
        if (needSlash)
        {
            joined[basePath.Length] = (byte)'/';
        }
        name.CopyTo(joined.AsSpan(joined.Length - 1 - name.Length));
        var pathObj = PosixModule.FsResult(joined.AsSpan(0, joined.Length - 1), dir.Narrow);
        return new PyDirEntry(nameObj, pathObj, joined, Libc.AtFdCwd, ino, type);
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyErr.TypeError("cannot create 'posix.DirEntry' instances");

    [PyGetter("name", Doc = "the entry's base filename, relative to scandir() \"path\" argument")]
    public PyObject NameValue { get; }

    [PyGetter("path", Doc = "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)")]
    public PyObject PathValue { get; }

    [PyClassMethod("__class_getitem__", Doc = "See PEP 585")]
    public static PyObject ClassGetItem(PyType type, PyObject item) => PyGenericAlias.ClassGetItem(type, item);

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<DirEntry {Taipan.Runtime.Abstract.Ops.Repr(NameValue).Value}>");

    [PyMethod("__fspath__", Doc = "Returns the path for the entry.")]
    public PyObject FsPath() => PathValue;

    [PyMethod("inode", Doc = "Return inode of the entry; cached per entry.")]
    public PyObject Inode() => PyInt.From((System.Numerics.BigInteger)_ino);

    [PyMethod("stat", Keywords = true, Doc = "Return stat_result object for the entry; cached per entry.")]
    public PyObject Stat([KeywordOnly] bool follow_symlinks = true)
    {
        if (!follow_symlinks)
        {
            return _lstat ??= Fetch(false);
        }
        return _stat ??= IsSymlink() ? Fetch(true) : (_lstat ??= Fetch(false));
    }

    private unsafe PyObject Fetch(bool follow)
    {
        Libc.StatBuf st;
        fixed (byte* p = _statPath)
        {
            if (Libc.FStatAt(_dirFd, p, &st, follow ? 0 : Libc.AtSymlinkNoFollow) != 0)
            {
                throw PosixModule.Error(Libc.Errno, PathValue);
            }
        }
        return PosixModule.StatResult(st);
    }

    [PyMethod("is_dir", Keywords = true, Doc = "Return True if the entry is a directory; cached per entry.")]
    public bool IsDir([KeywordOnly] bool follow_symlinks = true) => TestMode(follow_symlinks, SIfDir);

    [PyMethod("is_file", Keywords = true, Doc = "Return True if the entry is a file; cached per entry.")]
    public bool IsFile([KeywordOnly] bool follow_symlinks = true) => TestMode(follow_symlinks, SIfReg);

    [PyMethod("is_symlink", Doc = "Return True if the entry is a symbolic link; cached per entry.")]
    public bool IsSymlink() => _type != Libc.DtUnknown ? _type == Libc.DtLnk : TestMode(false, SIfLnk);

    private bool TestMode(bool follow, int modeBits)
    {
        var needStat = _type == Libc.DtUnknown || (follow && _type == Libc.DtLnk);
        if (!needStat)
        {
            return modeBits == SIfDir ? _type == Libc.DtDir : modeBits == SIfReg ? _type == Libc.DtReg : _type == Libc.DtLnk;
        }
        PyObject st;
        try
        {
            st = Stat(follow);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.FileNotFoundError))
        {
            return false;
        }
        var mode = ((PyInt)((PyTuple)st)[0]).Small;
        return (mode & SIfMt) == modeBits;
    }
}
