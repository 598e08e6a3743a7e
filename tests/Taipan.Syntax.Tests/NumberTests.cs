using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Parser;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Tests;

/// <summary>NUMBER literals against CPython 3.11 (NumberCases.json, written by
/// tools/gen/gen_number_cases.py).</summary>
public class NumberTests
{
    public sealed record Case(string Src, string? Kind, string? Value, string? Error, int Lineno, int Offset, int End_offset);

    private static readonly Lazy<List<Case>> Cases = new(() =>
        JsonSerializer.Deserialize<List<Case>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "NumberCases.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Cases.Value.Count; i++)
        {
            data.Add(i);
        }
        return data;
    }

    private static object Parse(string src, out StringTestHost host)
    {
        host = new StringTestHost(src);
        var token = new Token(TokenKind.Number, 0, host.Utf8.Length, 1, 0, 1, host.Utf8.Length);
        return StringParser.ParseNumber(host, token);
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void MatchesCPython(int index)
    {
        var c = Cases.Value[index];
        if (c.Error != null)
        {
            var e = Assert.Throws<PythonSyntaxError>(() => Parse(c.Src, out _));
            Assert.Equal(c.Error, e.Msg);
            Assert.Equal((c.Lineno, c.Offset, c.End_offset), (e.Lineno, e.Offset, e.EndOffset));
            return;
        }
        var value = Parse(c.Src, out _);
        switch (c.Kind)
        {
            case "int":
                var expected = c.Value!.StartsWith("0x", StringComparison.Ordinal)
                    ? BigInteger.Parse("0" + c.Value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                    : BigInteger.Parse(c.Value, CultureInfo.InvariantCulture);
                Assert.Equal(expected, Assert.IsType<BigInteger>(value));
                break;
            case "float":
                Assert.Equal(long.Parse(c.Value!, CultureInfo.InvariantCulture), BitConverter.DoubleToInt64Bits(Assert.IsType<double>(value)));
                break;
            default:
                var complex = Assert.IsType<Complex>(value);
                Assert.Equal(0.0, complex.Real);
                Assert.Equal(long.Parse(c.Value!, CultureInfo.InvariantCulture), BitConverter.DoubleToInt64Bits(complex.Imaginary));
                break;
        }
    }

    [Fact]
    public void DigitLimitFollowsSetting()
    {
        var saved = StringParser.IntMaxStrDigits;
        try
        {
            StringParser.IntMaxStrDigits = 0;
            Assert.IsType<BigInteger>(Parse(new string('7', 6000), out _));
            StringParser.IntMaxStrDigits = 1000;
            var e = Assert.Throws<PythonSyntaxError>(() => Parse(new string('7', 1001), out _));
            Assert.StartsWith("Exceeds the limit (1000 digits) for integer string conversion: value has 1001 digits;", e.Msg);
        }
        finally
        {
            StringParser.IntMaxStrDigits = saved;
        }
    }
}
