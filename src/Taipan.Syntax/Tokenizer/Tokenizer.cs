// Parser/tokenizer.c
using System.Runtime.CompilerServices;
using Taipan.Syntax.Errors;

namespace Taipan.Syntax.Tokenizer;

/// <summary>How the tokenizer stopped, as CPython's <c>tok-&gt;done</c> codes that matter to
/// the parser.</summary>
public enum TokenizerError
{
    /// <summary>No error so far.</summary>
    None,
    /// <summary>An error raised inside the tokenizer itself (<c>syntaxerror()</c>: strings,
    /// numbers, brackets, identifiers, decoding). CPython's
    /// <c>_PyPegen_tokenize_full_source_to_check_for_errors</c> lets these replace a parser
    /// error.</summary>
    Raised,
    /// <summary><c>E_EOF</c> in an unexpected place: "unexpected EOF while parsing" or, inside
    /// brackets, "'(' was never closed".</summary>
    Eof,
    /// <summary><c>E_DEDENT</c>: "unindent does not match any outer indentation level".</summary>
    Dedent,
    /// <summary><c>E_TABSPACE</c>: "inconsistent use of tabs and spaces in indentation".</summary>
    TabSpace,
    /// <summary><c>E_TOODEEP</c>: "too many levels of indentation".</summary>
    TooDeep,
    /// <summary><c>E_LINECONT</c>: "unexpected character after line continuation character".</summary>
    LineContinuation,
}

/// <summary>The C tokenizer's token stream: no COMMENT or NL tokens; NEWLINE, INDENT and
/// DEDENT as the parser sees them; ENDMARKER last. Errors raise
/// <see cref="Errors.PythonSyntaxError"/> with CPython's message and location.</summary>
/// <remarks>
/// <para>Positions are exactly those of CPython 3.11's <c>initialize_token</c>: INDENT, DEDENT
/// and ENDMARKER carry no text in C, so their <see cref="Token.ColOffset"/> and
/// <see cref="Token.EndColOffset"/> are -1 (their <see cref="Token.Start"/>/<see cref="Token.End"/>
/// are the tokenizer's position, an empty range). NEWLINE is the empty range at its '\n'.
/// A STRING spanning lines starts on its first line.</para>
/// <para>Like the C tokenizer, <c>async</c> and <c>await</c> come out as
/// <see cref="TokenKind.Async"/> and <see cref="TokenKind.Await"/>, and <c>&lt;&gt;</c> as
/// <see cref="TokenKind.NotEqual"/> (the parser rejects it, checking the token's text, unless
/// barry_as_FLUFL). Characters that are no operator (<c>$ ? ! `</c>) come out as
/// <see cref="TokenKind.Op"/>.</para>
/// <para>After an error, <see cref="Next"/> throws the same error again; <see cref="Error"/>
/// tells which kind it was.</para>
/// </remarks>
public sealed class Tokenizer
{
    private const int Eof = -1;
    private const int TabSize = 8;
    private const int AltTabSize = 1;
    private const int MaxIndent = 100;
    private const int MaxLevel = 200;

    private byte[] _buf;           // the source, with the final newline CPython adds
    private readonly int _end;     // length of the source proper
    private int _endLimit;         // end of the input (_buf.Length once started)
    private readonly bool _fileInput;
    private readonly int _initialLineno;
    private readonly int _badUtf8Line;   // file input: the line that is not UTF-8, or 0

    private int _cur;          // tok->cur
    private int _inp;          // tok->inp: end of the data read so far (end of the current line)
    private int _lineBuf;      // tok->buf: start of the first line read for the current token
    private int _lineStart;    // tok->line_start
    private int _start = -1;   // tok->start, -1 for NULL
    private int _lineno;       // tok->lineno
    private bool _eof;         // no more input (the end was reached, or an error)
    private Done _done;        // tok->done, as far as the parser asks about it

    private enum Done : byte { Ok, Eof, EofInString, Error }

    private bool _atBol = true;
    private int _pendin;
    private int _indent;
    private readonly int[] _indStack = new int[MaxIndent];
    private readonly int[] _altIndStack = new int[MaxIndent];

    private int _level;
    private readonly byte[] _parenStack = new byte[MaxLevel];
    private readonly int[] _parenLineno = new int[MaxLevel];
    private readonly int[] _parenCol = new int[MaxLevel];

    private int _firstLineno;      // tok->first_lineno (of a STRING)
    private int _multiLineStart;   // tok->multi_line_start

    private int _pStart, _pEnd;    // the token's text, -1 for NULL
    private bool _started;
    private PythonSyntaxError? _error;

    public Tokenizer(SourceText source)
    {
        Source = source;
        _buf = source.Utf8;
        _end = _buf.Length;
        _fileInput = source.IsFileInput;
        _badUtf8Line = source.BadUtf8Line;
    }

    public SourceText Source { get; }

    /// <summary>Whether a source whose last line has no newline gets one, as CPython gives one
    /// to files and to <c>compile(..., 'exec')</c> (its <c>exec_input</c>), but not to
    /// <c>'eval'</c> and <c>'single'</c> input. Set before the first <see cref="Next"/>.</summary>
    public bool ImplicitNewline { get; init; } = true;

    /// <summary>The line number before the first line (<c>tok-&gt;lineno</c> at the start; the
    /// first line read gets this plus one). Used for f-string expressions.</summary>
    public int InitialLineno
    {
        get => _initialLineno;
        init { _initialLineno = value; _lineno = value; }
    }

