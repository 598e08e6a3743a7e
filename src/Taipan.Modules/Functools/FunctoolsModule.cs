// Modules/_functoolsmodule.c
using Taipan.Bytecode;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Functools;

/// <summary>The <c>_functools</c> module: reduce, partial, cmp_to_key and the C lru cache.</summary>
[PyModule("_functools", Doc = "Tools that operate on functions.")]
public static partial class FunctoolsModule
{
    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("partial", Partial.TypeObject);
        module.AddBuiltin("_lru_cache_wrapper", LruCacheWrapper.TypeObject);
    }

    /// <summary><c>reduce(function, iterable[, initial])</c>.</summary>
    [PyMethod]
    public static PyObject Reduce(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("reduce", kwnames);
        ArgParse.CheckPositional("reduce", args.Length, 2, 3);
        var func = args[0];
        var result = args.Length > 2 ? args[2] : null;
        PyObject it;
        try
        {
            it = Ops.GetIter(args[1]);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.TypeError))
        {
            throw PyErr.TypeError("reduce() arg 2 must support iteration");
        }
        var pair = new PyObject[2];
        while (Ops.Next(it) is { } item)
        {
            if (result is null)
            {
                result = item;
                continue;
            }
            pair[0] = result;
            pair[1] = item;
            result = Ops.Call(func, pair, null);
        }
        return result ?? throw PyErr.TypeError("reduce() of empty iterable with no initial value");
    }

    /// <summary><c>cmp_to_key(mycmp)</c>: a callable that wraps objects in K instances.</summary>
    [PyMethod("cmp_to_key", Keywords = true)]
    public static PyObject CmpToKey(PyObject mycmp) => new KeyWrapper(mycmp, null);
}

/// <summary><c>partial(func, /, *args, **keywords)</c>. A partial of a plain partial (one
/// without instance attributes) is flattened into one.</summary>
[PyType("functools.partial", Module = "functools", FromSpec = true, Subclassable = true, Generic = true, InstanceType = true)]
public sealed partial class Partial(PyType type) : PyObject, IHeapInstance
{
    private PyType _type = type;
    private PyDict? _dict;
    private PyObject _func = PyNone.Value;
    private PyTuple _args = PyTuple.Empty;
    private PyDict _keywords = new();

    public override PyType Type => _type;

