using System.Text.Json;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Parser;

namespace Taipan.Syntax.Tests;

/// <summary>String literal sources checked against CPython 3.11's results, stored in
/// StringCases.json by tools/gen/gen_string_cases.py.</summary>
public class StringCaseTests
{
    public sealed record Case(string Src, string? Dump, string[]? Warnings, string? Error);

    private static readonly Lazy<Dictionary<string, Case>> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "StringCases.json");
        var list = JsonSerializer.Deserialize<List<Case>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        var result = new Dictionary<string, Case>();
        foreach (var c in list)
        {
            result[c.Src] = c;
        }
        return result;
    });

    public static TheoryData<string> Sources()
    {
        var data = new TheoryData<string>();
        foreach (var src in Cases.Value.Keys)
        {
            data.Add(src);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void MatchesCPython(string src)
    {
        var expected = Cases.Value[src];
        var host = new StringTestHost(src);
        var tokens = host.Tokens();
        if (expected.Error != null)
        {
            var e = Assert.Throws<PythonSyntaxError>(() => StringParser.Concatenate(host, tokens));
            Assert.Equal(expected.Error, e.Msg);
            return;
        }
        var node = StringParser.Concatenate(host, tokens);
        Assert.Equal(expected.Dump, node.Dump());
        Assert.Equal(expected.Warnings ?? [], host.Warnings);
    }
}

public class StringAllocationTests
{
    /// <summary>A plain ASCII literal costs its string and its Constant node, nothing more.</summary>
    [Fact]
    public void PlainAsciiStringAllocatesOnlyItsValueAndNode()
    {
        var src = "\"" + new string('a', 64) + "\"";
        var host = new StringTestHost(src);
        var tokens = host.Tokens();
        StringParser.Concatenate(host, tokens);
        var before = GC.GetAllocatedBytesForCurrentThread();
        const int n = 100;
        for (var i = 0; i < n; i++)
        {
            StringParser.Concatenate(host, tokens);
        }
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / n;
        // string: 22 + 2 * 64 bytes rounded up; Constant: under 80 bytes.
        Assert.InRange(perCall, 150, 256);
    }
}
