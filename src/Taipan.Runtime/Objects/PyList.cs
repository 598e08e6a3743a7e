// Objects/listobject.c
namespace Taipan.Runtime.Objects;

/// <summary><c>list</c>: a growable array of objects.</summary>
[PyType("list", Subclassable = true, Generic = true, Unhashable = true, Flags = TypeFlags.ListSubclass)]
public partial class PyList : PyObject
{
    private PyObject[] _items;
    private int _count;

    public PyList()
    {
        _items = [];
    }

    public PyList(ReadOnlySpan<PyObject> items)
    {
        _items = items.ToArray();
        _count = _items.Length;
    }

    private PyList(PyObject[] items, int count)
    {
        _items = items;
        _count = count;
    }

    public int Count => _count;

    public ReadOnlySpan<PyObject> Items => _items.AsSpan(0, _count);

    /// <summary>The allocated slots (<c>allocated</c>), for <c>__sizeof__</c>.</summary>
    internal int Capacity => _items.Length;

    public PyObject this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        ReferenceEquals(type, TypeObject) ? new PyList() : new PyListInstance(type);

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("list", kwnames);
        Python.ArgParse.CheckPositional("list", args.Length, 0, 1);
        Clear();
        if (args.Length == 1)
        {
            Extend(args[0]);
        }
    }

    private void Grow(int needed)
    {
        if (needed > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(needed, Math.Max(4, _items.Length * 2)));
        }
    }

    [PyMethod]
    public void Append(PyObject item)
    {
        if (_count == _items.Length)
        {
            Grow(_count + 1);
        }
        _items[_count++] = item;
    }

    [PyMethod]
    public void Extend(PyObject iterable)
    {
        // Exact types only: a subclass may override __iter__.
        if (iterable.GetType() == typeof(PyList) || ReferenceEquals(iterable, this))
        {
            var l = (PyList)iterable;
            var n = l._count;
            Grow(_count + n);
            Array.Copy(l._items, 0, _items, _count, n);
            _count += n;
            return;
        }
        if (iterable.GetType() == typeof(PyTuple))
        {
            var t = (PyTuple)iterable;
            Grow(_count + t.Count);
            t.Items.CopyTo(_items.AsSpan(_count));
            _count += t.Count;
            return;
        }
        var it = Abstract.Ops.GetIter(iterable);
        while (Abstract.Ops.Next(it) is { } item)
        {
            Append(item);
        }
    }

    [PyMethod]
    public void Insert(long index, PyObject @object)
    {
        if (index < 0)
        {
            index = Math.Max(0, index + _count);
        }
        var i = (int)Math.Min(index, _count);
        Grow(_count + 1);
        Array.Copy(_items, i, _items, i + 1, _count - i);
        _items[i] = @object;
        _count++;
    }

    [PyMethod]
    public PyObject Pop(long index = -1)
    {
        if (_count == 0)
        {
            throw Errors.PyErr.IndexError("pop from empty list");
        }
        if (index < 0)
        {
            index += _count;
        }
        if ((ulong)index >= (ulong)_count)
        {
            throw Errors.PyErr.IndexError("pop index out of range");
        }
        var i = (int)index;
        var r = _items[i];
        RemoveAt(i);
        return r;
    }

    private void RemoveAt(int i)
    {
        Array.Copy(_items, i + 1, _items, i, _count - i - 1);
        _items[--_count] = null!;
    }

    [PyMethod]
    public void Remove(PyObject value)
    {
        for (var i = 0; i < _count; i++)
        {
            if (Abstract.Ops.RichCompareBool(_items[i], value, CompareOp.Eq))
            {
                if (i < _count)
                {
                    RemoveAt(i);
                }
                return;
            }
        }
        throw Errors.PyErr.ValueError("list.remove(x): x not in list");
    }

    [PyMethod]
    public long Index(PyObject value, PyObject? start = null, PyObject? stop = null)
    {
        var (lo, hi) = PySlice.SearchBounds(start, stop, _count);
        for (var i = lo; i < hi && i < _count; i++)
        {
            if (Abstract.Ops.RichCompareBool(_items[i], value, CompareOp.Eq))
            {
                return i;
            }
        }
        throw Errors.PyErr.ValueError($"{Abstract.Ops.Repr(value).Value} is not in list");
    }

    [PyMethod("count")]
    public long CountOf(PyObject value)
    {
        long n = 0;
        for (var i = 0; i < _count; i++)
        {
            if (Abstract.Ops.RichCompareBool(_items[i], value, CompareOp.Eq))
            {
                n++;
            }
        }
        return n;
    }

    [PyMethod]
    public void Reverse() => Array.Reverse(_items, 0, _count);

    [PyMethod]
    public PyList Copy() => new(Items);

    [PyMethod]
    public void Clear()
    {
        _items = [];
        _count = 0;
    }

    /// <summary><c>list.sort(*, key=None, reverse=False)</c>: a stable merge sort using only
    /// <c>&lt;</c>. The list is empty while it sorts, so a key or comparison that changes it is
    /// detected afterwards, as CPython does.</summary>
    [PyMethod(Keywords = true)]
    public void Sort([KeywordOnly] PyObject? key = null, bool reverse = false)
    {
        var items = _items;
        var n = _count;
        _items = [];
        _count = 0;
        var values = items.AsSpan(0, n);
        try
        {
            var keys = values;
            if (key is not null && key is not PyNone)
            {
                var k = new PyObject[n];
                for (var i = 0; i < n; i++)
                {
                    k[i] = Abstract.Ops.Call(key, [values[i]], null);
                }
                keys = k;
            }
            if (reverse)
            {
                // Reversing before and after keeps equal items in their original order.
                keys.Reverse();
                if (keys != values)
                {
                    values.Reverse();
                }
            }
            MergeSort.Sort(keys, keys == values ? null : values.ToArray(), values);
            if (reverse)
            {
                values.Reverse();
            }
        }
        finally
        {
            var modified = _count != 0 || _items.Length != 0;
            _items = items;
            _count = n;
            if (modified)
            {
                throw Errors.PyErr.ValueError("list modified during sort");
            }
        }
    }

    [PySlot("sq_length")]
    public long Length() => _count;

    /// <summary>Normalises a Python index (negative counts from the end) or raises IndexError.</summary>
    private int CheckIndex(PyObject key, string what)
    {
        var i = Abstract.Ops.Index(key);
        var n = i.IsSmall ? i.Small : long.MaxValue;
        if (n < 0)
        {
            n += _count;
        }
        if ((ulong)n >= (ulong)_count)
        {
            throw Errors.PyErr.IndexError($"list {what} out of range");
        }
        return (int)n;
    }

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        if (key is PySlice slice)
        {
            var items = slice.Select(Items);
            return new PyList(items, items.Length);
        }
        if (key is not PyInt && key.Type.Slots.Index is null)
        {
            throw Errors.PyErr.TypeError($"list indices must be integers or slices, not {key.Type.Name}");
        }
        return _items[CheckIndex(key, "index")];
    }

    [PySlot("mp_ass_subscript")]
    public void SetItem(PyObject key, PyObject? value)
    {
        if (key is PySlice slice)
        {
            AssignSlice(slice, value);
            return;
        }
        if (key is not PyInt && key.Type.Slots.Index is null)
        {
            throw Errors.PyErr.TypeError($"list indices must be integers or slices, not {key.Type.Name}");
        }
        var i = CheckIndex(key, "assignment index");
        if (value is not null)
        {
            _items[i] = value;
            return;
        }
        RemoveAt(i);
    }

    private void AssignSlice(PySlice slice, PyObject? value)
    {
        var n = slice.Adjust(_count, out var start, out var stop, out var step);
        if (value is null)
        {
            if (step == 1 || n <= 1)
            {
                ReplaceRange((int)start, (int)n, []);
                return;
            }
            // Keep the items the slice skips, in order.
            var drop = new bool[_count];
            for (long i = 0, j = start; i < n; i++, j += step)
            {
                drop[j] = true;
            }
            var w = 0;
            for (var r = 0; r < _count; r++)
            {
                if (!drop[r])
                {
                    _items[w++] = _items[r];
                }
            }
            Array.Clear(_items, w, _count - w);
            _count = w;
            return;
        }
        PyObject[] seq;
        if (ReferenceEquals(value, this) || value is PyList)
        {
            seq = ((PyList)value).Items.ToArray();
        }
        else if (value is PyTuple t)
        {
            seq = t.Items.ToArray();
        }
        else if (value.Type.Slots.Iter is null && value.Type.Slots.GetItem is null)
        {
            throw Errors.PyErr.TypeError(step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
        }
        else
        {
            seq = Abstract.Ops.Iterate(value).ToArray();
        }
        if (step == 1)
        {
            // An empty simple slice whose stop lies before its start inserts at start.
            ReplaceRange((int)start, (int)Math.Max(0, stop - start), seq);
            return;
        }
        if (seq.Length != n)
        {
            throw Errors.PyErr.ValueError($"attempt to assign sequence of size {seq.Length} to extended slice of size {n}");
        }
        for (long i = 0, j = start; i < n; i++, j += step)
        {
            _items[j] = seq[i];
        }
    }

    private void ReplaceRange(int start, int length, PyObject[] seq)
    {
        var newCount = _count - length + seq.Length;
        Grow(newCount);
        Array.Copy(_items, start + length, _items, start + seq.Length, _count - start - length);
        Array.Copy(seq, 0, _items, start, seq.Length);
        if (newCount < _count)
        {
            Array.Clear(_items, newCount, _count - newCount);
        }
        _count = newCount;
    }

    [PySlot("sq_contains")]
    public bool Contains(PyObject item)
    {
        for (var i = 0; i < _count; i++)
        {
            if (Abstract.Ops.RichCompareBool(_items[i], item, CompareOp.Eq))
            {
                return true;
            }
        }
        return false;
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => new PyListIterator(this);

    [PyMethod("__reversed__")]
    public PyObject Reversed() => new PyListReverseIterator(this);

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        if (_count == 0)
        {
            return PyStr.Intern("[]");
        }
        using var guard = Python.ReprGuard.Enter(this);
        if (!guard.Entered)
        {
            return PyStr.Intern("[...]");
        }
        using var depth = Python.RecursionGuard.Enter(" while getting the repr of an object");
        var sb = new System.Text.StringBuilder("[");
        // The list may change while its items' reprs run.
        for (var i = 0; i < _count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }
            sb.Append(Abstract.Ops.Repr(_items[i]).Value);
        }
        return new PyStr(sb.Append(']').ToString());
    }

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (left is not PyList a || right is not PyList b)
        {
            return PyNotImplemented.Value;
        }
        if (a._count != b._count && op is CompareOp.Eq or CompareOp.Ne)
        {
            return PyBool.From(op == CompareOp.Ne);
        }
        using var depth = Python.RecursionGuard.Enter(" in comparison");
        return Abstract.Ops.CompareSequences(a.Items, b.Items, op);
    }

    [PySlot("sq_concat")]
    public static PyObject Concat(PyObject left, PyObject right)
    {
        if (left is not PyList a || right is not PyList b)
        {
            throw Errors.PyErr.TypeError($"can only concatenate list (not \"{right.Type.Name}\") to list");
        }
        var r = new PyList(new PyObject[a._count + b._count], 0);
        r.Extend(a);
        r.Extend(b);
        return r;
    }

    [PySlot("sq_repeat")]
    public static PyObject Repeat(PyObject self, PyObject count)
    {
        var a = (PyList)self;
        var n = PySlice.RepeatCount(count, a._count);
        var items = new PyObject[n * a._count];
        for (var i = 0; i < n; i++)
        {
            Array.Copy(a._items, 0, items, i * a._count, a._count);
        }
        return new PyList(items, items.Length);
    }

    [PySlot("sq_inplace_concat")]
    public static PyObject InPlaceConcat(PyObject self, PyObject other)
    {
        ((PyList)self).Extend(other);
        return self;
    }

    [PySlot("sq_inplace_repeat")]
    public static PyObject InPlaceRepeat(PyObject self, PyObject count)
    {
        var a = (PyList)self;
        var n = PySlice.RepeatCount(count, a._count);
        if (n == 0)
        {
            a.Clear();
            return a;
        }
        var c = a._count;
        a.Grow(c * n);
        for (var i = 1; i < n; i++)
        {
            Array.Copy(a._items, 0, a._items, i * c, c);
        }
        a._count = c * n;
        return a;
    }
}

