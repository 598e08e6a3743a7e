// Python/_warnings.c
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>
/// <c>_warnings</c>: the warning machinery the interpreter itself uses (<c>PyErr_WarnEx</c>),
/// which the <c>warnings</c> module builds on. Until <c>warnings</c> is imported the filters,
/// the once-registry and the default action are this module's; afterwards they are read from
/// <c>warnings</c> (which shares the same objects unless Python code replaces them) and a
/// warning is shown through <c>warnings._showwarnmsg</c>.
/// </summary>
[PyModule("_warnings", Doc = "_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up.")]
public static partial class Warnings
{
    private static readonly PyList s_filters = DefaultFilters();
    private static readonly PyDict s_onceRegistry = new();
    private static readonly PyStr s_defaultAction = PyStr.Intern("default");
    private static long s_filtersVersion;

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("filters", s_filters);
        module.AddBuiltin("_defaultaction", s_defaultAction);
        module.AddBuiltin("_onceregistry", s_onceRegistry);
    }

    /// <summary>A new run starts with the default filters and empty registries (the state of
    /// a new interpreter), whatever an earlier run in this process did.</summary>
    internal static void Reset()
    {
        var defaults = DefaultFilters();
        s_filters.Clear();
        foreach (var item in defaults.Items)
        {
            s_filters.Append(item);
        }
        s_onceRegistry.Clear();
        s_filtersVersion = 0;
    }

    /// <summary><c>init_filters</c>: what a release build ignores by default.</summary>
    private static PyList DefaultFilters()
    {
        static PyObject Filter(string action, PyType category, string? module) =>
            PyTuple.Create(PyStr.Intern(action), PyNone.Value, category, module is null ? PyNone.Value : PyStr.Intern(module), PyInt.From(0));
        var list = new PyList();
        list.Append(Filter("default", PyExc.DeprecationWarning, "__main__"));
        list.Append(Filter("ignore", PyExc.DeprecationWarning, null));
        list.Append(Filter("ignore", PyExc.PendingDeprecationWarning, null));
        list.Append(Filter("ignore", PyExc.ImportWarning, null));
        list.Append(Filter("ignore", PyExc.ResourceWarning, null));
        return list;
    }

    /// <summary><c>warn(message, category=None, stacklevel=1, source=None)</c>.</summary>
    [PyMethod("warn", Keywords = true)]
    public static void WarnMethod(PyObject message, PyObject? category = null, long stacklevel = 1, PyObject? source = null)
    {
        var cat = GetCategory(message, category);
        DoWarn(message, cat, stacklevel, source is PyNone ? null : source);
    }

    /// <summary><c>warn_explicit(message, category, filename, lineno, module=None,
    /// registry=None, module_globals=None, source=None)</c>.</summary>
    [PyMethod("warn_explicit", Keywords = true)]
    public static void WarnExplicitMethod(PyObject message, PyObject category, PyStr filename, int lineno,
        PyObject? module = null, PyObject? registry = null, PyObject? module_globals = null, PyObject? source = null)
    {
        string? sourceLine = null;
        if (module_globals is not null and not PyNone)
        {
            if (module_globals is not PyDict globals)
            {
                throw PyErr.TypeError($"module_globals must be a dict, not '{module_globals.Type.Name}'");
            }
            sourceLine = SourceLineFromLoader(globals, lineno);
        }
        WarnExplicit(category, message, filename, lineno, module, registry, sourceLine, source is PyNone ? null : source);
    }

    /// <summary><c>_filters_mutated()</c>: the registries' entries are stale from now on.</summary>
    [PyMethod("_filters_mutated")]
    public static void FiltersMutated() => s_filtersVersion++;

    /// <summary><c>PyErr_WarnEx</c>: a warning raised by the interpreter or a builtin; with the
    /// action "error" the warning is thrown.</summary>
    public static void Warn(PyType category, string message, int stackLevel = 1) =>
        DoWarn(new PyStr(message), category, stackLevel, null);

    /// <summary><c>PyErr_WarnExplicit</c>: a warning about a given file and line (the compiler's).</summary>
    public static void WarnExplicit(PyType category, string message, string filename, int lineno, string? module = null) =>
        WarnExplicit(category, new PyStr(message), new PyStr(filename), lineno, module is null ? null : new PyStr(module), null, null, null);

    /// <summary>Compiles source, then issues the warnings the parser and compiler reported
    /// (invalid escape sequences, <c>is</c> with a literal, ...), also when compiling fails.</summary>
    public static Bytecode.CodeObject CompileSource(Taipan.Syntax.Tokenizer.SourceText source, Taipan.Syntax.Parser.ParseMode mode = Taipan.Syntax.Parser.ParseMode.Exec,
        global::Taipan.Compiler.Future.CompilerFlags flags = global::Taipan.Compiler.Future.CompilerFlags.None, int optimize = 0)
    {
        var warnings = new List<Taipan.Syntax.Parser.ParserWarning>();
        try
        {
            return Compiler.CodeGen.Compiler.CompileSource(source, mode, flags, optimize, warnings);
        }
        finally
        {
            IssueCompilerWarnings(warnings);
        }
    }

    /// <summary>Issues the warnings the parser or compiler collected, in order.</summary>
    public static void IssueCompilerWarnings(List<Taipan.Syntax.Parser.ParserWarning> warnings)
    {
        foreach (var w in warnings)
        {
            var category = PyExc.All.FirstOrDefault(t => t.Name == w.Category) ?? PyExc.SyntaxWarning;
            try
            {
                WarnExplicit(category, w.Message, w.Filename, w.Lineno);
            }
            catch (PyException e) when (e.Value.Type.IsSubtypeOf(category))
            {
                // A warning turned into an error is reported as a SyntaxError, as the
                // compiler does (the column is not known here).
                var line = Traceback.SourceLine(w.Filename, w.Lineno);
                throw new Taipan.Syntax.Errors.PythonSyntaxError("SyntaxError", w.Message, w.Filename, w.Lineno, 0, null, null, line is null ? null : line + "\n");
            }
        }
    }

    private static PyType GetCategory(PyObject message, PyObject? category)
    {
        if (Ops.IsInstance(message, PyExc.Warning))
        {
            return message.Type;
        }
        if (category is null or PyNone)
        {
            return PyExc.UserWarning;
        }
        if (category is not PyType t || !t.IsSubtypeOf(PyExc.Warning))
        {
            throw PyErr.TypeError($"category must be a Warning subclass, not '{category.Type.Name}'");
        }
        return t;
    }

    private static void DoWarn(PyObject message, PyType category, long stackLevel, PyObject? source)
    {
        SetupContext(stackLevel, out var filename, out var lineno, out var module, out var registry);
        WarnExplicit(category, message, filename, lineno, module, registry, null, source);
    }

    /// <summary><c>setup_context</c>: the file, line, module name and
    /// <c>__warningregistry__</c> of the frame <paramref name="stackLevel"/> levels out, skipping
    /// the import machinery's frames when counting.</summary>
    private static void SetupContext(long stackLevel, out PyStr filename, out int lineno, out PyObject module, out PyDict registry)
    {
        var f = ThreadState.Current.Frame;
        if (stackLevel <= 0 || (f is not null && IsInternalFrame(f)))
        {
            while (--stackLevel > 0 && f is not null)
            {
                f = f.Previous;
            }
        }
        else
        {
            while (--stackLevel > 0 && f is not null)
            {
                f = NextExternalFrame(f);
            }
        }
        PyDict globals;
        if (f is null)
        {
            globals = SysModule.Module.Dict;
            filename = PyStr.Intern("sys");
            lineno = 1;
        }
        else
        {
            globals = f.Globals;
            filename = new PyStr(f.Code.Code.Filename);
            lineno = f.LineNumber;
        }
        var registryKey = PyStr.Intern("__warningregistry__");
        if (globals.TryGetValue(registryKey, out var r) && r is PyDict existing)
        {
            registry = existing;
        }
        else
        {
            registry = new PyDict();
            globals.SetItem(registryKey, registry);
        }
        module = globals.TryGetValue(PyStr.Intern("__name__"), out var name) && name is PyStr or PyNone ? name : new PyStr("<string>");
    }

    private static bool IsInternalFrame(Frame f)
    {
        var file = f.Code.Code.Filename;
        return file.Contains("importlib", StringComparison.Ordinal) && file.Contains("_bootstrap", StringComparison.Ordinal);
    }

    private static Frame? NextExternalFrame(Frame f)
    {
        do
        {
            f = f.Previous!;
        }
        while (f is not null && IsInternalFrame(f));
        return f;
    }

    /// <summary><c>warn_explicit</c>: filters the warning, records it in the registries, and
    /// shows it (or raises it, for "error").</summary>
    private static void WarnExplicit(PyObject category, PyObject message, PyObject filename, int lineno,
        PyObject? module, PyObject? registry, string? sourceLine, PyObject? source)
    {
        if (registry is not null and not PyNone and not PyDict)
        {
            throw PyErr.TypeError("'registry' must be a dict or None");
        }
        if (module is null)
        {
            module = NormalizeModule(filename);
        }
        PyObject text;
        if (Ops.IsInstance(message, PyExc.Warning))
        {
            text = Ops.Str(message);
            category = message.Type;
        }
        else
        {
            text = message;
            message = Ops.Call(category, [message], null);
        }
        var linenoObject = PyInt.From(lineno);
        var key = PyTuple.Create(text, category, linenoObject);
        var registryDict = registry as PyDict;
        if (registryDict is not null && AlreadyWarned(registryDict, key, shouldSet: false))
        {
            return;
        }
        var action = GetFilter(category, text, lineno, module, out var item);
        if (action == "error")
        {
            throw new PyException(message as PyBaseException ?? throw PyErr.TypeError("exceptions must derive from BaseException"));
        }
        if (action == "ignore")
        {
            return;
        }
        var seen = false;
        if (action != "always")
        {
            registryDict?.SetItem(key, PyBool.True);
            switch (action)
            {
                case "once":
                    seen = AlreadyWarned(registryDict ?? OnceRegistry(), PyTuple.Create(text, category), shouldSet: true);
                    break;
                case "module":
                    if (registryDict is not null)
                    {
                        seen = AlreadyWarned(registryDict, PyTuple.Create(text, category, PyInt.From(0)), shouldSet: true);
                    }
                    break;
                case "default":
                    break;
                default:
                    throw PyErr.RuntimeError($"Unrecognized action ('{action}') in warnings.filters:\n {Ops.Repr(item!).Value}");
            }
        }
        if (!seen)
        {
            ShowWarning(category, text, message, filename, lineno, linenoObject, sourceLine, source);
        }
    }

    private static PyObject NormalizeModule(PyObject filename)
    {
        var name = Ops.Str(filename).Value;
        if (name.Length == 0)
        {
            return new PyStr("<unknown>");
        }
        return name.EndsWith(".py", StringComparison.Ordinal) ? new PyStr(name[..^3]) : filename;
    }

    /// <summary><c>already_warned</c>: a registry made under other filters is cleared first.</summary>
    private static bool AlreadyWarned(PyDict registry, PyObject key, bool shouldSet)
    {
        var versionKey = PyStr.Intern("version");
        if (!registry.TryGetValue(versionKey, out var version) || version is not PyInt { IsSmall: true } v || v.Small != s_filtersVersion)
        {
            registry.Clear();
            registry.SetItem(versionKey, PyInt.From(s_filtersVersion));
        }
        else if (registry.TryGetValue(key, out var already) && Ops.IsTrue(already))
        {
            return true;
        }
        if (shouldSet)
        {
            registry.SetItem(key, PyBool.True);
        }
        return false;
    }

    /// <summary><c>get_warnings_attr</c>: an attribute of the <c>warnings</c> module once it
    /// is imported (or importing it first), else null.</summary>
    private static PyObject? WarningsAttr(string name, bool tryImport)
    {
        PyObject? warnings;
        if (tryImport)
        {
            try
            {
                warnings = Import.ImportModuleLevel(PyStr.Intern("warnings"), null, null, 0);
            }
            catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.ImportError))
            {
                return null;
            }
        }
        else if (!Import.Modules.TryGetValue(PyStr.Intern("warnings"), out warnings))
        {
            return null;
        }
        return Ops.TryGetAttr(warnings, PyStr.Intern(name));
    }

    private static PyDict OnceRegistry()
    {
        var registry = WarningsAttr("_onceregistry", false);
        if (registry is null)
        {
            return s_onceRegistry;
        }
        return registry as PyDict ?? throw PyErr.TypeError($"warnings._onceregistry must be a dict, not '{registry.Type.Name}'");
    }

    private static string DefaultAction()
    {
        var action = WarningsAttr("_defaultaction", false);
        if (action is null)
        {
            return s_defaultAction.Value;
        }
        return action is PyStr s ? s.Value : throw PyErr.TypeError($"_warnings.defaultaction must be a string, not '{action.Type.Name}'");
    }

    /// <summary><c>get_filter</c>: the action of the first filter that matches the warning.</summary>
    private static string GetFilter(PyObject category, PyObject text, int lineno, PyObject module, out PyObject? item)
    {
        var filtersObject = WarningsAttr("filters", false);
        PyList filters;
        if (filtersObject is not null)
        {
            filters = filtersObject as PyList ?? throw PyErr.TypeError("warnings.filters must be a list");
        }
        else
        {
            filters = s_filters;
        }
        // The list may change while a filter's regular expression runs: index it afresh.
        for (var i = 0; i < filters.Count; i++)
        {
            var entry = filters.Items[i];
            item = entry;
            if (entry is not PyTuple { Count: 5 } tuple)
            {
                throw PyErr.ValueError($"_warnings.filters item {i} isn't a 5-tuple");
            }
            var action = tuple[0];
            if (action is not PyStr actionText)
            {
                throw PyErr.TypeError($"action must be a string, not '{action.Type.Name}'");
            }
            var goodMessage = Matches(tuple[1], text);
            var goodModule = Matches(tuple[3], module);
            var isSubclass = Builtins.IsSubclass(category, tuple[2]);
            var ln = Ops.Index(tuple[4]);
            if (goodMessage && isSubclass && goodModule && (!ln.Bool() || (ln.IsSmall && ln.Small == lineno)))
            {
                return actionText.Value;
            }
        }
        item = null;
        return DefaultAction();
    }

    /// <summary><c>check_matched</c>: None matches anything, a plain str only itself, anything
    /// else is a compiled pattern whose <c>match</c> decides.</summary>
    private static bool Matches(PyObject filter, PyObject value)
    {
        if (filter is PyNone)
        {
            return true;
        }
        if (filter.GetType() == typeof(PyStr))
        {
            return value is PyStr s && s.Value == ((PyStr)filter).Value;
        }
        return Ops.IsTrue(Ops.CallMethod(filter, "match", value));
    }

    /// <summary><c>call_show_warning</c>: through <c>warnings._showwarnmsg</c> once the module
    /// is imported, else written to <c>sys.stderr</c> here.</summary>
    private static void ShowWarning(PyObject category, PyObject text, PyObject message, PyObject filename, int lineno,
        PyObject linenoObject, string? sourceLine, PyObject? source)
    {
        var show = WarningsAttr("_showwarnmsg", source is not null);
        if (show is null)
        {
            WriteWarning(category, text, filename, lineno, sourceLine);
            return;
        }
        if (show.Type.Slots.Call is null)
        {
            throw PyErr.TypeError("warnings._showwarnmsg() must be set to a callable");
        }
        var messageClass = WarningsAttr("WarningMessage", false) ?? throw PyErr.RuntimeError("unable to get warnings.WarningMessage");
        var msg = Ops.Call(messageClass, [message, category, filename, linenoObject, PyNone.Value, PyNone.Value, source ?? PyNone.Value], null);
        Ops.Call(show, [msg], null);
    }

    /// <summary><c>show_warning</c>: <c>file:line: Category: text</c> and the source line.</summary>
    private static void WriteWarning(PyObject category, PyObject text, PyObject filename, int lineno, string? sourceLine)
    {
        var name = Ops.GetAttr(category, PyStr.Intern("__name__"));
        if (SysModule.Get("stderr") is null or PyNone)
        {
            Console.Error.Write("lost sys.stderr\n");
            return;
        }
        var file = Ops.Str(filename).Value;
        var sb = new System.Text.StringBuilder();
        sb.Append(file).Append(':').Append(lineno).Append(": ").Append(Ops.Str(name).Value).Append(": ").Append(Ops.Str(text).Value).Append('\n');
        sourceLine ??= Traceback.SourceLine(file, lineno);
        if (sourceLine is not null)
        {
            sb.Append("  ").Append(sourceLine.TrimStart(' ', '\t', '\f')).Append('\n');
        }
        SysModule.Write("stderr", sb.ToString());
    }

    /// <summary><c>get_source_line</c>: the line from the module's loader's
    /// <c>get_source</c>, for <c>warn_explicit(module_globals=...)</c>.</summary>
    private static string? SourceLineFromLoader(PyDict globals, int lineno)
    {
        if (!globals.TryGetValue(PyStr.Intern("__loader__"), out var loader) || loader is PyNone)
        {
            return null;
        }
        if (!globals.TryGetValue(PyStr.Intern("__name__"), out var moduleName))
        {
            return null;
        }
        var source = Ops.CallMethod(loader, "get_source", moduleName);
        if (source is PyNone)
        {
            return null;
        }
        var lines = Ops.Str(source).Value.Split('\n');
        return lineno >= 1 && lineno <= lines.Length ? lines[lineno - 1].TrimEnd('\r') : null;
    }
}
