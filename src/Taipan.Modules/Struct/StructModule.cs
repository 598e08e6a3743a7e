// Modules/_struct.c
using System.Buffers.Binary;
using System.Numerics;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Struct;

/// <summary><c>_struct</c>: packing Python values into C structs and back, with CPython's
/// sizes, alignment (native <c>@</c> as on x86-64 Linux) and messages.</summary>
[PyModule("_struct", Doc = "Functions to convert between Python values and C structs.")]
public static partial class StructModule
{
    private static PyType? s_error;

    /// <summary><c>struct.error</c>, made like PyErr_NewException makes it.</summary>
    internal static PyType Error => s_error ??= MakeError();

    private static PyType MakeError()
    {
        var ns = new PyDict();
        ns.SetItem(new PyStr("__module__"), new PyStr("struct"));
        return (PyType)Ops.Call(PyType.TypeObject, [new PyStr("error"), PyTuple.Create(PyExc.Exception), ns], null);
    }

    internal static PyException Fail(string message) => PyErr.New(Error, message);

    private static readonly Dictionary<string, PyStruct> s_cache = new(StringComparer.Ordinal);

    /// <summary>The compiled format, cached as CPython caches up to 100 of them.</summary>
    private static PyStruct Cached(PyObject format)
    {
        var key = PyStruct.FormatText(format);
        lock (s_cache)
        {
            if (s_cache.TryGetValue(key, out var s))
            {
                return s;
            }
        }
        var made = PyStruct.Create(format);
        lock (s_cache)
        {
            if (s_cache.Count >= 100)
            {
                s_cache.Clear();
            }
            s_cache[key] = made;
        }
        return made;
    }

    [PyMethod("_clearcache", Doc = "Clear the internal cache.")]
    public static void ClearCache()
    {
        lock (s_cache)
        {
            s_cache.Clear();
        }
    }

    [PyMethod("calcsize", Doc = "Return size in bytes of the struct described by the format string.")]
    public static long CalcSize(PyObject format) => Cached(format).Size;

    [PyMethod("pack", Doc = "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, v2, ... packed according\nto the format string.  See help(struct) for more on format strings.")]
    public static PyObject Pack(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("pack", kwnames);
        if (args.Length == 0)
        {
            throw PyErr.TypeError("missing format argument");
        }
        return Cached(args[0]).PackArgs(args[1..]);
    }

    [PyMethod("pack_into", Doc = "pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format string and write\nthe packed bytes into the writable buffer buf starting at offset.  Note\nthat the offset is a required argument.  See help(struct) for more\non format strings.")]
    public static PyObject PackInto(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("pack_into", kwnames);
        if (args.Length == 0)
        {
            throw PyErr.TypeError("missing format argument");
        }
        Cached(args[0]).PackIntoArgs(args[1..]);
        return PyNone.Value;
    }

    [PyMethod("unpack", Doc = "Return a tuple containing values unpacked according to the format string.")]
    public static PyTuple Unpack(PyObject format, PyObject buffer) => Cached(format).UnpackMethod(buffer);

    [PyMethod("unpack_from", Keywords = true, Doc = "Return a tuple containing values unpacked according to the format string.")]
    public static PyTuple UnpackFrom(PyObject format, PyObject buffer, long offset = 0) => Cached(format).UnpackFromMethod(buffer, offset);

    [PyMethod("iter_unpack", Doc = "Return an iterator yielding tuples unpacked from the given bytes.")]
    public static PyObject IterUnpack(PyObject format, PyObject buffer) => Cached(format).IterUnpackMethod(buffer);

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("error", Error);
        module.AddBuiltin("Struct", PyStruct.TypeObject);
    }
}

/// <summary>One item of a compiled format: a code at a byte offset; <see cref="Count"/> is
/// the length of an <c>s</c>/<c>p</c> field.</summary>
internal readonly record struct FormatCode(char Code, int Offset, int Size, int Count);

