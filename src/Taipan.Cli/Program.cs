// Modules/main.c
using System.Text;
using Taipan.Modules;
using Taipan.Runtime.Python;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Cli;

/// <summary>The <c>taipan</c> command: python3.11's command line. Scripts, <c>-c</c> and
/// standard input are compiled and run as <c>__main__</c>; <c>-m py_compile</c> and
/// <c>-m compileall</c> run natively; other modules need the import system, not built yet.</summary>
public static class Program
{
    private const int ParserStackSize = 256 * 1024 * 1024;

    /// <summary>Where the standard library is found (decision 4).</summary>
    private const string StdlibDir = "/usr/lib/python3.11";

    public static int Main(string[] args)
    {
        var program = ProgramName();
        var (config, exitCode) = InitConfig.Read([program, .. args], Environment.GetEnvironmentVariable, Console.Out, Console.Error);
        if (config is null)
        {
            Console.Out.Flush();
            return exitCode;
        }
        CheckWarnOptions(config);
        StandardModules.Register();
        // A thread with a large stack: deep nesting must end in a Python error, never in a
        // .NET stack overflow.
        var thread = new Thread(() => exitCode = Run(config), ParserStackSize);
        thread.Start();
        thread.Join();
        Console.Out.Flush();
        return exitCode;
    }

    /// <summary>argv[0] as the shell passed it (CPython's program name: "python3" when found
    /// on PATH), which .NET does not expose except through /proc.</summary>
    private static string ProgramName()
    {
        try
        {
            var cmdline = File.ReadAllBytes("/proc/self/cmdline");
            var end = Array.IndexOf(cmdline, (byte)0);
            var argv0 = Encoding.UTF8.GetString(cmdline, 0, end < 0 ? cmdline.Length : end);
            // Under "dotnet taipan.dll" argv[0] is the host, not this program.
            if (argv0.Length > 0 && Path.GetFileNameWithoutExtension(argv0) != "dotnet")
            {
                return argv0;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No /proc: fall back to the executable's path.
        }
        return Environment.ProcessPath ?? "taipan";
    }

    private static int Run(PyConfig config)
    {
        switch (config.Run)
        {
            case RunKind.Module:
                return RunModule(config);
            case RunKind.Command:
                return RunMain(config, Encoding.UTF8.GetBytes(config.RunTarget!), "<string>", fromFile: false);
            case RunKind.Stdin:
                using (var stdin = Console.OpenStandardInput())
                using (var buffer = new MemoryStream())
                {
                    stdin.CopyTo(buffer);
                    return RunMain(config, buffer.ToArray(), "<stdin>", fromFile: true);
                }
            default:
                return RunFile(config);
        }
    }

    private static int RunModule(PyConfig config)
    {
        var ctx = new ModuleContext
        {
            Optimize = config.OptimizationLevel,
            PycachePrefix = config.PycachePrefix,
            Path = SysPath(config),
        };
        var moduleArgs = config.Argv.Skip(1).ToList();
        switch (config.RunTarget)
        {
            case "py_compile":
                return Taipan.Modules.PyCompile.PyCompile.Main(moduleArgs, ctx);
            case "compileall":
                return Taipan.Modules.Compileall.Compileall.Main(moduleArgs, ctx);
            default:
                var (file, error) = ModuleFinder.Find(config.RunTarget!, ctx.Path);
                if (error is not null)
                {
                    Console.Error.WriteLine($"{config.ProgramName}: {error}");
                    return 1;
                }
                Console.Error.WriteLine($"taipan: -m {config.RunTarget} ({file}): running modules needs the virtual machine, which is not built yet");
                return 1;
        }
    }

    /// <summary><c>sys.path</c> for -m: the current directory (unless -P / PYTHONSAFEPATH /
    /// -I), PYTHONPATH, then the standard library.</summary>
    private static List<string> SysPath(PyConfig config)
    {
        var path = new List<string>();
        if (!config.SafePath)
        {
            path.Add(Environment.CurrentDirectory);
        }
        if (config.UseEnvironment && Environment.GetEnvironmentVariable("PYTHONPATH") is { Length: > 0 } pythonPath)
        {
            path.AddRange(pythonPath.Split(':').Select(p => p.Length == 0 ? "" : Path.GetFullPath(p)));
        }
        path.Add("/usr/lib/python311.zip");
        path.Add(StdlibDir);
        path.Add(StdlibDir + "/lib-dynload");
        return path;
    }

    private static int RunFile(PyConfig config)
    {
        var path = config.RunTarget!;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "[Errno 2] No such file or directory",
                UnauthorizedAccessException when Directory.Exists(path) => "[Errno 21] Is a directory",
                UnauthorizedAccessException => "[Errno 13] Permission denied",
                _ => e.Message,
            };
            Console.Error.WriteLine($"{config.ProgramName}: can't open file '{Path.GetFullPath(path)}': {reason}");
            return 2;
        }
        if (config.SkipSourceFirstLine)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n');
            bytes = newline < 0 ? [] : bytes[newline..];
        }
        // Since 3.9 the script's path is made absolute (it becomes __main__.__file__).
        path = Path.GetFullPath(path);
        return RunMain(config, bytes, path, fromFile: true);
    }

    /// <summary>Compiles the program and runs it as <c>__main__</c> (pythonrun.c).</summary>
    private static int RunMain(PyConfig config, byte[] bytes, string filename, bool fromFile)
    {
        // A script is read as the C file reader reads it; -c's text is already a string.
        SourceText Read() => fromFile ? SourceText.FromFile(bytes, filename) : SourceText.FromUtf8(bytes, filename);
        // Block-buffered, as CPython's stdout is when it is not a terminal (unless -u); flushed
        // at exit and before a traceback is printed.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = !config.BufferedStdio };
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        return PythonRun.RunMain(Read, filename.StartsWith('<') ? null : filename, config.OptimizationLevel, stdout, stderr);
    }

    /// <summary><c>warnings._processoptions</c>: a malformed -W / PYTHONWARNINGS entry is
    /// reported and ignored at start-up.</summary>
    private static void CheckWarnOptions(PyConfig config)
    {
        foreach (var arg in config.WarnOptions)
        {
            var error = WarnOptionError(arg);
            if (error is not null)
            {
                Console.Error.WriteLine($"Invalid -W option ignored: {error}");
            }
        }
    }

    private static string? WarnOptionError(string arg)
    {
        var parts = arg.Split(':');
        if (parts.Length > 5)
        {
            return $"too many fields (max 5): {Taipan.Syntax.Ast.PyRepr.Str(arg)}";
        }
        var action = parts[0].Trim();
        if (action.Length > 0 && action != "all"
            && !new[] { "default", "always", "ignore", "module", "once", "error" }.Any(a => a.StartsWith(action, StringComparison.Ordinal)))
        {
            return $"invalid action: {Taipan.Syntax.Ast.PyRepr.Str(action)}";
        }
        if (parts.Length == 5 && parts[4].Trim() is { Length: > 0 } lineno
            && (!int.TryParse(lineno, out var n) || n < 0))
        {
            return $"invalid lineno {Taipan.Syntax.Ast.PyRepr.Str(lineno)}";
        }
        return null;
    }
}
