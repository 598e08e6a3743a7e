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

    public Frame? Frame { get; set; }

    /// <summary>The exception currently being handled by an <c>except</c> block.</summary>
    public PyBaseException? HandledException { get; set; }

    public int RecursionDepth { get; set; }

    /// <summary>Set by RERAISE so the unwinder does not add the frame to the traceback again.</summary>
    public bool Reraising { get; set; }

    /// <summary><c>sys.getrecursionlimit()</c>.</summary>
    public static int RecursionLimit { get; set; } = 1000;
}
