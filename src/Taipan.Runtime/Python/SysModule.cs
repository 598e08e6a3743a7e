// Python/sysmodule.c
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>
/// The <c>sys</c> module. Its values come from the <see cref="RunConfig"/> the command line
/// passes to <see cref="Configure"/>; <c>sys.modules</c> is the import system's table
/// (<see cref="Import.Modules"/>). The standard streams are <see cref="PyStdPrinter"/>s until
/// <c>_io</c> exists: everything that writes to them looks the stream up on the module, so
/// replacing them later (or from Python code) needs no change here.
/// </summary>
[PyModule("sys", Doc = "This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter.")]
public static partial class SysModule
{
    private const string VersionText = "3.11.2";
    private const long HexVersion = 0x030B02F0;

    private static RunConfig s_config = new();
    private static PyModule? s_module;
    private static PyStdPrinter? s_stdout;

    private static readonly PyStructSequenceType s_flagsType = new("sys", "flags",
    [
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
        "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated",
        "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits",
    ]);

    private static readonly PyStructSequenceType s_threadInfoType = new("sys", "thread_info", ["name", "lock", "version"]);

    private static readonly PyStructSequenceType s_versionInfoType = new("sys", "version_info", ["major", "minor", "micro", "releaselevel", "serial"]);

