using System.Text.Json;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Parser;
using Taipan.Syntax.Tokenizer;
using Assert = Xunit.Assert;

namespace Taipan.Syntax.Tests;

/// <summary>String literal sources parsed whole by <see cref="Parser.Parser"/> and compared with
/// CPython 3.11: the value of the first statement as <c>ast.dump(include_attributes=True)</c>
/// shows it, the warnings, or the SyntaxError with its position (StringCases.json and
/// StringEndToEndCases.json, written by tools/gen/gen_string_cases.py).</summary>
public class StringEndToEndTests
{
    public sealed record Case(string Src, string? Dump, string[]? Warnings, string? Error, int Lineno, int Offset, int End_lineno, int End_offset);

    private static Dictionary<string, Case> Load(string file)
    {
        var list = JsonSerializer.Deserialize<List<Case>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file)),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        var result = new Dictionary<string, Case>();
        foreach (var c in list)
        {
            result[c.Src] = c;
        }
        return result;
    }

    private static readonly Lazy<Dictionary<string, Case>> Cases = new(() =>
    {
        var all = Load("StringCases.json");
        foreach (var (src, c) in Load("StringEndToEndCases.json"))
        {
            all[src] = c;
        }
        return all;
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
        var warnings = new List<ParserWarning>();
        var source = SourceText.FromString(src, "<unknown>");
        if (expected.Error != null)
        {
            var e = Assert.Throws<PythonSyntaxError>(() => Parser.Parser.Parse(source, ParseMode.Exec, warnings));
            Assert.Equal(expected.Error, e.Msg);
            Assert.Equal((expected.Lineno, expected.Offset, expected.End_lineno, expected.End_offset), (e.Lineno, e.Offset, e.EndLineno, e.EndOffset));
            return;
        }
        var module = Assert.IsType<Module>(Parser.Parser.Parse(source, ParseMode.Exec, warnings));
        var value = Assert.IsType<Expr>(module.Body[0]).Value;
        Assert.Equal(expected.Dump, value.Dump());
        var got = new List<string>();
        foreach (var w in warnings)
        {
            got.Add($"{w.Category}: {w.Message} @{w.Lineno}");
        }
        Assert.Equal(expected.Warnings ?? [], got);
    }
}
