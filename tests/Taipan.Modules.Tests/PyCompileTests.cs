namespace Taipan.Modules.Tests;

/// <summary><c>taipan -m py_compile</c> and <c>taipan -m compileall</c>: the caches they
/// write are checked by CPython 3.11 (header, code object, running them), and their
/// messages and exit codes are CPython's.</summary>
public class PyCompileTests
{
    private static readonly Dictionary<string, string?> WriteBytecode = new() { ["PYTHONDONTWRITEBYTECODE"] = null };

    /// <summary>Runs check_pycs.py over <paramref name="sources"/>; returns the flags word of each cache.</summary>
    private static List<int> CheckPycs(IReadOnlyList<string> sources, int optimize = 0, string? prefix = null)
    {
        var args = new List<string> { Path.Combine(AppContext.BaseDirectory, "check_pycs.py"), optimize.ToString() };
        if (prefix is not null)
        {
            args.AddRange(["--prefix", prefix]);
        }
        args.AddRange(sources);
        var r = Processes.Run(Processes.Python, args);
        Assert.Equal("", r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("ok ", line, StringComparison.Ordinal));
        Assert.Equal(sources.Count, lines.Length);
        return lines.Select(l => int.Parse(l.Split(' ')[1])).ToList();
    }

    private static Processes.Result Taipan(string cwd, params string[] args) =>
        Processes.Run(Processes.Taipan, args, cwd, WriteBytecode);

