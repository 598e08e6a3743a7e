// Parser/string_parser.c (f-strings: fstring_find_literal, fstring_find_expr, fstring_compile_expr, FstringParser_*)
using System.Text;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Parser;

/// <summary>Python 3.11's f-string parsing. Positions are indices into the source bytes; the
/// body of an f-string token is scanned in place.</summary>
internal static class FStringParser
{
    /// <summary>Brackets an expression may nest (MAXLEVEL of the tokenizer).</summary>
    private const int MaxLevel = 200;

    /// <summary><c>FstringParser</c>: the pending literal text and the finished parts.</summary>
    internal sealed class State
    {
        private StringBuilder? _lastStr;
        private object? _lastStrSingle;

        public bool FMode;
        public readonly List<ExprNode> ExprList = [];

        public bool HasLastStr => _lastStrSingle != null || _lastStr != null;

        /// <summary><c>_PyPegen_FstringParser_ConcatAndDel</c>: empty strings are dropped. Parts
        /// are str constants (<c>string</c> or <see cref="CodePointStr"/>).</summary>
        public void ConcatAndDel(object s)
        {
            if (s is string { Length: 0 })
            {
                return;
            }
            if (_lastStr != null)
            {
                if (s is string t && !CodePointStr.JoinsPair(_lastStr[^1], t))
                {
                    _lastStr.Append(t);
                    return;
                }
                _lastStrSingle = _lastStr.ToString();
                _lastStr = null;
            }
            if (_lastStrSingle == null)
            {
                _lastStrSingle = s;
            }
            else if (_lastStrSingle is string a && s is string b && !CodePointStr.JoinsPair(a[^1], b))
            {
                _lastStr = new StringBuilder(a).Append(b);
                _lastStrSingle = null;
            }
            else
            {
                _lastStrSingle = CodePointStr.Concat(_lastStrSingle, s);
            }
        }

        public object TakeLastStr()
        {
            var s = _lastStrSingle ?? _lastStr?.ToString() ?? "";
            _lastStrSingle = null;
            _lastStr = null;
            return s;
        }
    }

    /// <summary><c>make_str_node_and_del</c>.</summary>
    private static Constant MakeStrNode(IStringParserHost p, State state, Token first, Token last) =>
        new(state.TakeLastStr(), StringParser.Kind(p.Utf8, first), first.Lineno, first.ColOffset, last.EndLineno, last.EndColOffset);

    /// <summary><c>_PyPegen_FstringParser_ConcatFstring</c>: parses the f-string body from
    /// <paramref name="pos"/> to <paramref name="end"/> into <paramref name="state"/>.</summary>
    public static void ConcatFString(IStringParserHost p, State state, ref int pos, int end, bool raw, int recurseLvl,
        Token first, Token t, Token last)
    {
        state.FMode = true;
        var src = p.Utf8;
        while (true)
        {
            var result = FindLiteralAndExpr(p, ref pos, end, raw, recurseLvl, out var literal, out var exprText, out var expression, first, t, last);
            if (literal != null)
            {
                state.ConcatAndDel(literal);
            }
            if (exprText != null)
            {
                state.ConcatAndDel(exprText);
            }
            if (result == 1)
            {
                continue;
            }
            if (expression == null)
            {
                break;
            }
            if (state.HasLastStr)
            {
                state.ExprList.Add(MakeStrNode(p, state, first, last));
            }
            state.ExprList.Add(expression);
        }
        if (recurseLvl == 0 && pos < end - 1)
        {
            throw p.SyntaxError("f-string: unexpected end of string");
        }
        if (recurseLvl != 0 && (pos >= end || src[pos] != '}'))
        {
            throw p.SyntaxError("f-string: expecting '}'");
        }
    }

    /// <summary><c>_PyPegen_FstringParser_Finish</c>: a Constant (no f-string seen) or a
    /// JoinedStr.</summary>
    public static ExprNode Finish(IStringParserHost p, State state, Token first, Token last)
    {
        if (!state.FMode)
        {
            return MakeStrNode(p, state, first, last);
        }
        if (state.HasLastStr)
        {
            state.ExprList.Add(MakeStrNode(p, state, first, last));
        }
        return new JoinedStr(state.ExprList.ToArray(), first.Lineno, first.ColOffset, last.EndLineno, last.EndColOffset);
    }

    /// <summary><c>fstring_parse</c>: a format spec.</summary>
    private static ExprNode Parse(IStringParserHost p, ref int pos, int end, bool raw, int recurseLvl, Token first, Token t, Token last)
    {
        var state = new State();
        ConcatFString(p, state, ref pos, end, raw, recurseLvl, first, t, last);
        return Finish(p, state, t, t);
    }

