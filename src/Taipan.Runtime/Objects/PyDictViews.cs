// Objects/dictobject.c (dict views and iterators)
namespace Taipan.Runtime.Objects;

public enum DictIterKind
{
    Keys,
    Values,
    Items,
}

/// <summary>The iterators of dicts and their views, forwards and reversed. Like CPython's they
/// raise RuntimeError when the dict changes size while they run.</summary>
public abstract class PyDictIterator(PyDict dict, DictIterKind kind, bool reversed) : PyObject
{
    private PyDict? _dict = dict;
    private readonly int _used = dict.Count;
    private int _pos = reversed ? -1 : 0;
    private int _remaining = dict.Count;

    public static PyObject Create(PyDict dict, DictIterKind kind, bool reversed) => (kind, reversed) switch
    {
        (DictIterKind.Keys, false) => new PyDictKeyIterator(dict),
        (DictIterKind.Values, false) => new PyDictValueIterator(dict),
        (DictIterKind.Items, false) => new PyDictItemIterator(dict),
        (DictIterKind.Keys, true) => new PyDictReverseKeyIterator(dict),
        (DictIterKind.Values, true) => new PyDictReverseValueIterator(dict),
        _ => new PyDictReverseItemIterator(dict),
    };

    protected PyObject? Step()
    {
        var d = _dict;
        if (d is null)
        {
            return null;
        }
        if (d.Count != _used)
        {
            _remaining = -1;
            throw Errors.PyErr.RuntimeError("dictionary changed size during iteration");
        }
        var found = reversed
            ? d.PreviousEntry(ref _pos, out var k, out var v)
            : d.NextEntry(ref _pos, out k, out v);
        if (!found || _remaining <= 0)
        {
            if (found)
            {
                _remaining = -1;
                throw Errors.PyErr.RuntimeError("dictionary keys changed during iteration");
            }
            _dict = null;
            return null;
        }
        _remaining--;
        return kind switch
        {
            DictIterKind.Keys => k,
            DictIterKind.Values => v,
            _ => PyTuple.Create(k, v),
        };
    }

    protected long Remaining => _dict is not null && _dict.Count == _used ? Math.Max(0, _remaining) : 0;
}

/// <summary><c>dict_keyiterator</c>.</summary>
[PyType("dict_keyiterator")]
public sealed partial class PyDictKeyIterator(PyDict dict) : PyDictIterator(dict, DictIterKind.Keys, false)
{
    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next() => Step();

    [PyMethod("__length_hint__")]
    public long LengthHint() => Remaining;
}

/// <summary><c>dict_valueiterator</c>.</summary>
[PyType("dict_valueiterator")]
public sealed partial class PyDictValueIterator(PyDict dict) : PyDictIterator(dict, DictIterKind.Values, false)
{
    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next() => Step();

    [PyMethod("__length_hint__")]
    public long LengthHint() => Remaining;
}

/// <summary><c>dict_itemiterator</c>.</summary>
[PyType("dict_itemiterator")]
public sealed partial class PyDictItemIterator(PyDict dict) : PyDictIterator(dict, DictIterKind.Items, false)
{
    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next() => Step();

    [PyMethod("__length_hint__")]
    public long LengthHint() => Remaining;
}

/// <summary><c>dict_reversekeyiterator</c>.</summary>
[PyType("dict_reversekeyiterator")]
public sealed partial class PyDictReverseKeyIterator(PyDict dict) : PyDictIterator(dict, DictIterKind.Keys, true)
{
    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next() => Step();

    [PyMethod("__length_hint__")]
    public long LengthHint() => Remaining;
}

/// <summary><c>dict_reversevalueiterator</c>.</summary>
[PyType("dict_reversevalueiterator")]
public sealed partial class PyDictReverseValueIterator(PyDict dict) : PyDictIterator(dict, DictIterKind.Values, true)
{
    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next() => Step();

    [PyMethod("__length_hint__")]
    public long LengthHint() => Remaining;
}

/// <summary><c>dict_reverseitemiterator</c>.</summary>
[PyType("dict_reverseitemiterator")]
public sealed partial class PyDictReverseItemIterator(PyDict dict) : PyDictIterator(dict, DictIterKind.Items, true)
{
    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next() => Step();

    [PyMethod("__length_hint__")]
    public long LengthHint() => Remaining;
}

/// <summary>What the three dict views share (<c>_PyDictViewObject</c>).</summary>
public abstract class PyDictView(PyDict dict) : PyObject
{
    public PyDict Dict { get; } = dict;

    protected abstract DictIterKind Kind { get; }

    protected PyObject IterView() => PyDictIterator.Create(Dict, Kind, false);

    protected PyObject ReversedView() => PyDictIterator.Create(Dict, Kind, true);

