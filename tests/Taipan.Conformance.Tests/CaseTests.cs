using System.Diagnostics;

namespace Taipan.Conformance.Tests;

/// <summary>Runs every program under tests/cases with the <c>taipan</c> executable and
/// requires exactly the stdout, stderr and exit code that CPython 3.11 gave for it
/// (recorded beside the program by tools/record-cases). Programs listed in
/// tests/cases/known-failures.txt, each with its reason, must still fail: one that starts
/// passing fails the test until it is taken off the list, so the list only shrinks. A case
/// reads NAME.stdin as its standard input when that file exists.</summary>
public class CaseTests
{
    private static readonly string CasesDir = FindCasesDir();

    private static readonly Dictionary<string, string> KnownFailures = File.ReadAllLines(Path.Combine(CasesDir, "known-failures.txt"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries))
        .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CasesDir, "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(CasesDir, file);
            // Directories named *_lib hold the modules and packages that cases import.
            if (!relative.Split(Path.DirectorySeparatorChar).SkipLast(1).Any(d => d.EndsWith("_lib", StringComparison.Ordinal)))
            {
                data.Add(relative);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MatchesCPython(string relativePath)
    {
        var basePath = Path.Combine(CasesDir, Path.ChangeExtension(relativePath, null));
        var expectedOut = ReadExpected(basePath + ".stdout");
        var expectedErr = ReadExpected(basePath + ".stderr");
        var expectedCode = File.Exists(basePath + ".exitcode") ? int.Parse(File.ReadAllText(basePath + ".exitcode").Trim()) : 0;

        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "taipan"))
        {
            WorkingDirectory = CasesDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(relativePath);
        // The environment tools/record-cases gives CPython: no other PYTHON* or locale settings.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("PYTHON", StringComparison.Ordinal) || k.StartsWith("LC_", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(key);
        }
        psi.Environment["LANG"] = "C.UTF-8";
        psi.Environment["PYTHONHASHSEED"] = "0";
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(psi)!;
        // A case's standard input is NAME.stdin when it exists.
        if (File.Exists(basePath + ".stdin"))
        {
            var input = await File.ReadAllBytesAsync(basePath + ".stdin");
            await process.StandardInput.BaseStream.WriteAsync(input);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        var actualErr = await stderr;
        var actualOut = await stdout;
        if (KnownFailures.TryGetValue(relativePath.Replace('\\', '/'), out var reason))
        {
            Assert.False(
                actualErr == expectedErr && actualOut == expectedOut && process.ExitCode == expectedCode,
                $"{relativePath} now matches CPython: remove it from tests/cases/known-failures.txt ({reason})");
            return;
        }
        Assert.Equal(expectedErr, actualErr);
        Assert.Equal(expectedOut, actualOut);
        Assert.Equal(expectedCode, process.ExitCode);
    }

    private static string ReadExpected(string path) =>
        File.Exists(path) ? File.ReadAllText(path).Replace("{cases}", CasesDir, StringComparison.Ordinal) : "";

    private static string FindCasesDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Taipan.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "cases");
            }
        }
        throw new InvalidOperationException("tests/cases not found above " + AppContext.BaseDirectory);
    }
}
