// Python/marshal.c (MAX_MARSHAL_STACK_DEPTH needs a deep C stack; so do we)
using System.Runtime.ExceptionServices;

namespace Taipan.Bytecode;

/// <summary>Runs recursive work that needs more stack than the calling thread has on a helper
/// thread with a large stack, passing results and exceptions through.</summary>
internal static class DeepStack
{
    private const int StackSize = 64 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
        }, StackSize);
        thread.Start();
        thread.Join();
        error?.Throw();
        return result;
    }
}
