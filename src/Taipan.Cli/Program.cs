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
            var tree = Parser.Parse(SourceText.FromFile(bytes, path));
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

    /// <summary>The text CPython 3.11 prints for an uncaught <c>SyntaxError</c>
    /// (<c>print_exception</c> and <c>print_error_text</c> in Python/pythonrun.c): the file and
    /// line, the source line without its indentation, and carets. Like CPython, it applies the
    /// character offsets to the line's UTF-8 bytes, and subclasses such as IndentationError get
    /// a single caret.</summary>
    internal static string FormatSyntaxError(PythonSyntaxError e)
    {
        var sb = new StringBuilder();
        // Without a location (a source that could not be decoded) CPython prints the message alone.
        if (e.Lineno > 0)
        {
            sb.Append($"  File \"{e.Filename ?? "<string>"}\", line {e.Lineno}\n");
            if (e.Text is { } text)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                var endOffset = e.PythonType == "SyntaxError" ? e.EndOffset : -1;
                var endLineno = e.PythonType == "SyntaxError" ? e.EndLineno : e.Lineno;
                if (endLineno > e.Lineno)
                {
                    endOffset = bytes.Length;
                }
                endOffset = Math.Min(endOffset, bytes.Length + 1);
                AppendErrorText(sb, e.Offset, endOffset, bytes);
            }
        }
        sb.Append(e.PythonType).Append(": ").Append(e.Msg).Append('\n');
        return sb.ToString();
    }

    private static void AppendErrorText(StringBuilder sb, int offset, int endOffset, byte[] text)
    {
        var carets = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
        offset--;
        var start = 0;
        while (start < text.Length && text[start] is (byte)' ' or (byte)'\t' or (byte)'\f')
        {
            start++;
            offset--;
        }
        var len = text.Length - start;
        if (len > 0 && text[^1] == '\n')
        {
            len--;
        }
        offset = Math.Min(offset, len);
        // Skip lines before the one the offset falls in.
        while (true)
        {
            var nl = Array.IndexOf(text, (byte)'\n', start, text.Length - start);
            if (nl < 0 || nl - start >= offset)
            {
                break;
            }
            var skipped = nl - start + 1;
            start += skipped;
            len -= skipped;
            offset -= skipped;
        }
        sb.Append("    ").Append(Encoding.UTF8.GetString(text, start, text.Length - start));
        if (start + len >= text.Length || text[start + len] != '\n')
        {
            sb.Append('\n');
        }
        if (offset < 0)
        {
            return;
        }
        sb.Append("    ").Append(' ', offset).Append('^', carets).Append('\n');
    }
}
