using System.Numerics;
using Taipan.Syntax.Errors;
using ConstantSingleton = Taipan.Syntax.Ast.ConstantSingleton;

namespace Taipan.Bytecode.Tests;

/// <summary>A few hand-checked reader cases (the differential tests cover the rest).</summary>
public class MarshalReaderTests
{
    private static string Error(Func<object?> f)
    {
        var e = Assert.Throws<PythonException>(() => f());
        return $"{e.PythonType}: {e.Message}";
    }

    [Theory]
    [InlineData(new byte[] { (byte)'i', 1 }, "EOFError: marshal data too short", "EOFError: EOF read where not expected")]
    [InlineData(new byte[] { (byte)'s', 5, 0, 0, 0, (byte)'a' }, "EOFError: marshal data too short", "EOFError: EOF read where not expected")]
    [InlineData(new byte[] { }, "EOFError: EOF read where object expected", "EOFError: EOF read where object expected")]
    [InlineData(new byte[] { (byte)'(', 2, 0, 0, 0, (byte)'N' }, "EOFError: EOF read where object expected", "EOFError: EOF read where object expected")]
    [InlineData(new byte[] { (byte)'0' }, "TypeError: NULL object in marshal data for object", "TypeError: NULL object in marshal data for object")]
    [InlineData(new byte[] { (byte)'r', 0, 0, 0, 0 }, "ValueError: bad marshal data (invalid reference)", "ValueError: bad marshal data (invalid reference)")]
    [InlineData(new byte[] { (byte)'?' }, "ValueError: bad marshal data (unknown type code)", "ValueError: bad marshal data (unknown type code)")]
    [InlineData(new byte[] { (byte)'u', 2, 0, 0, 0, 0xFF, 0xFE }, "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")]
    public void MalformedInput(byte[] data, string loads, string load)
    {
        Assert.Equal(loads, Error(() => Marshal.Loads(data)));
        Assert.Equal(load, Error(() => Marshal.Load(data, out _)));
    }

    [Fact]
    public void LoadTellsWhereTheValueEnds()
    {
        byte[] data = [(byte)'N', (byte)'N', (byte)'i', 1, 0, 0, 0, (byte)'T'];
        Assert.Same(ConstantSingleton.None, Marshal.Load(data, out var used));
        Assert.Equal(1, used);
        Assert.Equal(new BigInteger(1), Marshal.Load(data.AsSpan(2), out used));
        Assert.Equal(5, used);
    }

    [Fact]
    public void SelfReferenceInATupleIsTheTupleItself()
    {
        var t = Assert.IsType<ConstantTuple>(Marshal.Loads([0xA9, 1, (byte)'r', 0, 0, 0, 0]));
        Assert.Same(t, t[0]);

        // Hashing it would never end: RecursionError, not a stack overflow.
        var e = Assert.Throws<PythonException>(() => t.GetHashCode());
        Assert.Equal("RecursionError", e.PythonType);
    }

    [Fact]
    public void AsciiTypesAreLatin1AndSurrogatesPass()
    {
        Assert.Equal("\u00e9\u00ff", Marshal.Loads([(byte)'z', 2, 0xE9, 0xFF]));
        Assert.Equal("\ud800", Marshal.Loads([(byte)'u', 3, 0, 0, 0, 0xED, 0xA0, 0x80]));
    }

    [Fact]
    public void AdjacentLoneSurrogatesStayTwoCodePoints()
    {
        byte[] data = [(byte)'u', 6, 0, 0, 0, 0xED, 0xA0, 0x80, 0xED, 0xB0, 0x82];
        var s = Assert.IsType<Taipan.Syntax.Ast.CodePointStr>(Marshal.Loads(data));
        Assert.Equal([0xD800, 0xDC02], s.CodePoints.ToArray());
        Assert.Equal(data, Marshal.Dumps(s));
        // The 4-byte form is the astral character, a plain string.
        Assert.Equal("\U00010002", Marshal.Loads([(byte)'u', 4, 0, 0, 0, 0xF0, 0x90, 0x80, 0x82]));
    }
}
