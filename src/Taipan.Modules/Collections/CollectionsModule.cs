// Modules/_collectionsmodule.c
using Taipan.Bytecode;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Collections;

/// <summary>The <c>_collections</c> module: deque, defaultdict, the tuple field getter of
/// namedtuple and Counter's counting loop. OrderedDict stays the pure Python one, which
/// <c>collections/__init__.py</c> keeps when this module lacks it.</summary>
[PyModule("_collections", Doc = "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n")]
public static partial class CollectionsModule
{
    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("deque", Deque.TypeObject);
        module.AddBuiltin("defaultdict", DefaultDict.TypeObject);
        module.AddBuiltin("_deque_iterator", DequeIterator.TypeObject);
        module.AddBuiltin("_deque_reverse_iterator", DequeReverseIterator.TypeObject);
        module.AddBuiltin("_tuplegetter", TupleGetter.TypeObject);
    }

    /// <summary><c>_count_elements(mapping, iterable)</c>: Counter's loop, with dict
    /// operations directly when the mapping's <c>get</c> and <c>__setitem__</c> are dict's.</summary>
    [PyMethod("_count_elements")]
    public static void CountElements(PyObject mapping, PyObject iterable)
    {
        var it = Ops.GetIter(iterable);
        var one = PyInt.From(1);
        var dictType = PyDict.TypeObject;
        if (mapping is PyDict d
            && ReferenceEquals(mapping.Type.Lookup(PyStr.Intern("get")), dictType.Lookup(PyStr.Intern("get")))
            && ReferenceEquals(mapping.Type.Lookup(PyStr.Intern("__setitem__")), dictType.Lookup(PyStr.Intern("__setitem__"))))
        {
            while (Ops.Next(it) is { } key)
            {
                d.SetItem(key, d.TryGetValue(key, out var old) ? Ops.Add(old, one) : one);
            }
            return;
        }
        var get = Ops.GetAttr(mapping, PyStr.Intern("get"));
        var zero = PyInt.From(0);
        while (Ops.Next(it) is { } key)
        {
            var old = Ops.Call(get, [key, zero], null);
            SetItem(mapping, key, Ops.Add(old, one));
        }
    }

    internal static void SetItem(PyObject mapping, PyObject key, PyObject value)
    {
        var slot = mapping.Type.Slots.SetItem ?? throw PyErr.TypeError($"'{mapping.Type.Name}' object does not support item assignment");
        slot(mapping, key, value);
    }
}

/// <summary><c>deque([iterable[, maxlen]])</c>: a ring buffer whose capacity is a power of
/// two, so positions wrap with a mask. <see cref="_state"/> changes on every mutation, which
/// is how iterators and searches detect one.</summary>
[PyType("collections.deque", Module = "collections", Subclassable = true, Generic = true, InstanceType = true, Unhashable = true)]
public sealed partial class Deque : PySubclassableObject
{
    private PyObject?[] _items = new PyObject?[8];
    private int _head;
    private int _count;

    /// <summary>-1 when unbounded.</summary>
    private long _maxLen = -1;

    internal long State;

    private Deque(PyType type) : base(type)
    {
    }

    public Deque(long maxLen = -1) : base(TypeObject) => _maxLen = maxLen;

    public int Count => _count;