    public override PyDict? InstanceDict => _dict ??= new PyDict();

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        if (npos < 1)
        {
            throw PyErr.TypeError("type 'partial' takes at least one argument");
        }
        var func = args[0];
        PyTuple? innerArgs = null;
        PyDict? innerKeywords = null;
        if (func is Partial inner && ReferenceEquals(inner.Type.Slots.Call, TypeObject.Slots.Call) && inner._dict is not { Count: > 0 })
        {
            innerArgs = inner._args;
            innerKeywords = inner._keywords;
            func = inner._func;
        }
        if (func.Type.Slots.Call is null)
        {
            throw PyErr.TypeError("the first argument must be callable");
        }
        var p = new Partial(type) { _func = func };
        var positional = args[1..npos];
        if (innerArgs is null || innerArgs.Count == 0)
        {
            p._args = positional.Length == 0 ? PyTuple.Empty : new PyTuple(positional.ToArray());
        }
        else
        {
            var all = new PyObject[innerArgs.Count + positional.Length];
            innerArgs.Items.CopyTo(all);
            positional.CopyTo(all.AsSpan(innerArgs.Count));
            p._args = new PyTuple(all);
        }
        var kw = new PyDict();
        if (innerKeywords is not null)
        {
            kw.UpdateFrom(innerKeywords);
        }
        for (var k = 0; k < nkw; k++)
        {
            kw.SetItem(kwnames![k], args[npos + k]);
        }
        p._keywords = kw;
        return p;
    }

    /// <summary>Calls the function with the stored arguments first and the call's keywords
    /// overriding the stored ones.</summary>
    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var stored = _args.Items;
        if (_keywords.Count == 0)
        {
            if (stored.Length == 0)
            {
                return Ops.Call(_func, args, kwnames);
            }
            var all = new PyObject[stored.Length + args.Length];
            stored.CopyTo(all);
            args.CopyTo(all.AsSpan(stored.Length));
            return Ops.Call(_func, all, kwnames);
        }
        return CallWithKeywords(stored, args, kwnames);
    }

    private PyObject CallWithKeywords(ReadOnlySpan<PyObject> stored, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        var names = new List<PyObject>(_keywords.Count + nkw);
        var values = new List<PyObject>(_keywords.Count + nkw);
        foreach (var (key, value) in _keywords.Items())
        {
            var v = value;
            for (var k = 0; k < nkw; k++)
            {
                if (Ops.RichCompareBool(kwnames![k], key, CompareOp.Eq))
                {
                    v = args[npos + k];
                    break;
                }
            }
            names.Add(key);
            values.Add(v);
        }
        for (var k = 0; k < nkw; k++)
        {
            if (!_keywords.ContainsKey(kwnames![k]))
            {
                names.Add(kwnames[k]);
                values.Add(args[npos + k]);
            }
        }
        foreach (var name in names)
        {
            if (name is not PyStr)
            {
                throw PyErr.TypeError("keywords must be strings");
            }
        }
        var all = new PyObject[stored.Length + npos + values.Count];
        stored.CopyTo(all);
        args[..npos].CopyTo(all.AsSpan(stored.Length));
        values.CopyTo(all, stored.Length + npos);
        return Ops.Call(_func, all, new PyTuple(names.ToArray()));
    }

    [PyGetter("func")]
    public PyObject Func() => _func;

    [PyGetter("args")]
    public PyObject Args() => _args;

    [PyGetter("keywords")]
    public PyObject Keywords() => _keywords;

    // func, args and keywords are read-only members in CPython, whose message this is.
    [PySetter("func")]
    public void SetFunc(PyObject? value) => throw PyErr.AttributeError("readonly attribute");

    [PySetter("args")]
    public void SetArgs(PyObject? value) => throw PyErr.AttributeError("readonly attribute");

    [PySetter("keywords")]
    public void SetKeywords(PyObject? value) => throw PyErr.AttributeError("readonly attribute");

    [PyGetter("__dict__")]
    public PyObject DictGetter() => _dict ??= new PyDict();

    [PySetter("__dict__")]
    public void DictSetter(PyObject? value) =>
        _dict = value as PyDict ?? throw PyErr.TypeError(value is null ? "a partial object's dictionary may not be deleted" : "setting partial object's dictionary to a non-dict");

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        using var guard = ReprGuard.Enter(this);
        if (!guard.Entered)
        {
            return new PyStr("...");
        }
        var sb = new System.Text.StringBuilder();
        sb.Append(Type.Name).Append('(').Append(Ops.Repr(_func).Value);
        foreach (var arg in _args.Items)
        {
            sb.Append(", ").Append(Ops.Repr(arg).Value);
        }
        foreach (var (key, value) in _keywords.Items())
        {
            sb.Append(", ").Append(Ops.Str(key).Value).Append('=').Append(Ops.Repr(value).Value);
        }
        return new PyStr(sb.Append(')').ToString());
    }

    [PyMethod("__reduce__")]
    public PyObject Reduce() =>
        PyTuple.Create(Type, PyTuple.Create(_func), PyTuple.Create(_func, _args, _keywords, _dict is { Count: > 0 } ? _dict : PyNone.Value));

    [PyMethod("__setstate__")]
    public void SetState(PyObject state)
    {
        if (state is not PyTuple { Count: 4 } t || t[0].Type.Slots.Call is null || t[1] is not PyTuple args
            || (t[2] is not PyNone && t[2] is not PyDict))
        {
            throw PyErr.TypeError("invalid partial state");
        }
        _func = t[0];
        _args = args.GetType() == typeof(PyTuple) ? args : new PyTuple(args.Items.ToArray());
        if (t[2] is PyDict kw)
        {
            if (kw.GetType() == typeof(PyDict))
            {
                _keywords = kw;
            }
            else
            {
                _keywords = new PyDict();
                _keywords.UpdateFrom(kw);
            }
        }
        else
        {
            _keywords = new PyDict();
        }
        _dict = t[3] is PyDict d ? d : null;
    }
}

