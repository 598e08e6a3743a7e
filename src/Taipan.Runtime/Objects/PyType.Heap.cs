// Objects/typeobject.c (type_new, mro_internal, update_slot)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

public sealed partial class PyType
{
    /// <summary>The C# layout instances of this type have: the first builtin base along the
    /// MRO (object for plain classes).</summary>
    public PyType SolidBase { get; private set; } = null!;

    private PyType(string name, PyType[] bases, PyType[] mro, PyDict dict, PyType metatype)
    {
        Name = name;
        QualName = name;
        Module = "builtins";
        Bases = bases;
        Base = bases[0];
        Mro = [this, .. mro];
        Dict = dict;
        Slots = Base.Slots.Clone();
        Flags = TypeFlags.HeapType | TypeFlags.BaseType | TypeFlags.HasDict | (Base.Flags & SubclassBits);
        // type_new adds __weakref__ unless the base already has it or is variable-sized
        // (int, tuple, bytes), as CPython's tp_itemsize rule does.
        if (Base.HasFlag(TypeFlags.Weakrefable) || (Base.Flags & (TypeFlags.IntSubclass | TypeFlags.TupleSubclass | TypeFlags.BytesSubclass)) == 0)
        {
            Flags |= TypeFlags.Weakrefable;
        }
        VersionTag = NextVersion();
        SetMetatype(metatype);
        foreach (var b in bases)
        {
            b.AddSubclass(this);
        }
    }

    /// <summary><c>_PyType_CalculateMetaclass</c>: the most derived metaclass among
    /// <paramref name="meta"/> and the bases' types.</summary>
    public static PyType CalculateMetaclass(PyType meta, ReadOnlySpan<PyObject> bases)
    {
        foreach (var b in bases)
        {
            var bt = b.Type;
            if (meta.IsSubtypeOf(bt))
            {
                continue;
            }
            if (bt.IsSubtypeOf(meta))
            {
                meta = bt;
                continue;
            }
            throw PyErr.TypeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
        }
        return meta;
    }

    /// <summary><c>type.__new__(metatype, name, bases, namespace)</c>: a class.</summary>
    public static PyType CreateHeapType(PyType metatype, string name, PyType[] bases, PyDict ns)
    {
        if (bases.Length == 0)
        {
            bases = [PyBaseObject.TypeObject];
        }
        foreach (var b in bases)
        {
            b.EnsureReady();
            if (!b.HasFlag(TypeFlags.BaseType))
            {
                throw PyErr.TypeError($"type '{b.Name}' is not an acceptable base type");
            }
        }
        var mro = ComputeMro(name, bases);
        var dict = new PyDict();
        foreach (var (k, v) in ns.Items())
        {
            dict.SetItem(k, v);
        }
        var type = new PyType(name, bases, mro, dict, metatype);
        type.SolidBase = SolidBaseOf(bases);
        if (dict.TryGetValue(PyStr.Intern("__slots__"), out var slots))
        {
            type.AddSlots(name, slots);
        }
        else
        {
            type.SlotCount = type.Base!.SlotCount;
        }
        if (dict.TryGetValue(PyStr.Intern("__qualname__"), out var qualname))
        {
            type.QualName = (qualname as PyStr ?? throw PyErr.TypeError($"type __qualname__ must be a str, not {qualname.Type.Name}")).Value;
            dict.Remove(PyStr.Intern("__qualname__"));
        }
        // type_new_set_module: a class made by calling type() belongs to the caller's module.
        if (!dict.ContainsKey(PyStr.Intern("__module__"))
            && Python.ThreadState.Current.Frame?.Globals is { } globals
            && globals.TryGetValue(PyStr.Intern("__name__"), out var callerModule))
        {
            dict.SetItem(PyStr.Intern("__module__"), callerModule);
        }
        if (dict.TryGetValue(PyStr.Intern("__module__"), out var module) && module is PyStr m)
        {
            type.Module = m.Value;
        }
        if (!dict.ContainsKey(PyStr.Intern("__doc__")))
        {
            dict.SetItem(PyStr.Intern("__doc__"), PyNone.Value);
        }
        // A class that defines __eq__ but not __hash__ is unhashable.
        if (dict.ContainsKey(PyStr.Intern("__eq__")) && !dict.ContainsKey(PyStr.Intern("__hash__")))
        {
            dict.SetItem(PyStr.Intern("__hash__"), PyNone.Value);
        }
        // The slots were copied from the first base; special methods of classes that come
        // later in the MRO (mixins after the first base) are found as fixup_slot_dispatchers
        // finds them.
        foreach (var t in type.Mro)
        {
            if (ReferenceEquals(t, type) || !t.HasFlag(TypeFlags.HeapType) || type.Base!.IsSubtypeOf(t))
            {
                continue;
            }
            foreach (var (key, _) in t.Dict.Items())
            {
                if (key is PyStr k)
                {
                    type.UpdateSlot(k.Value);
                }
            }
        }
        foreach (var (key, value) in dict.Items().ToList())
        {
            if (key is PyStr k)
            {
                type.UpdateSlot(k.Value);
            }
            // __init_subclass__ and __class_getitem__ are implicitly class methods, __new__ static.
            if (key is PyStr { Value: "__new__" } && value is PyFunction)
            {
                dict.SetItem(key, new PyStaticMethod(value));
            }
            if (key is PyStr { Value: "__init_subclass__" or "__class_getitem__" } && value is PyFunction)
            {
                dict.SetItem(key, new PyClassMethod(value));
            }
        }
        // Slots come from the whole MRO, not only the first base's table: class U(Mixin, G)
        // calls G.__init__ (inherit_slots over every base in CPython).
        if (bases.Length > 1)
        {
            for (var i = 1; i < type.Mro.Length; i++)
            {
                var t = type.Mro[i];
                if (!t.HasFlag(TypeFlags.HeapType))
                {
                    continue;
                }
                foreach (var (key, _) in t.Dict.Items().ToList())
                {
                    if (key is PyStr k && k.Value.StartsWith("__", StringComparison.Ordinal) && !dict.ContainsKey(k))
                    {
                        type.UpdateSlot(k.Value);
                    }
                }
            }
        }
        if (type.HasFlag(TypeFlags.HasDict) && !dict.ContainsKey(PyStr.Intern("__dict__")) && type.Base!.Lookup(PyStr.Intern("__dict__")) is null)
        {
            dict.SetItem(PyStr.Intern("__dict__"), new PyGetSetDescriptor(type, "__dict__", InstanceDictGetter, InstanceDictSetter, null));
        }
        if (dict.TryGetValue(PyStr.Intern("__classcell__"), out var cell))
        {
            (cell as PyCell ?? throw PyErr.TypeError($"__classcell__ must be a nonlocal cell, not {cell.Type}")).Contents = type;
            dict.Remove(PyStr.Intern("__classcell__"));
        }
        type.SetNames();
        return type;
    }

