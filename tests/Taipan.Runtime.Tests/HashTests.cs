using System.Numerics;
using System.Text;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Tests;

public class HashTests
{
    private static readonly string[] Strings = ["", "a", "abc", "hello world", "é", "naïve café", "日本語", "€uro", "\U0001F600 smile", "x\udc80y", new string('z', 1000)];

    [Fact]
    public void StrHashesEqualCPythonsWithSeedZero()
    {
        // PYTHONHASHSEED=0 gives all-zero SipHash keys.
        var code = "import sys\nfor s in " + PyList(Strings) + ": print(hash(s))";
        var expected = CPython.Run(code, "0");
        for (var i = 0; i < Strings.Length; i++)
        {
            Assert.Equal(long.Parse(expected[i]), StrHash(Strings[i], 0, 0));
        }
    }

    [Fact]
    public void StrHashesEqualCPythonsWithASeed()
    {
        var (k0, k1) = PyHash.KeysForSeed(12345);
        var expected = CPython.Run("for s in " + PyList(Strings) + ": print(hash(s))", "12345");
        for (var i = 0; i < Strings.Length; i++)
        {
            Assert.Equal(long.Parse(expected[i]), StrHash(Strings[i], k0, k1));
        }
    }

    [Fact]
    public void NumericHashesEqualCPythons()
    {
        long[] ints = [0, 1, -1, -2, 2305843009213693950, 2305843009213693951, -2305843009213693951, long.MaxValue, long.MinValue];
        double[] floats = [0.0, -0.0, 1.5, -1.5, 1e300, 1e-300, 3.141592653589793, double.PositiveInfinity, double.NegativeInfinity, 5e-324, 123456789.125];
        var code = "for i in " + string.Join(",", ints) + ", 2**100, -(2**100): print(hash(i))\n"
            + "for f in [" + string.Join(",", floats.Select(f => $"float('{f:R}')")) + "]: print(hash(f))\n"
            + "print(hash(()), hash((1, 2)), hash(('a', (None, 1.5))))";
        var expected = CPython.Run(code);
        var k = 0;
        foreach (var i in ints)
        {
            Assert.Equal(long.Parse(expected[k++]), PyInt.From(i).Hash());
        }
        Assert.Equal(long.Parse(expected[k++]), PyInt.From(BigInteger.Pow(2, 100)).Hash());
        Assert.Equal(long.Parse(expected[k++]), PyInt.From(-BigInteger.Pow(2, 100)).Hash());
        foreach (var f in floats)
        {
            Assert.Equal(long.Parse(expected[k++]), new PyFloat(f).Hash());
        }
        var tuples = expected[k].Split(' ').Select(long.Parse).ToArray();
        Assert.Equal(tuples[0], PyTuple.Empty.Hash());
        Assert.Equal(tuples[1], PyTuple.Create(PyInt.From(1), PyInt.From(2)).Hash());
    }

    private static long StrHash(string s, ulong k0, ulong k1) => PyHash.StrWithKeys(s, k0, k1);

    private static string PyList(string[] items)
    {
        var sb = new StringBuilder("[");
        foreach (var s in items)
        {
            sb.Append('"');
            for (var i = 0; i < s.Length; i++)
            {
                if (char.IsSurrogatePair(s, i))
                {
                    sb.Append($"\\U{char.ConvertToUtf32(s[i], s[i + 1]):x8}");
                    i++;
                }
                else
                {
                    sb.Append($"\\u{(int)s[i]:x4}");
                }
            }
            sb.Append("\",");
        }
        return sb.Append(']').ToString();
    }
}
