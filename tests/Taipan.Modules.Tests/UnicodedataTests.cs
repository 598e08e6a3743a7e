using Taipan.Modules.Unicodedata;

namespace Taipan.Modules.Tests;

/// <summary>The Unicode database behind <c>unicodedata</c> (the conformance cases
/// unicodedata_*.py compare it with CPython over every code point).</summary>
public class UnicodedataTests
{
    private static UnicodeDatabase Db => UnicodeDatabase.Instance;

    [Fact]
    public void Properties()
    {
        Assert.Equal("Lu", Db.Categories[Db.Category('A', false)]);
        Assert.Equal("Cn", Db.Categories[Db.Category(0x10FFFF, false)]);
        Assert.Equal(230, Db.Combining(0x301, false));
        Assert.Equal("W", Db.Widths[Db.EastAsianWidth(0x4E00, false)]);
        Assert.Equal("<compat> 0020 0308", Db.Decomposition(0xA8, false));
        Assert.Equal(3, Db.Decimal(0x663, false));
        Assert.Equal(-1, Db.Decimal(0xB2, false));
        Assert.Equal(2, Db.Digit(0xB2, false));
        Assert.True(Db.TryNumeric(0xBD, false, out var half));
        Assert.Equal(0.5, half);
    }

    [Fact]
    public void Version320SeesLaterCharactersAsUnassigned()
    {
        // U+0221 was assigned in Unicode 4.0.
        Assert.Equal("Ll", Db.Categories[Db.Category(0x221, false)]);
        Assert.Equal("Cn", Db.Categories[Db.Category(0x221, true)]);
        Assert.False(Db.AssignedIn320(0x221));
        Assert.True(Db.AssignedIn320('A'));
    }

    [Theory]
    [InlineData("\u00C5", true, false, "\u00C5")]
    [InlineData("A\u030A", true, false, "\u00C5")]
    [InlineData("\u00C5", false, false, "A\u030A")]
    [InlineData("\uFB01", true, true, "fi")]
    [InlineData("\uFB01", true, false, "\uFB01")]
    [InlineData("\uAC01", false, false, "\u1100\u1161\u11A8")]
    [InlineData("\u1100\u1161\u11A8", true, false, "\uAC01")]
    [InlineData("a\u0323\u0307\u0301", false, false, "a\u0323\u0307\u0301")]
    [InlineData("a\u0301\u0323", false, false, "a\u0323\u0301")]
    [InlineData("\u0344", true, false, "\u0308\u0301")]
    [InlineData("x\uD800y", true, true, "x\uD800y")]
    public void Normalize(string input, bool compose, bool compat, string expected) =>
        Assert.Equal(expected, Db.Normalize(input, compose, compat, false));

    [Fact]
    public void Version320NormalizationCorrections()
    {
        Assert.Equal("\u36FC", Db.Normalize("\U0002F868", false, false, false));
        Assert.Equal("\U0002136A", Db.Normalize("\U0002F868", false, false, true));
    }

    [Fact]
    public void NamedSequences()
    {
        Assert.True(Db.TryNamedSequence("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", out var s));
        Assert.Equal("\u0100\u0300", s);
        Assert.False(Db.TryNamedSequence("LATIN CAPITAL LETTER A", out _));
    }
}
