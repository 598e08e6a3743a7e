// Modules/itertoolsmodule.c
using Taipan.Bytecode;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Itertools;

/// <summary>The <c>itertools</c> module: its functions are the iterator types themselves.</summary>
[PyModule("itertools", Doc = "Functional tools for creating and using iterators.")]
public static partial class ItertoolsModule
{
    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("accumulate", Accumulate.TypeObject);
        module.AddBuiltin("chain", Chain.TypeObject);
        module.AddBuiltin("combinations", Combinations.TypeObject);
        module.AddBuiltin("combinations_with_replacement", CombinationsWithReplacement.TypeObject);
        module.AddBuiltin("compress", Compress.TypeObject);
        module.AddBuiltin("count", Count.TypeObject);
        module.AddBuiltin("cycle", Cycle.TypeObject);
        module.AddBuiltin("dropwhile", DropWhile.TypeObject);
        module.AddBuiltin("filterfalse", FilterFalse.TypeObject);
        module.AddBuiltin("groupby", GroupBy.TypeObject);
        module.AddBuiltin("_grouper", Grouper.TypeObject);
        module.AddBuiltin("islice", ISlice.TypeObject);
        module.AddBuiltin("pairwise", Pairwise.TypeObject);
        module.AddBuiltin("permutations", Permutations.TypeObject);
        module.AddBuiltin("product", Product.TypeObject);
        module.AddBuiltin("repeat", Repeat.TypeObject);
        module.AddBuiltin("starmap", StarMap.TypeObject);
        module.AddBuiltin("takewhile", TakeWhile.TypeObject);
        module.AddBuiltin("_tee", Tee.TypeObject);
        module.AddBuiltin("_tee_dataobject", TeeDataObject.TypeObject);
        module.AddBuiltin("zip_longest", ZipLongest.TypeObject);
    }

    /// <summary><c>tee(iterable, n=2, /)</c>: n independent iterators over one iterable; an
    /// iterator that can copy itself is copied instead of wrapped.</summary>
    [PyMethod("tee")]
    public static PyObject TeeFunction(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("itertools.tee", kwnames);
        ArgParse.CheckPositional("tee", args.Length, 1, 2);
        var n = args.Length > 1 ? ArgParse.ToLong(args[1]) : 2;
        if (n < 0)
        {
            throw PyErr.ValueError("n must be >= 0");
        }
        if (n == 0)
        {
            return PyTuple.Empty;
        }
        var it = Ops.GetIter(args[0]);
        var result = new PyObject[n];
        PyObject copyable;
        if (Ops.TryGetAttr(it, PyStr.Intern("__copy__")) is { } copy)
        {
            copyable = it;
        }
        else
        {
            copyable = Tee.FromIterable(it);
            copy = Ops.GetAttr(copyable, PyStr.Intern("__copy__"));
        }
        result[0] = copyable;
        for (var i = 1; i < n; i++)
        {
            result[i] = Ops.Call(copy, [], null);
        }
        return new PyTuple(result);
    }

    // ---- helpers shared by the types ----

    /// <summary>The positional arguments of a constructor; keywords are refused unless a
    /// subclass has its own <c>__init__</c> (which gets them), as CPython's clinic checks do.</summary>
    internal static ReadOnlySpan<PyObject> Positional(PyType type, PyType builtin, string name, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        if (nkw > 0 && (ReferenceEquals(type, builtin) || ReferenceEquals(type.Slots.Init, builtin.Slots.Init)))
        {
            throw PyErr.TypeError($"{name}() takes no keyword arguments");
        }
        return args[..^nkw];
    }

    /// <summary><c>PySequence_Tuple</c> as an array.</summary>
    internal static PyObject[] ToArray(PyObject iterable)
    {
        if (iterable is PyTuple t)
        {
            return t.Items.ToArray();
        }
        if (iterable is PyList l)
        {
            return l.Items.ToArray();
        }
        var it = Ops.GetIter(iterable);
        var items = new List<PyObject>();
        while (Ops.Next(it) is { } item)
        {
            items.Add(item);
        }
        return items.ToArray();
    }

    internal static PyTuple IndicesTuple(ReadOnlySpan<long> indices)
    {
        var items = new PyObject[indices.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = PyInt.From(indices[i]);
        }
        return new PyTuple(items);
    }

    internal static PyTuple StateTuple(PyObject state, string message = "state is not a tuple") =>
        state as PyTuple ?? throw PyErr.TypeError(message);
}

/// <summary><c>count(start=0, step=1)</c>: counts in a machine integer while it can, as
/// CPython's fast mode, and with the number protocol otherwise.</summary>
[PyType("itertools.count", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class Count : PySubclassableObject
{
    /// <summary>The next value in fast mode; <see cref="long.MaxValue"/> means slow mode.</summary>
    private long _cnt;
    private PyObject? _longCnt;
    private readonly PyObject _step;

    private Count(PyType type, long cnt, PyObject? longCnt, PyObject step) : base(type)
    {
        _cnt = cnt;
        _longCnt = longCnt;
        _step = step;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords("count", args, kwnames, s_names, 0, 2, 0, buffer);
        var start = buffer[0];
        var step = buffer[1] ?? PyInt.From(1);
        if ((start is not null && !IsNumber(start)) || !IsNumber(step))
        {
            throw PyErr.TypeError("a number is required");
        }
        var slow = false;
        long cnt = 0;
        if (start is not null)
        {
            if (start is PyInt { IsSmall: true } si && si.Small != long.MaxValue)
            {
                cnt = si.Small;
            }
            else
            {
                slow = true;
            }
        }
        if (step is not PyInt { IsSmall: true, Small: 1 })
        {
            slow = true;
        }
        return slow
            ? new Count(type, long.MaxValue, start ?? PyInt.From(0), step)
            : new Count(type, cnt, null, step);
    }

    private static readonly string[] s_names = ["start", "step"];

    /// <summary><c>PyNumber_Check</c>.</summary>
    private static bool IsNumber(PyObject o) =>
        o.Type.Slots.Index is not null || o.Type.Slots.Int is not null || o.Type.Slots.Float is not null || o is PyComplex;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_cnt != long.MaxValue)
        {
            return PyInt.From(_cnt++);
        }
        var current = _longCnt ?? PyInt.From(long.MaxValue);
        _longCnt = Ops.Add(current, _step);
        return current;
    }

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        if (_cnt != long.MaxValue)
        {
            return new PyStr($"{TypeName.Short(Type)}({_cnt})");
        }
        var cnt = _longCnt ?? PyInt.From(long.MaxValue);
        if (_step is PyInt { IsSmall: true, Small: 1 })
        {
            return new PyStr($"{TypeName.Short(Type)}({Ops.Repr(cnt).Value})");
        }
        return new PyStr($"{TypeName.Short(Type)}({Ops.Repr(cnt).Value}, {Ops.Repr(_step).Value})");
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce() => _cnt == long.MaxValue
        ? PyTuple.Create(Type, PyTuple.Create(_longCnt ?? PyInt.From(long.MaxValue), _step))
        : PyTuple.Create(Type, PyTuple.Create(PyInt.From(_cnt)));
}

