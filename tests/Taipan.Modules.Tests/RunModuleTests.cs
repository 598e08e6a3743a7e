namespace Taipan.Modules.Tests;

/// <summary>Running modules, packages and directories as <c>__main__</c>, and the
/// <c>sys.path</c> and <c>sys.argv</c> the command line gives, against /usr/bin/python3.11.</summary>
public class RunModuleTests
{
    private const string ShowMain =
        "import sys\nprint(__name__, __package__, __file__, sys.argv, sys.path[0])\n";

    private static TempDir Tree()
    {
        var dir = new TempDir();
        dir.Write("pk/__init__.py", "print('init pk', __name__, __package__)\n");
        dir.Write("pk/__main__.py", ShowMain);
        dir.Write("pk/sub.py", ShowMain + "import sys\nsys.exit(7)\n");
        dir.Write("pk/inner/__init__.py", "print('init inner')\n");
        dir.Write("pk/inner/leaf.py", ShowMain);
        dir.Write("plain.py", ShowMain + "import pk.inner\nprint(pk.inner.__name__)\n");
        dir.Write("app/__main__.py", ShowMain + "import helper\nprint(helper.VALUE)\n");
        dir.Write("app/helper.py", "VALUE = 'helper found through sys.path[0]'\n");
        dir.Write("noinit/x.py", "print('x')\n");
        return dir;
    }

    public static TheoryData<string[]> Runs() => new()
    {
        new[] { "-m", "pk", "a", "b" },
        new[] { "-m", "pk.sub", "x" },
        new[] { "-m", "pk.inner.leaf" },
        new[] { "-m", "pk.inner" },
        new[] { "-m", "pk.nosuch" },
        new[] { "-m", "plain", "-z" },
        new[] { "-m", "plain.x" },
        new[] { "-m", "noinit" },
        new[] { "-m", "pk.__main__" },
        new[] { "plain.py", "1" },
        new[] { "app", "arg" },
        new[] { "pk" },
        new[] { "noinit" },
        new[] { "-c", "import sys; print(sys.argv, sys.path[0])", "a" },
        new[] { "-S", "-c", "import sys; print(sys.path)" },
        new[] { "-S", "-I", "-c", "import sys; print(sys.path)" },
        new[] { "-S", "-P", "-m", "plain" },
        new[] { "-S", "-c", "import sys; print(sys.orig_argv[1], sys.orig_argv[2], len(sys.orig_argv), sys.executable == sys.orig_argv[0])" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void MatchesCPython(string[] args)
    {
        using var dir = Tree();
        Processes.AssertSame(Processes.RunBoth(args, cwd: dir.Path));
    }

    [Fact]
    public void PythonPathComesAfterTheFirstEntry()
    {
        using var dir = Tree();
        var env = new Dictionary<string, string?> { ["PYTHONPATH"] = "/tmp/taipan-a:rel::x/../y:/tmp/taipan-b" };
        Processes.AssertSame(Processes.RunBoth(["-S", "-c", "import sys; print(sys.path)"], cwd: dir.Path, env: env));
        Processes.AssertSame(Processes.RunBoth(["-S", "-E", "-c", "import sys; print(sys.path)"], cwd: dir.Path, env: env));
    }

    [Fact]
    public void StdinRunsAsMain() =>
        Processes.AssertSame(Processes.RunBoth(["-S", "-", "arg"], stdin: "import sys\nprint(__name__, sys.argv, sys.path[0])\nsys.exit('bye')\n"));
}
