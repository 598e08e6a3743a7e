// Include/cpython/pystate.h (PyThreadState)
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>The interpreter state of one thread: the frame being executed, the exception being
/// handled (<c>sys.exc_info()</c>) and the recursion depth.</summary>
public sealed class ThreadState
{
    [ThreadStatic]
    private static ThreadState? t_current;

    public static ThreadState Current => t_current ??= new ThreadState();

    public Frame? Frame;

    /// <summary>The current <c>contextvars</c> context; null until a variable is first set.</summary>
    public PyContext? Context { get; set; }

    /// <summary>The exception currently being handled by an <c>except</c> block.</summary>
    public PyBaseException? HandledException;

    public int RecursionDepth;

    /// <summary>Interpreter loops entered from C# (calls through slots and builtins), each
    /// nested on the .NET stack.</summary>
    public int NativeDepth { get; set; }

    /// <summary>How many loops may nest on the .NET stack, whatever the recursion limit: each
    /// level costs tens of KB, and an exception leaving them all costs more again (every level
    /// rethrows from its handler, on top of the stack), so this bounds the 256 MB stack the CLI
    /// runs Python on, as CPython 3.12's C recursion limit bounds the C stack.</summary>
    public const int MaxNativeDepth = 2500;

    /// <summary>An exception that left an interpreter loop's entry frame without a .NET
    /// exception (see <see cref="Interpreter.Execute(Frame, PyBaseException?, ThreadState)"/>),
    /// or that compiled code hands back to the interpreter.</summary>
    internal PyBaseException? Raised;

    /// <summary>With <see cref="Raised"/> from compiled code: it comes from a callee, so its
    /// context is set and its traceback has the callee's frames.</summary>
    internal bool RaisedInCallee;

    internal PyBaseException TakeRaised()
    {
        var exc = Raised!;
        Raised = null;
        return exc;
    }

    /// <summary>Set by RERAISE so the unwinder does not add the frame to the traceback again.</summary>
    public bool Reraising;

    /// <summary><c>threading.get_ident()</c>: the thread's pthread_t, as in CPython.</summary>
    public ulong Ident { get; } = Signals.Native.PthreadSelf();

    /// <summary><c>threading.get_native_id()</c>: the kernel's id of the thread.</summary>
    public int NativeId { get; } = Signals.Native.GetTid();

    /// <summary>Run when a thread started by <c>_thread</c> ends (the sentinel locks that
    /// <c>Thread.join</c> waits on are released there).</summary>
    public List<Action> ExitActions { get; } = [];

    /// <summary>This thread holds the global interpreter lock (<see cref="Gil"/>).</summary>
    public bool HoldsGil { get; set; }
    /// <summary>True while a trace or profile function is set and none is running
    /// (<c>cframe.use_tracing</c>): the one check the dispatch loop makes per instruction.</summary>
    public bool UseTracing;

    /// <summary>The function <c>sys.settrace</c> set (called for each new frame).</summary>
    public PyObject? TraceFunction { get; private set; }

    /// <summary>The function <c>sys.setprofile</c> set.</summary>
    public PyObject? ProfileFunction { get; private set; }

    /// <summary>Nesting of trace and profile calls in progress: they are not traced themselves.</summary>
    public int Tracing { get; private set; }

    /// <summary>The event the running trace function was called for (<c>tracing_what</c>).</summary>
    public string? TracingWhat { get; set; }

    public void SetTrace(PyObject? function)
    {
        TraceFunction = function;
        UseTracing = (TraceFunction is not null || ProfileFunction is not null) && Tracing == 0;
    }

    public void SetProfile(PyObject? function)
    {
        ProfileFunction = function;
        UseTracing = (TraceFunction is not null || ProfileFunction is not null) && Tracing == 0;
    }

    public void EnterTracing()
    {
        Tracing++;
        UseTracing = false;
    }

    public void LeaveTracing()
    {
        Tracing--;
        UseTracing = (TraceFunction is not null || ProfileFunction is not null) && Tracing == 0;
    }

    /// <summary><c>sys.getrecursionlimit()</c>.</summary>
    public static int RecursionLimit { get; set; } = 1000;
}
