using System.Diagnostics;

namespace Taipan.Conformance.Tests;

/// <summary>Signals sent to a running <c>taipan</c> by another process behave as they do for
/// CPython: Ctrl-C (SIGINT) raises KeyboardInterrupt in the main thread wherever it is (a busy
/// loop, a sleep, a lock wait while other threads run), an uncaught one prints its traceback
/// and the process dies by SIGINT; a Python handler runs and the program goes on.</summary>
public class SignalTests
{
    /// <summary>Started by CPython, which reports how the child ended (-2: killed by SIGINT).
    /// The pause lets the child reach the statement after its print, so the traceback's line
    /// does not depend on when the signal lands.</summary>
    private const string Driver = """
        import signal, subprocess, sys, time
        exe, code, signum = sys.argv[1], sys.argv[2], int(sys.argv[3])
        p = subprocess.Popen([exe, '-c', code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert p.stdout.readline() == 'ready\n'
        time.sleep(0.5)  # into the statement after the print
        p.send_signal(signum)
        out, err = p.communicate(timeout=60)
        print(repr(out))
        print(err, end='')
        print('returncode', p.returncode)
        """;

    public static TheoryData<string, string, int> Programs => new()
    {
        { "busy-loop", "print('ready', flush=True)\nwhile True:\n    pass\n", 2 },
        { "sleep", "import time\nprint('ready', flush=True)\ntime.sleep(60)\n", 2 },
        {
            "lock-wait-with-spinning-thread",
            "import _thread\nl = _thread.allocate_lock()\nl.acquire()\ndef spin():\n    while True:\n        pass\n_thread.start_new_thread(spin, ())\nprint('ready', flush=True)\nl.acquire()\n",
            2
        },
        {
            "caught-then-exit",
            "import time\ntry:\n    print('ready', flush=True)\n    time.sleep(60)\nexcept KeyboardInterrupt:\n    print('caught')\n",
            2
        },
        {
            "python-handler",
            "import _signal, time\ndef h(n, f):\n    print('handler', n, f.f_code.co_name, flush=True)\n    raise SystemExit(3)\n_signal.signal(15, h)\ndef wait():\n    print('ready', flush=True)\n    time.sleep(60)\nwait()\n",
            15
        },
    };

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task BehavesAsCPython(string name, string code, int signum)
    {
        _ = name;
        var taipan = Path.Combine(AppContext.BaseDirectory, "taipan");
        var expected = await Drive("/usr/bin/python3.11", code, signum);
        var actual = await Drive(taipan, code, signum);
        Assert.Equal(expected, actual);
    }

    private static async Task<string> Drive(string exe, string code, int signum)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3.11")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["-c", Driver, exe, code, signum.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await p.WaitForExitAsync(timeout.Token);
        return await output + await err;
    }
}
