// Objects/bytearrayobject.c
using System.Runtime.InteropServices;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

/// <summary><c>bytearray</c>: a mutable sequence of bytes.</summary>
[PyType("bytearray", Unhashable = true, Doc = "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\nbytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer")]
public sealed partial class PyByteArray : PyObject, IBuffer
{
    private readonly List<byte> _data;
    private int _exports;

    Span<byte> IBuffer.BufferSpan => CollectionsMarshal.AsSpan(_data);

    bool IBuffer.BufferReadOnly => false;

    void IBuffer.BufferExport(int delta) => Interlocked.Add(ref _exports, delta);

    /// <summary>Refuses a change of size while memoryviews hold the data (_canresize). Views
    /// the program dropped but the collector has not finalized yet would refuse it wrongly,
    /// so a refusal first lets them go.</summary>
    private void Resizing(int newCount)
    {
        if (newCount == _data.Count || Volatile.Read(ref _exports) == 0)
        {
            return;
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        if (Volatile.Read(ref _exports) != 0)
        {
            throw PyErr.New(PyExc.BufferError, "Existing exports of data: object cannot be re-sized");
        }
    }

    public PyByteArray() => _data = [];

    public PyByteArray(ReadOnlySpan<byte> data) => _data = [.. data];

    /// <summary>The current contents; invalid once the bytearray changes size.</summary>
    public ReadOnlySpan<byte> Data => CollectionsMarshal.AsSpan(_data);

    /// <summary>The contents to write into in place (readinto); same lifetime as <see cref="Data"/>.</summary>
    public Span<byte> WritableData => CollectionsMarshal.AsSpan(_data);

    private static readonly string[] s_initNames = ["source", "encoding", "errors"];

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyByteArray();

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[3];
        Python.ArgParse.UnpackKeywords("bytearray", args, kwnames, s_initNames, 0, 3, 0, buffer);
        Resizing(0);
        _data.Clear();
        if (buffer[0] is null)
        {
            if (buffer[1] is not null || buffer[2] is not null)
            {
                throw PyErr.TypeError(buffer[1] is not null ? "encoding without a string argument" : "errors without a string argument");
            }
            return;
        }
        _data.AddRange(PyBytes.FromSource("bytearray", buffer[0]!, buffer[1], buffer[2]));
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"bytearray({Taipan.Syntax.Ast.PyRepr.Bytes(Data)})");

    [PySlot("tp_str")]
    public PyStr StrSlot() => Repr();

    [PySlot("sq_length")]
    public long Length() => _data.Count;

    [PySlot("tp_iter")]
    public PyObject Iter() => new PySequenceIterator(this);

