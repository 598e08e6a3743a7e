// Objects/namespaceobject.c
namespace Taipan.Runtime.Objects;

/// <summary><c>types.SimpleNamespace</c>: attributes in a dict, shown as
/// <c>namespace(a=1, b=2)</c> (<c>sys.implementation</c> is one).</summary>
[PyType("SimpleNamespace", Module = "types")]
public sealed partial class PySimpleNamespace : PyObject
{
    public PyDict Dict { get; } = new();

    public override PyDict? InstanceDict => Dict;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        if (args.Length - nkw > 0)
        {
            throw Errors.PyErr.TypeError("no positional arguments expected");
        }
        var ns = new PySimpleNamespace();
        for (var i = 0; i < nkw; i++)
        {
            ns.Dict[kwnames![i]] = args[i];
        }
        return ns;
    }

    [PySlot("tp_getattro")]
    public static PyObject? GetAttr(PyObject self, PyStr name) => Abstract.Ops.GenericGetAttr(self, name);

    [PySlot("tp_setattro")]
    public static void SetAttr(PyObject self, PyStr name, PyObject? value) => Abstract.Ops.GenericSetAttr(self, name, value);

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        using var guard = Python.ReprGuard.Enter(this);
        if (!guard.Entered)
        {
            return new PyStr("namespace(...)");
        }
        var parts = new List<string>();
        foreach (var (k, v) in Dict.Items())
        {
            if (k is PyStr s)
            {
                parts.Add(s.Value + "=" + Abstract.Ops.Repr(v).Value);
            }
        }
        return new PyStr($"namespace({string.Join(", ", parts)})");
    }
}