    protected PyStr ReprView(string name)
    {
        using var guard = Python.ReprGuard.Enter(this);
        if (!guard.Entered)
        {
            return PyStr.Intern("...");
        }
        var list = new PyList(Abstract.Ops.Iterate(this).ToArray());
        return new PyStr($"{name}({list.Repr().Value})");
    }

    protected PyObject MappingProxy() => new PyMappingProxy(Dict);
}

/// <summary>The set operations of keys and items views (<c>dictviews_as_number</c>): they
/// return sets.</summary>
public abstract class PyDictSetView(PyDict dict) : PyDictView(dict)
{
    public abstract bool ContainsItem(PyObject item);

    private static bool IsSetLike(PyObject o) => o is PyAnySet or PyDictSetView;

    protected static PyObject Sub(PyObject a, PyObject b)
    {
        var r = PySet.From(a);
        r.DifferenceUpdateWith(b);
        return r;
    }

    protected static PyObject Or(PyObject a, PyObject b)
    {
        var r = PySet.From(a is PyDictSetView ? a : b);
        r.UpdateWith(a is PyDictSetView ? b : a);
        return r;
    }

    protected static PyObject Xor(PyObject a, PyObject b)
    {
        var r = PySet.From(a is PyDictSetView ? a : b);
        var other = PySet.From(a is PyDictSetView ? b : a);
        return r.SymmetricDifferenceWith(other);
    }

    protected static PyObject And(PyObject a, PyObject b)
    {
        if (a is not PyDictSetView self)
        {
            (a, b) = (b, a);
            self = (PyDictSetView)a;
        }
        var result = new PySet();
        if (b is PyDictSetView v && v.Dict.Count > self.Dict.Count)
        {
            (self, b) = (v, self);
        }
        foreach (var key in Abstract.Ops.Iterate(b))
        {
            if (self.ContainsItem(key))
            {
                result.AddItem(key);
            }
        }
        return result;
    }

    protected static PyObject Compare(PyDictSetView a, PyObject b, CompareOp op)
    {
        if (!IsSetLike(b))
        {
            return PyNotImplemented.Value;
        }
        var la = a.Dict.Count;
        var lb = Python.Builtins.Len(b);
        bool AllIn(PyObject x, PyObject y)
        {
            foreach (var item in Abstract.Ops.Iterate(x))
            {
                if (!Contains(y, item))
                {
                    return false;
                }
            }
            return true;
        }
        var r = op switch
        {
            CompareOp.Eq => la == lb && AllIn(a, b),
            CompareOp.Ne => !(la == lb && AllIn(a, b)),
            CompareOp.Lt => la < lb && AllIn(a, b),
            CompareOp.Le => la <= lb && AllIn(a, b),
            CompareOp.Gt => la > lb && AllIn(b, a),
            _ => la >= lb && AllIn(b, a),
        };
        return PyBool.From(r);
    }

    private static bool Contains(PyObject container, PyObject item) =>
        container.Type.Slots.Contains!(container, item);

    protected bool Disjoint(PyObject other)
    {
        foreach (var item in Abstract.Ops.Iterate(other))
        {
            if (ContainsItem(item))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary><c>dict_keys</c>.</summary>
[PyType("dict_keys", Unhashable = true)]
public sealed partial class PyDictKeys(PyDict dict) : PyDictSetView(dict)
{
    protected override DictIterKind Kind => DictIterKind.Keys;

    public override bool ContainsItem(PyObject item) => Dict.ContainsKey(item);

    [PySlot("sq_length")]
    public long Length() => Dict.Count;

    [PySlot("sq_contains")]
    public bool Contains(PyObject item) => ContainsItem(item);

    [PySlot("tp_iter")]
    public PyObject Iter() => IterView();

    [PyMethod("__reversed__")]
    public PyObject Reversed() => ReversedView();

    [PySlot("tp_repr")]
    public PyStr Repr() => ReprView("dict_keys");

    [PyGetter("mapping")]
    public PyObject Mapping() => MappingProxy();

    [PyMethod]
    public bool IsDisjoint(PyObject other) => Disjoint(other);

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject a, PyObject b, CompareOp op) => Compare((PyDictSetView)a, b, op);

    [PySlot("nb_subtract")]
    public static PyObject Subtract(PyObject a, PyObject b) => Sub(a, b);

    [PySlot("nb_and")]
    public static PyObject AndSlot(PyObject a, PyObject b) => And(a, b);

    [PySlot("nb_or")]
    public static PyObject OrSlot(PyObject a, PyObject b) => Or(a, b);

    [PySlot("nb_xor")]
    public static PyObject XorSlot(PyObject a, PyObject b) => Xor(a, b);
}

/// <summary><c>dict_items</c>.</summary>
[PyType("dict_items", Unhashable = true)]
public sealed partial class PyDictItems(PyDict dict) : PyDictSetView(dict)
{
    protected override DictIterKind Kind => DictIterKind.Items;

    public override bool ContainsItem(PyObject item) =>
        item is PyTuple { Count: 2 } t && Dict.TryGetValue(t[0], out var v) && Abstract.Ops.RichCompareBool(v, t[1], CompareOp.Eq);

    [PySlot("sq_length")]
    public long Length() => Dict.Count;

    [PySlot("sq_contains")]
    public bool Contains(PyObject item) => ContainsItem(item);

    [PySlot("tp_iter")]
    public PyObject Iter() => IterView();

    [PyMethod("__reversed__")]
    public PyObject Reversed() => ReversedView();

    [PySlot("tp_repr")]
    public PyStr Repr() => ReprView("dict_items");

    [PyGetter("mapping")]
    public PyObject Mapping() => MappingProxy();

    [PyMethod]
    public bool IsDisjoint(PyObject other) => Disjoint(other);

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject a, PyObject b, CompareOp op) => Compare((PyDictSetView)a, b, op);

    [PySlot("nb_subtract")]
    public static PyObject Subtract(PyObject a, PyObject b) => Sub(a, b);

    [PySlot("nb_and")]
    public static PyObject AndSlot(PyObject a, PyObject b) => And(a, b);

    [PySlot("nb_or")]
    public static PyObject OrSlot(PyObject a, PyObject b) => Or(a, b);

    [PySlot("nb_xor")]
    public static PyObject XorSlot(PyObject a, PyObject b) => Xor(a, b);
}

/// <summary><c>dict_values</c>: not set-like.</summary>
[PyType("dict_values")]
public sealed partial class PyDictValues(PyDict dict) : PyDictView(dict)
{
    protected override DictIterKind Kind => DictIterKind.Values;

