// Parser/pegen.c
using System.Runtime.CompilerServices;
using System.Text;
using Taipan.Syntax.Ast;
using Attribute = Taipan.Syntax.Ast.Attribute;
using Tuple = Taipan.Syntax.Ast.Tuple;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;
using Lexer = Taipan.Syntax.Tokenizer.Tokenizer;

namespace Taipan.Syntax.Parser;

/// <summary>The mode argument of <c>compile()</c> / <c>ast.parse()</c>.</summary>
public enum ParseMode
{
    Exec,
    Eval,
    Single,
    FuncType,
    /// <summary>An f-string replacement field (<c>fstring_input</c>).</summary>
    FString,
}

/// <summary>A warning the parser issues (for example <c>DeprecationWarning: invalid escape
/// sequence '\d'</c>); the caller decides whether to print it, as <c>compile()</c> does.</summary>
public readonly record struct ParserWarning(string Category, string Message, string Filename, int Lineno);

/// <summary>The PEG parser for the Python 3.11 grammar (Grammar/python.gram). Each grammar rule
/// is a method that returns its result or null on failure, restoring <see cref="_mark"/>;
/// backtracking never throws. Errors are thrown as <see cref="PythonSyntaxError"/> and end the
/// parse, as CPython's <c>error_indicator</c> does.</summary>
public sealed partial class Parser
{
    /// <summary>pegen's <c>MAXSTACK</c>: deeper rule nesting raises <c>MemoryError</c>.</summary>
    private const int MaxStack = 6000;

    private readonly SourceText _source;
    private readonly Lexer _tokenizer;
    private readonly ParseMode _mode;
    private readonly List<ParserWarning>? _warnings;

    private Token[] _tokens;
    private int[] _levels;
    private string?[] _names;
    private int _fill;
    private int _mark;
    private bool _callInvalidRules;
    private int _level;
    private bool _tokenizerFailed;

    // f-string replacement fields: tokens on the first line are shifted right (p->starting_*).
    private readonly int _startingLineno;
    private readonly int _startingColOffset;

    private Parser(SourceText source, Lexer tokenizer, ParseMode mode, List<ParserWarning>? warnings, int startingLineno, int startingColOffset)
    {
        _source = source;
        _tokenizer = tokenizer;
        _mode = mode;
        _warnings = warnings;
        _startingLineno = startingLineno;
        _startingColOffset = startingColOffset;
        _tokenizer.WarningHandler = (category, message, lineno) =>
        {
            Warn(category, message, lineno);
            return false;
        };
        // Reuse the arrays of the previous parse on this thread: large files would otherwise
        // allocate (and garbage-collect) big token and memo arrays every time.
        var b = t_buffers ?? new Buffers();
        t_buffers = null;
        _tokens = b.Tokens;
        _levels = b.Levels;
        _names = b.Names;
        _memoHead = b.MemoHead;
        _memoMask = b.MemoMask;
        _memoRule = b.MemoRule;
        _memoEnd = b.MemoEnd;
        _memoNext = b.MemoNext;
        _memoValue = b.MemoValue;
    }

    /// <summary>The growable arrays of a parse, kept per thread between parses.</summary>
    private sealed class Buffers
    {
        public Token[] Tokens = new Token[256];
        public int[] Levels = new int[256];
        public string?[] Names = new string?[256];
        public int[] MemoHead = new int[256];
        public int[] MemoMask = new int[256];
        public int[] MemoRule = new int[1024];
        public int[] MemoEnd = new int[1024];
        public int[] MemoNext = new int[1024];
        public object?[] MemoValue = new object?[1024];
    }

    [ThreadStatic]
    private static Buffers? t_buffers;

    private void ReturnBuffers()
    {
        Array.Clear(_names, 0, _fill);
        Array.Clear(_memoValue, 0, _memoCount);
        if (_tokens.Length > 1 << 20)
        {
            return;
        }
        t_buffers = new Buffers
        {
            Tokens = _tokens,
            Levels = _levels,
            Names = _names,
            MemoHead = _memoHead,
            MemoMask = _memoMask,
            MemoRule = _memoRule,
            MemoEnd = _memoEnd,
            MemoNext = _memoNext,
            MemoValue = _memoValue,
        };
    }

