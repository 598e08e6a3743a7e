// Lib/runpy.py (_get_module_details: finding the module -m names)
namespace Taipan.Cli;

/// <summary>Finds the source of the module <c>-m</c> names on <c>sys.path</c> as runpy does
/// (packages run their <c>__main__</c>), or the message runpy's error gives.</summary>
internal static class ModuleFinder
{
    private static readonly string[] ExtensionSuffixes = [".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so"];

    /// <summary>The file to run, or null and the error message.</summary>
    public static (string? File, string? Error) Find(string name, IReadOnlyList<string> path)
    {
        if (name.StartsWith('.'))
        {
            return (null, "Relative module names not supported");
        }
        var parts = name.Split('.');
        var searchPath = path;
        string? found = null;
        var isPackage = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var prefix = string.Join('.', parts, 0, i + 1);
            if (i > 0 && !isPackage)
            {
                var parent = string.Join('.', parts, 0, i);
                return (null, $"Error while finding module specification for '{name}' (ModuleNotFoundError: __path__ attribute not found on '{parent}' while trying to find '{prefix}')");
            }
            (found, isPackage) = FindIn(parts[i], searchPath);
            if (found is null)
            {
                return (null, i == parts.Length - 1
                    ? $"No module named {name}"
                    : $"Error while finding module specification for '{name}' (ModuleNotFoundError: No module named '{prefix}')");
            }
            searchPath = isPackage ? [found] : [];
        }
        if (isPackage)
        {
            var (main, _) = FindIn("__main__", [found!]);
            if (main is null)
            {
                return (null, $"No module named {name}.__main__; '{name}' is a package and cannot be directly executed");
            }
            return (main, null);
        }
        return (found, null);
    }

    /// <summary>The path finder for one name: a package directory (regular, with __init__,
    /// or a namespace package when nothing else matches), a source file, or an extension.</summary>
    private static (string? Found, bool IsPackage) FindIn(string name, IReadOnlyList<string> path)
    {
        if (name.Length == 0)
        {
            return (null, false);
        }
        string? namespaceDir = null;
        foreach (var entry in path)
        {
            var dir = entry.Length == 0 ? Environment.CurrentDirectory : entry;
            var candidate = Path.Combine(dir, name);
            if (Directory.Exists(candidate))
            {
                if (File.Exists(Path.Combine(candidate, "__init__.py")))
                {
                    return (candidate, true);
                }
                namespaceDir ??= candidate;
            }
            if (File.Exists(candidate + ".py"))
            {
                return (candidate + ".py", false);
            }
            foreach (var suffix in ExtensionSuffixes)
            {
                if (File.Exists(candidate + suffix))
                {
                    return (candidate + suffix, false);
                }
            }
        }
        return namespaceDir is null ? (null, false) : (namespaceDir, true);
    }
}
