// Python/bltinmodule.c (getattr, setattr, delattr, hasattr, callable, issubclass, id, dir)
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
        return Ops.TryGetAttr(obj, key) ?? @default;
    }

    /// <summary><c>hasattr(obj, name)</c>.</summary>
    [PyMethod("hasattr")]
    public static bool HasAttr(PyObject obj, PyObject name) => Ops.TryGetAttr(obj, AttributeName(name)) is not null;

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
    public static bool IsSubclass(PyObject cls, PyObject classInfo) => Ops.IsSubclass(cls, classInfo);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PyObject, System.Runtime.CompilerServices.StrongBox<long>> s_ids = [];
    private static long s_lastId = 0x7f0000000000;

    /// <summary><c>id(obj)</c>: unique among live objects and stable, spaced like addresses.</summary>
    [PyMethod("id")]
    public static long Id(PyObject obj) =>
        s_ids.GetValue(obj, static _ => new(Interlocked.Add(ref s_lastId, 16))).Value;

    /// <summary><c>dir([object])</c>: the sorted names of the caller's scope, or the object's
    /// <c>__dir__</c> (object's: instance dict and class attributes; a class's: its and its bases'
    /// attributes; a module's: its dict).</summary>
    [PyMethod("dir")]
    public static PyList Dir(PyObject? obj = null)
    {
        if (obj is null)
        {
            var locals = new PyList([.. Locals().Items().Select(kv => kv.Key)]);
            locals.Sort();
            return locals;
        }
        var dirMethod = Ops.LookupSpecial(obj, PyStr.Intern("__dir__")) ?? throw PyErr.TypeError("object does not provide __dir__");
        var names = new PyList([.. Ops.Iterate(Ops.Call(dirMethod, [], null))]);
        names.Sort();
        return names;
    }

    private static PyStr AttributeName(PyObject name) =>
        name as PyStr ?? throw PyErr.TypeError($"attribute name must be string, not '{name.Type.Name}'");
}
