// Parser/pegen_errors.c
using System.Text;
using Taipan.Syntax.Ast;
using Attribute = Taipan.Syntax.Ast.Attribute;
using Tuple = Taipan.Syntax.Ast.Tuple;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Parser;

public sealed partial class Parser
{
    /// <summary>Where an error points: a token's or a node's start and end (0-based byte columns).</summary>
    private readonly record struct ErrPos(int L, int C, int EL, int EC);

    private ErrPos PosOf(int tokenIndex)
    {
        ref var t = ref _tokens[tokenIndex];
        return new ErrPos(t.Lineno, t.ColOffset, t.EndLineno, t.EndColOffset);
    }

    private static ErrPos PosOf(LocatedNode n) => new(n.Lineno, n.ColOffset, n.EndLineno, n.EndColOffset);

    private static ErrPos PosOf(Token t) => new(t.Lineno, t.ColOffset, t.EndLineno, t.EndColOffset);

    /// <summary>RAISE_SYNTAX_ERROR_KNOWN_LOCATION on a node.</summary>
    private PythonSyntaxError RaiseErrorKnownLocation(LocatedNode a, string msg, string type = "SyntaxError") =>
        RaiseRange(PosOf(a), PosOf(a), msg, type);

    /// <summary>RAISE_SYNTAX_ERROR_KNOWN_LOCATION on a token.</summary>
    private PythonSyntaxError RaiseErrorKnownLocation(Token t, string msg, string type = "SyntaxError") =>
        RaiseRange(PosOf(t), PosOf(t), msg, type);

    private PythonSyntaxError RaiseErrorKnownLocation(int tokenIndex, string msg) =>
        RaiseRange(PosOf(tokenIndex), PosOf(tokenIndex), msg);

    /// <summary>RAISE_SYNTAX_ERROR_KNOWN_RANGE: from the start of a to the end of b.</summary>
    private PythonSyntaxError RaiseRange(ErrPos a, ErrPos b, string msg, string type = "SyntaxError") =>
        MakeError(type, msg, a.L, a.C + 1, b.EL, b.EC + 1);

    /// <summary>RAISE_SYNTAX_ERROR for code outside the grammar (the literal parser): the
    /// error located at the last token the parser has read.</summary>
    public PythonSyntaxError RaiseSyntaxError(string message) => RaiseError(message);

    /// <summary>RAISE_ERROR_KNOWN_LOCATION for code outside the grammar: 0-based byte columns,
    /// -1 for none (CPython then reports offset 0).</summary>
    public PythonSyntaxError RaiseSyntaxErrorKnownLocation(string message, int lineno, int colOffset, int endLineno, int endColOffset) =>
        MakeError("SyntaxError", message, lineno, colOffset + 1, endLineno, endColOffset + 1);

    /// <summary>RAISE_SYNTAX_ERROR_STARTING_FROM: from a to the tokenizer's current position.</summary>
    private PythonSyntaxError RaiseStartingFrom(ErrPos a, string msg) =>
        MakeError("SyntaxError", msg, a.L, a.C + 1, _tokenizer.Lineno, _tokenizer.CurrentColOffset);

    /// <summary><c>_PyPegen_raise_error</c> (RAISE_SYNTAX_ERROR, RAISE_INDENTATION_ERROR): at the
    /// last token read.</summary>
    private PythonSyntaxError RaiseError(string msg, string type = "SyntaxError")
    {
        if (_fill == 0)
        {
            return MakeError(type, msg, 0, 0, 0, -1);
        }
        ref var t = ref _tokens[_fill - 1];
        var col = t.ColOffset == -1 ? _tokenizer.CurrentColOffset : t.ColOffset + 1;
        var endCol = t.EndColOffset == -1 ? -1 : t.EndColOffset + 1;
        return MakeError(type, msg, t.Lineno, col, t.EndLineno, endCol);
    }

    /// <summary><c>_PyPegen_raise_error_known_location</c>: columns are 1-based byte offsets; the
    /// tokenizer turns them into character offsets of the line it shows.</summary>
    private PythonSyntaxError MakeError(string type, string msg, int lineno, int col1, int endLineno, int endCol1)
    {
        if (_mode == ParseMode.FString)
        {
            msg = "f-string: " + msg;
            col1 -= _startingColOffset;
            endCol1 -= _startingColOffset;
        }
        return _tokenizer.MakeError(type, msg, lineno, col1, endLineno, endCol1);
    }

    private PythonSyntaxError UnclosedParenthesesError()
    {
        var (bracket, lineno, col) = _tokenizer.OpenBracket(_tokenizer.ParenLevel - 1);
        return MakeError("SyntaxError", $"'{bracket}' was never closed", lineno, col + 1, lineno, 0);
    }

    /// <summary><c>_Pypegen_set_syntax_error</c>: the error when both passes failed without
    /// raising one.</summary>
    private void SetSyntaxError(Token lastToken)
    {
        if (_fill == 0)
        {
            throw RaiseError("error at start before reading any input");
        }
        if (lastToken.Kind == TokenKind.Indent || lastToken.Kind == TokenKind.Dedent)
        {
            throw RaiseError(lastToken.Kind == TokenKind.Indent ? "unexpected indent" : "unexpected unindent", "IndentationError");
        }
        var error = RaiseErrorKnownLocation(lastToken, "invalid syntax");
        TokenizeFullSourceToCheckForErrors();
        throw error;
    }

    /// <summary><c>_PyPegen_tokenize_full_source_to_check_for_errors</c>: a tokenizer error
    /// later in the source takes precedence over a parser error; an unclosed bracket does when
    /// it was opened on a line before the error.</summary>
    private void TokenizeFullSourceToCheckForErrors()
    {
        if (_tokenizerFailed)
        {
            return;
        }
        var currentErrLine = _fill > 0 ? _tokens[_fill - 1].Lineno : 0;
        while (true)
        {
            try
            {
                if (_tokenizer.Next().Kind == TokenKind.EndMarker)
                {
                    return;
                }
            }
            catch (PythonSyntaxError) when (_tokenizer.Error != TokenizerError.Raised)
            {
                // Errors that pegen reports itself (E_EOF, E_DEDENT, E_LINECONT, ...) do not
                // replace the parser's error, except a bracket left open on an earlier line.
                if (_tokenizer.ParenLevel != 0)
                {
                    var (_, lineno, _) = _tokenizer.OpenBracket(_tokenizer.ParenLevel - 1);
                    if (currentErrLine > lineno)
                    {
                        throw UnclosedParenthesesError();
                    }
                }
                return;
            }
        }
    }

    /// <summary><c>bad_single_statement</c>: in 'single' mode, anything but blanks and comments
    /// after the first statement is an error.</summary>
    private bool BadSingleStatement()
    {
        var src = _source.Utf8;
        var i = _tokens[_fill - 1].End;
        while (true)
        {
            while (i < src.Length && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\f' || src[i] == '\r'))
            {
                i++;
            }
            if (i >= src.Length || src[i] == 0)
            {
                return false;
            }
            if (src[i] != '#')
            {
                return true;
            }
            while (i < src.Length && src[i] != '\n')
            {
                i++;
            }
        }
    }
}