    internal PyObject At(int i) => _items[(_head + i) & (_items.Length - 1)]!;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new Deque(type);

    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var d = (Deque)self;
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords("deque", args, kwnames, s_names, 0, 2, 0, buffer);
        long maxLen = -1;
        if (buffer[1] is { } m and not PyNone)
        {
            if (m is not PyInt mi)
            {
                throw PyErr.TypeError("an integer is required");
            }
            maxLen = mi.IsSmall ? mi.Small : throw PyErr.OverflowError("Python int too large to convert to C ssize_t");
            if (maxLen < 0)
            {
                throw PyErr.ValueError("maxlen must be non-negative");
            }
        }
        d._maxLen = maxLen;
        if (d._count > 0)
        {
            d.Clear();
        }
        if (buffer[0] is { } iterable)
        {
            d.Extend(iterable);
        }
    }

    private static readonly string[] s_names = ["iterable", "maxlen"];

    private void Grow()
    {
        var bigger = new PyObject?[_items.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            bigger[i] = At(i);
        }
        _items = bigger;
        _head = 0;
    }

    private void PushRight(PyObject item)
    {
        if (_count == _items.Length)
        {
            Grow();
        }
        _items[(_head + _count) & (_items.Length - 1)] = item;
        _count++;
        State++;
    }

    private void PushLeft(PyObject item)
    {
        if (_count == _items.Length)
        {
            Grow();
        }
        _head = (_head - 1) & (_items.Length - 1);
        _items[_head] = item;
        _count++;
        State++;
    }

    private PyObject PopRight()
    {
        var i = (_head + _count - 1) & (_items.Length - 1);
        var item = _items[i]!;
        _items[i] = null;
        _count--;
        State++;
        return item;
    }

    private PyObject PopLeft()
    {
        var item = _items[_head]!;
        _items[_head] = null;
        _head = (_head + 1) & (_items.Length - 1);
        _count--;
        State++;
        return item;
    }

    [PyMethod]
    public void Append(PyObject item)
    {
        PushRight(item);
        if (_maxLen >= 0 && _count > _maxLen)
        {
            PopLeft();
        }
    }

    [PyMethod]
    public void AppendLeft(PyObject item)
    {
        PushLeft(item);
        if (_maxLen >= 0 && _count > _maxLen)
        {
            PopRight();
        }
    }

    [PyMethod]
    public PyObject Pop() => _count == 0 ? throw PyErr.IndexError("pop from an empty deque") : PopRight();

    [PyMethod("popleft")]
    public PyObject PopLeftMethod() => _count == 0 ? throw PyErr.IndexError("pop from an empty deque") : PopLeft();

    /// <summary>The items of an iterable, copied first when it is this deque.</summary>
    private static PyObject Source(Deque self, PyObject iterable) =>
        ReferenceEquals(iterable, self) ? new PyList(self.Snapshot()) : iterable;

    [PyMethod]
    public void Extend(PyObject iterable)
    {
        var it = Ops.GetIter(Source(this, iterable));
        if (_maxLen == 0)
        {
            while (Ops.Next(it) is not null)
            {
            }
            return;
        }
        while (Ops.Next(it) is { } item)
        {
            Append(item);
        }
    }

    [PyMethod]
    public void ExtendLeft(PyObject iterable)
    {
        var it = Ops.GetIter(Source(this, iterable));
        if (_maxLen == 0)
        {
            while (Ops.Next(it) is not null)
            {
            }
            return;
        }
        while (Ops.Next(it) is { } item)
        {
            AppendLeft(item);
        }
    }

    [PyMethod]
    public void Clear()
    {
        Array.Clear(_items);
        _head = 0;
        _count = 0;
        State++;
    }

    internal PyObject[] Snapshot()
    {
        var a = new PyObject[_count];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = At(i);
        }
        return a;
    }

    [PyMethod("__copy__")]
    public PyObject CopyDunder() => Copy();

    /// <summary><c>deque_copy</c>: a subclass is called with the deque (and its maxlen).</summary>
    [PyMethod]
    public PyObject Copy()
    {
        if (ReferenceEquals(Type, TypeObject))
        {
            var d = new Deque(_maxLen);
            for (var i = 0; i < _count; i++)
            {
                d.PushRight(At(i));
            }
            return d;
        }
        return _maxLen < 0 ? Ops.Call(Type, [this], null) : Ops.Call(Type, [this, PyInt.From(_maxLen)], null);
    }

    [PyMethod("count")]
    public long CountOf(PyObject value)
    {
        var state = State;
        long n = 0;
        for (var i = 0; i < _count; i++)
        {
            var item = At(i);
            var eq = Ops.RichCompareBool(item, value, CompareOp.Eq);
            if (state != State)
            {
                throw PyErr.RuntimeError("deque mutated during iteration");
            }
            if (eq)
            {
                n++;
            }
        }
        return n;
    }

    [PyMethod]
    public PyObject Index(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("index", kwnames);
        if (args.Length < 1)
        {
            throw PyErr.TypeError($"index() takes at least 1 argument ({args.Length} given)");
        }
        if (args.Length > 3)
        {
            throw PyErr.TypeError($"index() takes at most 3 arguments ({args.Length} given)");
        }
        long start = 0, stop = long.MaxValue;
        if (args.Length > 1)
        {
            start = SliceIndex(args[1]);
        }
        if (args.Length > 2)
        {
            stop = SliceIndex(args[2]);
        }
        return PyInt.From(IndexOf(args[0], start, stop));
    }

    /// <summary><c>_PyEval_SliceIndexNotNone</c>: big values clamp.</summary>
    private static long SliceIndex(PyObject o)
    {
        if (o.Type.Slots.Index is null)
        {
            throw PyErr.TypeError("slice indices must be integers or have an __index__ method");
        }
        var v = Ops.Index(o);
        return v.IsSmall ? v.Small : v.Value.Sign < 0 ? long.MinValue : long.MaxValue;
    }

    private int IndexOf(PyObject value, long start, long stop)
    {
        if (start < 0)
        {
            start = Math.Max(0, start + _count);
        }
        if (stop < 0)
        {
            stop = Math.Max(0, stop + _count);
        }
        stop = Math.Min(stop, _count);
        var state = State;
        for (var i = (int)Math.Min(start, _count); i < stop; i++)
        {
            var eq = Ops.RichCompareBool(At(i), value, CompareOp.Eq);
            if (state != State)
            {
                throw PyErr.RuntimeError("deque mutated during iteration");
            }
            if (eq)
            {
                return i;
            }
        }
        throw PyErr.ValueError($"{Ops.Repr(value).Value} is not in deque");
    }

    [PyMethod]
    public void Insert(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("insert", kwnames);
        if (args.Length != 2)
        {
            throw PyErr.TypeError($"insert() takes exactly 2 arguments ({args.Length} given)");
        }
        var index = ArgParse.ToLong(args[0]);
        var value = args[1];
        if (_maxLen >= 0 && _count >= _maxLen)
        {
            throw PyErr.IndexError("deque already at its maximum size");
        }
        if (index >= _count)
        {
            Append(value);
            return;
        }
        if (index <= -_count || index == 0)
        {
            AppendLeft(value);
            return;
        }
        if (index < 0)
        {
            index += _count;
        }
        // Shift the right part one place right.
        PushRight(value);
        for (var i = _count - 1; i > index; i--)
        {
            Set(i, At(i - 1));
        }
        Set((int)index, value);
    }

    private void Set(int i, PyObject value) => _items[(_head + i) & (_items.Length - 1)] = value;

    [PyMethod]
    public void Remove(PyObject value)
    {
        var i = IndexOf(value, 0, _count);
        DeleteAt(i);
    }

    private void DeleteAt(int index)
    {
        for (var i = index; i < _count - 1; i++)
        {
            Set(i, At(i + 1));
        }
        PopRight();
    }

    [PyMethod]
    public void Reverse()
    {
        for (int i = 0, j = _count - 1; i < j; i++, j--)
        {
            var a = At(i);
            Set(i, At(j));
            Set(j, a);
        }
    }

    [PyMethod]
    public void Rotate(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("deque.rotate", kwnames);
        ArgParse.CheckPositional("deque.rotate", args.Length, 0, 1);
        var n = args.Length == 1 ? ArgParse.ToLong(args[0]) : 1;
        var len = _count;
        if (len <= 1)
        {
            return;
        }
        var steps = (int)(((n % len) + len) % len);
        // Whichever direction moves fewer items.
        if (steps <= len / 2)
        {
            for (var i = 0; i < steps; i++)
            {
                PushLeft(PopRight());
            }
        }
        else
        {
            for (var i = steps; i < len; i++)
            {
                PushRight(PopLeft());
            }
        }
    }

    [PyGetter("maxlen")]
    public PyObject MaxLen() => _maxLen < 0 ? PyNone.Value : PyInt.From(_maxLen);

    [PySlot("sq_length")]
    public long Length() => _count;

    [PySlot("nb_bool")]
    public bool Bool() => _count != 0;

    [PySlot("sq_contains")]
    public bool Contains(PyObject value)
    {
        var state = State;
        for (var i = 0; i < _count; i++)
        {
            var eq = Ops.RichCompareBool(At(i), value, CompareOp.Eq);
            if (state != State)
            {
                throw PyErr.RuntimeError("deque mutated during iteration");
            }
            if (eq)
            {
                return true;
            }
        }
        return false;
    }

    private int CheckIndex(PyObject key)
    {
        if (key.Type.Slots.Index is null)
        {
            throw PyErr.TypeError($"sequence index must be integer, not '{key.Type.Name}'");
        }
        var v = Ops.Index(key);
        if (!v.IsSmall)
        {
            throw PyErr.IndexError($"cannot fit '{key.Type.Name}' into an index-sized integer");
        }
        var i = v.Small;
        if (i < 0)
        {
            i += _count;
        }
        if (i < 0 || i >= _count)
        {
            throw PyErr.IndexError("deque index out of range");
        }
        return (int)i;
    }

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key) => At(CheckIndex(key));

    [PySlot("mp_ass_subscript")]
    public void SetItem(PyObject key, PyObject? value)
    {
        var i = CheckIndex(key);
        if (value is null)
        {
            DeleteAt(i);
        }
        else
        {
            Set(i, value);
        }
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => new DequeIterator(DequeIterator.TypeObject, this);

    [PyMethod("__reversed__")]
    public PyObject Reversed() => new DequeReverseIterator(DequeReverseIterator.TypeObject, this);

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        using var guard = ReprGuard.Enter(this);
        if (!guard.Entered)
        {
            return new PyStr("[...]");
        }
        var list = Ops.Repr(new PyList(Snapshot())).Value;
        return _maxLen >= 0 ? new PyStr($"{TypeName.Short(Type)}({list}, maxlen={_maxLen})") : new PyStr($"{TypeName.Short(Type)}({list})");
    }

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (left is not Deque a || right is not Deque b)
        {
            return PyNotImplemented.Value;
        }
        if (op is CompareOp.Eq or CompareOp.Ne)
        {
            if (ReferenceEquals(a, b))
            {
                return PyBool.From(op == CompareOp.Eq);
            }
            if (a._count != b._count)
            {
                return PyBool.From(op == CompareOp.Ne);
            }
        }
        return Ops.CompareSequences(a.Snapshot(), b.Snapshot(), op);
    }

    [PySlot("sq_concat")]
    public static PyObject Concat(PyObject left, PyObject right)
    {
        var self = (Deque)left;
        if (right is not Deque)
        {
            throw PyErr.TypeError($"can only concatenate deque (not \"{right.Type.Name}\") to deque");
        }
        var result = (Deque)self.Copy();
        result.Extend(right);
        return result;
    }

    [PySlot("sq_inplace_concat")]
    public static PyObject InPlaceConcat(PyObject self, PyObject other)
    {
        ((Deque)self).Extend(other);
        return self;
    }

    private static long RepeatCount(PyObject count)
    {
        if (count.Type.Slots.Index is null)
        {
            throw PyErr.TypeError($"can't multiply sequence by non-int of type '{count.Type.Name}'");
        }
        var n = Ops.Index(count);
        return n.IsSmall ? n.Small : n.Value.Sign < 0 ? 0 : throw PyErr.OverflowError($"cannot fit '{count.Type.Name}' into an index-sized integer");
    }

    [PySlot("sq_repeat")]
    public static PyObject Repeat(PyObject self, PyObject count)
    {
        var n = RepeatCount(count);
        var result = (Deque)((Deque)self).Copy();
        result.RepeatInPlace(n);
        return result;
    }

    [PySlot("sq_inplace_repeat")]
    public static PyObject InPlaceRepeat(PyObject self, PyObject count)
    {
        ((Deque)self).RepeatInPlace(RepeatCount(count));
        return self;
    }

    private void RepeatInPlace(long n)
    {
        if (n <= 0 || _count == 0)
        {
            Clear();
            return;
        }
        if (n == 1)
        {
            return;
        }
        var items = Snapshot();
        var total = (Int128)items.Length * n;
        Int128 first = items.Length;
        if (_maxLen >= 0 && total > _maxLen)
        {
            // Only the last maxlen items of the repetition survive.
            first = total - _maxLen;
            Clear();
        }
        else if (total > int.MaxValue / 2)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
        for (var k = first; k < total; k++)
        {
            Append(items[(int)(k % items.Length)]);
        }
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        PyObject state = InstanceDict is { Count: > 0 } dict ? dict : PyNone.Value;
        var it = Iter();
        return _maxLen < 0
            ? PyTuple.Create(Type, PyTuple.Empty, state, it)
            : PyTuple.Create(Type, PyTuple.Create(PyTuple.Empty, PyInt.From(_maxLen)), state, it);
    }

    [PyMethod("__sizeof__")]
    public long SizeOf() => 80 + (8L * _items.Length);
}