    /// <summary><c>fstring_find_literal_and_expr</c>: 1 when a doubled brace ended the literal
    /// (call again), else 0 with an expression unless the end was reached.</summary>
    private static int FindLiteralAndExpr(IStringParserHost p, ref int pos, int end, bool raw, int recurseLvl,
        out object? literal, out string? exprText, out ExprNode? expression, Token first, Token t, Token last)
    {
        exprText = null;
        expression = null;
        var result = FindLiteral(p, ref pos, end, raw, out literal, recurseLvl, t);
        if (result == 1)
        {
            return 1;
        }
        if (pos >= end || p.Utf8[pos] == '}')
        {
            return 0;
        }
        expression = FindExpr(p, ref pos, end, raw, recurseLvl, out exprText, first, t, last);
        return 0;
    }

    /// <summary><c>fstring_find_literal</c>: the literal text up to an undoubled brace.</summary>
    private static int FindLiteral(IStringParserHost p, ref int pos, int end, bool raw, out object? literal, int recurseLvl, Token t)
    {
        var src = p.Utf8;
        var s = pos;
        var literalStart = s;
        var result = 0;
        literal = null;
        while (s < end)
        {
            var ch = src[s++];
            if (!raw && ch == '\\' && s < end)
            {
                ch = src[s++];
                if (ch == 'N')
                {
                    // Skip the braces of \N{name}: they do not start an expression.
                    if (s < end && src[s++] == '{')
                    {
                        while (s < end && src[s++] != '}')
                        {
                        }
                    }
                    continue;
                }
                if (ch == '{')
                {
                    p.InvalidEscape("invalid escape sequence '\\{'", t);
                }
            }
            if (ch is (byte)'{' or (byte)'}')
            {
                // Doubled braces are only checked at the top level, so that f'{0:{3}}' works.
                if (recurseLvl == 0)
                {
                    if (s < end && src[s] == ch)
                    {
                        pos = s + 1;
                        result = 1;
                        goto done;
                    }
                    if (ch == '}')
                    {
                        pos = s - 1;
                        throw p.SyntaxError("f-string: single '}' is not allowed");
                    }
                }
                s--;
                break;
            }
        }
        pos = s;
    done:
        if (literalStart != s)
        {
            var body = src.AsSpan(literalStart, s - literalStart);
            if (raw || StringEscapes.HasNoEscapes(body))
            {
                literal = StringEscapes.DecodeUtf8(body);
            }
            else
            {
                literal = StringEscapes.DecodeUnicode(body, out var warning);
                if (warning != null)
                {
                    p.InvalidEscape(warning, t);
                }
            }
        }
        return result;
    }

