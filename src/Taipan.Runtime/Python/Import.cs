// Python/import.c, Lib/importlib/_bootstrap.py (the import statement's machinery)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Runtime.Python;

/// <summary>
/// <c>import</c>: <c>__import__</c>'s resolution of relative names and fromlists
/// (PyImport_ImportModuleLevelObject), <c>sys.modules</c>, and the finders and loaders of builtin
/// modules (the inittab) and of source modules and packages on <c>sys.path</c>. Modules are
/// compiled from source each time; the bytecode cache and the importlib API come later and will
/// grow the finder (<see cref="FindSpec"/>) and loader (<see cref="Load"/>) here.
/// </summary>
public static class Import
{
    /// <summary><c>sys.modules</c>.</summary>
    public static PyDict Modules { get; } = new();

    /// <summary>Modules whose code is running (spec._initializing), for the circular-import
    /// message of <c>from m import x</c>.</summary>
    private static readonly HashSet<string> s_initializing = new(StringComparer.Ordinal);

    /// <summary>True while the module's code runs (<c>_PyModuleSpec_IsInitializing</c>).</summary>
    internal static bool IsInitializing(string name) => s_initializing.Contains(name);

    /// <summary>How a module was found.</summary>
    public enum SpecKind
    {
        Builtin,
        Source,
        Namespace,
    }

    /// <summary>A found module (ModuleSpec): its origin file (null for builtin and namespace
    /// modules) and, for packages, the directories of <c>__path__</c>.</summary>
    public sealed record ModuleSpec(string Name, SpecKind Kind, string? Origin, IReadOnlyList<string>? SearchLocations)
    {
        public bool IsPackage => SearchLocations is not null;

        public string Parent => IsPackage ? Name : Name[..Math.Max(0, Name.LastIndexOf('.'))];
    }

    /// <summary><c>PyImport_ImportModuleLevelObject</c>: what <c>import name</c> and
    /// <c>from name import fromlist</c> evaluate to.</summary>
    public static PyObject ImportModuleLevel(PyStr name, PyDict? globals, PyObject? fromlist, int level)
    {
        if (level < 0)
        {
            throw PyErr.ValueError("level must be >= 0");
        }
        string absName;
        if (level > 0)
        {
            absName = ResolveName(name.Value, globals, level);
        }
        else
        {
            if (name.Value.Length == 0)
            {
                throw PyErr.ValueError("Empty module name");
            }
            absName = name.Value;
        }
        var module = GetOrLoad(absName);
        var hasFromList = fromlist is not null and not PyNone && Ops.IsTrue(fromlist);
        if (!hasFromList)
        {
            var dot = name.Value.IndexOf('.');
            if (name.Value.Length == 0 || dot < 0)
            {
                return module;
            }
            if (level == 0)
            {
                return GetOrLoad(name.Value[..dot]);
            }
            // The resolved name without what follows the first component of name.
            var front = absName[..(absName.Length - (name.Value.Length - dot))];
            return Modules.TryGetValue(new PyStr(front), out var m)
                ? m
                : throw PyErr.New(PyExc.KeyError, $"'{front}' not in sys.modules as expected");
        }
        if (Ops.TryGetAttr(module, PyStr.Intern("__path__")) is not null)
        {
            HandleFromList(module, fromlist!, absName, recursive: false);
        }
        return module;
    }

    /// <summary>importlib's <c>_calc___package__</c> and <c>_resolve_name</c>.</summary>
    private static string ResolveName(string name, PyDict? globals, int level)
    {
        if (globals is null)
        {
            throw PyErr.New(PyExc.KeyError, "'__name__' not in globals");
        }
        string? package = null;
        if (globals.TryGetValue(PyStr.Intern("__package__"), out var pkg) && pkg is not PyNone)
        {
            package = pkg as PyStr is { } s ? s.Value : throw PyErr.TypeError("package must be a string");
        }
        else if (globals.TryGetValue(PyStr.Intern("__spec__"), out var spec) && spec is not PyNone
            && Ops.TryGetAttr(spec, PyStr.Intern("parent")) is PyStr parent)
        {
            package = parent.Value;
        }
        else
        {
            if (!globals.TryGetValue(PyStr.Intern("__name__"), out var modName))
            {
                throw PyErr.New(PyExc.KeyError, "'__name__' not in globals");
            }
            var n = modName as PyStr ?? throw PyErr.TypeError("__name__ must be a string");
            package = globals.ContainsKey(PyStr.Intern("__path__"))
                ? n.Value
                : n.Value[..Math.Max(0, n.Value.LastIndexOf('.'))];
        }
        if (package.Length == 0)
        {
            throw PyErr.New(PyExc.ImportError, "attempted relative import with no known parent package");
        }
        // _resolve_name: drop level - 1 trailing components of the package.
        var bits = package.Split('.');
        if (bits.Length < level)
        {
            throw PyErr.New(PyExc.ImportError, "attempted relative import beyond top-level package");
        }
        var baseName = string.Join('.', bits, 0, bits.Length - (level - 1));
        return name.Length > 0 ? baseName + "." + name : baseName;
    }

