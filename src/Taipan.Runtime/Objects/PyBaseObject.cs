// Objects/typeobject.c (object_*: the methods of `object`)
namespace Taipan.Runtime.Objects;

/// <summary><c>object</c>: the root of the class hierarchy. Its slots give the default
/// behaviour: identity hash and equality, the generic attribute protocol, and the
/// <c>&lt;module.Name object at 0x...&gt;</c> repr.</summary>
[PyType("object", Subclassable = true)]
public partial class PyBaseObject : PyObject
{
    [PySlot("tp_repr")]
    public static PyObject Repr(PyObject self)
    {
        var type = self.Type;
        var name = type.Module is "builtins" ? type.QualName : $"{type.Module}.{type.QualName}";
        return new PyStr($"<{name} object at 0x{Python.PyHash.Pointer(self) & 0xffffffffffffL:x}>");
    }

    [PySlot("tp_str")]
    public static PyObject Str(PyObject self) => Abstract.Ops.Repr(self);

    [PySlot("tp_hash")]
    public static long Hash(PyObject self) => Python.PyHash.Pointer(self);

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op) => op switch
    {
        CompareOp.Eq => ReferenceEquals(left, right) ? PyBool.True : PyNotImplemented.Value,
        // __ne__ inverts __eq__ unless that is NotImplemented.
        CompareOp.Ne => Abstract.Ops.RichCompareSlot(left, right, CompareOp.Eq) switch
        {
            PyNotImplemented n => n,
            var r => PyBool.From(!Abstract.Ops.IsTrue(r)),
        },
        _ => PyNotImplemented.Value,
    };

    /// <summary><c>object.__new__</c>: extra arguments are an error unless <c>__init__</c> is
    /// overridden and <c>__new__</c> is not (<c>object_new</c>'s excess_args rule).</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if ((args.Length > 0 || kwnames is { Count: > 0 })
            && (!ReferenceEquals(type.Slots.New, TypeObject.Slots.New) || ReferenceEquals(type.Slots.Init, TypeObject.Slots.Init)))
        {
            throw ReferenceEquals(type.Slots.New, TypeObject.Slots.New)
                ? Errors.PyErr.TypeError($"{type.Name}() takes no arguments")
                : Errors.PyErr.TypeError("object.__new__() takes exactly one argument (the type to instantiate)");
        }
        if (ReferenceEquals(type, TypeObject))
        {
            return new PyBaseObject();
        }
        if (type.HasFlag(TypeFlags.IsAbstract))
        {
            throw Errors.PyErr.TypeError(type.AbstractInstantiationMessage());
        }
        if (!type.HasFlag(TypeFlags.HeapType))
        {
            throw Errors.PyErr.TypeError($"object.__new__({type.Name}) is not safe, use {type.Name}.__new__()");
        }
        if (!ReferenceEquals(type.SolidBase, TypeObject))
        {
            // Named after the nearest class whose __new__ is not written in Python.
            var named = type;
            while (named.HasFlag(TypeFlags.HeapType) && named.Dict.ContainsKey(PyStr.Intern("__new__")) && named.Base is { } b)
            {
                named = b;
            }
            throw Errors.PyErr.TypeError($"object.__new__({type.Name}) is not safe, use {named.Name}.__new__()");
        }
        return new PyInstance(type);
    }

    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var type = self.Type;
        if ((args.Length > 0 || kwnames is { Count: > 0 })
            && (!ReferenceEquals(type.Slots.Init, TypeObject.Slots.Init) || ReferenceEquals(type.Slots.New, TypeObject.Slots.New)))
        {
            throw ReferenceEquals(type.Slots.Init, TypeObject.Slots.Init)
                ? Errors.PyErr.TypeError($"{type.Name}() takes no arguments")
                : Errors.PyErr.TypeError("object.__init__() takes exactly one argument (the instance to initialize)");
        }
    }

    [PySlot("tp_getattro")]
    public static PyObject? GetAttr(PyObject self, PyStr name) => Abstract.Ops.GenericGetAttr(self, name);

    [PySlot("tp_setattro")]
    public static void SetAttr(PyObject self, PyStr name, PyObject? value) => Abstract.Ops.GenericSetAttr(self, name, value);
    static partial void InitializeExtra(PyType t)
    {
        t.AddBuiltin("__class__", new PyGetSetDescriptor(t, "__class__", static self => self.Type, SetClass, "the object's class"));
        t.AddBuiltin("__init_subclass__", new PyClassMethodDescriptor(t, "__init_subclass__", InitSubclass,
            "This method is called when a class is subclassed.\n\nThe default implementation does nothing. It may be\noverridden to extend subclasses.\n"));
        AddSizeOf(t);
    }

    /// <summary><c>object.__init_subclass__</c>: accepts nothing, so that keywords of a class
    /// statement no class consumed are an error.</summary>
    private static PyObject InitSubclass(PyObject cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (kwnames is { Count: > 0 })
        {
            throw Errors.PyErr.TypeError($"{((PyType)cls).Name}.__init_subclass__() takes no keyword arguments");
        }
        if (args.Length > 0)
        {
            throw Errors.PyErr.TypeError($"object.__init_subclass__() takes no arguments ({args.Length} given)");
        }
        return PyNone.Value;
    }

    /// <summary><c>object_set_class</c>: assignment to <c>__class__</c> between classes with the
    /// same layout.</summary>
    private static void SetClass(PyObject self, PyObject? value)
    {
        if (value is null)
        {
            throw Errors.PyErr.TypeError("can't delete __class__ attribute");
        }
        if (value is not PyType newType)
        {
            throw Errors.PyErr.TypeError($"__class__ must be set to a class, not '{value.Type.Name}' object");
        }
        var oldType = self.Type;
        if (newType.HasFlag(TypeFlags.Immutable) || oldType.HasFlag(TypeFlags.Immutable) || self is not IHeapInstance instance)
        {
            throw Errors.PyErr.TypeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
        }
        if (!ReferenceEquals(newType.SolidBase, oldType.SolidBase) || newType.SlotCount != oldType.SlotCount
            || newType.HasFlag(TypeFlags.HasDict) != oldType.HasFlag(TypeFlags.HasDict))
        {
            throw Errors.PyErr.TypeError($"__class__ assignment: '{newType.Name}' object layout differs from '{oldType.Name}'");
        }
        instance.SetType(newType);
    }
}
