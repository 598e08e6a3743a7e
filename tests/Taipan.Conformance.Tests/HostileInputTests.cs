using System.Diagnostics;
using System.Text;

namespace Taipan.Conformance.Tests;

/// <summary>Hostile sources given to the <c>taipan</c> executable end in the Python error
/// CPython reports, never in a .NET crash.</summary>
public class HostileInputTests
{
    public static TheoryData<string, string> Sources => new()
    {
        { "nested-parens", new string('(', 100_000) + "\n" },
        { "deep-unary", new string('-', 100_000) + "1\n" },
        { "million-terms", "x = " + string.Join("+", Enumerable.Repeat("a", 1_000_000)) + "\n" },
        { "ten-megabyte-line", "x = \"" + new string('a', 10_000_000) + "\"\n" },
        { "deep-brackets-mixed", string.Concat(Enumerable.Repeat("[{(", 70_000)) + "\n" },
        { "deep-indentation", string.Concat(Enumerable.Range(0, 120).Select(i => new string(' ', i) + "if x:\n")) + new string(' ', 120) + "pass\n" },
        { "nested-fstrings", "x = " + string.Concat(Enumerable.Repeat("f'{", 30)) + "1" + string.Concat(Enumerable.Repeat("}'", 30)) + "\n" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task EndsInCPythonsErrorOrRuns(string name, string source)
    {
        var dir = Directory.CreateTempSubdirectory("taipan-hostile-");
        try
        {
            var path = Path.Combine(dir.FullName, name + ".py");
            await File.WriteAllTextAsync(path, source, new UTF8Encoding(false));
            var (taipanCode, _, taipanErr) = await Run(Path.Combine(AppContext.BaseDirectory, "taipan"), path);
            Assert.DoesNotContain("Unhandled exception", taipanErr, StringComparison.Ordinal);
            Assert.DoesNotContain("Stack overflow", taipanErr, StringComparison.Ordinal);
            Assert.NotEqual(134, taipanCode); // SIGABRT
            Assert.NotEqual(139, taipanCode); // SIGSEGV

            // Where CPython fails while parsing, Taipan must fail with the same error.
            var (_, _, parseErr) = await Run("/usr/bin/python3.11", "-c",
                $"import ast, sys\ntry:\n    ast.parse(open({PyQuote(path)}, 'rb').read())\nexcept (SyntaxError, MemoryError) as e:\n    sys.exit(type(e).__name__ + (': ' + e.msg if isinstance(e, SyntaxError) else ''))\nexcept RecursionError:\n    pass");
            if (parseErr.Length > 0)
            {
                Assert.Equal(parseErr.TrimEnd('\n'), LastLine(taipanErr));
                Assert.Equal(1, taipanCode);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string PyQuote(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    private static string LastLine(string text) => text.TrimEnd('\n').Split('\n')[^1];

    /// <summary>A recursion limit far above what the .NET stack holds (CPython itself crashes
    /// here) still ends in RecursionError, through Python-to-Python calls and through calls that
    /// pass through builtins and special methods.</summary>
    [Fact]
    public async Task RaisedRecursionLimitStillEndsInRecursionError()
    {
        var dir = Directory.CreateTempSubdirectory("taipan-hostile-");
        try
        {
            var path = Path.Combine(dir.FullName, "recursion.py");
            await File.WriteAllTextAsync(path, """
                import sys
                sys.setrecursionlimit(10**6)
                def f(n): return f(n + 1)
                class B:
                    def __getattr__(self, n): return getattr(self, n)
                class C:
                    def __len__(self): return len(self)
                    def __repr__(self): return repr(self)
                for g in (lambda: f(0), lambda: B().x, lambda: len(C()), lambda: repr(C())):
                    try:
                        g()
                    except RecursionError as e:
                        print("RecursionError", e)
                print("still running")

                """);
            var (code, output, err) = await Run(Path.Combine(AppContext.BaseDirectory, "taipan"), path);
            Assert.Equal("", err);
            Assert.Equal(string.Concat(Enumerable.Repeat("RecursionError maximum recursion depth exceeded\n", 4)) + "still running\n", output);
            Assert.Equal(0, code);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await output, await err);
    }
}
