// Objects/typeobject.c
using System.Runtime.CompilerServices;

namespace Taipan.Runtime.Objects;

/// <summary>The type flags, with CPython's bit values so that <c>__flags__</c> reads the same
/// for the bits Python code tests (<c>inspect</c> tests Py_TPFLAGS_IS_ABSTRACT).</summary>
[Flags]
public enum TypeFlags : long
{
    None = 0,
    /// <summary>Instances have a <c>__dict__</c> (Py_TPFLAGS_MANAGED_DICT).</summary>
    HasDict = 1 << 4,
    /// <summary>Attributes may not be set on the type (builtin types, Py_TPFLAGS_IMMUTABLETYPE).</summary>
    Immutable = 1 << 8,
    /// <summary>Created by a class statement or <c>type(name, bases, ns)</c> (Py_TPFLAGS_HEAPTYPE).</summary>
    HeapType = 1 << 9,
    /// <summary>May be subclassed (Py_TPFLAGS_BASETYPE).</summary>
    BaseType = 1 << 10,
    IsAbstract = 1 << 20,
    /// <summary>Instances may be weakly referenced (a nonzero tp_weaklistoffset); a bit CPython
    /// does not use, hidden from <c>__flags__</c>.</summary>
    Weakrefable = 1L << 40,
    // The fast subclass bits of CPython (Py_TPFLAGS_LONG_SUBCLASS ...): isinstance checks for
    // the common builtins test one bit instead of walking the MRO.
    IntSubclass = 1L << 24,
    ListSubclass = 1L << 25,
    TupleSubclass = 1L << 26,
    BytesSubclass = 1L << 27,
    StrSubclass = 1L << 28,
    DictSubclass = 1L << 29,
    BaseExceptionSubclass = 1L << 30,
    TypeSubclass = 1L << 31,
}

/// <summary>
/// A Python type: <c>type</c> itself, builtin types, and classes. Special methods are cached in
/// <see cref="Slots"/>; <see cref="VersionTag"/> changes whenever the type or one of its bases
/// changes, so inline caches and the method cache validate with one integer comparison.
/// </summary>
[PyType("type", InstanceType = true, Subclassable = true, Flags = TypeFlags.TypeSubclass | TypeFlags.Weakrefable)]
public sealed partial class PyType : PyObject
{
    private static uint s_nextVersion = 1;

    private PyType? _metatype;
    private readonly List<WeakReference<PyType>> _subclasses = [];

    /// <summary>Creates a builtin type. Its attributes are filled by <paramref name="initialize"/>
    /// on first use, so start-up does not pay for types a program never touches.</summary>
    public PyType(string name, PyType? @base, TypeFlags flags, Action<PyType>? initialize = null, string module = "builtins")
    {
        // A builtin type of another module is named "module.name" (CPython's tp_name, which
        // messages show); __name__ and __qualname__ are the last part.
        Name = name;
        QualName = name[(name.LastIndexOf('.') + 1)..];
        Module = module;
        Base = @base;
        Bases = @base is null ? [] : [@base];
        Flags = flags | (@base is null ? TypeFlags.None : @base.Flags & SubclassBits);
        Slots = @base?.Slots.Clone() ?? new TypeSlots();
        Dict = new PyDict();
        Mro = @base is null ? [this] : [this, .. @base.Mro];
        VersionTag = NextVersion();
        _initialize = initialize;
        SolidBase = this;
        @base?.AddSubclass(this);
        // Making object's type object makes type's first, while object's is still null:
        // type gets its base here.
        if (@base is null && name == "object" && TypeObject is { Base: null } type)
        {
            type.Base = this;
            type.Bases = [this];
            type.Mro = [type, this];
            AddSubclass(type);
        }
    }

    private const TypeFlags SubclassBits = TypeFlags.IntSubclass | TypeFlags.ListSubclass | TypeFlags.TupleSubclass
        | TypeFlags.BytesSubclass | TypeFlags.StrSubclass | TypeFlags.DictSubclass
        | TypeFlags.BaseExceptionSubclass | TypeFlags.TypeSubclass;

    private Action<PyType>? _initialize;

    /// <summary><c>type</c>: the type of every type whose metatype was not given.</summary>
    public static PyType TypeType => TypeObject;

    public override PyType Type => _metatype ?? TypeObject;

    public string Name { get; set; }
    public string QualName { get; set; }
    public string Module { get; set; }
    public PyType? Base { get; private set; }
    public PyType[] Bases { get; private set; }
    public PyType[] Mro { get; private set; }
    public PyDict Dict { get; }
    public TypeFlags Flags { get; set; }
    public TypeSlots Slots { get; }
    public uint VersionTag { get; private set; }

    /// <summary>The doc string of a builtin type.</summary>
    public string? Doc { get; init; }