    /// <summary>Called for the tokenizer's warnings (3.11's "invalid decimal literal"
    /// <c>SyntaxWarning</c> when a number is directly followed by a keyword such as
    /// <c>1if</c>): category, message, line number. Return true when the warning was turned
    /// into an error (warnings filter "error"): the tokenizer then raises it as a SyntaxError
    /// at the number's end, as <c>parser_warn</c> does.</summary>
    public Func<string, string, int, bool>? WarningHandler { get; set; }

    /// <summary>Produce TYPE_COMMENT and TYPE_IGNORE tokens (<c>ast.parse(...,
    /// type_comments=True)</c>, <c>PyCF_TYPE_COMMENTS</c>). Set before the first
    /// <see cref="Next"/>.</summary>
    public bool TypeComments { get; init; }

    /// <summary>What stopped the tokenizer, if anything.</summary>
    public TokenizerError Error { get; private set; }

    /// <summary>How many brackets are open now (CPython's <c>tok->level</c>).</summary>
    public int ParenLevel => _level;

    /// <summary>The i-th open bracket (0 = outermost): its character, line and byte column
    /// (<c>parenstack</c>, <c>parenlinenostack</c>, <c>parencolstack</c>).</summary>
    public (char Bracket, int Lineno, int ColOffset) OpenBracket(int i)
    {
        if ((uint)i >= (uint)_level)
            throw new ArgumentOutOfRangeException(nameof(i));
        return ((char)_parenStack[i], _parenLineno[i], _parenCol[i]);
    }

    /// <summary>Whether the tokenizer stopped at the end of the input: a normal end, an
    /// unexpected end (E_EOF), or the end inside a string (E_EOFS, E_EOLS). This is pegen's
    /// <c>_is_end_of_source</c>, which makes <c>PyCF_ALLOW_INCOMPLETE_INPUT</c> (codeop)
    /// report "incomplete input".</summary>
    public bool IsEndOfSource => _done is Done.Eof or Done.EofInString;

    /// <summary>Makes the next tokens DEDENTs back to the first column: what pegen's
    /// <c>_PyPegen_fill_token</c> does for <c>'single'</c> input when ENDMARKER arrives while
    /// indented (it returns a NEWLINE instead, then sets <c>tok-&gt;pendin = -tok-&gt;indent</c>),
    /// unless <c>PyCF_DONT_IMPLY_DEDENT</c>.</summary>
    public void ImplyDedents()
    {
        _pendin = -_indent;
        _indent = 0;
    }

    /// <summary>Where the tokenizer is (<c>tok-&gt;cur</c>) as an offset into
    /// <see cref="SourceText.Utf8"/>; pegen's <c>bad_single_statement</c> scans the rest of the
    /// source from here.</summary>
    public int CurrentOffset => Math.Min(_cur, _end);

    /// <summary>The current line number (<c>tok-&gt;lineno</c>).</summary>
    public int Lineno => _lineno;

    /// <summary>The column CPython's <c>_PyPegen_raise_error</c> uses for a token without a
    /// position (INDENT, DEDENT, ENDMARKER, an error token): <c>tok-&gt;cur - tok-&gt;line_start</c>,
    /// or 0 when <c>tok-&gt;cur == tok-&gt;buf</c>. A byte offset.</summary>
    public int CurrentColOffset => _cur == _lineBuf ? 0 : _cur - _lineStart;

    /// <summary>The next token. At the end, ENDMARKER again and again.</summary>
    public Token Next()
    {
        if (_error != null)
            throw _error;
        if (!_started)
            Start();
        var kind = Get();
        int lineStart = kind == TokenKind.String ? _multiLineStart : _lineStart;
        int lineno = kind == TokenKind.String ? _firstLineno : _lineno;
        int col = _pStart >= 0 && _pStart >= lineStart ? _pStart - lineStart : -1;
        int endCol = _pEnd >= 0 && _pEnd >= _lineStart ? _pEnd - _lineStart : -1;
        int s = _pStart, e = _pEnd;
        if (s < 0)
        {
            s = e = Math.Min(_cur, _end);
        }
        else
        {
            s = Math.Min(s, _end);
            e = Math.Min(e, _end);
        }
        return new Token(kind, s, e, lineno, col, _lineno, endCol);
    }

    /// <summary>Gives the source the final newline CPython gives it. String input gets one
    /// unless it ends with a newline, and, as CPython's <c>translate_newlines</c> does, also
    /// when it is empty or ends with "\r\n"; a file gets one when its last line has none.</summary>
    private void Start()
    {
        _started = true;
        bool add = ImplicitNewline && (_fileInput
            ? _end > 0 && _buf[_end - 1] != '\n'
            : _end == 0 || _buf[_end - 1] != '\n' || Source.EndsWithCrLf);
        if (add)
        {
            var b = new byte[_end + 1];
            _buf.AsSpan(0, _end).CopyTo(b);
            b[_end] = (byte)'\n';
            _buf = b;
        }
        _endLimit = _buf.Length;
    }

    // ---------------------------------------------------------------- reading

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextC()
    {
        if (_cur != _inp)
            return _buf[_cur++];
        return Underflow();
    }

