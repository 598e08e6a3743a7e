// Python/initconfig.c (the parts of the configuration native modules read)
namespace Taipan.Modules;

/// <summary>What a native module sees of the running interpreter: <c>sys.flags.optimize</c>,
/// <c>sys.pycache_prefix</c>, <c>sys.path</c>, the environment it was started with, and the
/// standard streams.</summary>
public sealed record ModuleContext
{
    /// <summary><c>sys.flags.optimize</c> (-O, -OO, PYTHONOPTIMIZE).</summary>
    public int Optimize { get; init; }

    /// <summary><c>sys.pycache_prefix</c> (-X pycache_prefix, PYTHONPYCACHEPREFIX), or null.</summary>
    public string? PycachePrefix { get; init; }

    /// <summary><c>sys.path</c>.</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    /// <summary><c>os.environ</c> lookups (SOURCE_DATE_EPOCH).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public TextWriter Out { get; init; } = Console.Out;
    public TextWriter Err { get; init; } = Console.Error;
    public TextReader In { get; init; } = Console.In;

    /// <summary>A context for the current process with default flags.</summary>
    public static ModuleContext Default { get; } = new();
}
