// Modules/mmapmodule.c
using System.Runtime.InteropServices;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Mmap;

/// <summary><c>mmap</c>: memory-mapped files and anonymous memory over libc mmap(2).</summary>
[PyModule("mmap")]
public static partial class MmapModule
{
    private static readonly (string Name, long Value)[] s_constants =
    [
        ("ACCESS_DEFAULT", 0), ("ACCESS_READ", 1), ("ACCESS_WRITE", 2), ("ACCESS_COPY", 3),
        ("MADV_NORMAL", 0), ("MADV_RANDOM", 1), ("MADV_SEQUENTIAL", 2), ("MADV_WILLNEED", 3),
        ("MADV_DONTNEED", 4), ("MADV_FREE", 8), ("MADV_REMOVE", 9), ("MADV_DONTFORK", 10),
        ("MADV_DOFORK", 11), ("MADV_MERGEABLE", 12), ("MADV_UNMERGEABLE", 13), ("MADV_HUGEPAGE", 14),
        ("MADV_NOHUGEPAGE", 15), ("MADV_DONTDUMP", 16), ("MADV_DODUMP", 17), ("MADV_HWPOISON", 100),
        ("MAP_SHARED", 1), ("MAP_PRIVATE", 2), ("MAP_ANON", 32), ("MAP_ANONYMOUS", 32),
        ("MAP_DENYWRITE", 2048), ("MAP_EXECUTABLE", 4096), ("MAP_POPULATE", 32768), ("MAP_STACK", 131072),
        ("PROT_READ", 1), ("PROT_WRITE", 2), ("PROT_EXEC", 4),
    ];

    static partial void Initialize(PyModule module)
    {
        foreach (var (name, value) in s_constants)
        {
            module.AddBuiltin(name, PyInt.From(value));
        }
        module.AddBuiltin("PAGESIZE", PyInt.From(Environment.SystemPageSize));
        module.AddBuiltin("ALLOCATIONGRANULARITY", PyInt.From(Environment.SystemPageSize));
        module.AddBuiltin("error", PyExc.OSError);
        module.AddBuiltin("mmap", PyMmap.TypeObject);
    }
}

/// <summary><c>mmap.mmap</c>: a mapping of <c>size</c> bytes at a native address. Every access
/// is bounds-checked against the current size before the pointer is touched.</summary>
[PyType("mmap.mmap", Module = "mmap", FromSpec = true, InstanceType = true, Subclassable = true, Flags = TypeFlags.Weakrefable,
    Doc = "Windows: mmap(fileno, length[, tagname[, access[, offset]]])\n\nMaps length bytes from the file specified by the file handle fileno,\nand returns a mmap object.  If length is larger than the current size\nof the file, the file is extended to contain length bytes.  If length\nis 0, the maximum length of the map is the current size of the file,\nexcept that if the file is empty Windows raises an exception (you cannot\ncreate an empty mapping on Windows).\n\nUnix: mmap(fileno, length[, flags[, prot[, access[, offset]]]])\n\nMaps length bytes from the file specified by the file descriptor fileno,\nand returns a mmap object.  If length is 0, the maximum length of the map\nwill be the current size of the file when mmap is called.\nflags specifies the nature of the mapping. MAP_PRIVATE creates a\nprivate copy-on-write mapping, so changes to the contents of the mmap\nobject will be private to this process, and MAP_SHARED creates a mapping\nthat's shared with all other processes mapping the same areas of the file.\nThe default value is MAP_SHARED.\n\nTo map anonymous memory, pass -1 as the fileno (both versions).")]
public sealed unsafe partial class PyMmap : PyObject, IBuffer
{
    private const int AccessDefault = 0;
    private const int AccessRead = 1;
    private const int AccessWrite = 2;
    private const int AccessCopy = 3;
    private const int MapShared = 1;
    private const int MapPrivate = 2;
    private const int MapAnonymous = 32;
    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int MsSync = 4;
    private const int MremapMaymove = 1;
    private const int SIfmt = 0xF000;
    private const int SIfreg = 0x8000;

    private static readonly string[] s_newNames = ["fileno", "length", "flags", "prot", "access", "offset"];
    private static readonly nint s_mapFailed = -1;

    private readonly PyType _type;
    private nint _data;
    private long _size;
    private long _pos;
    private long _offset;
    private int _fd = -1;
    private int _access;
    private int _exports;
    private PyDict? _dict;

    private PyMmap(PyType type) => _type = type;

