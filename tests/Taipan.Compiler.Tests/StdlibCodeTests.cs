using Xunit.Abstractions;

namespace Taipan.Compiler.Tests;

/// <summary>Every module of the installed CPython 3.11 library, compiled from CPython's AST:
/// the code objects are compared field by field (recursively) with <c>compile()</c>'s.
/// Differences are listed in /tmp/taipan-compiler-stdlib.txt.</summary>
public class StdlibCodeTests(ITestOutputHelper output)
{
    /// <summary>The share of files that must compile identically; raise it as the compiler
    /// covers more.</summary>
    private const double RequiredMatchRate = 0.995;

    [Fact]
    public void StdlibCodeObjectsMatchCPython()
    {
        var files = StdlibSymtableTests.StdlibFiles();
        int compared = 0, matched = 0;
        var failures = new List<string>();
        const int batch = 100;
        for (int i = 0; i < files.Length; i += batch)
        {
            var chunk = files.Skip(i).Take(batch).ToArray();
            var trees = CPython.ParseFiles(chunk);
            var expected = CPython.Run("code_dump.py", chunk).SplitDumps();
            Assert.Equal(chunk.Length, expected.Length);
            for (int j = 0; j < chunk.Length; j++)
            {
                if (trees[j] is null)
                {
                    continue;
                }
                compared++;
                string mine;
                try
                {
                    mine = CodeDump.Dump(chunk[j], trees[j]!);
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
                    failures.Add(FirstDifference(chunk[j], expected[j], mine));
                    var name = Path.Combine("/tmp/taipan-stdlib-diffs", chunk[j].Replace('/', '_'));
                    Directory.CreateDirectory("/tmp/taipan-stdlib-diffs");
                    File.WriteAllText(name + ".expected", expected[j]);
                    File.WriteAllText(name + ".actual", mine);
                }
            }
        }
        File.WriteAllLines("/tmp/taipan-compiler-stdlib.txt", failures);
        output.WriteLine($"{matched} of {compared} files compile identically");
        Assert.True(compared > 1000, $"only {compared} files compared");
        Assert.True(matched >= RequiredMatchRate * compared, $"{matched} of {compared} files compile identically");
    }

    private static string FirstDifference(string path, string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        string code = "";
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "<end>";
            var y = i < a.Length ? a[i] : "<end>";
            if (x.StartsWith("code "))
            {
                code = x;
            }
            if (x != y)
            {
                string field = x.Trim().Split('=')[0];
                return $"{path}: {code}: {field}";
            }
        }
        return path;
    }
}
