// Include/cpython/initconfig.h (the parts of PyConfig the runtime reads)
namespace Taipan.Runtime.Python;

/// <summary>What the command line hands the runtime: the values of <c>sys.argv</c>,
/// <c>sys.orig_argv</c>, <c>sys.executable</c>, <c>sys.path</c> and <c>sys.flags</c>, computed by
/// the CLI as python3.11 computes them, and the standard streams.</summary>
public sealed record RunConfig
{
    public IReadOnlyList<string> Argv { get; init; } = [""];
    public IReadOnlyList<string> OrigArgv { get; init; } = [];
    public string Executable { get; init; } = Environment.ProcessPath ?? "";

    /// <summary><c>sys.path</c>, the first entry included ('' for -c and stdin, the script's
    /// directory, the current directory for -m).</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    /// <summary><c>sys.flags</c> in its field order; values are int or bool.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Flags { get; init; } = [];

    public int Optimize { get; init; }
    public bool DontWriteBytecode { get; init; }
    public string? PycachePrefix { get; init; }
    public IReadOnlyList<string> WarnOptions { get; init; } = [];

    /// <summary><c>sys._xoptions</c> (value null for a bare name, shown as True).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> XOptions { get; init; } = [];

    public int IntMaxStrDigits { get; init; } = -1;

    public TextWriter Stdout { get; init; } = Console.Out;
    public TextWriter Stderr { get; init; } = Console.Error;
    public TextReader Stdin { get; init; } = Console.In;

    /// <summary>The standard streams are _io objects over file descriptors 0, 1 and 2 (the
    /// command line), not the writers above (embedding and tests).</summary>
    public bool FileDescriptorStdio { get; init; }

    /// <summary>False with -u / PYTHONUNBUFFERED: stdout and stderr write through.</summary>
    public bool BufferedStdio { get; init; } = true;

    /// <summary>The standard library's directory (<c>sys.prefix</c>/lib/python3.11).</summary>
    public const string Prefix = "/usr";
}
