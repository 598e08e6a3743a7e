using System.Text;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Tests;

public class TokenizerTests
{
    /// <summary>"KIND line:col-endline:endcol 'text'" for every token up to ENDMARKER.</summary>
    internal static List<string> Dump(string src, bool exec = true) => Dump(SourceText.FromString(src, "t.py"), exec);

    internal static List<string> Dump(SourceText source, bool exec = true)
    {
        var tok = new Tokenizer.Tokenizer(source) { ImplicitNewline = exec };
        var list = new List<string>();
        for (; ; )
        {
            var t = tok.Next();
            var text = Encoding.UTF8.GetString(source.Utf8, t.Start, t.End - t.Start);
            list.Add($"{t.Kind.ToString().ToUpperInvariant()} {t.Lineno}:{t.ColOffset}-{t.EndLineno}:{t.EndColOffset} '{text}'");
            if (t.Kind == TokenKind.EndMarker)
                return list;
        }
    }

    private static PythonSyntaxError Error(string src, bool exec = true)
    {
        var tok = new Tokenizer.Tokenizer(SourceText.FromString(src, "t.py")) { ImplicitNewline = exec };
        return Assert.Throws<PythonSyntaxError>(() =>
        {
            while (tok.Next().Kind != TokenKind.EndMarker)
            {
            }
        });
    }

    [Fact]
    public void SimpleStatement()
    {
        Assert.Equal(
        [
            "NAME 1:0-1:1 'x'",
            "EQUAL 1:2-1:3 '='",
            "NUMBER 1:4-1:5 '1'",
            "NEWLINE 1:5-1:5 ''",
            "ENDMARKER 1:-1-1:-1 ''",
        ], Dump("x = 1\n"));
    }

    [Fact]
    public void IndentAndDedentCarryNoColumns()
    {
        Assert.Equal(
        [
            "NAME 1:0-1:2 'if'",
            "NAME 1:3-1:4 'x'",
            "COLON 1:4-1:5 ':'",
            "NEWLINE 1:5-1:5 ''",
            "INDENT 2:-1-2:-1 ''",
            "NAME 2:2-2:3 'y'",
            "NEWLINE 2:3-2:3 ''",
            "DEDENT 3:-1-3:-1 ''",
            "NAME 3:0-3:1 'z'",
            "NEWLINE 3:1-3:1 ''",
            "ENDMARKER 3:-1-3:-1 ''",
        ], Dump("if x:\n  y\nz\n"));
    }

    [Fact]
    public void DedentsAtEndOfFileAreOnTheLastLine()
    {
        var toks = Dump("if a:\n if b:\n  c\n");
        Assert.Equal(["DEDENT 3:-1-3:-1 ''", "DEDENT 3:-1-3:-1 ''", "ENDMARKER 3:-1-3:-1 ''"], toks[^3..]);
    }

    [Fact]
    public void MissingFinalNewlineIsSuppliedForExecInputOnly()
    {
        Assert.Equal(["NAME 1:0-1:1 'x'", "NEWLINE 1:1-1:1 ''", "ENDMARKER 1:-1-1:-1 ''"], Dump("x"));
        Assert.Equal(["NAME 1:0-1:1 'x'", "ENDMARKER 1:-1-1:-1 ''"], Dump("x", exec: false));
        // Empty exec input becomes "\n" (translate_newlines), one blank line.
        Assert.Equal(["ENDMARKER 1:-1-1:-1 ''"], Dump(""));
        Assert.Equal(["ENDMARKER 0:-1-0:-1 ''"], Dump("", exec: false));
        Assert.Equal(["ENDMARKER 0:-1-0:-1 ''"], Dump(SourceText.FromFile([], "t.py")));
    }

    [Fact]
    public void CommentsAndBlankLinesProduceNothingAndNewlineStartsAtTheComment()
    {
        Assert.Equal(
        [
            "NAME 4:0-4:1 'x'",
            "EQUAL 4:2-4:3 '='",
            "NUMBER 4:4-4:5 '1'",
            "NEWLINE 4:7-4:10 '# c'",
            "ENDMARKER 6:-1-6:-1 ''",
        ], Dump("# c\n\n   # indented comment\nx = 1  # c\n\n\t\n"));
    }

    [Fact]
    public void StringsSpanLinesFromTheirFirstLine()
    {
        Assert.Equal(
        [
            "NAME 1:0-1:1 'x'",
            "EQUAL 1:2-1:3 '='",
            "STRING 1:4-2:4 '\"\"\"a\nb\"\"\"'",
            "NEWLINE 2:4-2:4 ''",
            "ENDMARKER 2:-1-2:-1 ''",
        ], Dump("x = \"\"\"a\nb\"\"\"\n"));
        Assert.Equal("STRING 1:0-2:2 ''a\\\nb''", Dump("'a\\\nb'\n")[0]);
    }