    /// <summary>The module <paramref name="absName"/> from <c>sys.modules</c>, or found and
    /// loaded (<c>_find_and_load</c>).</summary>
    public static PyObject GetOrLoad(string absName)
    {
        if (Modules.TryGetValue(new PyStr(absName), out var existing))
        {
            if (existing is PyNone)
            {
                throw ModuleNotFound($"import of {absName} halted; None in sys.modules", absName);
            }
            return existing;
        }
        return FindAndLoad(absName);
    }

    private static PyObject FindAndLoad(string name)
    {
        IReadOnlyList<string>? path = null;
        PyObject? parentModule = null;
        var dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            var parent = name[..dot];
            parentModule = GetOrLoad(parent);
            // Importing the parent may have imported this module.
            if (Modules.TryGetValue(new PyStr(name), out var already))
            {
                return already;
            }
            var parentPath = Ops.TryGetAttr(parentModule, PyStr.Intern("__path__"))
                ?? throw ModuleNotFound($"No module named '{name}'; '{parent}' is not a package", name);
            path = StringEntries(parentPath);
        }
        var spec = FindSpec(name, path) ?? throw ModuleNotFound($"No module named '{name}'", name);
        var module = Load(spec);
        if (parentModule is not null)
        {
            Ops.SetAttr(parentModule, new PyStr(name[(dot + 1)..]), module);
        }
        return module;
    }

    private static List<string> StringEntries(PyObject path)
    {
        var entries = new List<string>();
        foreach (var entry in Ops.Iterate(path))
        {
            if (entry is PyStr s)
            {
                entries.Add(s.Value);
            }
        }
        return entries;
    }

    /// <summary>The meta path: builtin modules (top level only), then the path finder over
    /// <paramref name="path"/> (<c>sys.path</c> when null).</summary>
    public static ModuleSpec? FindSpec(string name, IReadOnlyList<string>? path)
    {
        if (path is null && Inittab.Find(name) is not null)
        {
            return new ModuleSpec(name, SpecKind.Builtin, null, null);
        }
        path ??= SysModule.Get("path") is { } sysPath ? StringEntries(sysPath) : [];
        var tail = name[(name.LastIndexOf('.') + 1)..];
        if (tail.Length == 0)
        {
            return null;
        }
        List<string>? namespaceDirs = null;
        foreach (var entry in path)
        {
            var dir = entry.Length == 0 ? Environment.CurrentDirectory : entry;
            if (!Directory.Exists(dir))
            {
                continue;
            }
            // FileFinder: a package directory wins over a module of the same name; paths are
            // made absolute ('' is the current directory).
            var candidate = Path.Combine(dir, tail);
            var isDir = Directory.Exists(candidate);
            if (isDir)
            {
                var init = Path.Combine(candidate, "__init__.py");
                if (File.Exists(init))
                {
                    return new ModuleSpec(name, SpecKind.Source, Path.GetFullPath(init), [Path.GetFullPath(candidate)]);
                }
            }
            if (File.Exists(candidate + ".py"))
            {
                return new ModuleSpec(name, SpecKind.Source, Path.GetFullPath(candidate + ".py"), null);
            }
            if (isDir)
            {
                (namespaceDirs ??= []).Add(Path.GetFullPath(candidate));
            }
        }
        return namespaceDirs is null ? null : new ModuleSpec(name, SpecKind.Namespace, null, namespaceDirs);
    }

    /// <summary>Creates and executes the module of <paramref name="spec"/>, registered in
    /// <c>sys.modules</c> while it runs and removed again if it fails.</summary>
    public static PyObject Load(ModuleSpec spec) => Load(spec, spec.Name);

    /// <summary>Loads <paramref name="spec"/> under <paramref name="moduleName"/> (runpy runs a
    /// module found as <c>pkg.mod</c> as <c>__main__</c>).</summary>
    public static PyObject Load(ModuleSpec spec, string moduleName)
    {
        var key = new PyStr(moduleName);
        if (spec.Kind == SpecKind.Builtin)
        {
            var builtin = Inittab.Find(spec.Name)!();
            Modules.SetItem(key, builtin);
            return builtin;
        }
        var module = new PyModule(moduleName);
        var dict = module.Dict;
        dict.SetItem(PyStr.Intern("__package__"), new PyStr(spec.Parent));
        if (spec.SearchLocations is { } locations)
        {
            var list = new PyList();
            foreach (var l in locations)
            {
                list.Append(new PyStr(l));
            }
            dict.SetItem(PyStr.Intern("__path__"), list);
        }
        if (spec.Kind == SpecKind.Namespace)
        {
            Modules.SetItem(key, module);
            return module;
        }
        var origin = spec.Origin!;
        dict.SetItem(PyStr.Intern("__file__"), new PyStr(origin));
        var optimize = SysModule.Get("flags") is PyStructSequence flags && flags.Fields[3] is PyInt o ? (int)o.Small : 0;
        dict.SetItem(PyStr.Intern("__cached__"), new PyStr(Bytecode.Pyc.CacheFromSource(origin, optimize > 0 ? optimize.ToString(System.Globalization.CultureInfo.InvariantCulture) : "", null)));
        dict.SetItem(PyStr.Intern("__builtins__"), Builtins.Module.Dict);
        var code = CompileFile(origin, optimize);
        Modules.SetItem(key, module);
        s_initializing.Add(moduleName);
        try
        {
            Interpreter.RunCode(code, dict, dict);
        }
        catch (PyException)
        {
            Modules.Remove(key);
            throw;
        }
        finally
        {
            s_initializing.Remove(moduleName);
        }
        if (moduleName == "importlib")
        {
            InstallImportlibFinders();
        }
        // A module may replace itself in sys.modules while it runs.
        return Modules.TryGetValue(key, out var final) ? final : throw PyErr.New(PyExc.ImportError, $"Loaded module {moduleName} not found in sys.modules");
    }

    /// <summary>Once importlib has set itself up (<c>_bootstrap._setup</c>), its finders go on
    /// <c>sys.meta_path</c> and <c>sys.path_hooks</c> as CPython's <c>_install</c> and
    /// <c>_install_external_importers</c> put them there at start-up, so
    /// <c>importlib.import_module</c>, <c>find_spec</c> and pkgutil work. Taipan's own import
    /// statement does not consult them; loading importlib at start-up would cost every program
    /// its compilation.</summary>
    private static void InstallImportlibFinders()
    {
        if (SysModule.Get("meta_path") is not PyList { Count: 0 } metaPath
            || !Modules.TryGetValue(PyStr.Intern("importlib._bootstrap"), out var bootstrap)
            || !Modules.TryGetValue(PyStr.Intern("importlib._bootstrap_external"), out var external))
        {
            return;
        }
        metaPath.Append(Ops.GetAttr(bootstrap, PyStr.Intern("BuiltinImporter")));
        metaPath.Append(Ops.GetAttr(bootstrap, PyStr.Intern("FrozenImporter")));
        Ops.CallMethod(external, "_install", bootstrap);
    }

    /// <summary>Reads and compiles a source file, turning read and syntax errors into the
    /// Python exceptions CPython raises.</summary>
    public static PyCode CompileFile(string path, int optimize)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw PyErr.New(PyExc.ImportError, $"could not read '{path}': {e.Message}");
        }
        try
        {
            return new PyCode(Warnings.CompileSource(SourceText.FromFile(bytes, path), optimize: optimize));
        }
        catch (PythonException e)
        {
            throw PyErr.FromCompiler(e);
        }
    }

    /// <summary><c>_handle_fromlist</c>: imports the submodules a fromlist names that the
    /// package does not have as attributes (<c>*</c> stands for its <c>__all__</c>).</summary>
    private static void HandleFromList(PyObject module, PyObject fromlist, string moduleName, bool recursive)
    {
        foreach (var x in Ops.Iterate(fromlist))
        {
            if (x is not PyStr s)
            {
                var where = recursive ? moduleName + ".__all__" : "``from list''";
                throw PyErr.TypeError($"Item in {where} must be str, not {x.Type.Name}");
            }
            if (s.Value == "*")
            {
                if (!recursive && Ops.TryGetAttr(module, PyStr.Intern("__all__")) is { } all)
                {
                    HandleFromList(module, all, moduleName, recursive: true);
                }
                continue;
            }
            if (Ops.TryGetAttr(module, s) is null)
            {
                var sub = moduleName + "." + s.Value;
                try
                {
                    GetOrLoad(sub);
                }
                catch (PyException e) when (e.Value.Type == PyExc.ModuleNotFoundError
                    && ModuleNotFoundName(e.Value) == sub)
                {
                    // Backwards compatibility: a missing submodule is left to the attribute lookup.
                }
            }
        }
    }

    /// <summary>IMPORT_FROM: the attribute, or the submodule registered under
    /// <c>module.name</c>, or CPython's ImportError.</summary>
    public static PyObject ImportFrom(PyObject module, PyStr name)
    {
        if (Ops.TryGetAttr(module, name) is { } value)
        {
            return value;
        }
        var pkgName = Ops.TryGetAttr(module, PyStr.Intern("__name__")) as PyStr;
        if (pkgName is not null && Modules.TryGetValue(new PyStr(pkgName.Value + "." + name.Value), out var sub))
        {
            return sub;
        }
        var pkgText = pkgName?.Value ?? "<unknown module name>";
        var file = Ops.TryGetAttr(module, PyStr.Intern("__file__")) as PyStr;
        if (pkgName is not null && IsInitializing(pkgName.Value))
        {
            throw PyErr.New(PyExc.ImportError, $"cannot import name '{name.Value}' from partially initialized module '{pkgText}' (most likely due to a circular import) ({file?.Value ?? "unknown location"})");
        }
        throw PyErr.New(PyExc.ImportError, $"cannot import name '{name.Value}' from '{pkgText}' ({file?.Value ?? "unknown location"})");
    }

    /// <summary>IMPORT_STAR (import_all_from): the names of <c>__all__</c>, or every public name
    /// of the module's dict.</summary>
    public static void ImportStar(PyDict locals, PyObject module)
    {
        var all = Ops.TryGetAttr(module, PyStr.Intern("__all__"));
        var skipPrivate = false;
        if (all is null)
        {
            var dict = module.InstanceDict ?? Ops.TryGetAttr(module, PyStr.Intern("__dict__"))
                ?? throw PyErr.New(PyExc.ImportError, "from-import-* object has no __dict__ and no __all__");
            skipPrivate = true;
            // Iterate over a snapshot: storing names may change the module's own dict.
            all = new PyList([.. dict is PyDict d ? d.Items().Select(kv => kv.Key) : Ops.Iterate(dict)]);
        }
        foreach (var n in Ops.Iterate(all))
        {
            if (n is not PyStr s)
            {
                var modName = Ops.TryGetAttr(module, PyStr.Intern("__name__")) is PyStr m ? m.Value : "?";
                throw PyErr.TypeError(skipPrivate
                    ? $"Key in {modName}.__dict__ must be str, not {n.Type.Name}"
                    : $"Item in {modName}.__all__ must be str, not {n.Type.Name}");
            }
            if (skipPrivate && s.Value.StartsWith('_'))
            {
                continue;
            }
            locals.SetItem(s, Ops.GetAttr(module, s));
        }
    }

    /// <summary>ModuleNotFoundError(message, name=name), as the import system raises it.</summary>
    private static PyException ModuleNotFound(string message, string name)
    {
        var e = PyBaseException.Create(PyExc.ModuleNotFoundError, message);
        e.Members["msg"] = new PyStr(message);
        e.Members["name"] = new PyStr(name);
        return new PyException(e);
    }

    private static string? ModuleNotFoundName(PyBaseException e) => (e.Member("name") as PyStr)?.Value;
}
