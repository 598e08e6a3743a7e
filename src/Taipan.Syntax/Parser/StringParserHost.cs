// Parser/pegen.h (the parts of Parser that string_parser.c uses)
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Parser;

/// <summary>What the literal parser needs from the PEG parser: the source bytes the token
/// offsets index, warnings, errors located as pegen locates them, and the parsing of f-string
/// replacement fields. <see cref="Parser"/> provides it through <see cref="Parser.StringHost"/>;
/// tests use their own.</summary>
internal interface IStringParserHost
{
    /// <summary>The UTF-8 source that token offsets index.</summary>
    byte[] Utf8 { get; }

    /// <summary><c>warn_invalid_escape_sequence</c>: the DeprecationWarning of an invalid
    /// escape in token <paramref name="t"/> (CPython turns it into a SyntaxError located at
    /// that token when warnings are errors).</summary>
    void InvalidEscape(string message, Token t);

    /// <summary>See <see cref="Parser.ParseFStringExpression"/>.</summary>
    ExprNode ParseFStringExpression(byte[] wrappedUtf8, int tokenizerLineno, int startingLineno, int startingColOffset);

    /// <summary><c>RAISE_SYNTAX_ERROR</c>: the error located at the last token the parser has
    /// read (for a string, the token after the last STRING).</summary>
    PythonSyntaxError SyntaxError(string message);

    /// <summary><c>RAISE_ERROR_KNOWN_LOCATION</c> with 0-based byte columns (-1: none, which
    /// CPython reports as offset 0).</summary>
    PythonSyntaxError SyntaxErrorKnownLocation(string message, int lineno, int colOffset, int endLineno, int endColOffset);
}

public sealed partial class Parser
{
    private StringHost? _stringHost;

    /// <summary>This parser's string host, made once.</summary>
    internal StringHost LiteralHost => _stringHost ??= new StringHost(this);

    /// <summary>The <see cref="IStringParserHost"/> of a parser, used by the two public entry
    /// points of <see cref="StringParser"/>: errors go through pegen's error helpers.</summary>
    internal sealed class StringHost(Parser parser) : IStringParserHost
    {
        public byte[] Utf8 => parser._source.Utf8;

        public void InvalidEscape(string message, Token t) => parser.Warn("DeprecationWarning", message, t.Lineno);

        public ExprNode ParseFStringExpression(byte[] wrappedUtf8, int tokenizerLineno, int startingLineno, int startingColOffset) =>
            parser.ParseFStringExpression(wrappedUtf8, tokenizerLineno, startingLineno, startingColOffset);

        public PythonSyntaxError SyntaxError(string message) => parser.RaiseError(message);

        public PythonSyntaxError SyntaxErrorKnownLocation(string message, int lineno, int colOffset, int endLineno, int endColOffset) =>
            parser.MakeError("SyntaxError", message, lineno, colOffset < 0 ? 0 : colOffset + 1, endLineno, endColOffset < 0 ? 0 : endColOffset + 1);
    }
}
