// Modules/arraymodule.c
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Taipan.Bytecode;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Arrays;

/// <summary><c>array</c>: compact arrays of C numbers and characters.</summary>
[PyModule("array", Doc = "This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating point\nnumbers.  Arrays are sequence types and behave very much like lists,\nexcept that the type of objects stored in them is constrained.\n")]
public static partial class ArrayModule
{
    internal const string TypeCodes = "bBuhHiIlLqQfd";

    internal static PyObject? Reconstructor;

    /// <summary>Machine format codes of the pickle format (enum machine_format_code).</summary>
    internal enum MachineFormat
    {
        UInt8 = 0, Int8 = 1, UInt16Le = 2, UInt16Be = 3, Int16Le = 4, Int16Be = 5,
        UInt32Le = 6, UInt32Be = 7, Int32Le = 8, Int32Be = 9, UInt64Le = 10, UInt64Be = 11,
        Int64Le = 12, Int64Be = 13, FloatLe = 14, FloatBe = 15, DoubleLe = 16, DoubleBe = 17,
        Utf16Le = 18, Utf16Be = 19, Utf32Le = 20, Utf32Be = 21,
    }

    /// <summary>The machine format of a typecode on this (little-endian, LP64) machine.</summary>
    internal static MachineFormat NativeFormat(char code) => code switch
    {
        'b' => MachineFormat.Int8,
        'B' => MachineFormat.UInt8,
        'u' => MachineFormat.Utf32Le,
        'h' => MachineFormat.Int16Le,
        'H' => MachineFormat.UInt16Le,
        'i' => MachineFormat.Int32Le,
        'I' => MachineFormat.UInt32Le,
        'l' or 'q' => MachineFormat.Int64Le,
        'L' or 'Q' => MachineFormat.UInt64Le,
        'f' => MachineFormat.FloatLe,
        _ => MachineFormat.DoubleLe,
    };

    // The UTF entries are 4 and 8, as CPython's table has them (its length check uses these).
    private static readonly int[] s_formatSizes = [1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8, 4, 4, 8, 8, 4, 4, 8, 8];

    [PyMethod("_array_reconstructor", Doc = "Internal. Used for pickling support.")]
    public static PyObject ArrayReconstructor(PyObject arraytype, PyObject typecode, PyObject mformat_code, PyObject items)
    {
        if (arraytype is not PyType type)
        {
            throw PyErr.TypeError($"first argument must be a type object, not {arraytype.Type.Name}");
        }
        if (!type.IsSubtypeOf(PyArray.TypeObject))
        {
            throw PyErr.TypeError($"{type.Name} is not a subtype of array.array");
        }
        if (typecode is not PyStr tc)
        {
            throw PyErr.TypeError($"_array_reconstructor() argument 2 must be a unicode character, not {typecode.Type.Name}");
        }
        if (tc.Value.Length != 1)
        {
            throw PyErr.TypeError($"_array_reconstructor() argument 2 must be a unicode character, not a string of length {PyStr.CountCodePoints(tc.Value)}");
        }
        var code = tc.Value[0];
        if (!TypeCodes.Contains(code))
        {
            throw PyErr.ValueError("second argument must be a valid type code");
        }
        var mf = ArgParseInt(mformat_code);
        if (mf is < 0 or > 21)
        {
            throw PyErr.ValueError("third argument must be a valid machine format code.");
        }
        if (items is not PyBytes bytes)
        {
            throw PyErr.TypeError($"fourth argument should be bytes, not {items.Type.Name}");
        }
        var format = (MachineFormat)mf;
        var data = bytes.Data;
        if (format == NativeFormat(code))
        {
            var same = PyArray.Create(type, code);
            same.FromBytes(bytes);
            return same;
        }
        var size = s_formatSizes[mf];
        if (data.Length % size != 0)
        {
            throw PyErr.ValueError("string length not a multiple of item size");
        }
        if (format is MachineFormat.Utf16Le or MachineFormat.Utf16Be or MachineFormat.Utf32Le or MachineFormat.Utf32Be)
        {
            if (code != 'u')
            {
                throw PyErr.TypeError($"cannot use a str to initialize an array with typecode '{code}'");
            }
            var enc = format switch
            {
                MachineFormat.Utf16Le => (Encoding)new UnicodeEncoding(false, false, true),
                MachineFormat.Utf16Be => new UnicodeEncoding(true, false, true),
                MachineFormat.Utf32Le => new UTF32Encoding(false, false, true),
                _ => new UTF32Encoding(true, false, true),
            };
            string text;
            try
            {
                text = enc.GetString(data);
            }
            catch (DecoderFallbackException)
            {
                throw PyErr.ValueError("invalid data for the machine format");
            }
            var unicode = PyArray.Create(type, code);
            unicode.FromUnicode(new PyStr(text));
            return unicode;
        }
        if (format < MachineFormat.FloatLe)
        {
            // Integers keep their size and signedness: the last typecode that has them.
            var signed = format == MachineFormat.Int8 || (format > MachineFormat.UInt8 && ((int)format - 2) % 4 >= 2);
            foreach (var c in TypeCodes)
            {
                if (c != 'u' && c != 'f' && c != 'd' && PyArray.ItemSize(c) == size && char.IsLower(c) == signed)
                {
                    code = c;
                }
            }
        }
        var result = PyArray.Create(type, code);
        var values = new PyObject[data.Length / size];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = DecodeItem(format, data.Slice(i * size, size));
        }
        result.FromList(new PyList(values));
        return result;
    }

    private static int ArgParseInt(PyObject o)
    {
        var i = Ops.Index(o);
        return i.IsSmall && i.Small is >= int.MinValue and <= int.MaxValue
            ? (int)i.Small
            : throw PyErr.OverflowError("Python int too large to convert to C int");
    }

    private static PyObject DecodeItem(MachineFormat f, ReadOnlySpan<byte> b) => f switch
    {
        MachineFormat.UInt8 => PyInt.From(b[0]),
        MachineFormat.Int8 => PyInt.From((sbyte)b[0]),
        MachineFormat.UInt16Le => PyInt.From(BinaryPrimitives.ReadUInt16LittleEndian(b)),
        MachineFormat.UInt16Be => PyInt.From(BinaryPrimitives.ReadUInt16BigEndian(b)),
        MachineFormat.Int16Le => PyInt.From(BinaryPrimitives.ReadInt16LittleEndian(b)),
        MachineFormat.Int16Be => PyInt.From(BinaryPrimitives.ReadInt16BigEndian(b)),
        MachineFormat.UInt32Le => PyInt.From(BinaryPrimitives.ReadUInt32LittleEndian(b)),
        MachineFormat.UInt32Be => PyInt.From(BinaryPrimitives.ReadUInt32BigEndian(b)),
        MachineFormat.Int32Le => PyInt.From(BinaryPrimitives.ReadInt32LittleEndian(b)),
        MachineFormat.Int32Be => PyInt.From(BinaryPrimitives.ReadInt32BigEndian(b)),
        MachineFormat.UInt64Le => PyInt.From(new BigInteger(BinaryPrimitives.ReadUInt64LittleEndian(b))),
        MachineFormat.UInt64Be => PyInt.From(new BigInteger(BinaryPrimitives.ReadUInt64BigEndian(b))),
        MachineFormat.Int64Le => PyInt.From(BinaryPrimitives.ReadInt64LittleEndian(b)),
        MachineFormat.Int64Be => PyInt.From(BinaryPrimitives.ReadInt64BigEndian(b)),
        MachineFormat.FloatLe => new PyFloat(BinaryPrimitives.ReadSingleLittleEndian(b)),
        MachineFormat.FloatBe => new PyFloat(BinaryPrimitives.ReadSingleBigEndian(b)),
        MachineFormat.DoubleLe => new PyFloat(BinaryPrimitives.ReadDoubleLittleEndian(b)),
        _ => new PyFloat(BinaryPrimitives.ReadDoubleBigEndian(b)),
    };

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("array", PyArray.TypeObject);
        module.AddBuiltin("ArrayType", PyArray.TypeObject);
        module.AddBuiltin("typecodes", new PyStr(TypeCodes));
        Reconstructor = module.Dict[PyStr.Intern("_array_reconstructor")];
    }
}