/// <summary><c>cycle(iterable)</c>: saves the items of the first pass and repeats them.</summary>
[PyType("itertools.cycle", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class Cycle(PyType type, PyObject it) : PySubclassableObject(type)
{
    private PyObject? _it = it;
    private PyList _saved = new();
    private int _index;
    private bool _firstPass;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        args = ItertoolsModule.Positional(type, TypeObject, "cycle", args, kwnames);
        ArgParse.CheckPositional("cycle", args.Length, 1, 1);
        return new Cycle(type, Ops.GetIter(args[0]));
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_it is not null)
        {
            if (Ops.Next(_it) is { } item)
            {
                if (!_firstPass)
                {
                    _saved.Append(item);
                }
                return item;
            }
            _it = null;
        }
        if (_saved.Count == 0)
        {
            return null;
        }
        var result = _saved[_index];
        _index++;
        if (_index >= _saved.Count)
        {
            _index = 0;
        }
        return result;
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        if (_it is null)
        {
            // An iterator over the saved items, already at the current position.
            var it = Ops.GetIter(_saved);
            for (var i = 0; i < _index; i++)
            {
                Ops.Next(it);
            }
            return PyTuple.Create(Type, PyTuple.Create(it), PyTuple.Create(_saved, PyBool.True));
        }
        return PyTuple.Create(Type, PyTuple.Create(_it), PyTuple.Create(_saved, PyBool.From(_firstPass)));
    }

    [PyMethod("__setstate__")]
    public void SetState(PyObject state)
    {
        var t = ItertoolsModule.StateTuple(state, "state is not a tuple");
        if (t.Count != 2 || t[0] is not PyList saved)
        {
            throw PyErr.TypeError("cycle.__setstate__ argument must be (list, bool)");
        }
        _saved = saved;
        _firstPass = Ops.IsTrue(t[1]);
        _index = 0;
    }
}

/// <summary><c>repeat(object[, times])</c>.</summary>
[PyType("itertools.repeat", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class Repeat(PyType type, PyObject element, long count) : PySubclassableObject(type)
{
    /// <summary>Items left, or -1 forever.</summary>
    private long _count = count;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords("repeat", args, kwnames, s_names, 1, 2, 1, buffer);
        long count = -1;
        if (buffer[1] is { } times)
        {
            count = Math.Max(0, ArgParse.ToLong(times));
        }
        return new Repeat(type, buffer[0]!, count);
    }

    private static readonly string[] s_names = ["object", "times"];

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_count == 0)
        {
            return null;
        }
        if (_count > 0)
        {
            _count--;
        }
        return element;
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => _count == -1
        ? new PyStr($"{TypeName.Short(Type)}({Ops.Repr(element).Value})")
        : new PyStr($"{TypeName.Short(Type)}({Ops.Repr(element).Value}, {_count})");

    [PyMethod("__length_hint__")]
    public PyObject LengthHint() => _count == -1 ? throw PyErr.TypeError("len() of unsized object") : PyInt.From(_count);

    [PyMethod("__reduce__")]
    public PyObject Reduce() => _count == -1
        ? PyTuple.Create(Type, PyTuple.Create(element))
        : PyTuple.Create(Type, PyTuple.Create(element, PyInt.From(_count)));
}

/// <summary><c>accumulate(iterable, func=None, *, initial=None)</c>.</summary>
[PyType("itertools.accumulate", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class Accumulate(PyType type, PyObject it, PyObject? func, PyObject? initial) : PySubclassableObject(type)
{
    private PyObject? _total;
    private PyObject? _initial = initial;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[3];
        ArgParse.UnpackKeywords("accumulate", args, kwnames, s_names, 1, 2, 1, buffer);
        return new Accumulate(type, Ops.GetIter(buffer[0]!), buffer[1] is PyNone ? null : buffer[1], buffer[2] is PyNone ? null : buffer[2]);
    }

    private static readonly string[] s_names = ["iterable", "func", "initial"];

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_initial is not null)
        {
            _total = _initial;
            _initial = null;
            return _total;
        }
        if (Ops.Next(it) is not { } value)
        {
            return null;
        }
        if (_total is null)
        {
            return _total = value;
        }
        _total = func is null ? Ops.Add(_total, value) : Ops.Call(func, [_total, value], null);
        return _total;
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        var binop = func ?? PyNone.Value;
        if (_initial is not null)
        {
            // The initial value comes first: chain((initial,), it).
            var chained = Chain.Create(Chain.TypeObject, Ops.GetIter(PyTuple.Create(PyTuple.Create(_initial), it)));
            return PyTuple.Create(Type, PyTuple.Create(chained, binop), PyNone.Value);
        }
        if (_total is PyNone)
        {
            // A None state means "not started": islice(chain((None,), it), 1, None) instead.
            var chained = Chain.Create(Chain.TypeObject, Ops.GetIter(PyTuple.Create(PyTuple.Create(_total), it)));
            var sliced = ISlice.New(ISlice.TypeObject, [chained, PyInt.From(1), PyNone.Value], null);
            return PyTuple.Create(Type, PyTuple.Create(sliced, binop), PyNone.Value);
        }
        return PyTuple.Create(Type, PyTuple.Create(it, binop), _total ?? PyNone.Value);
    }

    [PyMethod("__setstate__")]
    public void SetState(PyObject state) => _total = state;
}

