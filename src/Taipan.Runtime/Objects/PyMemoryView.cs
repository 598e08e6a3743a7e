// Objects/memoryobject.c
using System.Buffers.Binary;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

/// <summary>An object exposing its bytes through the buffer protocol (bytes, bytearray, ...).</summary>
public interface IBuffer
{
    /// <summary>The bytes; written through only when <see cref="BufferReadOnly"/> is false.</summary>
    Span<byte> BufferSpan { get; }

    bool BufferReadOnly { get; }

    /// <summary>Counts views on the data (+1 when one is taken, -1 when it is released), so a
    /// resizable object can refuse to change size while views exist.</summary>
    void BufferExport(int delta);

    /// <summary>The struct format of one item (array.array exports its typecode).</summary>
    string BufferFormat => "B";

    int BufferItemSize => 1;
}

/// <summary>The buffer protocol as C code uses it (PyObject_GetBuffer with PyBUF_SIMPLE or
/// PyBUF_WRITABLE): contiguous bytes of any bytes-like object.</summary>
public static class BufferProtocol
{
    /// <summary>The bytes of a bytes-like object, or false when it is not one.</summary>
    public static bool TryRead(PyObject o, out ReadOnlySpan<byte> data)
    {
        data = PyBytes.BufferOf(o, out var ok);
        return ok;
    }

    /// <summary>The bytes of an object that must be bytes-like.</summary>
    public static ReadOnlySpan<byte> Read(PyObject o) => PyBytes.Buffer(o);

    /// <summary>The writable bytes of a read-write bytes-like object (PyBUF_WRITABLE).</summary>
    public static Span<byte> Write(PyObject o)
    {
        switch (o)
        {
            case PyMemoryView mv:
                return mv.WritableSpan();
            case IBuffer b when !b.BufferReadOnly:
                return b.BufferSpan;
            case IBuffer:
                throw PyErr.TypeError($"argument must be read-write bytes-like object, not {o.Type.Name}");
            default:
                throw PyErr.TypeError($"argument must be read-write bytes-like object, not {o.Type.Name}");
        }
    }
}

/// <summary><c>memoryview</c>: a typed, possibly strided and multi-dimensional view of another
/// object's bytes, without copying them.</summary>
[PyType("memoryview", Flags = TypeFlags.Weakrefable, Doc = "Create a new memoryview object which references the given object.")]
public sealed partial class PyMemoryView : PyObject
{
    /// <summary>The exporter shared by a view and the views made from it (CPython's managed
    /// buffer): the exporter's data stays pinned until all of them are released.</summary>
    private sealed class Managed
    {
        public readonly PyObject Obj;
        public readonly IBuffer Source;
        private int _views;

        public Managed(PyObject obj, IBuffer source)
        {
            Obj = obj;
            Source = source;
            source.BufferExport(1);
        }

        public void AddView() => Interlocked.Increment(ref _views);

        public void ReleaseView()
        {
            if (Interlocked.Decrement(ref _views) == 0)
            {
                Source.BufferExport(-1);
            }
        }
    }

    private readonly Managed _mbuf;
    private readonly int _offset;
    private readonly string _format;
    private readonly char _code;
    private readonly int _itemsize;
    private readonly int[] _shape;
    private readonly int[] _strides;
    private readonly bool _readonly;
    private int _released;
    private long _hash = -1;

    private PyMemoryView(Managed mbuf, int offset, string format, int itemsize, int[] shape, int[] strides, bool readOnly)
    {
        _mbuf = mbuf;
        _offset = offset;
        _format = format;
        _code = format[^1];
        _itemsize = itemsize;
        _shape = shape;
        _strides = strides;
        _readonly = readOnly;
        mbuf.AddView();
        // Only resizable exporters care when a view goes away unreleased.
        if (mbuf.Source is PyBytes)
        {
            GC.SuppressFinalize(this);
        }
    }

