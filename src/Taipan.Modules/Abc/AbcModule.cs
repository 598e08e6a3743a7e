// Modules/_abc.c
using System.Runtime.CompilerServices;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Abc;

/// <summary><c>_abc_data</c>: the registry and caches of one abstract base class. They hold
/// classes weakly, as CPython's weak sets do, so registering a class does not keep it alive.</summary>
[PyType("_abc_data", Module = "_abc", FromSpec = true)]
public sealed partial class PyAbcData : PyObject
{
    public ConditionalWeakTable<PyObject, object?> Registry { get; } = [];
    public ConditionalWeakTable<PyObject, object?> Cache { get; } = [];
    public ConditionalWeakTable<PyObject, object?> NegativeCache { get; private set; } = [];
    public long NegativeCacheVersion { get; set; } = AbcModule.InvalidationCounter;

    public void ResetNegativeCache(long version)
    {
        NegativeCache = [];
        NegativeCacheVersion = version;
    }
}

/// <summary><c>_abc</c>: the speedups of <c>abc.ABCMeta</c> (registration, and isinstance and
/// issubclass with their caches).</summary>
[PyModule("_abc", Doc = "Module contains faster C implementation of abc.ABCMeta")]
public static partial class AbcModule
{
    /// <summary>Bumped by every registration, so negative caches made before it are stale.</summary>
    internal static long InvalidationCounter;

    private static readonly PyStr s_abcImpl = PyStr.Intern("_abc_impl");

    [PyMethod("get_cache_token")]
    public static long GetCacheToken() => InvalidationCounter;

    private static PyAbcData GetImpl(PyObject self) =>
        Ops.GetAttr(self, s_abcImpl) as PyAbcData ?? throw PyErr.TypeError("_abc_impl is set to a wrong type");

    private static bool IsAbstract(PyObject value) =>
        Ops.TryGetAttr(value, PyStr.Intern("__isabstractmethod__")) is { } v && Ops.IsTrue(v);

    /// <summary><c>_abc_init</c>: computes <c>__abstractmethods__</c> and attaches the data.</summary>
    [PyMethod("_abc_init")]
    public static void AbcInit(PyObject self)
    {
        ComputeAbstractMethods(self);
        Ops.SetAttr(self, s_abcImpl, new PyAbcData());
        // Only the C implementation's flags for pattern matching read this; the runtime decides
        // sequence and mapping patterns by the collections.abc registrations themselves.
        if (self is PyType { } type && type.Dict.ContainsKey(PyStr.Intern("__abc_tpflags__")))
        {
            type.Dict.Remove(PyStr.Intern("__abc_tpflags__"));
        }
    }

    private static void ComputeAbstractMethods(PyObject self)
    {
        var abstracts = new PySet();
        var ns = Ops.GetAttr(self, PyStr.Intern("__dict__"));
        foreach (var item in Ops.Iterate(Ops.CallMethod(ns, "items")))
        {
            if (item is not PyTuple { Count: 2 } pair)
            {
                throw PyErr.TypeError("items() returned item which is not a 2-tuple");
            }
            if (IsAbstract(pair[1]))
            {
                abstracts.AddItem(pair[0]);
            }
        }
        if (Ops.GetAttr(self, PyStr.Intern("__bases__")) is not PyTuple bases)
        {
            throw PyErr.TypeError("__bases__ is not tuple");
        }
        foreach (var b in bases.Items)
        {
            if (Ops.TryGetAttr(b, PyStr.Intern("__abstractmethods__")) is not { } inherited)
            {
                continue;
            }
            foreach (var name in Ops.Iterate(inherited))
            {
                if (name is PyStr s && Ops.TryGetAttr(self, s) is { } value && IsAbstract(value))
                {
                    abstracts.AddItem(name);
                }
            }
        }
        Ops.SetAttr(self, PyStr.Intern("__abstractmethods__"), PyFrozenSet.From(abstracts));
    }

    [PyMethod("_abc_register")]
    public static PyObject AbcRegister(PyObject self, PyObject subclass)
    {
        if (subclass is not PyType)
        {
            throw PyErr.TypeError("Can only register classes");
        }
        if (Ops.IsSubclass(subclass, self))
        {
            return subclass;
        }
        // Tested after "already a subclass", so X.register(X) is allowed as a no-op.
        if (Ops.IsSubclass(self, subclass))
        {
            throw PyErr.RuntimeError("Refusing to create an inheritance cycle");
        }
        GetImpl(self).Registry.AddOrUpdate(subclass, null);
        InvalidationCounter++;
        return subclass;
    }

