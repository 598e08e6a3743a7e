// Objects/tupleobject.c
namespace Taipan.Runtime.Objects;

/// <summary><c>tuple</c>: an immutable array of objects.</summary>
[PyType("tuple", Subclassable = true, Generic = true, Flags = TypeFlags.TupleSubclass)]
public partial class PyTuple : PyObject
{
    public static readonly PyTuple Empty = new([]);

    private readonly PyObject[] _items;

    public PyTuple(PyObject[] items) => _items = items;

    public static PyTuple Create(params ReadOnlySpan<PyObject> items) => items.Length == 0 ? Empty : new PyTuple(items.ToArray());

    public int Count => _items.Length;

    public PyObject this[int index] => _items[index];

    public ReadOnlySpan<PyObject> Items => _items;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (!ReferenceEquals(type, TypeObject))
        {
            // tuple_subtype_new: the items the arguments make, in an instance of the subclass.
            return new PyTupleInstance(type, ((PyTuple)New(TypeObject, args, kwnames))._items);
        }
        Python.ArgParse.NoKeywords("tuple", kwnames);
        Python.ArgParse.CheckPositional("tuple", args.Length, 0, 1);
        if (args.Length == 0)
        {
            return Empty;
        }
        return args[0] is PyTuple t && t.GetType() == typeof(PyTuple) ? t : new PyTuple(Abstract.Ops.Iterate(args[0]).ToArray());
    }

    [PySlot("sq_length")]
    public long Length() => _items.Length;

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        if (_items.Length == 0)
        {
            return PyStr.Intern("()");
        }
        using var guard = Python.ReprGuard.Enter(this);
        if (!guard.Entered)
        {
            return PyStr.Intern("(...)");
        }
        using var depth = Python.RecursionGuard.Enter(" while getting the repr of an object");
        var parts = new string[_items.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Abstract.Ops.Repr(_items[i]).Value;
        }
        return new PyStr(_items.Length == 1 ? $"({parts[0]},)" : $"({string.Join(", ", parts)})");
    }

    [PySlot("tp_hash")]
    public long Hash()
    {
        // xxHash-based tuple hash of CPython 3.8+.
        const ulong prime1 = 11400714785074694791UL;
        const ulong prime2 = 14029467366897019727UL;
        const ulong prime5 = 2870177450012600261UL;
        var acc = prime5;
        foreach (var item in _items)
        {
            var lane = (ulong)Abstract.Ops.Hash(item);
            acc += lane * prime2;
            acc = System.Numerics.BitOperations.RotateLeft(acc, 31);
            acc *= prime1;
        }
        acc += (ulong)_items.Length ^ (prime5 ^ 3527539UL);
        return acc == ulong.MaxValue ? 1546275796 : (long)acc;
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => new PyTupleIterator(this);

    [PySlot("sq_contains")]
    public bool Contains(PyObject item)
    {
        foreach (var x in _items)
        {
            if (ReferenceEquals(x, item) || Abstract.Ops.RichCompareBool(x, item, CompareOp.Eq))
            {
                return true;
            }
        }
        return false;
    }

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (left is not PyTuple a || right is not PyTuple b)
        {
            return PyNotImplemented.Value;
        }
        using var depth = Python.RecursionGuard.Enter(" in comparison");
        return Abstract.Ops.CompareSequences(a._items, b._items, op);
    }

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        if (key is PySlice slice)
        {
            if (slice.Start is PyNone && slice.Stop is PyNone && slice.Step is PyNone && GetType() == typeof(PyTuple))
            {
                return this;
            }
            var items = slice.Select(_items);
            return items.Length == 0 ? Empty : new PyTuple(items);
        }
        if (key is not PyInt && key.Type.Slots.Index is null)
        {
            throw Errors.PyErr.TypeError($"tuple indices must be integers or slices, not {key.Type.Name}");
        }
        var i = Abstract.Ops.Index(key);
        var n = i.IsSmall ? i.Small : long.MaxValue;
        if (n < 0)
        {
            n += _items.Length;
        }
        if ((ulong)n >= (ulong)_items.Length)
        {
            throw Errors.PyErr.IndexError("tuple index out of range");
        }
        return _items[n];
    }

    [PySlot("sq_concat")]
    public static PyObject Concat(PyObject left, PyObject right)
    {
        if (left is not PyTuple a || right is not PyTuple b)
        {
            throw Errors.PyErr.TypeError($"can only concatenate tuple (not \"{right.Type.Name}\") to tuple");
        }
        if (b._items.Length == 0 && a.GetType() == typeof(PyTuple))
        {
            return a;
        }
        if (a._items.Length == 0 && b.GetType() == typeof(PyTuple))
        {
            return b;
        }
        return new PyTuple([.. a._items, .. b._items]);
    }

    [PySlot("sq_repeat")]
    public static PyObject Repeat(PyObject self, PyObject count)
    {
        var a = (PyTuple)self;
        var n = PySlice.RepeatCount(count, a._items.Length);
        if (n == 1 && a.GetType() == typeof(PyTuple))
        {
            return a;
        }
        if (n == 0 || a._items.Length == 0)
        {
            return Empty;
        }
        var items = new PyObject[n * a._items.Length];
        for (var i = 0; i < n; i++)
        {
            a._items.CopyTo(items, i * a._items.Length);
        }
        return new PyTuple(items);
    }

    [PyMethod]
    public long Index(PyObject value, PyObject? start = null, PyObject? stop = null)
    {
        var (lo, hi) = PySlice.SearchBounds(start, stop, _items.Length);
        for (var i = lo; i < hi; i++)
        {
            if (Abstract.Ops.RichCompareBool(_items[i], value, CompareOp.Eq))
            {
                return i;
            }
        }
        throw Errors.PyErr.ValueError("tuple.index(x): x not in tuple");
    }

    [PyMethod("count")]
    public long CountOf(PyObject value)
    {
        long n = 0;
        foreach (var x in _items)
        {
            if (Abstract.Ops.RichCompareBool(x, value, CompareOp.Eq))
            {
                n++;
            }
        }
        return n;
    }
}

/// <summary><c>tuple_iterator</c>.</summary>
[PyType("tuple_iterator")]
public sealed partial class PyTupleIterator(PyTuple tuple) : PyObject
{
    private PyTuple? _tuple = tuple;
    private int _index;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_tuple is null)
        {
            return null;
        }
        if (_index < _tuple.Count)
        {
            return _tuple[_index++];
        }
        _tuple = null;
        return null;
    }
}
