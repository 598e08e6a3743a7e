// Objects/listobject.c
namespace Taipan.Runtime.Objects;

/// <summary><c>list</c>: a growable array of objects.</summary>
[PyType("list", Subclassable = true, Unhashable = true, Flags = TypeFlags.ListSubclass)]
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

    public int Count => _count;

    public ReadOnlySpan<PyObject> Items => _items.AsSpan(0, _count);

    public PyObject this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyList();

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("list", kwnames);
        Python.ArgParse.CheckPositional("list", args.Length, 0, 1);
        _count = 0;
        if (args.Length == 1)
        {
            foreach (var item in Abstract.Ops.Iterate(args[0]))
            {
                Append(item);
            }
        }
    }

    [PyMethod]
    public void Append(PyObject item)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(4, _count * 2));
        }
        _items[_count++] = item;
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
        if (key is not PyInt && key.Type.Slots.Index is null)
        {
            throw Errors.PyErr.TypeError($"list indices must be integers or slices, not {key.Type.Name}");
        }
        return _items[CheckIndex(key, "index")];
    }

    [PySlot("mp_ass_subscript")]
    public void SetItem(PyObject key, PyObject? value)
    {
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
        Array.Copy(_items, i + 1, _items, i, _count - i - 1);
        _items[--_count] = null!;
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
        var parts = new List<string>(_count);
        for (var i = 0; i < _count; i++)
        {
            parts.Add(Abstract.Ops.Repr(_items[i]).Value);
        }
        return new PyStr("[" + string.Join(", ", parts) + "]");
    }

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op) =>
        left is PyList a && right is PyList b ? Abstract.Ops.CompareSequences(a.Items, b.Items, op) : PyNotImplemented.Value;

    [PySlot("sq_concat")]
    public static PyObject Concat(PyObject left, PyObject right)
    {
        if (left is not PyList a || right is not PyList b)
        {
            throw Errors.PyErr.TypeError($"can only concatenate list (not \"{right.Type.Name}\") to list");
        }
        var r = new PyList(a.Items);
        foreach (var x in b.Items)
        {
            r.Append(x);
        }
        return r;
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
}