    [Theory]
    [InlineData("rb'x'")]
    [InlineData("Rb'x'")]
    [InlineData("bR'x'")]
    [InlineData("BR\"x\"")]
    [InlineData("f'{x}'")]
    [InlineData("fR'x'")]
    [InlineData("rF'x'")]
    [InlineData("u'x'")]
    [InlineData("U'x'")]
    [InlineData("b''")]
    [InlineData("''''''")]
    [InlineData("'''a''b'''")]
    [InlineData("'\\''")]
    [InlineData("\"\\\\\"")]
    public void StringPrefixes(string s)
    {
        var toks = Dump(s + "\n");
        Assert.Equal($"STRING 1:0-1:{s.Length} '{s}'", toks[0]);
        Assert.StartsWith("NEWLINE", toks[1]);
    }

    [Theory]
    [InlineData("ur''", "ur")]
    [InlineData("bu''", "bu")]
    [InlineData("fb''", "fb")]
    [InlineData("rr''", "rr")]
    [InlineData("bb''", "bb")]
    public void InvalidPrefixesAreNames(string s, string name)
    {
        var toks = Dump(s + "\n");
        Assert.Equal($"NAME 1:0-1:{name.Length} '{name}'", toks[0]);
        Assert.StartsWith("STRING", toks[1]);
    }

    [Fact]
    public void Operators()
    {
        const string src = "( ) [ ] { } : , ; + - * / | & < > = . % == != <> <= >= ~ ^ << >> ** += -= *= /= %= &= |= ^= <<= >>= **= // //= @ @= -> ... := ! $ ?";
        var kinds = new Tokenizer.Tokenizer(SourceText.FromString(src, "t.py"));
        var got = new List<TokenKind>();
        for (var t = kinds.Next(); t.Kind != TokenKind.Newline; t = kinds.Next())
            got.Add(t.Kind);
        Assert.Equal(
        [
            TokenKind.LPar, TokenKind.RPar, TokenKind.LSqb, TokenKind.RSqb, TokenKind.LBrace, TokenKind.RBrace,
            TokenKind.Colon, TokenKind.Comma, TokenKind.Semi, TokenKind.Plus, TokenKind.Minus, TokenKind.Star,
            TokenKind.Slash, TokenKind.VBar, TokenKind.Amper, TokenKind.Less, TokenKind.Greater, TokenKind.Equal,
            TokenKind.Dot, TokenKind.Percent, TokenKind.EqEqual, TokenKind.NotEqual, TokenKind.NotEqual,
            TokenKind.LessEqual, TokenKind.GreaterEqual, TokenKind.Tilde, TokenKind.Circumflex, TokenKind.LeftShift,
            TokenKind.RightShift, TokenKind.DoubleStar, TokenKind.PlusEqual, TokenKind.MinEqual, TokenKind.StarEqual,
            TokenKind.SlashEqual, TokenKind.PercentEqual, TokenKind.AmperEqual, TokenKind.VBarEqual,
            TokenKind.CircumflexEqual, TokenKind.LeftShiftEqual, TokenKind.RightShiftEqual, TokenKind.DoubleStarEqual,
            TokenKind.DoubleSlash, TokenKind.DoubleSlashEqual, TokenKind.At, TokenKind.AtEqual, TokenKind.RArrow,
            TokenKind.Ellipsis, TokenKind.ColonEqual, TokenKind.Op, TokenKind.Op, TokenKind.Op,
        ], got);
    }

    [Fact]
    public void LongestMatch()
    {
        Assert.Equal(["DOUBLESTAREQUAL 1:0-1:3 '**='", "STAR 1:3-1:4 '*'"], Dump("**=*\n")[..2]);
        Assert.Equal(["DOT 1:0-1:1 '.'", "DOT 1:1-1:2 '.'", "NAME 1:2-1:3 'x'"], Dump("..x\n")[..3]);
        Assert.Equal(["ELLIPSIS 1:0-1:3 '...'", "DOT 1:3-1:4 '.'"], Dump("....\n")[..2]);
        Assert.Equal(["RARROW 1:0-1:2 '->'", "GREATEREQUAL 1:2-1:4 '>='"], Dump("->>=\n")[..2]);
    }