/// <summary><c>_deque_iterator(deque, index=0)</c>.</summary>
[PyType("_collections._deque_iterator", Module = "_collections", InstanceType = true)]
public sealed partial class DequeIterator(PyType type, Deque deque) : PySubclassableObject(type)
{
    private int _index;
    private long _counter = deque.Count;
    private readonly long _state = deque.State;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("_deque_iterator", kwnames);
        ArgParse.CheckPositional("_deque_iterator", args.Length, 1, 2);
        var d = args[0] as Deque ?? throw PyErr.TypeError($"_deque_iterator() argument 1 must be collections.deque, not {args[0].Type.Name}");
        var it = new DequeIterator(type, d);
        var n = args.Length > 1 ? ArgParse.ToLong(args[1]) : 0;
        for (long i = 0; i < n && it.Next() is not null; i++)
        {
        }
        return it;
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (deque.State != _state)
        {
            _counter = 0;
            throw PyErr.RuntimeError("deque mutated during iteration");
        }
        if (_counter == 0)
        {
            return null;
        }
        _counter--;
        return deque.At(_index++);
    }

    [PyMethod("__length_hint__")]
    public long LengthHint() => _counter;

    [PyMethod("__reduce__")]
    public PyObject Reduce() => PyTuple.Create(Type, PyTuple.Create(deque, PyInt.From(deque.Count - _counter)));
}