/// <summary><c>list_iterator</c>: sees items appended while iterating, as CPython's does.</summary>
[PyType("list_iterator")]
public sealed partial class PyListIterator(PyList list) : PyObject
{
    private PyList? _list = list;
    private int _index;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_list is not null && _index < _list.Count)
        {
            return _list[_index++];
        }
        _list = null;
        return null;
    }

    [PyMethod("__length_hint__")]
    public long LengthHint() => _list is null ? 0 : Math.Max(0, _list.Count - _index);
}

/// <summary><c>list_reverseiterator</c>.</summary>
[PyType("list_reverseiterator")]
public sealed partial class PyListReverseIterator(PyList list) : PyObject
{
    private PyList? _list = list;
    private int _index = list.Count - 1;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_list is not null && _index >= 0 && _index < _list.Count)
        {
            return _list[_index--];
        }
        _list = null;
        return null;
    }

    [PyMethod("__length_hint__")]
    public long LengthHint() => _list is null ? 0 : Math.Max(0, Math.Min(_index + 1, _list.Count));
}

/// <summary>The stable merge sort behind <c>list.sort</c> and <c>sorted</c>: runs of 32 by
/// binary insertion, then bottom-up merges; a value moves only when strictly less than another,
/// which keeps equal keys in order.</summary>
internal static class MergeSort
{
    /// <summary><c>a &lt; b</c>, directly for exact ints, floats and strs (whose comparison
    /// no subclass can change), as CPython's sort pre-checks its keys' types.</summary>
    private static bool Less(PyObject a, PyObject b)
    {
        var t = a.GetType();
        if (t == b.GetType())
        {
            if (t == typeof(PyInt) && ((PyInt)a).IsSmall && ((PyInt)b).IsSmall)
            {
                return ((PyInt)a).Small < ((PyInt)b).Small;
            }
            if (t == typeof(PyStr))
            {
                return PyStr.CompareCodePoints(((PyStr)a).Value, ((PyStr)b).Value) < 0;
            }
            if (t == typeof(PyFloat))
            {
                return ((PyFloat)a).Value < ((PyFloat)b).Value;
            }
        }
        return Abstract.Ops.RichCompareBool(a, b, CompareOp.Lt);
    }

