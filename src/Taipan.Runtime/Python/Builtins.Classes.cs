// Python/bltinmodule.c (update_bases: the class statement's bases)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class Builtins
{
    /// <summary><c>update_bases</c>: each base that is not a class but has
    /// <c>__mro_entries__</c> is replaced by the classes that method returns; the same array
    /// comes back when nothing changed.</summary>
    private static PyObject[] UpdateBases(PyObject[] bases)
    {
        List<PyObject>? result = null;
        for (var i = 0; i < bases.Length; i++)
        {
            var b = bases[i];
            var entries = b is PyType ? null : Ops.TryGetAttr(b, PyStr.Intern("__mro_entries__"));
            if (entries is null)
            {
                result?.Add(b);
                continue;
            }
            var replaced = Ops.Call(entries, [new PyTuple(bases)], null) as PyTuple
                ?? throw Errors.PyErr.TypeError("__mro_entries__ must return a tuple");
            result ??= [.. bases.AsSpan(0, i)];
            result.AddRange(replaced.Items);
        }
        return result is null ? bases : [.. result];
    }
}