    private static readonly PyStructSequenceType s_floatInfoType = new("sys", "float_info",
        ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"]);

    private static readonly PyStructSequenceType s_intInfoType = new("sys", "int_info",
        ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"]);

    private static readonly PyStructSequenceType s_hashInfoType = new("sys", "hash_info",
        ["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"]);

    /// <summary>The <c>sys</c> module of this process (created on first use).</summary>
    public static PyModule Module => s_module ??= CreateModule();

    /// <summary>True once <c>sys</c> exists.</summary>
    public static bool IsInitialized => s_module is not null;

    /// <summary>Sets up <c>sys</c> for a run: a fresh module with the configuration's values,
    /// registered in <c>sys.modules</c> with <c>builtins</c>.</summary>
    /// <summary>The -O level the interpreter runs with (<c>sys.flags.optimize</c>).</summary>
    public static int Optimize => s_config.Optimize;

    public static void Configure(RunConfig config)
    {
        s_config = config;
        s_module = null;
        var sys = Module;
        PyInt.IntMaxStrDigits = config.IntMaxStrDigits >= 0 ? config.IntMaxStrDigits : 4300;
        Import.Modules.SetItem(PyStr.Intern("sys"), sys);
        Import.Modules.SetItem(PyStr.Intern("builtins"), Builtins.Module);
    }

    /// <summary>The version_info value 3.11.2 final.</summary>
    private static PyStructSequence VersionInfo() =>
        s_versionInfoType.Create(PyInt.From(3), PyInt.From(11), PyInt.From(2), PyStr.Intern("final"), PyInt.From(0));

    static partial void Initialize(PyModule module)
    {
        var c = s_config;
        var stdin = new PyStdPrinter(0, "<stdin>", null, c.Stdin);
        s_stdout = new PyStdPrinter(1, "<stdout>", c.Stdout, null);
        var stderr = new PyStdPrinter(2, "<stderr>", c.Stderr, null);
        module.AddBuiltin("stdin", stdin);
        module.AddBuiltin("stdout", s_stdout);
        module.AddBuiltin("stderr", stderr);
        module.AddBuiltin("__stdin__", stdin);
        module.AddBuiltin("__stdout__", s_stdout);
        module.AddBuiltin("__stderr__", stderr);

        module.AddBuiltin("argv", StrList(c.Argv));
        module.AddBuiltin("orig_argv", StrList(c.OrigArgv));
        module.AddBuiltin("executable", new PyStr(c.Executable));
        module.AddBuiltin("_base_executable", new PyStr(c.Executable));
        module.AddBuiltin("path", StrList(c.Path));
        module.AddBuiltin("modules", Import.Modules);
        module.AddBuiltin("meta_path", new PyList());
        module.AddBuiltin("path_hooks", new PyList());
        module.AddBuiltin("path_importer_cache", new PyDict());
        module.AddBuiltin("warnoptions", StrList(c.WarnOptions));
        var xoptions = new PyDict();
        foreach (var (k, v) in c.XOptions)
        {
            xoptions.SetItem(new PyStr(k), v is null ? PyBool.True : new PyStr(v));
        }
        module.AddBuiltin("_xoptions", xoptions);
        module.AddBuiltin("dont_write_bytecode", PyBool.From(c.DontWriteBytecode));
        module.AddBuiltin("pycache_prefix", c.PycachePrefix is null ? PyNone.Value : new PyStr(c.PycachePrefix));

        var flags = new PyObject[c.Flags.Count == 0 ? 18 : c.Flags.Count];
        for (var i = 0; i < flags.Length; i++)
        {
            flags[i] = i < c.Flags.Count
                ? c.Flags[i].Value switch
                {
                    bool b => PyBool.From(b),
                    int n => PyInt.From(n),
                    var o => new PyStr(o.ToString() ?? ""),
                }
                // Without a command line: python3.11's defaults (dev_mode and safe_path are bools).
                : i is 13 or 16 ? PyBool.False : PyInt.From(i == 11 ? 1 : i == 17 ? -1 : 0);
        }
        module.AddBuiltin("flags", s_flagsType.Create(flags));

        var versionInfo = VersionInfo();
        module.AddBuiltin("version", new PyStr($"{VersionText} (main, Jan  1 2026, 00:00:00) [Taipan on .NET {Environment.Version}]"));
        module.AddBuiltin("version_info", versionInfo);
        module.AddBuiltin("hexversion", PyInt.From(HexVersion));
        module.AddBuiltin("api_version", PyInt.From(1013));
        var implementation = new PySimpleNamespace();
        implementation.Dict.SetItem(PyStr.Intern("name"), PyStr.Intern("taipan"));
        implementation.Dict.SetItem(PyStr.Intern("cache_tag"), PyStr.Intern("taipan-311"));
        implementation.Dict.SetItem(PyStr.Intern("version"), versionInfo);
        implementation.Dict.SetItem(PyStr.Intern("hexversion"), PyInt.From(HexVersion));
        implementation.Dict.SetItem(PyStr.Intern("_multiarch"), PyStr.Intern("x86_64-linux-gnu"));
        module.AddBuiltin("implementation", implementation);
        module.AddBuiltin("platform", PyStr.Intern("linux"));
        module.AddBuiltin("byteorder", PyStr.Intern(BitConverter.IsLittleEndian ? "little" : "big"));
        module.AddBuiltin("maxsize", PyInt.From(long.MaxValue));
        module.AddBuiltin("maxunicode", PyInt.From(0x10FFFF));
        module.AddBuiltin("float_repr_style", PyStr.Intern("short"));
        module.AddBuiltin("abiflags", PyStr.Empty);
        module.AddBuiltin("copyright", new PyStr("Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved."));
        module.AddBuiltin("float_info", s_floatInfoType.Create(
            new PyFloat(double.MaxValue), PyInt.From(1024), PyInt.From(308), new PyFloat(2.2250738585072014e-308),
            PyInt.From(-1021), PyInt.From(-307), PyInt.From(15), PyInt.From(53), new PyFloat(2.220446049250313e-16),
            PyInt.From(2), PyInt.From(1)));
        module.AddBuiltin("int_info", s_intInfoType.Create(PyInt.From(30), PyInt.From(4), PyInt.From(4300), PyInt.From(640)));
        module.AddBuiltin("hash_info", s_hashInfoType.Create(
            PyInt.From(64), PyInt.From((1L << 61) - 1), PyInt.From(314159), PyInt.From(0), PyInt.From(1000003),
            PyStr.Intern("siphash13"), PyInt.From(64), PyInt.From(128), PyInt.From(0)));
        module.AddBuiltin("thread_info", s_threadInfoType.Create(PyStr.Intern("pthread"), PyStr.Intern("semaphore"), PyNone.Value));
        module.AddBuiltin("builtin_module_names", new PyTuple(Array.ConvertAll(Inittab.Names, n => (PyObject)new PyStr(n))));
        module.AddBuiltin("prefix", PyStr.Intern(RunConfig.Prefix));
        module.AddBuiltin("base_prefix", PyStr.Intern(RunConfig.Prefix));
        module.AddBuiltin("exec_prefix", PyStr.Intern(RunConfig.Prefix));
        module.AddBuiltin("base_exec_prefix", PyStr.Intern(RunConfig.Prefix));
        module.AddBuiltin("platlibdir", PyStr.Intern("lib"));
        module.AddBuiltin("__displayhook__", module.Dict[PyStr.Intern("displayhook")]!);
        module.AddBuiltin("__excepthook__", module.Dict[PyStr.Intern("excepthook")]!);
        module.AddBuiltin("__breakpointhook__", module.Dict[PyStr.Intern("breakpointhook")]!);
    }

    private static PyList StrList(IReadOnlyList<string> items)
    {
        var list = new PyList();
        foreach (var s in items)
        {
            list.Append(new PyStr(s));
        }
        return list;
    }

    /// <summary>An attribute of <c>sys</c>, or null.</summary>
    public static PyObject? Get(string name) =>
        Module.Dict.TryGetValue(PyStr.Intern(name), out var v) ? v : null;

    /// <summary>Writes to <c>sys.stdout</c> / <c>sys.stderr</c> (PySys_WriteStdout): directly to
    /// the process stream when it is the initial one, else through the object's <c>write</c>.</summary>
    public static void Write(string streamName, string text)
    {
        var stream = Get(streamName);
        if (stream is PyStdPrinter { Writer: { } writer })
        {
            writer.Write(text);
        }
        else if (stream is not null and not PyNone)
        {
            Ops.CallMethod(stream, "write", new PyStr(text));
        }
    }

    /// <summary>Flushes <c>sys.stdout</c> and <c>sys.stderr</c>, ignoring errors, as
    /// <c>flush_std_files</c> does at exit.</summary>
    public static void FlushStdFiles()
    {
        foreach (var name in (ReadOnlySpan<string>)["stdout", "stderr"])
        {
            try
            {
                if (Get(name) is { } stream and not PyNone)
                {
                    if (stream is PyStdPrinter p)
                    {
                        p.Writer?.Flush();
                    }
                    else
                    {
                        Ops.CallMethod(stream, "flush");
                    }
                }
            }
            catch (PyException)
            {
                // Exit goes on: CPython reports nothing for a failing flush of a replaced stream here.
            }
        }
    }

    /// <summary>The initial <c>sys.stdout</c>, which <c>print</c> writes to without a call.</summary>
    public static PyStdPrinter? InitialStdout => s_stdout;

    [PyMethod]
    public static void Exit(PyObject? status = null)
    {
        // PyErr_SetObject(PyExc_SystemExit, status): a tuple becomes the args.
        var args = status switch
        {
            null or PyNone => PyTuple.Empty,
            PyTuple t when t.GetType() == typeof(PyTuple) => t,
            _ => PyTuple.Create(status),
        };
        throw new PyException(new PyBaseException(PyExc.SystemExit, args));
    }

    [PyMethod]
    public static long GetRecursionLimit() => ThreadState.RecursionLimit;

    [PyMethod]
    public static void SetRecursionLimit(int limit)
    {
        if (limit < 1)
        {
            throw PyErr.ValueError("recursion limit must be greater or equal than 1");
        }
        var depth = ThreadState.Current.RecursionDepth;
        if (depth >= limit)
        {
            throw PyErr.New(PyExc.RecursionError, $"cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low");
        }
        ThreadState.RecursionLimit = limit;
    }

    [PyMethod]
    public static PyStr Intern(PyObject @string)
    {
        if (@string.GetType() != typeof(PyStr))
        {
            throw PyErr.TypeError($"intern() argument must be str, not {@string.Type.Name}");
        }
        return PyStr.Intern(((PyStr)@string).Value);
    }

    [PyMethod("exc_info")]
    public static PyTuple ExcInfo()
    {
        var e = ThreadState.Current.HandledException;
        return e is null
            ? PyTuple.Create(PyNone.Value, PyNone.Value, PyNone.Value)
            : PyTuple.Create(e.Type, e, e.Traceback ?? PyNone.Value);
    }

    [PyMethod]
    public static PyObject Exception() => (PyObject?)ThreadState.Current.HandledException ?? PyNone.Value;

    /// <summary><c>sys._getframe(depth=0)</c>: the frame of the caller, or one further out.</summary>
    [PyMethod("_getframe")]
    public static PyFrameObject GetFrame(int depth = 0)
    {
        var frame = ThreadState.Current.Frame;
        for (; frame is not null && depth > 0; depth--)
        {
            frame = frame.Previous;
        }
        return frame is null
            ? throw PyErr.ValueError("call stack is not deep enough")
            : PyFrameObject.Of(frame);
    }

    private static readonly List<PyObject> s_auditHooks = [];
    /// <summary><c>sys.audit(event, *args)</c>: calls the audit hooks with the event and the
    /// arguments as a tuple; a hook's exception propagates (it vetoes the action).</summary>
    [PyMethod]
    public static void Audit(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("audit", kwnames);
        if (args.Length == 0)
        {
            throw PyErr.TypeError("audit() missing 1 required positional argument: 'event'");
        }
        if (args[0] is not PyStr)
        {
            throw PyErr.TypeError($"expected str for argument 'event', not {args[0].Type.Name}");
        }
        RunAuditHooks(args[0], new PyTuple(args[1..].ToArray()));
    }

    private static void RunAuditHooks(PyObject @event, PyTuple args)
    {
        PyObject[] hooks;
        lock (s_auditHooks)
        {
            hooks = [.. s_auditHooks];
        }
        foreach (var hook in hooks)
        {
            Ops.Call(hook, [@event, args], null);
        }
    }

    /// <summary><c>sys.addaudithook(hook)</c>: the hooks already there see the event
    /// "sys.addaudithook" and may refuse it with an Exception, which is not reported.</summary>
    [PyMethod]
    public static void AddAuditHook(PyObject hook)
    {
        try
        {
            RunAuditHooks(PyStr.Intern("sys.addaudithook"), PyTuple.Empty);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.Exception))
        {
            return;
        }
        lock (s_auditHooks)
        {
            s_auditHooks.Add(hook);
        }
    }

    [PyMethod]
    public static double GetSwitchInterval() => Gil.SwitchInterval;

    [PyMethod]
    public static void SetSwitchInterval(PyObject interval)
    {
        var seconds = interval switch
        {
            PyFloat f => f.Value,
            PyInt i => (double)i.Value,
            _ => throw PyErr.TypeError($"must be real number, not {interval.Type.Name}"),
        };
        if (!(seconds > 0))
        {
            throw PyErr.ValueError("switch interval must be strictly positive");
        }
        Gil.SwitchInterval = seconds;
    }

    [PyMethod]
    public static string GetDefaultEncoding() => "utf-8";

    [PyMethod]
    public static string GetFilesystemEncoding() => "utf-8";

    [PyMethod]
    public static string GetFilesystemEncodeErrors() => "surrogateescape";

    [PyMethod("is_finalizing")]
    public static bool IsFinalizing() => false;

    [PyMethod("get_int_max_str_digits")]
    public static long GetIntMaxStrDigits() => PyInt.IntMaxStrDigits;

    [PyMethod("set_int_max_str_digits", Keywords = true)]
    public static void SetIntMaxStrDigits(int maxdigits)
    {
        if (maxdigits != 0 && maxdigits < 640)
        {
            throw PyErr.ValueError("maxdigits must be 0 or larger than 640");
        }
        PyInt.IntMaxStrDigits = maxdigits;
    }

    /// <summary><c>sys.excepthook</c>: prints the exception and its traceback to sys.stderr.</summary>
    [PyMethod]
    public static void ExceptHook(PyObject exctype, PyObject value, PyObject traceback)
    {
        if (value is not PyBaseException exc)
        {
            Write("stderr", $"TypeError: print_exception(): Exception expected for value, {value.Type.Name} found\n");
            return;
        }
        Write("stderr", Traceback.Format(exc));
    }

    /// <summary><c>sys.displayhook</c>: the interactive echo of an expression's value.</summary>
    [PyMethod]
    public static void DisplayHook(PyObject @object)
    {
        if (@object is PyNone)
        {
            return;
        }
        var builtins = Builtins.Module.Dict;
        builtins.SetItem(PyStr.Intern("_"), PyNone.Value);
        Write("stdout", Ops.Repr(@object).Value + "\n");
        builtins.SetItem(PyStr.Intern("_"), @object);
    }
}
