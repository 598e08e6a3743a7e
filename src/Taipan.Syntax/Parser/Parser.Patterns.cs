// Parser/parser.c (match statement rules of Grammar/python.gram)
using System.Numerics;
using Taipan.Syntax.Ast;
using Attribute = Taipan.Syntax.Ast.Attribute;
using Tuple = Taipan.Syntax.Ast.Tuple;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Parser;

public sealed partial class Parser
{
    // match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT | invalid_match_stmt
    private StmtNode? MatchStmt()
    {
        var m = Begin();
        if (ExpectSoftKeyword("match"u8) >= 0)
        {
            var subject = SubjectExpr();
            if (subject is not null && Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && Accept(TokenKind.Indent))
            {
                List<MatchCase>? cases = null;
                while (true)
                {
                    var m2 = _mark;
                    var c = CaseBlock();
                    if (c is null)
                    {
                        _mark = m2;
                        break;
                    }
                    (cases ??= new List<MatchCase>()).Add(c);
                }
                if (cases is not null && Accept(TokenKind.Dedent))
                {
                    var x = Extra(m);
                    return new Match(subject, cases.ToArray(), x.L, x.C, x.EL, x.EC);
                }
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidMatchStmt();
            _mark = m;
        }
        return null;
    }

    // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
    private ExprNode? SubjectExpr()
    {
        var m = Begin();
        var value = StarNamedExpression();
        if (value is not null && Accept(TokenKind.Comma))
        {
            var values = StarNamedExpressions();
            var elts = new ExprNode[1 + (values?.Count ?? 0)];
            elts[0] = value;
            values?.CopyTo(elts, 1);
            var x = Extra(m);
            return new Tuple(elts, ExprContext.Load, x.L, x.C, x.EL, x.EC);
        }
        _mark = m;
        return NamedExpression();
    }

    // case_block: invalid_case_block | "case" patterns guard? ':' block
    private MatchCase? CaseBlock()
    {
        var m = _mark;
        if (_callInvalidRules)
        {
            InvalidCaseBlock();
            _mark = m;
        }
        if (ExpectSoftKeyword("case"u8) < 0)
        {
            return null;
        }
        var pattern = Patterns();
        if (pattern is not null)
        {
            var guard = Guard();
            if (Accept(TokenKind.Colon))
            {
                var body = Block();
                if (body is not null)
                {
                    return new MatchCase(pattern, guard, body);
                }
            }
        }
        _mark = m;
        return null;
    }

    // guard: 'if' named_expression
    private ExprNode? Guard()
    {
        var m = _mark;
        if (Accept(TokenKind.KwIf))
        {
            var g = NamedExpression();
            if (g is not null)
            {
                return g;
            }
        }
        _mark = m;
        return null;
    }

    // patterns: open_sequence_pattern | pattern
    private PatternNode? Patterns()
    {
        var m = Begin();
        var seq = OpenSequencePattern();
        if (seq is not null)
        {
            var x = Extra(m);
            return new MatchSequence(seq.ToArray(), x.L, x.C, x.EL, x.EC);
        }
        _mark = m;
        return Pattern();
    }

    // pattern: as_pattern | or_pattern
    private PatternNode? Pattern()
    {
        var m = Begin();
        Enter();
        var r = AsPattern();
        if (r is null)
        {
            _mark = m;
            r = OrPattern();
        }
        Leave();
        return r;
    }

    // as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern
    private PatternNode? AsPattern()
    {
        var m = Begin();
        var p = OrPattern();
        if (p is not null && Accept(TokenKind.KwAs))
        {
            var target = PatternCaptureTarget();
            if (target is not null)
            {
                var x = Extra(m);
                return new MatchAs(p, target, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidAsPattern();
            _mark = m;
        }
        return null;
    }

    // or_pattern: '|'.closed_pattern+
    private PatternNode? OrPattern()
    {
        var m = Begin();
        var a = ClosedPattern();
        if (a is null)
        {
            return null;
        }
        List<PatternNode>? list = null;
        while (true)
        {
            var m2 = _mark;
            if (!Accept(TokenKind.VBar))
            {
                break;
            }
            var b = ClosedPattern();
            if (b is null)
            {
                _mark = m2;
                break;
            }
            (list ??= new List<PatternNode> { a }).Add(b);
        }
        if (list is null)
        {
            return a;
        }
        var x = Extra(m);
        return new MatchOr(list.ToArray(), x.L, x.C, x.EL, x.EC);
    }

    // closed_pattern (memo)
    private PatternNode? ClosedPattern()
    {
        if (IsMemoized(RClosedPattern, out var memo))
        {
            return (PatternNode?)memo;
        }
        var m = Begin();
        Enter();
        var r = LiteralPattern();
        if (r is null)
        {
            _mark = m;
            r = CapturePattern();
        }
        if (r is null)
        {
            _mark = m;
            r = WildcardPattern();
        }
        if (r is null)
        {
            _mark = m;
            r = ValuePattern();
        }
        if (r is null)
        {
            _mark = m;
            r = GroupPattern();
        }
        if (r is null)
        {
            _mark = m;
            r = SequencePattern();
        }
        if (r is null)
        {
            _mark = m;
            r = MappingPattern();
        }
        if (r is null)
        {
            _mark = m;
            r = ClassPattern();
        }
        Leave();
        if (r is null)
        {
            _mark = m;
        }
        Memoize(m, RClosedPattern, r);
        return r;
    }

    // literal_pattern
    private PatternNode? LiteralPattern()
    {
        var m = Begin();
        var v = SignedNumber();
        if (v is not null && !At(TokenKind.Plus) && !At(TokenKind.Minus))
        {
            var x = Extra(m);
            return new MatchValue(v, x.L, x.C, x.EL, x.EC);
        }
        _mark = m;
        v = ComplexNumber();
        if (v is not null)
        {
            var x = Extra(m);
            return new MatchValue(v, x.L, x.C, x.EL, x.EC);
        }
        _mark = m;
        if (At(TokenKind.String))
        {
            v = Strings();
            if (v is not null)
            {
                var x = Extra(m);
                return new MatchValue(v, x.L, x.C, x.EL, x.EC);
            }
        }
        object? singleton = PeekKind() switch
        {
            TokenKind.KwNone => ConstantSingleton.None,
            TokenKind.KwTrue => true,
            TokenKind.KwFalse => false,
            _ => null,
        };
        if (singleton is not null)
        {
            _mark++;
            var x = Extra(m);
            return new MatchSingleton(singleton, x.L, x.C, x.EL, x.EC);
        }
        return null;
    }

    // literal_expr
    private ExprNode? LiteralExpr()
    {
        var m = Begin();
        var v = SignedNumber();
        if (v is not null && !At(TokenKind.Plus) && !At(TokenKind.Minus))
        {
            return v;
        }
        _mark = m;
        v = ComplexNumber();
        if (v is not null)
        {
            return v;
        }
        _mark = m;
        if (At(TokenKind.String))
        {
            v = Strings();
            if (v is not null)
            {
                return v;
            }
        }
        object? singleton = PeekKind() switch
        {
            TokenKind.KwNone => ConstantSingleton.None,
            TokenKind.KwTrue => true,
            TokenKind.KwFalse => false,
            _ => null,
        };
        if (singleton is not null)
        {
            _mark++;
            var x = Extra(m);
            return new Constant(singleton, null, x.L, x.C, x.EL, x.EC);
        }
        return null;
    }

    // complex_number: signed_real_number ('+' | '-') imaginary_number
    private ExprNode? ComplexNumber()
    {
        var m = Begin();
        var real = SignedRealNumber();
        if (real is null)
        {
            return null;
        }
        var k = PeekKind();
        if (k == TokenKind.Plus || k == TokenKind.Minus)
        {
            _mark++;
            var imag = ImaginaryNumber();
            if (imag is not null)
            {
                var x = Extra(m);
                return new BinOp(real, k == TokenKind.Plus ? OperatorKind.Add : OperatorKind.Sub, imag, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = m;
        return null;
    }

    // signed_number: NUMBER | '-' NUMBER
    private ExprNode? SignedNumber()
    {
        var m = Begin();
        var n = NumberToken();
        if (n is not null)
        {
            return n;
        }
        if (Accept(TokenKind.Minus))
        {
            var num = NumberToken();
            if (num is not null)
            {
                var x = Extra(m);
                return new UnaryOp(UnaryOpKind.USub, num, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = m;
        return null;
    }

    // signed_real_number: real_number | '-' real_number
    private ExprNode? SignedRealNumber()
    {
        var m = Begin();
        var n = RealNumber();
        if (n is not null)
        {
            return n;
        }
        if (Accept(TokenKind.Minus))
        {
            var real = RealNumber();
            if (real is not null)
            {
                var x = Extra(m);
                return new UnaryOp(UnaryOpKind.USub, real, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = m;
        return null;
    }

    // real_number: NUMBER (_PyPegen_ensure_real)
    private ExprNode? RealNumber()
    {
        var n = NumberToken();
        if (n is not null && ((Constant)n).Value is Complex)
        {
            throw RaiseErrorKnownLocation(n, "real number required in complex literal");
        }
        return n;
    }

    // imaginary_number: NUMBER (_PyPegen_ensure_imaginary)
    private ExprNode? ImaginaryNumber()
    {
        var n = NumberToken();
        if (n is not null && ((Constant)n).Value is not Complex)
        {
            throw RaiseErrorKnownLocation(n, "imaginary number required in complex literal");
        }
        return n;
    }

    // capture_pattern: pattern_capture_target
    private PatternNode? CapturePattern()
    {
        var m = Begin();
        var target = PatternCaptureTarget();
        if (target is null)
        {
            return null;
        }
        var x = Extra(m);
        return new MatchAs(null, target, x.L, x.C, x.EL, x.EC);
    }

    // pattern_capture_target: !"_" NAME !('.' | '(' | '=')
    private string? PatternCaptureTarget()
    {
        var m = Begin();
        if (IsSoftKeyword(m, "_"u8))
        {
            return null;
        }
        var name = NameId();
        if (name is null)
        {
            return null;
        }
        var k = PeekKind();
        if (k == TokenKind.Dot || k == TokenKind.LPar || k == TokenKind.Equal)
        {
            _mark = m;
            return null;
        }
        return name;
    }

    // wildcard_pattern: "_"
    private PatternNode? WildcardPattern()
    {
        var m = Begin();
        if (ExpectSoftKeyword("_"u8) < 0)
        {
            return null;
        }
        var x = Extra(m);
        return new MatchAs(null, null, x.L, x.C, x.EL, x.EC);
    }

    // value_pattern: attr !('.' | '(' | '=')
    private PatternNode? ValuePattern()
    {
        var m = Begin();
        var a = Attr();
        if (a is null)
        {
            return null;
        }
        var k = PeekKind();
        if (k == TokenKind.Dot || k == TokenKind.LPar || k == TokenKind.Equal)
        {
            _mark = m;
            return null;
        }
        var x = Extra(m);
        return new MatchValue(a, x.L, x.C, x.EL, x.EC);
    }

    // attr: name_or_attr '.' NAME   (left-recursive with name_or_attr: attr | NAME)
    private ExprNode? Attr()
    {
        var m = Begin();
        var r = NameOrAttr();
        if (r is null || r is Name)
        {
            _mark = m;
            return null;
        }
        return r;
    }

    // name_or_attr: attr | NAME
    private ExprNode? NameOrAttr()
    {
        var m = Begin();
        ExprNode? a = NameToken();
        if (a is null)
        {
            return null;
        }
        while (true)
        {
            var m2 = _mark;
            if (!Accept(TokenKind.Dot))
            {
                break;
            }
            var b = NameId();
            if (b is null)
            {
                _mark = m2;
                break;
            }
            var x = Extra(m);
            a = new Attribute(a, b, ExprContext.Load, x.L, x.C, x.EL, x.EC);
        }
        return a;
    }

    // group_pattern: '(' pattern ')'
    private PatternNode? GroupPattern()
    {
        var m = _mark;
        if (Accept(TokenKind.LPar))
        {
            var p = Pattern();
            if (p is not null && Accept(TokenKind.RPar))
            {
                return p;
            }
        }
        _mark = m;
        return null;
    }

    // sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'
    private PatternNode? SequencePattern()
    {
        var m = Begin();
        if (Accept(TokenKind.LSqb))
        {
            var ps = MaybeSequencePattern();
            if (Accept(TokenKind.RSqb))
            {
                var x = Extra(m);
                return new MatchSequence(ps?.ToArray() ?? [], x.L, x.C, x.EL, x.EC);
            }
            _mark = m;
            return null;
        }
        if (Accept(TokenKind.LPar))
        {
            var ps = OpenSequencePattern();
            if (Accept(TokenKind.RPar))
            {
                var x = Extra(m);
                return new MatchSequence(ps?.ToArray() ?? [], x.L, x.C, x.EL, x.EC);
            }
            _mark = m;
        }
        return null;
    }

    // open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
    private List<PatternNode>? OpenSequencePattern()
    {
        var m = _mark;
        var p = MaybeStarPattern();
        if (p is null || !Accept(TokenKind.Comma))
        {
            _mark = m;
            return null;
        }
        var rest = MaybeSequencePattern();
        if (rest is null)
        {
            return new List<PatternNode> { p };
        }
        rest.Insert(0, p);
        return rest;
    }

    // maybe_sequence_pattern: ','.maybe_star_pattern+ ','?
    private List<PatternNode>? MaybeSequencePattern()
    {
        var a = MaybeStarPattern();
        if (a is null)
        {
            return null;
        }
        var list = new List<PatternNode> { a };
        while (true)
        {
            var m = _mark;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
            var b = MaybeStarPattern();
            if (b is null)
            {
                _mark = m;
                break;
            }
            list.Add(b);
        }
        Accept(TokenKind.Comma);
        return list;
    }

    // maybe_star_pattern: star_pattern | pattern
    private PatternNode? MaybeStarPattern()
    {
        var m = _mark;
        var s = StarPattern();
        if (s is not null)
        {
            return s;
        }
        _mark = m;
        return Pattern();
    }

    // star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern
    private PatternNode? StarPattern()
    {
        if (IsMemoized(RStarPattern, out var memo))
        {
            return (PatternNode?)memo;
        }
        var m = Begin();
        PatternNode? r = null;
        if (Accept(TokenKind.Star))
        {
            var afterStar = _mark;
            var target = PatternCaptureTarget();
            if (target is not null)
            {
                var x = Extra(m);
                r = new MatchStar(target, x.L, x.C, x.EL, x.EC);
            }
            else
            {
                _mark = afterStar;
                if (WildcardPattern() is not null)
                {
                    var x = Extra(m);
                    r = new MatchStar(null, x.L, x.C, x.EL, x.EC);
                }
            }
        }
        if (r is null)
        {
            _mark = m;
        }
        Memoize(m, RStarPattern, r);
        return r;
    }

    private readonly record struct KeyPatternPair(ExprNode Key, PatternNode Pattern);

    // mapping_pattern
    private PatternNode? MappingPattern()
    {
        var m = Begin();
        if (!Accept(TokenKind.LBrace))
        {
            return null;
        }
        var afterBrace = _mark;
        // '{' '}'
        if (Accept(TokenKind.RBrace))
        {
            var x = Extra(m);
            return new MatchMapping(s_noExprs, [], null, x.L, x.C, x.EL, x.EC);
        }
        // '{' double_star_pattern ','? '}'
        var rest = DoubleStarPattern();
        if (rest is not null)
        {
            Accept(TokenKind.Comma);
            if (Accept(TokenKind.RBrace))
            {
                var x = Extra(m);
                return new MatchMapping(s_noExprs, [], rest, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = afterBrace;
        // '{' items_pattern ',' double_star_pattern ','? '}'
        var items = ItemsPattern();
        if (items is not null)
        {
            var afterItems = _mark;
            if (Accept(TokenKind.Comma))
            {
                rest = DoubleStarPattern();
                if (rest is not null)
                {
                    Accept(TokenKind.Comma);
                    if (Accept(TokenKind.RBrace))
                    {
                        var x = Extra(m);
                        return MakeMapping(items, rest, x);
                    }
                }
            }
            _mark = afterItems;
            // '{' items_pattern ','? '}'
            Accept(TokenKind.Comma);
            if (Accept(TokenKind.RBrace))
            {
                var x = Extra(m);
                return MakeMapping(items, null, x);
            }
        }
        _mark = m;
        return null;
    }

    private static MatchMapping MakeMapping(List<KeyPatternPair> items, string? rest, Loc x)
    {
        var keys = new ExprNode[items.Count];
        var patterns = new PatternNode[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            keys[i] = items[i].Key;
            patterns[i] = items[i].Pattern;
        }
        return new MatchMapping(keys, patterns, rest, x.L, x.C, x.EL, x.EC);
    }

    // items_pattern: ','.key_value_pattern+
    private List<KeyPatternPair>? ItemsPattern()
    {
        var a = KeyValuePattern();
        if (a is null)
        {
            return null;
        }
        var list = new List<KeyPatternPair> { a.Value };
        while (true)
        {
            var m = _mark;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
            var b = KeyValuePattern();
            if (b is null)
            {
                _mark = m;
                break;
            }
            list.Add(b.Value);
        }
        return list;
    }

    // key_value_pattern: (literal_expr | attr) ':' pattern
    private KeyPatternPair? KeyValuePattern()
    {
        var m = _mark;
        var key = LiteralExpr();
        if (key is null)
        {
            _mark = m;
            key = Attr();
        }
        if (key is not null && Accept(TokenKind.Colon))
        {
            var p = Pattern();
            if (p is not null)
            {
                return new KeyPatternPair(key, p);
            }
        }
        _mark = m;
        return null;
    }

    // double_star_pattern: '**' pattern_capture_target
    private string? DoubleStarPattern()
    {
        var m = _mark;
        if (Accept(TokenKind.DoubleStar))
        {
            var t = PatternCaptureTarget();
            if (t is not null)
            {
                return t;
            }
        }
        _mark = m;
        return null;
    }

    // class_pattern
    private PatternNode? ClassPattern()
    {
        var m = Begin();
        var cls = NameOrAttr();
        if (cls is null || !Accept(TokenKind.LPar))
        {
            _mark = m;
            return null;
        }
        var afterParen = _mark;
        // name_or_attr '(' ')'
        if (Accept(TokenKind.RPar))
        {
            var x = Extra(m);
            return new MatchClass(cls, [], [], [], x.L, x.C, x.EL, x.EC);
        }
        // name_or_attr '(' positional_patterns ','? ')'
        var positional = PositionalPatterns();
        if (positional is not null)
        {
            var afterPositional = _mark;
            Accept(TokenKind.Comma);
            if (Accept(TokenKind.RPar))
            {
                var x = Extra(m);
                return new MatchClass(cls, positional.ToArray(), [], [], x.L, x.C, x.EL, x.EC);
            }
            _mark = afterPositional;
        }
        _mark = afterParen;
        // name_or_attr '(' keyword_patterns ','? ')'
        var keywords = KeywordPatterns();
        if (keywords is not null)
        {
            Accept(TokenKind.Comma);
            if (Accept(TokenKind.RPar))
            {
                var x = Extra(m);
                return MakeClass(cls, null, keywords, x);
            }
        }
        _mark = afterParen;
        // name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')'
        positional = PositionalPatterns();
        if (positional is not null && Accept(TokenKind.Comma))
        {
            keywords = KeywordPatterns();
            if (keywords is not null)
            {
                Accept(TokenKind.Comma);
                if (Accept(TokenKind.RPar))
                {
                    var x = Extra(m);
                    return MakeClass(cls, positional, keywords, x);
                }
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidClassPattern();
            _mark = m;
        }
        return null;
    }

    private static MatchClass MakeClass(ExprNode cls, List<PatternNode>? positional, List<(string Name, PatternNode Pattern)> keywords, Loc x)
    {
        var names = new string[keywords.Count];
        var patterns = new PatternNode[keywords.Count];
        for (var i = 0; i < keywords.Count; i++)
        {
            names[i] = keywords[i].Name;
            patterns[i] = keywords[i].Pattern;
        }
        return new MatchClass(cls, positional?.ToArray() ?? [], names, patterns, x.L, x.C, x.EL, x.EC);
    }

    // positional_patterns: ','.pattern+
    private List<PatternNode>? PositionalPatterns()
    {
        var a = Pattern();
        if (a is null)
        {
            return null;
        }
        var list = new List<PatternNode> { a };
        while (true)
        {
            var m = _mark;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
            var b = Pattern();
            if (b is null)
            {
                _mark = m;
                break;
            }
            list.Add(b);
        }
        return list;
    }

    // keyword_patterns: ','.keyword_pattern+
    private List<(string Name, PatternNode Pattern)>? KeywordPatterns()
    {
        var a = KeywordPattern();
        if (a is null)
        {
            return null;
        }
        var list = new List<(string, PatternNode)> { a.Value };
        while (true)
        {
            var m = _mark;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
            var b = KeywordPattern();
            if (b is null)
            {
                _mark = m;
                break;
            }
            list.Add(b.Value);
        }
        return list;
    }

    // keyword_pattern: NAME '=' pattern
    private (string Name, PatternNode Pattern)? KeywordPattern()
    {
        var m = _mark;
        var n = NameId();
        if (n is not null && Accept(TokenKind.Equal))
        {
            var p = Pattern();
            if (p is not null)
            {
                return (n, p);
            }
        }
        _mark = m;
        return null;
    }
}
