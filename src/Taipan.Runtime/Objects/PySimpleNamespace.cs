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

    [PyGetter("__dict__")]
    public PyDict DictGetter() => Dict;

    /// <summary>Namespaces are equal when their attributes are.</summary>
    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (left is not PySimpleNamespace a || right is not PySimpleNamespace b || op is not (CompareOp.Eq or CompareOp.Ne))
        {
            return PyNotImplemented.Value;
        }
        return Abstract.Ops.RichCompare(a.Dict, b.Dict, op);
    }

    [PyMethod("__reduce__")]
    public PyTuple Reduce() => PyTuple.Create(Type, PyTuple.Empty, Dict);

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
