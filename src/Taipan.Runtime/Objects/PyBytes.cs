// Objects/bytesobject.c
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

/// <summary><c>bytes</c>: an immutable sequence of bytes.</summary>
[PyType("bytes", Flags = TypeFlags.BytesSubclass, Doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\nbytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - any object implementing the buffer API.\n  - an integer")]
public sealed partial class PyBytes : PyObject, IBuffer
{
    Span<byte> IBuffer.BufferSpan => _data;

    bool IBuffer.BufferReadOnly => true;

    void IBuffer.BufferExport(int delta)
    {
    }

    public static readonly PyBytes Empty = new([]);

    private readonly byte[] _data;
    private long _hash = -1;

    public PyBytes(byte[] data) => _data = data;

    public ReadOnlySpan<byte> Data => _data;

    public static PyBytes From(ReadOnlySpan<byte> data) => data.Length == 0 ? Empty : new PyBytes(data.ToArray());

    private static readonly string[] s_newNames = ["source", "encoding", "errors"];

    /// <summary><c>bytes(source=b'', encoding=..., errors=...)</c>.</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[3];
        Python.ArgParse.UnpackKeywords("bytes", args, kwnames, s_newNames, 0, 3, 0, buffer);
        var (source, encoding, errors) = (buffer[0], buffer[1], buffer[2]);
        if (source is null)
        {
            if (encoding is not null || errors is not null)
            {
                throw PyErr.TypeError(encoding is not null ? "encoding without a string argument" : "errors without a string argument");
            }
            return Empty;
        }
        if (encoding is null && errors is null && source.Type.Lookup(PyStr.Intern("__bytes__")) is { } method)
        {
            var result = Ops.Call(method, [source], null);
            return result is PyBytes ? result : throw PyErr.TypeError($"__bytes__ returned non-bytes (type {result.Type.Name})");
        }
        return new PyBytes(FromSource("bytes", source, encoding, errors));
    }

    /// <summary>The bytes of <c>bytes(source, encoding, errors)</c> or the bytearray equivalent
    /// once <c>__bytes__</c> is ruled out.</summary>
    internal static byte[] FromSource(string name, PyObject source, PyObject? encoding, PyObject? errors)
    {
        if (encoding is null && errors is null)
        {
            return FromObject(source, name == "bytes" ? "bytes must be in range(0, 256)" : "byte must be in range(0, 256)");
        }
        if (source is not PyStr s)
        {
            throw PyErr.TypeError(encoding is not null ? "encoding without a string argument" : "errors without a string argument");
        }
        var enc = encoding is null ? "utf-8" : Python.Codecs.StrArg(name, "encoding", 2, encoding);
        var err = errors is null ? "strict" : Python.Codecs.StrArg(name, "errors", 3, errors);
        return Python.Codecs.Encode(s, enc, err);
    }

    /// <summary>The bytes of a <c>bytes()</c> / <c>bytearray()</c> source other than a str.</summary>
    internal static byte[] FromObject(PyObject source, string rangeMessage = "bytes must be in range(0, 256)")
    {
        switch (source)
        {
            case PyBytes b:
                return b._data;
            case PyByteArray ba:
                return ba.Data.ToArray();
            case PyMemoryView mv:
                return mv.ToBytes();
            case PyStr:
                throw PyErr.TypeError("string argument without an encoding");
            case IBuffer other:
                return other.BufferSpan.ToArray();
        }
        if (source is PyInt || source.Type.Slots.Index is not null)
        {
            var n = Ops.Index(source);
            if (!n.IsSmall)
            {
                throw PyErr.OverflowError("cannot fit 'int' into an index-sized integer");
            }
            if (n.Small > Array.MaxLength)
            {
                throw PyErr.New(PyExc.MemoryError, "");
            }
            return n.Small < 0 ? throw PyErr.ValueError("negative count") : new byte[n.Small];
        }
        if (source.Type.Slots.Iter is null && source.Type.Slots.GetItem is null)
        {
            throw PyErr.TypeError($"cannot convert '{source.Type.Name}' object to bytes");
        }
        var list = new List<byte>();
        foreach (var item in Ops.Iterate(source))
        {
            list.Add(ByteValue(item, rangeMessage));
        }
        return [.. list];
    }

    /// <summary>An int in range(256), as an item of a bytes source or a byte argument.</summary>
    internal static byte ByteValue(PyObject item, string message = "byte must be in range(0, 256)")
    {
        if (item is not PyInt && item.Type.Slots.Index is null)
        {
            throw PyErr.TypeError($"'{item.Type.Name}' object cannot be interpreted as an integer");
        }
        var v = Ops.Index(item);
        return v.IsSmall && v.Small is >= 0 and < 256 ? (byte)v.Small : throw PyErr.ValueError(message);
    }

    /// <summary>The data of a bytes-like argument, or null when it is not one.</summary>
    internal static ReadOnlySpan<byte> BufferOf(PyObject o, out bool ok)
    {
        ok = true;
        if (o is PyBytes b)
        {
            return b._data;
        }
        if (o is PyByteArray ba)
        {
            return ba.Data;
        }
        if (o is PyMemoryView mv)
        {
            return mv.ContiguousBytes();
        }
        if (o is IBuffer other)
        {
            return other.BufferSpan;
        }
        ok = false;
        return default;
    }

    /// <summary>The data of an argument that must be bytes-like.</summary>
    internal static ReadOnlySpan<byte> Buffer(PyObject o)
    {
        var data = BufferOf(o, out var ok);
        return ok ? data : throw PyErr.TypeError($"a bytes-like object is required, not '{o.Type.Name}'");
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => new(Taipan.Syntax.Ast.PyRepr.Bytes(_data));

    [PySlot("tp_str")]
    public PyStr StrSlot() => Repr();

    [PySlot("tp_hash")]
    public long Hash()
    {
        var h = _hash;
        return h != -1 ? h : _hash = Python.PyHash.Bytes(_data);
    }

    [PySlot("sq_length")]
    public long Length() => _data.Length;

    [PySlot("tp_iter")]
    public PyObject Iter() => new PyBytesIterator(_data);

    [PySlot("sq_contains")]
    public bool Contains(PyObject item) => BytesMethods.Contains(_data, item);

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        if (key is PySlice slice)
        {
            var n = slice.Adjust(_data.Length, out var start, out _, out var step);
            if (n == _data.Length && step == 1)
            {
                return this;
            }
            return new PyBytes(BytesMethods.Select(_data, n, start, step));
        }
        return PyInt.From(_data[BytesMethods.ItemIndex(key, _data.Length, "byte", "index out of range")]);
    }

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        var a = BufferOf(left, out var okLeft);
        var b = BufferOf(right, out var okRight);
        return okLeft && okRight ? BytesMethods.Compare(a, b, op) : PyNotImplemented.Value;
    }

    [PySlot("sq_concat")]
    public static PyObject Concat(PyObject left, PyObject right)
    {
        var a = Buffer(left);
        var b = BufferOf(right, out var ok);
        if (!ok)
        {
            throw PyErr.TypeError($"can't concat {right.Type.Name} to {left.Type.Name}");
        }
        return new PyBytes([.. a, .. b]);
    }

    [PySlot("sq_repeat")]
    public static PyObject Repeat(PyObject self, PyObject count)
    {
        var a = (PyBytes)self;
        var n = PySlice.RepeatCount(count, a._data.Length);
        return n == 1 ? a : new PyBytes(BytesMethods.Repeat(a._data, n));
    }

    [PySlot("nb_remainder")]
    public static PyObject Remainder(PyObject left, PyObject right) =>
        left is PyBytes format ? new PyBytes(Python.PercentFormat.FormatBytes(format._data, right)) : PyNotImplemented.Value;

    [PyMethod("__getnewargs__")]
    public PyTuple GetNewArgs() => PyTuple.Create(new PyBytes(_data));

    [PyMethod("__bytes__")]
    public PyBytes BytesMethod() => this;

    [PyMethod(Keywords = true)]
    public PyStr Decode(PyObject? encoding = null, PyObject? errors = null) => BytesMethods.Decode("decode", _data, encoding, errors);

    [PyMethod]
    public PyStr Hex(PyObject? sep = null, PyObject? bytes_per_sep = null) => BytesMethods.Hex(_data, sep, bytes_per_sep);

    [PyClassMethod]
    public static PyObject FromHex(PyType type, PyObject @string) => new PyBytes(BytesMethods.FromHex(@string));

    [PyMethod]
    public long Find(PyObject sub, PyObject? start = null, PyObject? end = null) => BytesMethods.Find(_data, sub, start, end, false);

    [PyMethod]
    public long RFind(PyObject sub, PyObject? start = null, PyObject? end = null) => BytesMethods.Find(_data, sub, start, end, true);

    [PyMethod]
    public long Index(PyObject sub, PyObject? start = null, PyObject? end = null) =>
        BytesMethods.Find(_data, sub, start, end, false) is var i and >= 0 ? i : throw PyErr.ValueError("subsection not found");

    [PyMethod]
    public long RIndex(PyObject sub, PyObject? start = null, PyObject? end = null) =>
        BytesMethods.Find(_data, sub, start, end, true) is var i and >= 0 ? i : throw PyErr.ValueError("subsection not found");

    [PyMethod]
    public long Count(PyObject sub, PyObject? start = null, PyObject? end = null) => BytesMethods.Count(_data, sub, start, end);

    [PyMethod]
    public bool StartsWith(PyObject prefix, PyObject? start = null, PyObject? end = null) =>
        BytesMethods.StartsEnds(_data, "startswith", prefix, start, end, false);

    [PyMethod]
    public bool EndsWith(PyObject suffix, PyObject? start = null, PyObject? end = null) =>
        BytesMethods.StartsEnds(_data, "endswith", suffix, start, end, true);

    [PyMethod]
    public PyBytes Join(PyObject iterable_of_bytes) => new(BytesMethods.Join(_data, iterable_of_bytes));

    [PyMethod(Keywords = true)]
    public PyList Split(PyObject? sep = null, long maxsplit = -1) => Wrap(BytesMethods.Split(_data, sep, maxsplit, false));

    [PyMethod(Keywords = true)]
    public PyList RSplit(PyObject? sep = null, long maxsplit = -1) => Wrap(BytesMethods.Split(_data, sep, maxsplit, true));

    [PyMethod]
    public PyBytes Strip(PyObject? bytes = null) => Make(BytesMethods.Strip(_data, bytes, true, true));

    [PyMethod]
    public PyBytes LStrip(PyObject? bytes = null) => Make(BytesMethods.Strip(_data, bytes, true, false));

    [PyMethod]
    public PyBytes RStrip(PyObject? bytes = null) => Make(BytesMethods.Strip(_data, bytes, false, true));

    [PyMethod]
    public PyBytes Replace(PyObject old, PyObject @new, long count = -1) => new(BytesMethods.Replace(_data, old, @new, count));

    [PyMethod]
    public PyBytes Upper() => new(BytesMethods.Map(_data, BytesMethods.Upper));

    [PyMethod]
    public PyBytes Lower() => new(BytesMethods.Map(_data, BytesMethods.Lower));

    [PyMethod]
    public PyBytes SwapCase() => new(BytesMethods.Map(_data, static c => BytesMethods.IsUpper(c) ? BytesMethods.Lower(c) : BytesMethods.Upper(c)));

    [PyMethod]
    public PyBytes Capitalize() => new(BytesMethods.Capitalize(_data));

    [PyMethod]
    public PyBytes Title() => new(BytesMethods.Title(_data));

    [PyMethod]
    public bool IsDigit() => BytesMethods.All(_data, static c => c is >= (byte)'0' and <= (byte)'9');

    [PyMethod]
    public bool IsAlpha() => BytesMethods.All(_data, static c => BytesMethods.IsUpper(c) || BytesMethods.IsLower(c));

    [PyMethod]
    public bool IsAlnum() => BytesMethods.All(_data, static c => BytesMethods.IsUpper(c) || BytesMethods.IsLower(c) || c is >= (byte)'0' and <= (byte)'9');

    [PyMethod]
    public bool IsSpace() => BytesMethods.All(_data, BytesMethods.IsSpace);

    [PyMethod]
    public bool IsAscii() => System.Text.Ascii.IsValid(_data);

    [PyMethod]
    public bool IsUpper() => BytesMethods.Cased(_data, true);

    [PyMethod]
    public bool IsLower() => BytesMethods.Cased(_data, false);

    private PyBytes Make(ReadOnlySpan<byte> part) => part.Length == _data.Length ? this : From(part);

    [PyMethod]
    public PyTuple Partition(PyObject sep) => Triple(BytesMethods.Partition(Data, sep, false));

    [PyMethod]
    public PyTuple RPartition(PyObject sep) => Triple(BytesMethods.Partition(Data, sep, true));

    [PyMethod(Keywords = true)]
    public PyList SplitLines(bool keepends = false) => Wrap(BytesMethods.SplitLines(Data, keepends));

    [PyMethod]
    public PyBytes LJust(long width, PyObject? fillchar = null) => Padded(BytesMethods.Pad(Data, "ljust", width, fillchar, 'l'));

    [PyMethod]
    public PyBytes RJust(long width, PyObject? fillchar = null) => Padded(BytesMethods.Pad(Data, "rjust", width, fillchar, 'r'));

    [PyMethod]
    public PyBytes Center(long width, PyObject? fillchar = null) => Padded(BytesMethods.Pad(Data, "center", width, fillchar, 'c'));

    [PyMethod]
    public PyBytes ZFill(long width) => Padded(BytesMethods.ZFill(Data, width));

    [PyMethod(Keywords = true)]
    public PyBytes ExpandTabs(long tabsize = 8) => new(BytesMethods.ExpandTabs(Data, tabsize));

    [PyMethod]
    public bool IsTitle() => BytesMethods.IsTitle(Data);

    [PyMethod]
    public PyBytes RemovePrefix(PyObject prefix)
    {
        var p = PyBytes.Buffer(prefix);
        return Padded(Data.StartsWith(p) && p.Length > 0 ? Data[p.Length..].ToArray() : null);
    }

    [PyMethod]
    public PyBytes RemoveSuffix(PyObject suffix)
    {
        var p = PyBytes.Buffer(suffix);
        return Padded(Data.EndsWith(p) && p.Length > 0 ? Data[..^p.Length].ToArray() : null);
    }

    private PyTuple Triple((byte[] Before, byte[] Sep, byte[] After) parts) =>
        PyTuple.Create(new PyBytes(parts.Before), new PyBytes(parts.Sep), new PyBytes(parts.After));

    /// <summary>A result that may be the data unchanged (null): then the bytes itself.</summary>
    private PyBytes Padded(byte[]? data) => data is null ? this : new PyBytes(data);

    [PyStaticMethod]
    public static PyBytes MakeTrans(PyObject frm, PyObject to) => new(BytesMethods.MakeTrans(frm, to));

    [PyMethod(Keywords = true)]
    public PyBytes Translate(PyObject table, PyObject? delete = null) => new(BytesMethods.Translate(Data, table, delete));

    private static PyList Wrap(List<byte[]> parts)
    {
        var list = new PyList();
        foreach (var p in parts)
        {
            list.Append(p.Length == 0 ? Empty : new PyBytes(p));
        }
        return list;
    }
}

/// <summary><c>bytes_iterator</c>.</summary>
[PyType("bytes_iterator")]
public sealed partial class PyBytesIterator(byte[] data) : PyObject
{
    private byte[]? _data = data;
    private int _index;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_data is null)
        {
            return null;
        }
        if (_index < _data.Length)
        {
            return PyInt.From(_data[_index++]);
        }
        _data = null;
        return null;
    }
}
