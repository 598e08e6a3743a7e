// Objects/typeobject.c (super_*)
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

/// <summary><c>super</c>: attribute lookup that starts after a class in an object's MRO.</summary>
[PyType("super", Subclassable = true, InstanceType = true)]
public sealed partial class PySuper(PyType type, PyType thisClass, PyObject? obj, PyType? objType) : PySubclassableObject(type)
{
    public PySuper(PyType thisClass, PyObject? obj, PyType? objType)
        : this(TypeObject, thisClass, obj, objType)
    {
    }

    public PyType ThisClass { get; } = thisClass;
    public PyObject? Obj { get; } = obj;
    public PyType? ObjType { get; } = objType;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("super", kwnames);
        PyType thisClass;
        PyObject? obj;
        if (args.Length == 0)
        {
            (thisClass, obj) = FromFrame();
        }
        else
        {
            thisClass = args[0] as PyType ?? throw PyErr.TypeError($"super() argument 1 must be a type, not {args[0].Type.Name}");
            obj = args.Length > 1 ? args[1] : null;
        }
        return new PySuper(type, thisClass, obj, obj is null ? null : CheckObject(thisClass, obj));
    }

    /// <summary>Zero-argument super(): the calling function's <c>__class__</c> cell and first argument.</summary>
    private static (PyType, PyObject) FromFrame()
    {
        var frame = Python.ThreadState.Current.Frame ?? throw PyErr.RuntimeError("super(): no current frame");
        var co = frame.Code;
        if (co.Code.ArgCount == 0)
        {
            throw PyErr.RuntimeError("super(): no arguments");
        }
        var first = frame.Slots[0] is PyCell c ? c.Contents : frame.Slots[0];
        if (first is null)
        {
            throw PyErr.RuntimeError("super(): arg[0] deleted");
        }
        for (var i = 0; i < co.LocalsPlusNames.Length; i++)
        {
            if (co.LocalsPlusNames[i].Value == "__class__" && (co.Code.LocalsPlusKinds[i] & 0x80) != 0)
            {
                var cell = frame.Slots[i] as PyCell;
                return cell?.Contents is PyType t
                    ? (t, first)
                    : throw PyErr.RuntimeError("super(): empty __class__ cell");
            }
        }
        throw PyErr.RuntimeError("super(): __class__ cell not found");
    }

    private static PyType CheckObject(PyType thisClass, PyObject obj)
    {
        if (obj is PyType t && t.IsSubtypeOf(thisClass))
        {
            return t;
        }
        if (obj.Type.IsSubtypeOf(thisClass))
        {
            return obj.Type;
        }
        throw PyErr.TypeError("super(type, obj): obj must be an instance or subtype of type");
    }

    [PySlot("tp_getattro")]
    public static PyObject? GetAttr(PyObject self, PyStr name)
    {
        var s = (PySuper)self;
        if (s.ObjType is { } start && name.Value != "__class__")
        {
            var mro = start.Mro;
            var i = Array.IndexOf(mro, s.ThisClass) + 1;
            for (; i > 0 && i < mro.Length; i++)
            {
                mro[i].EnsureReady();
                if (mro[i].Dict.TryGetValue(name, out var value))
                {
                    var get = value.Type.Slots.DescrGet;
                    return get is null ? value : get(value, ReferenceEquals(s.Obj, start) ? null : s.Obj, start);
                }
            }
        }
        return Abstract.Ops.GenericGetAttr(self, name);
    }

    /// <summary><c>super_descr_get</c>: an unbound super stored in a class binds to the
    /// instance it is read through.</summary>
    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner) =>
        instance is null || Obj is not null ? this : new PySuper(Type, ThisClass, instance, CheckObject(ThisClass, instance));

    [PyGetter("__thisclass__")]
    public PyType ThisClassGetter() => ThisClass;

    [PyGetter("__self__")]
    public PyObject SelfGetter() => Obj ?? PyNone.Value;

    [PyGetter("__self_class__")]
    public PyObject SelfClassGetter() => (PyObject?)ObjType ?? PyNone.Value;

    [PySlot("tp_repr")]
    public PyStr Repr() => ObjType is null
        ? new PyStr($"<super: <class '{ThisClass.Name}'>, NULL>")
        : new PyStr($"<super: <class '{ThisClass.Name}'>, <{ObjType.Name} object>>");
}
