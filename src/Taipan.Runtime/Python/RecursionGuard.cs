// Include/internal/pycore_ceval.h (_Py_EnterRecursiveCall, _Py_LeaveRecursiveCall)
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>Counts C#-level recursion (repr and comparison of nested containers) against the
/// recursion limit, so a deeply nested list raises RecursionError instead of overflowing the
/// stack.</summary>
public readonly struct RecursionGuard : IDisposable
{
    private readonly ThreadState _ts;

    private RecursionGuard(ThreadState ts) => _ts = ts;

    /// <summary><paramref name="where"/> completes the message, e.g. " in comparison".</summary>
    public static RecursionGuard Enter(string where)
    {
        var ts = ThreadState.Current;
        if (++ts.RecursionDepth > ThreadState.RecursionLimit || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            ts.RecursionDepth--;
            throw Errors.PyErr.New(PyExc.RecursionError, "maximum recursion depth exceeded" + where);
        }
        return new RecursionGuard(ts);
    }

    public void Dispose() => _ts.RecursionDepth--;
}
