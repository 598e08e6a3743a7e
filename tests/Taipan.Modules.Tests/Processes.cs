using System.Diagnostics;

namespace Taipan.Modules.Tests;

/// <summary>Runs taipan and CPython as child processes.</summary>
internal static class Processes
{
    public const string Python = "/usr/bin/python3.11";

    public static string Taipan => Path.Combine(AppContext.BaseDirectory, "taipan");

    public sealed record Result(string Stdout, string Stderr, int ExitCode);

    public static Result Run(string exe, IEnumerable<string> args, string? cwd = null,
        IDictionary<string, string?>? env = null, string? stdin = null)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = cwd ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        // A fixed environment: no PYTHON* variable of the test runner leaks in.
        foreach (var key in psi.Environment.Keys.ToList())
        {
            if (key.StartsWith("PYTHON", StringComparison.Ordinal) || key == "SOURCE_DATE_EPOCH")
            {
                psi.Environment.Remove(key);
            }
        }
        psi.Environment["LANG"] = "C.UTF-8";
        psi.Environment["COLUMNS"] = "80";
        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                psi.Environment[k] = v;
            }
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{exe} {string.Join(' ', args)} did not finish");
        }
        return new Result(stdout.Result, stderr.Result, process.ExitCode);
    }

    /// <summary>Runs taipan and CPython with the same arguments, with each program's own
    /// path in its output replaced by PROG.</summary>
    public static (Result Taipan, Result CPython) RunBoth(IEnumerable<string> args, string? cwd = null,
        IDictionary<string, string?>? env = null, string? stdin = null)
    {
        var list = args.ToList();
        var t = Run(Taipan, list, cwd, env, stdin);
        var c = Run(Python, list, cwd, env, stdin);
        return (Normalize(t, Taipan), Normalize(c, Python));
    }

    private static Result Normalize(Result r, string program) =>
        new(r.Stdout.Replace(program, "PROG", StringComparison.Ordinal), r.Stderr.Replace(program, "PROG", StringComparison.Ordinal), r.ExitCode);

    public static void AssertSame((Result Taipan, Result CPython) both)
    {
        Assert.Equal(both.CPython.Stderr, both.Taipan.Stderr);
        Assert.Equal(both.CPython.Stdout, both.Taipan.Stdout);
        Assert.Equal(both.CPython.ExitCode, both.Taipan.ExitCode);
    }
}

/// <summary>A temporary directory removed when disposed.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = Directory.CreateTempSubdirectory("taipan-modules-").FullName;
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system to clean.
        }
    }
}
