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

    [PySlot("tp_getattro")]
    public static PyObject? GetAttr(PyObject self, PyStr name) => Abstract.Ops.GenericGetAttr(self, name);

    [PySlot("tp_setattro")]
    public static void SetAttr(PyObject self, PyStr name, PyObject? value) => Abstract.Ops.GenericSetAttr(self, name, value);
}