    [Theory]
    [InlineData("0xFF")]
    [InlineData("0o17")]
    [InlineData("0b1_01")]
    [InlineData("1_000")]
    [InlineData("1.5e-3")]
    [InlineData("3j")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("1e5")]
    [InlineData("1E+5J")]
    [InlineData("0")]
    [InlineData("0_0")]
    [InlineData("00")]
    [InlineData("09.5")]
    [InlineData("0e0")]
    [InlineData("0j")]
    [InlineData("1_0.0_1e1_0")]
    public void Numbers(string s)
    {
        Assert.Equal($"NUMBER 1:0-1:{s.Length} '{s}'", Dump(s + "\n")[0]);
    }

    [Fact]
    public void NumberFollowedByKeywordWarns()
    {
        var warnings = new List<string>();
        var tok = new Tokenizer.Tokenizer(SourceText.FromString("x = 1if y else 0x1for\n", "t.py"))
        {
            WarningHandler = (cat, msg, line) => { warnings.Add($"{cat}: {msg} {line}"); return false; },
        };
        var kinds = new List<TokenKind>();
        for (var t = tok.Next(); t.Kind != TokenKind.EndMarker; t = tok.Next())
            kinds.Add(t.Kind);
        Assert.Equal([TokenKind.Name, TokenKind.Equal, TokenKind.Number, TokenKind.Name, TokenKind.Name,
            TokenKind.Name, TokenKind.Number, TokenKind.Name, TokenKind.Newline], kinds);
        Assert.Equal(["SyntaxWarning: invalid decimal literal 1", "SyntaxWarning: invalid hexadecimal literal 1"], warnings);
    }

    [Fact]
    public void WarningTurnedIntoErrorIsRaisedAtTheNumberEnd()
    {
        var tok = new Tokenizer.Tokenizer(SourceText.FromString("x = 1if y else z\n", "t.py"))
        {
            WarningHandler = (_, _, _) => true,
        };
        var e = Assert.Throws<PythonSyntaxError>(() =>
        {
            while (tok.Next().Kind != TokenKind.EndMarker)
            {
            }
        });
        Assert.Equal(("SyntaxError", "invalid decimal literal", 1, 5, 1, 5, "x = 1if y else z"),
            (e.PythonType, e.Msg, e.Lineno, e.Offset, e.EndLineno, e.EndOffset, e.Text));
    }

    [Fact]
    public void ImplicitJoiningInsideBrackets()
    {
        Assert.Equal(
        [
            "LPAR 1:0-1:1 '('",
            "NUMBER 1:1-1:2 '1'",
            "COMMA 1:2-1:3 ','",
            "NUMBER 3:1-3:2 '2'",
            "RPAR 3:2-3:3 ')'",
            "NEWLINE 3:3-3:3 ''",
            "ENDMARKER 3:-1-3:-1 ''",
        ], Dump("(1,  # c\n\n 2)\n"));
    }

    [Fact]
    public void ExplicitLineJoining()
    {
        Assert.Equal(
        [
            "NAME 1:0-1:1 'x'",
            "EQUAL 1:2-1:3 '='",
            "NUMBER 1:4-1:5 '1'",
            "PLUS 1:6-1:7 '+'",
            "NUMBER 2:2-2:3 '2'",
            "NEWLINE 2:3-2:3 ''",
            "ENDMARKER 2:-1-2:-1 ''",
        ], Dump("x = 1 + \\\n  2\n"));
    }

    [Fact]
    public void BackslashInIndentationSetsTheIndentation()
    {
        var toks = Dump("if 1:\n    \\\n  x\n");
        Assert.Equal(["INDENT 3:-1-3:-1 ''", "NAME 3:2-3:3 'x'"], toks[4..6]);
    }

    [Fact]
    public void ColumnsAreUtf8Bytes()
    {
        Assert.Equal(["NAME 1:0-1:5 'été'", "EQUAL 1:6-1:7 '='", "STRING 1:8-1:13 ''€''"], Dump("été = '€'\n")[..3]);
        Assert.Equal("NAME 1:0-1:4 '𝔘'", Dump("𝔘 = 1\n")[0]);
    }

    [Fact]
    public void AsyncAndAwaitAreTheirOwnTokens()
    {
        var toks = Dump("async def f(): await x\n");
        Assert.Equal("ASYNC 1:0-1:5 'async'", toks[0]);
        Assert.Equal("AWAIT 1:15-1:20 'await'", toks[6]);
        Assert.Equal("NAME 1:0-1:6 'asyncx'", Dump("asyncx\n")[0]);
    }