/// <summary><c>Struct</c>: a compiled format.</summary>
[PyType("Struct", Module = "_struct", FromSpec = true, Subclassable = true, InstanceType = true, Doc = "Struct(format)\n--\n\nCreate a compiled struct object.\n\nReturn a new Struct object which writes and reads binary data according to\nthe format string.\n\nSee help(struct) for more on format strings.")]
public sealed partial class PyStruct : PySubclassableObject
{
    private string _format = "";
    private FormatCode[] _codes = [];
    private char _order = '@';

    private PyStruct(PyType type) : base(type)
    {
    }

    public long Size { get; private set; }

    internal static string FormatText(PyObject format) => format switch
    {
        PyStr s => s.Value,
        PyBytes b => System.Text.Encoding.Latin1.GetString(b.Data),
        _ => throw PyErr.TypeError($"Struct() argument 1 must be a str or bytes object, not {format.Type.Name}"),
    };

    internal static PyStruct Create(PyObject format)
    {
        var s = new PyStruct(TypeObject);
        s.Compile(format);
        return s;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyStruct(type);

    private static readonly string[] s_initNames = ["format"];

    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[1];
        ArgParse.UnpackKeywords("Struct", args, kwnames, s_initNames, 1, 1, 1, buffer);
        ((PyStruct)self).Compile(buffer[0]!);
    }

    private static (int Size, int Align) NativeSize(char c) => c switch
    {
        'x' or 'c' or 'b' or 'B' or '?' or 's' or 'p' => (1, 1),
        'h' or 'H' or 'e' => (2, 2),
        'i' or 'I' or 'f' => (4, 4),
        'l' or 'L' or 'q' or 'Q' or 'n' or 'N' or 'd' or 'P' => (8, 8),
        _ => (0, 0),
    };

    private static int StandardSize(char c) => c switch
    {
        'x' or 'c' or 'b' or 'B' or '?' or 's' or 'p' => 1,
        'h' or 'H' or 'e' => 2,
        'i' or 'I' or 'l' or 'L' or 'f' => 4,
        'q' or 'Q' or 'd' => 8,
        _ => 0,
    };