/// <summary><c>array.array</c>: items stored as raw C values in native byte order, exposed
/// through the buffer protocol with the typecode as the format.</summary>
[PyType("array.array", Module = "array", FromSpec = true, Subclassable = true, InstanceType = true, Unhashable = true, Generic = true, Flags = TypeFlags.Weakrefable,
    Doc = "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\ninitialized from the optional initializer value, which must be a list,\na bytes-like object, or iterable over elements of the appropriate type.\n\nArrays represent basic values and behave very much like lists, except\nthe type of objects stored in them is constrained. The type is specified\nat object creation time by using a type code, which is a single character.\nThe following type codes are defined:\n\n    Type code   C Type             Minimum size in bytes\n    'b'         signed integer     1\n    'B'         unsigned integer   1\n    'u'         Unicode character  2 (see note)\n    'h'         signed integer     2\n    'H'         unsigned integer   2\n    'i'         signed integer     2\n    'I'         unsigned integer   2\n    'l'         signed integer     4\n    'L'         unsigned integer   4\n    'q'         signed integer     8 (see note)\n    'Q'         unsigned integer   8 (see note)\n    'f'         floating point     4\n    'd'         floating point     8\n\nNOTE: The 'u' typecode corresponds to Python's unicode character. On\nnarrow builds this is 2-bytes on wide builds this is 4-bytes.\n\nNOTE: The 'q' and 'Q' type codes are only available if the platform\nC compiler used to build Python supports 'long long', or, on Windows,\n'__int64'.\n\nMethods:\n\nappend() -- append a new item to the end of the array\nbuffer_info() -- return information giving the current memory info\nbyteswap() -- byteswap all the items of the array\ncount() -- return number of occurrences of an object\nextend() -- extend array by appending multiple elements from an iterable\nfromfile() -- read items from a file object\nfromlist() -- append items from the list\nfrombytes() -- append items from the string\nindex() -- return index of first occurrence of an object\ninsert() -- insert a new item into the array at a provided position\npop() -- remove and return item (default last)\nremove() -- remove first occurrence of an object\nreverse() -- reverse the order of the items in the array\ntofile() -- write all items to a file object\ntolist() -- return the array converted to an ordinary list\ntobytes() -- return the array converted to a string\n\nAttributes:\n\ntypecode -- the typecode character used to create the array\nitemsize -- the length in bytes of one array item\n")]
public sealed partial class PyArray : PySubclassableObject, IBuffer
{
    private char _code;
    private int _itemsize;
    private byte[] _data = [];
    private int _length;
    private int _exports;

    private PyArray(PyType type) : base(type)
    {
    }

    internal static PyArray Create(PyType type, char code, int length = 0)
    {
        var a = new PyArray(type) { _code = code, _itemsize = ItemSize(code) };
        if (length > 0)
        {
            a._data = Allocate((long)length * a._itemsize);
            a._length = length;
        }
        return a;
    }

