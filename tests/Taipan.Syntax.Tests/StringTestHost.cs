using System.Numerics;
using System.Text;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Parser;
using Taipan.Syntax.Tokenizer;
using Assert = Xunit.Assert;

namespace Taipan.Syntax.Tests;

/// <summary>A stand-in for the PEG parser: it finds the STRING tokens of a source made only of
/// string literals (and parentheses), and parses replacement fields that hold one name or
/// integer, placing them as pegen's f-string parser does.</summary>
internal sealed class StringTestHost(string source) : IStringParserHost
{
    public byte[] Utf8 { get; } = Encoding.UTF8.GetBytes(source);

    public List<string> Warnings { get; } = [];

    public void InvalidEscape(string message, Token t) => Warnings.Add($"DeprecationWarning: {message} @{t.Lineno}");

    public PythonSyntaxError SyntaxError(string message) =>
        new("SyntaxError", message, "<unknown>", 0, 0, 0, 0, null);

    public PythonSyntaxError SyntaxErrorKnownLocation(string message, int lineno, int colOffset, int endLineno, int endColOffset) =>
        new("SyntaxError", message, "<unknown>", lineno, colOffset + 1, endLineno, endColOffset + 1, null);

    public ExprNode ParseFStringExpression(byte[] wrappedUtf8, int tokenizerLineno, int startingLineno, int startingColOffset)
    {
        var text = Encoding.UTF8.GetString(wrappedUtf8);
        Assert.Equal('(', text[0]);
        Assert.Equal(')', text[^1]);
        int line = 0, col = 1, i = 1;
        while (text[i] is ' ' or '\t' or '\f' or '\n')
        {
            if (text[i] == '\n')
            {
                line++;
                col = 0;
            }
            else
            {
                col++;
            }
            i++;
        }
        var start = i;
        while (char.IsLetterOrDigit(text[i]) || text[i] == '_')
        {
            i++;
        }
        var atom = text[start..i];
        while (text[i] is ' ' or '\t' or '\f' or '\n')
        {
            i++;
        }
        if (atom.Length == 0 || i != text.Length - 1)
        {
            throw new NotSupportedException("the test host parses only a name or an integer: " + text);
        }
        var lineno = tokenizerLineno + 1 + line;
        var shift = lineno == startingLineno ? startingColOffset : 0;
        var endCol = col + Encoding.UTF8.GetByteCount(atom);
        return char.IsDigit(atom[0])
            ? new Constant(BigInteger.Parse(atom), null, lineno, shift + col, lineno, shift + endCol)
            : new Name(atom, ExprContext.Load, lineno, shift + col, lineno, shift + endCol);
    }

    /// <summary>The STRING tokens of the source.</summary>
    public Token[] Tokens()
    {
        var src = Utf8;
        var tokens = new List<Token>();
        int i = 0, line = 1, lineStart = 0;
        while (i < src.Length)
        {
            var c = src[i];
            if (c is (byte)' ' or (byte)'(' or (byte)')')
            {
                i++;
                continue;
            }
            if (c == '\n')
            {
                i++;
                line++;
                lineStart = i;
                continue;
            }
            var start = i;
            int startLine = line, startCol = i - lineStart;
            while (src[i] is not ((byte)'"' or (byte)'\''))
            {
                Assert.True(char.IsLetter((char)src[i]), "not a string literal source");
                i++;
            }
            var quote = src[i];
            var triple = i + 2 < src.Length && src[i + 1] == quote && src[i + 2] == quote;
            i += triple ? 3 : 1;
            while (true)
            {
                if (src[i] == '\\')
                {
                    if (src[i + 1] == '\n')
                    {
                        line++;
                        lineStart = i + 2;
                    }
                    i += 2;
                    continue;
                }
                if (src[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
                if (src[i] == quote && (!triple || (src[i + 1] == quote && src[i + 2] == quote)))
                {
                    i += triple ? 3 : 1;
                    break;
                }
                i++;
            }
            tokens.Add(new Token(TokenKind.String, start, i, startLine, startCol, line, i - lineStart));
        }
        return tokens.ToArray();
    }
}
