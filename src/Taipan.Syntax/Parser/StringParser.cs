// Parser/string_parser.c
using Taipan.Syntax.Ast;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Parser;

/// <summary>String and number literals: escape decoding, implicit concatenation, f-strings.</summary>
public static class StringParser
{
    /// <summary><c>_PyPegen_concatenate_strings</c>: one or more adjacent STRING tokens become a
    /// <c>Constant</c> (str or bytes) or a <c>JoinedStr</c>, located from the first token's
    /// start to the last token's end.</summary>
    public static ExprNode ConcatenateStrings(Parser p, ReadOnlySpan<Token> tokens) =>
        throw new NotImplementedException();

    /// <summary><c>_PyPegen_number_token</c>: the value of a NUMBER token: <c>BigInteger</c>,
    /// <c>double</c> or <c>Complex</c> (imaginary).</summary>
    public static object ParseNumber(Parser p, Token token) => throw new NotImplementedException();
}
