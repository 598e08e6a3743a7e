// Python/traceback.c, Lib/traceback.py (format of uncaught exceptions, PEP 657 carets)
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Objects;
using Taipan.Syntax.Ast;

namespace Taipan.Runtime.Python;

/// <summary>Formats an exception as CPython 3.11 prints it when uncaught: the chain of causes
/// and contexts, each with "Traceback (most recent call last):", its frames with their source
/// lines and PEP 657 carets, and the exception line.</summary>
public static class Traceback
{
    private const int RecursiveCutoff = 3;

    private static readonly Dictionary<string, string[]?> s_lines = [];

    public static string Format(PyBaseException exc)
    {
        var sb = new StringBuilder();
        FormatChain(sb, exc, new HashSet<PyBaseException>(ReferenceEqualityComparer.Instance));
        return sb.ToString();
    }

    private static void FormatChain(StringBuilder sb, PyBaseException exc, HashSet<PyBaseException> seen)
    {
        seen.Add(exc);
        if (exc.Cause is { } cause && !seen.Contains(cause))
        {
            FormatChain(sb, cause, seen);
            sb.Append("\nThe above exception was the direct cause of the following exception:\n\n");
        }
        else if (exc.Context is { } context && !exc.SuppressContext && !seen.Contains(context))
        {
            FormatChain(sb, context, seen);
            sb.Append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        if (exc.Traceback is PyTraceback tb)
        {
            sb.Append("Traceback (most recent call last):\n");
            FormatFrames(sb, tb);
        }
        sb.Append(ExceptionLine(exc));
    }

    /// <summary>The frames, collapsing runs of the same line beyond three repetitions.</summary>
    private static void FormatFrames(StringBuilder sb, PyTraceback? tb)
    {
        string? lastFile = null;
        var lastLine = -1;
        string? lastName = null;
        var count = 0;
        for (; tb is not null; tb = tb.Next)
        {
            var code = tb.Frame.Code;
            var file = code.Code.Filename;
            var line = tb.LineNumber;
            var name = code.Code.Name;
            if (file != lastFile || line != lastLine || name != lastName)
            {
                AppendRepeated(sb, count);
                lastFile = file;
                lastLine = line;
                lastName = name;
                count = 0;
            }
            count++;
            if (count > RecursiveCutoff)
            {
                continue;
            }
            FormatFrame(sb, tb, file, line, name);
        }
        AppendRepeated(sb, count);
    }

    private static void AppendRepeated(StringBuilder sb, int count)
    {
        if (count > RecursiveCutoff)
        {
            var more = count - RecursiveCutoff;
            sb.Append($"  [Previous line repeated {more} more time{(more > 1 ? "s" : "")}]\n");
        }
    }

    private static void FormatFrame(StringBuilder sb, PyTraceback tb, string file, int line, string name)
    {
        sb.Append($"  File \"{file}\", line {(line < 0 ? "None" : line)}, in {name}\n");
        var original = SourceLine(file, line);
        if (original is null || original.Trim().Length == 0)
        {
            return;
        }
        var stripped = original.Trim();
        sb.Append("    ").Append(stripped).Append('\n');
        var positions = tb.Frame.Code.Code.Positions;
        if ((uint)tb.LastInstruction >= (uint)positions.Count)
        {
            return;
        }
        var pos = positions[tb.LastInstruction];
        if (pos.Column is not { } col || pos.EndColumn is not { } endCol || pos.EndLine is not { } endLine)
        {
            return;
        }
        // As traceback.py counts them: the line as linecache keeps it, newline included, less
        // the stripped line.
        var strippedChars = original.Length + 1 - stripped.Length;
        var start = ByteToCharOffset(original, col) + 1;
        var end = ByteToCharOffset(original, endCol) + 1;
        (int Left, int Right)? anchors = null;
        if (pos.Line == endLine)
        {
            if (start - 1 >= 0 && end - 1 <= original.Length && start <= end)
            {
                anchors = CaretAnchors(original[(start - 1)..(end - 1)]);
            }
        }
        else
        {
            end = strippedChars + stripped.Length;
        }
        if (end - start < stripped.Length || (anchors is { } a0 && a0.Right - a0.Left > 0))
        {
            sb.Append("    ").Append(' ', Math.Max(0, start - strippedChars));
            if (anchors is { } a)
            {
                sb.Append('~', a.Left).Append('^', a.Right - a.Left).Append('~', Math.Max(0, end - start - a.Right));
            }
            else
            {
                sb.Append('^', Math.Max(0, end - start));
            }
            sb.Append('\n');
        }
    }

    /// <summary><c>_extract_caret_anchors_from_line_segment</c>: for a binary operation the
    /// operator, for a subscript the brackets, get <c>^</c> and the operands <c>~</c>.</summary>
    private static (int Left, int Right)? CaretAnchors(string segment)
    {
        ModNode tree;
        try
        {
            tree = Taipan.Syntax.Parser.Parser.Parse(Taipan.Syntax.Tokenizer.SourceText.FromString(segment, "<string>"));
        }
        catch (Taipan.Syntax.Errors.PythonException)
        {
            return null;
        }
        if (tree is not Module { Body: [Expr { Value: var expr }] })
        {
            return null;
        }
        switch (expr)
        {
            case BinOp bin:
            {
                var opStart = ByteToCharOffset(segment, bin.Left.EndColOffset);
                var opEnd = ByteToCharOffset(segment, bin.Right.ColOffset);
                var opText = segment[opStart..opEnd];
                var opOffset = opText.Length - opText.TrimStart().Length;
                var left = bin.Left.EndColOffset + opOffset;
                var right = left + 1;
                if (opOffset + 1 < opText.Length && !char.IsWhiteSpace(opText[opOffset + 1]))
                {
                    right++;
                }
                return (ByteToCharOffset(segment, left), ByteToCharOffset(segment, right));
            }
            case Subscript sub:
                return (ByteToCharOffset(segment, sub.Value.EndColOffset), ByteToCharOffset(segment, sub.Slice.EndColOffset + 1));
            default:
                return null;
        }
    }

    /// <summary>The number of characters in the first <paramref name="offset"/> UTF-8 bytes.</summary>
    private static int ByteToCharOffset(string s, int offset)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        return Encoding.UTF8.GetString(bytes, 0, Math.Clamp(offset, 0, bytes.Length)).Length;
    }