    /// <summary>A few dozen files of the standard library, including a package.</summary>
    private static List<string> CopyStdlib(string dir)
    {
        var stdlib = "/usr/lib/python3.11";
        var picked = Directory.GetFiles(stdlib, "*.py").Order(StringComparer.Ordinal).Where((_, i) => i % 6 == 0).ToList();
        picked.AddRange(Directory.GetFiles(Path.Combine(stdlib, "json"), "*.py"));
        var copies = new List<string>();
        foreach (var file in picked)
        {
            var target = Path.Combine(dir, Path.GetRelativePath(stdlib, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            copies.Add(target);
        }
        return copies;
    }

    [Fact]
    public void CompileallStdlibCopyOnAllCores()
    {
        using var tmp = new TempDir();
        var files = CopyStdlib(tmp.Path);
        Assert.True(files.Count >= 30);
        var r = Taipan(tmp.Path, "-m", "compileall", "-q", "-j", "0", tmp.Path);
        Assert.Equal("", r.Stdout + r.Stderr);
        Assert.Equal(0, r.ExitCode);
        Assert.All(CheckPycs(files), flags => Assert.Equal(0, flags));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void CompileallOptimizationLevels(int level)
    {
        using var tmp = new TempDir();
        var files = CopyStdlib(tmp.Path).Take(12).ToList();
        // -O on taipan's own command line sets the level compileall uses by default.
        var r = Taipan(tmp.Path, [.. Enumerable.Repeat("-O", level), "-m", "compileall", "-q", .. files]);
        Assert.Equal(0, r.ExitCode);
        CheckPycs(files, level);
        // ... and -o gives levels explicitly, here all three with hard links between equal files.
        r = Taipan(tmp.Path, ["-m", "compileall", "-q", "-f", "-o", "0", "-o", "1", "-o", "2", "--hardlink-dupes", .. files]);
        Assert.Equal("", r.Stdout + r.Stderr);
        CheckPycs(files, 0);
        CheckPycs(files, 1);
        CheckPycs(files, 2);
    }

    [Fact]
    public void HashBasedPycs()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("m.py", "def f(x):\n    return x * 2\nprint(f(21))\n");
        var env = new Dictionary<string, string?>(WriteBytecode) { ["SOURCE_DATE_EPOCH"] = "1" };
        Assert.Equal(0, Processes.Run(Processes.Taipan, ["-m", "py_compile", file], tmp.Path, env).ExitCode);
        Assert.Equal([3], CheckPycs([file]));
        Assert.Equal(0, Taipan(tmp.Path, "-m", "compileall", "-q", "--invalidation-mode", "unchecked-hash", file).ExitCode);
        Assert.Equal([1], CheckPycs([file]));
        Assert.Equal(0, Taipan(tmp.Path, "-m", "compileall", "-q", "--invalidation-mode", "timestamp", file).ExitCode);
        Assert.Equal([0], CheckPycs([file]));
    }

    [Fact]
    public void PycachePrefix()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("src/m.py", "x = 1\n");
        var prefix = Path.Combine(tmp.Path, "prefix");
        var env = new Dictionary<string, string?>(WriteBytecode) { ["PYTHONPYCACHEPREFIX"] = prefix };
        Assert.Equal(0, Processes.Run(Processes.Taipan, ["-m", "py_compile", file], tmp.Path, env).ExitCode);
        CheckPycs([file], prefix: prefix);
        var other = Path.Combine(tmp.Path, "other");
        Assert.Equal(0, Processes.Run(Processes.Taipan, ["-X", "pycache_prefix=" + other, "-m", "py_compile", file], tmp.Path, env).ExitCode);
        CheckPycs([file], prefix: other);
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "src", "__pycache__")));
    }

    [Fact]
    public void CPythonRunsTaipansPyc()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("prog.py", """
            import sys
            class Point:
                def __init__(self, x, y):
                    self.x, self.y = x, y
                def __repr__(self):
                    return f"Point({self.x!r}, {self.y!r})"
            def gen(n):
                for i in range(n):
                    try:
                        if i % 3 == 0:
                            raise ValueError(i)
                        yield i * i
                    except ValueError as e:
                        yield -e.args[0]
                    finally:
                        pass
            squares = {k: v for k, v in zip("abcdef", gen(6))}
            print(squares, [Point(i, j) for i in range(2) for j in (i, -i)])
            print(sorted({x % 4 for x in range(10)}), *(lambda *a, **k: (a, k))(1, z=2))
            try:
                print(len(str(2 ** 100)), 1 / 0)
            except ZeroDivisionError as e:
                print(type(e).__name__, e)
            match sys.argv[1:]:
                case [x, *rest]:
                    print("args", x, rest)
                case _:
                    print("no args")
            """);
        Assert.Equal(0, Taipan(tmp.Path, "-m", "py_compile", "prog.py").ExitCode);
        var pyc = Path.Combine(tmp.Path, "__pycache__", "prog.taipan-311.pyc");
        var fromPyc = Processes.Run(Processes.Python, [pyc, "a", "b"], tmp.Path);
        var fromSource = Processes.Run(Processes.Python, [file, "a", "b"], tmp.Path);
        Assert.Equal(0, fromSource.ExitCode);
        Assert.Equal(fromSource.Stdout, fromPyc.Stdout);
        Assert.Equal(fromSource.Stderr, fromPyc.Stderr);
        Assert.Equal(fromSource.ExitCode, fromPyc.ExitCode);
    }

    [Fact]
    public void ManyFilesOnAllCores()
    {
        using var tmp = new TempDir();
        var files = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            files.Add(tmp.Write($"pkg{i % 7}/m{i}.py", $"def f{i}(a, b={i}):\n    return [a + b + k for k in range({i % 13})]\nclass C{i}:\n    x = f{i}({i})\n"));
        }
        var r = Taipan(tmp.Path, "-m", "compileall", "-q", "-j", "0", ".");
        Assert.Equal("", r.Stdout + r.Stderr);
        Assert.Equal(0, r.ExitCode);
        CheckPycs(files.Select(f => "./" + Path.GetRelativePath(tmp.Path, f)).ToList().ConvertAll(f => Path.Combine(tmp.Path, f)));
    }

    /// <summary>Symlinks: -e skips files linking outside DIR; linked directories are not entered.</summary>
    [Fact]
    public void SymlinksMatchCPython()
    {
        using var tmp = new TempDir();
        tmp.Write("inside/a.py", "a = 1\n");
        tmp.Write("inside/real/c.py", "c = 1\n");
        tmp.Write("outside/b.py", "b = 1\n");
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "inside", "link.py"), Path.Combine(tmp.Path, "outside", "b.py"));
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "inside", "inlink.py"), Path.Combine(tmp.Path, "inside", "a.py"));
        Directory.CreateSymbolicLink(Path.Combine(tmp.Path, "inside", "dirlink"), Path.Combine(tmp.Path, "outside"));
        foreach (var args in new[] { new[] { "-m", "compileall", "-f", "-e", "inside", "inside" }, ["-m", "compileall", "-f", "inside"] })
        {
            Processes.AssertSame(Processes.RunBoth(args, tmp.Path, WriteBytecode));
        }
    }

    /// <summary>Messages and exit codes equal CPython's for bad input; nothing is written for a
    /// file that does not compile.</summary>
    [Fact]
    public void ErrorsMatchCPython()
    {
        using var tmp = new TempDir();
        tmp.Write("good.py", "x = 1\nprint(x is 1)\n");
        tmp.Write("bad.py", "def f(:\n    pass\n");
        tmp.Write("indent.py", "if 1:\n  x\n   y\n");
        tmp.Write("tabs.py", "if 1:\n\tx = 1\n        y = 2\n");
        tmp.Write("nul.py", "x = 1\0\n");
        tmp.Write("enc.py", "# coding: klingon\nx = 1\n");
        tmp.Write("sub/deep.py", "x = (\n");
        tmp.Write("sub/ok.py", "y = 2\n");
        string[][] cases =
        [
            ["-m", "py_compile", "good.py"],
            ["-m", "py_compile", "bad.py"],
            ["-m", "py_compile", "-q", "bad.py"],
            ["-m", "py_compile", "indent.py"],
            ["-m", "py_compile", "tabs.py"],
            ["-m", "py_compile", "nul.py"],
            ["-m", "py_compile", "enc.py"],
            ["-m", "py_compile", "missing.py"],
            ["-m", "py_compile", "sub"],
            ["-m", "py_compile", "good.py", "bad.py", "indent.py"],
            ["-m", "py_compile"],
            ["-m", "py_compile", "-z", "good.py"],
            ["-m", "py_compile", "--quiet", "missing.py"],
            ["-m", "py_compile", "-h"],
            ["-m", "py_compile", "good.py", "-q", "good.py"],
            ["-m", "py_compile", "-z", "-y", "good.py", "--zz"],
            ["-m", "py_compile", "-qz", "good.py"],
            ["-m", "py_compile", "--", "-q"],
            ["-m", "compileall", "-q", "sub", "-f", "sub"],
            ["-m", "compileall", "-q", "--", "-f"],
            ["-m", "compileall", "-q", "--work=1", "sub", "--inv=timestamp"],
            ["-m", "compileall", "."],
            ["-m", "compileall", "-q", "."],
            ["-m", "compileall", "-qq", "."],
            ["-m", "compileall", "-l", "-f", "."],
            ["-m", "compileall", "-r", "0", "-f", "sub"],
            ["-m", "compileall", "-f", "-x", "bad|tabs", "."],
            ["-m", "compileall", "-f", "-d", "/dest", "sub"],
            ["-m", "compileall", "-f", "-s", "sub", "-p", "/pre", "sub"],
            ["-m", "compileall", "-f", "-b", "good.py", "sub/ok.py"],
            ["-m", "compileall", "-f", "-i", "-", "good.py"],
            ["-m", "compileall", "-i", "nolist.txt"],
            ["-m", "compileall", "missing_dir"],
            ["-m", "compileall", "-h"],
            ["-m", "compileall", "-j"],
            ["-m", "compileall", "-j", "x", "."],
            ["-m", "compileall", "--invalidation-mode", "foo", "."],
            ["-m", "compileall", "--invalid", "timestamp", "-q", "good.py"],
            ["-m", "compileall", "--hardlink-dupes", "."],
            ["-m", "compileall", "-d", "x", "-s", "y", "."],
            ["-m", "compileall", "-z", "."],
        ];
        foreach (var args in cases)
        {
            var (t, c) = Processes.RunBoth(args, tmp.Path, WriteBytecode, stdin: "bad.py\nsub/ok.py\n");
            var what = string.Join(' ', args);
            Assert.True(c.Stderr == t.Stderr, $"{what}: stderr\n--- cpython\n{c.Stderr}\n--- taipan\n{t.Stderr}");
            Assert.True(c.Stdout == t.Stdout, $"{what}: stdout\n--- cpython\n{c.Stdout}\n--- taipan\n{t.Stdout}");
            Assert.True(c.ExitCode == t.ExitCode, $"{what}: exit code {t.ExitCode}, CPython {c.ExitCode}");
        }
        // An uncaught ValueError: the traceback's frames are CPython's Python code; the error is the same.
        var negative = Taipan(tmp.Path, "-m", "compileall", "-q", "-j", "-1", ".");
        Assert.Equal(1, negative.ExitCode);
        Assert.EndsWith("\nValueError: workers must be greater or equal to 0\n", negative.Stderr, StringComparison.Ordinal);
        foreach (var name in new[] { "bad", "indent", "tabs", "nul", "enc" })
        {
            Assert.False(File.Exists(Path.Combine(tmp.Path, "__pycache__", name + ".taipan-311.pyc")), name);
        }
        Assert.True(File.Exists(Path.Combine(tmp.Path, "__pycache__", "good.taipan-311.pyc")));
    }
}