    /// <summary>mmap_object_dealloc: unmapping when the object is collected (after a final
    /// msync of a writable map, as CPython does).</summary>
    ~PyMmap() => Release(sync: true);

    public override PyType Type => _type;

    public override PyDict? InstanceDict => ReferenceEquals(_type, TypeObject) ? null : _dict ??= new PyDict();

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint MapCall(nint addr, nuint length, int prot, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int Munmap(nint addr, nuint length);

    [LibraryImport("libc", EntryPoint = "msync", SetLastError = true)]
    private static partial int Msync(nint addr, nuint length, int flags);

    [LibraryImport("libc", EntryPoint = "mremap", SetLastError = true)]
    private static partial nint Mremap(nint addr, nuint oldLength, nuint newLength, int flags);

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint addr, nuint length, int advice);

    [LibraryImport("libc", EntryPoint = "ftruncate", SetLastError = true)]
    private static partial int Ftruncate(int fd, long length);

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseFd(int fd);

    [LibraryImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static partial int Fstat(int fd, byte* buf);

    private static bool IsIndex(PyObject o) => o is PyInt || o.Type.Slots.Index is not null;

    private static PyException Errno() => PosixModule.Error(Marshal.GetLastPInvokeError());

    /// <summary>fstat(2) on x86-64 Linux: st_mode at offset 24, st_size at offset 48.</summary>
    private static (int Mode, long Size) Stat(int fd)
    {
        var buf = stackalloc byte[144];
        if (Fstat(fd, buf) != 0)
        {
            throw Errno();
        }
        return (*(int*)(buf + 24), *(long*)(buf + 48));
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        // PyArg_ParseTupleAndKeywords without a function name: its messages say "function".
        if (args.Length > s_newNames.Length)
        {
            throw PyErr.TypeError($"function takes at most {s_newNames.Length} arguments ({args.Length} given)");
        }
        for (var k = 0; k < (kwnames?.Count ?? 0); k++)
        {
            if (kwnames![k] is PyStr kw && Array.IndexOf(s_newNames, kw.Value) < 0)
            {
                throw PyErr.TypeError($"'{kw.Value}' is an invalid keyword argument for this function");
            }
        }
        Span<PyObject?> values = new PyObject?[6];
        ArgParse.UnpackKeywords("mmap", args, kwnames, s_newNames, 0, 6, 0, values);
        for (var i = 0; i < 2; i++)
        {
            if (values[i] is null)
            {
                throw PyErr.TypeError($"function missing required argument '{s_newNames[i]}' (pos {i + 1})");
            }
        }
        var fd = ArgParse.ToInt(values[0]!);
        var length = ArgParse.ToLong(values[1]!);
        var flags = values[2] is { } f ? ArgParse.ToInt(f) : MapShared;
        var prot = values[3] is { } p ? ArgParse.ToInt(p) : ProtRead | ProtWrite;
        var access = values[4] is { } a ? ArgParse.ToInt(a) : AccessDefault;
        var offset = values[5] is { } o ? ArgParse.ToLong(o) : 0;
        if (length < 0)
        {
            throw PyErr.OverflowError("memory mapped length must be positive");
        }
        if (offset < 0)
        {
            throw PyErr.OverflowError("memory mapped offset must be positive");
        }
        if ((flags != MapShared || prot != (ProtRead | ProtWrite)) && access != AccessDefault)
        {
            throw PyErr.ValueError("mmap can't specify both access and flags, prot.");
        }
        switch (access)
        {
            case AccessRead:
                flags = MapShared;
                prot = ProtRead;
                break;
            case AccessWrite:
                flags = MapShared;
                prot = ProtRead | ProtWrite;
                break;
            case AccessCopy:
                flags = MapPrivate;
                prot = ProtRead | ProtWrite;
                break;
            case AccessDefault:
                // The access mode follows the protection when only prot is given.
                if ((prot & ProtRead) != 0 && (prot & ProtWrite) != 0)
                {
                }
                else if ((prot & ProtWrite) != 0)
                {
                    access = AccessWrite;
                }
                else
                {
                    access = AccessRead;
                }
                break;
            default:
                throw PyErr.ValueError("mmap invalid access parameter.");
        }
        var m = new PyMmap(type) { _access = access, _offset = offset };
        if (fd != -1)
        {
            var (mode, fileSize) = Stat(fd);
            if ((mode & SIfmt) == SIfreg)
            {
                if (length == 0)
                {
                    if (fileSize == 0)
                    {
                        throw PyErr.ValueError("cannot mmap an empty file");
                    }
                    if (offset >= fileSize)
                    {
                        throw PyErr.ValueError("mmap offset is greater than file size");
                    }
                    length = fileSize - offset;
                }
                else if (offset > fileSize || fileSize - offset < length)
                {
                    throw PyErr.ValueError("mmap length is greater than file size");
                }
            }
            m._fd = Dup(fd);
            if (m._fd < 0)
            {
                throw Errno();
            }
        }
        else
        {
            flags |= MapAnonymous;
        }
        var data = MapCall(0, (nuint)length, prot, flags, m._fd, offset);
        if (data == s_mapFailed)
        {
            var e = Errno();
            m.Release(sync: false);
            throw e;
        }
        m._data = data;
        m._size = length;
        return m;
    }

    private void Release(bool sync)
    {
        if (_fd >= 0)
        {
            CloseFd(_fd);
            _fd = -1;
        }
        if (_data != 0)
        {
            if (sync && _access != AccessRead && _access != AccessCopy)
            {
                Msync(_data, (nuint)_size, MsSync);
            }
            Munmap(_data, (nuint)_size);
            _data = 0;
        }
    }

    private void CheckValid()
    {
        if (_data == 0)
        {
            throw PyErr.ValueError("mmap closed or invalid");
        }
    }

    private void CheckWritable()
    {
        if (_access == AccessRead)
        {
            throw PyErr.TypeError("mmap can't modify a readonly memory map.");
        }
    }

    /// <summary>The mapped bytes [start, start + count), already checked to lie inside the map.</summary>
    private Span<byte> Range(long start, long count)
    {
        if (count > int.MaxValue)
        {
            throw new PyException((PyBaseException)Ops.Call(PyExc.MemoryError, [], null));
        }
        return new Span<byte>((byte*)_data + start, (int)count);
    }

    Span<byte> IBuffer.BufferSpan
    {
        get
        {
            CheckValid();
            return Range(0, _size);
        }
    }

    bool IBuffer.BufferReadOnly => _access == AccessRead;

    void IBuffer.BufferExport(int delta) => Interlocked.Add(ref _exports, delta);

    [PyMethod(Doc = null)]
    public void Close()
    {
        if (_exports > 0)
        {
            throw PyErr.New(PyExc.BufferError, "cannot close exported pointers exist");
        }
        Release(sync: false);
        GC.SuppressFinalize(this);
    }

    [PyGetter("closed")]
    public bool Closed() => _data == 0;

    [PyMethod("__enter__")]
    public PyObject Enter()
    {
        CheckValid();
        return this;
    }

    [PyMethod("__exit__")]
    public void Exit(PyObject? type = null, PyObject? value = null, PyObject? traceback = null) => Close();

    [PySlot("tp_repr")]
    public PyObject Repr()
    {
        if (_data == 0)
        {
            return new PyStr($"<{TypeName()} closed=True>");
        }
        var access = _access switch
        {
            AccessRead => "ACCESS_READ",
            AccessWrite => "ACCESS_WRITE",
            AccessCopy => "ACCESS_COPY",
            _ => "ACCESS_DEFAULT",
        };
        return new PyStr($"<{TypeName()} closed=False, access={access}, length={_size}, pos={_pos}, offset={_offset}>");
    }

    private string TypeName() => ReferenceEquals(_type, TypeObject) ? "mmap.mmap" : _type.Name;

    [PySlot("sq_length")]
    public long Length()
    {
        CheckValid();
        return _size;
    }

    [PySlot("tp_iter")]
    public PyObject Iter()
    {
        CheckValid();
        return new PyMmapIterator(this);
    }

    /// <summary>sq_item: one byte as a bytes object of length 1 (what iteration yields).</summary>
    internal PyObject? ItemAsBytes(long i)
    {
        CheckValid();
        return i < _size ? PyBytes.From(Range(i, 1)) : null;
    }

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        CheckValid();
        if (key is PySlice slice)
        {
            var n = slice.Adjust(_size, out var start, out _, out var step);
            if (n <= 0)
            {
                return PyBytes.From([]);
            }
            if (step == 1)
            {
                return PyBytes.From(Range(start, n));
            }
            var result = new byte[n];
            for (long i = 0, j = start; i < n; i++, j += step)
            {
                result[i] = ((byte*)_data)[j];
            }
            return PyBytes.From(result);
        }
        if (!IsIndex(key))
        {
            throw PyErr.TypeError("mmap indices must be integers");
        }
        var k = ArgParse.ToLong(key);
        if (k < 0)
        {
            k += _size;
        }
        if (k < 0 || k >= _size)
        {
            throw PyErr.IndexError("mmap index out of range");
        }
        return PyInt.From(((byte*)_data)[k]);
    }