    /// <summary>prepare_s: sizes, offsets and items of the format.</summary>
    private void Compile(PyObject formatObj)
    {
        var format = FormatText(formatObj);
        var order = '@';
        var i = 0;
        if (format.Length > 0 && format[0] is '@' or '=' or '<' or '>' or '!')
        {
            order = format[0] == '!' ? '>' : format[0];
            i = 1;
        }
        var native = order == '@';
        var codes = new List<FormatCode>();
        long size = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            long num = 1;
            if (c is >= '0' and <= '9')
            {
                num = 0;
                while (i < format.Length && format[i] is >= '0' and <= '9')
                {
                    num = num * 10 + (format[i] - '0');
                    if (num > int.MaxValue)
                    {
                        throw StructModule.Fail("total struct size too long");
                    }
                    i++;
                }
                if (i >= format.Length)
                {
                    throw StructModule.Fail("repeat count given without format specifier");
                }
                c = format[i];
            }
            var (itemSize, align) = native ? NativeSize(c) : (StandardSize(c), 1);
            if (itemSize == 0)
            {
                throw StructModule.Fail("bad char in struct format");
            }
            if (native && align > 1)
            {
                size = (size + align - 1) / align * align;
            }
            if (c is 's' or 'p')
            {
                codes.Add(new FormatCode(c, (int)size, (int)num, (int)num));
                size += num;
            }
            else if (c == 'x')
            {
                size += num;
            }
            else
            {
                for (var k = 0; k < num; k++)
                {
                    codes.Add(new FormatCode(c, (int)(size + k * itemSize), itemSize, 1));
                }
                size += num * itemSize;
            }
            if (size > int.MaxValue)
            {
                throw StructModule.Fail("total struct size too long");
            }
            i++;
        }
        _format = format;
        _order = order;
        _codes = [.. codes];
        Size = size;
    }

    [PyGetter("format", Doc = "struct format string")]
    public PyStr Format() => new(_format);

    [PyGetter("size", Doc = "struct size in bytes")]
    public long SizeGetter() => Size;

    [PyMethod("__sizeof__")]
    public long SizeOf() => 56 + (_codes.Length + 1) * 24;

    // ---- packing ----

    private bool Little => _order is '@' or '<' or '=';

    private void WriteInteger(Span<byte> dest, ulong bits, int size)
    {
        for (var k = 0; k < size; k++)
        {
            var b = (byte)(bits >> (8 * k));
            if (Little)
            {
                dest[k] = b;
            }
            else
            {
                dest[size - 1 - k] = b;
            }
        }
    }

    private ulong ReadInteger(ReadOnlySpan<byte> src, int size)
    {
        ulong v = 0;
        for (var k = 0; k < size; k++)
        {
            v |= (ulong)(Little ? src[k] : src[size - 1 - k]) << (8 * k);
        }
        return v;
    }

    /// <summary>get_pylong: the int of an argument, through <c>__index__</c>.</summary>
    private static BigInteger IntArgument(PyObject v)
    {
        if (v is PyInt i)
        {
            return i.Value;
        }
        if (v.Type.Slots.Index is not null)
        {
            return Ops.Index(v).Value;
        }
        throw StructModule.Fail("required argument is not an integer");
    }

    private static readonly BigInteger s_longMin = long.MinValue;
    private static readonly BigInteger s_longMax = long.MaxValue;
    private static readonly BigInteger s_ulongMax = ulong.MaxValue;

    private void PackInteger(Span<byte> dest, FormatCode code, PyObject value)
    {
        var v = IntArgument(value);
        var c = code.Code;
        var unsignedGet = c is 'I' or 'L' or 'Q' or 'N';
        if (c == 'P')
        {
            if (v < s_longMin || v > s_ulongMax)
            {
                throw StructModule.Fail("int too large to convert");
            }
            WriteInteger(dest, (ulong)(v & s_ulongMax), 8);
            return;
        }
        if (unsignedGet ? (v.Sign < 0 || v > s_ulongMax) : (v < s_longMin || v > s_longMax))
        {
            throw StructModule.Fail("argument out of range");
        }
        var size = code.Size;
        switch (c)
        {
            case 'b' when v < -128 || v > 127:
                throw StructModule.Fail("byte format requires -128 <= number <= 127");
            case 'B' when v < 0 || v > 255:
                throw StructModule.Fail("ubyte format requires 0 <= number <= 255");
            case 'h' when v < short.MinValue || v > short.MaxValue:
                throw StructModule.Fail("short format requires -32768 <= number <= 32767");
            case 'H' when v < 0 || v > ushort.MaxValue:
                throw StructModule.Fail("ushort format requires 0 <= number <= 65535");
        }
        if (size == 4 && c is 'i' or 'l' && (v < int.MinValue || v > int.MaxValue))
        {
            throw StructModule.Fail($"'{c}' format requires -2147483648 <= number <= 2147483647");
        }
        if (size == 4 && c is 'I' or 'L' && v > uint.MaxValue)
        {
            throw StructModule.Fail($"'{c}' format requires 0 <= number <= 4294967295");
        }
        WriteInteger(dest, (ulong)(v & s_ulongMax), size);
    }

    private static double FloatArgument(PyObject v)
    {
        if (v is PyFloat f)
        {
            return f.Value;
        }
        if (v is PyInt || v.Type.Slots.Float is not null || v.Type.Slots.Index is not null)
        {
            return Number.AsDouble(v);
        }
        throw StructModule.Fail("required argument is not a float");
    }

    private void PackItem(Span<byte> buffer, FormatCode code, PyObject value)
    {
        var dest = buffer.Slice(code.Offset, code.Size);
        switch (code.Code)
        {
            case 'c':
                if (value is not PyBytes { Data.Length: 1 } b)
                {
                    throw StructModule.Fail("char format requires a bytes object of length 1");
                }
                dest[0] = b.Data[0];
                return;
            case 's' or 'p':
            {
                if (value is not (PyBytes or PyByteArray))
                {
                    throw StructModule.Fail($"argument for '{code.Code}' must be a bytes object");
                }
                var data = BufferProtocol.Read(value);
                dest.Clear();
                if (code.Code == 's')
                {
                    data[..Math.Min(data.Length, code.Count)].CopyTo(dest);
                    return;
                }
                if (code.Count == 0)
                {
                    return;
                }
                var n = Math.Min(Math.Min(data.Length, code.Count - 1), 255);
                data[..n].CopyTo(dest[1..]);
                dest[0] = (byte)n;
                return;
            }
            case '?':
                dest[0] = Ops.IsTrue(value) ? (byte)1 : (byte)0;
                return;
            case 'e':
            {
                var x = FloatArgument(value);
                var h = (Half)x;
                if (Half.IsInfinity(h) && !double.IsInfinity(x))
                {
                    throw PyErr.OverflowError("float too large to pack with e format");
                }
                WriteInteger(dest, BitConverter.HalfToUInt16Bits(h), 2);
                return;
            }
            case 'f':
            {
                var x = FloatArgument(value);
                var y = (float)x;
                if (_order != '@' && float.IsInfinity(y) && !double.IsInfinity(x))
                {
                    throw PyErr.OverflowError("float too large to pack with f format");
                }
                WriteInteger(dest, BitConverter.SingleToUInt32Bits(y), 4);
                return;
            }
            case 'd':
                WriteInteger(dest, BitConverter.DoubleToUInt64Bits(FloatArgument(value)), 8);
                return;
            default:
                PackInteger(dest, code, value);
                return;
        }
    }

    private void PackTo(Span<byte> buffer, ReadOnlySpan<PyObject> values)
    {
        for (var k = 0; k < _codes.Length; k++)
        {
            PackItem(buffer, _codes[k], values[k]);
        }
    }

    internal PyBytes PackArgs(ReadOnlySpan<PyObject> values)
    {
        if (values.Length != _codes.Length)
        {
            throw StructModule.Fail($"pack expected {_codes.Length} items for packing (got {values.Length})");
        }
        var result = new byte[Size];
        PackTo(result, values);
        return new PyBytes(result);
    }

    internal void PackIntoArgs(ReadOnlySpan<PyObject> args)
    {
        if (args.Length != _codes.Length + 2)
        {
            if (args.Length == 0)
            {
                throw StructModule.Fail("pack_into expected buffer argument");
            }
            if (args.Length == 1)
            {
                throw StructModule.Fail("pack_into expected offset argument");
            }
            throw StructModule.Fail($"pack_into expected {_codes.Length} items for packing (got {args.Length - 2})");
        }
        var buffer = BufferProtocol.Write(args[0]);
        var index = Ops.Index(args[1]);
        var offset = index.IsSmall ? index.Small : throw PyErr.IndexError("cannot fit 'int' into an index-sized integer");
        var len = buffer.Length;
        if (offset < 0)
        {
            if (offset + Size > 0)
            {
                throw StructModule.Fail($"no space to pack {Size} bytes at offset {offset}");
            }
            if (offset + len < 0)
            {
                throw StructModule.Fail($"offset {offset} out of range for {len}-byte buffer");
            }
            offset += len;
        }
        if (len - offset < Size)
        {
            throw StructModule.Fail($"pack_into requires a buffer of at least {Size + offset} bytes for packing {Size} bytes at offset {offset} (actual buffer size is {len})");
        }
        // Items go straight into the buffer, so a failing value leaves the ones before it
        // written, as in CPython. The span is taken again: converting a value may run Python code.
        for (var k = 0; k < _codes.Length; k++)
        {
            PackItem(BufferProtocol.Write(args[0])[(int)offset..], _codes[k], args[2 + k]);
        }
    }

    [PyMethod("pack", Doc = "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... packed according\nto the format string S.format.  See help(struct) for more on format\nstrings.")]
    public PyObject PackMethod(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("pack", kwnames);
        return PackArgs(args);
    }

    [PyMethod("pack_into", Doc = "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format string S.format\nand write the packed bytes into the writable buffer buf starting at\noffset.  Note that the offset is a required argument.  See\nhelp(struct) for more on format strings.")]
    public PyObject PackIntoMethod(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("pack_into", kwnames);
        PackIntoArgs(args);
        return PyNone.Value;
    }

    // ---- unpacking ----

    private PyObject UnpackItem(ReadOnlySpan<byte> buffer, FormatCode code)
    {
        var src = buffer.Slice(code.Offset, code.Size);
        switch (code.Code)
        {
            case 'c':
                return new PyBytes([src[0]]);
            case 's':
                return new PyBytes(src.ToArray());
            case 'p':
            {
                if (code.Count == 0)
                {
                    return PyBytes.Empty;
                }
                var n = Math.Min((int)src[0], code.Count - 1);
                return new PyBytes(src.Slice(1, n).ToArray());
            }
            case '?':
                return PyBool.From(src[0] != 0);
            case 'e':
                return new PyFloat((double)BitConverter.UInt16BitsToHalf((ushort)ReadInteger(src, 2)));
            case 'f':
                return new PyFloat(BitConverter.UInt32BitsToSingle((uint)ReadInteger(src, 4)));
            case 'd':
                return new PyFloat(BitConverter.UInt64BitsToDouble(ReadInteger(src, 8)));
        }
        var bits = ReadInteger(src, code.Size);
        if (code.Code is 'b' or 'h' or 'i' or 'l' or 'q' or 'n')
        {
            var shift = 64 - 8 * code.Size;
            return PyInt.From((long)(bits << shift) >> shift);
        }
        return bits <= long.MaxValue ? PyInt.From((long)bits) : PyInt.From((BigInteger)bits);
    }

    private PyTuple UnpackAt(ReadOnlySpan<byte> buffer)
    {
        var items = new PyObject[_codes.Length];
        for (var k = 0; k < items.Length; k++)
        {
            items[k] = UnpackItem(buffer, _codes[k]);
        }
        return PyTuple.Create(items);
    }

    [PyMethod("unpack", Doc = "Return a tuple containing unpacked values.")]
    public PyTuple UnpackMethod(PyObject buffer)
    {
        var data = BufferProtocol.Read(buffer);
        if (data.Length != Size)
        {
            throw StructModule.Fail($"unpack requires a buffer of {Size} bytes");
        }
        return UnpackAt(data);
    }

    [PyMethod("unpack_from", Keywords = true, Doc = "Return a tuple containing unpacked values.")]
    public PyTuple UnpackFromMethod(PyObject buffer, long offset = 0)
    {
        var data = BufferProtocol.Read(buffer);
        var len = data.Length;
        if (offset < 0)
        {
            if (offset + len < 0)
            {
                throw StructModule.Fail($"offset {offset} out of range for {len}-byte buffer");
            }
            offset += len;
        }
        if (len - offset < Size)
        {
            throw StructModule.Fail($"unpack_from requires a buffer of at least {Size + offset} bytes for unpacking {Size} bytes at offset {offset} (actual buffer size is {len})");
        }
        return UnpackAt(data[(int)offset..]);
    }

    [PyMethod("iter_unpack", Doc = "Return an iterator yielding tuples.")]
    public PyObject IterUnpackMethod(PyObject buffer)
    {
        if (Size == 0)
        {
            throw StructModule.Fail("cannot iteratively unpack with a struct of length 0");
        }
        var data = BufferProtocol.Read(buffer).ToArray();
        if (data.Length % Size != 0)
        {
            throw StructModule.Fail($"iterative unpacking requires a buffer of a multiple of {Size} bytes");
        }
        return new PyUnpackIterator(this, data);
    }

    internal PyTuple UnpackChunk(byte[] data, int offset) => UnpackAt(data.AsSpan(offset));
}

/// <summary>The iterator of <c>iter_unpack</c>.</summary>
[PyType("unpack_iterator", Module = "_struct", FromSpec = true)]
public sealed partial class PyUnpackIterator : PyObject
{
    private readonly PyStruct _struct;
    private readonly byte[] _data;
    private int _offset;

    internal PyUnpackIterator(PyStruct s, byte[] data)
    {
        _struct = s;
        _data = data;
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? IterNext()
    {
        if (_offset + _struct.Size > _data.Length)
        {
            return null;
        }
        var result = _struct.UnpackChunk(_data, _offset);
        _offset += (int)_struct.Size;
        return result;
    }

    [PyMethod("__length_hint__")]
    public long LengthHint() => (_data.Length - _offset) / _struct.Size;
}
