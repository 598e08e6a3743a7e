// Parser/tokenizer.c
namespace Taipan.Syntax.Tokenizer;

/// <summary>The C tokenizer's token stream: no COMMENT or NL tokens; NEWLINE, INDENT and
/// DEDENT as the parser sees them; ENDMARKER last. Errors raise
/// <see cref="Errors.PythonSyntaxError"/> with CPython's message and location.</summary>
public sealed class Tokenizer
{
    public Tokenizer(SourceText source) => Source = source;

    public SourceText Source { get; }

    /// <summary>The next token. At the end, ENDMARKER again and again.</summary>
    public Token Next() => throw new NotImplementedException();

    /// <summary>How many brackets are open now (CPython's <c>tok->level</c>).</summary>
    public int ParenLevel => throw new NotImplementedException();

    /// <summary>The i-th open bracket (0 = outermost): its character, line and byte column
    /// (<c>parenstack</c>, <c>parenlinenostack</c>, <c>parencolstack</c>).</summary>
    public (char Bracket, int Lineno, int ColOffset) OpenBracket(int i) => throw new NotImplementedException();
}
