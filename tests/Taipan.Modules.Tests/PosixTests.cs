namespace Taipan.Modules.Tests;

/// <summary>posix behaviour that depends on the process's surroundings (environment, working
/// directory, standard streams), which the conformance cases cannot vary: each program runs
/// under taipan and /usr/bin/python3.11 with the same surroundings and must print the same.</summary>
public sealed class PosixTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"taipan-posix-tests-caf\u00e9-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public PosixTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "\u00e9t\u00e9.txt"), "x");
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void EnvironIsBytesFromTheProcessEnvironment()
    {
        var env = new Dictionary<string, string?>
        {
            ["TAIPAN_A"] = "caf\u00e9",
            ["TAIPAN_B"] = "a=b=c",
            ["TAIPAN_EMPTY"] = "",
            ["TAIPAN_\u00dc"] = "\u4e2d",
        };
        const string Program =
            "import posix\n" +
            "print(sorted((k, v) for k, v in posix.environ.items() if k.startswith(b'TAIPAN_')))\n";
        Processes.AssertSame(Processes.RunBoth(["-c", Program], env: env));
    }

    [Fact]
    public void PutenvReachesAReplacementProcess()
    {
        const string Program =
            "import posix, sys\n" +
            "posix.putenv('TAIPAN_P', 'from putenv')\n" +
            "posix.putenv(b'TAIPAN_Q', b'q')\n" +
            "posix.unsetenv('TAIPAN_R')\n" +
            "print(posix.environ.get(b'TAIPAN_P'), posix.environ.get(b'TAIPAN_R'))\n" +
            "sys.stdout.flush()\n" +
            "posix.execv('/bin/sh', ['sh', '-c', 'echo \"$TAIPAN_P|$TAIPAN_Q|${TAIPAN_R-unset}\"'])\n";
        var env = new Dictionary<string, string?> { ["TAIPAN_R"] = "set" };
        var both = Processes.RunBoth(["-c", Program], env: env);
        Processes.AssertSame(both);
        Assert.Contains("from putenv|q|unset", both.Taipan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void NonAsciiWorkingDirectory()
    {
        const string Program =
            "import posix\n" +
            "print(posix.getcwd().endswith('caf\\xe9' + posix.getcwd().split('caf\\xe9')[-1]), ascii(posix.getcwd()[-50:].split('-')[3]))\n" +
            "print(posix.getcwdb().decode() == posix.getcwd())\n" +
            "print(sorted(posix.listdir()), sorted(posix.listdir(b'.')))\n" +
            "print(sorted((e.name, e.path, e.is_dir()) for e in posix.scandir()))\n" +
            "print(posix.stat('\\xe9t\\xe9.txt').st_size, posix.stat('\\xe9t\\xe9.txt'.encode()).st_size)\n" +
            "try:\n    posix.stat('\\udcff')\nexcept OSError as e:\n    print(type(e).__name__, ascii(e.filename), ascii(str(e)))\n";
        Processes.AssertSame(Processes.RunBoth(["-c", Program], cwd: _dir));
    }

    [Fact]
    public void StandardStreamsThatAreNotTerminals()
    {
        const string Program =
            "import posix\n" +
            "print(posix.isatty(0), posix.isatty(1), posix.device_encoding(1), posix.device_encoding(0))\n" +
            "try:\n    posix.get_terminal_size()\nexcept OSError as e:\n    print(type(e).__name__, e)\n" +
            "print(posix.get_blocking(1), posix.get_inheritable(1), posix.get_inheritable(0))\n" +
            "print(type(posix.fstat(0)).__name__, posix.fstat(1).st_mode & 0o170000 == 0o010000)\n";
        Processes.AssertSame(Processes.RunBoth(["-c", Program]));
    }
}
