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

    /// <summary>module_repr: from its file, a namespace package (a <c>__path__</c> and no file),
    /// or built in.</summary>
    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        var name = Dict.TryGetValue(PyStr.Intern("__name__"), out var n) && n is PyStr s ? s.Value : "?";
        if (Dict.TryGetValue(PyStr.Intern("__file__"), out var file) && file is PyStr f)
        {
            return new($"<module {Abstract.Ops.Repr(new PyStr(name)).Value} from {Abstract.Ops.Repr(f).Value}>");
        }
        return Dict.ContainsKey(PyStr.Intern("__path__"))
            ? new($"<module {Abstract.Ops.Repr(new PyStr(name)).Value} (namespace)>")
            : new($"<module {Abstract.Ops.Repr(new PyStr(name)).Value} (built-in)>");
    }

    [PySlot("tp_getattro")]
    public static PyObject? GetAttr(PyObject self, PyStr name) => Abstract.Ops.GenericGetAttr(self, name);

    [PySlot("tp_setattro")]
    public static void SetAttr(PyObject self, PyStr name, PyObject? value) => Abstract.Ops.GenericSetAttr(self, name, value);
}