    /// <summary>Sorts <paramref name="keys"/>; when <paramref name="values"/> is given (a copy
    /// of the items the keys belong to) the sorted items are written to <paramref name="output"/>.</summary>
    public static void Sort(Span<PyObject> keys, PyObject[]? values, Span<PyObject> output)
    {
        var n = keys.Length;
        var order = TrySortUniform(keys) ?? SortGeneral(keys);
        var src = values ?? keys.ToArray();
        for (var i = 0; i < n; i++)
        {
            output[i] = src[order[i]];
        }
    }

    /// <summary>When every key is an exact int that fits 64 bits, or every key an exact str,
    /// no comparison can run Python code or fail: sorting (key, original index) pairs gives the
    /// stable order directly.</summary>
    private static int[]? TrySortUniform(Span<PyObject> keys)
    {
        var n = keys.Length;
        if (n < 2)
        {
            return n == 0 ? [] : [0];
        }
        var t = keys[0].GetType();
        if (t == typeof(PyInt))
        {
            var pairs = new (long Key, int Index)[n];
            for (var i = 0; i < n; i++)
            {
                if (keys[i].GetType() != typeof(PyInt) || !((PyInt)keys[i]).IsSmall)
                {
                    return null;
                }
                pairs[i] = (((PyInt)keys[i]).Small, i);
            }
            pairs.AsSpan().Sort();
            return Array.ConvertAll(pairs, static p => p.Index);
        }
        if (t == typeof(PyStr))
        {
            var pairs = new (string Key, int Index)[n];
            for (var i = 0; i < n; i++)
            {
                if (keys[i].GetType() != typeof(PyStr))
                {
                    return null;
                }
                pairs[i] = (((PyStr)keys[i]).Value, i);
            }
            pairs.AsSpan().Sort(static (a, b) =>
            {
                var c = PyStr.CompareCodePoints(a.Key, b.Key);
                return c != 0 ? c : a.Index.CompareTo(b.Index);
            });
            return Array.ConvertAll(pairs, static p => p.Index);
        }
        return null;
    }