/// <summary>The objects of <c>cmp_to_key</c>: called with an object, it wraps it in another
/// KeyWrapper whose comparisons call the comparison function.</summary>
[PyType("functools.KeyWrapper", Module = "functools", FromSpec = true, Unhashable = true)]
public sealed partial class KeyWrapper(PyObject cmp, PyObject? obj) : PyObject
{
    private PyObject? _obj = obj;
    private readonly PyObject _cmp = cmp;

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[1];
        ArgParse.UnpackKeywords("K", args, kwnames, s_names, 1, 1, 1, buffer);
        return new KeyWrapper(_cmp, buffer[0]);
    }

    private static readonly string[] s_names = ["obj"];

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        var self = (KeyWrapper)left;
        if (right.GetType() != typeof(KeyWrapper) || !ReferenceEquals(right.Type, left.Type))
        {
            throw PyErr.TypeError("other argument must be K instance");
        }
        var other = (KeyWrapper)right;
        if (self._obj is null || other._obj is null)
        {
            throw PyErr.AttributeError("object");
        }
        var res = Ops.Call(self._cmp, [self._obj, other._obj], null);
        return Ops.RichCompare(res, PyInt.From(0), op);
    }

    [PyGetter("obj")]
    public PyObject Obj() => _obj ?? PyNone.Value;

    [PySetter("obj")]
    public void SetObj(PyObject? value) => _obj = value;
}

/// <summary>A link of the bounded cache's recency list; it lives only in the cache dict.</summary>
internal sealed class LruLink(PyObject key, PyObject result) : PyObject
{
    public PyObject Key = key;
    public PyObject Result = result;
    public LruLink? Prev;
    public LruLink? Next;

    public override PyType Type => PyBaseObject.TypeObject;
}

/// <summary><c>_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)</c>: the
/// C implementation behind <c>functools.lru_cache</c>. Keys are built as
/// <c>functools._make_key</c> builds them; the bounded cache keeps a recency list whose oldest
/// link is reused when the cache is full.</summary>
[PyType("functools._lru_cache_wrapper", Module = "functools", FromSpec = true,
    Doc = "Create a cached callable that wraps another function.\n\nuser_function:      the function being cached\n\nmaxsize:  0         for no caching\n          None      for unlimited cache size\n          n         for a bounded cache\n\ntyped:    False     cache f(3) and f(3.0) as identical calls\n          True      cache f(3) and f(3.0) as distinct calls\n\ncache_info_type:    namedtuple class with the fields:\n                        hits misses currsize maxsize\n")]
public sealed partial class LruCacheWrapper : PyObject
{
    private static readonly PyObject s_kwdMark = new PyInstance(PyBaseObject.TypeObject);

    private readonly PyObject _func;
    private readonly long _maxSize;
    private readonly bool _typed;
    private readonly PyObject _cacheInfoType;
    private readonly PyDict _cache = new();
    private PyDict? _dict;
    private long _hits;
    private long _misses;

    /// <summary>The recency list's sentinel: Next is the oldest link, Prev the newest.</summary>
    private readonly LruLink _root;

    private LruCacheWrapper(PyObject func, long maxSize, bool typed, PyObject cacheInfoType)
    {
        _func = func;
        _maxSize = maxSize;
        _typed = typed;
        _cacheInfoType = cacheInfoType;
        _root = new LruLink(PyNone.Value, PyNone.Value);
        _root.Prev = _root.Next = _root;
    }