    [PySlot("sq_length")]
    public long Length() => Dict.Count;

    [PySlot("tp_iter")]
    public PyObject Iter() => IterView();

    [PyMethod("__reversed__")]
    public PyObject Reversed() => ReversedView();

    [PySlot("tp_repr")]
    public PyStr Repr() => ReprView("dict_values");

    [PyGetter("mapping")]
    public PyObject Mapping() => MappingProxy();
}

/// <summary><c>mappingproxy</c> (Objects/descrobject.c): a read-only view of a mapping (a
/// class's dict, or any mapping given to <c>types.MappingProxyType</c>).</summary>
[PyType("mappingproxy", Generic = true)]
public sealed partial class PyMappingProxy(PyObject mapping) : PyObject
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[1];
        Python.ArgParse.UnpackKeywords("mappingproxy", args, kwnames, s_names, 1, 1, 0, buffer);
        var m = buffer[0]!;
        if (m.Type.Slots.GetItem is null || m is PyList or PyTuple)
        {
            throw Errors.PyErr.TypeError($"mappingproxy() argument must be a mapping, not {m.Type.Name}");
        }
        return new PyMappingProxy(m);
    }

    private static readonly string[] s_names = ["mapping"];

    [PySlot("mp_length")]
    public long Length() => mapping is PyDict d ? d.Count : Abstract.Ops.Length(mapping);

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key) => mapping is PyDict d ? d.GetItem(key) : Abstract.Ops.GetItem(mapping, key);

    [PySlot("sq_contains")]
    public bool Contains(PyObject key) => mapping is PyDict d ? d.ContainsKey(key) : Abstract.Ops.Contains(mapping, key);

    [PySlot("tp_iter")]
    public PyObject Iter() => Abstract.Ops.GetIter(mapping);

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"mappingproxy({Abstract.Ops.Repr(mapping).Value})");

    [PySlot("tp_str")]
    public PyStr Str() => Abstract.Ops.Str(mapping);

    [PySlot("tp_richcompare")]
    public PyObject RichCompare(PyObject other, CompareOp op) => Abstract.Ops.RichCompare(mapping, other, op);

    [PySlot("nb_or")]
    public static PyObject Or(PyObject left, PyObject right) =>
        Abstract.Ops.Or(left is PyMappingProxy l ? l.Mapping : left, right is PyMappingProxy r ? r.Mapping : right);

    private PyObject Mapping => mapping;

    [PyMethod]
    public PyObject Get(PyObject key, PyObject? @default = null) =>
        mapping is PyDict d ? d.Get(key, @default) : Abstract.Ops.CallMethod(mapping, "get", key, @default ?? PyNone.Value);

    [PyMethod]
    public PyObject Keys() => Abstract.Ops.CallMethod(mapping, "keys");

    [PyMethod]
    public PyObject Values() => Abstract.Ops.CallMethod(mapping, "values");

    [PyMethod]
    public PyObject Items() => Abstract.Ops.CallMethod(mapping, "items");

    [PyMethod]
    public PyObject Copy() => Abstract.Ops.CallMethod(mapping, "copy");

    [PyMethod("__reversed__")]
    public PyObject Reversed() => Abstract.Ops.Call(PyReversed.TypeObject, [mapping], null);
}
