// Modules/_weakref.c
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Weakref;

/// <summary><c>_weakref</c>: the reference and proxy types of <c>Objects/PyWeakref.cs</c> and
/// the functions that inspect an object's references.</summary>
[PyModule("_weakref", Doc = "Weak-reference support module.")]
public static partial class WeakrefModule
{
    [PyMethod("getweakrefcount", Doc = "Return the number of weak references to 'object'.")]
    public static long GetWeakRefCount(PyObject @object) => WeakRefs.Count(@object);

    [PyMethod("getweakrefs", Doc = "Return a list of all weak reference objects pointing to 'object'.")]
    public static PyList GetWeakRefs(PyObject @object) => WeakRefs.All(@object);

    [PyMethod("proxy", Doc = "Create a proxy object that weakly references 'object'.\n\n'callback', if given, is called with a reference to the\nproxy when 'object' is about to be finalized.")]
    public static PyObject Proxy(PyObject @object, PyObject? callback = null) =>
        PyWeakProxy.Create(@object, callback is null or PyNone ? null : callback);

    /// <summary>Removes <paramref name="key"/> from the dict if its value is a dead weakref;
    /// a missing key is not an error.</summary>
    [PyMethod("_remove_dead_weakref", Doc = "Atomically remove key from dict if it points to a dead weakref.")]
    public static void RemoveDeadWeakref(PyObject dct, PyObject key)
    {
        if (dct is not PyDict d)
        {
            throw PyErr.TypeError($"_remove_dead_weakref() argument 1 must be dict, not {dct.Type.Name}");
        }
        if (!d.TryGetValue(key, out var value))
        {
            return;
        }
        if (value is not PyWeakReference r)
        {
            throw PyErr.TypeError("not a weakref");
        }
        if (r.Target is null)
        {
            d.Remove(key);
        }
    }

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("ref", PyWeakReference.TypeObject);
        module.AddBuiltin("ReferenceType", PyWeakReference.TypeObject);
        module.AddBuiltin("ProxyType", PyWeakProxy.TypeObject);
        module.AddBuiltin("CallableProxyType", PyWeakCallableProxy.TypeObject);
    }
}
