using System.Text.Json;
using Taipan.Syntax.Unicode;

namespace Taipan.Syntax.Tests;

/// <summary>The Unicode name table against CPython 3.11's unicodedata
/// (StringUnicodeNameCases.json, written by tools/gen/gen_unicode_name_cases.py).</summary>
public class StringUnicodeNameTests
{
    private sealed record Cases(JsonElement[][] Names, JsonElement[][] Lookups);

    private static readonly Lazy<Cases> Data = new(() =>
        JsonSerializer.Deserialize<Cases>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "StringUnicodeNameCases.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);

    [Fact]
    public void NamesOfSampledCodePoints()
    {
        var mismatches = new List<string>();
        var named = 0;
        foreach (var entry in Data.Value.Names)
        {
            var cp = entry[0].GetInt32();
            var expected = entry[1].ValueKind == JsonValueKind.Null ? null : entry[1].GetString();
            var found = UnicodeNames.TryGetName(cp, out var name);
            if (expected != null)
            {
                named++;
            }
            if ((found ? name : null) != expected)
            {
                mismatches.Add($"U+{cp:X4}: {name} != {expected}");
            }
            else if (expected != null && (!UnicodeNames.TryLookup(expected, out var back) || back != cp))
            {
                mismatches.Add($"lookup {expected} != U+{cp:X4}");
            }
        }
        Assert.True(named > 5000, "sample too small");
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Lookups()
    {
        var mismatches = new List<string>();
        foreach (var entry in Data.Value.Lookups)
        {
            var name = entry[0].GetString()!;
            var expected = entry[1].GetInt32();
            var got = UnicodeNames.TryLookup(name, out var cp) ? cp : -1;
            if (got != expected)
            {
                mismatches.Add($"{name}: {got} != {expected}");
            }
        }
        Assert.Empty(mismatches);
    }
}

public class StringUnicodePrintableTests
{
    private sealed record Cases(JsonElement[][] Printable);

    [Fact]
    public void MatchesCPython()
    {
        var data = JsonSerializer.Deserialize<Cases>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "StringUnicodeNameCases.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        var mismatches = new List<string>();
        foreach (var entry in data.Printable)
        {
            var cp = entry[0].GetInt32();
            if (UnicodePrintable.IsPrintable(cp) != entry[1].GetBoolean())
            {
                mismatches.Add($"U+{cp:X4}");
            }
        }
        Assert.True(data.Printable.Length > 10000);
        Assert.Empty(mismatches);
    }
}
