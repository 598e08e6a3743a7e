using Taipan.Cli;

namespace Taipan.Modules.Tests;

/// <summary>The command line against /usr/bin/python3.11: messages, help texts and exit
/// codes, and the configuration (<c>sys.flags</c> and friends) that options and environment
/// variables give.</summary>
public class CommandLineTests
{
    public static TheoryData<string[]> SameOutput() => new()
    {
        new[] { "-z" },
        new[] { "-c" },
        new[] { "-m" },
        new[] { "-W" },
        new[] { "-X" },
        new[] { "-J" },
        new[] { "-bBz" },
        new[] { "-V", "-z" },
        new[] { "--foo" },
        new[] { "--help-foo" },
        new[] { "--check-hash-based-pycs" },
        new[] { "--check-hash-based-pycs", "sometimes" },
        new[] { "-h" },
        new[] { "-?" },
        new[] { "--help" },
        new[] { "-hV" },
        new[] { "-Vh" },
        new[] { "-h", "-z" },
        new[] { "-V" },
        new[] { "--version" },
        new[] { "-qV" },
        new[] { "--help-env" },
        new[] { "--help-xoptions" },
        new[] { "--help-all" },
        new[] { "-X", "int_max_str_digits=5", "-c", "pass" },
        new[] { "-X", "int_max_str_digits=x", "-c", "pass" },
        new[] { "-X", "utf8=2", "-c", "pass" },
        new[] { "nonexistent_script.py" },
        new[] { "-OO", "-B", "-s", "-S", "-u", "nonexistent_script.py", "-z" },
        new[] { "--", "-c" },
        new[] { "-m", "nosuch" },
        new[] { "-m", "json" },
        new[] { "-m", "nosuch.sub" },
        new[] { "-m", "os.sub" },
        new[] { "-m", "json.nosuch" },
        new[] { "-m", ".rel" },
        new[] { "-m", "" },
        new[] { "-I", "-m", "xml.dom" },
        // A command with a syntax error runs the whole start-up path and stops at the parser.
        new[] { "-c", "1 +" },
        new[] { "-E", "-I", "-P", "-q", "-b", "-d", "-x", "-Wd", "-W", "error", "-X", "dev", "-Xfoo=bar", "--check-hash-based-pycs", "always", "-c", "(", "-z" },
        new[] { "-Wx", "-c", "1 +" },
        new[] { "-W", "a:b:c:d:e:f", "-c", "1 +" },
        new[] { "-W", "default::Warning::x", "-c", "1 +" },
        new[] { "-Wd", "-Wx", "-Wx", "-c", "1 +" },
    };

    [Theory]
    [MemberData(nameof(SameOutput))]
    public void MatchesCPython(string[] args) => Processes.AssertSame(Processes.RunBoth(args));

    [Fact]
    public void InvalidHashSeedIsFatal()
    {
        var env = new Dictionary<string, string?> { ["PYTHONHASHSEED"] = "abc" };
        Processes.AssertSame(Processes.RunBoth(["-c", "1 +"], env: env));
        // -E: the environment is ignored, so the seed is never read.
        Processes.AssertSame(Processes.RunBoth(["-E", "-c", "1 +"], env: env));
    }

    [Fact]
    public void StdinScript() => Processes.AssertSame(Processes.RunBoth(["-"], stdin: "x = (\n"));

    [Fact]
    public void VersionTwiceNamesTheVersion()
    {
        var r = Processes.Run(Processes.Taipan, ["-VV"]);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("Python 3.11.2 (", r.Stdout, StringComparison.Ordinal);
    }

    private const string ShowConfig =
        "import sys; print(sys.flags); print(sys.warnoptions); print(sorted(sys._xoptions.items())); print(sys.pycache_prefix); print(sys.argv)";

    public static TheoryData<string[], string> Configurations() => new()
    {
        { new[] { "-c", "X" }, "" },
        { new[] { "-OO", "-B", "-bb", "-dd", "-i", "-q", "-s", "-S", "-u", "-vv", "-c", "X", "a", "-b" }, "" },
        { new[] { "-OOB", "-c", "X" }, "" },
        { new[] { "-I", "-c", "X" }, "PYTHONOPTIMIZE=2 PYTHONDONTWRITEBYTECODE=1" },
        { new[] { "-E", "-c", "X" }, "PYTHONOPTIMIZE=2 PYTHONVERBOSE=1 PYTHONPYCACHEPREFIX=/tmp/pp" },
        { new[] { "-c", "X" }, "PYTHONOPTIMIZE=2 PYTHONVERBOSE=x PYTHONDEBUG=-3 PYTHONINSPECT=1 PYTHONUNBUFFERED=1 PYTHONNOUSERSITE=1" },
        { new[] { "-O", "-c", "X" }, "PYTHONOPTIMIZE= PYTHONDONTWRITEBYTECODE=" },
        { new[] { "-c", "X" }, "PYTHONPYCACHEPREFIX=/tmp/pp PYTHONSAFEPATH=1 PYTHONHASHSEED=0" },
        { new[] { "-X", "pycache_prefix=/tmp/x", "-c", "X" }, "PYTHONPYCACHEPREFIX=/tmp/pp PYTHONHASHSEED=17" },
        { new[] { "-X", "dev", "-X", "utf8", "-X", "warn_default_encoding", "-X", "int_max_str_digits=1000", "-X", "a=b=c", "-c", "X" }, "" },
        { new[] { "-X", "utf8=0", "-c", "X" }, "PYTHONUTF8=1 PYTHONDEVMODE=1 PYTHONINTMAXSTRDIGITS=0" },
        { new[] { "-Wd", "-W", "ignore::DeprecationWarning", "-c", "X" }, "PYTHONWARNINGS=error,,once" },
        { new[] { "-P", "--check-hash-based-pycs", "never", "-c", "X" }, "PYTHONHASHSEED=random" },
        { new[] { "-X", "pycache_prefix", "-c", "X" }, "PYTHONPYCACHEPREFIX=rel" },
        { new[] { "-X", "pycache_prefix=rel", "-c", "X" }, "" },
    };

    /// <summary>The configuration Taipan reads equals what CPython shows in sys.flags,
    /// sys.warnoptions, sys._xoptions, sys.pycache_prefix and sys.argv.</summary>
    [Theory]
    [MemberData(nameof(Configurations))]
    public void ConfigurationMatchesCPython(string[] args, string environment)
    {
        var env = environment.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]);
        var cpythonArgs = args.Select(a => a == "X" ? ShowConfig : a).ToList();
        var expected = Processes.Run(Processes.Python, cpythonArgs, env: env);
        Assert.Equal(0, expected.ExitCode);

        var (config, code) = InitConfig.Read(["taipan", .. args], name => env.GetValueOrDefault(name), TextWriter.Null, TextWriter.Null);
        Assert.Equal(-1, code);
        var xoptions = config!.XOptions.GroupBy(x => x.Key).Select(g => g.Last())
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => $"('{x.Key}', {(x.Value is null ? "True" : $"'{x.Value}'")})");
        var actual = string.Join("\n",
            config.FlagsRepr(),
            "[" + string.Join(", ", config.WarnOptions.Select(w => $"'{w}'")) + "]",
            "[" + string.Join(", ", xoptions) + "]",
            config.PycachePrefix ?? "None",
            "[" + string.Join(", ", config.Argv.Select(a => $"'{a}'")) + "]") + "\n";
        Assert.Equal(expected.Stdout, actual);
    }
}
