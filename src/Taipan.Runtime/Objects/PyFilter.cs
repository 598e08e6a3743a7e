// Python/bltinmodule.c (filter)
namespace Taipan.Runtime.Objects;

/// <summary><c>filter(function or None, iterable)</c>.</summary>
[PyType("filter")]
public sealed partial class PyFilter(PyObject function, PyObject iterator) : PyObject
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("filter", kwnames);
        if (args.Length != 2)
        {
            throw Errors.PyErr.TypeError($"filter expected 2 arguments, got {args.Length}");
        }
        return new PyFilter(args[0], Abstract.Ops.GetIter(args[1]));
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        while (Abstract.Ops.Next(iterator) is { } item)
        {
            var keep = function is PyNone || ReferenceEquals(function, PyBool.TypeObject)
                ? Abstract.Ops.IsTrue(item)
                : Abstract.Ops.IsTrue(Abstract.Ops.Call(function, [item], null));
            if (keep)
            {
                return item;
            }
        }
        return null;
    }
}
