// Python/sysmodule.c (set_asyncgen_hooks, get_asyncgen_hooks)
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class SysModule
{
    private static readonly PyStructSequenceType s_asyncgenHooks = new("builtins", "asyncgen_hooks", ["firstiter", "finalizer"]);

    /// <summary>The hooks of the current thread, as CPython keeps them in the thread state;
    /// an async generator calls firstiter on its first iteration (asyncio tracks its async
    /// generators this way to close them at shutdown).</summary>
    [ThreadStatic]
    private static PyObject? t_asyncgenFirstIter;

    [ThreadStatic]
    private static PyObject? t_asyncgenFinalizer;

    internal static PyObject? AsyncGenFirstIter => t_asyncgenFirstIter;

    internal static PyObject? AsyncGenFinalizer => t_asyncgenFinalizer;

    [PyMethod("set_asyncgen_hooks", Keywords = true, Doc = "set_asyncgen_hooks(* [, firstiter] [, finalizer])\n\nSet a finalizer for async generators objects.")]
    public static void SetAsyncGenHooks(PyObject? firstiter = null, PyObject? finalizer = null)
    {
        if (finalizer is not null and not PyNone && finalizer.Type.Slots.Call is null)
        {
            throw PyErr.TypeError($"callable finalizer expected, got {finalizer.Type.Name}");
        }
        if (firstiter is not null and not PyNone && firstiter.Type.Slots.Call is null)
        {
            throw PyErr.TypeError($"callable firstiter expected, got {firstiter.Type.Name}");
        }
        if (finalizer is not null)
        {
            t_asyncgenFinalizer = finalizer is PyNone ? null : finalizer;
        }
        if (firstiter is not null)
        {
            t_asyncgenFirstIter = firstiter is PyNone ? null : firstiter;
        }
    }

    [PyMethod("get_asyncgen_hooks", Doc = "get_asyncgen_hooks()\n\nReturn the installed asynchronous generators hooks.\n\nThis returns a namedtuple of the form (firstiter, finalizer).")]
    public static PyObject GetAsyncGenHooks() =>
        s_asyncgenHooks.Create(t_asyncgenFirstIter ?? PyNone.Value, t_asyncgenFinalizer ?? PyNone.Value);
}