    /// <summary>Pinned storage, so <c>buffer_info()</c> gives an address that stays valid.</summary>
    private static byte[] Allocate(long bytes)
    {
        if (bytes > System.Array.MaxLength)
        {
            throw NoMemory();
        }
        return GC.AllocateArray<byte>((int)bytes, pinned: true);
    }

    /// <summary>PyErr_NoMemory: a MemoryError without arguments.</summary>
    private static PyException NoMemory() => new((PyBaseException)Ops.Call(PyExc.MemoryError, [], null));

    internal static int ItemSize(char code) => code switch
    {
        'b' or 'B' => 1,
        'h' or 'H' => 2,
        'u' or 'i' or 'I' or 'f' => 4,
        _ => 8,
    };

    Span<byte> IBuffer.BufferSpan => _data.AsSpan(0, _length * _itemsize);

    bool IBuffer.BufferReadOnly => false;

    void IBuffer.BufferExport(int delta) => Interlocked.Add(ref _exports, delta);

    string IBuffer.BufferFormat => _code == 'u' ? "w" : _code.ToString();

    int IBuffer.BufferItemSize => _itemsize;

    private Span<byte> Bytes => _data.AsSpan(0, _length * _itemsize);

    // ---- storage ----

    /// <summary>array_resize: CPython's growth pattern, and no resizing while exported.</summary>
    private void Resize(long newSize)
    {
        if (_exports > 0 && newSize != _length)
        {
            throw PyErr.New(PyExc.BufferError, "cannot resize an array that is exporting buffers");
        }
        var allocated = _data.Length / _itemsize;
        if (allocated >= newSize && _length < newSize + 16 && _data.Length > 0)
        {
            _length = (int)newSize;
            return;
        }
        if (newSize == 0)
        {
            _data = [];
            _length = 0;
            return;
        }
        var newAllocated = (newSize >> 4) + (_length < 8 ? 3 : 7) + newSize;
        SetCapacity(newAllocated);
        _length = (int)newSize;
    }

    private void SetCapacity(long items)
    {
        var bytes = items * _itemsize;
        if (items > int.MaxValue || bytes > System.Array.MaxLength)
        {
            throw NoMemory();
        }
        var data = Allocate(bytes);
        _data.AsSpan(0, Math.Min(_data.Length, data.Length)).CopyTo(data);
        _data = data;
    }

    /// <summary>Replaces the contents by exactly <paramref name="items"/> items (newarrayobject
    /// allocates no spare room).</summary>
    private void SetExact(ReadOnlySpan<byte> bytes)
    {
        var n = bytes.Length / _itemsize;
        if (_exports > 0 && n != _length)
        {
            throw PyErr.New(PyExc.BufferError, "cannot resize an array that is exporting buffers");
        }
        var data = Allocate(bytes.Length);
        bytes.CopyTo(data);
        _data = data;
        _length = n;
    }

    // ---- items ----

    internal PyObject GetAt(int i)
    {
        var b = _data.AsSpan(i * _itemsize);
        switch (_code)
        {
            case 'b':
                return PyInt.From((sbyte)b[0]);
            case 'B':
                return PyInt.From(b[0]);
            case 'u':
                var cp = MemoryMarshal.Read<int>(b);
                if ((uint)cp > 0x10FFFF)
                {
                    throw PyErr.ValueError("chr() arg not in range(0x110000)");
                }
                return PyStr.FromCodePoint(cp);
            case 'h':
                return PyInt.From(MemoryMarshal.Read<short>(b));
            case 'H':
                return PyInt.From(MemoryMarshal.Read<ushort>(b));
            case 'i':
                return PyInt.From(MemoryMarshal.Read<int>(b));
            case 'I':
                return PyInt.From(MemoryMarshal.Read<uint>(b));
            case 'l':
            case 'q':
                return PyInt.From(MemoryMarshal.Read<long>(b));
            case 'L':
            case 'Q':
                var u = MemoryMarshal.Read<ulong>(b);
                return u <= long.MaxValue ? PyInt.From((long)u) : PyInt.From(new BigInteger(u));
            case 'f':
                return new PyFloat(MemoryMarshal.Read<float>(b));
            default:
                return new PyFloat(MemoryMarshal.Read<double>(b));
        }
    }

    private static long SmallIndex(PyObject v)
    {
        var i = Ops.Index(v);
        return i.IsSmall ? i.Small : throw PyErr.OverflowError("Python int too large to convert to C long");
    }

    private static void CheckRange(long x, long min, long max, string what)
    {
        if (x < min)
        {
            throw PyErr.OverflowError($"{what} is less than minimum");
        }
        if (x > max)
        {
            throw PyErr.OverflowError($"{what} is greater than maximum");
        }
    }

