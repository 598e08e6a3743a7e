// Python/import.c (the inittab: builtin modules by name)
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>
/// The builtin (C#) modules an import can create, by name: the runtime's own, and those other
/// assemblies (Taipan.Modules) append at start-up, as <c>PyImport_AppendInittab</c> does. Each
/// assembly's table is generated from its <c>[PyModule]</c> declarations.
/// </summary>
public static class Inittab
{
    private static readonly Dictionary<string, Func<PyModule>> s_factories = new(Generated.BuiltinModules.Factories, StringComparer.Ordinal);

    /// <summary>Adds builtin modules; a name already present keeps its first factory.</summary>
    public static void Append(IReadOnlyDictionary<string, Func<PyModule>> factories)
    {
        lock (s_factories)
        {
            foreach (var (name, factory) in factories)
            {
                s_factories.TryAdd(name, factory);
            }
        }
    }

    /// <summary>The factory of builtin module <paramref name="name"/>, or null.</summary>
    public static Func<PyModule>? Find(string name)
    {
        lock (s_factories)
        {
            return s_factories.GetValueOrDefault(name);
        }
    }

    /// <summary><c>sys.builtin_module_names</c>: sorted.</summary>
    public static string[] Names
    {
        get
        {
            lock (s_factories)
            {
                var names = s_factories.Keys.ToArray();
                Array.Sort(names, StringComparer.Ordinal);
                return names;
            }
        }
    }
}
