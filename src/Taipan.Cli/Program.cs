// Modules/main.c
using System.Text;
using Taipan.Runtime.Python;

namespace Taipan.Cli;

/// <summary>The <c>taipan</c> command: runs a script as <c>__main__</c>.</summary>
public static class Program
{
    private const int ParserStackSize = 256 * 1024 * 1024;

    public static int Main(string[] args)
    {
        if (args.Length != 1 || args[0].StartsWith('-'))
        {
            Console.Error.WriteLine("usage: taipan FILE");
            return 2;
        }
        var path = args[0];
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException
                ? "[Errno 2] No such file or directory"
                : e.Message;
            Console.Error.WriteLine($"{Environment.ProcessPath ?? "taipan"}: can't open file '{Path.GetFullPath(path)}': {reason}");
            return 2;
        }

        // Since 3.9 the script's path is made absolute (it becomes __main__.__file__).
        path = Path.GetFullPath(path);
        var exitCode = 0;
        // A thread with a large stack: deep nesting must end in a Python error, never in a
        // .NET stack overflow.
        var thread = new Thread(() => exitCode = Run(path, bytes), ParserStackSize);
        thread.Start();
        thread.Join();
        return exitCode;
    }

    private static int Run(string path, byte[] bytes)
    {
        // Block-buffered, as CPython's stdout is when it is not a terminal; flushed at exit
        // and before a traceback is printed.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        return PythonRun.RunFile(path, bytes, optimize: 0, stdout, stderr);
    }
}
