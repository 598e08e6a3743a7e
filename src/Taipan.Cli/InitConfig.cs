// Python/initconfig.c (command line and environment into one configuration)
using System.Globalization;

namespace Taipan.Cli;

/// <summary>What the interpreter runs: a command (-c), a module (-m), a file, or stdin.</summary>
public enum RunKind
{
    Stdin,
    Command,
    Module,
    File,
}

/// <summary>The interpreter's configuration (<c>PyConfig</c>) after the command line and the
/// environment are read; <see cref="Flags"/> is what <c>sys.flags</c> shows.</summary>
public sealed record PyConfig
{
    public required string ProgramName { get; init; }
    public RunKind Run { get; init; }
    /// <summary>The -c command (with the newline CPython appends), -m module, or script path.</summary>
    public string? RunTarget { get; init; }
    /// <summary><c>sys.argv</c>: argv[0] is "-c", the module's path-to-be ("-m" until found),
    /// the script, or "" for stdin.</summary>
    public required IReadOnlyList<string> Argv { get; init; }

    public int ParserDebug { get; init; }
    public int Inspect { get; init; }
    public int Interactive { get; init; }
    public int OptimizationLevel { get; init; }
    public bool WriteBytecode { get; init; } = true;
    public bool UserSiteDirectory { get; init; } = true;
    public bool SiteImport { get; init; } = true;
    public bool UseEnvironment { get; init; } = true;
    public int Verbose { get; init; }
    public int BytesWarning { get; init; }
    public int Quiet { get; init; }
    public bool Isolated { get; init; }
    public bool DevMode { get; init; }
    public int Utf8Mode { get; init; }
    public bool WarnDefaultEncoding { get; init; }
    public bool SafePath { get; init; }
    public int IntMaxStrDigits { get; init; } = -1;
    public bool BufferedStdio { get; init; } = true;
    public bool SkipSourceFirstLine { get; init; }
    /// <summary>Null for a random seed (PYTHONHASHSEED unset or "random").</summary>
    public uint? HashSeed { get; init; }
    public string CheckHashPycsMode { get; init; } = "default";
    public string? PycachePrefix { get; init; }
    /// <summary><c>sys.warnoptions</c>: PYTHONWARNINGS entries, then the -W options.</summary>
    public IReadOnlyList<string> WarnOptions { get; init; } = [];
    /// <summary><c>sys._xoptions</c> in command-line order (value true for a bare name).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> XOptions { get; init; } = [];

    /// <summary><c>sys.flags</c>, in its field order.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Flags =>
    [
        new("debug", ParserDebug), new("inspect", Inspect), new("interactive", Interactive),
        new("optimize", OptimizationLevel), new("dont_write_bytecode", WriteBytecode ? 0 : 1),
        new("no_user_site", UserSiteDirectory ? 0 : 1), new("no_site", SiteImport ? 0 : 1),
        new("ignore_environment", UseEnvironment ? 0 : 1), new("verbose", Verbose),
        new("bytes_warning", BytesWarning), new("quiet", Quiet),
        new("hash_randomization", HashSeed == 0 ? 0 : 1), new("isolated", Isolated ? 1 : 0),
        new("dev_mode", DevMode), new("utf8_mode", Utf8Mode),
        new("warn_default_encoding", WarnDefaultEncoding ? 1 : 0), new("safe_path", SafePath),
        new("int_max_str_digits", IntMaxStrDigits),
    ];

    /// <summary><c>repr(sys.flags)</c>.</summary>
    public string FlagsRepr() =>
        "sys.flags(" + string.Join(", ", Flags.Select(f => $"{f.Key}={(f.Value is bool b ? (b ? "True" : "False") : f.Value)}")) + ")";
}

/// <summary>The outcome of reading the command line: a configuration to run, or an exit
/// status when the command line itself was the whole job (-h, -V) or was wrong.</summary>
public readonly record struct ConfigResult(PyConfig? Config, int ExitCode);

public static class InitConfig
{
    /// <summary><c>PY_VERSION</c>.</summary>
    public const string Version = "3.11.2";