    [PySlot("sq_contains")]
    public bool Contains(PyObject item) => BytesMethods.Contains(Data, item);

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        if (key is PySlice slice)
        {
            var n = slice.Adjust(_data.Count, out var start, out _, out var step);
            return new PyByteArray(BytesMethods.Select(Data, n, start, step));
        }
        return PyInt.From(_data[BytesMethods.ItemIndex(key, _data.Count, "bytearray", "bytearray index out of range")]);
    }

    [PySlot("mp_ass_subscript")]
    public void SetItem(PyObject key, PyObject? value)
    {
        if (key is PySlice slice)
        {
            AssignSlice(slice, value);
            return;
        }
        var i = BytesMethods.ItemIndex(key, _data.Count, "bytearray", "bytearray index out of range");
        if (value is null)
        {
            Resizing(_data.Count - 1);
            _data.RemoveAt(i);
            return;
        }
        _data[i] = PyBytes.ByteValue(value);
    }

    private void AssignSlice(PySlice slice, PyObject? value)
    {
        var n = slice.Adjust(_data.Count, out var start, out var stop, out var step);
        if (value is null)
        {
            if (step == 1 || n <= 1)
            {
                Resizing(_data.Count - (int)n);
                _data.RemoveRange((int)start, (int)n);
                return;
            }
            Resizing(_data.Count - (int)n);
            var drop = new bool[_data.Count];
            for (long i = 0, j = start; i < n; i++, j += step)
            {
                drop[j] = true;
            }
            var w = 0;
            for (var r = 0; r < _data.Count; r++)
            {
                if (!drop[r])
                {
                    _data[w++] = _data[r];
                }
            }
            _data.RemoveRange(w, _data.Count - w);
            return;
        }
        byte[] seq;
        var buffer = PyBytes.BufferOf(value, out var ok);
        if (ok)
        {
            seq = buffer.ToArray();
        }
        else if (value is PyInt || value.Type.Slots.Index is not null || (value.Type.Slots.Iter is null && value.Type.Slots.GetItem is null))
        {
            throw PyErr.TypeError($"can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        }
        else
        {
            seq = PyBytes.FromObject(value, "byte must be in range(0, 256)");
        }
        if (step == 1)
        {
            var length = (int)Math.Max(0, stop - start);
            Resizing(_data.Count - length + seq.Length);
            _data.RemoveRange((int)start, length);
            _data.InsertRange((int)start, seq);
            return;
        }
        if (seq.Length != n)
        {
            throw PyErr.ValueError($"attempt to assign bytes of size {seq.Length} to extended slice of size {n}");
        }
        for (long i = 0, j = start; i < n; i++, j += step)
        {
            _data[(int)j] = seq[i];
        }
    }

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        var a = PyBytes.BufferOf(left, out var okLeft);
        var b = PyBytes.BufferOf(right, out var okRight);
        return okLeft && okRight ? BytesMethods.Compare(a, b, op) : PyNotImplemented.Value;
    }

    [PySlot("sq_concat")]
    public static PyObject Concat(PyObject left, PyObject right)
    {
        var a = PyBytes.Buffer(left);
        var b = PyBytes.BufferOf(right, out var ok);
        if (!ok)
        {
            throw PyErr.TypeError($"can't concat {right.Type.Name} to {left.Type.Name}");
        }
        return new PyByteArray([.. a, .. b]);
    }

    [PySlot("sq_inplace_concat")]
    public static PyObject InPlaceConcat(PyObject self, PyObject other)
    {
        var a = (PyByteArray)self;
        var b = PyBytes.BufferOf(other, out var ok);
        if (!ok)
        {
            throw PyErr.TypeError($"can't concat {other.Type.Name} to {self.Type.Name}");
        }
        a.Resizing(a._data.Count + b.Length);
        a._data.AddRange(b.ToArray());
        return a;
    }

    [PySlot("sq_repeat")]
    public static PyObject Repeat(PyObject self, PyObject count)
    {
        var a = (PyByteArray)self;
        return new PyByteArray(BytesMethods.Repeat(a.Data, PySlice.RepeatCount(count, a._data.Count)));
    }

    [PySlot("sq_inplace_repeat")]
    public static PyObject InPlaceRepeat(PyObject self, PyObject count)
    {
        var a = (PyByteArray)self;
        var repeated = BytesMethods.Repeat(a.Data, PySlice.RepeatCount(count, a._data.Count));
        a.Resizing(repeated.Length);
        a._data.Clear();
        a._data.AddRange(repeated);
        return a;
    }

    [PySlot("nb_remainder")]
    public static PyObject Remainder(PyObject left, PyObject right) =>
        left is PyByteArray format ? new PyByteArray(Python.PercentFormat.FormatBytes(format.Data, right)) : PyNotImplemented.Value;

    [PyMethod]
    public void Append(PyObject item)
    {
        var b = PyBytes.ByteValue(item);
        Resizing(_data.Count + 1);
        _data.Add(b);
    }

    [PyMethod]
    public void Extend(PyObject iterable_of_ints)
    {
        var buffer = PyBytes.BufferOf(iterable_of_ints, out var ok);
        if (ok)
        {
            Resizing(_data.Count + buffer.Length);
            _data.AddRange(buffer.ToArray());
            return;
        }
        if (iterable_of_ints.Type.Slots.Iter is null && iterable_of_ints.Type.Slots.GetItem is null)
        {
            throw PyErr.TypeError($"can't extend bytearray with {iterable_of_ints.Type.Name}");
        }
        if (iterable_of_ints is PyStr)
        {
            // Its items are str, never ints: the first one fails as CPython's does.
            foreach (var item in Ops.Iterate(iterable_of_ints))
            {
                var b = PyBytes.ByteValue(item);
                Resizing(_data.Count + 1);
                _data.Add(b);
            }
            return;
        }
        var items = PyBytes.FromObject(iterable_of_ints, "byte must be in range(0, 256)");
        Resizing(_data.Count + items.Length);
        _data.AddRange(items);
    }

    [PyMethod]
    public PyObject Pop(long index = -1)
    {
        if (_data.Count == 0)
        {
            throw PyErr.IndexError("pop from empty bytearray");
        }
        var i = index < 0 ? index + _data.Count : index;
        if ((ulong)i >= (ulong)_data.Count)
        {
            throw PyErr.IndexError("pop index out of range");
        }
        var b = _data[(int)i];
        Resizing(_data.Count - 1);
        _data.RemoveAt((int)i);
        return PyInt.From(b);
    }

    [PyMethod]
    public void Insert(long index, PyObject item)
    {
        var b = PyBytes.ByteValue(item);
        var i = index < 0 ? Math.Max(0, index + _data.Count) : Math.Min(index, _data.Count);
        Resizing(_data.Count + 1);
        _data.Insert((int)i, b);
    }

    [PyMethod]
    public void Remove(PyObject value)
    {
        var i = _data.IndexOf(PyBytes.ByteValue(value));
        if (i < 0)
        {
            throw PyErr.ValueError("value not found in bytearray");
        }
        Resizing(_data.Count - 1);
        _data.RemoveAt(i);
    }

    [PyMethod]
    public void Clear()
    {
        Resizing(0);
        _data.Clear();
    }

    [PyMethod]
    public PyByteArray Copy() => new(Data);

    [PyMethod]
    public void Reverse() => _data.Reverse();

    [PyMethod(Keywords = true)]
    public PyStr Decode(PyObject? encoding = null, PyObject? errors = null) => BytesMethods.Decode("decode", Data, encoding, errors);

    [PyMethod]
    public PyStr Hex(PyObject? sep = null, PyObject? bytes_per_sep = null) => BytesMethods.Hex(Data, sep, bytes_per_sep);

    [PyClassMethod]
    public static PyObject FromHex(PyType type, PyObject @string) => new PyByteArray(BytesMethods.FromHex(@string));

    [PyMethod]
    public long Find(PyObject sub, PyObject? start = null, PyObject? end = null) => BytesMethods.Find(Data, sub, start, end, false);

    [PyMethod]
    public long RFind(PyObject sub, PyObject? start = null, PyObject? end = null) => BytesMethods.Find(Data, sub, start, end, true);

    [PyMethod]
    public long Index(PyObject sub, PyObject? start = null, PyObject? end = null) =>
        BytesMethods.Find(Data, sub, start, end, false) is var i and >= 0 ? i : throw PyErr.ValueError("subsection not found");

    [PyMethod]
    public long RIndex(PyObject sub, PyObject? start = null, PyObject? end = null) =>
        BytesMethods.Find(Data, sub, start, end, true) is var i and >= 0 ? i : throw PyErr.ValueError("subsection not found");

    [PyMethod]
    public long Count(PyObject sub, PyObject? start = null, PyObject? end = null) => BytesMethods.Count(Data, sub, start, end);

    [PyMethod]
    public bool StartsWith(PyObject prefix, PyObject? start = null, PyObject? end = null) =>
        BytesMethods.StartsEnds(Data, "startswith", prefix, start, end, false);

    [PyMethod]
    public bool EndsWith(PyObject suffix, PyObject? start = null, PyObject? end = null) =>
        BytesMethods.StartsEnds(Data, "endswith", suffix, start, end, true);

    [PyMethod]
    public PyByteArray Join(PyObject iterable_of_bytes) => new(BytesMethods.Join(Data, iterable_of_bytes));

    [PyMethod(Keywords = true)]
    public PyList Split(PyObject? sep = null, long maxsplit = -1) => Wrap(BytesMethods.Split(Data, sep, maxsplit, false));

    [PyMethod(Keywords = true)]
    public PyList RSplit(PyObject? sep = null, long maxsplit = -1) => Wrap(BytesMethods.Split(Data, sep, maxsplit, true));

    [PyMethod]
    public PyByteArray Strip(PyObject? bytes = null) => new(BytesMethods.Strip(Data, bytes, true, true));

    [PyMethod]
    public PyByteArray LStrip(PyObject? bytes = null) => new(BytesMethods.Strip(Data, bytes, true, false));

    [PyMethod]
    public PyByteArray RStrip(PyObject? bytes = null) => new(BytesMethods.Strip(Data, bytes, false, true));

    [PyMethod]
    public PyByteArray Replace(PyObject old, PyObject @new, long count = -1) => new(BytesMethods.Replace(Data, old, @new, count));

    [PyMethod]
    public PyByteArray Upper() => new(BytesMethods.Map(Data, BytesMethods.Upper));

    [PyMethod]
    public PyByteArray Lower() => new(BytesMethods.Map(Data, BytesMethods.Lower));

    [PyMethod]
    public bool IsDigit() => BytesMethods.All(Data, static c => c is >= (byte)'0' and <= (byte)'9');

    [PyMethod]
    public bool IsAlpha() => BytesMethods.All(Data, static c => BytesMethods.IsUpper(c) || BytesMethods.IsLower(c));

    [PyMethod]
    public bool IsSpace() => BytesMethods.All(Data, BytesMethods.IsSpace);

    [PyMethod]
    public bool IsAscii() => System.Text.Ascii.IsValid(Data);

    [PyMethod]
    public PyTuple Partition(PyObject sep) => Triple(BytesMethods.Partition(Data, sep, false));

    [PyMethod]
    public PyTuple RPartition(PyObject sep) => Triple(BytesMethods.Partition(Data, sep, true));

    [PyMethod(Keywords = true)]
    public PyList SplitLines(bool keepends = false) => Wrap(BytesMethods.SplitLines(Data, keepends));

    [PyMethod]
    public PyByteArray LJust(long width, PyObject? fillchar = null) => Padded(BytesMethods.Pad(Data, "ljust", width, fillchar, 'l'));

    [PyMethod]
    public PyByteArray RJust(long width, PyObject? fillchar = null) => Padded(BytesMethods.Pad(Data, "rjust", width, fillchar, 'r'));

    [PyMethod]
    public PyByteArray Center(long width, PyObject? fillchar = null) => Padded(BytesMethods.Pad(Data, "center", width, fillchar, 'c'));

    [PyMethod]
    public PyByteArray ZFill(long width) => Padded(BytesMethods.ZFill(Data, width));

    [PyMethod(Keywords = true)]
    public PyByteArray ExpandTabs(long tabsize = 8) => new(BytesMethods.ExpandTabs(Data, tabsize));

    [PyMethod]
    public bool IsTitle() => BytesMethods.IsTitle(Data);

    [PyMethod]
    public PyByteArray RemovePrefix(PyObject prefix)
    {
        var p = PyBytes.Buffer(prefix);
        return Padded(Data.StartsWith(p) && p.Length > 0 ? Data[p.Length..].ToArray() : null);
    }

    [PyMethod]
    public PyByteArray RemoveSuffix(PyObject suffix)
    {
        var p = PyBytes.Buffer(suffix);
        return Padded(Data.EndsWith(p) && p.Length > 0 ? Data[..^p.Length].ToArray() : null);
    }

    private PyTuple Triple((byte[] Before, byte[] Sep, byte[] After) parts) =>
        PyTuple.Create(new PyByteArray(parts.Before), new PyByteArray(parts.Sep), new PyByteArray(parts.After));

    /// <summary>A result that may be the data unchanged (null): then a copy.</summary>
    private PyByteArray Padded(byte[]? data) => new(data ?? Data);

    [PyMethod]
    public PyByteArray SwapCase() => new(BytesMethods.Map(Data, static c => BytesMethods.IsUpper(c) ? BytesMethods.Lower(c) : BytesMethods.Upper(c)));

    [PyMethod]
    public PyByteArray Capitalize() => new(BytesMethods.Capitalize(Data));

    [PyMethod]
    public PyByteArray Title() => new(BytesMethods.Title(Data));

    [PyMethod]
    public bool IsAlnum() => BytesMethods.All(Data, static c => BytesMethods.IsUpper(c) || BytesMethods.IsLower(c) || c is >= (byte)'0' and <= (byte)'9');

    [PyMethod]
    public bool IsUpper() => BytesMethods.Cased(Data, true);

    [PyMethod]
    public bool IsLower() => BytesMethods.Cased(Data, false);

    [PyStaticMethod]
    public static PyBytes MakeTrans(PyObject frm, PyObject to) => new(BytesMethods.MakeTrans(frm, to));

    [PyMethod(Keywords = true)]
    public PyByteArray Translate(PyObject table, PyObject? delete = null) => new(BytesMethods.Translate(Data, table, delete));

    private static PyList Wrap(List<byte[]> parts)
    {
        var list = new PyList();
        foreach (var p in parts)
        {
            list.Append(new PyByteArray(p));
        }
        return list;
    }
}
