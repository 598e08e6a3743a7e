// Parser/myreadline.c
namespace Taipan.Runtime.Python;

/// <summary>PyOS_ReadlineFunctionPointer: the <c>readline</c> module installs its line
/// editor here, and <c>input()</c> uses it when sys.stdin and sys.stdout are the process's
/// terminal.</summary>
public static class MyReadline
{
    /// <summary>Shows the prompt (bytes in sys.stdout's encoding) and reads one line: the
    /// line with its "\n", or empty at the end of input. Called holding the GIL; raises what a
    /// signal handler raises (KeyboardInterrupt).</summary>
    public static Func<byte[], byte[]>? FunctionPointer { get; set; }
}