    /// <summary>Converts <paramref name="v"/> as the typecode's setitem does (with its checks
    /// and messages) and writes it to <paramref name="dst"/>.</summary>
    private void Pack(PyObject v, Span<byte> dst)
    {
        switch (_code)
        {
            case 'b':
            {
                var x = SmallIndex(v);
                CheckRange(x, short.MinValue, short.MaxValue, "signed short integer");
                CheckRange(x, sbyte.MinValue, sbyte.MaxValue, "signed char");
                dst[0] = (byte)(sbyte)x;
                return;
            }
            case 'B':
            {
                var x = SmallIndex(v);
                CheckRange(x, 0, 255, "unsigned byte integer");
                dst[0] = (byte)x;
                return;
            }
            case 'u':
            {
                if (v is not PyStr s || s.Value.Length == 0 || PyStr.CountCodePoints(s.Value) != 1)
                {
                    throw PyErr.TypeError("array item must be unicode character");
                }
                var i = 0;
                MemoryMarshal.Write(dst, PyStr.NextCodePoint(s.Value, ref i));
                return;
            }
            case 'h':
            {
                var x = SmallIndex(v);
                CheckRange(x, short.MinValue, short.MaxValue, "signed short integer");
                MemoryMarshal.Write(dst, (short)x);
                return;
            }
            case 'H':
            {
                var x = SmallIndex(v);
                CheckRange(x, int.MinValue, int.MaxValue, "signed integer");
                CheckRange(x, 0, ushort.MaxValue, "unsigned short");
                MemoryMarshal.Write(dst, (ushort)x);
                return;
            }
            case 'i':
            {
                var x = SmallIndex(v);
                CheckRange(x, int.MinValue, int.MaxValue, "signed integer");
                MemoryMarshal.Write(dst, (int)x);
                return;
            }
            case 'I':
            {
                var x = Unsigned(v, "Python int too large to convert to C unsigned long", "can't convert negative value to unsigned int");
                if (x > uint.MaxValue)
                {
                    throw PyErr.OverflowError("unsigned int is greater than maximum");
                }
                MemoryMarshal.Write(dst, (uint)x);
                return;
            }
            case 'l':
                MemoryMarshal.Write(dst, SmallIndex(v));
                return;
            case 'L':
                MemoryMarshal.Write(dst, Unsigned(v, "Python int too large to convert to C unsigned long", "can't convert negative value to unsigned int"));
                return;
            case 'q':
            {
                var i = Ops.Index(v);
                MemoryMarshal.Write(dst, i.IsSmall ? i.Small : throw PyErr.OverflowError("int too big to convert"));
                return;
            }
            case 'Q':
                MemoryMarshal.Write(dst, Unsigned(v, "int too big to convert", "can't convert negative int to unsigned"));
                return;
            case 'f':
                MemoryMarshal.Write(dst, (float)AsDouble(v));
                return;
            default:
                MemoryMarshal.Write(dst, AsDouble(v));
                return;
        }
    }

    private static double AsDouble(PyObject v) =>
        v is PyFloat f ? f.Value : Number.AsDouble(v);

    private static ulong Unsigned(PyObject v, string tooBig, string negative)
    {
        var i = Ops.Index(v);
        if (i.IsSmall)
        {
            return i.Small >= 0 ? (ulong)i.Small : throw PyErr.OverflowError(negative);
        }
        var big = i.Value;
        if (big.Sign < 0)
        {
            throw PyErr.OverflowError(negative);
        }
        return big <= ulong.MaxValue ? (ulong)big : throw PyErr.OverflowError(tooBig);
    }

    private void SetAt(int i, PyObject v) => Pack(v, _data.AsSpan(i * _itemsize, _itemsize));

    private void Append1(PyObject v)
    {
        Span<byte> tmp = stackalloc byte[8];
        Pack(v, tmp);
        Resize(_length + 1);
        tmp[.._itemsize].CopyTo(_data.AsSpan((_length - 1) * _itemsize));
    }

    private void Insert1(long where, PyObject v)
    {
        Span<byte> tmp = stackalloc byte[8];
        Pack(v, tmp);
        var n = _length;
        if (where < 0)
        {
            where = Math.Max(0, where + n);
        }
        where = Math.Min(where, n);
        Resize(n + 1);
        var s = _itemsize;
        _data.AsSpan((int)where * s, (n - (int)where) * s).CopyTo(_data.AsSpan(((int)where + 1) * s));
        tmp[..s].CopyTo(_data.AsSpan((int)where * s));
    }

    private void DeleteRange(int start, int count)
    {
        if (count <= 0)
        {
            return;
        }
        var s = _itemsize;
        var n = _length;
        if (_exports > 0)
        {
            throw PyErr.New(PyExc.BufferError, "cannot resize an array that is exporting buffers");
        }
        _data.AsSpan((start + count) * s, (n - start - count) * s).CopyTo(_data.AsSpan(start * s));
        Resize(n - count);
    }