    /// <summary>Parses a whole source. Raises <see cref="Errors.PythonSyntaxError"/> (or
    /// another <see cref="Errors.PythonException"/>) exactly where CPython 3.11 does.</summary>
    public static ModNode Parse(SourceText source, ParseMode mode = ParseMode.Exec, List<ParserWarning>? warnings = null)
    {
        if (mode == ParseMode.FString)
        {
            throw new ArgumentException("use ParseFStringExpression for f-string fields", nameof(mode));
        }
        var tokenizer = new Lexer(source) { ImplicitNewline = mode == ParseMode.Exec };
        var p = new Parser(source, tokenizer, mode, warnings, 0, 0);
        return (ModNode)p.Run();
    }

    /// <summary>Parses the expression of an f-string replacement field, as 3.11's
    /// <c>fstring_compile_expr</c> does: <paramref name="wrappedUtf8"/> is the expression text
    /// already wrapped in parentheses; <paramref name="tokenizerLineno"/> is the tokenizer's
    /// first line number (<c>tok->lineno</c>), and the token positions are shifted as
    /// <c>_PyPegen_fill_token</c> shifts them with <c>p->starting_lineno</c> and
    /// <c>p->starting_col_offset</c>.</summary>
    public ExprNode ParseFStringExpression(byte[] wrappedUtf8, int tokenizerLineno, int startingLineno, int startingColOffset)
    {
        var text = SourceText.FromBytes(wrappedUtf8, _source.Filename);
        var p = new Parser(text, new Lexer(text) { InitialLineno = tokenizerLineno }, ParseMode.FString, _warnings, startingLineno, startingColOffset);
        return (ExprNode)p.Run();
    }

    /// <summary>The source being parsed.</summary>
    public SourceText Source => _source;

    /// <summary>Records a warning (category such as <c>"DeprecationWarning"</c>).</summary>
    public void Warn(string category, string message, int lineno) =>
        _warnings?.Add(new ParserWarning(category, message, _source.Filename, lineno));

    /// <summary><c>_PyPegen_run_parser</c>: a fast first pass without the <c>invalid_*</c>
    /// rules; on failure a second pass with them finds the specific error message.</summary>
    private object Run()
    {
        try
        {
            return RunPasses();
        }
        finally
        {
            ReturnBuffers();
        }
    }

    private object RunPasses()
    {
        object? result;
        try
        {
            result = StartRule();
        }
        catch (PythonSyntaxError) when (!_tokenizerFailed)
        {
            TokenizeFullSourceToCheckForErrors();
            throw;
        }
        if (result is null)
        {
            var lastToken = _tokens[_fill - 1];
            ResetParserStateForErrorPass();
            try
            {
                StartRule();
            }
            catch (PythonSyntaxError) when (!_tokenizerFailed)
            {
                TokenizeFullSourceToCheckForErrors();
                throw;
            }
            SetSyntaxError(lastToken);
        }
        if (_mode == ParseMode.Single && BadSingleStatement())
        {
            throw RaiseError("multiple statements found while compiling a single statement");
        }
        return result!;
    }

    private object? StartRule() => _mode switch
    {
        ParseMode.Exec => FileRule(),
        ParseMode.Eval => EvalRule(),
        ParseMode.Single => InteractiveRule(),
        ParseMode.FuncType => FuncTypeRule(),
        _ => StarExpressions(),
    };

    private void ResetParserStateForErrorPass()
    {
        ClearMemo();
        _mark = 0;
        _level = 0;
        _callInvalidRules = true;
    }

    // ---------------------------------------------------------------- tokens