    /// <summary>A line of a source file (linecache); null when the file cannot be read.</summary>
    private static string? SourceLine(string file, int line)
    {
        string[]? lines;
        lock (s_lines)
        {
            if (!s_lines.TryGetValue(file, out lines))
            {
                try
                {
                    lines = File.Exists(file) ? File.ReadAllLines(file) : null;
                }
                catch (IOException)
                {
                    lines = null;
                }
                s_lines[file] = lines;
            }
        }
        return lines is not null && line >= 1 && line <= lines.Length ? lines[line - 1] : null;
    }

    /// <summary>The text CPython 3.11 prints for an uncaught <c>SyntaxError</c>
    /// (<c>print_exception</c> and <c>print_error_text</c> in Python/pythonrun.c): the file and
    /// line, the source line without its indentation, and carets. Like CPython, it applies the
    /// character offsets to the line's UTF-8 bytes, and subclasses such as IndentationError get
    /// a single caret.</summary>
    public static string FormatSyntaxError(Taipan.Syntax.Errors.PythonSyntaxError e)
    {
        var sb = new StringBuilder();
        // Without a location (a source that could not be decoded) CPython prints the message alone.
        if (e.Lineno > 0)
        {
            sb.Append($"  File \"{e.Filename ?? "<string>"}\", line {e.Lineno}\n");
            if (e.Text is { } text)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                // parse_syntax_error: None becomes -1 (end_offset) or the line (end_lineno), and
                // subclasses such as IndentationError get neither.
                var endOffset = e.PythonType == "SyntaxError" ? e.EndOffset ?? -1 : -1;
                var endLineno = e.PythonType == "SyntaxError" ? e.EndLineno ?? e.Lineno : e.Lineno;
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

    /// <summary>"TypeName: message", with the module of classes outside builtins and __main__.</summary>
    public static string ExceptionLine(PyBaseException exc)
    {
        if (PyExc.CompileError(exc) is { } compileError)
        {
            return FormatSyntaxError(compileError);
        }
        var type = exc.Type;
        var name = type.QualName;
        var module = type.Module;
        if (Ops.TryGetAttr(type, PyStr.Intern("__module__")) is PyStr m)
        {
            module = m.Value;
        }
        if (module is not "__main__" and not "builtins")
        {
            name = module + "." + name;
        }
        string text;
        try
        {
            text = Ops.Str(exc).Value;
        }
        catch (Errors.PyException)
        {
            text = "<exception str() failed>";
        }
        return text.Length == 0 ? name + "\n" : $"{name}: {text}\n";
    }
}