/// <summary><c>_deque_reverse_iterator(deque, index=0)</c>.</summary>
[PyType("_collections._deque_reverse_iterator", Module = "_collections", InstanceType = true)]
public sealed partial class DequeReverseIterator(PyType type, Deque deque) : PySubclassableObject(type)
{
    private int _index = deque.Count - 1;
    private long _counter = deque.Count;
    private readonly long _state = deque.State;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("_deque_reverse_iterator", kwnames);
        ArgParse.CheckPositional("_deque_reverse_iterator", args.Length, 1, 2);
        var d = args[0] as Deque ?? throw PyErr.TypeError($"_deque_reverse_iterator() argument 1 must be collections.deque, not {args[0].Type.Name}");
        var it = new DequeReverseIterator(type, d);
        var n = args.Length > 1 ? ArgParse.ToLong(args[1]) : 0;
        for (long i = 0; i < n && it.Next() is not null; i++)
        {
        }
        return it;
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (deque.State != _state)
        {
            _counter = 0;
            throw PyErr.RuntimeError("deque mutated during iteration");
        }
        if (_counter == 0)
        {
            return null;
        }
        _counter--;
        return deque.At(_index--);
    }

    [PyMethod("__length_hint__")]
    public long LengthHint() => _counter;

    [PyMethod("__reduce__")]
    public PyObject Reduce() => PyTuple.Create(Type, PyTuple.Create(deque, PyInt.From(deque.Count - _counter)));
}