    /// <summary><c>_PyPegen_fill_token</c>: reads one more token, turning NAMEs that are
    /// keywords into keyword tokens.</summary>
    private void Fill()
    {
        Token t;
        try
        {
            t = _tokenizer.Next();
        }
        catch (PythonException)
        {
            _tokenizerFailed = true;
            throw;
        }
        if (_fill == _tokens.Length)
        {
            var n = _fill * 2;
            Array.Resize(ref _tokens, n);
            Array.Resize(ref _levels, n);
            Array.Resize(ref _names, n);
            Array.Resize(ref _memoHead, n);
            Array.Resize(ref _memoMask, n);
        }
        var kind = t.Kind;
        if (kind == TokenKind.Name)
        {
            kind = KeywordKind(_source.Utf8.AsSpan(t.Start, t.End - t.Start));
        }
        var col = t.ColOffset;
        var endCol = t.EndColOffset;
        if (_startingLineno != 0 && t.EndLineno == _startingLineno)
        {
            col += _startingColOffset;
            endCol += _startingColOffset;
        }
        _tokens[_fill] = new Token(kind, t.Start, t.End, t.Lineno, col, t.EndLineno, endCol);
        _levels[_fill] = _tokenizer.ParenLevel;
        _names[_fill] = null;
        _memoHead[_fill] = -1;
        _memoMask[_fill] = 0;
        _fill++;
    }