    [PySlot("mp_ass_subscript")]
    public void SetItem(PyObject key, PyObject? value)
    {
        CheckValid();
        if (key is PySlice slice)
        {
            if (value is null)
            {
                throw PyErr.TypeError("mmap object doesn't support slice deletion");
            }
            CheckWritable();
            var data = BufferProtocol.Read(value).ToArray();
            var n = slice.Adjust(_size, out var start, out _, out var step);
            if (data.Length != n)
            {
                throw PyErr.IndexError("mmap slice assignment is wrong size");
            }
            if (n == 0)
            {
                return;
            }
            if (step == 1)
            {
                data.CopyTo(Range(start, n));
                return;
            }
            for (long i = 0, j = start; i < n; i++, j += step)
            {
                ((byte*)_data)[j] = data[i];
            }
            return;
        }
        if (!IsIndex(key))
        {
            throw PyErr.TypeError("mmap indices must be integers");
        }
        var k = ArgParse.ToLong(key);
        if (k < 0)
        {
            k += _size;
        }
        if (k < 0 || k >= _size)
        {
            throw PyErr.IndexError("mmap index out of range");
        }
        if (value is null)
        {
            throw PyErr.TypeError("mmap doesn't support item deletion");
        }
        CheckWritable();
        if (!IsIndex(value))
        {
            throw PyErr.TypeError("mmap item value must be an int");
        }
        var v = ArgParse.ToLong(value);
        if (v is < 0 or > 255)
        {
            throw PyErr.ValueError("mmap item value must be in range(0, 256)");
        }
        ((byte*)_data)[k] = (byte)v;
    }

