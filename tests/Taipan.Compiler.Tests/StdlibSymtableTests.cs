using System.Text;

namespace Taipan.Compiler.Tests;

/// <summary>Every module of the installed CPython 3.11 library: the symbol table built from
/// CPython's AST equals the one CPython's <c>symtable</c> module gives.</summary>
public class StdlibSymtableTests
{
    internal static string[] StdlibFiles() =>
        Directory.GetFiles("/usr/lib/python3.11", "*.py", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void AllStdlibSymtablesMatchCPython()
    {
        var files = StdlibFiles();
        Assert.NotEmpty(files);
        int compared = 0;
        var failures = new List<string>();
        const int batch = 200;
        for (int i = 0; i < files.Length; i += batch)
        {
            var chunk = files.Skip(i).Take(batch).ToArray();
            var trees = CPython.ParseFiles(chunk);
            var expected = CPython.Run("symtable_dump.py", chunk).SplitDumps();
            Assert.Equal(chunk.Length, expected.Length);
            for (int j = 0; j < chunk.Length; j++)
            {
                if (trees[j] is null)
                {
                    continue;
                }
                compared++;
                var mine = SymtableTests.Dump(chunk[j], trees[j]!);
                if (mine.TrimEnd('\n') != expected[j])
                {
                    failures.Add(FirstDifference(chunk[j], expected[j], mine));
                }
            }
        }
        Assert.True(compared > 1000, $"only {compared} files compared");
        Assert.True(failures.Count == 0, $"{failures.Count} of {compared} files differ:\n" + string.Join("\n", failures.Take(10)));
    }

    /// <summary>Files where Taipan's parser (not the compiler) differs from CPython's:
    /// badsyntax_pep3120.py has a non-UTF-8 string literal that CPython rejects.</summary>
    internal static readonly HashSet<string> ParserKnownDifferences = ["badsyntax_pep3120.py"];

    /// <summary>The same with Taipan's own parser.</summary>
    [Fact]
    public void AllStdlibSymtablesMatchCPythonWithTaipanParser()
    {
        var files = StdlibFiles();
        int compared = 0;
        var failures = new List<string>();
        const int batch = 200;
        for (int i = 0; i < files.Length; i += batch)
        {
            var chunk = files.Skip(i).Take(batch).ToArray();
            var expected = CPython.Run("symtable_dump.py", chunk).SplitDumps();
            for (int j = 0; j < chunk.Length; j++)
            {
                Taipan.Syntax.Ast.ModNode mod;
                try
                {
                    mod = Taipan.Syntax.Parser.Parser.Parse(Taipan.Syntax.Tokenizer.SourceText.FromBytes(File.ReadAllBytes(chunk[j]), chunk[j]));
                }
                catch (Taipan.Syntax.Errors.PythonException)
                {
                    continue;
                }
                if (ParserKnownDifferences.Contains(Path.GetFileName(chunk[j])))
                {
                    continue;
                }
                compared++;
                var mine = SymtableTests.Dump(chunk[j], mod);
                if (mine.TrimEnd('\n') != expected[j])
                {
                    failures.Add(FirstDifference(chunk[j], expected[j], mine));
                }
            }
        }
        Assert.True(compared > 1000, $"only {compared} files compared");
        Assert.True(failures.Count == 0, $"{failures.Count} of {compared} files differ:\n" + string.Join("\n", failures.Take(10)));
    }

    private static string FirstDifference(string path, string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var sb = new StringBuilder(path);
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "<end>";
            var y = i < a.Length ? a[i] : "<end>";
            if (x != y)
            {
                sb.Append($": line {i}: CPython '{x}', Taipan '{y}'");
                break;
            }
        }
        return sb.ToString();
    }
}