    // ---- construction ----

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames is { Count: > 0 } && ReferenceEquals(type, TypeObject))
        {
            throw PyErr.TypeError("array.array() takes no keyword arguments");
        }
        if (args.Length is < 1 or > 2)
        {
            throw PyErr.TypeError(args.Length < 1
                ? $"array() takes at least 1 argument ({args.Length} given)"
                : $"array() takes at most 2 arguments ({args.Length} given)");
        }
        if (args[0] is not PyStr tc || PyStr.CountCodePoints(tc.Value) != 1)
        {
            throw PyErr.TypeError($"array() argument 1 must be a unicode character, not {args[0].Type.Name}");
        }
        var code = tc.Value[0];
        var init = args.Length > 1 ? args[1] : null;
        if (!ArrayModule.TypeCodes.Contains(code) || tc.Value.Length != 1)
        {
            throw PyErr.ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        }
        if (init is PyStr && code != 'u')
        {
            throw PyErr.TypeError($"cannot use a str to initialize an array with typecode '{code}'");
        }
        if (init is PyArray { _code: 'u' } && code != 'u')
        {
            throw PyErr.TypeError($"cannot use a unicode array to initialize an array with typecode '{code}'");
        }
        var a = Create(type, code);
        switch (init)
        {
            case null:
                break;
            case PyList or PyTuple:
            {
                var items = init is PyList l ? l.Items.ToArray() : ((PyTuple)init).Items;
                var made = Create(type, code, items.Length);
                for (var i = 0; i < items.Length; i++)
                {
                    made.SetAt(i, items[i]);
                }
                return made;
            }
            case PyBytes or PyByteArray:
                a.FromBytes(init);
                break;
            case PyStr s:
                a.FromUnicode(s);
                break;
            case PyArray other when other._code == code:
                a.SetExact(other.Bytes);
                break;
            case PyArray other:
            {
                var made = Create(type, code, other._length);
                for (var i = 0; i < other._length; i++)
                {
                    made.SetAt(i, other.GetAt(i));
                }
                return made;
            }
            default:
                a.ExtendIterable(init);
                break;
        }
        return a;
    }

    // ---- attributes ----

    [PyGetter("typecode", Doc = "the typecode character used to create the array")]
    public PyStr TypeCode() => PyStr.FromChar(_code);

    [PyGetter("itemsize", Doc = "the size, in bytes, of one array item")]
    public long ItemSizeGetter() => _itemsize;

    // ---- sequence protocol ----

    [PySlot("sq_length")]
    public long Length() => _length;

    private int Index(PyObject key, string outOfRange)
    {
        if (key is not PyInt && key.Type.Slots.Index is null)
        {
            throw PyErr.TypeError("array indices must be integers");
        }
        var k = Ops.Index(key);
        if (!k.IsSmall)
        {
            throw PyErr.IndexError($"cannot fit 'int' into an index-sized integer");
        }
        var i = k.Small < 0 ? k.Small + _length : k.Small;
        return (ulong)i < (ulong)_length ? (int)i : throw PyErr.IndexError(outOfRange);
    }

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        if (key is PyInt k && k.IsSmall)
        {
            var i = k.Small < 0 ? k.Small + _length : k.Small;
            return (ulong)i < (ulong)_length ? GetAt((int)i) : throw PyErr.IndexError("array index out of range");
        }
        if (key is PySlice slice)
        {
            var n = slice.Adjust(_length, out var start, out _, out var step);
            var result = Create(TypeObject, _code, (int)n);
            var s = _itemsize;
            if (step == 1)
            {
                _data.AsSpan((int)start * s, (int)n * s).CopyTo(result._data);
            }
            else
            {
                for (long i = 0, j = start; i < n; i++, j += step)
                {
                    _data.AsSpan((int)j * s, s).CopyTo(result._data.AsSpan((int)i * s));
                }
            }
            return result;
        }
        return GetAt(Index(key, "array index out of range"));
    }

    [PySlot("mp_ass_subscript")]
    public void SetItem(PyObject key, PyObject? value)
    {
        if (key is PySlice slice)
        {
            AssignSlice(slice, value);
            return;
        }
        var i = Index(key, "array assignment index out of range");
        if (value is null)
        {
            DeleteRange(i, 1);
            return;
        }
        SetAt(i, value);
    }

    private void AssignSlice(PySlice slice, PyObject? value)
    {
        PyArray? other = null;
        if (value is not null)
        {
            other = value as PyArray ?? throw PyErr.TypeError($"can only assign array (not \"{value.Type.Name}\") to array slice");
            if (other._code != _code)
            {
                throw PyErr.TypeError("bad argument type for built-in operation");
            }
            if (ReferenceEquals(other, this))
            {
                other = Create(TypeObject, _code);
                other.SetExact(Bytes);
            }
        }
        var n = slice.Adjust(_length, out var start, out var stop, out var step);
        var s = _itemsize;
        var needed = other?._length ?? 0;
        if (step == 1)
        {
            var count = (int)Math.Max(0, stop - start);
            if (needed != count && _exports > 0)
            {
                throw PyErr.New(PyExc.BufferError, "cannot resize an array that is exporting buffers");
            }
            if (needed < count)
            {
                DeleteRange((int)start + needed, count - needed);
            }
            else if (needed > count)
            {
                var oldLength = _length;
                Resize(_length + needed - count);
                _data.AsSpan(((int)start + count) * s, (oldLength - (int)start - count) * s).CopyTo(_data.AsSpan(((int)start + needed) * s));
            }
            other?.Bytes.CopyTo(_data.AsSpan((int)start * s));
            return;
        }
        if (other is null)
        {
            if (n <= 0)
            {
                return;
            }
            if (step < 0)
            {
                start += step * (n - 1);
                step = -step;
            }
            // Compact the items that stay, in order.
            var keep = new bool[_length];
            System.Array.Fill(keep, true);
            for (long i = 0, j = start; i < n; i++, j += step)
            {
                keep[j] = false;
            }
            if (_exports > 0)
            {
                throw PyErr.New(PyExc.BufferError, "cannot resize an array that is exporting buffers");
            }
            var w = 0;
            for (var r = 0; r < _length; r++)
            {
                if (keep[r])
                {
                    if (w != r)
                    {
                        _data.AsSpan(r * s, s).CopyTo(_data.AsSpan(w * s));
                    }
                    w++;
                }
            }
            Resize(w);
            return;
        }
        if (needed != n)
        {
            throw PyErr.ValueError($"attempt to assign array of size {needed} to extended slice of size {n}");
        }
        for (long i = 0, j = start; i < n; i++, j += step)
        {
            other._data.AsSpan((int)i * s, s).CopyTo(_data.AsSpan((int)j * s));
        }
    }

    [PySlot("sq_contains")]
    public bool Contains(PyObject item)
    {
        for (var i = 0; i < _length; i++)
        {
            if (Ops.RichCompareBool(GetAt(i), item, CompareOp.Eq))
            {
                return true;
            }
        }
        return false;
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => new PyArrayIterator(this);

    [PySlot("sq_concat")]
    public static PyObject Concat(PyObject left, PyObject right)
    {
        var a = (PyArray)left;
        if (right is not PyArray b)
        {
            throw PyErr.TypeError($"can only append array (not \"{right.Type.Name}\") to array");
        }
        if (a._code != b._code)
        {
            throw PyErr.TypeError("bad argument type for built-in operation");
        }
        var result = Create(TypeObject, a._code, a._length + b._length);
        a.Bytes.CopyTo(result._data);
        b.Bytes.CopyTo(result._data.AsSpan(a.Bytes.Length));
        return result;
    }

    [PySlot("sq_repeat")]
    public static PyObject Repeat(PyObject self, PyObject count)
    {
        var a = (PyArray)self;
        var n = RepeatCount(count);
        if (n > 0 && a._length > int.MaxValue / n)
        {
            throw NoMemory();
        }
        var result = Create(TypeObject, a._code, (int)(a._length * n));
        var src = a.Bytes;
        for (var i = 0; i < n; i++)
        {
            src.CopyTo(result._data.AsSpan(i * src.Length));
        }
        return result;
    }

    private static long RepeatCount(PyObject count)
    {
        var i = Ops.Index(count);
        if (!i.IsSmall)
        {
            return i.Value.Sign < 0 ? 0 : throw PyErr.OverflowError("cannot fit 'int' into an index-sized integer");
        }
        return Math.Max(0, i.Small);
    }

    [PySlot("sq_inplace_concat")]
    public static PyObject InPlaceConcat(PyObject self, PyObject other)
    {
        var a = (PyArray)self;
        if (other is not PyArray)
        {
            throw PyErr.TypeError($"can only extend array with array (not \"{other.Type.Name}\")");
        }
        a.ExtendArray((PyArray)other);
        return a;
    }

    [PySlot("sq_inplace_repeat")]
    public static PyObject InPlaceRepeat(PyObject self, PyObject count)
    {
        var a = (PyArray)self;
        var n = RepeatCount(count);
        if (a._length == 0)
        {
            return a;
        }
        if (n > 0 && a._length > int.MaxValue / n)
        {
            throw NoMemory();
        }
        var src = a.Bytes.ToArray();
        if (n == 0)
        {
            a.Resize(0);
            return a;
        }
        a.Resize(a._length * n);
        for (var i = 1; i < n; i++)
        {
            src.CopyTo(a._data.AsSpan(i * src.Length));
        }
        return a;
    }

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (left is not PyArray a || right is not PyArray b)
        {
            return PyNotImplemented.Value;
        }
        if (a._length != b._length && op is CompareOp.Eq or CompareOp.Ne)
        {
            return PyBool.From(op == CompareOp.Ne);
        }
        if (a._code == b._code && op is CompareOp.Eq or CompareOp.Ne && a._code is not ('f' or 'd'))
        {
            // Same integer representation: equal exactly when the bytes are.
            var equal = a.Bytes.SequenceEqual(b.Bytes);
            return PyBool.From(equal == (op == CompareOp.Eq));
        }
        var n = Math.Min(a._length, b._length);
        for (var i = 0; i < n; i++)
        {
            var x = a.GetAt(i);
            var y = b.GetAt(i);
            if (!Ops.RichCompareBool(x, y, CompareOp.Eq))
            {
                return op switch
                {
                    CompareOp.Eq => PyBool.False,
                    CompareOp.Ne => PyBool.True,
                    _ => Ops.RichCompare(x, y, op),
                };
            }
        }
        var la = a._length;
        var lb = b._length;
        return PyBool.From(op switch
        {
            CompareOp.Lt => la < lb,
            CompareOp.Le => la <= lb,
            CompareOp.Eq => la == lb,
            CompareOp.Ne => la != lb,
            CompareOp.Gt => la > lb,
            _ => la >= lb,
        });
    }

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        var name = TypeName.Short(Type);
        if (_length == 0)
        {
            return new PyStr($"{name}('{_code}')");
        }
        var body = _code == 'u' ? Ops.Repr(ToUnicodeString()).Value : Ops.Repr(ToList()).Value;
        return new PyStr($"{name}('{_code}', {body})");
    }

    // ---- methods ----

    [PyMethod("append", Doc = "Append new value v to the end of the array.")]
    public void Append(PyObject v) => Append1(v);

    [PyMethod("buffer_info", Doc = "Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents.\n\nThe length should be multiplied by the itemsize attribute to calculate\nthe buffer length in bytes.")]
    public unsafe PyTuple BufferInfo()
    {
        long address = 0;
        if (_data.Length > 0)
        {
            fixed (byte* p = _data)
            {
                address = (long)p;
            }
        }
        return PyTuple.Create(PyInt.From(address), PyInt.From(_length));
    }

    [PyMethod("byteswap", Doc = "Byteswap all items of the array.\n\nIf the items in the array are not 1, 2, 4, or 8 bytes in size, RuntimeError is\nraised.")]
    public void ByteSwap()
    {
        var b = Bytes;
        switch (_itemsize)
        {
            case 2:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(b), MemoryMarshal.Cast<byte, ushort>(b));
                break;
            case 4:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(b), MemoryMarshal.Cast<byte, uint>(b));
                break;
            case 8:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(b), MemoryMarshal.Cast<byte, ulong>(b));
                break;
        }
    }

    [PyMethod("count", Doc = "Return number of occurrences of v in the array.")]
    public long Count(PyObject v)
    {
        long n = 0;
        for (var i = 0; i < _length; i++)
        {
            if (Ops.RichCompareBool(GetAt(i), v, CompareOp.Eq))
            {
                n++;
            }
        }
        return n;
    }

    [PyMethod("index", Doc = "Return index of first occurrence of v in the array.\n\nRaise ValueError if the value is not present.")]
    public long IndexOf(PyObject v, PyObject? start = null, PyObject? stop = null)
    {
        var lo = start is null ? 0 : SliceIndex(start);
        var hi = stop is null ? long.MaxValue : SliceIndex(stop);
        if (lo < 0)
        {
            lo = Math.Max(0, lo + _length);
        }
        if (hi < 0)
        {
            hi = Math.Max(0, hi + _length);
        }
        for (var i = lo; i < hi && i < _length; i++)
        {
            if (Ops.RichCompareBool(GetAt((int)i), v, CompareOp.Eq))
            {
                return i;
            }
        }
        throw PyErr.ValueError("array.index(x): x not in array");
    }

    /// <summary>_PyEval_SliceIndexNotNone: an index clamped to the ssize_t range.</summary>
    private static long SliceIndex(PyObject o)
    {
        if (o is not PyInt && o.Type.Slots.Index is null)
        {
            throw PyErr.TypeError("slice indices must be integers or have an __index__ method");
        }
        var i = Ops.Index(o);
        return i.IsSmall ? i.Small : i.Value.Sign < 0 ? long.MinValue : long.MaxValue;
    }

    [PyMethod("insert", Doc = "Insert a new item v into the array before position i.")]
    public void Insert(long i, PyObject v) => Insert1(i, v);

    [PyMethod("pop", Doc = "Return the i-th element and delete it from the array.\n\ni defaults to -1.")]
    public PyObject Pop(long i = -1)
    {
        if (_length == 0)
        {
            throw PyErr.IndexError("pop from empty array");
        }
        if (i < 0)
        {
            i += _length;
        }
        if (i < 0 || i >= _length)
        {
            throw PyErr.IndexError("pop index out of range");
        }
        var v = GetAt((int)i);
        DeleteRange((int)i, 1);
        return v;
    }

    [PyMethod("remove", Doc = "Remove the first occurrence of v in the array.")]
    public void Remove(PyObject v)
    {
        for (var i = 0; i < _length; i++)
        {
            if (Ops.RichCompareBool(GetAt(i), v, CompareOp.Eq))
            {
                DeleteRange(i, 1);
                return;
            }
        }
        throw PyErr.ValueError("array.remove(x): x not in array");
    }

    [PyMethod("reverse", Doc = "Reverse the order of the items in the array.")]
    public void Reverse()
    {
        var s = _itemsize;
        Span<byte> tmp = stackalloc byte[8];
        for (int i = 0, j = _length - 1; i < j; i++, j--)
        {
            var a = _data.AsSpan(i * s, s);
            var b = _data.AsSpan(j * s, s);
            a.CopyTo(tmp);
            b.CopyTo(a);
            tmp[..s].CopyTo(b);
        }
    }

    [PyMethod("extend", Doc = "Append items to the end of the array.")]
    public void Extend(PyObject bb)
    {
        if (bb is PyArray other)
        {
            ExtendArray(other);
            return;
        }
        ExtendIterable(bb);
    }

    private void ExtendArray(PyArray other)
    {
        if (other._code != _code)
        {
            throw PyErr.TypeError("can only extend with array of same kind");
        }
        var add = other.Bytes.ToArray();
        var old = _length;
        Resize(_length + other._length);
        add.CopyTo(_data.AsSpan(old * _itemsize));
    }

    private void ExtendIterable(PyObject iterable)
    {
        var it = Ops.GetIter(iterable);
        while (Ops.Next(it) is { } item)
        {
            Append1(item);
        }
    }

    [PyMethod("frombytes", Doc = "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method.")]
    public void FromBytes(PyObject buffer)
    {
        var data = BufferProtocol.Read(buffer);
        if (data.Length % _itemsize != 0)
        {
            throw PyErr.ValueError("bytes length not a multiple of item size");
        }
        var copy = data.ToArray();
        var old = _length;
        Resize(_length + copy.Length / _itemsize);
        copy.CopyTo(_data.AsSpan(old * _itemsize));
    }

    [PyMethod("tobytes", Doc = "Convert the array to an array of machine values and return the bytes representation.")]
    public PyBytes ToBytes() => new(Bytes.ToArray());

    [PyMethod("fromlist", Doc = "Append items to array from list.")]
    public void FromList(PyObject list)
    {
        if (list is not PyList l)
        {
            throw PyErr.TypeError("arg must be list");
        }
        var old = _length;
        try
        {
            for (var i = 0; i < l.Count; i++)
            {
                Append1(l[i]);
            }
        }
        catch (PyException)
        {
            // CPython keeps the array as it was when an item is refused.
            Resize(old);
            throw;
        }
    }

    [PyMethod("tolist", Doc = "Convert array to an ordinary list with the same items.")]
    public PyList ToList()
    {
        var items = new PyObject[_length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = GetAt(i);
        }
        return new PyList(items);
    }

    [PyMethod("fromunicode", Doc = "Extends this array with data from the unicode string ustr.\n\nThe array must be a unicode type array; otherwise a ValueError is raised.\nUse array.frombytes(ustr.encode(...)) to append Unicode data to an array of\nsome other type.")]
    public void FromUnicode(PyObject ustr)
    {
        if (ustr is not PyStr s)
        {
            throw PyErr.TypeError($"fromunicode() argument must be str, not {ustr.Type.Name}");
        }
        if (_code != 'u')
        {
            throw PyErr.ValueError("fromunicode() may only be called on unicode type arrays");
        }
        var text = s.Value;
        var n = PyStr.CountCodePoints(text);
        var old = _length;
        Resize(_length + n);
        var dst = MemoryMarshal.Cast<byte, int>(_data.AsSpan(old * 4, n * 4));
        for (int i = 0, k = 0; i < text.Length; k++)
        {
            dst[k] = PyStr.NextCodePoint(text, ref i);
        }
    }

    private PyStr ToUnicodeString()
    {
        var sb = new StringBuilder(_length);
        var src = MemoryMarshal.Cast<byte, int>(Bytes);
        foreach (var cp in src)
        {
            if ((uint)cp > 0x10FFFF)
            {
                throw PyErr.ValueError($"character U+{(uint)cp:x} is not in range [U+0000; U+10ffff]");
            }
            if (cp > 0xFFFF)
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
            else
            {
                sb.Append((char)cp);
            }
        }
        return new PyStr(sb.ToString());
    }

    [PyMethod("tounicode", Doc = "Extends this array with data from the unicode string ustr.\n\nConvert the array to a unicode string.  The array must be a unicode type array;\notherwise a ValueError is raised.  Use array.tobytes().decode() to obtain a\nunicode string from an array of some other type.")]
    public PyStr ToUnicode()
    {
        if (_code != 'u')
        {
            throw PyErr.ValueError("tounicode() may only be called on unicode type arrays");
        }
        return ToUnicodeString();
    }

    [PyMethod("fromfile", Doc = "Read n objects from the file object f and append them to the end of the array.")]
    public void FromFile(PyObject f, long n)
    {
        if (n < 0)
        {
            throw PyErr.ValueError("negative count");
        }
        if (n > int.MaxValue / _itemsize)
        {
            throw NoMemory();
        }
        var nbytes = n * _itemsize;
        var b = Ops.CallMethod(f, "read", PyInt.From(nbytes));
        if (b is not PyBytes bytes)
        {
            throw PyErr.TypeError("read() didn't return bytes");
        }
        var usable = bytes.Data.Length - bytes.Data.Length % _itemsize;
        FromBytes(new PyBytes(bytes.Data[..usable].ToArray()));
        if (bytes.Data.Length != nbytes)
        {
            throw PyErr.New(PyExc.EOFError, "read() didn't return enough bytes");
        }
    }

    [PyMethod("tofile", Doc = "Write all items (as machine values) to the file object f.")]
    public void ToFile(PyObject f)
    {
        // Blocks of 64 KiB, as CPython writes them.
        const int blockSize = 64 * 1024;
        var total = _length * _itemsize;
        for (var offset = 0; offset < total; offset += blockSize)
        {
            var size = Math.Min(blockSize, total - offset);
            Ops.CallMethod(f, "write", new PyBytes(_data.AsSpan(offset, size).ToArray()));
        }
    }

    [PyMethod("__copy__", Doc = "Return a copy of the array.")]
    public PyObject Copy()
    {
        var result = Create(TypeObject, _code);
        result.SetExact(Bytes);
        return result;
    }

    [PyMethod("__deepcopy__", Doc = "Return a copy of the array.")]
    public PyObject DeepCopy(PyObject unused) => Copy();

    [PyMethod("__sizeof__", Doc = "Size of the array in memory, in bytes.")]
    public long SizeOf() => 64 + _data.Length;

    [PyMethod("__reduce_ex__", Doc = "Return state information for pickling.")]
    public PyObject ReduceEx(PyObject value)
    {
        var protocol = Ops.Index(value);
        var dict = InstanceDict is { Count: > 0 } d ? (PyObject)d : PyNone.Value;
        if (Ops.TryGetAttr(this, PyStr.Intern("__dict__")) is PyDict attrDict)
        {
            dict = attrDict.Count > 0 ? attrDict : PyNone.Value;
        }
        if (protocol.IsSmall && protocol.Small < 3)
        {
            return PyTuple.Create(Type, PyTuple.Create(PyStr.FromChar(_code), ToList()), dict);
        }
        return PyTuple.Create(ArrayModule.Reconstructor!, PyTuple.Create(Type, PyStr.FromChar(_code), PyInt.From((int)ArrayModule.NativeFormat(_code)), ToBytes()), dict);
    }
}

/// <summary>The iterator over an array; it reads the array live, as CPython's does.</summary>
[PyType("array.arrayiterator", Module = "array", FromSpec = true)]
public sealed partial class PyArrayIterator(PyArray array) : PyObject
{
    private PyArray? _array = array;
    private long _index;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_array is null)
        {
            return null;
        }
        if (_index < _array.Length())
        {
            return _array.GetAt((int)_index++);
        }
        _array = null;
        return null;
    }

    [PyMethod("__reduce__", Doc = "Return state information for pickling.")]
    public PyTuple Reduce()
    {
        var iter = Taipan.Runtime.Python.Builtins.Module.Dict[PyStr.Intern("iter")]!;
        return _array is null
            ? PyTuple.Create(iter, PyTuple.Create(PyTuple.Empty))
            : PyTuple.Create(iter, PyTuple.Create(_array), PyInt.From(_index));
    }

    [PyMethod("__setstate__", Doc = "Set state information for unpickling.")]
    public void SetState(PyObject state)
    {
        var i = Ops.Index(state);
        var index = i.IsSmall ? i.Small : i.Value.Sign < 0 ? 0 : long.MaxValue;
        if (_array is not null)
        {
            _index = Math.Clamp(index, 0, _array.Length());
        }
    }
}
