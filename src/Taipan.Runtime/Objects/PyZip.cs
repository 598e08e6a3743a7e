// Python/bltinmodule.c (zip)
namespace Taipan.Runtime.Objects;

/// <summary><c>zip(*iterables, strict=False)</c>.</summary>
[PyType("zip")]
public sealed partial class PyZip(PyObject[] iterators, bool strict) : PyObject
{
    private PyObject[]? _iterators = iterators;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        var strict = false;
        for (var k = 0; k < nkw; k++)
        {
            var name = ((PyStr)kwnames![k]).Value;
            if (name != "strict")
            {
                throw Errors.PyErr.TypeError($"'{name}' is an invalid keyword argument for zip()");
            }
            strict = Abstract.Ops.IsTrue(args[npos + k]);
        }
        var its = new PyObject[npos];
        for (var i = 0; i < npos; i++)
        {
            its[i] = Abstract.Ops.GetIter(args[i]);
        }
        return new PyZip(its, strict);
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        var its = _iterators;
        if (its is null || its.Length == 0)
        {
            return null;
        }
        var items = new PyObject[its.Length];
        for (var i = 0; i < its.Length; i++)
        {
            if (Abstract.Ops.Next(its[i]) is { } item)
            {
                items[i] = item;
                continue;
            }
            _iterators = null;
            if (strict)
            {
                if (i > 0)
                {
                    throw Errors.PyErr.ValueError($"zip() argument {i + 1} is shorter than argument{(i == 1 ? "" : "s")} 1{(i == 1 ? "" : "-" + i)}");
                }
                for (var j = 1; j < its.Length; j++)
                {
                    if (Abstract.Ops.Next(its[j]) is not null)
                    {
                        throw Errors.PyErr.ValueError($"zip() argument {j + 1} is longer than argument{(j == 1 ? "" : "s")} 1{(j == 1 ? "" : "-" + j)}");
                    }
                }
            }
            return null;
        }
        return new PyTuple(items);
    }
}
