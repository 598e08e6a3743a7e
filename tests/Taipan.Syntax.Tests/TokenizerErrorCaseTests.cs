using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Tests;

/// <summary>Runs the cases of TokenizerErrorCases.json (written from CPython 3.11 by
/// tools/tokenizer/gen_error_cases.py): each source either raises exactly CPython's error from
/// the tokenizer or source decoding, or tokenizes cleanly to ENDMARKER.</summary>
public class TokenizerErrorCaseTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Value)
            data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static readonly Lazy<List<JsonElement>> Cases = new(Load);

    private static List<JsonElement> Load()
    {
        var path = Path.Combine(Path.GetDirectoryName(ThisFile())!, "TokenizerErrorCases.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MatchesCPython(string name)
    {
        var c = Cases.Value.Single(e => e.GetProperty("name").GetString() == name);
        var src = Convert.FromBase64String(c.GetProperty("source").GetString()!);
        string entry = c.GetProperty("entry").GetString()!;
        string mode = c.GetProperty("mode").GetString()!;
        string filename = c.GetProperty("filename").GetString()!;
        bool tokenizerError = c.GetProperty("tokenizerError").GetBoolean();

        PythonSyntaxError? error = null;
        int tokens = 0;
        try
        {
            var source = entry switch
            {
                "bytes" => SourceText.FromBytes(src, filename),
                "str" => SourceText.FromString(Encoding.UTF8.GetString(src), filename),
                _ => SourceText.FromFile(src, filename),
            };
            var tok = new Tokenizer.Tokenizer(source) { ImplicitNewline = mode == "exec" };
            while (tok.Next().Kind != TokenKind.EndMarker)
                Assert.True(++tokens < 100_000);
        }
        catch (PythonSyntaxError e)
        {
            error = e;
        }

        if (!tokenizerError)
        {
            Assert.True(error == null, $"unexpected {error?.PythonType}: {error?.Msg} {error?.Lineno}:{error?.Offset}");
            return;
        }
        Assert.NotNull(error);
        var x = c.GetProperty("cpython");
        var expected = string.Join(" | ", x.GetProperty("type").GetString(), x.GetProperty("msg").GetString(),
            Int(x, "lineno"), Int(x, "offset"), OptionalInt(x, "end_lineno"), OptionalInt(x, "end_offset"), Str(x, "text"));
        var actual = string.Join(" | ", error.PythonType, error.Msg, error.Lineno, error.Offset, error.EndLineno?.ToString() ?? "None",
            error.EndOffset?.ToString() ?? "None", error.Text == null ? "None" : Repr(error.Text));
        Assert.Equal(expected, actual);
    }

    // PythonSyntaxError's lineno and offset are ints, 0 standing for None.
    private static int Int(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? 0 : e.GetProperty(name).GetInt32();

    private static string OptionalInt(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? "None" : e.GetProperty(name).GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Str(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? "None" : Repr(e.GetProperty(name).GetString()!);

    private static string Repr(string s) => "'" + s.Replace("\n", "\\n").Replace("\t", "\\t").Replace("\f", "\\f") + "'";
}
