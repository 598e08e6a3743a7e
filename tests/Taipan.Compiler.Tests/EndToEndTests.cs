using System.Text;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;
using Xunit.Abstractions;

namespace Taipan.Compiler.Tests;

/// <summary>Taipan's own parser and compiler together, against CPython's compile() on the
/// whole installed library. Differences go to /tmp/taipan-compiler-e2e.txt.</summary>
public class EndToEndTests(ITestOutputHelper output)
{
    private const double RequiredMatchRate = 0.995;

    internal static string Dump(string path, int optimize)
    {
        try
        {
            var co = CodeGen.Compiler.CompileSource(SourceText.FromBytes(File.ReadAllBytes(path), path), optimize: optimize);
            return CodeDump.DumpCode(path, co);
        }
        catch (PythonSyntaxError e)
        {
            return $"== {path}\nerror {e.PythonType} {e.Msg} {e.Lineno} {e.Offset}\n";
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void StdlibCompilesLikeCPython(int optimize)
    {
        var files = StdlibSymtableTests.StdlibFiles();
        int compared = 0, matched = 0;
        var failures = new List<string>();
        const int batch = 100;
        for (int i = 0; i < files.Length; i += batch)
        {
            var chunk = files.Skip(i).Take(batch).ToArray();
            var args = new List<string> { "-O", optimize.ToString() };
            args.AddRange(chunk);
            var expected = CPython.Run("code_dump.py", args.ToArray()).SplitDumps();
            Assert.Equal(chunk.Length, expected.Length);
            for (int j = 0; j < chunk.Length; j++)
            {
                compared++;
                string mine;
                try
                {
                    mine = Dump(chunk[j], optimize);
                }
                catch (Exception e)
                {
                    failures.Add($"{chunk[j]}: {e.GetType().Name}: {e.Message}");
                    continue;
                }
                if (mine.TrimEnd('\n') == expected[j])
                {
                    matched++;
                }
                else
                {
                    failures.Add(chunk[j] + ": " + FirstDifferentLine(expected[j], mine));
                }
            }
        }
        File.WriteAllLines($"/tmp/taipan-compiler-e2e-O{optimize}.txt", failures);
        output.WriteLine($"-O{optimize}: {matched} of {compared} files compile identically");
        Assert.True(matched >= RequiredMatchRate * compared, $"{matched} of {compared} files compile identically");
    }

    private static string FirstDifferentLine(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.TrimEnd('\n').Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "<end>";
            var y = i < a.Length ? a[i] : "<end>";
            if (x != y)
            {
                return (x.Length > 120 ? x[..120] : x) + " | " + (y.Length > 120 ? y[..120] : y);
            }
        }
        return "";
    }
}
