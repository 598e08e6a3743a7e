using System.Text;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Tests;

public class TokenizerSourceTextTests
{
    private static byte[] B(string latin1) => Encoding.Latin1.GetBytes(latin1);

    [Fact]
    public void Utf8BomIsRemoved()
    {
        var s = SourceText.FromBytes(B("\xEF\xBB\xBFx = 1\n"), "t.py");
        Assert.Equal("x = 1\n"u8.ToArray(), s.Utf8);
        Assert.Equal("utf-8", s.Encoding);
        Assert.True(s.HasBom);
    }

    [Fact]
    public void NoDeclarationMeansNoEncodingAndBytesPassThrough()
    {
        var s = SourceText.FromBytes(B("x = '\xFF'\n"), "t.py");
        Assert.Null(s.Encoding);
        Assert.Equal(B("x = '\xFF'\n"), s.Utf8);
    }

    [Theory]
    [InlineData("# coding: latin-1\n", "iso-8859-1")]
    [InlineData("# -*- coding: iso-8859-1 -*-\n", "iso-8859-1")]
    [InlineData("# vim: set fileencoding=Latin_1 :\n", "iso-8859-1")]
    [InlineData("#!/usr/bin/python\n# coding=latin1\n", "latin1")]
    [InlineData("\n# coding: latin-1\n", "iso-8859-1")]
    [InlineData("# coding: cp1252\n", "cp1252")]
    public void CookieDecodesToUtf8(string header, string encoding)
    {
        var s = SourceText.FromBytes(B(header + "x = '\xE9'\n"), "t.py");
        Assert.Equal(encoding, s.Encoding);
        Assert.EndsWith("x = 'é'\n", Encoding.UTF8.GetString(s.Utf8));
    }

    [Theory]
    [InlineData("x = 1\n# coding: latin-1\n")]
    [InlineData("x = 1 # coding: latin-1\n")]
    [InlineData("x = 1\n\n# coding: latin-1\n")]
    [InlineData("#\n\n# coding: latin-1\n")]
    public void CookieOutOfPlaceIsIgnored(string src)
    {
        Assert.Null(SourceText.FromBytes(B(src), "t.py").Encoding);
    }

    [Fact]
    public void CookieOnALastLineWithoutNewline()
    {
        // compile(b'# coding: foo', ..., 'exec') finds the cookie: exec input gets a newline first.
        Assert.Equal("iso-8859-1", SourceText.FromBytes(B("# coding: latin-1"), "t.py").Encoding);
        Assert.Equal("iso-8859-1", SourceText.FromBytes(B("#\n# coding: latin-1"), "t.py").Encoding);
    }

    [Fact]
    public void Utf8CookieSpellings()
    {
        Assert.Equal("utf-8", SourceText.FromBytes(B("# coding: UTF_8\n"), "t.py").Encoding);
        Assert.Equal("utf-8", SourceText.FromBytes(B("# coding: utf-8-unix\n"), "t.py").Encoding);
        Assert.Equal("utf8", SourceText.FromBytes(B("# coding: utf8\n"), "t.py").Encoding);
    }

    [Fact]
    public void UnknownEncoding()
    {
        var e = Assert.Throws<PythonSyntaxError>(() => SourceText.FromBytes(B("# coding: nope\n"), "t.py"));
        Assert.Equal(("unknown encoding: nope", 0, -1), (e.Msg, e.Lineno, e.Offset));
        var f = Assert.Throws<PythonSyntaxError>(() => SourceText.FromFile(B("# coding: nope\n"), "t.py"));
        Assert.Equal("encoding problem: nope", f.Msg);
    }

    [Fact]
    public void BomWithOtherCookie()
    {
        var e = Assert.Throws<PythonSyntaxError>(() => SourceText.FromBytes(B("\xEF\xBB\xBF# coding: latin-1\n"), "t.py"));
        Assert.Equal("encoding problem: iso-8859-1 with BOM", e.Msg);
    }

    [Fact]
    public void NonUtf8FileWithoutDeclaration()
    {
        // Raised by the tokenizer when it reads the line, as CPython's file reader does.
        var source = SourceText.FromFile(B("x = 1\n# \xE9\n"), "/p/t.py");
        var tok = new Tokenizer.Tokenizer(source);
        Assert.Equal(TokenKind.Name, tok.Next().Kind);
        Assert.Equal(TokenKind.Equal, tok.Next().Kind);
        Assert.Equal(TokenKind.Number, tok.Next().Kind);
        Assert.Equal(TokenKind.Newline, tok.Next().Kind);
        var e = Assert.Throws<PythonSyntaxError>(() => tok.Next());
        Assert.Equal("Non-UTF-8 code starting with '\\xe9' in file /p/t.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details", e.Msg);
    }

    [Fact]
    public void StrInputIgnoresTheCookie()
    {
        var s = SourceText.FromString("# coding: latin-1\nx = 'é'\n", "t.py");
        Assert.Equal("utf-8", s.Encoding);
        Assert.Equal("# coding: latin-1\nx = 'é'\n", Encoding.UTF8.GetString(s.Utf8));
    }

    [Fact]
    public void StrWithLoneSurrogate()
    {
        var e = Assert.Throws<PythonException>(() => SourceText.FromString("x = '\ud800'", "t.py"));
        Assert.Equal("UnicodeEncodeError", e.PythonType);
        Assert.Equal("'utf-8' codec can't encode character '\\ud800' in position 5: surrogates not allowed", e.Message);
    }

    [Fact]
    public void NulBytes()
    {
        var s = SourceText.FromBytes(B("x = 1\0\n"), "t.py");
        Assert.True(s.ContainsNul);
        var e = Assert.Throws<PythonException>(s.ThrowIfContainsNul);
        Assert.Equal(("ValueError", "source code string cannot contain null bytes"), (e.PythonType, e.Message));
        // The file reader loses the rest of the line after a NUL, newline included.
        var f = SourceText.FromFile(B("x = 1\0junk\ny\n"), "t.py");
        Assert.False(f.ContainsNul);
        Assert.Equal("x = 1y\n", Encoding.UTF8.GetString(f.Utf8));
    }

    [Fact]
    public void NewlinesAreTranslated()
    {
        var s = SourceText.FromBytes(B("a\r\nb\rc\n\r\n"), "t.py");
        Assert.Equal("a\nb\nc\n\n", Encoding.UTF8.GetString(s.Utf8));
    }

    [Fact]
    public void Lines()
    {
        var s = SourceText.FromString("été = 1\n\nx€y = 2", "t.py");
        Assert.Equal(3, s.LineCount);
        Assert.Equal("été = 1\n", s.LineText(1));
        Assert.Equal("\n", s.LineText(2));
        Assert.Equal("x€y = 2", s.LineText(3));
        Assert.Null(s.LineText(4));
        Assert.Null(s.LineText(0));
        Assert.Equal(3, s.ByteToCharColumn(1, 5));
        Assert.Equal(2, s.ByteToCharColumn(3, 4));
        Assert.Equal(0, s.ByteToCharColumn(2, 0));
        Assert.Equal(7, s.ByteToCharColumn(1, 9));
        Assert.Equal(8, s.ByteToCharColumn(1, 10));
        Assert.Equal(9, s.ByteToCharColumn(1, 100));
        Assert.Equal(0, SourceText.FromString("", "t.py").LineCount);
    }
}