    /// <summary>The number of <c>__slots__</c> values instances of this class carry, its
    /// bases' included.</summary>
    public int SlotCount { get; private set; }

    /// <summary>Slots added by this class itself (a class with its own slots has its own layout).</summary>
    private int _ownSlots;

    /// <summary><c>type_new_slots</c>: member descriptors for the names in <c>__slots__</c>
    /// (sorted and mangled as CPython lays them out); without <c>"__dict__"</c> among them, the
    /// instances have no dict unless a base gives them one.</summary>
    private void AddSlots(string className, PyObject slots)
    {
        var items = slots is PyStr ? [slots] : new List<PyObject>(Ops.Iterate(slots));
        if (items.Count > 0 && (SolidBase.HasFlag(TypeFlags.IntSubclass) || SolidBase.HasFlag(TypeFlags.TupleSubclass) || SolidBase.HasFlag(TypeFlags.BytesSubclass)))
        {
            throw PyErr.TypeError($"nonempty __slots__ not supported for subtype of '{SolidBase.Name}'");
        }
        var baseHasDict = Base!.HasFlag(TypeFlags.HeapType) ? Base.HasFlag(TypeFlags.HasDict) : !ReferenceEquals(SolidBase, PyBaseObject.TypeObject);
        var addDict = false;
        var addWeakref = false;
        var names = new List<string>();
        foreach (var item in items)
        {
            var slot = item as PyStr ?? throw PyErr.TypeError($"__slots__ items must be strings, not '{item.Type.Name}'");
            if (!slot.IsIdentifier())
            {
                throw PyErr.TypeError("__slots__ must be identifiers");
            }
            switch (slot.Value)
            {
                case "__dict__":
                    if (baseHasDict || addDict)
                    {
                        throw PyErr.TypeError("__dict__ slot disallowed: we already got one");
                    }
                    addDict = true;
                    break;
                case "__weakref__":
                    if (addWeakref)
                    {
                        throw PyErr.TypeError("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                    }
                    addWeakref = true;
                    break;
                default:
                    names.Add(Taipan.Compiler.Symtable.Mangling.Mangle(className, slot.Value));
                    break;
            }
        }
        names.Sort(string.CompareOrdinal);
        foreach (var slotName in names)
        {
            if (Dict.ContainsKey(PyStr.Intern(slotName)))
            {
                throw PyErr.ValueError($"{Ops.Repr(new PyStr(slotName)).Value} in __slots__ conflicts with class variable");
            }
        }
        // A name listed twice (date.__slots__ + time.__slots__) gets two slots, the second's
        // descriptor winning, as in CPython.
        var index = Base.SlotCount;
        foreach (var slotName in names)
        {
            Dict.SetItem(PyStr.Intern(slotName), new PyMemberDescriptor(this, slotName, index++));
        }
        SlotCount = index;
        _ownSlots = names.Count;
        // inherit_slots copies tp_dictoffset from any base, not only the first (minidom's
        // ProcessingInstruction(Childless, Node)).
        if (!addDict && !baseHasDict && !Array.Exists(Bases, b => b.HasFlag(TypeFlags.HeapType) && b.HasFlag(TypeFlags.HasDict)))
        {
            Flags &= ~TypeFlags.HasDict;
        }
    }

    /// <summary><c>type_new_set_names</c>: tells each attribute that has <c>__set_name__</c>
    /// the class and name it was given.</summary>
    private void SetNames()
    {
        foreach (var (key, value) in Dict.Items().ToList())
        {
            if (value.Type.Lookup(PyStr.Intern("__set_name__")) is not { } setName)
            {
                continue;
            }
            try
            {
                Ops.Call(setName, [value, this, key], null);
            }
            catch (PyException e)
            {
                var error = PyErr.New(PyExc.RuntimeError, $"Error calling __set_name__ on '{value.Type.Name}' instance {Ops.Repr(key).Value} in '{Name}'");
                error.Value.Cause = e.Value;
                throw error;
            }
        }
    }

    /// <summary><c>type_new_init_subclass</c>: <c>super(type, type).__init_subclass__(**kwds)</c>.</summary>
    internal void InitSubclass(ReadOnlySpan<PyObject> kwValues, PyTuple? kwnames)
    {
        var name = PyStr.Intern("__init_subclass__");
        for (var i = 1; i < Mro.Length; i++)
        {
            Mro[i].EnsureReady();
            if (Mro[i].Dict.TryGetValue(name, out var f))
            {
                var bound = f.Type.Slots.DescrGet is { } get ? get(f, null, this) : f;
                Ops.Call(bound, kwValues, kwnames);
                return;
            }
        }
    }

    /// <summary>The end of <c>PyObject_GetItem</c> for an object without <c>__getitem__</c>:
    /// a class is subscripted through its <c>__class_getitem__</c>.</summary>
    public static PyObject ClassGetItem(PyObject container, PyObject key)
    {
        if (container is PyType t)
        {
            // type[int] is a generic alias though type has no __class_getitem__.
            if (ReferenceEquals(t, TypeObject))
            {
                return new PyGenericAlias(t, key);
            }
            if (Ops.TryGetAttr(t, PyStr.Intern("__class_getitem__")) is { } method)
            {
                return Ops.Call(method, [key], null);
            }
            throw PyErr.TypeError($"type '{t.Name}' is not subscriptable");
        }
        throw PyErr.TypeError($"'{container.Type.Name}' object is not subscriptable");
    }

    /// <summary><c>subtype_dict</c>.</summary>
    private static PyObject InstanceDictGetter(PyObject self) =>
        self.InstanceDict ?? throw PyErr.AttributeError($"'{self.Type.Name}' object has no attribute '__dict__'");

    /// <summary><c>subtype_setdict</c>.</summary>
    private static void InstanceDictSetter(PyObject self, PyObject? value)
    {
        if (value is null)
        {
            throw PyErr.TypeError("cannot delete __dict__");
        }
        if (value is not PyDict d)
        {
            throw PyErr.TypeError($"__dict__ must be set to a dictionary, not a '{value.Type.Name}'");
        }
        if (self is not IHeapInstance instance)
        {
            throw PyErr.AttributeError($"'{self.Type.Name}' object has no attribute '__dict__'");
        }
        instance.SetDict(d);
    }

    /// <summary>The class whose layout instances have, for the conflict check: the nearest
    /// class along the bases that added slots, else the builtin layout.</summary>
    private PyType LayoutBase()
    {
        var t = this;
        while (t.HasFlag(TypeFlags.HeapType) && t._ownSlots == 0)
        {
            t = t.Base!;
        }
        return t.HasFlag(TypeFlags.HeapType) ? t : LayoutRoot(t);
    }

    private static PyType SolidBaseOf(PyType[] bases)
    {
        PyType? layout = null;
        foreach (var b in bases)
        {
            var l = b.LayoutBase();
            if (layout is null || l.IsSubtypeOf(layout))
            {
                layout = l;
            }
            else if (!layout.IsSubtypeOf(l))
            {
                throw PyErr.TypeError("multiple bases have instance lay-out conflict");
            }
        }
        PyType? solid = null;
        foreach (var b in bases)
        {
            var s = b.HasFlag(TypeFlags.HeapType) ? b.SolidBase : b;
            if (solid is null || s.IsSubtypeOf(solid))
            {
                solid = s;
            }
            else if (!solid.IsSubtypeOf(s) && !ReferenceEquals(LayoutRoot(s), LayoutRoot(solid)))
            {
                throw PyErr.TypeError("multiple bases have instance lay-out conflict");
            }
        }
        return solid!;
    }

    /// <summary>Builtin exceptions all share BaseException's layout (their extra fields are
    /// kept by name), so <c>class E(ArithmeticError, TypeError)</c> is allowed.</summary>
    private static PyType LayoutRoot(PyType t) => t.IsSubtypeOf(PyExc.BaseException) ? PyExc.BaseException : t;

    /// <summary>The C3 linearization (<c>mro_implementation</c>) of the bases; the class itself
    /// goes in front.</summary>
    private static PyType[] ComputeMro(string name, PyType[] bases)
    {
        var sequences = bases.Select(b => new List<PyType>(b.Mro)).ToList();
        sequences.Add([.. bases]);
        var result = new List<PyType>();
        while (true)
        {
            sequences.RemoveAll(s => s.Count == 0);
            if (sequences.Count == 0)
            {
                break;
            }
            PyType? candidate = null;
            foreach (var seq in sequences)
            {
                var head = seq[0];
                if (!sequences.Any(s => s.IndexOf(head) > 0))
                {
                    candidate = head;
                    break;
                }
            }
            if (candidate is null)
            {
                var names = string.Join(", ", sequences.Select(s => s[0].Name).Distinct());
                throw PyErr.TypeError($"Cannot create a consistent method resolution\norder (MRO) for bases {names}");
            }
            result.Add(candidate);
            foreach (var seq in sequences)
            {
                if (seq.Count > 0 && ReferenceEquals(seq[0], candidate))
                {
                    seq.RemoveAt(0);
                }
            }
        }
        return [.. result];
    }

    /// <summary><c>update_slot</c>: after <paramref name="dunder"/> was set or deleted on this
    /// class, points the corresponding slots of it and its subclasses at code that calls the
    /// special method found along the MRO.</summary>
    /// <summary><c>type_set_bases</c>: new bases for a class, with its MRO and its
    /// subclasses' recomputed and every slot found again along the new MRO.</summary>
    public void SetBases(PyObject? value)
    {
        if (!HasFlag(TypeFlags.HeapType) || value is null)
        {
            throw PyErr.TypeError($"cannot {(value is null ? "delete" : "set")} '__bases__' attribute of immutable type '{Name}'");
        }
        if (value is not PyTuple tuple)
        {
            throw PyErr.TypeError($"can only assign tuple to {Name}.__bases__, not {value.Type.Name}");
        }
        if (tuple.Count == 0)
        {
            throw PyErr.TypeError($"can only assign non-empty tuple to {Name}.__bases__, not ()");
        }
        var bases = new PyType[tuple.Count];
        for (var i = 0; i < bases.Length; i++)
        {
            if (tuple[i] is not PyType b)
            {
                throw PyErr.TypeError($"{Name}.__bases__ must be tuple of classes, not '{tuple[i].Type.Name}'");
            }
            if (b.IsSubtypeOf(this))
            {
                throw PyErr.TypeError("a __bases__ item causes an inheritance cycle");
            }
            bases[i] = b;
        }
        var solid = SolidBaseOf(bases);
        if (!ReferenceEquals(solid, SolidBase))
        {
            throw PyErr.TypeError($"__bases__ assignment: '{solid.Name}' deallocator differs from '{SolidBase.Name}'");
        }
        var mro = ComputeMro(Name, bases);
        foreach (var old in Bases)
        {
            old.RemoveSubclass(this);
        }
        Bases = bases;
        Base = bases[0];
        foreach (var b in bases)
        {
            b.AddSubclass(this);
        }
        Mro = [this, .. mro];
        foreach (var sub in Subclasses())
        {
            sub.RecomputeMro();
        }
        Modified();
        foreach (var dunder in HeapTypeSlots.Dunders())
        {
            UpdateSlot(dunder);
        }
    }

    private void RecomputeMro()
    {
        Mro = [this, .. ComputeMro(Name, Bases)];
        foreach (var sub in Subclasses())
        {
            sub.RecomputeMro();
        }
    }

    public void UpdateSlot(string dunder)
    {
        if (!HeapTypeSlots.Affects(dunder))
        {
            return;
        }
        HeapTypeSlots.Install(this, dunder);
        foreach (var sub in Subclasses())
        {
            sub.UpdateSlot(dunder);
        }
    }
}