    private static TokenKind KeywordKind(ReadOnlySpan<byte> s)
    {
        switch (s.Length)
        {
            case 2:
                if (s.SequenceEqual("if"u8)) return TokenKind.KwIf;
                if (s.SequenceEqual("in"u8)) return TokenKind.KwIn;
                if (s.SequenceEqual("as"u8)) return TokenKind.KwAs;
                if (s.SequenceEqual("is"u8)) return TokenKind.KwIs;
                if (s.SequenceEqual("or"u8)) return TokenKind.KwOr;
                break;
            case 3:
                if (s.SequenceEqual("def"u8)) return TokenKind.KwDef;
                if (s.SequenceEqual("for"u8)) return TokenKind.KwFor;
                if (s.SequenceEqual("not"u8)) return TokenKind.KwNot;
                if (s.SequenceEqual("and"u8)) return TokenKind.KwAnd;
                if (s.SequenceEqual("del"u8)) return TokenKind.KwDel;
                if (s.SequenceEqual("try"u8)) return TokenKind.KwTry;
                break;
            case 4:
                if (s.SequenceEqual("None"u8)) return TokenKind.KwNone;
                if (s.SequenceEqual("True"u8)) return TokenKind.KwTrue;
                if (s.SequenceEqual("else"u8)) return TokenKind.KwElse;
                if (s.SequenceEqual("elif"u8)) return TokenKind.KwElif;
                if (s.SequenceEqual("pass"u8)) return TokenKind.KwPass;
                if (s.SequenceEqual("from"u8)) return TokenKind.KwFrom;
                if (s.SequenceEqual("with"u8)) return TokenKind.KwWith;
                break;
            case 5:
                if (s.SequenceEqual("False"u8)) return TokenKind.KwFalse;
                if (s.SequenceEqual("class"u8)) return TokenKind.KwClass;
                if (s.SequenceEqual("while"u8)) return TokenKind.KwWhile;
                if (s.SequenceEqual("yield"u8)) return TokenKind.KwYield;
                if (s.SequenceEqual("break"u8)) return TokenKind.KwBreak;
                if (s.SequenceEqual("raise"u8)) return TokenKind.KwRaise;
                if (s.SequenceEqual("async"u8)) return TokenKind.Async;
                if (s.SequenceEqual("await"u8)) return TokenKind.Await;
                break;
            case 6:
                if (s.SequenceEqual("return"u8)) return TokenKind.KwReturn;
                if (s.SequenceEqual("import"u8)) return TokenKind.KwImport;
                if (s.SequenceEqual("lambda"u8)) return TokenKind.KwLambda;
                if (s.SequenceEqual("except"u8)) return TokenKind.KwExcept;
                if (s.SequenceEqual("global"u8)) return TokenKind.KwGlobal;
                if (s.SequenceEqual("assert"u8)) return TokenKind.KwAssert;
                break;
            case 7:
                if (s.SequenceEqual("finally"u8)) return TokenKind.KwFinally;
                break;
            case 8:
                if (s.SequenceEqual("continue"u8)) return TokenKind.KwContinue;
                if (s.SequenceEqual("nonlocal"u8)) return TokenKind.KwNonlocal;
                break;
        }
        return TokenKind.Name;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TokenKind PeekKind()
    {
        if (_mark == _fill)
        {
            Fill();
        }
        return _tokens[_mark].Kind;
    }

    /// <summary>Consumes a token of kind <paramref name="kind"/>; returns its index or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Expect(TokenKind kind)
    {
        if (_mark == _fill)
        {
            Fill();
        }
        if (_tokens[_mark].Kind != kind)
        {
            return -1;
        }
        return _mark++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Accept(TokenKind kind)
    {
        if (_mark == _fill)
        {
            Fill();
        }
        if (_tokens[_mark].Kind != kind)
        {
            return false;
        }
        _mark++;
        return true;
    }

    /// <summary>Lookahead without consuming.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool At(TokenKind kind) => PeekKind() == kind;

    /// <summary><c>_PyPegen_expect_forced_token</c> (<c>&amp;&amp;'x'</c>): raises
    /// "expected 'x'" at the current token when it is missing.</summary>
    private int ExpectForced(TokenKind kind, string text)
    {
        if (_mark == _fill)
        {
            Fill();
        }
        if (_tokens[_mark].Kind != kind)
        {
            throw RaiseErrorKnownLocation(_tokens[_mark], $"expected '{text}'");
        }
        return _mark++;
    }

    private bool IsSoftKeyword(int index, ReadOnlySpan<byte> keyword)
    {
        ref var t = ref _tokens[index];
        return t.Kind == TokenKind.Name && _source.Utf8.AsSpan(t.Start, t.End - t.Start).SequenceEqual(keyword);
    }

    /// <summary><c>_PyPegen_expect_soft_keyword</c>.</summary>
    private int ExpectSoftKeyword(ReadOnlySpan<byte> keyword)
    {
        if (_mark == _fill)
        {
            Fill();
        }
        if (!IsSoftKeyword(_mark, keyword))
        {
            return -1;
        }
        return _mark++;
    }

    private ReadOnlySpan<byte> TokenBytes(int index)
    {
        ref var t = ref _tokens[index];
        return _source.Utf8.AsSpan(t.Start, t.End - t.Start);
    }

    /// <summary>The identifier of a NAME token (<c>_PyPegen_new_identifier</c>): NFKC-normalized
    /// when not ASCII; cached per token since backtracking may ask again.</summary>
    private string Identifier(int index)
    {
        var s = _names[index];
        if (s is null)
        {
            s = MakeIdentifier(TokenBytes(index));
            _names[index] = s;
        }
        return s;
    }

    private static string MakeIdentifier(ReadOnlySpan<byte> bytes)
    {
        var ascii = true;
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                ascii = false;
                break;
            }
        }
        var s = Encoding.UTF8.GetString(bytes);
        if (!ascii)
        {
            s = Nfkc.Normalize(s);
        }
        return s;
    }

    /// <summary><c>_PyPegen_name_token</c>: a NAME token as a <c>Name</c> node.</summary>
    private Name? NameToken()
    {
        if (_mark == _fill)
        {
            Fill();
        }
        if (_tokens[_mark].Kind != TokenKind.Name)
        {
            return null;
        }
        var i = _mark++;
        ref var t = ref _tokens[i];
        return new Name(Identifier(i), ExprContext.Load, t.Lineno, t.ColOffset, t.EndLineno, t.EndColOffset);
    }

