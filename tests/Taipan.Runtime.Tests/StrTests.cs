using System.Globalization;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Tests;

/// <summary>str internals: code-point indexing over surrogate pairs, float formatting
/// against CPython for many values and specs, and character properties over a range of code
/// points against CPython.</summary>
public class StrTests
{
    [Fact]
    public void CodePointIndexing()
    {
        var s = new PyStr("a\U0001F600b\ud800c\U0001F601");
        Assert.Equal(6, s.CodePointCount);
        Assert.False(s.IsSimple);
        Assert.Equal(3, s.CharOffset(2));
        Assert.Equal(4, s.CharOffset(3));
        Assert.Equal(8, s.CharOffset(6));
        Assert.Equal(2, s.CodePointIndex(3));
        Assert.Equal("\U0001F600", ((PyStr)s.GetItem(PyInt.From(1))).Value);
        Assert.Equal("\ud800", ((PyStr)s.GetItem(PyInt.From(3))).Value);
        Assert.Equal("\U0001F601", ((PyStr)s.GetItem(PyInt.From(-1))).Value);
        var e = Assert.Throws<PyException>(() => s.GetItem(PyInt.From(6)));
        Assert.Equal("string index out of range", Ops.Str(e.Value).Value);
        // Two lone surrogates that do not form a pair stay two code points.
        Assert.Equal(2, new PyStr("\udc00\ud800").CodePointCount);
        Assert.True(new PyStr("plain").IsSimple);
    }

    private static readonly string[] FloatSpecs =
        ["", "e", ".0e", ".3e", ".16e", "f", ".0f", ".2f", ".20f", "g", ".1g", ".5g", ".17g", "#g", "#.3g", ".3", ".0", "%", ".1%", ",.2f", "+012.4f", "z.1f", "E", "G", "n"];

    private static double[] FloatValues()
    {
        var values = new List<double> { 0.0, -0.0, 0.5, 1.5, 2.5, -2.675, 0.1, 1e-7, 9.999999e-5, 1e16, 1e22, 123456789012345678.0, 5e-324, 1.7976931348623157e308, 0.0001, 99999.95 };
        var rng = new Random(1234);
        for (var i = 0; i < 40; i++)
        {
            values.Add(Math.Round(rng.NextDouble() * Math.Pow(10, rng.Next(-12, 20)), rng.Next(0, 8)));
            values.Add(BitConverter.Int64BitsToDouble(rng.NextInt64() & 0x7fefffffffffffff) * (i % 2 == 0 ? 1 : -1));
        }
        return values.ToArray();
    }

    [Fact]
    public void FloatFormattingMatchesCPython()
    {
        var values = FloatValues();
        var literals = string.Join(", ", values.Select(v => $"float.fromhex('{ToHex(v)}')"));
        var specs = string.Join(", ", FloatSpecs.Select(s => $"'{s}'"));
        var expected = CPython.Run($"for v in [{literals}]:\n    for s in [{specs}]:\n        print(repr(format(v, s)))\n    print(repr('%.3e|%g|%#.0f|%+.10f|%r' % (v, v, v, v, v)))");
        var k = 0;
        foreach (var v in values)
        {
            foreach (var spec in FloatSpecs)
            {
                var actual = Ops.Repr(FormatterUnicode.FormatFloat(new PyFloat(v), spec)).Value;
                Assert.True(expected[k] == actual, $"format({v:R}, '{spec}'): {actual} != {expected[k]}");
                k++;
            }
            var pct = PercentFormat.Format("%.3e|%g|%#.0f|%+.10f|%r", PyTuple.Create(new PyFloat(v), new PyFloat(v), new PyFloat(v), new PyFloat(v), new PyFloat(v)));
            Assert.Equal(expected[k++], Ops.Repr(pct).Value);
        }
    }

    private static string ToHex(double v)
    {
        if (v == 0)
        {
            return double.IsNegative(v) ? "-0x0p+0" : "0x0p+0";
        }
        var bits = BitConverter.DoubleToInt64Bits(v);
        var sign = bits < 0 ? "-" : "";
        var exp = (int)((bits >> 52) & 0x7ff);
        var mantissa = bits & 0xfffffffffffffL;
        return exp == 0
            ? $"{sign}0x0.{mantissa:x13}p-1022"
            : $"{sign}0x1.{mantissa:x13}p{(exp - 1023).ToString(CultureInfo.InvariantCulture)}";
    }

    [Fact]
    public void CharacterPropertiesMatchCPython()
    {
        const int Limit = 0x20000;
        var expected = CPython.Run(
            $"for c in map(chr, range({Limit})):\n" +
            "    print(''.join('1' if f() else '0' for f in (c.isalpha, c.isdigit, c.isdecimal, c.isnumeric, c.isspace, c.isprintable, c.islower, c.isupper, c.istitle, c.isidentifier)) + ' ' + ' '.join(m().encode('unicode_escape').decode() for m in (c.upper, c.lower, c.title, c.casefold)))");
        var mismatches = new List<string>();
        for (var cp = 0; cp < Limit; cp++)
        {
            if (cp is >= 0xd800 and < 0xe000)
            {
                continue;
            }
            var s = PyStr.FromCodePoint(cp);
            var flags = string.Concat(new[] { s.IsAlpha(), s.IsDigit(), s.IsDecimal(), s.IsNumeric(), s.IsSpace(), s.IsPrintable(), s.IsLower(), s.IsUpper(), s.IsTitle(), s.IsIdentifier() }.Select(b => b ? '1' : '0'));
            var actual = $"{flags} {Escape(s.Upper().Value)} {Escape(s.Lower().Value)} {Escape(s.Title().Value)} {Escape(s.CaseFold().Value)}";
            if (actual != expected[cp])
            {
                mismatches.Add($"U+{cp:X4}: {actual} != {expected[cp]}");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(40)) + $"\n({mismatches.Count} mismatches)");
    }

    private static string Escape(string s)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (PyStr.IsPairAt(s, i))
            {
                sb.Append($"\\U{char.ConvertToUtf32(s[i], s[i + 1]):x8}");
                i++;
                continue;
            }
            var c = s[i];
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                < ' ' or (>= '\x7f' and <= '\xff') => $"\\x{(int)c:x2}",
                > '\xff' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}