/// <summary><c>defaultdict(default_factory=None, /, ...)</c>: a dict whose missing keys are
/// filled by calling the factory. A real dict (a C# subclass of <see cref="PyDict"/>) that
/// carries its type, so Python subclasses of it share this class.</summary>
[PyType("collections.defaultdict", Base = typeof(PyDict), Module = "collections", Subclassable = true, Generic = true, InstanceType = true)]
public sealed partial class DefaultDict(PyType type) : PyDict, IHeapInstance
{
    private PyType _type = type;
    private PyDict? _dict;

    public PyObject? DefaultFactory { get; set; }

    public override PyType Type => _type;

    public override PyDict? InstanceDict => _type.HasFlag(TypeFlags.HeapType) ? _dict ??= new PyDict() : null;

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;

    [PySlot("tp_new")]
    public static PyObject NewDefault(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new DefaultDict(type);

    [PySlot("tp_init")]
    public static void InitDefault(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var d = (DefaultDict)self;
        var npos = args.Length - (kwnames?.Count ?? 0);
        PyObject? factory = null;
        if (npos > 0)
        {
            factory = args[0];
            if (factory is PyNone)
            {
                factory = null;
            }
            else if (factory.Type.Slots.Call is null)
            {
                throw PyErr.TypeError("first argument must be callable or None");
            }
            args = args[1..];
        }
        d.DefaultFactory = factory;
        d.Init(args, kwnames);
    }

    [PyMethod("__missing__")]
    public PyObject Missing(PyObject key)
    {
        if (DefaultFactory is null)
        {
            throw PyErr.KeyError(key);
        }
        var value = Ops.Call(DefaultFactory, [], null);
        CollectionsModule.SetItem(this, key, value);
        return value;
    }

    [PyGetter("default_factory")]
    public PyObject FactoryGetter() => DefaultFactory ?? PyNone.Value;

    [PySetter("default_factory")]
    public void FactorySetter(PyObject? value) => DefaultFactory = value is PyNone ? null : value;

    [PySlot("tp_repr")]
    public PyStr DefaultRepr()
    {
        var dictRepr = Repr().Value;
        string factory;
        if (DefaultFactory is null)
        {
            factory = "None";
        }
        else
        {
            using var guard = ReprGuard.Enter(DefaultFactory);
            factory = guard.Entered ? Ops.Repr(DefaultFactory).Value : "...";
        }
        return new PyStr($"{TypeName.Short(Type)}({factory}, {dictRepr})");
    }

    /// <summary><c>defdict_copy</c>: calls the type with the factory and this dict.</summary>
    [PyMethod("copy")]
    public PyObject CopyDefault() => Ops.Call(Type, [DefaultFactory ?? PyNone.Value, this], null);

    [PyMethod("__copy__")]
    public PyObject CopyDunder() => CopyDefault();

    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        var args = DefaultFactory is null ? PyTuple.Empty : PyTuple.Create(DefaultFactory);
        return PyTuple.Create(Type, args, PyNone.Value, PyNone.Value, Ops.GetIter(ItemsView()));
    }

