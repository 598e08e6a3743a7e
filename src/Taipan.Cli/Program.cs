// Modules/main.c
using System.Text;
using Taipan.Modules;
using Taipan.Runtime.Python;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Cli;

/// <summary>The <c>taipan</c> command: python3.11's command line. Scripts, <c>-c</c>, standard
/// input, <c>-m module</c> and directories with a <c>__main__.py</c> run as <c>__main__</c>;
/// <c>-m py_compile</c> and <c>-m compileall</c> run natively.</summary>
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
        StandardModules.Register();
        // A thread with a large stack: deep nesting must end in a Python error, never in a
        // .NET stack overflow.
        var thread = new Thread(() => exitCode = Run(config, args), ParserStackSize);
        thread.Start();
        thread.Join();
        Console.Out.Flush();
        if (PythonRun.UnhandledKeyboardInterrupt)
        {
            Signals.ExitBySigint();
        }
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

    private static int Run(PyConfig config, string[] args)
    {
        switch (config.Run)
        {
            case RunKind.Module:
                return RunModule(config, args);
            case RunKind.Command:
                return RunMain(config, args, Encoding.UTF8.GetBytes(config.RunTarget!), "<string>", fromFile: false, "");
            case RunKind.Stdin:
                using (var stdin = Console.OpenStandardInput())
                using (var buffer = new MemoryStream())
                {
                    stdin.CopyTo(buffer);
                    return RunMain(config, args, buffer.ToArray(), "<stdin>", fromFile: true, "");
                }
            default:
                return RunFile(config, args);
        }
    }

    private static int RunModule(PyConfig config, string[] args)
    {
        var ctx = new ModuleContext
        {
            Optimize = config.OptimizationLevel,
            PycachePrefix = config.PycachePrefix,
            Path = SysPath(config, Environment.CurrentDirectory),
        };
        var moduleArgs = config.Argv.Skip(1).ToList();
        switch (config.RunTarget)
        {
            case "py_compile":
                return Taipan.Modules.PyCompile.PyCompile.Main(moduleArgs, ctx);
            case "compileall":
                return Taipan.Modules.Compileall.Compileall.Main(moduleArgs, ctx);
            default:
                var runConfig = CreateRunConfig(config, args, Environment.CurrentDirectory);
                return PythonRun.RunModule(runConfig, config.RunTarget!, runConfig.Executable, isDirectory: false);
        }
    }

    /// <summary><c>sys.path</c>: its first entry (the script's directory, '' for -c and stdin,
    /// the current directory for -m) unless -P / PYTHONSAFEPATH / -I, PYTHONPATH unless -E / -I,
    /// then the standard library (the zip need not exist).</summary>
    private static List<string> SysPath(PyConfig config, string first)
    {
        var path = new List<string>();
        if (!config.SafePath)
        {
            path.Add(first);
        }
        if (config.UseEnvironment && Environment.GetEnvironmentVariable("PYTHONPATH") is { Length: > 0 } pythonPath)
        {
            // Entries are made absolute; an empty one is the current directory.
            path.AddRange(pythonPath.Split(':').Select(p => p.Length == 0 ? Environment.CurrentDirectory : Path.GetFullPath(p)));
        }
        path.Add("/usr/lib/python311.zip");
        path.Add(StdlibDir);
        path.Add(StdlibDir + "/lib-dynload");
        return path;
    }

    /// <summary>What the runtime needs of the configuration, with the standard streams:
    /// stdout is block-buffered, as CPython's is when it is not a terminal (unless -u).</summary>
    private static RunConfig CreateRunConfig(PyConfig config, string[] args, string firstPathEntry) => new()
    {
        Argv = config.Argv,
        OrigArgv = [config.ProgramName, .. args],
        Executable = Executable(),
        Path = SysPath(config, firstPathEntry),
        Flags = config.Flags,
        Optimize = config.OptimizationLevel,
        DontWriteBytecode = !config.WriteBytecode,
        PycachePrefix = config.PycachePrefix,
        WarnOptions = config.WarnOptions,
        XOptions = config.XOptions,
        IntMaxStrDigits = config.IntMaxStrDigits,
        Stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = !config.BufferedStdio },
        Stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true },
        Stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false)),
    };

    /// <summary><c>sys.executable</c>: this program's absolute path (under "dotnet taipan.dll",
    /// the host's).</summary>
    private static string Executable() => Environment.ProcessPath ?? "";

    private static int RunFile(PyConfig config, string[] args)
    {
        var path = config.RunTarget!;
        if (Directory.Exists(path))
        {
            // A directory runs its __main__.py, found through sys.path[0] = the directory.
            var runConfig = CreateRunConfig(config, args, Path.GetFullPath(path));
            if (!File.Exists(Path.Combine(path, "__main__.py")))
            {
                Console.Error.WriteLine($"{runConfig.Executable}: can't find '__main__' module in {Taipan.Syntax.Ast.PyRepr.Str(Path.GetFullPath(path))}");
                return 1;
            }
            return PythonRun.RunModule(runConfig, "__main__", runConfig.Executable, isDirectory: true);
        }
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
        if (PythonRun.IsPycFile(path, bytes))
        {
            return PythonRun.RunPyc(CreateRunConfig(config, args, Path.GetDirectoryName(path) ?? ""), bytes, path);
        }
        return RunMain(config, args, bytes, path, fromFile: true, Path.GetDirectoryName(path) ?? "");
    }

    /// <summary>Compiles the program and runs it as <c>__main__</c> (pythonrun.c).</summary>
    private static int RunMain(PyConfig config, string[] args, byte[] bytes, string filename, bool fromFile, string firstPathEntry)
    {
        // A script is read as the C file reader reads it; -c's text is already a string.
        SourceText Read() => fromFile ? SourceText.FromFile(bytes, filename) : SourceText.FromUtf8(bytes, filename);
        return PythonRun.RunMain(CreateRunConfig(config, args, firstPathEntry), Read, filename.StartsWith('<') ? null : filename);
    }
}
