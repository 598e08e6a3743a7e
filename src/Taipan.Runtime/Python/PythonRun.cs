// Python/pythonrun.c
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Runtime.Python;

/// <summary>Running a program as <c>__main__</c> — a script, <c>-c</c>, standard input
/// (<c>PyRun_SimpleFileExFlags</c>) or a module (<c>runpy._run_module_as_main</c>) — and what
/// happens at its end: uncaught exceptions printed (<c>PyErr_Print</c>), SystemExit turned into
/// the exit status (<c>_Py_HandleSystemExit</c>), the <c>atexit</c> functions run and the
/// standard streams flushed.</summary>
public static class PythonRun
{
    /// <summary>The exit status of an uncaught KeyboardInterrupt: CPython kills itself with
    /// SIGINT, which a shell reports as 128 + 2.</summary>
    public const int KeyboardInterruptStatus = 130;

    private static readonly List<Action> s_exitHandlers = [];

    /// <summary>The run ended with an uncaught KeyboardInterrupt: the process should end by
    /// SIGINT (<see cref="Signals.ExitBySigint"/>) once its output is flushed.</summary>
    public static bool UnhandledKeyboardInterrupt { get; private set; }

    /// <summary>Registers a function to run at exit, before the streams are flushed
    /// (<c>_PyAtExit_Call</c>; the atexit module registers its runner here).</summary>
    public static void RegisterExitHandler(Action handler)
    {
        lock (s_exitHandlers)
        {
            s_exitHandlers.Add(handler);
        }
    }

    /// <summary>Sets up <c>sys</c> and <c>builtins</c> for a run.</summary>
    public static void Initialize(RunConfig config)
    {
        Builtins.Stdout = config.Stdout;
        SysModule.Configure(config);
        Gil.InitMainThread();
        Signals.Install();
        Warnings.Reset();
        if (config.WarnOptions.Count > 0)
        {
            // init_interp_main: the warnings module applies -W and PYTHONWARNINGS.
            try
            {
                Import.ImportModuleLevel(PyStr.Intern("warnings"), null, null, 0);
            }
            catch (PyException e)
            {
                SysModule.Write("stderr", "'import warnings' failed; traceback:\n");
                SysModule.Write("stderr", Traceback.Format(e.Value));
            }
        }
    }

    /// <summary>Compiles a program and runs it as <c>__main__</c> (with <c>__file__</c> when it
    /// comes from a file); returns the process exit status.</summary>
    public static int RunMain(RunConfig config, Func<SourceText> read, string? file)
    {
        var compilation = new AheadCompilation(read, config.Optimize);
        Initialize(config);
        try
        {
            PyCode code;
            try
            {
                code = new PyCode(compilation.Result());
            }
            catch (PythonSyntaxError e)
            {
                config.Stderr.Write(Traceback.FormatSyntaxError(e));
                return Finish(1);
            }
            catch (PythonException e)
            {
                config.Stderr.Write(e.Message.Length == 0 ? e.PythonType + "\n" : $"{e.PythonType}: {e.Message}\n");
                return Finish(1);
            }
            var main = MainModule();
            if (file is not null)
            {
                main.AddBuiltin("__file__", new PyStr(file));
            }
            main.AddBuiltin("__cached__", PyNone.Value);
            return Finish(Execute(code, main));
        }
        finally
        {
            config.Stdout.Flush();
            config.Stderr.Flush();
        }
    }

    /// <summary>The program compiled on a thread of its own while <see cref="Initialize"/> sets up
    /// sys, builtins and the standard streams: start-up has nothing else to overlap, and a
    /// machine has cores to spare at start-up.</summary>
    private sealed class AheadCompilation
    {
        /// <summary>As the main thread's: deep nesting must end in a SyntaxError.</summary>
        private const int StackSize = 256 * 1024 * 1024;

        private readonly Thread _thread;
        private readonly List<Taipan.Syntax.Parser.ParserWarning> _warnings = [];
        private Bytecode.CodeObject? _code;
        private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _error;