    [PySlot("nb_or")]
    public static PyObject OrDefault(PyObject left, PyObject right)
    {
        var self = left as DefaultDict ?? (DefaultDict)right;
        var other = ReferenceEquals(self, left) ? right : left;
        if (other is not PyDict)
        {
            return PyNotImplemented.Value;
        }
        // As copy() does, this calls the type: type(self)(factory, left) updated with right.
        var result = (PyDict)Ops.Call(self.Type, [self.DefaultFactory ?? PyNone.Value, left], null);
        result.UpdateFrom(right);
        return result;
    }
}

/// <summary><c>_tuplegetter(index, doc)</c>: the field descriptor of namedtuple classes.</summary>
[PyType("_collections._tuplegetter", Module = "_collections")]
public sealed partial class TupleGetter(long index, PyObject doc) : PyObject
{
    private PyObject _doc = doc;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("_tuplegetter", kwnames);
        ArgParse.CheckPositional("_tuplegetter", args.Length, 2, 2);
        return new TupleGetter(ArgParse.ToLong(args[0]), args[1]);
    }

    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner)
    {
        if (instance is null or PyNone)
        {
            return this;
        }
        if (instance is not PyTuple t)
        {
            throw PyErr.TypeError($"descriptor for index '{index}' for tuple subclasses doesn't apply to '{instance.Type.Name}' object");
        }
        if (index < 0 || index >= t.Count)
        {
            throw PyErr.IndexError("tuple index out of range");
        }
        return t[(int)index];
    }

    [PySlot("tp_descr_set")]
    public void Set(PyObject instance, PyObject? value) =>
        throw PyErr.AttributeError(value is null ? "can't delete attribute" : "can't set attribute");

    [PyGetter("__doc__")]
    public PyObject Doc() => _doc;

    [PySetter("__doc__")]
    public void SetDoc(PyObject? value) => _doc = value ?? PyNone.Value;

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"{TypeName.Short(Type)}({index}, {Ops.Repr(_doc).Value})");

    [PyMethod("__reduce__")]
    public PyObject Reduce() => PyTuple.Create(Type, PyTuple.Create(PyInt.From(index), _doc));
}