    [PyMethod("read_byte")]
    public PyObject ReadByte()
    {
        CheckValid();
        if (_pos >= _size)
        {
            throw PyErr.ValueError("read byte out of range");
        }
        return PyInt.From(((byte*)_data)[_pos++]);
    }

    [PyMethod("readline")]
    public PyObject ReadLine()
    {
        CheckValid();
        var remaining = Range(_pos, Math.Max(0, _size - _pos));
        var eol = remaining.IndexOf((byte)'\n');
        var n = eol < 0 ? remaining.Length : eol + 1;
        var result = PyBytes.From(remaining[..n]);
        _pos += n;
        return result;
    }

    [PyMethod("read")]
    public PyObject Read(PyObject? n = null)
    {
        CheckValid();
        // The position may lie past the end after a shrinking resize.
        var remaining = Math.Max(0, _size - _pos);
        var count = remaining;
        if (n is not null && n is not PyNone)
        {
            if (!IsIndex(n))
            {
                throw PyErr.TypeError($"argument should be integer or None, not '{n.Type.Name}'");
            }
            var want = ArgParse.ToLong(n);
            if (want >= 0 && want < remaining)
            {
                count = want;
            }
        }
        var result = PyBytes.From(count == 0 ? [] : Range(_pos, count));
        _pos += count;
        return result;
    }

    /// <summary>find/rfind: start and end are clamped like slice bounds.</summary>
    private long Find(PyObject sub, PyObject? start, PyObject? end, bool reverse)
    {
        CheckValid();
        var needle = BufferProtocol.Read(sub);
        var s = start is null ? _pos : ArgParse.ToLong(start);
        var e = end is null ? _size : ArgParse.ToLong(end);
        s = Clamp(s);
        e = Clamp(e);
        if (e < s)
        {
            return -1;
        }
        var hay = Range(s, e - s);
        var i = reverse ? hay.LastIndexOf(needle) : hay.IndexOf(needle);
        if (needle.Length == 0)
        {
            i = reverse ? hay.Length : 0;
        }
        return i < 0 ? -1 : s + i;
    }

    private long Clamp(long i)
    {
        if (i < 0)
        {
            i += _size;
        }
        return i < 0 ? 0 : Math.Min(i, _size);
    }

    [PyMethod("find")]
    public long FindMethod(PyObject sub, PyObject? start = null, PyObject? end = null) => Find(sub, start, end, reverse: false);

    [PyMethod("rfind")]
    public long RFind(PyObject sub, PyObject? start = null, PyObject? end = null) => Find(sub, start, end, reverse: true);

