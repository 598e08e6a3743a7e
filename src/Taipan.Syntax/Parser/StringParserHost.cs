// Parser/pegen.h (the parts of Parser that string_parser.c uses)
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Syntax.Parser;

/// <summary>What the literal parser needs from the PEG parser: the source bytes the token
/// offsets index, warnings, errors located as pegen locates them, and the parsing of f-string
/// replacement fields. <see cref="Parser"/> provides it through <see cref="ParserStringHost"/>;
/// tests use their own.</summary>
internal interface IStringParserHost
{
    /// <summary>The UTF-8 source that token offsets index.</summary>
    byte[] Utf8 { get; }

    /// <summary>Records a warning issued at <paramref name="lineno"/>.</summary>
    void Warn(string category, string message, int lineno);

    /// <summary>See <see cref="Parser.ParseFStringExpression"/>.</summary>
    ExprNode ParseFStringExpression(byte[] wrappedUtf8, int tokenizerLineno, int startingLineno, int startingColOffset);

    /// <summary><c>RAISE_SYNTAX_ERROR</c>: the error located at the last token the parser has
    /// read (for a string, the token after the last STRING).</summary>
    PythonSyntaxError SyntaxError(string message);

    /// <summary><c>RAISE_ERROR_KNOWN_LOCATION</c> with 0-based byte columns (-1: none, which
    /// CPython reports as offset 0).</summary>
    PythonSyntaxError SyntaxErrorKnownLocation(string message, int lineno, int colOffset, int endLineno, int endColOffset);
}

/// <summary>The <see cref="IStringParserHost"/> of a <see cref="Parser"/>, used by the two
/// public entry points of <see cref="StringParser"/>.</summary>
internal sealed class ParserStringHost(Parser parser, Tokenizer.Token lastToken) : IStringParserHost
{
    public byte[] Utf8 => parser.Source.Utf8;

    public void Warn(string category, string message, int lineno) => parser.Warn(category, message, lineno);

    public ExprNode ParseFStringExpression(byte[] wrappedUtf8, int tokenizerLineno, int startingLineno, int startingColOffset) =>
        parser.ParseFStringExpression(wrappedUtf8, tokenizerLineno, startingLineno, startingColOffset);

    // Until the parser exposes its own error helpers, the location of "the last token read"
    // is approximated by the end of the last STRING token.
    public PythonSyntaxError SyntaxError(string message) =>
        SyntaxErrorKnownLocation(message, lastToken.EndLineno, lastToken.EndColOffset, lastToken.EndLineno, lastToken.EndColOffset);

    public PythonSyntaxError SyntaxErrorKnownLocation(string message, int lineno, int colOffset, int endLineno, int endColOffset)
    {
        var source = parser.Source;
        var offset = colOffset < 0 ? 0 : source.ByteToCharColumn(lineno, colOffset) + 1;
        var endOffset = endColOffset < 0 ? 0 : source.ByteToCharColumn(endLineno, endColOffset) + 1;
        return new PythonSyntaxError("SyntaxError", message, source.Filename, lineno, offset, endLineno, endOffset, source.LineText(lineno));
    }
}
