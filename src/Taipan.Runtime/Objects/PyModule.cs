// Objects/moduleobject.c
namespace Taipan.Runtime.Objects;

/// <summary>A module: a namespace dict with <c>__name__</c> and <c>__doc__</c>.</summary>
[PyType("module", Subclassable = true)]
public partial class PyModule : PyObject
{
    public PyModule(string name, string? doc = null)
    {
        Dict = new PyDict();
        Dict[PyStr.Intern("__name__")] = new PyStr(name);
        Dict[PyStr.Intern("__doc__")] = doc is null ? PyNone.Value : new PyStr(doc);
        Dict[PyStr.Intern("__package__")] = PyNone.Value;
        Dict[PyStr.Intern("__loader__")] = PyNone.Value;
        Dict[PyStr.Intern("__spec__")] = PyNone.Value;
        Name = name;
    }

    public string Name { get; }

    public PyDict Dict { get; }

    public override PyDict? InstanceDict => Dict;

    public void AddBuiltin(string name, PyObject value) => Dict[PyStr.Intern(name)] = value;

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<module '{Name}' (built-in)>");

    [PySlot("tp_getattro")]
    public static PyObject? GetAttr(PyObject self, PyStr name) => Abstract.Ops.GenericGetAttr(self, name);

    [PySlot("tp_setattro")]
    public static void SetAttr(PyObject self, PyStr name, PyObject? value) => Abstract.Ops.GenericSetAttr(self, name, value);
}