    /// <summary>Reads <paramref name="argv"/> (argv[0] is the program name) and the
    /// environment. Help and version go to <paramref name="stdout"/>, errors and usage to
    /// <paramref name="stderr"/>.</summary>
    public static ConfigResult Read(IReadOnlyList<string> argv, Func<string, string?> getenv, TextWriter stdout, TextWriter stderr)
    {
        var program = argv.Count > 0 ? argv[0] : "taipan";

        // _PyPreCmdline_Read: -E and -I decide whether the environment counts before anything
        // else is read; this pass prints no errors.
        var useEnvironment = true;
        var isolated = false;
        var pre = new GetOpt(argv, null);
        for (char? c; (c = pre.Next()) is not null;)
        {
            if (c == 'E')
            {
                useEnvironment = false;
            }
            else if (c == 'I')
            {
                isolated = true;
                useEnvironment = false;
            }
            else if (c is 'c' or 'm')
            {
                break;
            }
        }
        string? Env(string name) => useEnvironment && getenv(name) is { Length: > 0 } v ? v : null;

        var config = new PyConfig { ProgramName = program, Argv = [""], UseEnvironment = useEnvironment, Isolated = isolated };
        var warnOptions = new List<string>();
        var xoptions = new List<KeyValuePair<string, string?>>();
        var printVersion = 0;
        var opt = new GetOpt(argv, stderr);
        string? command = null;
        string? module = null;
        for (char? c; (c = opt.Next()) is not null;)
        {
            if (c == 'c')
            {
                // -c ends the options: what follows belongs to the command.
                command = opt.Arg + "\n";
                break;
            }
            if (c == 'm')
            {
                module = opt.Arg;
                break;
            }
            switch (c)
            {
                case '\0':
                    if (opt.Arg is "always" or "never" or "default")
                    {
                        config = config with { CheckHashPycsMode = opt.Arg };
                        break;
                    }
                    stderr.Write("--check-hash-based-pycs must be one of 'default', 'always', or 'never'\n");
                    return UsageError(program, stderr);
                case 'b':
                    config = config with { BytesWarning = config.BytesWarning + 1 };
                    break;
                case 'd':
                    config = config with { ParserDebug = config.ParserDebug + 1 };
                    break;
                case 'i':
                    config = config with { Inspect = config.Inspect + 1, Interactive = config.Interactive + 1 };
                    break;
                case 'I':
                    config = config with { Isolated = true };
                    break;
                case 'O':
                    config = config with { OptimizationLevel = config.OptimizationLevel + 1 };
                    break;
                case 'P':
                    config = config with { SafePath = true };
                    break;
                case 'B':
                    config = config with { WriteBytecode = false };
                    break;
                case 's':
                    config = config with { UserSiteDirectory = false };
                    break;
                case 'S':
                    config = config with { SiteImport = false };
                    break;
                case 'E':
                case 't':
                case 'R':
                    // -E was read above; -t and -R are accepted and ignored, as in 3.11.
                    break;
                case 'u':
                    config = config with { BufferedStdio = false };
                    break;
                case 'v':
                    config = config with { Verbose = config.Verbose + 1 };
                    break;
                case 'x':
                    config = config with { SkipSourceFirstLine = true };
                    break;
                case 'h':
                case '?':
                    stdout.Write(string.Format(CultureInfo.InvariantCulture, Usage.Line, program));
                    stdout.Write(Usage.Help);
                    return new ConfigResult(null, 0);
                case 'V':
                    printVersion++;
                    break;
                case 'W':
                    warnOptions.Add(opt.Arg!);
                    break;
                case 'X':
                    var eq = opt.Arg!.IndexOf('=');
                    xoptions.Add(eq < 0 ? new(opt.Arg, null) : new(opt.Arg[..eq], opt.Arg[(eq + 1)..]));
                    break;
                case 'q':
                    config = config with { Quiet = config.Quiet + 1 };
                    break;
                case '\u0001':
                    stdout.Write(Usage.Env);
                    return new ConfigResult(null, 0);
                case '\u0002':
                    stdout.Write(Usage.XOptions);
                    return new ConfigResult(null, 0);
                case '\u0003':
                    stdout.Write(string.Format(CultureInfo.InvariantCulture, Usage.Line, program));
                    stdout.Write(Usage.Help + "\n\n" + Usage.Env + "\n\n" + Usage.XOptions);
                    return new ConfigResult(null, 0);
                default:
                    return UsageError(program, stderr);
            }
        }

        if (printVersion > 0)
        {
            stdout.Write(printVersion >= 2 ? $"Python {Version} (main, Taipan) [.NET {Environment.Version}]\n" : $"Python {Version}\n");
            return new ConfigResult(null, 0);
        }

        // What runs, and sys.argv.
        var rest = argv.Skip(opt.Index).ToList();
        if (command is not null)
        {
            config = config with { Run = RunKind.Command, RunTarget = command, Argv = ["-c", .. rest] };
        }
        else if (module is not null)
        {
            config = config with { Run = RunKind.Module, RunTarget = module, Argv = ["-m", .. rest] };
        }
        else if (rest.Count > 0 && rest[0] != "-")
        {
            config = config with { Run = RunKind.File, RunTarget = rest[0], Argv = rest };
        }
        else
        {
            config = config with { Run = RunKind.Stdin, Argv = rest.Count > 0 ? rest : [""] };
        }

        // The environment (config_read_env_vars), then -X options, which win.
        var debug = config.ParserDebug;
        var verbose = config.Verbose;
        var optimize = config.OptimizationLevel;
        var inspect = config.Inspect;
        EnvFlag(Env("PYTHONDEBUG"), ref debug);
        EnvFlag(Env("PYTHONVERBOSE"), ref verbose);
        EnvFlag(Env("PYTHONOPTIMIZE"), ref optimize);
        EnvFlag(Env("PYTHONINSPECT"), ref inspect);
        config = config with
        {
            ParserDebug = debug,
            Verbose = verbose,
            OptimizationLevel = optimize,
            Inspect = inspect,
            WriteBytecode = config.WriteBytecode && Env("PYTHONDONTWRITEBYTECODE") is null,
            UserSiteDirectory = config.UserSiteDirectory && Env("PYTHONNOUSERSITE") is null && !config.Isolated,
            BufferedStdio = config.BufferedStdio && Env("PYTHONUNBUFFERED") is null,
            SafePath = config.SafePath || Env("PYTHONSAFEPATH") is not null || config.Isolated,
            UseEnvironment = config.UseEnvironment && !config.Isolated,
        };
        if (Env("PYTHONHASHSEED") is { } seed && seed != "random")
        {
            if (!ulong.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > uint.MaxValue)
            {
                return Fatal("config_init_hash_seed", "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]", stderr);
            }
            config = config with { HashSeed = (uint)value };
        }

        string? X(string name)
        {
            string? found = null;
            var present = false;
            foreach (var (k, v) in xoptions)
            {
                if (k == name)
                {
                    found = v;
                    present = true;
                }
            }
            return present ? found ?? "" : null;
        }

        config = config with
        {
            PycachePrefix = X("pycache_prefix") is { } prefix ? (prefix.Length > 0 ? prefix : null) : Env("PYTHONPYCACHEPREFIX"),
            DevMode = X("dev") is not null || Env("PYTHONDEVMODE") is not null,
            WarnDefaultEncoding = X("warn_default_encoding") is not null || Env("PYTHONWARNDEFAULTENCODING") is not null,
        };

        var utf8 = X("utf8");
        config = config with
        {
            Utf8Mode = utf8 switch
            {
                "" or "1" => 1,
                "0" => 0,
                null => Env("PYTHONUTF8") is "1" ? 1 : 0,
                _ => -1,
            },
        };
        if (config.Utf8Mode < 0)
        {
            return Fatal("preconfig_init_utf8_mode", "invalid -X utf8 option value", stderr, "preinitializing");
        }

        if (X("int_max_str_digits") is { } digits)
        {
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || (limit != 0 && limit < 640))
            {
                return Fatal("config_init_int_max_str_digits", "-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.", stderr);
            }
            config = config with { IntMaxStrDigits = limit };
        }
        else if (Env("PYTHONINTMAXSTRDIGITS") is { } envDigits)
        {
            if (!int.TryParse(envDigits, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || (limit != 0 && limit < 640))
            {
                return Fatal("config_init_int_max_str_digits", "PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for unlimited.", stderr);
            }
            config = config with { IntMaxStrDigits = limit };
        }

        // config_init_warnoptions: the dev mode's "default", PYTHONWARNINGS, -W, then -b's
        // filter; an option already present is not added again.
        var allWarnOptions = new List<string>();
        void AddWarnOption(string option)
        {
            if (!allWarnOptions.Contains(option))
            {
                allWarnOptions.Add(option);
            }
        }
        if (config.DevMode)
        {
            AddWarnOption("default");
        }
        if (Env("PYTHONWARNINGS") is { } warnings)
        {
            foreach (var w in warnings.Split(','))
            {
                if (w.Length > 0)
                {
                    AddWarnOption(w);
                }
            }
        }
        warnOptions.ForEach(AddWarnOption);
        if (config.BytesWarning > 0)
        {
            AddWarnOption(config.BytesWarning > 1 ? "error::BytesWarning" : "default::BytesWarning");
        }
        return new ConfigResult(config with { WarnOptions = allWarnOptions, XOptions = xoptions }, -1);
    }

    /// <summary><c>_Py_get_env_flag</c>: an integer value raises the flag to it; anything else
    /// (text, negative) counts as 1.</summary>
    private static void EnvFlag(string? value, ref int flag)
    {
        if (value is null)
        {
            return;
        }
        if (!int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < 0)
        {
            n = 1;
        }
        flag = Math.Max(flag, n);
    }

    private static ConfigResult UsageError(string program, TextWriter stderr)
    {
        stderr.Write(string.Format(CultureInfo.InvariantCulture, Usage.Line, program));
        stderr.Write("Try `python -h' for more information.\n");
        return new ConfigResult(null, 2);
    }

    private static ConfigResult Fatal(string function, string message, TextWriter stderr, string state = "preinitialized")
    {
        stderr.Write($"Fatal Python error: {function}: {message}\nPython runtime state: {state}\n\n");
        return new ConfigResult(null, 1);
    }
}
