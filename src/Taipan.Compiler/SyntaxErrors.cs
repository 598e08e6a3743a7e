// Python/errors.c (PyErr_SyntaxLocationObject, PyErr_RangedSyntaxLocationObject)
using System.Text;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Compiler;

/// <summary>Builds the <c>SyntaxError</c>s the compiler passes raise. Unlike the parser's
/// errors, CPython gives them the UTF-8 byte column plus one as offset (no conversion to
/// characters), and reads <c>text</c> back from the file named by <c>filename</c> when it
/// exists (so <c>compile()</c> of a string with a made-up name gives <c>text=None</c>).</summary>
internal static class SyntaxErrors
{
    /// <summary>PyErr_RangedSyntaxLocationObject with a node's whole range.</summary>
    public static PythonSyntaxError At(string filename, string msg, LocatedNode node, bool messageOnlyArgs = false) =>
        Ranged(filename, msg, node.Lineno, node.ColOffset + 1, node.EndLineno, node.EndColOffset + 1, messageOnlyArgs);

    /// <summary><paramref name="messageOnlyArgs"/>: as PyErr_RangedSyntaxLocationObject itself
    /// raises; compile.c's errors give args the whole location.</summary>
    public static PythonSyntaxError Ranged(string filename, string msg, int lineno, int offset, int endLineno, int endOffset, bool messageOnlyArgs = false) =>
        new("SyntaxError", msg, filename, lineno, offset, endLineno, endOffset, ProgramText(filename, lineno)) { MessageOnlyArgs = messageOnlyArgs };

    /// <summary>PyErr_SyntaxLocationObject: no end offset (None in Python, 0 here).</summary>
    public static PythonSyntaxError Located(string filename, string msg, int lineno, int offset, bool messageOnlyArgs = false) =>
        new("SyntaxError", msg, filename, lineno, offset, lineno, null, ProgramText(filename, lineno)) { MessageOnlyArgs = messageOnlyArgs };

    /// <summary>_PyErr_ProgramDecodedTextObject: the line read back from the file, if any.</summary>
    private static string? ProgramText(string filename, int lineno)
    {
        if (lineno < 1 || string.IsNullOrEmpty(filename) || !File.Exists(filename))
        {
            return null;
        }
        try
        {
            using var reader = new StreamReader(filename, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
            string? line = null;
            for (int i = 0; i < lineno; i++)
            {
                line = ReadLineKeepingNewline(reader);
                if (line is null)
                {
                    return null;
                }
            }
            return line;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadLineKeepingNewline(StreamReader reader)
    {
        var sb = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            sb.Append((char)c);
            if (c == '\n')
            {
                break;
            }
        }
        return sb.Length == 0 ? null : sb.ToString();
    }
}
