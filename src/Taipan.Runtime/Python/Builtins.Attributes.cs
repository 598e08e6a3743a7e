// Python/bltinmodule.c (getattr, setattr, delattr, hasattr, callable, issubclass)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class Builtins
{
    /// <summary><c>getattr(object, name[, default])</c>: the default replaces AttributeError only.</summary>
    [PyMethod("getattr")]
    public static PyObject GetAttrBuiltin(PyObject obj, PyObject name, PyObject? @default = null)
    {
        var key = AttributeName(name);
        if (@default is null)
        {
            return Ops.GetAttr(obj, key);
        }
        return LookupAttr(obj, key) ?? @default;
    }

    /// <summary><c>hasattr(obj, name)</c>.</summary>
    [PyMethod("hasattr")]
    public static bool HasAttr(PyObject obj, PyObject name) => LookupAttr(obj, AttributeName(name)) is not null;

    /// <summary><c>setattr(obj, name, value)</c>.</summary>
    [PyMethod("setattr")]
    public static void SetAttrBuiltin(PyObject obj, PyObject name, PyObject value) => Ops.SetAttr(obj, AttributeName(name), value);

    /// <summary><c>delattr(obj, name)</c>.</summary>
    [PyMethod("delattr")]
    public static void DelAttr(PyObject obj, PyObject name) => Ops.SetAttr(obj, AttributeName(name), null);

    /// <summary><c>callable(obj)</c>.</summary>
    [PyMethod("callable")]
    public static bool Callable(PyObject obj) => obj.Type.Slots.Call is not null;

    /// <summary><c>issubclass(cls, class_or_tuple)</c>.</summary>
    [PyMethod("issubclass")]
    public static bool IsSubclass(PyObject cls, PyObject classInfo)
    {
        if (classInfo is PyTuple tuple)
        {
            foreach (var item in tuple.Items)
            {
                if (IsSubclass(cls, item))
                {
                    return true;
                }
            }
            return false;
        }
        if (cls is not PyType type)
        {
            throw PyErr.TypeError("issubclass() arg 1 must be a class");
        }
        if (classInfo is not PyType target)
        {
            throw PyErr.TypeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }
        return type.IsSubtypeOf(target);
    }

    private static PyStr AttributeName(PyObject name) =>
        name as PyStr ?? throw PyErr.TypeError($"attribute name must be string, not '{name.Type.Name}'");

    /// <summary><c>_PyObject_LookupAttr</c>: null when missing. A <c>__getattr__</c> written in
    /// Python reports a miss by raising AttributeError, which this turns into null.</summary>
    private static PyObject? LookupAttr(PyObject obj, PyStr name)
    {
        try
        {
            return Ops.TryGetAttr(obj, name);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.AttributeError))
        {
            return null;
        }
    }
}
