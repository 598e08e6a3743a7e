using System.Text.RegularExpressions;

namespace Taipan.Modules.Tests;

/// <summary>faulthandler behaviour that needs its own process: a registered signal's dump,
/// and dump_traceback_later(exit=True) ending the process with status 1.</summary>
public class FaulthandlerTests
{
    private static string MaskThreadIds(string text) => Regex.Replace(text, "0x[0-9a-f]{16}", "0xID");

    [Fact]
    public void RegisteredSignalDumpsTheMainThread()
    {
        // The kill and the wait share one line: CPython dumps inside os.kill, Taipan's handler
        // thread while the main thread sleeps.
        const string Program =
            "import faulthandler, os, signal, sys, time\n" +
            "def site():\n" +
            "    os.kill(os.getpid(), signal.SIGUSR1); time.sleep(0.5)\n" +
            "faulthandler.register(signal.SIGUSR1, file=sys.stdout, all_threads=False)\n" +
            "site()\n" +
            "print(faulthandler.unregister(signal.SIGUSR1))\n";
        Processes.AssertSame(Processes.RunBoth(["-c", Program]));
    }

    [Fact]
    public void DumpTracebackLaterWithExitEndsTheProcess()
    {
        const string Program =
            "import faulthandler, sys, time\n" +
            "faulthandler.dump_traceback_later(0.05, exit=True, file=sys.stdout)\n" +
            "def waiting():\n" +
            "    time.sleep(5)\n" +
            "waiting()\n" +
            "print('not reached')\n";
        var (taipan, cpython) = Processes.RunBoth(["-c", Program]);
        Assert.Equal(1, cpython.ExitCode);
        Assert.Equal(cpython.ExitCode, taipan.ExitCode);
        Assert.Equal(MaskThreadIds(cpython.Stdout), MaskThreadIds(taipan.Stdout));
        Assert.Contains("in waiting", taipan.Stdout);
    }
}
