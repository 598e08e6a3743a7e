using System.Globalization;
using System.Numerics;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Tests;

/// <summary>int and float arithmetic checked against CPython on random inputs: the places where
/// a last-bit difference is easy to make (correctly rounded int/int and int-to-float, rounding
/// to n digits, hex forms, modular powers).</summary>
public class NumberTests
{
    private static BigInteger RandomInt(Random rng, int maxBits)
    {
        var bits = rng.Next(1, maxBits);
        var bytes = new byte[bits / 8 + 1];
        rng.NextBytes(bytes);
        var v = new BigInteger(bytes, isUnsigned: true) >> (bytes.Length * 8 - bits);
        return rng.Next(2) == 0 ? v : -v;
    }

    private static double RandomDouble(Random rng) => rng.Next(4) switch
    {
        0 => BitConverter.Int64BitsToDouble(rng.NextInt64(0, 0x7ff0000000000000L)) * (rng.Next(2) == 0 ? 1 : -1),
        1 => Math.Round(rng.NextDouble() * 1000, rng.Next(0, 6)) * (rng.Next(2) == 0 ? 1 : -1),
        2 => (rng.Next(-100000, 100000) + 0.5) / Math.Pow(10, rng.Next(0, 6)),
        _ => BitConverter.Int64BitsToDouble(rng.NextInt64(0, 0x0010000000000000L)),
    };

    private static string Outcome(Func<PyObject> f)
    {
        try
        {
            return Ops.Repr(f()).Value;
        }
        catch (PyException e)
        {
            return e.Value.Type.Name;
        }
    }

    private static string PyLiteral(double d) => Taipan.Syntax.Ast.PyRepr.Float(d) is var s && (s.Contains("inf") || s.Contains("nan")) ? $"float('{s}')" : s;

    [Fact]
    public void TrueDivisionAndFloatConversionAreCorrectlyRounded()
    {
        var rng = new Random(4);
        var pairs = new List<(BigInteger A, BigInteger B)>();
        for (var i = 0; i < 400; i++)
        {
            var b = RandomInt(rng, i % 4 == 0 ? 1100 : 130);
            pairs.Add((RandomInt(rng, i % 3 == 0 ? 1200 : 200), b.IsZero ? 1 : b));
        }
        var code = "pairs = [" + string.Join(",", pairs.Select(p => $"({p.A},{p.B})")) + "]\n"
            + "for a, b in pairs:\n"
            + "    try: q = repr(a / b)\n    except OverflowError: q = 'OverflowError'\n"
            + "    try: f = repr(float(a))\n    except OverflowError: f = 'OverflowError'\n"
            + "    print(q, f)\n";
        var expected = CPython.Run(code);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (a, b) = pairs[i];
            var q = Outcome(() => PyInt.TrueDivide(PyInt.From(a), PyInt.From(b)));
            var f = Outcome(() => PyInt.From(a).FloatSlot());
            Assert.Equal(expected[i], $"{q} {f}");
        }
    }

    [Fact]
    public void RoundToDigitsHexAndFromHexMatchCPython()
    {
        var rng = new Random(7);
        var cases = new List<(double X, int N)>();
        for (var i = 0; i < 600; i++)
        {
            cases.Add((RandomDouble(rng), rng.Next(-8, 20)));
        }
        var code = "cases = [" + string.Join(",", cases.Select(c => $"({PyLiteral(c.X)},{c.N})")) + "]\n"
            + "for x, n in cases:\n"
            + "    try: r = repr(round(x, n))\n    except OverflowError: r = 'OverflowError'\n"
            + "    print(r, x.hex(), repr(float.fromhex(x.hex())), round(x) if abs(x) < 1e300 else '-')\n";
        var expected = CPython.Run(code);
        for (var i = 0; i < cases.Count; i++)
        {
            var (x, n) = cases[i];
            var f = new PyFloat(x);
            var r = Outcome(() => f.Round(PyInt.From(n)));
            var hex = f.Hex();
            var back = Outcome(() => PyFloat.FromHex(PyFloat.TypeObject, new PyStr(hex)));
            var whole = Math.Abs(x) < 1e300 ? Ops.Repr(f.Round()).Value : "-";
            Assert.Equal(expected[i], $"{r} {hex} {back} {whole}");
        }
    }

    [Fact]
    public void ModularPowersMatchCPython()
    {
        var rng = new Random(11);
        var cases = new List<(BigInteger A, BigInteger E, BigInteger M)>();
        for (var i = 0; i < 300; i++)
        {
            var m = RandomInt(rng, 100);
            cases.Add((RandomInt(rng, 120), RandomInt(rng, 40), m.IsZero ? 7 : m));
        }
        var code = "cases = [" + string.Join(",", cases.Select(c => $"({c.A},{c.E},{c.M})")) + "]\n"
            + "for a, e, m in cases:\n"
            + "    try: print(pow(a, e, m))\n    except ValueError: print('ValueError')\n";
        var expected = CPython.Run(code);
        for (var i = 0; i < cases.Count; i++)
        {
            var (a, e, m) = cases[i];
            Assert.Equal(expected[i], Outcome(() => Number.Power(PyInt.From(a), PyInt.From(e), PyInt.From(m))));
        }
    }

    [Fact]
    public void FloatStringsParseAsCPythonParsesThem()
    {
        string[] inputs =
        [
            "1.5", " -2.5e-3 ", "1_000.000_1", "1__0", "_1", "1_", "1e", "1e+", ".e1", ".5", "5.", "inf", "-Infinity", "nAn",
            "infinit", "0x10", "1e400", "-1e-400", "\u0663.\u0661\u0664", "+.5e-1", "1.5j", "", " ", "1 2", "0.000000000000000000000000001e27",
        ];
        var code = "for s in " + "[" + string.Join(",", inputs.Select(s => Taipan.Syntax.Ast.PyRepr.Str(s))) + "]:\n"
            + "    try: print(repr(float(s)))\n    except ValueError as e: print('ValueError', e)\n";
        var expected = CPython.Run(code);
        for (var i = 0; i < inputs.Length; i++)
        {
            string got;
            try
            {
                got = Taipan.Syntax.Ast.PyRepr.Float(PyFloat.Parse(inputs[i]));
            }
            catch (PyException e)
            {
                got = "ValueError " + Ops.Str(e.Value).Value;
            }
            Assert.Equal(expected[i], got);
        }
    }
}

public class IntParseTests
{
    [Theory]
    [InlineData("ff_ff", 16, "65535")]
    [InlineData("-0b1010_1010", 0, "-170")]
    [InlineData("0o777", 0, "511")]
    [InlineData("  1z  ", 36, "71")]
    [InlineData("100000000000000000000000000000001", 2, "4294967297")]
    [InlineData("0x0", 0, "0")]
    public void ParsesPrefixesBasesAndUnderscores(string text, int @base, string expected) =>
        Assert.Equal(expected, PyInt.Parse(text, @base).ToString());

    [Fact]
    public void LongBinaryStringsParseInLinearTime()
    {
        // A million hex digits: packed bit by bit, not by repeated multiplication.
        var text = new string('f', 1_000_000);
        var v = PyInt.Parse(text, 16);
        Assert.Equal(4_000_000, v.BitLength());
        Assert.Equal(4_000_000, v.BitCount());
    }

    [Fact]
    public void HugePowersRaiseMemoryError()
    {
        var e = Assert.Throws<PyException>(() => Number.Power(PyInt.From(3), PyInt.From(int.MaxValue), PyNone.Value));
        Assert.Equal("MemoryError", e.Value.Type.Name);
    }
}