    [PyMethod("_abc_instancecheck")]
    public static PyObject AbcInstanceCheck(PyObject self, PyObject instance)
    {
        var impl = GetImpl(self);
        var subclass = Ops.GetAttr(instance, PyStr.Intern("__class__"));
        if (impl.Cache.TryGetValue(subclass, out _))
        {
            return PyBool.True;
        }
        var subtype = instance.Type;
        if (ReferenceEquals(subtype, subclass))
        {
            if (impl.NegativeCacheVersion == InvalidationCounter && impl.NegativeCache.TryGetValue(subclass, out _))
            {
                return PyBool.False;
            }
            return Ops.CallMethod(self, "__subclasscheck__", subclass);
        }
        var result = Ops.CallMethod(self, "__subclasscheck__", subclass);
        return Ops.IsTrue(result) ? result : Ops.CallMethod(self, "__subclasscheck__", subtype);
    }

    [PyMethod("_abc_subclasscheck")]
    public static bool AbcSubclassCheck(PyObject self, PyObject subclass)
    {
        if (subclass is not PyType subtype)
        {
            throw PyErr.TypeError("issubclass() arg 1 must be a class");
        }
        var impl = GetImpl(self);
        if (impl.Cache.TryGetValue(subclass, out _))
        {
            return true;
        }
        if (impl.NegativeCacheVersion < InvalidationCounter)
        {
            impl.ResetNegativeCache(InvalidationCounter);
        }
        else if (impl.NegativeCache.TryGetValue(subclass, out _))
        {
            return false;
        }
        var ok = Ops.CallMethod(self, "__subclasshook__", subclass);
        if (ReferenceEquals(ok, PyBool.True))
        {
            impl.Cache.AddOrUpdate(subclass, null);
            return true;
        }
        if (ReferenceEquals(ok, PyBool.False))
        {
            impl.NegativeCache.AddOrUpdate(subclass, null);
            return false;
        }
        if (!ReferenceEquals(ok, PyNotImplemented.Value))
        {
            throw PyErr.New(PyExc.AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
        }
        if (IsDirectSubclass(subtype, self) || AnySubclass(subclass, Registered(impl)) || AnySubclass(subclass, Ops.Iterate(Ops.CallMethod(self, "__subclasses__"))))
        {
            impl.Cache.AddOrUpdate(subclass, null);
            return true;
        }
        impl.NegativeCache.AddOrUpdate(subclass, null);
        return false;
    }

    private static bool IsDirectSubclass(PyType subtype, PyObject self)
    {
        foreach (var t in subtype.Mro)
        {
            if (ReferenceEquals(t, self))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AnySubclass(PyObject subclass, IEnumerable<PyObject> candidates)
    {
        foreach (var c in candidates)
        {
            if (Ops.IsSubclass(subclass, c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A snapshot of the registry, since checks may register more classes.</summary>
    private static List<PyObject> Registered(PyAbcData impl)
    {
        var list = new List<PyObject>();
        foreach (var (cls, _) in impl.Registry)
        {
            list.Add(cls);
        }
        return list;
    }

    private static PySet SetOf(ConditionalWeakTable<PyObject, object?> table)
    {
        var set = new PySet();
        foreach (var (cls, _) in table)
        {
            set.AddItem(cls);
        }
        return set;
    }

    /// <summary><c>_get_dump</c>, for <c>ABCMeta._dump_registry</c>: the classes themselves
    /// rather than weak references to them.</summary>
    [PyMethod("_get_dump")]
    public static PyTuple GetDump(PyObject self)
    {
        var impl = GetImpl(self);
        return new PyTuple([SetOf(impl.Registry), SetOf(impl.Cache), SetOf(impl.NegativeCache), PyInt.From(impl.NegativeCacheVersion)]);
    }

    [PyMethod("_reset_registry")]
    public static void ResetRegistry(PyObject self) => GetImpl(self).Registry.Clear();

    [PyMethod("_reset_caches")]
    public static void ResetCaches(PyObject self)
    {
        var impl = GetImpl(self);
        impl.Cache.Clear();
        impl.NegativeCache.Clear();
    }
}