/// <summary><c>chain(*iterables)</c> and <c>chain.from_iterable(iterable)</c>.</summary>
[PyType("itertools.chain", Module = "itertools", Subclassable = true, Generic = true, InstanceType = true)]
public sealed partial class Chain : PySubclassableObject
{
    private PyObject? _source;
    private PyObject? _active;

    private Chain(PyType type, PyObject source) : base(type) => _source = source;

    internal static Chain Create(PyType type, PyObject source) => new(type, source);

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        args = ItertoolsModule.Positional(type, TypeObject, "chain", args, kwnames);
        return new Chain(type, new PyTupleIterator(new PyTuple(args.ToArray())));
    }

    [PyClassMethod("from_iterable")]
    public static PyObject FromIterable(PyType type, PyObject iterable) => new Chain(type, Ops.GetIter(iterable));

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        while (_source is not null)
        {
            if (_active is null)
            {
                if (Ops.Next(_source) is not { } iterable)
                {
                    _source = null;
                    return null;
                }
                try
                {
                    _active = Ops.GetIter(iterable);
                }
                catch (PyException)
                {
                    _source = null;
                    throw;
                }
            }
            if (Ops.Next(_active) is { } item)
            {
                return item;
            }
            _active = null;
        }
        return null;
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        if (_source is null)
        {
            return PyTuple.Create(Type, PyTuple.Empty);
        }
        return _active is null
            ? PyTuple.Create(Type, PyTuple.Empty, PyTuple.Create(_source))
            : PyTuple.Create(Type, PyTuple.Empty, PyTuple.Create(_source, _active));
    }

    [PyMethod("__setstate__")]
    public void SetState(PyObject state)
    {
        if (state is not PyTuple t)
        {
            throw PyErr.TypeError("state is not a tuple");
        }
        if (t.Count is < 1 or > 2)
        {
            throw PyErr.TypeError(t.Count == 0 ? "function takes at least 1 argument (0 given)" : $"function takes at most 2 arguments ({t.Count} given)");
        }
        if (t[0].Type.Slots.IterNext is null || (t.Count == 2 && t[1].Type.Slots.IterNext is null))
        {
            throw PyErr.TypeError("Arguments must be iterators.");
        }
        _source = t[0];
        _active = t.Count == 2 ? t[1] : null;
    }
}

/// <summary><c>compress(data, selectors)</c>.</summary>
[PyType("itertools.compress", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class Compress(PyType type, PyObject data, PyObject selectors) : PySubclassableObject(type)
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords("compress", args, kwnames, s_names, 2, 2, 2, buffer);
        return new Compress(type, Ops.GetIter(buffer[0]!), Ops.GetIter(buffer[1]!));
    }

    private static readonly string[] s_names = ["data", "selectors"];

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        while (true)
        {
            if (Ops.Next(data) is not { } datum)
            {
                return null;
            }
            if (Ops.Next(selectors) is not { } selector)
            {
                return null;
            }
            if (Ops.IsTrue(selector))
            {
                return datum;
            }
        }
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce() => PyTuple.Create(Type, PyTuple.Create(data, selectors));
}

