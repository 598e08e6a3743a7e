// Python/sysmodule.c (getsizeof)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class SysModule
{
    /// <summary><c>sys.getsizeof(object[, default])</c>: <c>__sizeof__()</c> plus the
    /// collector's header for the types CPython's collector tracks.</summary>
    [PyMethod("getsizeof", Keywords = true, Doc = "getsizeof(object [, default]) -> int\n\nReturn the size of object in bytes.")]
    public static PyObject GetSizeOf(PyObject @object, PyObject? @default = null)
    {
        long size;
        try
        {
            var method = @object.Type.Lookup(PyStr.Intern("__sizeof__"))
                ?? throw PyErr.TypeError($"Type {@object.Type.Name} doesn't define __sizeof__");
            var result = method is PyFunction or PyBuiltinFunction or PyMethodDescriptor
                ? Ops.Call(method, [@object], null)
                : Ops.CallMethod(@object, "__sizeof__");
            if (result is not PyInt n)
            {
                throw PyErr.TypeError("an integer is required");
            }
            if (n.Value.Sign < 0)
            {
                throw PyErr.ValueError("__sizeof__() should return >= 0");
            }
            size = (long)n.Value;
        }
        catch (PyException e) when (@default is not null && e.Value.Type.IsSubtypeOf(PyExc.TypeError))
        {
            return @default;
        }
        if (Sizes.HasGcHeader(@object))
        {
            size += 16 + Sizes.PreHeader(@object);
        }
        return PyInt.From(size);
    }
}
