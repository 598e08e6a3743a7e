// Modules/_lsprof.c
using Stopwatch = System.Diagnostics.Stopwatch;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Lsprof;

/// <summary><c>_lsprof</c>: the deterministic profiler under <c>cProfile</c>. It receives the
/// runtime's <c>sys.setprofile</c> events (call/return and c_call/c_return/c_exception).</summary>
[PyModule("_lsprof", Doc = "Fast profiler")]
public static partial class LsprofModule
{
    internal static readonly PyStructSequenceType Entry = new("_lsprof", "profiler_entry",
        ["code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls"]);

    internal static readonly PyStructSequenceType SubEntry = new("_lsprof", "profiler_subentry",
        ["code", "callcount", "reccallcount", "totaltime", "inlinetime"]);

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("Profiler", PyProfiler.TypeObject);
        module.AddBuiltin("profiler_entry", Entry.Type);
        module.AddBuiltin("profiler_subentry", SubEntry.Type);
    }
}

/// <summary><c>_lsprof.Profiler</c>: per function (code object, or builtin's method
/// definition) call counts and inline/total times, and the same per caller when subcalls is on.</summary>
[PyType("_lsprof.Profiler", Module = "_lsprof", FromSpec = true, Subclassable = true, InstanceType = true,
    Doc = "Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)\n\n    Builds a profiler object using the specified timer function.\n    The default timer is a fast built-in one based on real time.\n    For custom timer functions returning integers, timeunit can\n    be a float specifying a scale (i.e. how long each integer unit\n    is, in seconds).\n")]
public sealed partial class PyProfiler(PyType type) : PySubclassableObject(type)
{
    private static readonly string[] s_initNames = ["timer", "timeunit", "subcalls", "builtins"];
    private static readonly string[] s_enableNames = ["subcalls", "builtins"];

    /// <summary>One profiled function (or, inside an entry's Calls, one callee seen from it).</summary>
    private sealed class Stats(PyObject code)
    {
        public readonly PyObject Code = code;
        public long Total;
        public long Inline;
        public long CallCount;
        public long RecursiveCallCount;
        public int RecursionLevel;
        public Dictionary<object, Stats>? Calls;
        public List<Stats>? CallOrder;
    }

    /// <summary>ProfilerContext: one active call.</summary>
    private sealed class Context(Stats entry, Context? previous)
    {
        public readonly Stats Entry = entry;
        public readonly Context? Previous = previous;
        public long Start;
        public long SubTime;
    }

