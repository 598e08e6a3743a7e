using System.Diagnostics;

namespace Taipan.Bytecode.Tests;

/// <summary>Runs the reference interpreter on the scripts of tools/bytecode (copied next to the tests).</summary>
internal static class CPython
{
    public const string Executable = "/usr/bin/python3.11";

    public static string ScriptPath(string name) => Path.Combine(AppContext.BaseDirectory, "tools", name);

    /// <summary>Runs a tools/bytecode script and returns its stdout; stdin gets <paramref name="input"/>.</summary>
    public static byte[] RunScript(string script, byte[]? input = null, params string[] args) =>
        Run([ScriptPath(script), .. args], input);

    public static byte[] Run(string[] args, byte[]? input = null)
    {
        var psi = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var p = Process.Start(psi)!;
        var stderrTask = p.StandardError.ReadToEndAsync();
        var stdinTask = Task.Run(() =>
        {
            if (input is not null)
            {
                p.StandardInput.BaseStream.Write(input);
            }

            p.StandardInput.Close();
        });
        using var ms = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(ms);
        stdinTask.Wait();
        p.WaitForExit();
        var stderr = stderrTask.Result;
        if (p.ExitCode != 0)
        {
            throw new PythonProcessException(p.ExitCode, stderr, System.Text.Encoding.UTF8.GetString(ms.ToArray()));
        }

        return ms.ToArray();
    }
}

internal sealed class PythonProcessException(int exitCode, string stderr, string stdout)
    : Exception($"python exited with {exitCode}: {stderr}")
{
    public string Stdout { get; } = stdout;
}
