using Taipan.Modules.Sre;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Tests;

/// <summary>The <c>_sre</c> engine in-process, on code arrays that CPython 3.11's
/// <c>re._compiler._code(re._parser.parse(P, 0), 0)</c> gives for the pattern named beside each
/// (the full behaviour against CPython is checked by the generated conformance programs
/// tests/cases/programs/re_engine_*.py, from tools/sre/gen_engine_cases.py).</summary>
public class SreTests
{
    private const long MaxRepeat = uint.MaxValue;

    // (a|b)*c
    private static readonly long[] s_alternationStar =
        [14, 4, 0, 1, MaxRepeat, 23, 13, 0, MaxRepeat, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 18, 16, 99, 1];

    // (?:a|b)*?c
    private static readonly long[] s_lazyStar = [14, 4, 0, 1, MaxRepeat, 26, 10, 0, MaxRepeat, 13, 5, 22, 97, 98, 0, 1, 16, 99, 1];

    // (x)(y)?
    private static readonly long[] s_optionalGroup =
        [14, 8, 1, 1, 2, 1, 0, 120, 0, 17, 0, 16, 120, 17, 1, 23, 9, 0, 1, 17, 2, 16, 121, 17, 3, 18, 1];

    // \w+
    private static readonly long[] s_word = [14, 4, 0, 1, MaxRepeat, 24, 9, 1, MaxRepeat, 13, 4, 8, 14, 0, 1, 1];

    // rb'\w+'
    private static readonly long[] s_asciiWord = [14, 4, 0, 1, MaxRepeat, 24, 9, 1, MaxRepeat, 13, 4, 8, 4, 0, 1, 1];

    // (?<=a)b
    private static readonly long[] s_lookbehind = [14, 4, 0, 1, 1, 4, 5, 1, 16, 97, 1, 16, 98, 1];

    private static SrePattern Compile(PyObject pattern, long[] code, int groups = 0)
    {
        var words = new PyObject[code.Length];
        for (var i = 0; i < code.Length; i++)
        {
            words[i] = PyInt.From(code[i]);
        }
        var indexgroup = new PyObject[groups + 1];
        Array.Fill(indexgroup, PyNone.Value);
        return (SrePattern)SreModule.Compile(pattern, 32, new PyList(words), groups, new PyDict(), new PyTuple(indexgroup));
    }

    private static (int, int) Span(PyObject match)
    {
        var span = (PyTuple)((SreMatch)match).Span();
        return ((int)((PyInt)span[0]).Small, (int)((PyInt)span[1]).Small);
    }

    [Fact]
    public void DeepBacktrackingUsesNoDotNetStack()
    {
        // A million iterations of a REPEAT body: each is a frame on the engine's own stack.
        var p = Compile(new PyStr("(a|b)*c"), s_alternationStar, 1);
        var subject = string.Concat(Enumerable.Repeat("ab", 500_000));
        Assert.Equal((0, 1_000_001), Span(p.Match(new PyStr(subject + "c"))));
        Assert.IsType<PyNone>(p.Match(new PyStr(subject)));
        var lazy = Compile(new PyStr("(?:a|b)*?c"), s_lazyStar);
        Assert.Equal((0, 1_000_001), Span(lazy.Match(new PyStr(subject + "c"))));
    }

    [Fact]
    public void GroupsThatDidNotTakePartAreMinusOne()
    {
        var p = Compile(new PyStr("(x)(y)?"), s_optionalGroup, 2);
        var m = (SreMatch)p.Search(new PyStr("..xz"));
        Assert.Equal((2, 3), Span(m));
        Assert.Equal(-1, m.Start(PyInt.From(2)));
        Assert.Equal("x", ((PyStr)m.GetItem(PyInt.From(1))).Value);
        Assert.IsType<PyNone>(m.GetItem(PyInt.From(2)));
        Assert.Equal(1L, ((PyInt)m.LastIndex).Small);
    }

    [Fact]
    public void AstralCharactersCountAsOneCodePoint()
    {
        var p = Compile(new PyStr("\\w+"), s_word);
        var m = (SreMatch)p.Search(new PyStr("\U0001F600\U0001F600 caf\u00e9"));
        Assert.Equal((3, 7), Span(m));
        Assert.Equal("caf\u00e9", ((PyStr)m.GetItem(PyInt.From(0))).Value);
        var behind = Compile(new PyStr("(?<=a)b"), s_lookbehind);
        Assert.Equal((2, 3), Span(behind.Search(new PyStr("\U0001F600ab"))));
    }

    [Fact]
    public void BytesPatternsMatchBytesAndRefuseStr()
    {
        var p = Compile(new PyBytes("\\w+"u8.ToArray()), s_asciiWord);
        var m = (SreMatch)p.Search(new PyBytes([0x20, 0x61, 0x62, 0xe9]));
        Assert.Equal((1, 3), Span(m));
        var e = Assert.Throws<PyException>(() => p.Search(new PyStr("ab")));
        Assert.Equal("TypeError", e.Value.Type.Name);
    }

    [Theory]
    [InlineData(new long[] { 1, 2, 3 })]
    [InlineData(new long[] { 15, 0, 1 })]
    [InlineData(new long[] { 16, 1 })]
    [InlineData(new long[] { 17, 5, 1 })]
    [InlineData(new long[] { 13, 100, 1 })]
    [InlineData(new long[] { 99, 1 })]
    public void MalformedCodeIsRefused(long[] code)
    {
        var e = Assert.Throws<PyException>(() => Compile(new PyStr("a"), code));
        Assert.Equal("RuntimeError", e.Value.Type.Name);
    }

    [Fact]
    public void CaseMappingsTakeTheFirstCodePointOfTheFullMapping()
    {
        Assert.Equal('i', SreModule.Unicode_ToLower(0x130));
        Assert.Equal(0xdf, SreModule.Unicode_ToLower(0x1e9e));
        Assert.True(SreModule.Unicode_IsCased(0x130));
        Assert.False(SreModule.Unicode_IsCased('1'));
        Assert.Equal(0xc9, SreModule.Ascii_ToLower(0xc9));
    }
}