    [Fact]
    public void FormFeedsResetTheIndentationColumn()
    {
        Assert.Equal(["NAME 1:1-1:2 'x'", "NEWLINE 1:2-1:2 ''"], Dump("\fx\n")[..2]);
        var toks = Dump("if x:\n  \f  y\n\f    z\n");
        Assert.Equal("INDENT 2:-1-2:-1 ''", toks[4]);
        Assert.Equal("INDENT 3:-1-3:-1 ''", toks[7]);
    }

    [Fact]
    public void CarriageReturnsAreNewlines()
    {
        Assert.Equal(
        [
            "NAME 1:0-1:1 'x'", "NEWLINE 1:1-1:1 ''", "NAME 2:0-2:1 'y'", "NEWLINE 2:1-2:1 ''",
            "NAME 3:0-3:1 'z'", "NEWLINE 3:1-3:1 ''", "ENDMARKER 3:-1-3:-1 ''",
        ], Dump("x\r\ny\rz"));
    }

    [Fact]
    public void EndMarkerRepeats()
    {
        var tok = new Tokenizer.Tokenizer(SourceText.FromString("x\n", "t.py"));
        while (tok.Next().Kind != TokenKind.EndMarker)
        {
        }
        Assert.Equal(TokenKind.EndMarker, tok.Next().Kind);
        Assert.Equal(TokenKind.EndMarker, tok.Next().Kind);
    }

    [Fact]
    public void ErrorRepeats()
    {
        var tok = new Tokenizer.Tokenizer(SourceText.FromString("x = $ 0x\n", "t.py"));
        Assert.Equal(TokenKind.Name, tok.Next().Kind);
        Assert.Equal(TokenKind.Equal, tok.Next().Kind);
        Assert.Equal(TokenKind.Op, tok.Next().Kind);
        var e1 = Assert.Throws<PythonSyntaxError>(() => tok.Next());
        var e2 = Assert.Throws<PythonSyntaxError>(() => tok.Next());
        Assert.Same(e1, e2);
        Assert.Equal(TokenizerError.Raised, tok.Error);
    }

    [Fact]
    public void BracketStack()
    {
        var tok = new Tokenizer.Tokenizer(SourceText.FromString("x = [1, (\n  {", "t.py"));
        while (tok.Next().Kind != TokenKind.LBrace)
        {
        }
        Assert.Equal(3, tok.ParenLevel);
        Assert.Equal(('[', 1, 4), tok.OpenBracket(0));
        Assert.Equal(('(', 1, 8), tok.OpenBracket(1));
        Assert.Equal(('{', 2, 2), tok.OpenBracket(2));
        var e = Assert.Throws<PythonSyntaxError>(() => tok.Next());
        Assert.Equal("'{' was never closed", e.Msg);
        Assert.Equal(TokenizerError.Eof, tok.Error);
    }

    [Fact]
    public void ErrorTokenKinds()
    {
        Assert.Equal("TabError", Error("if x:\n\ty\n        z\n").PythonType);
        Assert.Equal("IndentationError", Error("if x:\n  y\n z\n").PythonType);
        Assert.Equal("unexpected character after line continuation character", Error("x \\ y\n").Msg);
        Assert.Equal("unexpected EOF while parsing", Error("x \\\n").Msg);
        Assert.Equal("unterminated string literal (detected at line 1)", Error("'abc", exec: false).Msg);
    }

    [Fact]
    public void PositionForTokensWithoutOne()
    {
        // 'if x:\n' ends with ENDMARKER after the NEWLINE; CPython reports "expected an indented
        // block" at tok->cur: offset 6 for string input, 0 for a file.
        var tok = new Tokenizer.Tokenizer(SourceText.FromString("if x:\n", "t.py"));
        while (tok.Next().Kind != TokenKind.EndMarker)
        {
        }
        Assert.Equal(6, tok.CurrentColOffset);
        var e = tok.MakeError("IndentationError", "m", 1, tok.CurrentColOffset, 1, -1);
        Assert.Equal((1, 6, 1, -1, "if x:\n"), (e.Lineno, e.Offset, e.EndLineno, e.EndOffset, e.Text));

        var file = new Tokenizer.Tokenizer(SourceText.FromFile("if x:\n"u8.ToArray(), "t.py"));
        while (file.Next().Kind != TokenKind.EndMarker)
        {
        }
        Assert.Equal(0, file.CurrentColOffset);
    }

    [Fact]
    public void MakeErrorConvertsByteOffsetsOnlyWithAnEncoding()
    {
        // "é = $": the '$' is at byte 5, character 4.
        var withEncoding = new Tokenizer.Tokenizer(SourceText.FromString("é = $\n", "t.py"));
        withEncoding.Next();
        Assert.Equal(5, withEncoding.MakeError("SyntaxError", "invalid syntax", 1, 6, 1, 7).Offset);
        var raw = new Tokenizer.Tokenizer(SourceText.FromBytes("é = $\n"u8.ToArray(), "t.py"));
        raw.Next();
        Assert.Equal(6, raw.MakeError("SyntaxError", "invalid syntax", 1, 6, 1, 7).Offset);
    }

