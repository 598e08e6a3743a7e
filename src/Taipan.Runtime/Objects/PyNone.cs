// Objects/object.c (None, NotImplemented), Objects/sliceobject.c (Ellipsis)
namespace Taipan.Runtime.Objects;

[PyType("NoneType")]
public sealed partial class PyNone : PyObject
{
    public static readonly PyNone Value = new();

    private PyNone()
    {
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => PyStr.Intern("None");

    [PySlot("nb_bool")]
    public bool Bool() => false;

    [PySlot("tp_hash")]
    public long Hash() => Python.PyHash.Pointer(this);
}

[PyType("NotImplementedType")]
public sealed partial class PyNotImplemented : PyObject
{
    public static readonly PyNotImplemented Value = new();

    private PyNotImplemented()
    {
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => PyStr.Intern("NotImplemented");
}

[PyType("ellipsis")]
public sealed partial class PyEllipsis : PyObject
{
    public static readonly PyEllipsis Value = new();

    private PyEllipsis()
    {
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => PyStr.Intern("Ellipsis");
}
