// Python/bltinmodule.c (map)
namespace Taipan.Runtime.Objects;

/// <summary><c>map(func, *iterables)</c>: stops with the shortest iterable.</summary>
[PyType("map")]
public sealed partial class PyMap(PyObject function, PyObject[] iterators) : PyObject
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("map", kwnames);
        if (args.Length < 2)
        {
            throw Errors.PyErr.TypeError("map() must have at least two arguments.");
        }
        var its = new PyObject[args.Length - 1];
        for (var i = 1; i < args.Length; i++)
        {
            its[i - 1] = Abstract.Ops.GetIter(args[i]);
        }
        return new PyMap(args[0], its);
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        var items = new PyObject[iterators.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (Abstract.Ops.Next(iterators[i]) is not { } item)
            {
                return null;
            }
            items[i] = item;
        }
        return Abstract.Ops.Call(function, items, null);
    }
}
