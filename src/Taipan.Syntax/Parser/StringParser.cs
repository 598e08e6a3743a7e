// Parser/string_parser.c (_PyPegen_parsestr), Parser/action_helpers.c (_PyPegen_concatenate_strings)
using Taipan.Syntax.Ast;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Parser;

/// <summary>String and number literals: escape decoding, implicit concatenation, f-strings.</summary>
public static partial class StringParser
{
    /// <summary><c>_PyPegen_concatenate_strings</c>: one or more adjacent STRING tokens become a
    /// <c>Constant</c> (str or bytes) or a <c>JoinedStr</c>, located from the first token's
    /// start to the last token's end.</summary>
    public static ExprNode ConcatenateStrings(Parser p, ReadOnlySpan<Token> tokens) =>
        Concatenate(p.LiteralHost, tokens);

    /// <summary><c>_PyPegen_number_token</c>: the value of a NUMBER token: <c>BigInteger</c>,
    /// <c>double</c> or <c>Complex</c> (imaginary).</summary>
    public static object ParseNumber(Parser p, Token token) =>
        ParseNumber(p.LiteralHost, token);

    /// <summary>The prefix and body of one STRING token, as <c>_PyPegen_parsestr</c> reads them.</summary>
    internal readonly record struct StringParts(bool Bytes, bool Raw, bool FString, int BodyStart, int BodyEnd);

    internal static StringParts SplitToken(byte[] src, Token t)
    {
        var i = t.Start;
        bool bytes = false, raw = false, fmode = false;
        while (true)
        {
            var c = src[i] | 0x20;
            if (c == 'b')
            {
                bytes = true;
            }
            else if (c == 'r')
            {
                raw = true;
            }
            else if (c == 'f')
            {
                fmode = true;
            }
            else if (c != 'u')
            {
                break;
            }
            i++;
        }
        var quote = src[i];
        var bodyStart = i + 1;
        var bodyEnd = t.End - 1;
        if (bodyEnd - bodyStart >= 4 && src[bodyStart] == quote && src[bodyStart + 1] == quote)
        {
            bodyStart += 2;
            bodyEnd -= 2;
        }
        return new StringParts(bytes, raw, fmode, bodyStart, bodyEnd);
    }

    internal static ExprNode Concatenate(IStringParserHost p, ReadOnlySpan<Token> tokens)
    {
        var src = p.Utf8;
        var first = tokens[0];
        var last = tokens[^1];
        try
        {
            // The common case: one plain str or bytes literal.
            if (tokens.Length == 1)
            {
                var parts = SplitToken(src, first);
                if (!parts.FString)
                {
                    var value = ParseStr(p, src, first, parts);
                    return new Constant(value, parts.Bytes ? null : Kind(src, first), first.Lineno, first.ColOffset, last.EndLineno, last.EndColOffset);
                }
            }
            var bytesMode = false;
            List<byte[]>? bytesParts = null;
            var state = new FStringParser.State();
            for (var i = 0; i < tokens.Length; i++)
            {
                var t = tokens[i];
                var parts = SplitToken(src, t);
                object? s = parts.FString ? null : ParseStr(p, src, t, parts);
                if (i != 0 && bytesMode != parts.Bytes)
                {
                    throw p.SyntaxError("cannot mix bytes and nonbytes literals");
                }
                bytesMode = parts.Bytes;
                if (parts.FString)
                {
                    var pos = parts.BodyStart;
                    FStringParser.ConcatFString(p, state, ref pos, parts.BodyEnd, parts.Raw, 0, first, t, last);
                }
                else if (bytesMode)
                {
                    (bytesParts ??= []).Add((byte[])s!);
                }
                else
                {
                    state.ConcatAndDel(s!);
                }
            }
            if (bytesMode)
            {
                var total = 0;
                foreach (var b in bytesParts!)
                {
                    total += b.Length;
                }
                var joined = new byte[total];
                var at = 0;
                foreach (var b in bytesParts)
                {
                    b.CopyTo(joined, at);
                    at += b.Length;
                }
                return new Constant(joined, null, first.Lineno, first.ColOffset, last.EndLineno, last.EndColOffset);
            }
            return FStringParser.Finish(p, state, first, last);
        }
        catch (StringDecodeException e)
        {
            throw p.SyntaxError($"({e.Kind}) {e.Message}");
        }
    }

    /// <summary>The <c>kind</c> of a str Constant: "u" when the first token starts with a
    /// lower-case u, as <c>make_str_node_and_del</c> checks.</summary>
    internal static string? Kind(byte[] src, Token first) => src[first.Start] == 'u' ? "u" : null;

    /// <summary><c>_PyPegen_parsestr</c> for a str or bytes (not f-string) token: a string or
    /// byte[].</summary>
    private static object ParseStr(IStringParserHost p, byte[] src, Token t, StringParts parts)
    {
        var body = src.AsSpan(parts.BodyStart, parts.BodyEnd - parts.BodyStart);
        var raw = parts.Raw || body.IndexOf((byte)'\\') < 0;
        string? warning;
        if (parts.Bytes)
        {
            // CPython checks the rest of the token (closing quotes included) for non-ASCII.
            foreach (var b in body)
            {
                if (b >= 0x80)
                {
                    throw p.SyntaxError("bytes can only contain ASCII literal characters");
                }
            }
            if (raw)
            {
                return body.ToArray();
            }
            var result = StringEscapes.DecodeBytes(body, out warning);
            if (warning != null)
            {
                p.InvalidEscape(warning, t);
            }
            return result;
        }
        if (raw)
        {
            return StringEscapes.DecodeUtf8(body);
        }
        var str = StringEscapes.DecodeUnicode(body, out warning);
        if (warning != null)
        {
            p.InvalidEscape(warning, t);
        }
        return str;
    }
}