    ~PyMemoryView()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _mbuf.ReleaseView();
        }
    }

    /// <summary>A view of the whole of a bytes-like object (PyMemoryView_FromObject).</summary>
    public static PyMemoryView FromObject(PyObject o)
    {
        switch (o)
        {
            case PyMemoryView mv:
                mv.CheckReleased();
                return mv.With(mv._offset, mv._shape, mv._strides, mv._readonly);
            case IBuffer b:
                var n = b.BufferSpan.Length;
                var size = b.BufferItemSize;
                return new PyMemoryView(new Managed(o, b), 0, b.BufferFormat, size, [n / size], [size], b.BufferReadOnly);
            default:
                throw PyErr.TypeError($"memoryview: a bytes-like object is required, not '{o.Type.Name}'");
        }
    }

    private PyMemoryView With(int offset, int[] shape, int[] strides, bool readOnly) =>
        new(_mbuf, offset, _format, _itemsize, shape, strides, readOnly);

    private static readonly string[] s_newNames = ["object"];

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[1];
        Python.ArgParse.UnpackKeywords("memoryview", args, kwnames, s_newNames, 1, 1, 1, buffer);
        return FromObject(buffer[0]!);
    }

    private void CheckReleased()
    {
        if (Volatile.Read(ref _released) != 0)
        {
            throw PyErr.ValueError("operation forbidden on released memoryview object");
        }
    }

    private Span<byte> Source => _mbuf.Source.BufferSpan;

    private int ItemCount
    {
        get
        {
            var n = 1;
            foreach (var d in _shape)
            {
                n *= d;
            }
            return n;
        }
    }

    private bool IsCContiguous
    {
        get
        {
            var expected = _itemsize;
            for (var d = _shape.Length - 1; d >= 0; d--)
            {
                if (_shape[d] == 0)
                {
                    return true;
                }
                if (_shape[d] > 1 && _strides[d] != expected)
                {
                    return false;
                }
                expected *= _shape[d];
            }
            return true;
        }
    }

    private bool IsFContiguous
    {
        get
        {
            var expected = _itemsize;
            for (var d = 0; d < _shape.Length; d++)
            {
                if (_shape[d] == 0)
                {
                    return true;
                }
                if (_shape[d] > 1 && _strides[d] != expected)
                {
                    return false;
                }
                expected *= _shape[d];
            }
            return true;
        }
    }

    /// <summary>The bytes in logical (C) order; the data itself when the view is contiguous.</summary>
    internal ReadOnlySpan<byte> ContiguousBytes()
    {
        CheckReleased();
        return IsCContiguous ? Source.Slice(_offset, ItemCount * _itemsize) : ToBytes();
    }

    internal Span<byte> WritableSpan()
    {
        CheckReleased();
        if (_readonly)
        {
            throw PyErr.TypeError("argument must be read-write bytes-like object, not memoryview");
        }
        if (!IsCContiguous)
        {
            throw PyErr.New(PyExc.BufferError, "memoryview: underlying buffer is not C-contiguous");
        }
        return Source.Slice(_offset, ItemCount * _itemsize);
    }

    /// <summary>A copy of the bytes in C order.</summary>
    internal byte[] ToBytes()
    {
        CheckReleased();
        var result = new byte[ItemCount * _itemsize];
        var pos = 0;
        CopyOut(Source, 0, _offset, result, ref pos);
        return result;
    }

    private void CopyOut(ReadOnlySpan<byte> src, int dim, int offset, byte[] dest, ref int pos)
    {
        if (dim == _shape.Length)
        {
            src.Slice(offset, _itemsize).CopyTo(dest.AsSpan(pos));
            pos += _itemsize;
            return;
        }
        for (var i = 0; i < _shape[dim]; i++)
        {
            CopyOut(src, dim + 1, offset + i * _strides[dim], dest, ref pos);
        }
    }

    // ---- Items ----

    /// <summary>The size of a native single-character format, or 0 (get_native_fmtchar).</summary>
    private static int NativeSize(string format)
    {
        var f = format.Length == 2 && format[0] == '@' ? format[1..] : format;
        if (f.Length != 1)
        {
            return 0;
        }
        return f[0] switch
        {
            'c' or 'b' or 'B' or '?' => 1,
            'h' or 'H' => 2,
            'i' or 'I' or 'f' => 4,
            'l' or 'L' or 'q' or 'Q' or 'n' or 'N' or 'd' or 'P' => 8,
            _ => 0,
        };
    }

    private static PyObject Unpack(char code, ReadOnlySpan<byte> p) => code switch
    {
        'B' => PyInt.From(p[0]),
        'b' => PyInt.From((sbyte)p[0]),
        'c' => new PyBytes([p[0]]),
        '?' => PyBool.From(p[0] != 0),
        'h' => PyInt.From(BinaryPrimitives.ReadInt16LittleEndian(p)),
        'H' => PyInt.From(BinaryPrimitives.ReadUInt16LittleEndian(p)),
        'i' => PyInt.From(BinaryPrimitives.ReadInt32LittleEndian(p)),
        'I' => PyInt.From(BinaryPrimitives.ReadUInt32LittleEndian(p)),
        'l' or 'q' or 'n' => PyInt.From(BinaryPrimitives.ReadInt64LittleEndian(p)),
        'L' or 'Q' or 'N' or 'P' => PyInt.From((System.Numerics.BigInteger)BinaryPrimitives.ReadUInt64LittleEndian(p)),
        'f' => new PyFloat(BinaryPrimitives.ReadSingleLittleEndian(p)),
        'd' => new PyFloat(BinaryPrimitives.ReadDoubleLittleEndian(p)),
        _ => throw PyErr.New(PyExc.NotImplementedError, $"memoryview: format {code} not supported"),
    };

    /// <summary>pack_single: stores a Python value as one item.</summary>
    private void Pack(Span<byte> p, PyObject value)
    {
        PyException Type() => PyErr.TypeError($"memoryview: invalid type for format '{_format}'");
        PyException Value() => PyErr.ValueError($"memoryview: invalid value for format '{_format}'");
        switch (_code)
        {
            case 'c':
                if (value is not PyBytes b)
                {
                    throw Type();
                }
                if (b.Data.Length != 1)
                {
                    throw Value();
                }
                p[0] = b.Data[0];
                return;
            case '?':
                p[0] = Ops.IsTrue(value) ? (byte)1 : (byte)0;
                return;
            case 'f' or 'd':
                double d;
                try
                {
                    d = Number.AsDouble(value);
                }
                catch (PyException e) when (e.Value.Type == PyExc.TypeError)
                {
                    throw Type();
                }
                if (_code == 'f')
                {
                    BinaryPrimitives.WriteSingleLittleEndian(p, (float)d);
                }
                else
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(p, d);
                }
                return;
        }
        if (value is not PyInt && value.Type.Slots.Index is null)
        {
            throw Type();
        }
        var v = Ops.Index(value).Value;
        var (min, max) = _code switch
        {
            'B' => (0, byte.MaxValue),
            'b' => (sbyte.MinValue, sbyte.MaxValue),
            'h' => (short.MinValue, short.MaxValue),
            'H' => (0, ushort.MaxValue),
            'i' => (int.MinValue, int.MaxValue),
            'I' => (0, uint.MaxValue),
            'l' or 'q' or 'n' => (long.MinValue, long.MaxValue),
            _ => ((System.Numerics.BigInteger)0, (System.Numerics.BigInteger)ulong.MaxValue),
        };
        if (v < min || v > max)
        {
            throw Value();
        }
        var bits = (ulong)(v & ulong.MaxValue);
        for (var i = 0; i < _itemsize; i++)
        {
            p[i] = (byte)(bits >> (8 * i));
        }
    }

    private int Dimension0Index(PyObject key, int dim)
    {
        var i = Ops.Index(key);
        var n = i.IsSmall ? i.Small : long.MaxValue;
        if (n < 0)
        {
            n += _shape[dim];
        }
        if (n < 0 || n >= _shape[dim])
        {
            throw PyErr.IndexError($"index out of bounds on dimension {dim + 1}");
        }
        return (int)n;
    }

    private static bool IsIndex(PyObject o) => o is PyInt || o.Type.Slots.Index is not null;

    /// <summary>The byte offset of the item a tuple of indices names, or -1 when the key is
    /// not a tuple of indices.</summary>
    private int TupleOffset(PyTuple t)
    {
        var items = t.Items;
        foreach (var x in items)
        {
            if (x is PySlice)
            {
                throw PyErr.New(PyExc.NotImplementedError, "multi-dimensional slicing is not implemented");
            }
            if (!IsIndex(x))
            {
                throw PyErr.TypeError("memoryview: invalid slice key");
            }
        }
        if (items.Length != _shape.Length)
        {
            if (_shape.Length == 0 || items.Length > _shape.Length)
            {
                throw PyErr.TypeError($"cannot index {_shape.Length}-dimension view with {items.Length}-element tuple");
            }
            throw PyErr.New(PyExc.NotImplementedError, "sub-views are not implemented");
        }
        var offset = _offset;
        for (var d = 0; d < items.Length; d++)
        {
            offset += Dimension0Index(items[d], d) * _strides[d];
        }
        return offset;
    }

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        CheckReleased();
        if (_shape.Length == 0)
        {
            if (key is PyTuple { Count: 0 })
            {
                return Unpack(_code, Source[_offset..]);
            }
            if (key is PyEllipsis)
            {
                return this;
            }
            throw PyErr.TypeError("invalid indexing of 0-dim memory");
        }
        if (IsIndex(key))
        {
            if (_shape.Length > 1)
            {
                throw PyErr.New(PyExc.NotImplementedError, "multi-dimensional sub-views are not implemented");
            }
            return Unpack(_code, Source[(_offset + Dimension0Index(key, 0) * _strides[0])..]);
        }
        if (key is PySlice slice)
        {
            var n = slice.Adjust(_shape[0], out var start, out _, out var step);
            var shape = (int[])_shape.Clone();
            var strides = (int[])_strides.Clone();
            shape[0] = (int)n;
            strides[0] = (int)(_strides[0] * step);
            return With(_offset + (int)start * _strides[0], shape, strides, _readonly);
        }
        if (key is PyEllipsis)
        {
            return this;
        }
        if (key is PyTuple t)
        {
            return Unpack(_code, Source[TupleOffset(t)..]);
        }
        throw PyErr.TypeError("memoryview: invalid slice key");
    }

    [PySlot("mp_ass_subscript")]
    public void SetItem(PyObject key, PyObject? value)
    {
        CheckReleased();
        if (_readonly)
        {
            throw PyErr.TypeError("cannot modify read-only memory");
        }
        if (value is null)
        {
            throw PyErr.TypeError("cannot delete memory");
        }
        if (_shape.Length == 0)
        {
            if (key is PyEllipsis || key is PyTuple { Count: 0 })
            {
                Pack(Source.Slice(_offset, _itemsize), value);
                return;
            }
            throw PyErr.TypeError("invalid indexing of 0-dim memory");
        }
        if (IsIndex(key))
        {
            if (_shape.Length > 1)
            {
                throw PyErr.New(PyExc.NotImplementedError, "sub-views are not implemented");
            }
            var at = _offset + Dimension0Index(key, 0) * _strides[0];
            Pack(Source.Slice(at, _itemsize), value);
            return;
        }
        if (key is PySlice slice && _shape.Length == 1)
        {
            if (value is not (PyMemoryView or IBuffer))
            {
                throw PyErr.TypeError($"a bytes-like object is required, not '{value.Type.Name}'");
            }
            var dest = (PyMemoryView)GetItem(key);
            var src = FromObject(value);
            try
            {
                if (src._shape.Length != 1 || src._shape[0] != dest._shape[0] || !SameFormat(src, dest))
                {
                    throw PyErr.ValueError("memoryview assignment: lvalue and rvalue have different structures");
                }
                // Copy through a temporary: source and destination may overlap.
                var bytes = src.ToBytes();
                var target = Source;
                for (var i = 0; i < dest._shape[0]; i++)
                {
                    bytes.AsSpan(i * _itemsize, _itemsize).CopyTo(target[(dest._offset + i * dest._strides[0])..]);
                }
            }
            finally
            {
                src.Release();
                dest.Release();
            }
            return;
        }
        if (key is PySlice)
        {
            throw PyErr.New(PyExc.NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
        }
        if (key is PyTuple t)
        {
            Pack(Source.Slice(TupleOffset(t), _itemsize), value);
            return;
        }
        throw PyErr.TypeError("memoryview: invalid slice key");
    }

    private static bool SameFormat(PyMemoryView a, PyMemoryView b) =>
        a._itemsize == b._itemsize && a._code == b._code;

    [PySlot("sq_length")]
    public long Length()
    {
        CheckReleased();
        return _shape.Length == 0 ? 1 : _shape[0];
    }

    [PySlot("tp_iter")]
    public PyObject Iter()
    {
        CheckReleased();
        if (_shape.Length == 0)
        {
            throw PyErr.TypeError("invalid indexing of 0-dim memory");
        }
        if (_shape.Length > 1)
        {
            throw PyErr.New(PyExc.NotImplementedError, "multi-dimensional sub-views are not implemented");
        }
        return new PySequenceIterator(this);
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => new(Volatile.Read(ref _released) != 0
        ? $"<released memory at 0x{Python.Builtins.Id(this):x}>"
        : $"<memory at 0x{Python.Builtins.Id(this):x}>");

    [PySlot("tp_hash")]
    public long Hash()
    {
        if (_hash != -1)
        {
            return _hash;
        }
        CheckReleased();
        if (!_readonly)
        {
            throw PyErr.ValueError("cannot hash writable memoryview object");
        }
        if (_code is not ('B' or 'b' or 'c'))
        {
            throw PyErr.ValueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        }
        return _hash = Python.PyHash.Bytes(ToBytes());
    }

    /// <summary>Equality compares shapes and the unpacked items, whatever the formats.</summary>
    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (op is not (CompareOp.Eq or CompareOp.Ne))
        {
            return PyNotImplemented.Value;
        }
        bool equal;
        if (ReferenceEquals(left, right))
        {
            equal = true;
        }
        else if ((left is PyMemoryView { _released: not 0 }) || (right is PyMemoryView { _released: not 0 }))
        {
            equal = false;
        }
        else if ((left is not PyMemoryView && left is not IBuffer) || (right is not PyMemoryView && right is not IBuffer))
        {
            return PyNotImplemented.Value;
        }
        else
        {
            var a = FromObject(left);
            var b = FromObject(right);
            try
            {
                equal = a.ItemsEqual(b);
            }
            finally
            {
                a.Release();
                b.Release();
            }
        }
        return PyBool.From(equal == (op == CompareOp.Eq));
    }

    private bool ItemsEqual(PyMemoryView other)
    {
        if (_shape.Length != other._shape.Length || !_shape.AsSpan().SequenceEqual(other._shape))
        {
            return false;
        }
        var x = ToBytes();
        var y = other.ToBytes();
        if (_code == other._code && _itemsize == other._itemsize && _code is not ('f' or 'd'))
        {
            return x.AsSpan().SequenceEqual(y);
        }
        var n = ItemCount;
        for (var i = 0; i < n; i++)
        {
            var u = Unpack(_code, x.AsSpan(i * _itemsize));
            var v = Unpack(other._code, y.AsSpan(i * other._itemsize));
            if (!Ops.RichCompareBool(u, v, CompareOp.Eq))
            {
                return false;
            }
        }
        return true;
    }

    // ---- Methods ----

    [PyMethod(Doc = "Release the underlying buffer exposed by the memoryview object.")]
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _mbuf.ReleaseView();
            GC.SuppressFinalize(this);
        }
    }

    [PyMethod("__enter__")]
    public PyObject Enter()
    {
        CheckReleased();
        return this;
    }

    [PyMethod("__exit__")]
    public PyObject Exit(PyObject? excType = null, PyObject? excValue = null, PyObject? traceback = null)
    {
        Release();
        return PyNone.Value;
    }

    private static readonly string[] s_orderNames = ["order"];

    [PyMethod("tobytes", Keywords = true, Doc = "Return the data in the buffer as a byte string.")]
    public PyBytes ToBytesMethod(PyObject? order = null)
    {
        CheckReleased();
        if (order is not null and not PyNone && (order is not PyStr s || s.Value is not ("C" or "F" or "A")))
        {
            throw order is PyStr ? PyErr.ValueError("order must be 'C', 'F' or 'A'")
                : PyErr.TypeError($"tobytes() argument 'order' must be str or None, not {order.Type.Name}");
        }
        return new PyBytes(ToBytes());
    }

    [PyMethod(Doc = "Return the data in the buffer as a list of elements.")]
    public PyObject ToList()
    {
        CheckReleased();
        var data = ToBytes();
        var pos = 0;
        return _shape.Length == 0 ? Unpack(_code, data) : ListOf(data, 0, ref pos);
    }

    private PyList ListOf(byte[] data, int dim, ref int pos)
    {
        var list = new PyList();
        for (var i = 0; i < _shape[dim]; i++)
        {
            if (dim == _shape.Length - 1)
            {
                list.Append(Unpack(_code, data.AsSpan(pos)));
                pos += _itemsize;
            }
            else
            {
                list.Append(ListOf(data, dim + 1, ref pos));
            }
        }
        return list;
    }

    [PyMethod(Keywords = true, Doc = "Return the data in the buffer as a str of hexadecimal numbers.")]
    public PyStr Hex(PyObject? sep = null, PyObject? bytes_per_sep = null)
    {
        CheckReleased();
        return BytesMethods.Hex(ToBytes(), sep, bytes_per_sep);
    }

    [PyMethod(Doc = "Return a readonly version of the memoryview.")]
    public PyObject ToReadOnly()
    {
        CheckReleased();
        return With(_offset, _shape, _strides, true);
    }

    [PyMethod(Keywords = true, Doc = "Cast a memoryview to a new format or shape.")]
    public PyObject Cast(PyObject format, PyObject? shape = null)
    {
        CheckReleased();
        if (format is not PyStr fs)
        {
            throw PyErr.TypeError($"cast() argument 'format' must be str, not {format.Type.Name}");
        }
        if (!IsCContiguous)
        {
            throw PyErr.TypeError("memoryview: casts are restricted to C-contiguous views");
        }
        PyObject[]? dims = null;
        if (shape is not null)
        {
            dims = shape switch
            {
                PyList l => [.. l.Items],
                PyTuple t => t.Items.ToArray(),
                _ => throw PyErr.TypeError("shape must be a list or a tuple"),
            };
        }
        if ((dims is not null || _shape.Length != 1) && ItemCount == 0)
        {
            throw PyErr.TypeError("memoryview: cannot cast view with zeros in shape or strides");
        }
        if (dims is not null)
        {
            if (dims.Length > 64)
            {
                throw PyErr.ValueError("memoryview: number of dimensions must not exceed 64");
            }
            if (_shape.Length != 1 && dims.Length != 1)
            {
                throw PyErr.TypeError("memoryview: cast must be 1D -> ND or ND -> 1D");
            }
        }
        var size = NativeSize(fs.Value);
        if (size == 0)
        {
            throw PyErr.ValueError("memoryview: destination format must be a native single character format prefixed with an optional '@'");
        }
        var code = fs.Value[^1];
        if (code is not ('B' or 'b' or 'c') && _code is not ('B' or 'b' or 'c'))
        {
            throw PyErr.TypeError("memoryview: cannot cast between two non-byte formats");
        }
        var nbytes = ItemCount * _itemsize;
        if (nbytes % size != 0)
        {
            throw PyErr.TypeError("memoryview: length is not a multiple of itemsize");
        }
        int[] newShape = [nbytes / size];
        int[] newStrides = [size];
        if (dims is not null)
        {
            newShape = new int[dims.Length];
            long product = 1;
            for (var i = 0; i < dims.Length; i++)
            {
                if (dims[i] is not PyInt d)
                {
                    throw PyErr.TypeError("memoryview.cast(): elements of shape must be integers");
                }
                if (!d.IsSmall || d.Small <= 0)
                {
                    throw PyErr.ValueError("memoryview.cast(): elements of shape must be integers > 0");
                }
                product *= d.Small;
                if (product > int.MaxValue)
                {
                    throw PyErr.ValueError("memoryview.cast(): product(shape) > SSIZE_MAX");
                }
                newShape[i] = (int)d.Small;
            }
            if (product * size != nbytes)
            {
                throw PyErr.TypeError("memoryview: product(shape) * itemsize != buffer size");
            }
            newStrides = new int[dims.Length];
            var stride = size;
            for (var i = dims.Length - 1; i >= 0; i--)
            {
                newStrides[i] = stride;
                stride *= newShape[i];
            }
        }
        return new PyMemoryView(_mbuf, _offset, fs.Value, size, newShape, newStrides, _readonly);
    }

    // ---- Attributes ----

    [PyGetter("obj")]
    public PyObject Obj()
    {
        CheckReleased();
        return _mbuf.Obj;
    }

    [PyGetter("nbytes")]
    public long NBytes()
    {
        CheckReleased();
        return (long)ItemCount * _itemsize;
    }

    [PyGetter("readonly")]
    public bool ReadOnly()
    {
        CheckReleased();
        return _readonly;
    }

    [PyGetter("itemsize")]
    public long ItemSize()
    {
        CheckReleased();
        return _itemsize;
    }

    [PyGetter("format")]
    public PyStr Format()
    {
        CheckReleased();
        return new PyStr(_format);
    }

    [PyGetter("ndim")]
    public long NDim()
    {
        CheckReleased();
        return _shape.Length;
    }

    private static PyTuple IntTuple(int[] values)
    {
        var items = new PyObject[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            items[i] = PyInt.From(values[i]);
        }
        return PyTuple.Create(items);
    }

    [PyGetter("shape")]
    public PyTuple Shape()
    {
        CheckReleased();
        return IntTuple(_shape);
    }

    [PyGetter("strides")]
    public PyTuple Strides()
    {
        CheckReleased();
        return IntTuple(_strides);
    }

    [PyGetter("suboffsets")]
    public PyTuple SubOffsets()
    {
        CheckReleased();
        return PyTuple.Empty;
    }

    [PyGetter("c_contiguous")]
    public bool CContiguous()
    {
        CheckReleased();
        return IsCContiguous;
    }

    [PyGetter("f_contiguous")]
    public bool FContiguous()
    {
        CheckReleased();
        return IsFContiguous;
    }

    [PyGetter("contiguous")]
    public bool Contiguous()
    {
        CheckReleased();
        return IsCContiguous || IsFContiguous;
    }
}
