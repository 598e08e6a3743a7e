// Modules/gcmodule.c
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Gc;

/// <summary>
/// <c>gc</c>. Memory is the .NET collector's, which finds cycles by itself, so there are no
/// generations to tune: the switches and thresholds are kept for the programs that read and set
/// them, and <c>collect()</c> runs a .NET collection and reports no unreachable objects.
/// </summary>
[PyModule("gc", Doc = "This module provides access to the garbage collector for reference cycles.")]
public static partial class GcModule
{
    private static bool s_enabled = true;
    private static long s_debug;
    private static long[] s_threshold = [700, 10, 10];

    [PyMethod]
    public static void Enable() => s_enabled = true;

    [PyMethod]
    public static void Disable() => s_enabled = false;

    [PyMethod]
    public static bool IsEnabled() => s_enabled;

    [PyMethod(Keywords = true)]
    public static long Collect(int generation = 2)
    {
        if (generation is < 0 or > 2)
        {
            throw PyErr.ValueError("invalid generation");
        }
        // A full blocking collection whatever the generation, so that objects dropped by the
        // program are gone and their weak references' callbacks have run when it returns.
        WeakRefs.Collect();
        return 0;
    }

    [PyMethod("get_threshold")]
    public static PyTuple GetThreshold() => PyTuple.Create(PyInt.From(s_threshold[0]), PyInt.From(s_threshold[1]), PyInt.From(s_threshold[2]));

    [PyMethod("set_threshold")]
    public static void SetThreshold(long threshold0, PyObject? threshold1 = null, PyObject? threshold2 = null)
    {
        var t = (long[])s_threshold.Clone();
        t[0] = threshold0;
        if (threshold1 is not null)
        {
            t[1] = Runtime.Python.ArgParse.ToLong(threshold1);
        }
        if (threshold2 is not null)
        {
            t[2] = Runtime.Python.ArgParse.ToLong(threshold2);
        }
        s_threshold = t;
    }

    /// <summary>Allocations since the last collection of each generation: none are counted.</summary>
    [PyMethod("get_count")]
    public static PyTuple GetCount() => PyTuple.Create(PyInt.From(0), PyInt.From(0), PyInt.From(0));

    [PyMethod("get_debug")]
    public static long GetDebug() => s_debug;

    [PyMethod("set_debug")]
    public static void SetDebug(long flags) => s_debug = flags;

    /// <summary>Moves everything to the permanent generation: there are no generations here.</summary>
    [PyMethod]
    public static void Freeze()
    {
    }

    /// <summary>The reverse of <see cref="Freeze"/>, equally nothing to do.</summary>
    [PyMethod]
    public static void Unfreeze()
    {
    }

    [PyMethod("get_freeze_count")]
    public static long GetFreezeCount() => 0;

    /// <summary>CPython tracks containers and not atoms (ints, floats, str, None ...); tuples and
    /// dicts holding only untracked objects are untracked too, as after a collection.</summary>
    [PyMethod("is_tracked")]
    public static bool IsTracked(PyObject obj)
    {
        switch (obj)
        {
            case PyInt or PyFloat or PyStr or PyNone:
                return false;
            case PyTuple t when t.GetType() == typeof(PyTuple):
                foreach (var item in t.Items)
                {
                    if (IsTracked(item))
                    {
                        return true;
                    }
                }
                return false;
            case PyDict d when d.GetType() == typeof(PyDict):
                foreach (var (k, v) in d.Items())
                {
                    if (IsTracked(k) || IsTracked(v))
                    {
                        return true;
                    }
                }
                return false;
            default:
                return true;
        }
    }

    /// <summary>Whether a finalizer resurrected the object: never here.</summary>
    [PyMethod("is_finalized")]
    public static bool IsFinalized(PyObject obj) => false;

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("garbage", new PyList());
        module.AddBuiltin("callbacks", new PyList());
        module.AddBuiltin("DEBUG_STATS", PyInt.From(1));
        module.AddBuiltin("DEBUG_COLLECTABLE", PyInt.From(2));
        module.AddBuiltin("DEBUG_UNCOLLECTABLE", PyInt.From(4));
        module.AddBuiltin("DEBUG_SAVEALL", PyInt.From(32));
        module.AddBuiltin("DEBUG_LEAK", PyInt.From(38));
    }
}