        public AheadCompilation(Func<SourceText> read, int optimize)
        {
            _thread = new Thread(() =>
            {
                try
                {
                    // Reading can fail too: an unknown encoding, undecodable bytes.
                    _code = Compiler.CodeGen.Compiler.CompileSource(read(), optimize: optimize, warnings: _warnings);
                }
                catch (Exception e)
                {
                    _error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                }
            }, StackSize) { Name = "compiler", IsBackground = true };
            _thread.Start();
        }

        /// <summary>The code, once its warnings are issued; throws what compiling threw.</summary>
        public Bytecode.CodeObject Result()
        {
            _thread.Join();
            Warnings.IssueCompilerWarnings(_warnings);
            _error?.Throw();
            return _code!;
        }
    }

    /// <summary>True when <paramref name="file"/> is to be run as a compiled file
    /// (<c>maybe_pyc_file</c>): its name ends in ".pyc" or it starts with the magic number.</summary>
    public static bool IsPycFile(string file, ReadOnlySpan<byte> data) =>
        file.EndsWith(".pyc", StringComparison.Ordinal) || (data.Length >= 2 && data[..2].SequenceEqual(Bytecode.Pyc.MagicNumber[..2]));

    /// <summary><c>run_pyc_file</c>: runs the code object of a .pyc as <c>__main__</c>.</summary>
    public static int RunPyc(RunConfig config, byte[] data, string file)
    {
        Initialize(config);
        try
        {
            var main = MainModule();
            main.AddBuiltin("__file__", new PyStr(file));
            main.AddBuiltin("__cached__", PyNone.Value);
            PyCode code;
            try
            {
                if (data.Length < 4 || !data.AsSpan(0, 4).SequenceEqual(Bytecode.Pyc.MagicNumber))
                {
                    throw PyErr.RuntimeError("Bad magic number in .pyc file");
                }
                object? value;
                try
                {
                    value = Bytecode.Marshal.Loads(data.AsSpan(Math.Min(data.Length, Bytecode.Pyc.HeaderSize)));
                }
                catch (PythonException)
                {
                    // run_pyc_file reports any unreadable body the same way.
                    value = null;
                }
                code = value is Bytecode.CodeObject c ? new PyCode(c) : throw PyErr.RuntimeError("Bad code object in .pyc file");
            }
            catch (PyException e)
            {
                return Finish(HandleException(e.Value));
            }
            return Finish(Execute(code, main));
        }
        finally
        {
            config.Stdout.Flush();
            config.Stderr.Flush();
        }
    }

    /// <summary><c>-m module</c>: finds the module (a package runs its <c>__main__</c>), importing
    /// its parent packages first, and runs it as <c>__main__</c> with <c>sys.argv[0]</c> set to
    /// its file. <paramref name="program"/> prefixes the error messages (sys.executable). A
    /// directory's <c>__main__</c> (<paramref name="isDirectory"/>) keeps <c>sys.argv[0]</c>.</summary>
    public static int RunModule(RunConfig config, string name, string program, bool isDirectory)
    {
        Initialize(config);
        try
        {
            Import.ModuleSpec? spec;
            try
            {
                spec = FindMainSpec(name, out var error);
                if (spec is null)
                {
                    config.Stderr.Write($"{program}: {error}\n");
                    return Finish(1);
                }
            }
            catch (PyException e)
            {
                return Finish(HandleException(e.Value));
            }
            var main = MainModule();
            var dict = main.Dict;
            dict.SetItem(PyStr.Intern("__file__"), new PyStr(spec.Origin!));
            dict.SetItem(PyStr.Intern("__package__"), new PyStr(spec.Name[..Math.Max(0, spec.Name.LastIndexOf('.'))]));
            dict.SetItem(PyStr.Intern("__cached__"), new PyStr(Bytecode.Pyc.CacheFromSource(spec.Origin!, config.Optimize > 0 ? config.Optimize.ToString(System.Globalization.CultureInfo.InvariantCulture) : "", config.PycachePrefix)));
            if (!isDirectory && SysModule.Get("argv") is PyList { Count: > 0 } argv)
            {
                argv.SetItem(PyInt.From(0), new PyStr(spec.Origin!));
            }
            PyCode code;
            try
            {
                code = Import.CompileFile(spec.Origin!, config.Optimize);
            }
            catch (PyException e)
            {
                return Finish(HandleException(e.Value));
            }
            return Finish(Execute(code, main));
        }
        finally
        {
            config.Stdout.Flush();
            config.Stderr.Flush();
        }
    }