    /// <summary><c>tok_underflow_string</c>: makes the next line available.</summary>
    private int Underflow()
    {
        if (_eof || _inp >= _endLimit)
        {
            if (!_eof)
                _done = Done.Eof;
            _eof = true;
            // The file reader empties its buffer before reading a line outside a token.
            if (_fileInput && _start < 0)
                _inp = _lineBuf;
            _cur = _inp;
            return Eof;
        }
        int nl = _buf.AsSpan(_inp, _endLimit - _inp).IndexOf((byte)'\n');
        int lineEnd = nl < 0 ? _endLimit : _inp + nl + 1;
        if (_start < 0)
            _lineBuf = _cur;
        _lineStart = _cur;
        _lineno++;
        _inp = lineEnd;
        if (_lineno - _initialLineno == _badUtf8Line)
        {
            Error = TokenizerError.Raised;
            throw Fail(Source.NonUtf8Error());
        }
        return _buf[_cur++];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Backup(int c)
    {
        if (c != Eof)
            _cur--;
    }

    // ---------------------------------------------------------------- the token

    private TokenKind Get()
    {
        int c;
        bool blankline;
        _pStart = _pEnd = -1;
    nextline:
        _start = -1;
        blankline = false;

        // Indentation of a new line.
        if (_atBol)
        {
            int col = 0, altcol = 0, contLineCol = 0;
            _atBol = false;
            for (; ; )
            {
                c = NextC();
                if (c == ' ')
                {
                    col++;
                    altcol++;
                }
                else if (c == '\t')
                {
                    col = (col / TabSize + 1) * TabSize;
                    altcol = (altcol / AltTabSize + 1) * AltTabSize;
                }
                else if (c == '\f')
                {
                    col = altcol = 0;
                }
                else if (c == '\\')
                {
                    // The first backslash decides the indentation of what follows.
                    contLineCol = contLineCol != 0 ? contLineCol : col;
                    if ((c = ContinuationLine()) == -2)
                        return ErrorToken();
                }
                else
                {
                    break;
                }
            }
            Backup(c);
            if (c == '#' || c == '\n')
                blankline = true;
            if (!blankline && _level == 0)
            {
                col = contLineCol != 0 ? contLineCol : col;
                altcol = contLineCol != 0 ? contLineCol : altcol;
                if (col == _indStack[_indent])
                {
                    if (altcol != _altIndStack[_indent])
                        return IndentError(TokenizerError.TabSpace);
                }
                else if (col > _indStack[_indent])
                {
                    if (_indent + 1 >= MaxIndent)
                        return IndentError(TokenizerError.TooDeep);
                    if (altcol <= _altIndStack[_indent])
                        return IndentError(TokenizerError.TabSpace);
                    _pendin++;
                    _indStack[++_indent] = col;
                    _altIndStack[_indent] = altcol;
                }
                else
                {
                    while (_indent > 0 && col < _indStack[_indent])
                    {
                        _pendin--;
                        _indent--;
                    }
                    if (col != _indStack[_indent])
                        return IndentError(TokenizerError.Dedent);
                    if (altcol != _altIndStack[_indent])
                        return IndentError(TokenizerError.TabSpace);
                }
            }
        }

        _start = _cur;
        if (_pendin != 0)
        {
            if (_pendin < 0)
            {
                _pendin++;
                return TokenKind.Dedent;
            }
            _pendin--;
            return TokenKind.Indent;
        }

    again:
        _start = -1;
        do
            c = NextC();
        while (c == ' ' || c == '\t' || c == '\f');
        _start = _cur - 1;

        // A comment runs to the end of the line.
        if (c == '#')
        {
            int last = _inp - 1;
            if (_cur <= last && _buf[last] == '\n')
            {
                _cur = _inp;
                c = '\n';
            }
            else
            {
                _cur = _inp;
                c = NextC();
            }
            if (TypeComments && TypeComment(c, blankline) is TokenKind kind)
                return kind;
        }

        if (c == Eof)
        {
            if (_level != 0)
                return EofError();
            return TokenKind.EndMarker;
        }

        // Identifier (the most frequent token), or a string prefix.
        if (IsPotentialIdentifierStart(c))
        {
            bool sawB = false, sawR = false, sawU = false, sawF = false;
            for (; ; )
            {
                if (!(sawB || sawU || sawF) && (c == 'b' || c == 'B'))
                    sawB = true;
                else if (!(sawB || sawU || sawR || sawF) && (c == 'u' || c == 'U'))
                    sawU = true;
                else if (!(sawR || sawU) && (c == 'r' || c == 'R'))
                    sawR = true;
                else if (!(sawF || sawB || sawU) && (c == 'f' || c == 'F'))
                    sawF = true;
                else
                    break;
                c = NextC();
                if (c == '"' || c == '\'')
                    return ReadString(c);
            }
            bool nonascii = c >= 128;
            // Identifier characters never span lines: scan the line directly.
            int p = _cur;
            int lim = _inp;
            var buf = _buf;
            if (IsPotentialIdentifierChar(c))
            {
                while (p < lim)
                {
                    byte b = buf[p];
                    if (b < 128)
                    {
                        if (!AsciiIdentChar[b])
                            break;
                    }
                    else
                    {
                        nonascii = true;
                    }
                    p++;
                }
                _cur = p;
            }
            else
            {
                Backup(c);
            }
            if (nonascii)
                VerifyIdentifier();
            _pStart = _start;
            _pEnd = _cur;
            int len = _cur - _start;
            if (len == 5 && buf[_start] == 'a')
            {
                if (buf.AsSpan(_start, 5).SequenceEqual("async"u8))
                    return TokenKind.Async;
                if (buf.AsSpan(_start, 5).SequenceEqual("await"u8))
                    return TokenKind.Await;
            }
            return TokenKind.Name;
        }

        if (c == '\n')
        {
            _atBol = true;
            if (blankline || _level > 0)
                goto nextline;
            _pStart = _start;
            _pEnd = _cur - 1;
            return TokenKind.Newline;
        }

        if (c == '.')
        {
            c = NextC();
            if (IsDigit(c))
                return Fraction(c);
            if (c == '.')
            {
                c = NextC();
                if (c == '.')
                {
                    _pStart = _start;
                    _pEnd = _cur;
                    return TokenKind.Ellipsis;
                }
                Backup(c);
                Backup('.');
            }
            else
            {
                Backup(c);
            }
            _pStart = _start;
            _pEnd = _cur;
            return TokenKind.Dot;
        }

        if (IsDigit(c))
            return Number(c);

        if (c == '"' || c == '\'')
            return ReadString(c);

        if (c == '\\')
        {
            if (ContinuationLine() == -2)
                return ErrorToken();
            goto again;
        }

        // Two- and three-character operators.
        {
            int c2 = NextC();
            var token = TwoChars(c, c2);
            if (token != TokenKind.Op)
            {
                int c3 = NextC();
                var token3 = ThreeChars(c, c2, c3);
                if (token3 != TokenKind.Op)
                    token = token3;
                else
                    Backup(c3);
                _pStart = _start;
                _pEnd = _cur;
                return token;
            }
            Backup(c2);
        }

        switch (c)
        {
            case '(':
            case '[':
            case '{':
                if (_level >= MaxLevel)
                    throw SyntaxError("too many nested parentheses");
                _parenStack[_level] = (byte)c;
                _parenLineno[_level] = _lineno;
                _parenCol[_level] = _start - _lineStart;
                _level++;
                break;
            case ')':
            case ']':
            case '}':
                if (_level == 0)
                    throw SyntaxError($"unmatched '{(char)c}'");
                _level--;
                int opening = _parenStack[_level];
                if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') || (opening == '{' && c == '}')))
                {
                    if (_parenLineno[_level] != _lineno)
                        throw SyntaxError($"closing parenthesis '{(char)c}' does not match opening parenthesis '{(char)opening}' on line {_parenLineno[_level]}");
                    throw SyntaxError($"closing parenthesis '{(char)c}' does not match opening parenthesis '{(char)opening}'");
                }
                break;
        }

        _pStart = _start;
        _pEnd = _cur;
        return OneChar(c);
    }

    /// <summary>A comment that starts with "# type: " (each blank of the prefix standing for
    /// any number of spaces and tabs) is a TYPE_COMMENT, or a TYPE_IGNORE when "ignore"
    /// follows, not followed by a letter, digit or non-ASCII character. <paramref name="c"/>
    /// is the newline (or EOF) after the comment. Returns null for an ordinary comment.</summary>
    private TokenKind? TypeComment(int c, bool blankline)
    {
        var prefix = "# type: "u8;
        int p = _start;
        int end = c == Eof ? _cur : _cur - 1;
        int i = 0;
        while (i < prefix.Length && p < _cur)
        {
            if (prefix[i] == ' ')
            {
                while (p < end && (_buf[p] == ' ' || _buf[p] == '\t'))
                    p++;
            }
            else if (prefix[i] == _buf[p])
            {
                p++;
            }
            else
            {
                break;
            }
            i++;
        }
        if (i < prefix.Length)
            return null;
        Backup(c);   // the newline (or EOF) is not part of the comment
        int ignoreEnd = p + 6;
        bool isIgnore = _cur >= ignoreEnd && _buf.AsSpan(p, 6).SequenceEqual("ignore"u8)
            && !(_cur > ignoreEnd && (_buf[ignoreEnd] >= 128 || char.IsAsciiLetterOrDigit((char)_buf[ignoreEnd])));
        if (isIgnore)
        {
            _pStart = ignoreEnd;
            _pEnd = _cur;
            // A type: ignore alone on its line takes the newline with it.
            if (blankline)
            {
                NextC();
                _atBol = true;
            }
            return TokenKind.TypeIgnore;
        }
        _pStart = p;
        _pEnd = _cur;
        return TokenKind.TypeComment;
    }

    /// <summary><c>tok_continuation_line</c>: after a backslash. Returns the next character
    /// (pushed back), or -2 after recording an error.</summary>
    private int ContinuationLine()
    {
        int c = NextC();
        if (c != '\n')
        {
            Error = TokenizerError.LineContinuation;
            return -2;
        }
        c = NextC();
        if (c == Eof)
        {
            Error = TokenizerError.Eof;
            _cur = _inp;
            return -2;
        }
        Backup(c);
        return c;
    }

    // ---------------------------------------------------------------- numbers

    private TokenKind Number(int c)
    {
        if (c == '0')
        {
            c = NextC();
            if (c == 'x' || c == 'X')
            {
                c = NextC();
                do
                {
                    if (c == '_')
                        c = NextC();
                    if (!IsHexDigit(c))
                    {
                        Backup(c);
                        throw SyntaxError("invalid hexadecimal literal");
                    }
                    do
                        c = NextC();
                    while (IsHexDigit(c));
                }
                while (c == '_');
                VerifyEndOfNumber(c, "hexadecimal");
            }
            else if (c == 'o' || c == 'O')
            {
                c = NextC();
                do
                {
                    if (c == '_')
                        c = NextC();
                    if (c < '0' || c >= '8')
                    {
                        if (IsDigit(c))
                            throw SyntaxError($"invalid digit '{(char)c}' in octal literal");
                        Backup(c);
                        throw SyntaxError("invalid octal literal");
                    }
                    do
                        c = NextC();
                    while ('0' <= c && c < '8');
                }
                while (c == '_');
                if (IsDigit(c))
                    throw SyntaxError($"invalid digit '{(char)c}' in octal literal");
                VerifyEndOfNumber(c, "octal");
            }
            else if (c == 'b' || c == 'B')
            {
                c = NextC();
                do
                {
                    if (c == '_')
                        c = NextC();
                    if (c != '0' && c != '1')
                    {
                        if (IsDigit(c))
                            throw SyntaxError($"invalid digit '{(char)c}' in binary literal");
                        Backup(c);
                        throw SyntaxError("invalid binary literal");
                    }
                    do
                        c = NextC();
                    while (c == '0' || c == '1');
                }
                while (c == '_');
                if (IsDigit(c))
                    throw SyntaxError($"invalid digit '{(char)c}' in binary literal");
                VerifyEndOfNumber(c, "binary");
            }
            else
            {
                bool nonzero = false;
                // Maybe an old-style octal; in any case '0' is a literal.
                for (; ; )
                {
                    if (c == '_')
                    {
                        c = NextC();
                        if (!IsDigit(c))
                        {
                            Backup(c);
                            throw SyntaxError("invalid decimal literal");
                        }
                    }
                    if (c != '0')
                        break;
                    c = NextC();
                }
                int zerosEnd = _cur;
                if (IsDigit(c))
                {
                    nonzero = true;
                    c = DecimalTail();
                }
                if (c == '.')
                    return Fraction(NextC());
                if (c == 'e' || c == 'E')
                    return Exponent(c);
                if (c == 'j' || c == 'J')
                    return Imaginary();
                if (nonzero)
                {
                    Backup(c);
                    throw SyntaxErrorKnownRange(_start + 1 - _lineStart, zerosEnd - _lineStart,
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
                }
                VerifyEndOfNumber(c, "decimal");
            }
        }
        else
        {
            c = DecimalTail();
            if (c == '.')
                return Fraction(NextC());
            if (c == 'e' || c == 'E')
                return Exponent(c);
            if (c == 'j' || c == 'J')
                return Imaginary();
            VerifyEndOfNumber(c, "decimal");
        }
        Backup(c);
        _pStart = _start;
        _pEnd = _cur;
        return TokenKind.Number;
    }

    /// <summary>After the '.' of a float; <paramref name="c"/> is the character after it.</summary>
    private TokenKind Fraction(int c)
    {
        if (IsDigit(c))
            c = DecimalTail();
        if (c == 'e' || c == 'E')
            return Exponent(c);
        if (c == 'j' || c == 'J')
            return Imaginary();
        VerifyEndOfNumber(c, "decimal");
        Backup(c);
        _pStart = _start;
        _pEnd = _cur;
        return TokenKind.Number;
    }

    private TokenKind Exponent(int e)
    {
        int c = NextC();
        if (c == '+' || c == '-')
        {
            c = NextC();
            if (!IsDigit(c))
            {
                Backup(c);
                throw SyntaxError("invalid decimal literal");
            }
        }
        else if (!IsDigit(c))
        {
            // Not an exponent after all: the number ends before the 'e'.
            Backup(c);
            VerifyEndOfNumber(e, "decimal");
            Backup(e);
            _pStart = _start;
            _pEnd = _cur;
            return TokenKind.Number;
        }
        c = DecimalTail();
        if (c == 'j' || c == 'J')
            return Imaginary();
        VerifyEndOfNumber(c, "decimal");
        Backup(c);
        _pStart = _start;
        _pEnd = _cur;
        return TokenKind.Number;
    }

    private TokenKind Imaginary()
    {
        int c = NextC();
        VerifyEndOfNumber(c, "imaginary");
        Backup(c);
        _pStart = _start;
        _pEnd = _cur;
        return TokenKind.Number;
    }

    /// <summary><c>tok_decimal_tail</c>: digits with single underscores between them.</summary>
    private int DecimalTail()
    {
        int c;
        for (; ; )
        {
            do
                c = NextC();
            while (IsDigit(c));
            if (c != '_')
                break;
            c = NextC();
            if (!IsDigit(c))
            {
                Backup(c);
                throw SyntaxError("invalid decimal literal");
            }
        }
        return c;
    }

    /// <summary><c>verify_end_of_number</c>: a number directly followed by one of the keywords
    /// that may follow it in valid code gets a SyntaxWarning; by any other identifier
    /// character, an error. <paramref name="c"/> has been read.</summary>
    private void VerifyEndOfNumber(int c, string kind)
    {
        bool r = false;
        switch (c)
        {
            case 'a': r = Lookahead("nd"u8); break;
            case 'e': r = Lookahead("lse"u8); break;
            case 'f': r = Lookahead("or"u8); break;
            case 'i':
                {
                    int c2 = NextC();
                    if (c2 == 'f' || c2 == 'n' || c2 == 's')
                        r = true;
                    Backup(c2);
                    break;
                }
            case 'o': r = Lookahead("r"u8); break;
            case 'n': r = Lookahead("ot"u8); break;
        }
        if (r)
        {
            Backup(c);
            string msg = $"invalid {kind} literal";
            if (WarningHandler != null && WarningHandler("SyntaxWarning", msg, _lineno))
                throw SyntaxError(msg);
            NextC();
        }
        else if (c != Eof && IsPotentialIdentifierChar(c))
        {
            Backup(c);
            throw SyntaxError($"invalid {kind} literal");
        }
    }

    /// <summary>Whether the next characters are <paramref name="test"/> and then no identifier
    /// character; reads nothing in the end.</summary>
    private bool Lookahead(ReadOnlySpan<byte> test)
    {
        int save = _cur;
        int i = 0;
        bool res;
        for (; ; )
        {
            int c = NextC();
            if (i == test.Length)
            {
                res = c == Eof || !IsPotentialIdentifierChar(c);
                break;
            }
            if (c == test[i])
            {
                i++;
                continue;
            }
            res = false;
            break;
        }
        // Everything read is on this line, still in the buffer: going back is moving back.
        _cur = save;
        return res;
    }

    // ---------------------------------------------------------------- strings

    private TokenKind ReadString(int quote)
    {
        int quoteSize = 1;
        int endQuoteSize = 0;
        _firstLineno = _lineno;
        _multiLineStart = _lineStart;

        int c = NextC();
        if (c == quote)
        {
            c = NextC();
            if (c == quote)
                quoteSize = 3;
            else
                endQuoteSize = 1;   // empty string
        }
        if (c != quote)
            Backup(c);

        var buf = _buf;
        while (endQuoteSize != quoteSize)
        {
            // Fast path: skip plain characters on this line.
            if (endQuoteSize == 0)
            {
                int p = _cur, lim = _inp;
                while (p < lim)
                {
                    byte b = buf[p];
                    if (b == quote || b == '\\' || b == '\n')
                        break;
                    p++;
                }
                _cur = p;
            }
            c = NextC();
            if (c == Eof || (quoteSize == 1 && c == '\n'))
            {
                // Report the error at the opening quote.
                _cur = _start + 1;
                _lineStart = _multiLineStart;
                int detected = _lineno;
                _lineno = _firstLineno;
                var e = quoteSize == 3
                    ? SyntaxError($"unterminated triple-quoted string literal (detected at line {detected})")
                    : SyntaxError($"unterminated string literal (detected at line {detected})");
                // E_EOFS / E_EOLS: the input may just be incomplete (codeop).
                if (c == Eof)
                    _done = Done.EofInString;
                throw e;
            }
            if (c == quote)
            {
                endQuoteSize++;
            }
            else
            {
                endQuoteSize = 0;
                if (c == '\\')
                    NextC();
            }
        }
        _pStart = _start;
        _pEnd = _cur;
        return TokenKind.String;
    }

    // ---------------------------------------------------------------- identifiers

    /// <summary><c>verify_identifier</c>: PEP 3131 check of the identifier just read.</summary>
    private void VerifyIdentifier()
    {
        var span = _buf.AsSpan(_start, _cur - _start);
        // CPython decodes the whole identifier before it looks at its characters.
        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            int k = 0;
            while (System.Text.Rune.DecodeFromUtf8(span[k..], out _, out int len) == System.Buffers.OperationStatus.Done)
                k += len;
            throw DecodeError(span, k);
        }
        int i = 0;
        bool first = true;
        while (i < span.Length)
        {
            int cp;
            int n;
            byte b = span[i];
            if (b < 0x80)
            {
                cp = b;
                n = 1;
            }
            else
            {
                System.Text.Rune.DecodeFromUtf8(span[i..], out var rune, out n);
                cp = rune.Value;
            }
            bool ok = first ? (cp == '_' || UnicodeIdentifiers.IsXidStart(cp)) : UnicodeIdentifiers.IsXidContinue(cp);
            if (!ok)
            {
                if (i + n < span.Length)
                    _cur = _start + i + n;
                throw UnicodeIdentifiers.IsPrintable(cp)
                    ? SyntaxError($"invalid character '{char.ConvertFromUtf32(cp)}' (U+{cp:X4})")
                    : SyntaxError($"invalid non-printable character U+{cp:X4}");
            }
            first = false;
            i += n;
        }
    }

    /// <summary>An identifier that is not valid UTF-8: CPython's decoder raises
    /// UnicodeDecodeError and the parser turns it into "(unicode error) ..." at the
    /// identifier's end.</summary>
    private PythonSyntaxError DecodeError(ReadOnlySpan<byte> span, int i)
    {
        var (reason, end) = Utf8Error(span, i);
        string what = end - i > 1 ? $"bytes in position {i}-{end - 1}" : $"byte 0x{span[i]:x2} in position {i}";
        string msg = $"(unicode error) 'utf-8' codec can't decode {what}: {reason}";
        Error = TokenizerError.Raised;
        return Fail(MakeError("SyntaxError", msg, _lineno, CurrentColOffset, _lineno, -1));
    }

    /// <summary>Python's UTF-8 decoder's reason for the invalid sequence at <paramref name="i"/>
    /// and the end of the bytes it blames.</summary>
    internal static (string Reason, int End) Utf8Error(ReadOnlySpan<byte> s, int i)
    {
        byte b = s[i];
        int need;
        if (b >= 0xC2 && b <= 0xDF)
            need = 1;
        else if (b >= 0xE0 && b <= 0xEF)
            need = 2;
        else if (b >= 0xF0 && b <= 0xF4)
            need = 3;
        else
            return ("invalid start byte", i + 1);
        for (int k = 1; k <= need; k++)
        {
            if (i + k >= s.Length)
                return ("unexpected end of data", s.Length);
            byte cb = s[i + k];
            bool ok = cb >= 0x80 && cb <= 0xBF;
            if (k == 1)
            {
                if (b == 0xE0) ok = cb >= 0xA0 && cb <= 0xBF;
                else if (b == 0xED) ok = cb >= 0x80 && cb <= 0x9F;
                else if (b == 0xF0) ok = cb >= 0x90 && cb <= 0xBF;
                else if (b == 0xF4) ok = cb >= 0x80 && cb <= 0x8F;
            }
            if (!ok)
                return ("invalid continuation byte", i + k);
        }
        return ("invalid start byte", i + 1);
    }

    // ---------------------------------------------------------------- operators

    private static TokenKind OneChar(int c) => c switch
    {
        '%' => TokenKind.Percent,
        '&' => TokenKind.Amper,
        '(' => TokenKind.LPar,
        ')' => TokenKind.RPar,
        '*' => TokenKind.Star,
        '+' => TokenKind.Plus,
        ',' => TokenKind.Comma,
        '-' => TokenKind.Minus,
        '.' => TokenKind.Dot,
        '/' => TokenKind.Slash,
        ':' => TokenKind.Colon,
        ';' => TokenKind.Semi,
        '<' => TokenKind.Less,
        '=' => TokenKind.Equal,
        '>' => TokenKind.Greater,
        '@' => TokenKind.At,
        '[' => TokenKind.LSqb,
        ']' => TokenKind.RSqb,
        '^' => TokenKind.Circumflex,
        '{' => TokenKind.LBrace,
        '|' => TokenKind.VBar,
        '}' => TokenKind.RBrace,
        '~' => TokenKind.Tilde,
        _ => TokenKind.Op,
    };

    private static TokenKind TwoChars(int c1, int c2)
    {
        switch (c1)
        {
            case '!': if (c2 == '=') return TokenKind.NotEqual; break;
            case '%': if (c2 == '=') return TokenKind.PercentEqual; break;
            case '&': if (c2 == '=') return TokenKind.AmperEqual; break;
            case '*':
                if (c2 == '*') return TokenKind.DoubleStar;
                if (c2 == '=') return TokenKind.StarEqual;
                break;
            case '+': if (c2 == '=') return TokenKind.PlusEqual; break;
            case '-':
                if (c2 == '=') return TokenKind.MinEqual;
                if (c2 == '>') return TokenKind.RArrow;
                break;
            case '/':
                if (c2 == '/') return TokenKind.DoubleSlash;
                if (c2 == '=') return TokenKind.SlashEqual;
                break;
            case ':': if (c2 == '=') return TokenKind.ColonEqual; break;
            case '<':
                if (c2 == '<') return TokenKind.LeftShift;
                if (c2 == '=') return TokenKind.LessEqual;
                if (c2 == '>') return TokenKind.NotEqual;
                break;
            case '=': if (c2 == '=') return TokenKind.EqEqual; break;
            case '>':
                if (c2 == '=') return TokenKind.GreaterEqual;
                if (c2 == '>') return TokenKind.RightShift;
                break;
            case '@': if (c2 == '=') return TokenKind.AtEqual; break;
            case '^': if (c2 == '=') return TokenKind.CircumflexEqual; break;
            case '|': if (c2 == '=') return TokenKind.VBarEqual; break;
        }
        return TokenKind.Op;
    }

    private static TokenKind ThreeChars(int c1, int c2, int c3)
    {
        if (c3 != '=' && c3 != '.')
            return TokenKind.Op;
        switch (c1)
        {
            case '*': if (c2 == '*' && c3 == '=') return TokenKind.DoubleStarEqual; break;
            case '.': if (c2 == '.' && c3 == '.') return TokenKind.Ellipsis; break;
            case '/': if (c2 == '/' && c3 == '=') return TokenKind.DoubleSlashEqual; break;
            case '<': if (c2 == '<' && c3 == '=') return TokenKind.LeftShiftEqual; break;
            case '>': if (c2 == '>' && c3 == '=') return TokenKind.RightShiftEqual; break;
        }
        return TokenKind.Op;
    }

    // ---------------------------------------------------------------- character classes

    private static readonly bool[] AsciiIdentChar = BuildAsciiIdentChar();

    private static bool[] BuildAsciiIdentChar()
    {
        var t = new bool[128];
        for (int c = 0; c < 128; c++)
            t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        return t;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPotentialIdentifierStart(int c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPotentialIdentifierChar(int c) =>
        c >= 128 || (c >= 0 && AsciiIdentChar[c]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(int c) => (uint)(c - '0') <= 9;

    private static bool IsHexDigit(int c) => c >= 0 && c < 128 && char.IsAsciiHexDigit((char)c);

    // ---------------------------------------------------------------- errors

    private PythonSyntaxError Fail(PythonSyntaxError e)
    {
        _error = e;
        _eof = true;
        _done = Error == TokenizerError.Eof ? Done.Eof : Done.Error;
        return e;
    }

    /// <summary><c>syntaxerror()</c>: at the current position; the offset counts the characters
    /// of the line up to <c>tok-&gt;cur</c>; the text is the line without its newline.</summary>
    private PythonSyntaxError SyntaxError(string msg)
    {
        int col = SourceText.CharCount(_buf.AsSpan(_lineStart, Math.Max(0, _cur - _lineStart)));
        return SyntaxErrorKnownRange(col, col, msg);
    }

    private PythonSyntaxError SyntaxErrorKnownRange(int col, int endCol, string msg)
    {
        Error = TokenizerError.Raised;
        int nl = _buf.AsSpan(_lineStart, _buf.Length - _lineStart).IndexOf((byte)'\n');
        int lineLen = nl < 0 ? _buf.Length - _lineStart : nl;
        string text = SourceText.DecodeReplace(_buf.AsSpan(_lineStart, lineLen));
        return Fail(new PythonSyntaxError("SyntaxError", msg, Source.Filename, _lineno, col, _lineno, endCol, text));
    }

    /// <summary>Indentation errors: the C tokenizer moves to the end of the line and the parser
    /// reports them (<c>tokenizer_error</c>).</summary>
    private TokenKind IndentError(TokenizerError kind)
    {
        Error = kind;
        _cur = _inp;
        return ErrorToken();
    }

    private TokenKind EofError()
    {
        Error = TokenizerError.Eof;
        return ErrorToken();
    }

    /// <summary>Raises what pegen's <c>tokenizer_error</c> raises for the recorded error.</summary>
    private TokenKind ErrorToken()
    {
        PythonSyntaxError e;
        switch (Error)
        {
            case TokenizerError.Eof:
                if (_level > 0)
                {
                    int i = _level - 1;
                    e = MakeError("SyntaxError", $"'{(char)_parenStack[i]}' was never closed",
                        _parenLineno[i], _parenCol[i] + 1, _parenLineno[i], 0);
                }
                else
                {
                    e = MakeError("SyntaxError", "unexpected EOF while parsing", _lineno, CurrentColOffset, _lineno, -1);
                }
                break;
            case TokenizerError.Dedent:
                e = MakeError("IndentationError", "unindent does not match any outer indentation level",
                    _lineno, CurrentColOffset, _lineno, -1);
                break;
            case TokenizerError.TabSpace:
                e = MakeError("TabError", "inconsistent use of tabs and spaces in indentation", _lineno, 1, _lineno, 0);
                break;
            case TokenizerError.TooDeep:
                e = MakeError("IndentationError", "too many levels of indentation", _lineno, 1, _lineno, 0);
                break;
            default:
                e = MakeError("SyntaxError", "unexpected character after line continuation character",
                    _lineno, _cur - _lineBuf, _lineno, 0);
                break;
        }
        throw Fail(e);
    }

    /// <summary>The source line CPython's <c>_PyPegen_raise_error_known_location</c> shows for
    /// an error on line <paramref name="lineno"/>. String input: the tokenizer's current
    /// buffer (from the first line of the current token to the end of the current line,
    /// newline included) when the error is on the current line or later, else that line of
    /// the source without its newline. File input: the line as the file has it.</summary>
    public string ErrorLineText(int lineno)
    {
        if (_fileInput)
        {
            // CPython reads the line from the file itself (a BOM included).
            var line = Source.LineText(lineno - _initialLineno);
            if (line != null)
                return lineno - _initialLineno == 1 && Source.HasBom ? "\ufeff" + line : line;
            if (_lineno <= lineno && _inp > _lineBuf)
                return SourceText.DecodeReplace(_buf.AsSpan(_lineBuf, Math.Min(_inp, _buf.Length) - _lineBuf));
            return "";
        }
        if (_lineno <= lineno && _inp > _lineBuf)
            return SourceText.DecodeReplace(_buf.AsSpan(_lineBuf, Math.Min(_inp, _buf.Length) - _lineBuf));
        int rel = lineno - _initialLineno;
        int s = Source.LineStart(rel);
        if (s < 0)
        {
            // CPython stops at the last line when the number is past the end.
            int count = Source.LineCount;
            s = count > 0 ? Source.LineStart(count) : 0;
        }
        var span = Source.Utf8.AsSpan(s);
        int nl = span.IndexOf((byte)'\n');
        return SourceText.DecodeReplace(nl < 0 ? span : span[..nl]);
    }

    /// <summary><c>_PyPegen_raise_error_known_location</c> for string input: the error with
    /// CPython's text, and its 1-based byte offsets turned into character offsets (only when
    /// the source has an encoding; see <see cref="SourceText.Encoding"/>).
    /// <paramref name="colOffset"/> and <paramref name="endColOffset"/> are what CPython passes
    /// there (already 1-based; -1 for an unknown end).</summary>
    public PythonSyntaxError MakeError(string type, string msg, int lineno, int colOffset, int endLineno, int endColOffset)
    {
        string text = ErrorLineText(lineno);
        int col = colOffset, endCol = endColOffset;
        if (Source.Encoding != null)
        {
            col = ByteOffsetToCharacterOffset(text, colOffset);
            if (endCol > 0)
                endCol = ByteOffsetToCharacterOffset(text, endCol);
        }
        return new PythonSyntaxError(type, msg, Source.Filename, lineno, col, endLineno, endCol, text);
    }

    /// <summary><c>_PyPegen_byte_offset_to_character_offset</c>.</summary>
    public static int ByteOffsetToCharacterOffset(string line, int colOffset)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(line);
        int len = utf8.Length;
        if (colOffset > len + 1)
            colOffset = len + 1;
        if (colOffset <= 0)
            return 0;
        // Reading one past the end takes in the C string's terminating NUL.
        if (colOffset == len + 1)
            return SourceText.CharCount(utf8) + 1;
        return SourceText.CharCount(utf8.AsSpan(0, colOffset));
    }
}