    private static int[] SortGeneral(Span<PyObject> keys)
    {
        var n = keys.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        var k = keys.ToArray();
        const int run = 32;
        for (var lo = 0; lo < n; lo += run)
        {
            var hi = Math.Min(n, lo + run);
            for (var i = lo + 1; i < hi; i++)
            {
                var x = order[i];
                int l = lo, r = i;
                while (l < r)
                {
                    var m = (l + r) >> 1;
                    if (Less(k[x], k[order[m]]))
                    {
                        r = m;
                    }
                    else
                    {
                        l = m + 1;
                    }
                }
                Array.Copy(order, l, order, l + 1, i - l);
                order[l] = x;
            }
        }
        var tmp = new int[n];
        for (var width = run; width < n; width *= 2)
        {
            for (var lo = 0; lo < n; lo += 2 * width)
            {
                var mid = Math.Min(n, lo + width);
                var hi = Math.Min(n, lo + 2 * width);
                int i = lo, j = mid, o = lo;
                while (i < mid && j < hi)
                {
                    tmp[o++] = Less(k[order[j]], k[order[i]]) ? order[j++] : order[i++];
                }
                while (i < mid)
                {
                    tmp[o++] = order[i++];
                }
                while (j < hi)
                {
                    tmp[o++] = order[j++];
                }
            }
            (order, tmp) = (tmp, order);
        }
        return order;
    }
}