    /// <summary>runpy's <c>_get_module_details</c>: the spec of the source module to run, or
    /// null and runpy's message. runpy imports the packages on the way (and a package run
    /// through its <c>__main__</c>) before it looks further, so their code runs even when the
    /// name is then reported missing; that is done here after the module has been looked for
    /// without running anything.</summary>
    private static Import.ModuleSpec? FindMainSpec(string name, out string? error)
    {
        error = null;
        if (name.StartsWith('.'))
        {
            error = "Relative module names not supported";
            return null;
        }
        var parts = name.Split('.');
        var packages = new List<string>();
        IReadOnlyList<string>? searchPath = null;
        Import.ModuleSpec? spec = null;
        for (var i = 0; i < parts.Length && error is null; i++)
        {
            var prefix = string.Join('.', parts, 0, i + 1);
            if (i > 0 && spec is { IsPackage: false })
            {
                error = $"Error while finding module specification for '{name}' (ModuleNotFoundError: __path__ attribute not found on '{string.Join('.', parts, 0, i)}' while trying to find '{prefix}')";
                break;
            }
            spec = parts[i].Length == 0 ? null : Import.FindSpec(prefix, searchPath);
            if (spec is null)
            {
                error = i == parts.Length - 1
                    ? $"No module named {name}"
                    : $"Error while finding module specification for '{name}' (ModuleNotFoundError: No module named '{prefix}')";
                break;
            }
            if (i < parts.Length - 1 || spec.IsPackage)
            {
                packages.Add(prefix);
            }
            searchPath = spec.SearchLocations;
        }
        var main = spec;
        if (error is null && spec!.IsPackage)
        {
            if (name == "__main__" || name.EndsWith(".__main__", StringComparison.Ordinal))
            {
                error = "Cannot use package as __main__ module";
                packages.Clear();
            }
            else if (Import.FindSpec(name + ".__main__", spec.SearchLocations) is { Kind: Import.SpecKind.Source, IsPackage: false } packageMain)
            {
                main = packageMain;
            }
            else
            {
                error = $"No module named {name}.__main__; '{name}' is a package and cannot be directly executed";
            }
        }
        else if (error is null && spec!.Kind != Import.SpecKind.Source)
        {
            error = $"No code object available for {name}";
        }
        foreach (var package in packages)
        {
            try
            {
                Import.GetOrLoad(package);
            }
            catch (PyException) when (error is not null)
            {
                // The module is missing anyway: report that, as CPython (whose import of the
                // package succeeds) does, rather than what this interpreter cannot run yet.
                break;
            }
        }
        return error is null ? main : null;
    }

    /// <summary>A fresh <c>__main__</c> module in <c>sys.modules</c>.</summary>
    private static PyModule MainModule()
    {
        var main = new PyModule("__main__");
        main.AddBuiltin("__builtins__", Builtins.Module);
        Import.Modules.SetItem(PyStr.Intern("__main__"), main);
        return main;
    }

