// Modules/config.c (the table of modules built into the interpreter)
using Taipan.Runtime.Python;

namespace Taipan.Modules;

/// <summary>The builtin modules of this assembly (its <c>[PyModule]</c> declarations).</summary>
public static class StandardModules
{
    /// <summary>Makes them importable; the command line calls this once at start-up.</summary>
    public static void Register() => Inittab.Append(Generated.BuiltinModules.Factories);
}
