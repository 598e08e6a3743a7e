using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Tests;

public class BytesTests
{
    /// <summary>Byte strings that stress UTF-8 decoding: random mixes of ASCII, continuation
    /// bytes, lead bytes and the boundary values of each sequence length.</summary>
    private static byte[][] Samples()
    {
        byte[] alphabet = [0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];
        var random = new Random(4);
        var samples = new byte[300][];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = new byte[random.Next(1, 7)];
            for (var k = 0; k < samples[i].Length; k++)
            {
                samples[i][k] = alphabet[random.Next(alphabet.Length)];
            }
        }
        return samples;
    }

    private static string Describe(string s)
    {
        var parts = new List<string>();
        for (var i = 0; i < s.Length;)
        {
            parts.Add(PyStr.NextCodePoint(s, ref i).ToString("x"));
        }
        return string.Join(" ", parts);
    }

    [Fact]
    public void Utf8DecodingMatchesCPython()
    {
        var samples = Samples();
        var literal = string.Join(",", samples.Select(b => "bytes([" + string.Join(",", b) + "])"));
        var code = "for b in [" + literal + "]:\n"
            + "    for errors in ['surrogateescape', 'replace', 'backslashreplace']:\n"
            + "        print(' '.join('%x' % ord(c) for c in b.decode('utf-8', errors)))\n"
            + "    try:\n"
            + "        b.decode()\n"
            + "        print('ok')\n"
            + "    except UnicodeDecodeError as e:\n"
            + "        print(e.start, e.end, e.reason)\n";
        var expected = CPython.Run(code.Replace("print(' '.join", "print('=' + ' '.join"));
        var line = 0;
        foreach (var b in samples)
        {
            foreach (var errors in new[] { "surrogateescape", "replace", "backslashreplace" })
            {
                Assert.Equal(expected[line++], "=" + Describe(Codecs.Decode(b, "utf-8", errors)));
            }
            string actual;
            try
            {
                Codecs.Decode(b, "utf-8", "strict");
                actual = "ok";
            }
            catch (PyException e)
            {
                var ex = e.Value;
                actual = $"{ex.Member("start")} {ex.Member("end")} {ex.Member("reason")}";
            }
            Assert.Equal(expected[line++], actual);
        }
    }

    [Fact]
    public void SurrogateescapeRoundTrips()
    {
        foreach (var b in Samples())
        {
            var s = new PyStr(Codecs.Decode(b, "utf-8", "surrogateescape"));
            Assert.Equal(b, Codecs.Encode(s, "utf-8", "surrogateescape"));
        }
    }

    [Fact]
    public void BytesHashEqualsStrHashForAscii()
    {
        foreach (var s in new[] { "", "a", "hello", "0123456789abcdef", new string('q', 100) })
        {
            Assert.Equal(new PyStr(s).Hash, new PyBytes(System.Text.Encoding.ASCII.GetBytes(s)).Hash());
        }
    }
}
