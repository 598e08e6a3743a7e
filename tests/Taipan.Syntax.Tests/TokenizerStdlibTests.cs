using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Tests;

/// <summary>Tokenizes every .py file of the installed CPython 3.11 library and compares with
/// tools/tokenizer/reference_tokens.py (CPython's <c>tokenize</c> module, normalised to what the
/// C tokenizer reports; see that script for how).</summary>
public class TokenizerStdlibTests
{
    private const string Python = "/usr/bin/python3.11";
    private const string Lib = "/usr/lib/python3.11";

    /// <summary>Files where <c>tokenize</c> and the C tokenizer disagree, each checked against
    /// CPython's <c>compile()</c>.</summary>
    private static readonly Dictionary<string, string> KnownDifferences = new()
    {
        // Python 2 code: compile() fails with "leading zeros in decimal integer literals ...",
        // as Taipan does; tokenize accepts it.
        ["lib2to3/tests/data/py2_test_grammar.py"] = "Python 2 octal literal",
        // Invalid UTF-8 inside a string: tokenize fails to decode; the C tokenizer passes the
        // bytes on and the string parser reports them.
        ["test/badsyntax_pep3120.py"] = "invalid UTF-8 in a string",
        // U+E0100 (a variation selector) is XID_Continue; tokenize's \w pattern ends the name
        // before it, the C tokenizer (and ast.parse's end_col_offset 17) does not.
        ["test/test_unicode_identifiers.py"] = "tokenize's identifier pattern",
    };

    [Fact]
    [Trait("Category", "Slow")]
    public void MatchesTokenizeOnTheStandardLibrary()
    {
        if (!File.Exists(Python) || !Directory.Exists(Lib))
            return;
        var script = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "../../tools/tokenizer/reference_tokens.py"));
        var psi = new ProcessStartInfo(Python, [script, Lib]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var proc = Process.Start(psi)!;
        var reference = Split(proc.StandardOutput.ReadToEnd());
        proc.WaitForExit();
        Assert.Equal(0, proc.ExitCode);

        var differing = new List<string>();
        int identical = 0;
        foreach (var (path, expected) in reference)
        {
            if (Dump(path) == expected)
                identical++;
            else
                differing.Add(Path.GetRelativePath(Lib, path));
        }
        Assert.True(reference.Count > 1000);
        Assert.Equal(KnownDifferences.Keys.Order(StringComparer.Ordinal), differing.Order(StringComparer.Ordinal));
        Assert.Equal(reference.Count - KnownDifferences.Count, identical);
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static List<(string Path, string Tokens)> Split(string text)
    {
        var result = new List<(string, string)>();
        string? path = null;
        var sb = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (path != null)
                    result.Add((path, sb.ToString()));
                path = line[3..];
                sb.Clear();
            }
            else if (line.Length > 0)
            {
                sb.Append(line).Append('\n');
            }
        }
        if (path != null)
            result.Add((path, sb.ToString()));
        return result;
    }

    /// <summary>The format of reference_tokens.py (and tools/tokenizer/TokDump).</summary>
    private static string Dump(string path)
    {
        var sb = new StringBuilder();
        try
        {
            var tok = new Tokenizer.Tokenizer(SourceText.FromBytes(File.ReadAllBytes(path), path));
            for (; ; )
            {
                var t = tok.Next();
                var kind = t.Kind is TokenKind.Async or TokenKind.Await ? TokenKind.Name : t.Kind;
                var name = kind.ToString().ToUpperInvariant();
                if (kind is TokenKind.Indent or TokenKind.Dedent or TokenKind.EndMarker)
                    sb.Append(name).Append('\n');
                else if (kind == TokenKind.Newline)
                    sb.Append($"{name} {t.Lineno} {t.ColOffset} {t.EndColOffset}\n");
                else
                    sb.Append($"{name} {t.Lineno} {t.ColOffset} {t.EndLineno} {t.EndColOffset}\n");
                if (kind == TokenKind.EndMarker)
                    return sb.ToString();
            }
        }
        catch (PythonException)
        {
            return "!! error\n";
        }
    }
}