/// <summary><c>dropwhile(predicate, iterable)</c>.</summary>
[PyType("itertools.dropwhile", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class DropWhile(PyType type, PyObject func, PyObject it) : PySubclassableObject(type)
{
    private bool _start;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        args = ItertoolsModule.Positional(type, TypeObject, "dropwhile", args, kwnames);
        ArgParse.CheckPositional("dropwhile", args.Length, 2, 2);
        return new DropWhile(type, args[0], Ops.GetIter(args[1]));
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        while (Ops.Next(it) is { } item)
        {
            if (_start)
            {
                return item;
            }
            if (!Ops.IsTrue(Ops.Call(func, [item], null)))
            {
                _start = true;
                return item;
            }
        }
        return null;
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce() => PyTuple.Create(Type, PyTuple.Create(func, it), PyBool.From(_start));

    [PyMethod("__setstate__")]
    public void SetState(PyObject state) => _start = Ops.IsTrue(state);
}

/// <summary><c>takewhile(predicate, iterable)</c>.</summary>
[PyType("itertools.takewhile", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class TakeWhile(PyType type, PyObject func, PyObject it) : PySubclassableObject(type)
{
    private bool _stop;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        args = ItertoolsModule.Positional(type, TypeObject, "takewhile", args, kwnames);
        ArgParse.CheckPositional("takewhile", args.Length, 2, 2);
        return new TakeWhile(type, args[0], Ops.GetIter(args[1]));
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_stop || Ops.Next(it) is not { } item)
        {
            return null;
        }
        if (Ops.IsTrue(Ops.Call(func, [item], null)))
        {
            return item;
        }
        _stop = true;
        return null;
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce() => PyTuple.Create(Type, PyTuple.Create(func, it), PyBool.From(_stop));

    [PyMethod("__setstate__")]
    public void SetState(PyObject state) => _stop = Ops.IsTrue(state);
}

/// <summary><c>filterfalse(function or None, iterable)</c>.</summary>
[PyType("itertools.filterfalse", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class FilterFalse(PyType type, PyObject func, PyObject it) : PySubclassableObject(type)
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        args = ItertoolsModule.Positional(type, TypeObject, "filterfalse", args, kwnames);
        ArgParse.CheckPositional("filterfalse", args.Length, 2, 2);
        return new FilterFalse(type, args[0], Ops.GetIter(args[1]));
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        var plain = func is PyNone || ReferenceEquals(func, PyBool.TypeObject);
        while (Ops.Next(it) is { } item)
        {
            var ok = plain ? Ops.IsTrue(item) : Ops.IsTrue(Ops.Call(func, [item], null));
            if (!ok)
            {
                return item;
            }
        }
        return null;
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce() => PyTuple.Create(Type, PyTuple.Create(func, it));
}

/// <summary><c>starmap(function, iterable)</c>.</summary>
[PyType("itertools.starmap", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class StarMap(PyType type, PyObject func, PyObject it) : PySubclassableObject(type)
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        args = ItertoolsModule.Positional(type, TypeObject, "starmap", args, kwnames);
        ArgParse.CheckPositional("starmap", args.Length, 2, 2);
        return new StarMap(type, args[0], Ops.GetIter(args[1]));
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (Ops.Next(it) is not { } item)
        {
            return null;
        }
        return item is PyTuple t ? Ops.Call(func, t.Items, null) : Ops.Call(func, ItertoolsModule.ToArray(item), null);
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce() => PyTuple.Create(Type, PyTuple.Create(func, it));
}

/// <summary><c>islice(iterable, stop)</c>, <c>islice(iterable, start, stop[, step])</c>.</summary>
[PyType("itertools.islice", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class ISlice(PyType type, PyObject it, long next, long stop, long step) : PySubclassableObject(type)
{
    private PyObject? _it = it;
    private long _next = next;
    private long _cnt;

    private const string StopMessage = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        args = ItertoolsModule.Positional(type, TypeObject, "islice", args, kwnames);
        ArgParse.CheckPositional("islice", args.Length, 2, 4);
        long start = 0, stop = -1, step = 1;
        if (args.Length == 2)
        {
            if (args[1] is not PyNone)
            {
                stop = AsSize(args[1]);
                if (stop == -1)
                {
                    throw PyErr.ValueError(StopMessage);
                }
            }
        }
        else
        {
            if (args[1] is not PyNone)
            {
                start = AsSize(args[1]);
            }
            if (args[2] is not PyNone)
            {
                stop = AsSize(args[2]);
                if (stop == -1)
                {
                    throw PyErr.ValueError(StopMessage);
                }
            }
        }
        if (start < 0 || stop < -1)
        {
            throw PyErr.ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        }
        if (args.Length == 4 && args[3] is not PyNone)
        {
            step = AsSize(args[3]);
        }
        if (step < 1)
        {
            throw PyErr.ValueError("Step for islice() must be a positive integer or None.");
        }
        return new ISlice(type, Ops.GetIter(args[0]), start, stop, step);
    }

    /// <summary><c>PyNumber_AsSsize_t</c> with its errors turned into -1, as islice does.</summary>
    private static long AsSize(PyObject o)
    {
        if (o is PyInt { IsSmall: true } i)
        {
            return i.Small;
        }
        try
        {
            var v = Ops.Index(o);
            return v.IsSmall ? v.Small : -1;
        }
        catch (PyException)
        {
            return -1;
        }
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        var it = _it;
        if (it is null)
        {
            return null;
        }
        var iternext = it.Type.Slots.IterNext!;
        while (_cnt < _next)
        {
            if (iternext(it) is null)
            {
                _it = null;
                return null;
            }
            _cnt++;
        }
        if (stop != -1 && _cnt >= stop)
        {
            _it = null;
            return null;
        }
        if (iternext(it) is not { } item)
        {
            _it = null;
            return null;
        }
        _cnt++;
        var old = _next;
        _next += step;
        if (_next < old || (stop != -1 && _next > stop))
        {
            _next = stop;
        }
        return item;
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        if (_it is null)
        {
            return PyTuple.Create(Type, PyTuple.Create(Ops.GetIter(new PyList()), PyInt.From(0)), PyInt.From(0));
        }
        var stopObj = stop == -1 ? (PyObject)PyNone.Value : PyInt.From(stop);
        return PyTuple.Create(Type, PyTuple.Create(_it, PyInt.From(_next), stopObj, PyInt.From(step)), PyInt.From(_cnt));
    }

    [PyMethod("__setstate__")]
    public void SetState(PyObject state) => _cnt = ArgParse.ToLong(state);
}

/// <summary><c>pairwise(iterable)</c>.</summary>
[PyType("itertools.pairwise", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class Pairwise(PyType type, PyObject it) : PySubclassableObject(type)
{
    private PyObject? _it = it;
    private PyObject? _old;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        args = ItertoolsModule.Positional(type, TypeObject, "pairwise", args, kwnames);
        ArgParse.CheckPositional("pairwise", args.Length, 1, 1);
        return new Pairwise(type, Ops.GetIter(args[0]));
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        var it = _it;
        if (it is null)
        {
            return null;
        }
        if (_old is null)
        {
            _old = Ops.Next(it);
            if (_old is null)
            {
                _it = null;
                return null;
            }
        }
        if (Ops.Next(it) is not { } next)
        {
            _it = null;
            _old = null;
            return null;
        }
        var result = PyTuple.Create(_old, next);
        _old = next;
        return result;
    }
}

/// <summary><c>zip_longest(*iterables, fillvalue=None)</c>.</summary>
[PyType("itertools.zip_longest", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class ZipLongest(PyType type, PyObject?[] iterators, PyObject fillValue) : PySubclassableObject(type)
{
    private int _active = iterators.Length;
    private PyObject _fillValue = fillValue;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        PyObject fill = PyNone.Value;
        if (nkw > 0)
        {
            if (nkw != 1 || kwnames![0] is not PyStr { Value: "fillvalue" })
            {
                throw PyErr.TypeError("zip_longest() got an unexpected keyword argument");
            }
            fill = args[^1];
        }
        var npos = args.Length - nkw;
        var its = new PyObject?[npos];
        for (var i = 0; i < npos; i++)
        {
            its[i] = Ops.GetIter(args[i]);
        }
        return new ZipLongest(type, its, fill);
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (iterators.Length == 0 || _active == 0)
        {
            return null;
        }
        var result = new PyObject[iterators.Length];
        for (var i = 0; i < iterators.Length; i++)
        {
            var it = iterators[i];
            if (it is null)
            {
                result[i] = _fillValue;
                continue;
            }
            PyObject? item;
            try
            {
                item = Ops.Next(it);
            }
            catch (PyException)
            {
                _active = 0;
                throw;
            }
            if (item is null)
            {
                _active--;
                if (_active == 0)
                {
                    return null;
                }
                item = _fillValue;
                iterators[i] = null;
            }
            result[i] = item;
        }
        return new PyTuple(result);
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        var args = new PyObject[iterators.Length];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = iterators[i] ?? PyTuple.Empty;
        }
        return PyTuple.Create(Type, new PyTuple(args), _fillValue);
    }

    [PyMethod("__setstate__")]
    public void SetState(PyObject state) => _fillValue = state;
}

/// <summary><c>groupby(iterable, key=None)</c>: pairs of a key and a <c>_grouper</c> over the
/// run of items with that key; advancing the groupby invalidates the previous grouper.</summary>
[PyType("itertools.groupby", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class GroupBy(PyType type, PyObject it, PyObject? keyFunc) : PySubclassableObject(type)
{
    internal PyObject? TargetKey;
    internal PyObject? CurrentKey;
    internal PyObject? CurrentValue;
    internal Grouper? CurrentGrouper;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords("groupby", args, kwnames, s_names, 1, 2, 1, buffer);
        return new GroupBy(type, Ops.GetIter(buffer[0]!), buffer[1] is PyNone ? null : buffer[1]);
    }

    private static readonly string[] s_names = ["iterable", "key"];

    /// <summary><c>groupby_step</c>: false when the iterator is exhausted.</summary>
    internal bool Step()
    {
        if (Ops.Next(it) is not { } value)
        {
            return false;
        }
        var key = keyFunc is null ? value : Ops.Call(keyFunc, [value], null);
        CurrentValue = value;
        CurrentKey = key;
        return true;
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        CurrentGrouper = null;
        while (true)
        {
            if (CurrentKey is not null)
            {
                if (TargetKey is null || !Ops.RichCompareBool(TargetKey, CurrentKey, CompareOp.Eq))
                {
                    break;
                }
            }
            if (!Step())
            {
                return null;
            }
        }
        TargetKey = CurrentKey;
        var grouper = new Grouper(Grouper.TypeObject, this, TargetKey!);
        CurrentGrouper = grouper;
        return PyTuple.Create(CurrentKey!, grouper);
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        var args = PyTuple.Create(it, keyFunc ?? PyNone.Value);
        if (TargetKey is not null && CurrentKey is not null && CurrentValue is not null)
        {
            PyObject grouper = CurrentGrouper is { } g ? g.ReduceState() : PyNone.Value;
            return PyTuple.Create(Type, args, PyTuple.Create(CurrentKey, CurrentValue, TargetKey, grouper));
        }
        return PyTuple.Create(Type, args);
    }

    [PyMethod("__setstate__")]
    public void SetState(PyObject state)
    {
        if (state is not PyTuple { Count: 4 } t)
        {
            throw PyErr.TypeError("state is not a tuple");
        }
        CurrentKey = t[0];
        CurrentValue = t[1];
        TargetKey = t[2];
        CurrentGrouper = t[3] as Grouper;
    }
}

/// <summary><c>_grouper(parent, tgtkey)</c>: one group of a groupby.</summary>
[PyType("itertools._grouper", Module = "itertools", InstanceType = true)]
public sealed partial class Grouper(PyType type, GroupBy parent, PyObject targetKey) : PySubclassableObject(type)
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("_grouper", kwnames);
        ArgParse.CheckPositional("_grouper", args.Length, 2, 2);
        var parent = args[0] as GroupBy ?? throw PyErr.TypeError($"_grouper() argument 1 must be itertools.groupby, not {args[0].Type.Name}");
        var g = new Grouper(type, parent, args[1]);
        parent.CurrentGrouper = g;
        return g;
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (!ReferenceEquals(parent.CurrentGrouper, this))
        {
            return null;
        }
        if (parent.CurrentValue is null && !parent.Step())
        {
            return null;
        }
        if (!Ops.RichCompareBool(targetKey, parent.CurrentKey!, CompareOp.Eq))
        {
            return null;
        }
        var r = parent.CurrentValue;
        parent.CurrentValue = null;
        return r;
    }

    internal PyObject ReduceState() => PyTuple.Create(TypeObject, PyTuple.Create(parent, targetKey));

    [PyMethod("__reduce__")]
    public PyObject Reduce() => ReferenceEquals(parent.CurrentGrouper, this)
        ? ReduceState()
        : PyTuple.Create(Builtins.Module.Dict[PyStr.Intern("iter")]!, PyTuple.Create(PyTuple.Empty));
}

/// <summary><c>_tee_dataobject</c>: a block of up to 57 items read from the shared iterator,
/// linked to the next block; every tee over one iterator walks the same chain.</summary>
[PyType("itertools._tee_dataobject", Module = "itertools", InstanceType = true)]
public sealed partial class TeeDataObject(PyType type, PyObject it) : PySubclassableObject(type)
{
    internal const int LinkCells = 57;

    private readonly PyObject it = it;
    private readonly PyObject[] _values = new PyObject[LinkCells];
    private int _numRead;
    private bool _running;
    private TeeDataObject? _next;

    internal TeeDataObject(PyObject it) : this(TypeObject, it)
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("_tee_dataobject", kwnames);
        ArgParse.CheckPositional("_tee_dataobject", args.Length, 3, 3);
        var values = args[1] as PyList ?? throw PyErr.TypeError($"_tee_dataobject() argument 2 must be list, not {args[1].Type.Name}");
        var d = new TeeDataObject(type, args[0]);
        var n = values.Count;
        if (n > LinkCells)
        {
            throw PyErr.ValueError("_tee_dataobject too many values");
        }
        for (var i = 0; i < n; i++)
        {
            d._values[i] = values[i];
        }
        d._numRead = n;
        if (n == LinkCells)
        {
            if (args[2] is TeeDataObject next)
            {
                d._next = next;
            }
            else if (args[2] is not PyNone)
            {
                throw PyErr.ValueError("_tee_dataobject next link must be a teedataobject");
            }
        }
        else if (args[2] is not PyNone)
        {
            throw PyErr.ValueError("_tee_dataobject should not have a next link");
        }
        return d;
    }

    internal TeeDataObject Jump() => _next ??= new TeeDataObject(it);

    /// <summary><c>teedataobject_getitem</c>: item <paramref name="i"/> of this block, read
    /// from the iterator when no tee has read it yet; null at the end.</summary>
    internal PyObject? GetItem(int i)
    {
        if (i < _numRead)
        {
            return _values[i];
        }
        if (_running)
        {
            throw PyErr.RuntimeError("cannot re-enter the tee iterator");
        }
        _running = true;
        PyObject? value;
        try
        {
            value = Ops.Next(it);
        }
        finally
        {
            _running = false;
        }
        if (value is null)
        {
            return null;
        }
        _values[_numRead++] = value;
        return value;
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        var values = new PyList(_values.AsSpan(0, _numRead));
        return PyTuple.Create(Type, PyTuple.Create(it, values, (PyObject?)_next ?? PyNone.Value));
    }
}

/// <summary><c>_tee(iterable)</c>: one of the iterators <c>tee()</c> returns; copies share
/// the data blocks and each keeps its own position.</summary>
[PyType("itertools._tee", Module = "itertools", InstanceType = true)]
public sealed partial class Tee(PyType type, TeeDataObject data, int index) : PySubclassableObject(type)
{
    private TeeDataObject _data = data;
    private int _index = index;

    internal static Tee FromIterable(PyObject iterable)
    {
        var it = Ops.GetIter(iterable);
        return it is Tee t ? t.Copy() : new Tee(TypeObject, new TeeDataObject(it), 0);
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("_tee", kwnames);
        ArgParse.CheckPositional("_tee", args.Length, 1, 1);
        return FromIterable(args[0]);
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_index >= TeeDataObject.LinkCells)
        {
            _data = _data.Jump();
            _index = 0;
        }
        var value = _data.GetItem(_index);
        if (value is null)
        {
            return null;
        }
        _index++;
        return value;
    }

    [PyMethod("__copy__")]
    public Tee Copy() => new(TypeObject, _data, _index);

    [PyMethod("__reduce__")]
    public PyObject Reduce() => PyTuple.Create(Type, PyTuple.Create(PyTuple.Empty), PyTuple.Create(_data, PyInt.From(_index)));

    [PyMethod("__setstate__")]
    public void SetState(PyObject state)
    {
        if (state is not PyTuple t)
        {
            throw PyErr.TypeError("state is not a tuple");
        }
        if (t.Count != 2)
        {
            throw PyErr.TypeError($"function takes exactly 2 arguments ({t.Count} given)");
        }
        var data = t[0] as TeeDataObject ?? throw PyErr.TypeError($"_tee.__setstate__() argument 1 must be itertools._tee_dataobject, not {t[0].Type.Name}");
        var index = ArgParse.ToInt(t[1]);
        if (index is < 0 or > TeeDataObject.LinkCells)
        {
            throw PyErr.ValueError("Index out of range");
        }
        _data = data;
        _index = index;
    }
}

/// <summary><c>product(*iterables, repeat=1)</c>.</summary>
[PyType("itertools.product", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class Product(PyType type, PyObject[][] pools, PyTuple poolsTuple) : PySubclassableObject(type)
{
    private readonly long[] _indices = new long[pools.Length];
    private PyObject[]? _result;
    private bool _stopped;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        long repeat = 1;
        if (nkw > 0)
        {
            if (nkw > 1)
            {
                throw PyErr.TypeError($"product() takes at most 1 keyword argument ({nkw} given)");
            }
            if (kwnames![0] is not PyStr { Value: "repeat" })
            {
                throw PyErr.TypeError($"'{((PyStr)kwnames[0]).Value}' is an invalid keyword argument for product()");
            }
            repeat = ArgParse.ToLong(args[^1]);
            if (repeat < 0)
            {
                throw PyErr.ValueError("repeat argument cannot be negative");
            }
        }
        var nargs = args.Length - nkw;
        if (repeat != 0 && nargs > int.MaxValue / 8 / repeat)
        {
            throw PyErr.OverflowError("repeat argument too large");
        }
        var npools = (int)(nargs * repeat);
        var pools = new PyObject[npools][];
        for (var i = 0; i < nargs; i++)
        {
            var pool = ItertoolsModule.ToArray(args[i]);
            for (var r = 0; r < repeat; r++)
            {
                pools[(r * nargs) + i] = pool;
            }
        }
        var tuples = new PyObject[npools];
        for (var i = 0; i < npools; i++)
        {
            tuples[i] = new PyTuple(pools[i]);
        }
        return new Product(type, pools, new PyTuple(tuples));
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_stopped)
        {
            return null;
        }
        var n = pools.Length;
        if (_result is null)
        {
            var first = new PyObject[n];
            for (var i = 0; i < n; i++)
            {
                if (pools[i].Length == 0)
                {
                    _stopped = true;
                    return null;
                }
                first[i] = pools[i][0];
            }
            _result = first;
            return new PyTuple((PyObject[])first.Clone());
        }
        var result = _result;
        int k;
        for (k = n - 1; k >= 0; k--)
        {
            var pool = pools[k];
            _indices[k]++;
            if (_indices[k] == pool.Length)
            {
                _indices[k] = 0;
                result[k] = pool[0];
            }
            else
            {
                result[k] = pool[_indices[k]];
                break;
            }
        }
        if (k < 0)
        {
            _stopped = true;
            return null;
        }
        return new PyTuple((PyObject[])result.Clone());
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        if (_stopped)
        {
            return PyTuple.Create(Type, PyTuple.Create(PyTuple.Empty));
        }
        if (_result is null)
        {
            return PyTuple.Create(Type, poolsTuple);
        }
        return PyTuple.Create(Type, poolsTuple, ItertoolsModule.IndicesTuple(_indices));
    }

    [PyMethod("__setstate__")]
    public void SetState(PyObject state)
    {
        var n = pools.Length;
        if (state is not PyTuple t || t.Count != n)
        {
            throw PyErr.ValueError("invalid arguments");
        }
        for (var i = 0; i < n; i++)
        {
            var index = ArgParse.ToLong(t[i]);
            var poolSize = pools[i].Length;
            if (poolSize == 0)
            {
                _stopped = true;
                return;
            }
            _indices[i] = Math.Clamp(index, 0, poolSize - 1);
        }
        var result = new PyObject[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = pools[i][_indices[i]];
        }
        _result = result;
    }
}

/// <summary><c>combinations(iterable, r)</c>.</summary>
[PyType("itertools.combinations", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class Combinations(PyType type, PyObject[] pool, int r) : PySubclassableObject(type)
{
    private readonly int[] _indices = Range(r);
    private PyObject[]? _result;
    private bool _stopped = r > pool.Length;

    internal static int[] Range(int n)
    {
        var a = new int[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = i;
        }
        return a;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords("combinations", args, kwnames, s_names, 2, 2, 2, buffer);
        var pool = ItertoolsModule.ToArray(buffer[0]!);
        var r = ArgParse.ToLong(buffer[1]!);
        if (r < 0)
        {
            throw PyErr.ValueError("r must be non-negative");
        }
        return new Combinations(type, pool, (int)Math.Min(r, int.MaxValue));
    }

    private static readonly string[] s_names = ["iterable", "r"];

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_stopped)
        {
            return null;
        }
        var n = pool.Length;
        if (_result is null)
        {
            _result = new PyObject[r];
            for (var i = 0; i < r; i++)
            {
                _result[i] = pool[_indices[i]];
            }
            return new PyTuple((PyObject[])_result.Clone());
        }
        var k = r - 1;
        while (k >= 0 && _indices[k] == k + n - r)
        {
            k--;
        }
        if (k < 0)
        {
            _stopped = true;
            return null;
        }
        _indices[k]++;
        for (var j = k + 1; j < r; j++)
        {
            _indices[j] = _indices[j - 1] + 1;
        }
        for (; k < r; k++)
        {
            _result[k] = pool[_indices[k]];
        }
        return new PyTuple((PyObject[])_result.Clone());
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        if (_result is null)
        {
            return PyTuple.Create(Type, PyTuple.Create(new PyTuple(pool), PyInt.From(r)));
        }
        if (_stopped)
        {
            return PyTuple.Create(Type, PyTuple.Create(PyTuple.Empty, PyInt.From(r)));
        }
        var indices = new long[r];
        for (var i = 0; i < r; i++)
        {
            indices[i] = _indices[i];
        }
        return PyTuple.Create(Type, PyTuple.Create(new PyTuple(pool), PyInt.From(r)), ItertoolsModule.IndicesTuple(indices));
    }

    [PyMethod("__setstate__")]
    public void SetState(PyObject state)
    {
        var n = pool.Length;
        if (state is not PyTuple t || t.Count != r)
        {
            throw PyErr.ValueError("invalid arguments");
        }
        for (var i = 0; i < r; i++)
        {
            _indices[i] = (int)Math.Clamp(ArgParse.ToLong(t[i]), 0, i + n - r);
        }
        _result = new PyObject[r];
        for (var i = 0; i < r; i++)
        {
            _result[i] = pool[_indices[i]];
        }
    }
}

/// <summary><c>combinations_with_replacement(iterable, r)</c>.</summary>
[PyType("itertools.combinations_with_replacement", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class CombinationsWithReplacement(PyType type, PyObject[] pool, int r) : PySubclassableObject(type)
{
    private readonly int[] _indices = new int[r];
    private PyObject[]? _result;
    private bool _stopped = pool.Length == 0 && r > 0;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords("combinations_with_replacement", args, kwnames, s_names, 2, 2, 2, buffer);
        var pool = ItertoolsModule.ToArray(buffer[0]!);
        var r = ArgParse.ToLong(buffer[1]!);
        if (r < 0)
        {
            throw PyErr.ValueError("r must be non-negative");
        }
        if (r > int.MaxValue / 8)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
        return new CombinationsWithReplacement(type, pool, (int)r);
    }

    private static readonly string[] s_names = ["iterable", "r"];

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_stopped)
        {
            return null;
        }
        var n = pool.Length;
        if (_result is null)
        {
            _result = new PyObject[r];
            for (var i = 0; i < r; i++)
            {
                _result[i] = pool[0];
            }
            return new PyTuple((PyObject[])_result.Clone());
        }
        var k = r - 1;
        while (k >= 0 && _indices[k] == n - 1)
        {
            k--;
        }
        if (k < 0)
        {
            _stopped = true;
            return null;
        }
        var index = _indices[k] + 1;
        var elem = pool[index];
        for (; k < r; k++)
        {
            _indices[k] = index;
            _result[k] = elem;
        }
        return new PyTuple((PyObject[])_result.Clone());
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        if (_result is null)
        {
            return PyTuple.Create(Type, PyTuple.Create(new PyTuple(pool), PyInt.From(r)));
        }
        if (_stopped)
        {
            return PyTuple.Create(Type, PyTuple.Create(PyTuple.Empty, PyInt.From(r)));
        }
        var indices = new long[r];
        for (var i = 0; i < r; i++)
        {
            indices[i] = _indices[i];
        }
        return PyTuple.Create(Type, PyTuple.Create(new PyTuple(pool), PyInt.From(r)), ItertoolsModule.IndicesTuple(indices));
    }

    [PyMethod("__setstate__")]
    public void SetState(PyObject state)
    {
        var n = pool.Length;
        if (state is not PyTuple t || t.Count != r)
        {
            throw PyErr.ValueError("invalid arguments");
        }
        for (var i = 0; i < r; i++)
        {
            _indices[i] = (int)Math.Clamp(ArgParse.ToLong(t[i]), 0, Math.Max(0, n - 1));
        }
        _result = new PyObject[r];
        for (var i = 0; i < r; i++)
        {
            _result[i] = pool[_indices[i]];
        }
    }
}

/// <summary><c>permutations(iterable, r=None)</c>.</summary>
[PyType("itertools.permutations", Module = "itertools", Subclassable = true, InstanceType = true)]
public sealed partial class Permutations(PyType type, PyObject[] pool, int r) : PySubclassableObject(type)
{
    private readonly int[] _indices = Combinations.Range(pool.Length);
    private readonly int[] _cycles = Cycles(pool.Length, r);
    private PyObject[]? _result;
    private bool _stopped = r > pool.Length;

    private static int[] Cycles(int n, int r)
    {
        var c = new int[Math.Min(n, r)];
        for (var i = 0; i < c.Length; i++)
        {
            c[i] = n - i;
        }
        return c;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords("permutations", args, kwnames, s_names, 1, 2, 1, buffer);
        var pool = ItertoolsModule.ToArray(buffer[0]!);
        long r = pool.Length;
        if (buffer[1] is { } robj and not PyNone)
        {
            if (robj is not PyInt ri)
            {
                throw PyErr.TypeError("Expected int as r");
            }
            r = ri.IsSmall ? ri.Small : throw PyErr.OverflowError("Python int too large to convert to C ssize_t");
            if (r < 0)
            {
                throw PyErr.ValueError("r must be non-negative");
            }
        }
        return new Permutations(type, pool, (int)Math.Min(r, int.MaxValue));
    }

    private static readonly string[] s_names = ["iterable", "r"];

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_stopped)
        {
            return null;
        }
        var n = pool.Length;
        if (_result is null)
        {
            _result = new PyObject[r];
            for (var i = 0; i < r; i++)
            {
                _result[i] = pool[_indices[i]];
            }
            return new PyTuple((PyObject[])_result.Clone());
        }
        if (n == 0)
        {
            _stopped = true;
            return null;
        }
        int k;
        for (k = r - 1; k >= 0; k--)
        {
            _cycles[k]--;
            if (_cycles[k] == 0)
            {
                var index = _indices[k];
                for (var j = k; j < n - 1; j++)
                {
                    _indices[j] = _indices[j + 1];
                }
                _indices[n - 1] = index;
                _cycles[k] = n - k;
            }
            else
            {
                var j = _cycles[k];
                (_indices[k], _indices[n - j]) = (_indices[n - j], _indices[k]);
                for (var m = k; m < r; m++)
                {
                    _result[m] = pool[_indices[m]];
                }
                break;
            }
        }
        if (k < 0)
        {
            _stopped = true;
            return null;
        }
        return new PyTuple((PyObject[])_result.Clone());
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce()
    {
        if (_result is null)
        {
            return PyTuple.Create(Type, PyTuple.Create(new PyTuple(pool), PyInt.From(r)));
        }
        if (_stopped)
        {
            return PyTuple.Create(Type, PyTuple.Create(PyTuple.Empty, PyInt.From(r)));
        }
        var indices = new long[pool.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = _indices[i];
        }
        var cycles = new long[r];
        for (var i = 0; i < r; i++)
        {
            cycles[i] = _cycles[i];
        }
        return PyTuple.Create(Type, PyTuple.Create(new PyTuple(pool), PyInt.From(r)),
            PyTuple.Create(ItertoolsModule.IndicesTuple(indices), ItertoolsModule.IndicesTuple(cycles)));
    }

    [PyMethod("__setstate__")]
    public void SetState(PyObject state)
    {
        var n = pool.Length;
        if (state is not PyTuple { Count: 2 } t || t[0] is not PyTuple indices || t[1] is not PyTuple cycles)
        {
            throw PyErr.TypeError("state is not a tuple");
        }
        if (indices.Count != n || cycles.Count != r)
        {
            throw PyErr.ValueError("invalid arguments");
        }
        for (var i = 0; i < n; i++)
        {
            _indices[i] = (int)Math.Clamp(ArgParse.ToLong(indices[i]), 0, n - 1);
        }
        for (var i = 0; i < r; i++)
        {
            _cycles[i] = (int)Math.Clamp(ArgParse.ToLong(cycles[i]), 1, n - i);
        }
        _result = new PyObject[r];
        for (var i = 0; i < r; i++)
        {
            _result[i] = pool[_indices[i]];
        }
    }
}