    [PyMethod("write")]
    public long Write(PyObject data)
    {
        CheckValid();
        var bytes = BufferProtocol.Read(data);
        CheckWritable();
        if (_pos > _size || _size - _pos < bytes.Length)
        {
            throw PyErr.ValueError("data out of range");
        }
        bytes.CopyTo(Range(_pos, bytes.Length));
        _pos += bytes.Length;
        return bytes.Length;
    }

    [PyMethod("write_byte")]
    public void WriteByte(PyObject value)
    {
        CheckValid();
        var v = ArgParse.ToLong(value);
        if (v < 0)
        {
            throw PyErr.OverflowError("unsigned byte integer is less than minimum");
        }
        if (v > 255)
        {
            throw PyErr.OverflowError("unsigned byte integer is greater than maximum");
        }
        CheckWritable();
        if (_pos >= _size)
        {
            throw PyErr.ValueError("write byte out of range");
        }
        ((byte*)_data)[_pos++] = (byte)v;
    }

    [PyMethod("size")]
    public long Size()
    {
        CheckValid();
        return Stat(_fd).Size;
    }

    [PyMethod("tell")]
    public long Tell()
    {
        CheckValid();
        return _pos;
    }

    [PyMethod("seek")]
    public void Seek(long pos, int whence = 0)
    {
        CheckValid();
        long where;
        switch (whence)
        {
            case 0:
                where = pos;
                break;
            case 1:
                where = _pos + pos;
                break;
            case 2:
                where = _size + pos;
                break;
            default:
                throw PyErr.ValueError("unknown seek type");
        }
        if (where < 0 || where > _size)
        {
            throw PyErr.ValueError("seek out of range");
        }
        _pos = where;
    }

    [PyMethod("flush")]
    public void Flush(long offset = 0, PyObject? size = null)
    {
        CheckValid();
        var count = size is null ? _size : ArgParse.ToLong(size);
        if (count < 0 || offset < 0 || _size - offset < count)
        {
            throw PyErr.ValueError("flush values out of range");
        }
        if (_access == AccessRead || _access == AccessCopy)
        {
            return;
        }
        if (Msync(_data + (nint)offset, (nuint)count, MsSync) != 0)
        {
            throw Errno();
        }
    }

    [PyMethod("move")]
    public void Move(long dest, long src, long count)
    {
        CheckValid();
        CheckWritable();
        if (dest < 0 || src < 0 || count < 0 || _size - dest < count || _size - src < count)
        {
            throw PyErr.ValueError("source, destination, or count out of range");
        }
        Range(src, count).CopyTo(Range(dest, count));
    }

    [PyMethod("resize")]
    public void Resize(long newsize)
    {
        CheckValid();
        if (_access != AccessWrite && _access != AccessDefault)
        {
            throw PyErr.TypeError("mmap can't resize a readonly or copy-on-write memory map.");
        }
        if (_exports > 0)
        {
            throw PyErr.New(PyExc.BufferError, "mmap can't resize with extant buffers exported.");
        }
        if (newsize < 0 || long.MaxValue - newsize < _offset)
        {
            throw PyErr.ValueError("new size out of range");
        }
        if (_fd != -1 && Ftruncate(_fd, _offset + newsize) != 0)
        {
            throw Errno();
        }
        var moved = Mremap(_data, (nuint)_size, (nuint)newsize, MremapMaymove);
        if (moved == s_mapFailed)
        {
            throw Errno();
        }
        _data = moved;
        _size = newsize;
    }

    [PyMethod("madvise")]
    public void MadviseMethod(int option, long start = 0, PyObject? length = null)
    {
        CheckValid();
        if (start < 0 || start >= _size)
        {
            throw PyErr.ValueError("madvise start out of bounds");
        }
        var count = length is null ? _size - start : ArgParse.ToLong(length);
        if (count < 0)
        {
            throw PyErr.ValueError("madvise length invalid");
        }
        if (_size - start < count)
        {
            count = _size - start;
        }
        if (Madvise(_data + (nint)start, (nuint)count, option) != 0)
        {
            throw Errno();
        }
    }
}

/// <summary>The sequence iterator CPython gives an mmap (through sq_item): bytes of length 1.</summary>
[PyType("iterator", Module = "mmap")]
public sealed partial class PyMmapIterator(PyMmap map) : PyObject
{
    private PyMmap? _map = map;
    private long _index;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_map?.ItemAsBytes(_index++) is { } item)
        {
            return item;
        }
        _map = null;
        return null;
    }
}
