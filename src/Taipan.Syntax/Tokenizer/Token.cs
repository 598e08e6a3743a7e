// Parser/pegen.h (Token)
namespace Taipan.Syntax.Tokenizer;

/// <summary>One token. <see cref="Start"/> and <see cref="End"/> are byte offsets into the
/// UTF-8 source buffer (<see cref="SourceText.Utf8"/>); lines are 1-based and columns are
/// 0-based UTF-8 byte offsets within their line, exactly as CPython's tokenizer reports them.</summary>
public readonly record struct Token(
    TokenKind Kind,
    int Start,
    int End,
    int Lineno,
    int ColOffset,
    int EndLineno,
    int EndColOffset);
