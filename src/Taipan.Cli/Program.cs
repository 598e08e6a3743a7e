// Modules/main.c
using System.Text;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Parser;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Cli;

/// <summary>The <c>taipan</c> command. Today it reads, tokenizes and parses the script and
/// reports syntax errors exactly as CPython does; running the parsed program needs the
/// virtual machine, which is not built yet.</summary>
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
        try
        {
            var tree = Parser.Parse(SourceText.FromBytes(bytes, path));
            Console.Error.WriteLine($"taipan: {path}: parsed ({tree.PyName}); running programs needs the virtual machine, which is not built yet");
            return 1;
        }
        catch (PythonSyntaxError e)
        {
            Console.Error.Write(FormatSyntaxError(e));
            return 1;
        }
        catch (PythonException e)
        {
            Console.Error.WriteLine(e.Message.Length == 0 ? e.PythonType : $"{e.PythonType}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The text CPython prints for an uncaught <c>SyntaxError</c>: the file and line,
    /// the stripped source line, and carets under the offending range.</summary>
    internal static string FormatSyntaxError(PythonSyntaxError e)
    {
        var sb = new StringBuilder();
        // Without a location (a source that could not be decoded) CPython prints the message alone.
        if (e.Lineno > 0)
        {
            sb.Append($"  File \"{e.Filename ?? "<string>"}\", line {e.Lineno}\n");
        }
        if (e.Lineno > 0 && e.Text is { } text)
        {
            var offset = e.Offset - 1;
            var end = e.EndLineno == e.Lineno && e.EndOffset > e.Offset ? e.EndOffset - 1 : offset + 1;
            var start = 0;
            while (start < text.Length && text[start] is ' ' or '\t' or '\f')
            {
                start++;
            }
            var line = text[start..].TrimEnd('\n');
            offset -= start;
            end -= start;
            sb.Append("    ").Append(line).Append('\n');
            if (offset >= 0)
            {
                offset = Math.Min(offset, line.Length);
                sb.Append("    ").Append(' ', offset).Append('^', Math.Max(1, end - offset)).Append('\n');
            }
        }
        sb.Append(e.PythonType).Append(": ").Append(e.Msg).Append('\n');
        return sb.ToString();
    }
}