    /// <summary>A builtin type that CPython makes from a spec: its dict holds <c>__module__</c>
    /// (see <see cref="PyTypeAttribute.FromSpec"/>).</summary>
    public bool FromSpec { get; init; }

    public override PyDict? InstanceDict => Dict;

    /// <summary>Gives a builtin type with several bases (ExceptionGroup) its bases and MRO.</summary>
    internal void SetBuiltinBases(PyType[] bases, PyType[] mro)
    {
        Bases = bases;
        Mro = mro;
        for (var i = 1; i < bases.Length; i++)
        {
            bases[i].AddSubclass(this);
        }
    }

    public bool HasFlag(TypeFlags flag) => (Flags & flag) != 0;

    /// <summary>Runs the deferred initialisation of a builtin type's attributes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnsureReady()
    {
        if (_initialize is not null)
        {
            RunInitializer();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RunInitializer()
    {
        var init = _initialize;
        _initialize = null;
        foreach (var b in Bases)
        {
            b.EnsureReady();
        }
        init!(this);
        if (!Dict.ContainsKey(PyStr.Intern("__doc__")))
        {
            Dict.SetItem(PyStr.Intern("__doc__"), Doc is null ? PyNone.Value : new PyStr(Doc));
        }
        if (FromSpec)
        {
            Dict.SetItem(PyStr.Intern("__module__"), new PyStr(Module));
        }
    }

    /// <summary><c>_PyType_Lookup</c>: the attribute <paramref name="name"/> found along the MRO,
    /// without descriptors applied; null when absent.</summary>
    public PyObject? Lookup(PyStr name)
    {
        return MethodCache.Lookup(this, name);
    }

    internal PyObject? LookupUncached(PyStr name)
    {
        foreach (var t in Mro)
        {
            t.EnsureReady();
            if (t.Dict.TryGetValue(name, out var value))
            {
                return value;
            }
        }
        return null;
    }

    /// <summary><c>PyType_IsSubtype</c>.</summary>
    public bool IsSubtypeOf(PyType other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        foreach (var t in Mro)
        {
            if (ReferenceEquals(t, other))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Called after any change to this type's dict or bases: gives it and every
    /// subclass a new version, invalidating caches keyed on the old ones.</summary>
    public void Modified()
    {
        VersionTag = NextVersion();
        lock (_subclasses)
        {
            foreach (var weak in _subclasses)
            {
                if (weak.TryGetTarget(out var sub))
                {
                    sub.Modified();
                }
            }
        }
    }

    /// <summary>Sets the metatype of a type created by a class statement.</summary>
    public void SetMetatype(PyType metatype) => _metatype = ReferenceEquals(metatype, TypeObject) ? null : metatype;

    private void AddSubclass(PyType sub)
    {
        lock (_subclasses)
        {
            _subclasses.Add(new WeakReference<PyType>(sub));
        }
    }

    private void RemoveSubclass(PyType sub)
    {
        lock (_subclasses)
        {
            _subclasses.RemoveAll(weak => !weak.TryGetTarget(out var t) || ReferenceEquals(t, sub));
        }
    }

    public IEnumerable<PyType> Subclasses()
    {
        lock (_subclasses)
        {
            foreach (var weak in _subclasses)
            {
                if (weak.TryGetTarget(out var sub))
                {
                    yield return sub;
                }
            }
        }
    }

    private static uint NextVersion() => Interlocked.Increment(ref s_nextVersion);

    /// <summary><c>type.__call__</c>: <c>type(x)</c> gives x's type; calling any other type
    /// creates an instance with <c>__new__</c> and initialises it with <c>__init__</c>.</summary>
    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (ReferenceEquals(this, TypeObject))
        {
            if (args.Length == 1 && kwnames is null)
            {
                return args[0].Type;
            }
            if (args.Length - (kwnames?.Count ?? 0) != 3)
            {
                throw Errors.PyErr.TypeError("type() takes 1 or 3 arguments");
            }
        }
        var @new = Slots.New ?? throw Errors.PyErr.TypeError($"cannot create '{QualName}' instances");
        var obj = @new(this, args, kwnames);
        if (obj.Type.IsSubtypeOf(this) && obj.Type.Slots.Init is { } init)
        {
            init(obj, args, kwnames);
        }
        return obj;
    }

    /// <summary><c>type.__new__(metatype, name, bases, dict)</c>.</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType metatype, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var npos = args.Length - (kwnames?.Count ?? 0);
        if (npos != 3)
        {
            throw Errors.PyErr.TypeError("type.__new__() takes exactly 3 arguments (" + npos + " given)");
        }
        var name = args[0] as PyStr ?? throw Errors.PyErr.TypeError($"type.__new__() argument 1 must be str, not {args[0].Type.Name}");
        var bases = args[1] as PyTuple ?? throw Errors.PyErr.TypeError($"type.__new__() argument 2 must be tuple, not {args[1].Type.Name}");
        var ns = args[2] as PyDict ?? throw Errors.PyErr.TypeError($"type.__new__() argument 3 must be dict, not {args[2].Type.Name}");
        // type(name, bases, ns) with bases of a more derived metaclass is that metaclass's call.
        var winner = CalculateMetaclass(metatype, bases.Items);
        if (!ReferenceEquals(winner, metatype))
        {
            if (!ReferenceEquals(winner.Slots.New, TypeObject.Slots.New))
            {
                return winner.Slots.New!(winner, args, kwnames);
            }
            metatype = winner;
        }
        var baseTypes = new PyType[bases.Count];
        for (var i = 0; i < baseTypes.Length; i++)
        {
            baseTypes[i] = bases[i] as PyType ?? throw Errors.PyErr.TypeError($"bases must be types");
        }
        var type = CreateHeapType(metatype, name.Value, baseTypes, ns);
        type.InitSubclass(args[3..], kwnames);
        return type;
    }

    [PySlot("tp_init")]
    public void Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var npos = args.Length - (kwnames?.Count ?? 0);
        if (npos is not 1 and not 3)
        {
            throw Errors.PyErr.TypeError("type.__init__() takes 1 or 3 arguments");
        }
        if (npos == 1 && kwnames is { Count: > 0 })
        {
            throw Errors.PyErr.TypeError("type.__init__() takes no keyword arguments");
        }
    }

    [PySlot("tp_getattro")]
    public static PyObject? GetAttr(PyObject self, PyStr name) => Abstract.Ops.GenericGetAttr(self, name);

    [PySlot("tp_setattro")]
    public static void SetAttr(PyObject self, PyStr name, PyObject? value)
    {
        var type = (PyType)self;
        if (!type.HasFlag(TypeFlags.HeapType))
        {
            throw Errors.PyErr.TypeError($"cannot set '{name.Value}' attribute of immutable type '{type.Name}'");
        }
        Abstract.Ops.GenericSetAttr(self, name, value);
        type.UpdateSlot(name.Value);
    }

    [PyGetter("__mro__")]
    public PyTuple MroGetter() => new([.. Mro]);

    [PyGetter("__bases__")]
    public PyTuple BasesGetter() => new([.. Bases]);

    [PySetter("__bases__")]
    public void BasesSetter(PyObject? value) => SetBases(value);

    /// <summary>The class namespace, read-only (type_dict).</summary>
    [PyGetter("__dict__")]
    public PyObject DictGetter()
    {
        EnsureReady();
        return new PyMappingProxy(Dict);
    }

    [PyGetter("__base__")]
    public PyObject BaseGetter() => (PyObject?)Base ?? PyNone.Value;

    [PyGetter("__module__")]
    public PyObject ModuleGetter() =>
        HasFlag(TypeFlags.HeapType) && Dict.TryGetValue(PyStr.Intern("__module__"), out var m) ? m : new PyStr(Module);

    // Stated here, not inherited: type's slots are copied before object's exist (see the
    // constructor).
    [PySlot("tp_hash")]
    public static long Hash(PyObject self) => Python.PyHash.Pointer(self);

    [PySlot("tp_repr")]
    public PyStr Repr() => new(Module is "builtins" ? $"<class '{QualName}'>" : $"<class '{Module}.{QualName}'>");

    [PyGetter("__name__")]
    public PyStr NameGetter() => new(HasFlag(TypeFlags.HeapType) ? Name : QualName);

    [PyGetter("__qualname__")]
    public PyStr QualNameGetter() => new(QualName);

    /// <summary>Adds a builtin attribute while the type is being initialised.</summary>
    public void AddBuiltin(string name, PyObject value) => Dict[PyStr.Intern(name)] = value;
}

/// <summary>
/// The global method cache of <c>_PyType_Lookup</c>: entries keyed by (type version, name),
/// so a lookup that hits costs a hash, an index and two comparisons.
/// </summary>
internal static class MethodCache
{
    private const int Size = 1 << 12;

    private struct Entry
    {
        public uint Version;
        public PyStr? Name;
        public PyObject? Value;
    }

    [ThreadStatic]
    private static Entry[]? t_entries;

    public static PyObject? Lookup(PyType type, PyStr name)
    {
        var entries = t_entries ??= new Entry[Size];
        var version = type.VersionTag;
        var index = (int)((version ^ (uint)name.GetHashCode()) & (Size - 1));
        ref var e = ref entries[index];
        if (e.Version == version && ReferenceEquals(e.Name, name))
        {
            return e.Value;
        }
        var value = type.LookupUncached(name);
        // Only interned names are cached: they are compared by reference.
        if (name.IsInterned)
        {
            e.Version = type.VersionTag;
            e.Name = name;
            e.Value = value;
        }
        return value;
    }
}
