using System.Diagnostics;

namespace Taipan.Runtime.Tests;

/// <summary>Asks the reference interpreter, /usr/bin/python3.11, for expected values.</summary>
internal static class CPython
{
    /// <summary>Runs <paramref name="code"/> and returns its stdout lines.</summary>
    public static string[] Run(string code, string hashSeed = "0")
    {
        var psi = new ProcessStartInfo("/usr/bin/python3.11")
        {
            ArgumentList = { "-c", code },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["PYTHONHASHSEED"] = hashSeed;
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
