using System.Text;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Tests;

/// <summary>Bad or extreme input ends in a Python exception or a clean token stream, never
/// another exception.</summary>
public class TokenizerRobustnessTests
{
    private static int Run(byte[] src, bool file = false, bool exec = true)
    {
        int n = 0;
        try
        {
            var source = file ? SourceText.FromFile(src, "t.py") : SourceText.FromBytes(src, "t.py");
            var tok = new Tokenizer.Tokenizer(source) { ImplicitNewline = exec };
            while (tok.Next().Kind != TokenKind.EndMarker)
                n++;
            return n;
        }
        catch (PythonException)
        {
            return -1;
        }
    }

    [Fact]
    public void TenMegabyteLine()
    {
        var sb = new StringBuilder("x = 1");
        while (sb.Length < 10_000_000)
            sb.Append(" + 1");
        Assert.Equal(3 + 2 * ((sb.Length - 5) / 4) + 1, Run(Encoding.UTF8.GetBytes(sb.ToString())));
        var str = "x = '" + new string('a', 10_000_000) + "'\n";
        Assert.Equal(4, Run(Encoding.UTF8.GetBytes(str)));
        var name = new string('é', 5_000_000) + "\n";
        Assert.Equal(2, Run(Encoding.UTF8.GetBytes(name)));
    }

    [Fact]
    public void HundredThousandNestedParentheses()
    {
        var src = Encoding.ASCII.GetBytes(new string('(', 100_000) + new string(')', 100_000));
        var e = Assert.Throws<PythonSyntaxError>(() =>
        {
            var tok = new Tokenizer.Tokenizer(SourceText.FromBytes(src, "t.py"));
            while (tok.Next().Kind != TokenKind.EndMarker)
            {
            }
        });
        Assert.Equal(("too many nested parentheses", 1, 201), (e.Msg, e.Lineno, e.Offset));
    }

    [Fact]
    public void DeepIndentation()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 1000; i++)
            sb.Append(' ', i).Append("if 1:\n");
        Assert.Equal(-1, Run(Encoding.ASCII.GetBytes(sb.ToString())));
    }

    private const string Sample =
        "# coding: utf-8\nimport os\nclass C(object):\n    '''doc\n    string'''\n    def f(self, a=0x1F, *b, **c) -> 'x':\n" +
        "        s = rb'\\x00' + f\"{a!r:>{b}}\" \\\n            + u'\\N{DASH}'\n        return [1.5e-3j, 0o17, 0b1_0, .5, 1_000.]\n" +
        "\tif été: pass  # comment\n    @decorator\n    async def g(): await x; y := {1: (2, [3])}\n" +
        "x = '''unterminated\n";

    [Fact]
    public void EveryPrefixOfASource()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample);
        for (int i = 0; i <= bytes.Length; i++)
        {
            var prefix = bytes.AsSpan(0, i).ToArray();
            Run(prefix);
            Run(prefix, exec: false);
            Run(prefix, file: true);
        }
    }

    [Fact]
    public void RandomBytes()
    {
        var rng = new Random(12345);
        var alphabet = Encoding.Latin1.GetBytes("()[]{}'\"\\\n\r\t\f #:=.0123456789abcdefxjoeEJ_+-*/<>!@$?`\0\x80\xC3\xA9\xE2\x82\xAC\xF0\x9F\xFF");
        for (int round = 0; round < 3000; round++)
        {
            var data = new byte[rng.Next(0, 60)];
            for (int k = 0; k < data.Length; k++)
                data[k] = alphabet[rng.Next(alphabet.Length)];
            Run(data);
            Run(data, exec: false);
            Run(data, file: true);
        }
    }

    [Fact]
    public void InvalidUtf8Everywhere()
    {
        foreach (var s in new[] { "\xFF", "x\xC3", "\xC3(", "'\xFF'", "# \xFF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "x = \xC0\xAF" })
        {
            var bytes = Encoding.Latin1.GetBytes(s);
            Run(bytes);
            Run(bytes, file: true);
        }
    }
}
