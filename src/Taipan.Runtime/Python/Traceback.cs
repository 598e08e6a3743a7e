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
        FormatRecursive(sb, exc, new PrintContext());
        return sb.ToString();
    }

    private const int MaxGroupWidth = 15;
    private const int MaxGroupDepth = 10;

    /// <summary>CPython's <c>exception_print_context</c>: how deep in exception groups the
    /// printing is (each level indents by two and draws a margin), and whether the current
    /// group still needs its closing line.</summary>
    private sealed class PrintContext
    {
        public readonly HashSet<PyBaseException> Seen = new(ReferenceEqualityComparer.Instance);
        public int Depth;
        public bool NeedClose;

        public string Indent => new(' ', 2 * Depth);

        public string Margin => Depth > 0 ? "| " : "";
    }

    /// <summary>Appends <paramref name="text"/> with every line behind the group margin.</summary>
    private static void Emit(StringBuilder sb, PrintContext ctx, string text, string? firstMargin = null)
    {
        if (ctx.Depth == 0)
        {
            sb.Append(text);
            return;
        }
        var indent = ctx.Indent;
        var first = true;
        var i = 0;
        while (i < text.Length)
        {
            var nl = text.IndexOf('\n', i);
            var end = nl < 0 ? text.Length : nl + 1;
            sb.Append(indent).Append(first && firstMargin is not null ? firstMargin : ctx.Margin).Append(text, i, end - i);
            first = false;
            i = end;
        }
    }

    /// <summary><c>print_exception_recursive</c>: the causes and contexts first, then the
    /// exception itself (a group as the 3.11 tree of its members).</summary>
    private static void FormatRecursive(StringBuilder sb, PyBaseException exc, PrintContext ctx)
    {
        ctx.Seen.Add(exc);
        if (exc.Cause is { } cause && !ctx.Seen.Contains(cause))
        {
            FormatChained(sb, cause, ctx, "The above exception was the direct cause of the following exception:\n");
        }
        else if (exc.Context is { } context && !exc.SuppressContext && !ctx.Seen.Contains(context))
        {
            FormatChained(sb, context, ctx, "During handling of the above exception, another exception occurred:\n");
        }
        if (!PyExceptionGroup.IsGroup(exc))
        {
            if (exc.Traceback is PyTraceback tb)
            {
                var frames = new StringBuilder("Traceback (most recent call last):\n");
                FormatFrames(frames, tb);
                Emit(sb, ctx, frames.ToString());
            }
            if (exc.Type.IsSubtypeOf(PyExc.SyntaxError) && SyntaxErrorText(exc) is { } located)
            {
                // CPython prints the message in place of the exception from here on, so the
                // notes are not shown.
                Emit(sb, ctx, located);
                return;
            }
            Emit(sb, ctx, ExceptionLineWithSuggestion(exc));
            FormatNotes(sb, exc, ctx);
            return;
        }
        if (ctx.Depth > MaxGroupDepth)
        {
            Emit(sb, ctx, $"... (max_group_depth is {MaxGroupDepth})\n");
            return;
        }
        var topLevel = ctx.Depth == 0;
        if (topLevel)
        {
            ctx.Depth++;
        }
        if (exc.Traceback is PyTraceback gtb)
        {
            var frames = new StringBuilder("Exception Group Traceback (most recent call last):\n");
            FormatFrames(frames, gtb);
            Emit(sb, ctx, frames.ToString(), topLevel ? "+ " : null);
        }
        Emit(sb, ctx, ExceptionLine(exc));
        FormatNotes(sb, exc, ctx);
        var excs = PyExceptionGroup.Exceptions(exc);
        var n = excs.Count <= MaxGroupWidth ? excs.Count : MaxGroupWidth + 1;
        ctx.NeedClose = false;
        for (var i = 0; i < n; i++)
        {
            var last = i == n - 1;
            if (last)
            {
                // The closing line may be written by a nested group.
                ctx.NeedClose = true;
            }
            var truncated = i >= MaxGroupWidth;
            sb.Append(ctx.Indent).Append(i == 0 ? "+-" : "  ").Append($"+---------------- {(truncated ? "..." : (i + 1).ToString())} ----------------\n");
            ctx.Depth++;
            if (!truncated)
            {
                FormatRecursive(sb, (PyBaseException)excs[i], ctx);
            }
            else
            {
                var remaining = excs.Count - MaxGroupWidth;
                Emit(sb, ctx, $"and {remaining} more exception{(remaining > 1 ? "s" : "")}\n");
            }
            if (last && ctx.NeedClose)
            {
                sb.Append(ctx.Indent).Append("+------------------------------------\n");
                ctx.NeedClose = false;
            }
            ctx.Depth--;
        }
        if (topLevel)
        {
            ctx.Depth = 0;
        }
    }

    private static void FormatChained(StringBuilder sb, PyBaseException exc, PrintContext ctx, string message)
    {
        var needClose = ctx.NeedClose;
        FormatRecursive(sb, exc, ctx);
        ctx.NeedClose = needClose;
        Emit(sb, ctx, "\n" + message + "\n");
    }

    /// <summary><c>print_exception_notes</c>: each note of <c>__notes__</c> on its own lines
    /// after the exception line (the repr of <c>__notes__</c> when it is not a sequence).</summary>
    private static void FormatNotes(StringBuilder sb, PyBaseException exc, PrintContext ctx)
    {
        PyObject? notes;
        try
        {
            notes = Ops.TryGetAttr(exc, PyStr.Intern("__notes__"));
        }
        catch (Errors.PyException)
        {
            return;
        }
        if (notes is null)
        {
            return;
        }
        if (notes.Type.Slots.GetItem is null || notes is PyDict)
        {
            string text;
            try
            {
                text = Ops.Repr(notes).Value;
            }
            catch (Errors.PyException)
            {
                text = "<__notes__ repr() failed>";
            }
            sb.Append(ctx.Indent).Append(ctx.Margin).Append(text).Append('\n');
            return;
        }
        foreach (var note in Ops.Iterate(notes))
        {
            string text;
            try
            {
                text = Ops.Str(note).Value;
            }
            catch (Errors.PyException)
            {
                sb.Append("<note str() failed>\n");
                continue;
            }
            foreach (var line in SplitLinesKeepEnds(text))
            {
                sb.Append(ctx.Indent).Append(ctx.Margin).Append(line);
            }
            sb.Append('\n');
        }
    }

    /// <summary><c>str.splitlines(keepends=True)</c>.</summary>
    private static IEnumerable<string> SplitLinesKeepEnds(string s)
    {
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
            {
                if (c == '\r' && i + 1 < s.Length && s[i + 1] == '\n')
                {
                    i++;
                }
                yield return s[start..(i + 1)];
                start = i + 1;
            }
        }
        if (start < s.Length)
        {
            yield return s[start..];
        }
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
    internal static string? SourceLine(string file, int line)
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

    /// <summary>A SyntaxError object as <c>print_exception</c> shows it (<c>parse_syntax_error</c>):
    /// its file and line, the source text with carets, then the type and <c>msg</c>; null
    /// when its fields do not allow that (a <c>lineno</c> that is not an int).</summary>
    private static string? SyntaxErrorText(PyBaseException exc)
    {
        if (PyExc.CompileError(exc) is { } compileError)
        {
            return FormatSyntaxError(compileError);
        }
        if (exc.Member("lineno") is not PyInt { IsSmall: true } linenoObj)
        {
            return null;
        }
        var lineno = (int)linenoObj.Small;
        var exact = ReferenceEquals(exc.Type, PyExc.SyntaxError);
        var offset = exc.Member("offset") is PyInt { IsSmall: true } o ? (int)o.Small : exc.Member("offset") is PyNone ? -1 : 0;
        var endLineno = exact && exc.Member("end_lineno") is PyInt { IsSmall: true } el ? (int)el.Small : lineno;
        var endOffset = exact && exc.Member("end_offset") is PyInt { IsSmall: true } eo ? (int)eo.Small : -1;
        var filename = exc.Member("filename") is PyNone ? "<string>" : Ops.Str(exc.Member("filename")).Value;
        var sb = new StringBuilder($"  File \"{filename}\", line {lineno}\n");
        if (exc.Member("text") is PyStr text)
        {
            var bytes = Encoding.UTF8.GetBytes(text.Value);
            if (endLineno > lineno)
            {
                endOffset = bytes.Length;
            }
            endOffset = Math.Min(endOffset, bytes.Length + 1);
            AppendErrorText(sb, offset, endOffset, bytes);
        }
        var line = ExceptionLine(exc);
        var name = line.IndexOf(':') is var colon && colon >= 0 ? line[..colon] : line.TrimEnd('\n');
        var msg = Ops.Str(exc.Member("msg")).Value;
        sb.Append(msg.Length == 0 ? name + "\n" : $"{name}: {msg}\n");
        return sb.ToString();
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

    private static string ExceptionLineWithSuggestion(PyBaseException exc)
    {
        var line = ExceptionLine(exc);
        return Suggestions.Offer(exc) is { } suggestion ? $"{line[..^1]}. Did you mean: '{suggestion}'?\n" : line;
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
