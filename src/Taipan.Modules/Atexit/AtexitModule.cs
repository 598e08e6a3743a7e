// Modules/atexitmodule.c
using Taipan.Bytecode;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Atexit;

/// <summary><c>atexit</c>: functions run when the interpreter finishes, last registered
/// first; an exception in one is reported as unraisable and the others still run.</summary>
[PyModule("atexit", Doc = "allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n")]
public static partial class AtexitModule
{
    private sealed record Callback(PyObject Function, PyObject[] Args, PyTuple? KwNames);

    // Unregistering empties a slot without removing it, so _ncallbacks() still counts it, as
    // CPython's table does.
    private static readonly List<Callback?> s_callbacks = [];
    private static int s_registered;

    /// <summary><c>register(func, *args, **kwargs)</c>: returns func, so it works as a decorator.</summary>
    [PyMethod]
    public static PyObject Register(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var npos = args.Length - (kwnames?.Count ?? 0);
        if (npos == 0)
        {
            throw PyErr.TypeError("register() takes at least 1 argument (0 given)");
        }
        var func = args[0];
        if (func.Type.Slots.Call is null)
        {
            throw PyErr.TypeError("the first argument must be callable");
        }
        lock (s_callbacks)
        {
            s_callbacks.Add(new Callback(func, args[1..].ToArray(), kwnames));
        }
        return func;
    }

    /// <summary><c>unregister(func)</c>: removes every registration of a function equal to func.</summary>
    [PyMethod]
    public static void Unregister(PyObject func)
    {
        Callback?[] snapshot;
        lock (s_callbacks)
        {
            snapshot = [.. s_callbacks];
        }
        for (var i = 0; i < snapshot.Length; i++)
        {
            // The comparison may run Python code, so it happens outside the lock.
            if (snapshot[i] is { } cb && Ops.RichCompareBool(cb.Function, func, CompareOp.Eq))
            {
                lock (s_callbacks)
                {
                    if (i < s_callbacks.Count && ReferenceEquals(s_callbacks[i], cb))
                    {
                        s_callbacks[i] = null;
                    }
                }
            }
        }
    }

    [PyMethod("_run_exitfuncs")]
    public static void RunExitFuncs() => CallFuncs();

    [PyMethod("_clear")]
    public static void Clear()
    {
        lock (s_callbacks)
        {
            s_callbacks.Clear();
        }
    }

    [PyMethod("_ncallbacks")]
    public static long NCallbacks()
    {
        lock (s_callbacks)
        {
            return s_callbacks.Count;
        }
    }

    /// <summary>atexit_callfuncs: the callbacks in reverse order of registration, then none
    /// left; failures are written as "Exception ignored in atexit callback".</summary>
    private static void CallFuncs()
    {
        Callback?[] callbacks;
        lock (s_callbacks)
        {
            callbacks = [.. s_callbacks];
            s_callbacks.Clear();
        }
        for (var i = callbacks.Length - 1; i >= 0; i--)
        {
            if (callbacks[i] is not { } cb)
            {
                continue;
            }
            try
            {
                Ops.Call(cb.Function, cb.Args, cb.KwNames);
            }
            catch (PyException e)
            {
                string what;
                try
                {
                    what = Ops.Repr(cb.Function).Value;
                }
                catch (PyException)
                {
                    what = "<object repr() failed>";
                }
                SysModule.Write("stderr", $"Exception ignored in atexit callback: {what}\n");
                SysModule.Write("stderr", Traceback.Format(e.Value));
            }
        }
    }

    static partial void Initialize(PyModule module)
    {
        // The runtime calls the callbacks at exit once, however often the module is created.
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
        {
            PythonRun.RegisterExitHandler(CallFuncs);
        }
    }
}
