using System.Text;
using Taipan.Runtime.Python;
using Taipan.Runtime.Objects;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Runtime.Tests;

/// <summary>What the conformance programs cannot set up: the environment the default
/// <c>sys.breakpointhook</c> reads, and the start-up import of <c>warnings</c> for -W.</summary>
[Collection("stdout")]
public class TracingTests
{
    private static (int Status, string Stdout, string Stderr) Run(string source, RunConfig? config = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        config = (config ?? new RunConfig()) with { Stdout = stdout, Stderr = stderr, Argv = ["-c"] };
        var status = PythonRun.RunMain(config, () => SourceText.FromUtf8(Encoding.UTF8.GetBytes(source), "<string>"), null);
        return (status, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("repr", "42\n", "")]
    [InlineData("0", "None\n", "")]
    [InlineData("nosuchmod.func", "None\n", "<string>:1: RuntimeWarning: Ignoring unimportable $PYTHONBREAKPOINT: \"nosuchmod.func\"\n")]
    public void BreakpointHookFollowsPythonBreakpoint(string value, string stdout, string stderr)
    {
        var saved = Environment.GetEnvironmentVariable("PYTHONBREAKPOINT");
        Environment.SetEnvironmentVariable("PYTHONBREAKPOINT", value);
        try
        {
            var result = Run("print(breakpoint(42))");
            Assert.Equal((0, stdout, stderr), result);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PYTHONBREAKPOINT", saved);
        }
    }

    [Fact]
    public void WarnOptionsReachTheFilters()
    {
        // A fresh warnings module, so that it processes these options.
        Import.Modules.Remove(PyStr.Intern("warnings"));
        var config = new RunConfig { WarnOptions = ["error"], Path = [Path.Combine(RunConfig.Prefix, "lib", "python3.11")] };
        var (status, stdout, stderr) = Run("import _warnings\n_warnings.warn('w')\nprint('not reached')", config);
        Import.Modules.Remove(PyStr.Intern("warnings"));
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.EndsWith("UserWarning: w\n", stderr);
    }
}