    private static int Execute(PyCode code, PyModule main)
    {
        try
        {
            Interpreter.RunCode(code, main.Dict, main.Dict);
            return 0;
        }
        catch (PyException e)
        {
            return HandleException(e.Value);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or NullReferenceException or InvalidCastException
            or ArgumentException or InvalidOperationException or OverflowException or KeyNotFoundException)
        {
            // A fault outside any interpreter loop (a frame that cannot be made for a damaged
            // code object): reported as the SystemError it is, never a crashed process.
            return HandleException(PyBaseException.Create(PyExc.SystemError, $"internal error: {e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>What an uncaught exception does at the top level: SystemExit gives the exit
    /// status; anything else goes to <c>sys.excepthook</c> and gives 1.</summary>
    public static int HandleException(PyBaseException exc)
    {
        if (exc.Type.IsSubtypeOf(PyExc.SystemExit))
        {
            return SystemExitStatus(exc);
        }
        SysModule.FlushStdFiles();
        var hook = SysModule.Get("excepthook");
        if (hook is PyBuiltinFunction { Name: "excepthook", ModuleName: "sys" } or null or PyNone)
        {
            if (hook is null or PyNone)
            {
                SysModule.Write("stderr", "sys.excepthook is missing\n");
            }
            SysModule.Write("stderr", Traceback.Format(exc));
        }
        else
        {
            try
            {
                Ops.Call(hook, [exc.Type, exc, exc.Traceback ?? PyNone.Value], null);
            }
            catch (PyException e)
            {
                if (e.Value.Type.IsSubtypeOf(PyExc.SystemExit))
                {
                    return SystemExitStatus(e.Value);
                }
                SysModule.Write("stderr", "Error in sys.excepthook:\n");
                SysModule.Write("stderr", Traceback.Format(e.Value));
                SysModule.Write("stderr", "\nOriginal exception was:\n");
                SysModule.Write("stderr", Traceback.Format(exc));
            }
        }
        if (exc.Type.IsSubtypeOf(PyExc.KeyboardInterrupt))
        {
            UnhandledKeyboardInterrupt = true;
            return KeyboardInterruptStatus;
        }
        return 1;
    }

    /// <summary><c>_Py_HandleSystemExit</c>: None is 0, an int is the status (a C long; an
    /// overflow gives -1), anything else is printed to stderr and gives 1.</summary>
    private static int SystemExitStatus(PyBaseException exc)
    {
        var code = PyExc.SystemExitCode(exc);
        switch (code)
        {
            case PyNone:
                return 0;
            case PyInt i:
                return i.IsSmall ? unchecked((int)i.Small) : -1;
            default:
                SysModule.FlushStdFiles();
                string text;
                try
                {
                    text = Ops.Str(code).Value;
                }
                catch (PyException)
                {
                    text = "";
                }
                SysModule.Write("stderr", text + "\n");
                return 1;
        }
    }

    /// <summary>Py_FinalizeEx's part that user code sees: the atexit functions, then the
    /// standard streams flushed.</summary>
    private static int Finish(int status)
    {
        WaitForThreadShutdown();
        Action[] handlers;
        lock (s_exitHandlers)
        {
            handlers = [.. s_exitHandlers];
        }
        foreach (var handler in handlers)
        {
            handler();
        }
        SysModule.FlushStdFiles();
        Gil.FinalizeRun();
        return status;
    }

    /// <summary>wait_for_thread_shutdown: <c>threading._shutdown()</c> joins the threads that
    /// are not daemons, if threading was imported; its failure is reported as unraisable.</summary>
    private static void WaitForThreadShutdown()
    {
        if (!Import.Modules.TryGetValue(PyStr.Intern("threading"), out var threading))
        {
            return;
        }
        try
        {
            Ops.CallMethod(threading, "_shutdown");
        }
        catch (PyException e)
        {
            string what;
            try
            {
                what = Ops.Repr(threading).Value;
            }
            catch (PyException)
            {
                what = "<object repr() failed>";
            }
            SysModule.FlushStdFiles();
            SysModule.Write("stderr", $"Exception ignored in: {what}\n");
            SysModule.Write("stderr", Traceback.Format(e.Value));
        }
    }
}