    public override PyDict? InstanceDict => _dict ??= new PyDict();

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[4];
        ArgParse.UnpackKeywords("lru_cache", args, kwnames, s_names, 4, 4, 4, buffer);
        var func = buffer[0]!;
        if (func.Type.Slots.Call is null)
        {
            throw PyErr.TypeError("the first argument must be callable");
        }
        long maxSize;
        if (buffer[1] is PyNone)
        {
            maxSize = -1;
        }
        else if (buffer[1] is PyInt m)
        {
            maxSize = m.IsSmall ? Math.Max(0, m.Small) : m.Value.Sign < 0 ? 0 : throw PyErr.OverflowError("Python int too large to convert to C ssize_t");
        }
        else
        {
            throw PyErr.TypeError("maxsize should be integer or None");
        }
        return new LruCacheWrapper(func, maxSize, Ops.IsTrue(buffer[2]!), buffer[3]!);
    }

    private static readonly string[] s_names = ["user_function", "maxsize", "typed", "cache_info_type"];

    /// <summary><c>lru_cache_make_key</c>: one exact str or int argument is its own key.</summary>
    private PyObject MakeKey(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        if (!_typed && nkw == 0)
        {
            if (npos == 1 && (args[0].GetType() == typeof(PyStr) || args[0].GetType() == typeof(PyInt)))
            {
                return args[0];
            }
            return npos == 0 ? PyTuple.Empty : new PyTuple(args.ToArray());
        }
        var size = npos + (nkw > 0 ? (nkw * 2) + 1 : 0) + (_typed ? npos + nkw : 0);
        var key = new PyObject[size];
        var i = 0;
        for (var k = 0; k < npos; k++)
        {
            key[i++] = args[k];
        }
        if (nkw > 0)
        {
            key[i++] = s_kwdMark;
            for (var k = 0; k < nkw; k++)
            {
                key[i++] = kwnames![k];
                key[i++] = args[npos + k];
            }
        }
        if (_typed)
        {
            for (var k = 0; k < npos; k++)
            {
                key[i++] = args[k].Type;
            }
            for (var k = 0; k < nkw; k++)
            {
                key[i++] = args[npos + k].Type;
            }
        }
        return new PyTuple(key);
    }

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (_maxSize == 0)
        {
            _misses++;
            return Ops.Call(_func, args, kwnames);
        }
        var key = MakeKey(args, kwnames);
        if (_maxSize < 0)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                _hits++;
                return cached;
            }
            _misses++;
            var result = Ops.Call(_func, args, kwnames);
            _cache.SetItem(key, result);
            return result;
        }
        return CallBounded(key, args, kwnames);
    }

    private PyObject CallBounded(PyObject key, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (_cache.TryGetValue(key, out var found))
        {
            var link = (LruLink)found;
            Unlink(link);
            Append(link);
            _hits++;
            return link.Result;
        }
        _misses++;
        var result = Ops.Call(_func, args, kwnames);
        if (_cache.ContainsKey(key))
        {
            // The call itself cached this key (recursion); its link is already in place.
            return result;
        }
        if (_cache.Count >= _maxSize && _root.Next != _root)
        {
            // Reuse the oldest link for the new entry.
            var oldest = _root.Next!;
            Unlink(oldest);
            _cache.Remove(oldest.Key);
            oldest.Key = key;
            oldest.Result = result;
            _cache.SetItem(key, oldest);
            Append(oldest);
            return result;
        }
        var fresh = new LruLink(key, result);
        _cache.SetItem(key, fresh);
        Append(fresh);
        return result;
    }

    private static void Unlink(LruLink link)
    {
        link.Prev!.Next = link.Next;
        link.Next!.Prev = link.Prev;
    }

    private void Append(LruLink link)
    {
        var last = _root.Prev!;
        last.Next = link;
        link.Prev = last;
        link.Next = _root;
        _root.Prev = link;
    }

    [PyMethod("cache_info")]
    public PyObject CacheInfo() => Ops.Call(_cacheInfoType,
        [PyInt.From(_hits), PyInt.From(_misses), _maxSize < 0 ? PyNone.Value : PyInt.From(_maxSize), PyInt.From(_cache.Count)], null);

    [PyMethod("cache_clear")]
    public void CacheClear()
    {
        _hits = 0;
        _misses = 0;
        _cache.Clear();
        _root.Prev = _root.Next = _root;
    }

    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner) =>
        instance is null or PyNone ? this : new PyMethod(this, instance);

    [PyMethod("__reduce__")]
    public PyObject Reduce() => Ops.GetAttr(this, PyStr.Intern("__qualname__"));

    [PyMethod("__copy__")]
    public PyObject Copy() => this;

    [PyMethod("__deepcopy__")]
    public PyObject DeepCopy(PyObject memo) => this;

    [PyGetter("__dict__")]
    public PyObject DictGetter() => _dict ??= new PyDict();
}