    [Fact]
    public void InitialLinenoShiftsLines()
    {
        var tok = new Tokenizer.Tokenizer(SourceText.FromUtf8("(x)"u8.ToArray(), "t.py")) { InitialLineno = 4 };
        Assert.Equal(5, tok.Next().Lineno);
    }

    private static List<string> TypeCommentTokens(string src)
    {
        var source = SourceText.FromString(src, "t.py");
        var tok = new Tokenizer.Tokenizer(source) { TypeComments = true };
        var list = new List<string>();
        for (var t = tok.Next(); t.Kind != TokenKind.EndMarker; t = tok.Next())
        {
            if (t.Kind is TokenKind.TypeComment or TokenKind.TypeIgnore)
                list.Add($"{t.Kind} {t.Lineno}:{t.ColOffset} '{Encoding.UTF8.GetString(source.Utf8, t.Start, t.End - t.Start)}'");
        }
        return list;
    }

    // The expected texts are what ast.parse(src, type_comments=True) reports as type_comment
    // or as TypeIgnore.tag.
    [Theory]
    [InlineData("x = 1  # type: int\n", "TypeComment 1:15 'int'")]
    [InlineData("import x  # type: ignore[foo]\n", "TypeIgnore 1:24 '[foo]'")]
    [InlineData("#type:ignore\nx\n", "TypeIgnore 1:12 ''")]
    [InlineData("x = 1 #  type:\tList[int]  \n", "TypeComment 1:15 'List[int]  '")]
    [InlineData("x = 1 # type: ignoreé\n", "TypeComment 1:14 'ignoreé'")]
    [InlineData("x = 1 # type: ignore2\n", "TypeComment 1:14 'ignore2'")]
    [InlineData("x = 1 # type: ignore-x\n", "TypeIgnore 1:20 '-x'")]
    [InlineData("def f(): # type: () -> None\n  pass\n", "TypeComment 1:17 '() -> None'")]
    public void TypeCommentsWhenAsked(string src, string expected)
    {
        Assert.Equal([expected], TypeCommentTokens(src));
        Assert.DoesNotContain(Dump(src), t => t.StartsWith("TYPE", StringComparison.Ordinal));
    }

    [Fact]
    public void TypeIgnoreAloneOnItsLineTakesTheNewline()
    {
        var tok = new Tokenizer.Tokenizer(SourceText.FromString("# type: ignore\nx\n", "t.py")) { TypeComments = true };
        Assert.Equal(TokenKind.TypeIgnore, tok.Next().Kind);
        Assert.Equal(TokenKind.Name, tok.Next().Kind);
    }

    [Theory]
    [InlineData("x = 1\n", true)]
    [InlineData("x = (1,\n", true)]
    [InlineData("x = 1 \\\n", true)]
    [InlineData("x = \"\"\"abc\n", true)]
    [InlineData("x = 0x\n", false)]
    [InlineData("x = 'abc\n", false)]
    [InlineData("if x:\n  y\n z\n", false)]
    [InlineData("x = 1 \\ y\n", false)]
    public void EndOfSourceForIncompleteInput(string src, bool atEnd)
    {
        var tok = new Tokenizer.Tokenizer(SourceText.FromString(src, "t.py"));
        try
        {
            while (tok.Next().Kind != TokenKind.EndMarker)
                Assert.False(tok.IsEndOfSource);
        }
        catch (PythonSyntaxError)
        {
        }
        Assert.Equal(atEnd, tok.IsEndOfSource);
    }

    [Fact]
    public void ImpliedDedentsForSingleInput()
    {
        var tok = new Tokenizer.Tokenizer(SourceText.FromString("if x:\n  if y:\n    z", "t.py")) { ImplicitNewline = false };
        var kinds = new List<TokenKind>();
        Token t;
        while ((t = tok.Next()).Kind != TokenKind.EndMarker)
            kinds.Add(t.Kind);
        Assert.Equal(TokenKind.Name, kinds[^1]);
        tok.ImplyDedents();
        Assert.Equal(TokenKind.Dedent, tok.Next().Kind);
        Assert.Equal(TokenKind.Dedent, tok.Next().Kind);
        Assert.Equal(TokenKind.EndMarker, tok.Next().Kind);
    }
}