    private readonly Dictionary<object, Stats> _entries = new(ReferenceEqualityComparer.Instance);
    private readonly List<Stats> _order = [];
    private Context? _current;
    private PyObject? _timer;
    private double _timeUnit;
    private bool _subcalls = true;
    private bool _builtins = true;
    private PyObject? _hook;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyProfiler(type);

    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var p = (PyProfiler)self;
        Span<PyObject?> values = new PyObject?[4];
        ArgParse.UnpackKeywords("Profiler", args, kwnames, s_initNames, 0, 4, 0, values);
        p._timer = values[0] is null or PyNone ? null : values[0];
        p._timeUnit = values[1] is { } u ? ArgParse.ToDouble(u) : 0.0;
        p._subcalls = values[2] is not { } s || ArgParse.ToInt(s) != 0;
        p._builtins = values[3] is not { } b || ArgParse.ToInt(b) != 0;
    }

    /// <summary>call_timer: the default clock counts Stopwatch ticks; a custom timer returns
    /// integers in timeunit units, or float seconds (kept as nanoseconds).</summary>
    private long Now()
    {
        if (_timer is null)
        {
            return Stopwatch.GetTimestamp();
        }
        try
        {
            var o = Ops.Call(_timer, [], null);
            if (_timeUnit > 0.0)
            {
                return ArgParse.ToLong(o);
            }
            // _PyTime_FromSecondsObject: float seconds, or an integer number of seconds.
            return o is PyFloat f ? (long)Math.Round(f.Value * 1e9) : checked(ArgParse.ToLong(o) * 1_000_000_000);
        }
        catch (PyException e)
        {
            // PyErr_WriteUnraisable: a failing timer reads as 0 and profiling goes on.
            SysModule.FlushStdFiles();
            SysModule.Write("stderr", $"Exception ignored in: {Ops.Repr(_timer).Value}\n");
            SysModule.Write("stderr", Traceback.Format(e.Value));
            return 0;
        }
        catch (OverflowException)
        {
            return 0;
        }
    }

    private double Factor => _timer is null ? 1.0 / Stopwatch.Frequency : _timeUnit > 0.0 ? _timeUnit : 1e-9;

    private void EnterCall(object key, Func<PyObject> label)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            entry = new Stats(label());
            _entries[key] = entry;
            _order.Add(entry);
        }
        var ctx = new Context(entry, _current);
        entry.RecursionLevel++;
        if (_subcalls && ctx.Previous is { } previous)
        {
            var sub = SubStats(previous.Entry, entry, create: true)!;
            sub.RecursionLevel++;
        }
        _current = ctx;
        ctx.Start = Now();
    }

    private static Stats? SubStats(Stats caller, Stats callee, bool create)
    {
        caller.Calls ??= new Dictionary<object, Stats>(ReferenceEqualityComparer.Instance);
        if (!caller.Calls.TryGetValue(callee, out var sub) && create)
        {
            sub = new Stats(callee.Code);
            caller.Calls[callee] = sub;
            (caller.CallOrder ??= []).Add(sub);
        }
        return sub;
    }

    private void LeaveCall(object key)
    {
        var ctx = _current;
        if (ctx is null)
        {
            return;
        }
        if (_entries.TryGetValue(key, out var entry))
        {
            Stop(ctx, entry);
        }
        _current = ctx.Previous;
    }

    /// <summary>Stop: charges the call's time to its entry and to the caller's subentry.</summary>
    private void Stop(Context ctx, Stats entry)
    {
        var total = Now() - ctx.Start;
        var inline = total - ctx.SubTime;
        if (ctx.Previous is { } previous)
        {
            previous.SubTime += total;
        }
        Charge(entry, total, inline);
        if (_subcalls && ctx.Previous is { } caller && SubStats(caller.Entry, entry, create: false) is { } sub)
        {
            Charge(sub, total, inline);
        }
    }

    private static void Charge(Stats s, long total, long inline)
    {
        if (--s.RecursionLevel == 0)
        {
            s.Total += total;
        }
        else
        {
            s.RecursiveCallCount++;
        }
        s.Inline += inline;
        s.CallCount++;
    }

    /// <summary>profiler_callback: the profile events, as sys.setprofile delivers them.</summary>
    internal void Event(PyObject frame, string what, PyObject arg)
    {
        switch (what)
        {
            case "call":
            {
                var code = Ops.GetAttr(frame, PyStr.Intern("f_code"));
                EnterCall(code, () => code);
                break;
            }
            case "return":
                LeaveCall(Ops.GetAttr(frame, PyStr.Intern("f_code")));
                break;
            case "c_call":
                if (_builtins && arg is PyBuiltinFunction f)
                {
                    EnterCall(f.Function, () => Label(f));
                }
                break;
            case "c_return":
            case "c_exception":
                if (_builtins && arg is PyBuiltinFunction g)
                {
                    LeaveCall(g.Function);
                }
                break;
        }
    }

    /// <summary>normalizeUserObj: the string a builtin is reported as.</summary>
    private static PyObject Label(PyBuiltinFunction f)
    {
        if (f.Self is null)
        {
            return new PyStr(f.ModuleName is { } m && m != "builtins" ? $"<{m}.{f.Name}>" : $"<{f.Name}>");
        }
        if (f.Self.Type.Lookup(new PyStr(f.Name)) is { } method)
        {
            return Ops.Repr(method);
        }
        return new PyStr(f.ModuleName is { } module ? $"<built-in method {module}.{f.Name}>" : $"<built-in method {f.Name}>");
    }

    /// <summary>flush_unmatched: calls still open when profiling stops are closed now.</summary>
    private void FlushUnmatched()
    {
        while (_current is { } ctx)
        {
            Stop(ctx, ctx.Entry);
            _current = ctx.Previous;
        }
    }

    [PyMethod("enable", Doc = "enable(subcalls=True, builtins=True)\n\nStart collecting profiling information.\nIf 'subcalls' is True, also records for each function\nstatistics separated according to its current caller.\nIf 'builtins' is True, records the time spent in\nbuilt-in functions separately from their caller.\n")]
    public void Enable(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Span<PyObject?> values = new PyObject?[2];
        ArgParse.UnpackKeywords("enable", args, kwnames, s_enableNames, 0, 2, 0, values);
        if (values[0] is { } s)
        {
            _subcalls = Ops.IsTrue(s);
        }
        if (values[1] is { } b)
        {
            _builtins = Ops.IsTrue(b);
        }
        _hook ??= new PyProfilerHook(this);
        Taipan.Runtime.Python.ThreadState.Current.SetProfile(_hook);
    }

    [PyMethod("disable", Doc = "disable()\n\nStop collecting profiling information.\n")]
    public void Disable()
    {
        if (ReferenceEquals(Taipan.Runtime.Python.ThreadState.Current.ProfileFunction, _hook))
        {
            Taipan.Runtime.Python.ThreadState.Current.SetProfile(null);
        }
        FlushUnmatched();
    }

    [PyMethod("clear", Doc = "clear()\n\nClear all profiling information collected so far.\n")]
    public void Clear()
    {
        _entries.Clear();
        _order.Clear();
        _current = null;
    }

    [PyMethod("getstats", Doc = "list of profiler_entry objects.\n\ngetstats() -> list of profiler_entry objects\n\nReturn all information collected by the profiler.\nEach profiler_entry is a tuple-like object with the\nfollowing attributes:\n\n    code          code object\n    callcount     how many times this was called\n    reccallcount  how many times called recursively\n    totaltime     total time in this entry\n    inlinetime    inline time in this entry (not in subcalls)\n    calls         details of the calls\n\nThe calls attribute is either None or a list of\nprofiler_subentry objects:\n\n    code          called code object\n    callcount     how many times this is called\n    reccallcount  how many times this is called recursively\n    totaltime     total time spent in this call\n    inlinetime    inline time (not in further subcalls)\n")]
    public PyObject GetStats()
    {
        var factor = Factor;
        var result = new PyList();
        foreach (var e in _order)
        {
            PyObject calls = PyNone.Value;
            if (_subcalls && e.CallOrder is { } order)
            {
                var list = new PyList();
                foreach (var s in order)
                {
                    list.Append(LsprofModule.SubEntry.Create(s.Code, PyInt.From(s.CallCount), PyInt.From(s.RecursiveCallCount),
                        new PyFloat(s.Total * factor), new PyFloat(s.Inline * factor)));
                }
                calls = list;
            }
            result.Append(LsprofModule.Entry.Create(e.Code, PyInt.From(e.CallCount), PyInt.From(e.RecursiveCallCount),
                new PyFloat(e.Total * factor), new PyFloat(e.Inline * factor), calls));
        }
        return result;
    }
}

/// <summary>The callable the profiler installs with setprofile: it forwards each event to
/// its profiler (CPython installs a C function instead); sys.getprofile() shows the profiler.</summary>
[PyType("_lsprof.profiler_hook", Module = "_lsprof")]
public sealed partial class PyProfilerHook(PyProfiler profiler) : PyObject, IProfileHook
{
    public PyObject Owner => profiler;

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length == 3 && args[1] is PyStr what)
        {
            profiler.Event(args[0], what.Value, args[2]);
        }
        return PyNone.Value;
    }
}