    /// <summary>A NAME token's identifier without building a node, or null.</summary>
    private string? NameId()
    {
        if (_mark == _fill)
        {
            Fill();
        }
        if (_tokens[_mark].Kind != TokenKind.Name)
        {
            return null;
        }
        return Identifier(_mark++);
    }

    /// <summary>Makes sure the token at <see cref="_mark"/> exists (the EXTRA start).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Begin()
    {
        if (_mark == _fill)
        {
            Fill();
        }
        return _mark;
    }

    /// <summary>The EXTRA location: from the token at <paramref name="start"/> to the last
    /// token consumed that is not NEWLINE, INDENT, DEDENT or ENDMARKER
    /// (<c>_PyPegen_get_last_nonnwhitespace_token</c>).</summary>
    private Loc Extra(int start)
    {
        ref var s = ref _tokens[start];
        var m = _mark - 1;
        while (m > 0)
        {
            var k = _tokens[m].Kind;
            if (k != TokenKind.EndMarker && (k < TokenKind.Newline || k > TokenKind.Dedent))
            {
                break;
            }
            m--;
        }
        if (m < 0)
        {
            m = 0;
        }
        ref var e = ref _tokens[m];
        return new Loc(s.Lineno, s.ColOffset, e.EndLineno, e.EndColOffset);
    }

    private readonly record struct Loc(int L, int C, int EL, int EC);

    // ---------------------------------------------------------------- depth guard

    /// <summary>Counts rule nesting like pegen's <c>p->level</c>; past <c>MAXSTACK</c> (or when
    /// the .NET stack runs low) the parse fails with <c>MemoryError</c> as 3.11's does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Enter(int weight = 1)
    {
        _level += weight;
        if (_level > MaxStack || ((_level & 31) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            throw new PythonException("MemoryError", "");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Leave(int weight = 1) => _level -= weight;

    // ---------------------------------------------------------------- memo

    // Memo entries per token position, as pegen keeps a list on each token: a linked list
    // through parallel arrays so memoizing does not allocate per entry.
    private int[] _memoHead;
    private int[] _memoMask;
    private int[] _memoRule;
    private int[] _memoEnd;
    private int[] _memoNext;
    private object?[] _memoValue;
    private int _memoCount;

    private void ClearMemo()
    {
        _memoHead.AsSpan(0, _fill).Fill(-1);
        Array.Clear(_memoMask, 0, _fill);
        Array.Clear(_memoValue, 0, _memoCount);
        _memoCount = 0;
    }

    /// <summary><c>_PyPegen_is_memoized</c>: on a hit, moves to the memoized end.</summary>
    private bool IsMemoized(int rule, out object? value)
    {
        if (_mark == _fill)
        {
            Fill();
        }
        // Most lookups miss: a bit per rule and token answers those without a list walk.
        if ((_memoMask[_mark] & (1 << rule)) == 0)
        {
            value = null;
            return false;
        }
        for (var e = _memoHead[_mark]; e >= 0; e = _memoNext[e])
        {
            if (_memoRule[e] == rule)
            {
                value = _memoValue[e];
                _mark = _memoEnd[e];
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <summary><c>_PyPegen_insert_memo</c> / <c>_PyPegen_update_memo</c>.</summary>
    private void Memoize(int start, int rule, object? value)
    {
        for (var e = _memoHead[start]; e >= 0; e = _memoNext[e])
        {
            if (_memoRule[e] == rule)
            {
                _memoValue[e] = value;
                _memoEnd[e] = _mark;
                return;
            }
        }
        if (_memoCount == _memoRule.Length)
        {
            var n = _memoCount * 2;
            Array.Resize(ref _memoRule, n);
            Array.Resize(ref _memoEnd, n);
            Array.Resize(ref _memoNext, n);
            Array.Resize(ref _memoValue, n);
        }
        _memoMask[start] |= 1 << rule;
        var i = _memoCount++;
        _memoRule[i] = rule;
        _memoEnd[i] = _mark;
        _memoValue[i] = value;
        _memoNext[i] = _memoHead[start];
        _memoHead[start] = i;
    }
}