    /// <summary><c>fstring_find_expr</c>: a replacement field, from its '{' to its '}'.</summary>
    private static FormattedValue FindExpr(IStringParserHost p, ref int pos, int end, bool raw, int recurseLvl,
        out string? exprText, Token first, Token t, Token last)
    {
        var src = p.Utf8;
        byte quoteChar = 0;
        var stringType = 0;
        var nestedDepth = 0;
        Span<byte> parenStack = stackalloc byte[MaxLevel];
        exprText = null;
        if (recurseLvl >= 2)
        {
            throw p.SyntaxError("f-string: expressions nested too deeply");
        }
        pos++;
        var exprStart = pos;
        for (; pos < end; pos++)
        {
            var ch = src[pos];
            if (ch == '\\')
            {
                throw p.SyntaxError("f-string expression part cannot include a backslash");
            }
            if (quoteChar != 0)
            {
                if (ch == quoteChar)
                {
                    if (stringType == 3)
                    {
                        if (pos + 2 < end && src[pos + 1] == ch && src[pos + 2] == ch)
                        {
                            pos += 2;
                            stringType = 0;
                            quoteChar = 0;
                        }
                    }
                    else
                    {
                        stringType = 0;
                        quoteChar = 0;
                    }
                }
            }
            else if (ch is (byte)'\'' or (byte)'"')
            {
                if (pos + 2 < end && src[pos + 1] == ch && src[pos + 2] == ch)
                {
                    stringType = 3;
                    pos += 2;
                }
                else
                {
                    stringType = 1;
                }
                quoteChar = ch;
            }
            else if (ch is (byte)'[' or (byte)'{' or (byte)'(')
            {
                if (nestedDepth >= MaxLevel)
                {
                    throw p.SyntaxError("f-string: too many nested parenthesis");
                }
                parenStack[nestedDepth++] = ch;
            }
            else if (ch == '#')
            {
                throw p.SyntaxError("f-string expression part cannot include '#'");
            }
            else if (nestedDepth == 0 && ch is (byte)'!' or (byte)':' or (byte)'}' or (byte)'=' or (byte)'>' or (byte)'<')
            {
                if (pos + 1 < end)
                {
                    var next = src[pos + 1];
                    // "!=", "==", "<=", ">=" do not end the expression.
                    if (next == '=' && ch is (byte)'!' or (byte)'=' or (byte)'<' or (byte)'>')
                    {
                        pos++;
                        continue;
                    }
                    if (ch is (byte)'>' or (byte)'<')
                    {
                        continue;
                    }
                }
                break;
            }
            else if (ch is (byte)']' or (byte)'}' or (byte)')')
            {
                if (nestedDepth == 0)
                {
                    throw p.SyntaxError($"f-string: unmatched '{(char)ch}'");
                }
                var opening = parenStack[--nestedDepth];
                if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}')))
                {
                    throw p.SyntaxError($"f-string: closing parenthesis '{(char)ch}' does not match opening parenthesis '{(char)opening}'");
                }
            }
        }
        var exprEnd = pos;
        if (quoteChar != 0)
        {
            throw p.SyntaxError("f-string: unterminated string");
        }
        if (nestedDepth != 0)
        {
            throw p.SyntaxError($"f-string: unmatched '{(char)parenStack[nestedDepth - 1]}'");
        }
        if (pos >= end)
        {
            throw p.SyntaxError("f-string: expecting '}'");
        }
        // Compile the expression first, so its errors come before those of the conversion
        // or format spec.
        var simpleExpression = CompileExpr(p, exprStart, exprEnd, t);
        if (src[pos] == '=')
        {
            pos++;
            while (src[pos] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0b or 0x0c)
            {
                pos++;
            }
            exprText = Encoding.UTF8.GetString(src, exprStart, pos - exprStart);
        }
        var conversion = -1;
        if (src[pos] == '!')
        {
            pos++;
            if (pos >= end)
            {
                throw p.SyntaxError("f-string: expecting '}'");
            }
            conversion = src[pos++];
            if (conversion is not ('s' or 'r' or 'a'))
            {
                throw p.SyntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
        }
        ExprNode? formatSpec = null;
        if (pos >= end)
        {
            throw p.SyntaxError("f-string: expecting '}'");
        }
        if (src[pos] == ':')
        {
            pos++;
            if (pos >= end)
            {
                throw p.SyntaxError("f-string: expecting '}'");
            }
            formatSpec = Parse(p, ref pos, end, raw, recurseLvl + 1, first, t, last);
        }
        if (pos >= end || src[pos] != '}')
        {
            throw p.SyntaxError("f-string: expecting '}'");
        }
        pos++;
        // In '=' mode with neither a format spec nor a conversion, the conversion is !r.
        if (exprText != null && formatSpec == null && conversion == -1)
        {
            conversion = 'r';
        }
        return new FormattedValue(simpleExpression, conversion, formatSpec, first.Lineno, first.ColOffset, last.EndLineno, last.EndColOffset);
    }

    /// <summary><c>fstring_compile_expr</c>: parses the expression between
    /// <paramref name="exprStart"/> and <paramref name="exprEnd"/>, wrapped in parentheses,
    /// with the positions it has in the source.</summary>
    private static ExprNode CompileExpr(IStringParserHost p, int exprStart, int exprEnd, Token t)
    {
        var src = p.Utf8;
        var s = exprStart;
        while (s != exprEnd && src[s] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\f')
        {
            s++;
        }
        if (s == exprEnd)
        {
            var next = src[exprEnd];
            throw p.SyntaxError(next is (byte)'!' or (byte)':' or (byte)'='
                ? $"f-string: expression required before '{(char)next}'"
                : "f-string: empty expression not allowed");
        }
        var len = exprEnd - exprStart;
        var wrapped = new byte[len + 2];
        wrapped[0] = (byte)'(';
        src.AsSpan(exprStart, len).CopyTo(wrapped.AsSpan(1));
        wrapped[len + 1] = (byte)')';
        FindExprLocation(src, t, exprStart - 1, out var lines, out var cols);
        return p.ParseFStringExpression(wrapped, t.Lineno + lines - 1, t.Lineno + lines, lines != 0 ? cols : t.ColOffset + cols);
    }

    /// <summary><c>fstring_find_expr_location</c>: the lines and columns from the token's start
    /// to the '{' at <paramref name="brace"/>. The columns are not counted when only
    /// whitespace separates the brace from a newline.</summary>
    internal static void FindExprLocation(byte[] src, Token t, int brace, out int lines, out int cols)
    {
        lines = 0;
        cols = 0;
        var newlineAfterBrace = true;
        for (var i = brace + 1; i < t.End && src[i] != '}' && src[i] != '\n'; i++)
        {
            if (src[i] is not ((byte)' ' or (byte)'\t' or (byte)'\f'))
            {
                newlineAfterBrace = false;
                break;
            }
        }
        if (!newlineAfterBrace)
        {
            var start = brace;
            while (start > t.Start && src[start] != '\n')
            {
                start--;
            }
            cols = brace - start;
            if (src[start] == '\n')
            {
                cols--;
            }
        }
        for (var i = t.Start; i < brace; i++)
        {
            if (src[i] == '\n')
            {
                lines++;
            }
        }
    }
}
