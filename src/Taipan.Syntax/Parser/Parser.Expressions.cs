// Parser/parser.c (expression rules of Grammar/python.gram)
using Taipan.Syntax.Ast;
using Attribute = Taipan.Syntax.Ast.Attribute;
using Tuple = Taipan.Syntax.Ast.Tuple;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Parser;

public sealed partial class Parser
{
    // expressions: expression (',' expression)+ [','] | expression ',' | expression
    private ExprNode? Expressions() => ExpressionList(star: false);

    // star_expressions: the same with star_expression
    private ExprNode? StarExpressions() => ExpressionList(star: true);

    private ExprNode? ExpressionList(bool star)
    {
        var m = Begin();
        var a = star ? StarExpression() : Expression();
        if (a is null)
        {
            return null;
        }
        if (!At(TokenKind.Comma))
        {
            return a;
        }
        var list = new List<ExprNode> { a };
        while (true)
        {
            var m2 = _mark;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
            var c = star ? StarExpression() : Expression();
            if (c is null)
            {
                _mark = m2;
                break;
            }
            list.Add(c);
        }
        // a trailing comma (required when there is a single element)
        Accept(TokenKind.Comma);
        var x = Extra(m);
        return new Tuple(list.ToArray(), ExprContext.Load, x.L, x.C, x.EL, x.EC);
    }

    // expression (memo): invalid_expression | invalid_legacy_expression
    //   | disjunction 'if' disjunction 'else' expression | disjunction | lambdef
    private ExprNode? Expression()
    {
        if (IsMemoized(RExpression, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = _mark;
        Enter();
        var r = ExpressionRaw();
        Leave();
        if (r is null)
        {
            _mark = m;
        }
        Memoize(m, RExpression, r);
        return r;
    }

    private ExprNode? ExpressionRaw()
    {
        var m = Begin();
        if (_callInvalidRules)
        {
            InvalidExpression();
            _mark = m;
            InvalidLegacyExpression();
            _mark = m;
        }
        return ExpressionWithoutInvalid(m);
    }

    private ExprNode? ExpressionWithoutInvalid(int m)
    {
        var a = Disjunction();
        if (a is not null)
        {
            var afterA = _mark;
            if (Accept(TokenKind.KwIf))
            {
                var b = Disjunction();
                if (b is not null && Accept(TokenKind.KwElse))
                {
                    var c = Expression();
                    if (c is not null)
                    {
                        var x = Extra(m);
                        return new IfExp(b, a, c, x.L, x.C, x.EL, x.EC);
                    }
                }
            }
            _mark = afterA;
            return a;
        }
        _mark = m;
        return Lambdef();
    }

    // yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    private ExprNode? YieldExpr()
    {
        var m = Begin();
        if (!Accept(TokenKind.KwYield))
        {
            return null;
        }
        var m2 = _mark;
        if (Accept(TokenKind.KwFrom))
        {
            var a = Expression();
            if (a is not null)
            {
                var x = Extra(m);
                return new YieldFrom(a, x.L, x.C, x.EL, x.EC);
            }
            _mark = m2;
        }
        var b = StarExpressions();
        var y = Extra(m);
        return new Yield(b, y.L, y.C, y.EL, y.EC);
    }

    // star_expression (memo): '*' bitwise_or | expression
    private ExprNode? StarExpression()
    {
        if (IsMemoized(RStarExpression, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = _mark;
        ExprNode? r = null;
        if (Accept(TokenKind.Star))
        {
            var a = BitwiseOr();
            if (a is not null)
            {
                var x = Extra(m);
                r = new Starred(a, ExprContext.Load, x.L, x.C, x.EL, x.EC);
            }
            else
            {
                _mark = m;
            }
        }
        r ??= Expression();
        if (r is null)
        {
            _mark = m;
        }
        Memoize(m, RStarExpression, r);
        return r;
    }

    // star_named_expressions: ','.star_named_expression+ [',']
    private List<ExprNode>? StarNamedExpressions()
    {
        var a = StarNamedExpression();
        if (a is null)
        {
            return null;
        }
        var list = new List<ExprNode> { a };
        while (true)
        {
            var m = _mark;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
            var b = StarNamedExpression();
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

    // star_named_expression: '*' bitwise_or | named_expression
    private ExprNode? StarNamedExpression()
    {
        var m = Begin();
        if (Accept(TokenKind.Star))
        {
            var a = BitwiseOr();
            if (a is not null)
            {
                var x = Extra(m);
                return new Starred(a, ExprContext.Load, x.L, x.C, x.EL, x.EC);
            }
            _mark = m;
        }
        return NamedExpression();
    }

    // assignment_expression: NAME ':=' ~ expression
    private ExprNode? AssignmentExpression()
    {
        var m = Begin();
        var a = NameToken();
        if (a is null)
        {
            return null;
        }
        if (!Accept(TokenKind.ColonEqual))
        {
            _mark = m;
            return null;
        }
        var b = Expression();
        if (b is null)
        {
            _mark = m;
            return null;
        }
        var x = Extra(m);
        return new NamedExpr(SetExprContext(a, ExprContext.Store), b, x.L, x.C, x.EL, x.EC);
    }

    // named_expression: assignment_expression | invalid_named_expression | expression !':='
    private ExprNode? NamedExpression()
    {
        var m = _mark;
        if (PeekKind() == TokenKind.Name)
        {
            var a = AssignmentExpression();
            if (a is not null)
            {
                return a;
            }
            _mark = m;
        }
        if (_callInvalidRules)
        {
            InvalidNamedExpression();
            _mark = m;
        }
        var e = Expression();
        if (e is not null && !At(TokenKind.ColonEqual))
        {
            return e;
        }
        _mark = m;
        return null;
    }

    // disjunction (memo): conjunction ('or' conjunction)+ | conjunction
    private ExprNode? Disjunction()
    {
        if (IsMemoized(RDisjunction, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = Begin();
        var r = BoolOpRule(m, TokenKind.KwOr);
        Memoize(m, RDisjunction, r);
        return r;
    }

    // conjunction (memo): inversion ('and' inversion)+ | inversion
    private ExprNode? Conjunction()
    {
        if (IsMemoized(RConjunction, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = Begin();
        var r = BoolOpRule(m, TokenKind.KwAnd);
        Memoize(m, RConjunction, r);
        return r;
    }

    private ExprNode? BoolOpRule(int m, TokenKind op)
    {
        var a = op == TokenKind.KwOr ? Conjunction() : Inversion();
        if (a is null)
        {
            _mark = m;
            return null;
        }
        if (!At(op))
        {
            return a;
        }
        List<ExprNode>? list = null;
        while (true)
        {
            var m2 = _mark;
            if (!Accept(op))
            {
                break;
            }
            var c = op == TokenKind.KwOr ? Conjunction() : Inversion();
            if (c is null)
            {
                _mark = m2;
                break;
            }
            (list ??= new List<ExprNode> { a }).Add(c);
        }
        if (list is null)
        {
            return a;
        }
        var x = Extra(m);
        return new BoolOp(op == TokenKind.KwOr ? BoolOpKind.Or : BoolOpKind.And, list.ToArray(), x.L, x.C, x.EL, x.EC);
    }

    // inversion (memo): 'not' inversion | comparison
    private ExprNode? Inversion()
    {
        if (IsMemoized(RInversion, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = Begin();
        ExprNode? r = null;
        Enter();
        if (Accept(TokenKind.KwNot))
        {
            var a = Inversion();
            if (a is not null)
            {
                var x = Extra(m);
                r = new UnaryOp(UnaryOpKind.Not, a, x.L, x.C, x.EL, x.EC);
            }
            else
            {
                _mark = m;
            }
        }
        r ??= Comparison();
        Leave();
        if (r is null)
        {
            _mark = m;
        }
        Memoize(m, RInversion, r);
        return r;
    }

    // comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
    private ExprNode? Comparison()
    {
        var m = Begin();
        var a = BitwiseOr();
        if (a is null)
        {
            return null;
        }
        List<CmpOpKind>? ops = null;
        List<ExprNode>? comparators = null;
        while (true)
        {
            var m2 = _mark;
            CmpOpKind op;
            switch (PeekKind())
            {
                case TokenKind.EqEqual: op = CmpOpKind.Eq; break;
                case TokenKind.NotEqual:
                    // _PyPegen_check_barry_as_flufl: '<>' is only valid with barry_as_FLUFL.
                    if ((_flags & ParserFlags.BarryAsFlufl) != 0)
                    {
                        if (!TokenBytes(_mark).SequenceEqual("<>"u8))
                        {
                            throw RaiseError("with Barry as BDFL, use '<>' instead of '!='");
                        }
                    }
                    else if (!TokenBytes(_mark).SequenceEqual("!="u8))
                    {
                        goto done;
                    }
                    op = CmpOpKind.NotEq;
                    break;
                case TokenKind.LessEqual: op = CmpOpKind.LtE; break;
                case TokenKind.Less: op = CmpOpKind.Lt; break;
                case TokenKind.GreaterEqual: op = CmpOpKind.GtE; break;
                case TokenKind.Greater: op = CmpOpKind.Gt; break;
                case TokenKind.KwNot:
                    _mark++;
                    if (!At(TokenKind.KwIn))
                    {
                        _mark = m2;
                        goto done;
                    }
                    op = CmpOpKind.NotIn;
                    break;
                case TokenKind.KwIn: op = CmpOpKind.In; break;
                case TokenKind.KwIs:
                    _mark++;
                    if (At(TokenKind.KwNot))
                    {
                        op = CmpOpKind.IsNot;
                        var m3 = _mark;
                        _mark++;
                        var c0 = BitwiseOr();
                        if (c0 is not null)
                        {
                            (ops ??= new List<CmpOpKind>()).Add(op);
                            (comparators ??= new List<ExprNode>()).Add(c0);
                            continue;
                        }
                        _mark = m3;
                    }
                    _mark--;
                    op = CmpOpKind.Is;
                    break;
                default:
                    goto done;
            }
            _mark++;
            var c = BitwiseOr();
            if (c is null)
            {
                _mark = m2;
                break;
            }
            (ops ??= new List<CmpOpKind>()).Add(op);
            (comparators ??= new List<ExprNode>()).Add(c);
        }
    done:
        if (ops is null)
        {
            return a;
        }
        var x = Extra(m);
        return new Compare(a, ops.ToArray(), comparators!.ToArray(), x.L, x.C, x.EL, x.EC);
    }

    // bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor   (left-recursive: a loop)
    private ExprNode? BitwiseOr()
    {
        if (IsMemoized(RBitwiseOr, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = Begin();
        var a = BitwiseXor();
        if (a is not null)
        {
            while (true)
            {
                var m2 = _mark;
                if (!Accept(TokenKind.VBar))
                {
                    break;
                }
                var b = BitwiseXor();
                if (b is null)
                {
                    _mark = m2;
                    break;
                }
                var x = Extra(m);
                a = new BinOp(a, OperatorKind.BitOr, b, x.L, x.C, x.EL, x.EC);
            }
        }
        else
        {
            _mark = m;
        }
        Memoize(m, RBitwiseOr, a);
        return a;
    }

    /// <summary>The left-recursive binary rules below bitwise_or, tightest last; each is
    /// <c>rule: rule OP operand | operand</c> and parses as a loop.</summary>
    private enum BinaryRule
    {
        BitwiseXor, // bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
        BitwiseAnd, // bitwise_and: bitwise_and '&' shift_expr | shift_expr
        Shift,      // shift_expr: shift_expr ('<<' | '>>') sum | sum
        Sum,        // sum: sum ('+' | '-') term | term
        Term,       // term: term ('*' | '/' | '//' | '%' | '@') factor | factor
    }

    private ExprNode? BitwiseXor() => Binary(BinaryRule.BitwiseXor);

    private ExprNode? Binary(BinaryRule rule)
    {
        var m = Begin();
        var a = BinaryOperand(rule);
        if (a is null)
        {
            return null;
        }
        while (true)
        {
            var m2 = _mark;
            if (BinaryOperator(rule, PeekKind()) is not { } op)
            {
                return a;
            }
            _mark++;
            var b = BinaryOperand(rule);
            if (b is null)
            {
                _mark = m2;
                return a;
            }
            var x = Extra(m);
            a = new BinOp(a, op, b, x.L, x.C, x.EL, x.EC);
        }
    }

    private ExprNode? BinaryOperand(BinaryRule rule) => rule == BinaryRule.Term ? Factor() : Binary(rule + 1);

    private static OperatorKind? BinaryOperator(BinaryRule rule, TokenKind token) => (rule, token) switch
    {
        (BinaryRule.BitwiseXor, TokenKind.Circumflex) => OperatorKind.BitXor,
        (BinaryRule.BitwiseAnd, TokenKind.Amper) => OperatorKind.BitAnd,
        (BinaryRule.Shift, TokenKind.LeftShift) => OperatorKind.LShift,
        (BinaryRule.Shift, TokenKind.RightShift) => OperatorKind.RShift,
        (BinaryRule.Sum, TokenKind.Plus) => OperatorKind.Add,
        (BinaryRule.Sum, TokenKind.Minus) => OperatorKind.Sub,
        (BinaryRule.Term, TokenKind.Star) => OperatorKind.Mult,
        (BinaryRule.Term, TokenKind.Slash) => OperatorKind.Div,
        (BinaryRule.Term, TokenKind.DoubleSlash) => OperatorKind.FloorDiv,
        (BinaryRule.Term, TokenKind.Percent) => OperatorKind.Mod,
        (BinaryRule.Term, TokenKind.At) => OperatorKind.MatMult,
        _ => null,
    };

    // factor (memo): '+' factor | '-' factor | '~' factor | power
    private ExprNode? Factor()
    {
        if (IsMemoized(RFactor, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = Begin();
        ExprNode? r = null;
        Enter();
        UnaryOpKind op;
        var k = PeekKind();
        if (k == TokenKind.Plus || k == TokenKind.Minus || k == TokenKind.Tilde)
        {
            op = k == TokenKind.Plus ? UnaryOpKind.UAdd : k == TokenKind.Minus ? UnaryOpKind.USub : UnaryOpKind.Invert;
            _mark++;
            var a = Factor();
            if (a is not null)
            {
                var x = Extra(m);
                r = new UnaryOp(op, a, x.L, x.C, x.EL, x.EC);
            }
            else
            {
                _mark = m;
            }
        }
        else
        {
            r = Power();
        }
        Leave();
        if (r is null)
        {
            _mark = m;
        }
        Memoize(m, RFactor, r);
        return r;
    }

    // power: await_primary '**' factor | await_primary
    private ExprNode? Power()
    {
        var m = Begin();
        Enter();
        var r = PowerRaw(m);
        Leave();
        return r;
    }

    private ExprNode? PowerRaw(int m)
    {
        var a = AwaitPrimary();
        if (a is null)
        {
            return null;
        }
        var m2 = _mark;
        if (Accept(TokenKind.DoubleStar))
        {
            var b = Factor();
            if (b is not null)
            {
                var x = Extra(m);
                return new BinOp(a, OperatorKind.Pow, b, x.L, x.C, x.EL, x.EC);
            }
            _mark = m2;
        }
        return a;
    }

    // await_primary (memo): AWAIT primary | primary
    private ExprNode? AwaitPrimary()
    {
        if (IsMemoized(RAwaitPrimary, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = Begin();
        ExprNode? r;
        if (Accept(TokenKind.Await))
        {
            var a = Primary();
            if (a is not null)
            {
                var x = Extra(m);
                r = new Await(a, x.L, x.C, x.EL, x.EC);
            }
            else
            {
                _mark = m;
                r = null;
            }
        }
        else
        {
            r = Primary();
        }
        if (r is null)
        {
            _mark = m;
        }
        Memoize(m, RAwaitPrimary, r);
        return r;
    }

    // primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
    //   | primary '[' slices ']' | atom   (left-recursive: a loop)
    private ExprNode? Primary()
    {
        if (IsMemoized(RPrimary, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = Begin();
        Enter(PrimaryChainWeight);
        var a = Atom();
        if (a is not null)
        {
            while (true)
            {
                var next = PrimaryTrailer(m, a);
                if (next is null)
                {
                    break;
                }
                a = next;
            }
        }
        else
        {
            _mark = m;
        }
        Leave(PrimaryChainWeight);
        Memoize(m, RPrimary, a);
        return a;
    }

    /// <summary>One extension of a (t_)primary: <c>.NAME</c>, a genexp, a call or a
    /// subscript; null (with the mark unchanged) when none applies.</summary>
    private ExprNode? PrimaryTrailer(int m, ExprNode a)
    {
        var m2 = _mark;
        var kind = PeekKind();
        if (_callInvalidRules && (kind == TokenKind.LSqb || kind == TokenKind.LBrace))
        {
            // 'primary genexp' comes before the subscript, and genexp's invalid_comprehension
            // also starts with '[' or '{'.
            InvalidComprehension();
            _mark = m2;
        }
        switch (kind)
        {
            case TokenKind.Dot:
            {
                _mark++;
                var b = NameId();
                if (b is null)
                {
                    _mark = m2;
                    return null;
                }
                var x = Extra(m);
                return new Attribute(a, b, ExprContext.Load, x.L, x.C, x.EL, x.EC);
            }
            case TokenKind.LPar:
            {
                var g = Genexp();
                if (g is not null)
                {
                    var x = Extra(m);
                    return new Call(a, [g], [], x.L, x.C, x.EL, x.EC);
                }
                _mark = m2 + 1;
                var b = Arguments();
                if (!Accept(TokenKind.RPar))
                {
                    _mark = m2;
                    return null;
                }
                var y = Extra(m);
                return new Call(a, b?.Args ?? s_noExprs, b?.Keywords ?? [], y.L, y.C, y.EL, y.EC);
            }
            case TokenKind.LSqb:
            {
                _mark++;
                Enter(SlicesWeight);
                var b = Slices();
                Leave(SlicesWeight);
                if (b is null || !Accept(TokenKind.RSqb))
                {
                    _mark = m2;
                    return null;
                }
                var x = Extra(m);
                return new Subscript(a, b, ExprContext.Load, x.L, x.C, x.EL, x.EC);
            }
        }
        return null;
    }

    // slices: slice !',' | ','.(slice | starred_expression)+ [',']
    private ExprNode? Slices()
    {
        var m = Begin();
        var a = Slice();
        if (a is not null && !At(TokenKind.Comma))
        {
            return a;
        }
        _mark = m;
        var first = SliceOrStarred();
        if (first is null)
        {
            return null;
        }
        var list = new List<ExprNode> { first };
        while (true)
        {
            var m2 = _mark;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
            var b = SliceOrStarred();
            if (b is null)
            {
                _mark = m2;
                break;
            }
            list.Add(b);
        }
        Accept(TokenKind.Comma);
        var x = Extra(m);
        return new Tuple(list.ToArray(), ExprContext.Load, x.L, x.C, x.EL, x.EC);
    }

    private ExprNode? SliceOrStarred()
    {
        var m = _mark;
        var a = Slice();
        if (a is not null)
        {
            return a;
        }
        _mark = m;
        return StarredExpression();
    }

    // slice: [expression] ':' [expression] [':' [expression]] | named_expression
    private ExprNode? Slice()
    {
        var m = Begin();
        var a = Expression();
        if (Accept(TokenKind.Colon))
        {
            var b = Expression();
            ExprNode? c = null;
            var m2 = _mark;
            if (Accept(TokenKind.Colon))
            {
                c = Expression();
            }
            else
            {
                _mark = m2;
            }
            var x = Extra(m);
            return new Slice(a, b, c, x.L, x.C, x.EL, x.EC);
        }
        _mark = m;
        return NamedExpression();
    }

    // atom
    private ExprNode? Atom()
    {
        var m = Begin();
        ref var t = ref _tokens[m];
        switch (t.Kind)
        {
            case TokenKind.Name:
                return NameToken();
            case TokenKind.KwTrue:
                _mark++;
                return new Constant(true, null, t.Lineno, t.ColOffset, t.EndLineno, t.EndColOffset);
            case TokenKind.KwFalse:
                _mark++;
                return new Constant(false, null, t.Lineno, t.ColOffset, t.EndLineno, t.EndColOffset);
            case TokenKind.KwNone:
                _mark++;
                return new Constant(ConstantSingleton.None, null, t.Lineno, t.ColOffset, t.EndLineno, t.EndColOffset);
            case TokenKind.String:
                return Strings();
            case TokenKind.Number:
                return NumberToken();
            case TokenKind.LPar:
            {
                Enter(ParenWeight);
                var r = TupleRule();
                if (r is null)
                {
                    _mark = m;
                    r = Group();
                }
                if (r is null)
                {
                    _mark = m;
                    r = Genexp();
                }
                if (r is null)
                {
                    _mark = m;
                }
                Leave(ParenWeight);
                return r;
            }
            case TokenKind.LSqb:
            {
                Enter(BracketWeight);
                var r = ListRule();
                if (r is null)
                {
                    _mark = m;
                    r = Listcomp();
                }
                if (r is null)
                {
                    _mark = m;
                }
                Leave(BracketWeight);
                return r;
            }
            case TokenKind.LBrace:
            {
                Enter(BracketWeight);
                var r = DictRule();
                if (r is null)
                {
                    _mark = m;
                    r = SetRule();
                }
                if (r is null)
                {
                    _mark = m;
                    r = Dictcomp();
                }
                if (r is null)
                {
                    _mark = m;
                    r = Setcomp();
                }
                if (r is null)
                {
                    _mark = m;
                }
                Leave(BracketWeight);
                return r;
            }
            case TokenKind.Ellipsis:
                _mark++;
                return new Constant(ConstantSingleton.Ellipsis, null, t.Lineno, t.ColOffset, t.EndLineno, t.EndColOffset);
        }
        return null;
    }

    /// <summary><c>_PyPegen_number_token</c>.</summary>
    private ExprNode? NumberToken()
    {
        if (PeekKind() != TokenKind.Number)
        {
            return null;
        }
        var i = _mark++;
        var t = _tokens[i];
        var value = StringParser.ParseNumber(this, t);
        return new Constant(value, null, t.Lineno, t.ColOffset, t.EndLineno, t.EndColOffset);
    }

    // strings (memo): STRING+
    private ExprNode? Strings()
    {
        if (IsMemoized(RStrings, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = _mark;
        while (PeekKind() == TokenKind.String)
        {
            _mark++;
        }
        ExprNode? r = null;
        if (_mark > m)
        {
            r = StringParser.ConcatenateStrings(this, new ReadOnlySpan<Token>(_tokens, m, _mark - m));
        }
        Memoize(m, RStrings, r);
        return r;
    }

    // group: '(' (yield_expr | named_expression) ')' | invalid_group
    private ExprNode? Group()
    {
        var m = _mark;
        if (Accept(TokenKind.LPar))
        {
            var a = At(TokenKind.KwYield) ? YieldExpr() : null;
            a ??= NamedExpression();
            if (a is not null && Accept(TokenKind.RPar))
            {
                return a;
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidGroup();
            _mark = m;
        }
        return null;
    }

    // tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
    private ExprNode? TupleRule()
    {
        var m = Begin();
        if (!Accept(TokenKind.LPar))
        {
            return null;
        }
        ExprNode[] elts = s_noExprs;
        var m2 = _mark;
        var y = StarNamedExpression();
        if (y is not null && Accept(TokenKind.Comma))
        {
            var z = StarNamedExpressions();
            if (z is null)
            {
                elts = [y];
            }
            else
            {
                z.Insert(0, y);
                elts = z.ToArray();
            }
        }
        else
        {
            _mark = m2;
        }
        if (!Accept(TokenKind.RPar))
        {
            _mark = m;
            return null;
        }
        var x = Extra(m);
        return new Tuple(elts, ExprContext.Load, x.L, x.C, x.EL, x.EC);
    }

    // list: '[' [star_named_expressions] ']'
    private ExprNode? ListRule()
    {
        var m = Begin();
        if (!Accept(TokenKind.LSqb))
        {
            return null;
        }
        var a = StarNamedExpressions();
        if (!Accept(TokenKind.RSqb))
        {
            _mark = m;
            return null;
        }
        var x = Extra(m);
        return new List(a?.ToArray() ?? s_noExprs, ExprContext.Load, x.L, x.C, x.EL, x.EC);
    }

    // set: '{' star_named_expressions '}'
    private ExprNode? SetRule()
    {
        var m = Begin();
        if (!Accept(TokenKind.LBrace))
        {
            return null;
        }
        var a = StarNamedExpressions();
        if (a is null || !Accept(TokenKind.RBrace))
        {
            _mark = m;
            return null;
        }
        var x = Extra(m);
        return new Set(a.ToArray(), x.L, x.C, x.EL, x.EC);
    }

    // dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'
    private ExprNode? DictRule()
    {
        var m = Begin();
        if (!Accept(TokenKind.LBrace))
        {
            return null;
        }
        var a = DoubleStarredKvpairs();
        if (Accept(TokenKind.RBrace))
        {
            var x = Extra(m);
            var keys = new ExprNode[a?.Count ?? 0];
            var values = new ExprNode[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = a![i].Key!;
                values[i] = a[i].Value;
            }
            return new Dict(keys, values, x.L, x.C, x.EL, x.EC);
        }
        _mark = m;
        if (_callInvalidRules && Accept(TokenKind.LBrace))
        {
            InvalidDoubleStarredKvpairs();
        }
        _mark = m;
        return null;
    }

    private readonly record struct KeyValuePair(ExprNode? Key, ExprNode Value);

    // double_starred_kvpairs: ','.double_starred_kvpair+ [',']
    private List<KeyValuePair>? DoubleStarredKvpairs()
    {
        var a = DoubleStarredKvpair();
        if (a is null)
        {
            return null;
        }
        var list = new List<KeyValuePair> { a.Value };
        while (true)
        {
            var m = _mark;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
            var b = DoubleStarredKvpair();
            if (b is null)
            {
                _mark = m;
                break;
            }
            list.Add(b.Value);
        }
        Accept(TokenKind.Comma);
        return list;
    }

    // double_starred_kvpair: '**' bitwise_or | kvpair
    private KeyValuePair? DoubleStarredKvpair()
    {
        var m = _mark;
        if (Accept(TokenKind.DoubleStar))
        {
            var a = BitwiseOr();
            if (a is not null)
            {
                return new KeyValuePair(null, a);
            }
            _mark = m;
        }
        return Kvpair();
    }

    // kvpair: expression ':' expression
    private KeyValuePair? Kvpair()
    {
        var m = _mark;
        var a = Expression();
        if (a is not null && Accept(TokenKind.Colon))
        {
            var b = Expression();
            if (b is not null)
            {
                return new KeyValuePair(a, b);
            }
        }
        _mark = m;
        return null;
    }

    // for_if_clauses: for_if_clause+
    private Comprehension[]? ForIfClauses()
    {
        List<Comprehension>? list = null;
        while (true)
        {
            var m = _mark;
            var c = ForIfClause();
            if (c is null)
            {
                _mark = m;
                break;
            }
            (list ??= new List<Comprehension>()).Add(c);
        }
        return list?.ToArray();
    }

    // for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)* | invalid_for_target
    private Comprehension? ForIfClause()
    {
        var m = _mark;
        var isAsync = Accept(TokenKind.Async);
        if (Accept(TokenKind.KwFor))
        {
            var a = StarTargets();
            if (a is not null && Accept(TokenKind.KwIn))
            {
                // cut
                var b = Disjunction();
                if (b is null)
                {
                    _mark = m;
                    return null;
                }
                List<ExprNode>? ifs = null;
                while (true)
                {
                    var m2 = _mark;
                    if (!Accept(TokenKind.KwIf))
                    {
                        break;
                    }
                    var z = Disjunction();
                    if (z is null)
                    {
                        _mark = m2;
                        break;
                    }
                    (ifs ??= new List<ExprNode>()).Add(z);
                }
                return new Comprehension(a, b, ifs?.ToArray() ?? s_noExprs, isAsync ? 1 : 0);
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidForTarget();
            _mark = m;
        }
        return null;
    }

    // listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension
    private ExprNode? Listcomp()
    {
        var m = Begin();
        if (Accept(TokenKind.LSqb))
        {
            var a = NamedExpression();
            if (a is not null)
            {
                var b = ForIfClauses();
                if (b is not null && Accept(TokenKind.RSqb))
                {
                    var x = Extra(m);
                    return new ListComp(a, b, x.L, x.C, x.EL, x.EC);
                }
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidComprehension();
            _mark = m;
        }
        return null;
    }

    // setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension
    private ExprNode? Setcomp()
    {
        var m = Begin();
        if (Accept(TokenKind.LBrace))
        {
            var a = NamedExpression();
            if (a is not null)
            {
                var b = ForIfClauses();
                if (b is not null && Accept(TokenKind.RBrace))
                {
                    var x = Extra(m);
                    return new SetComp(a, b, x.L, x.C, x.EL, x.EC);
                }
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidComprehension();
            _mark = m;
        }
        return null;
    }

    // genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' | invalid_comprehension
    private ExprNode? Genexp()
    {
        var m = Begin();
        if (Accept(TokenKind.LPar))
        {
            var m2 = _mark;
            // genexp and its (assignment_expression | expression !':=') group
            Enter(2);
            var a = PeekKind() == TokenKind.Name ? AssignmentExpression() : null;
            if (a is null)
            {
                _mark = m2;
                a = Expression();
                if (a is not null && At(TokenKind.ColonEqual))
                {
                    a = null;
                }
            }
            Leave(2);
            if (a is not null)
            {
                var b = ForIfClauses();
                if (b is not null && Accept(TokenKind.RPar))
                {
                    var x = Extra(m);
                    return new GeneratorExp(a, b, x.L, x.C, x.EL, x.EC);
                }
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidComprehension();
            _mark = m;
        }
        return null;
    }

    // dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension
    private ExprNode? Dictcomp()
    {
        var m = Begin();
        if (Accept(TokenKind.LBrace))
        {
            var a = Kvpair();
            if (a is not null)
            {
                var b = ForIfClauses();
                if (b is not null && Accept(TokenKind.RBrace))
                {
                    var x = Extra(m);
                    return new DictComp(a.Value.Key!, a.Value.Value, b, x.L, x.C, x.EL, x.EC);
                }
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidDictComprehension();
            _mark = m;
        }
        return null;
    }

    /// <summary>The positional and keyword arguments of a call (pegen's dummy <c>Call</c>).</summary>
    private sealed class CallArgs(ExprNode[] args, Keyword[] keywords, ErrPos pos)
    {
        public ErrPos Pos { get; } = pos;
        public ExprNode[] Args { get; } = args;
        public Keyword[] Keywords { get; } = keywords;
    }

    // arguments (memo): args [','] &')' | invalid_arguments
    private CallArgs? Arguments()
    {
        if (IsMemoized(RArguments, out var memo))
        {
            return (CallArgs?)memo;
        }
        var m = _mark;
        var a = Args();
        if (a is not null)
        {
            Accept(TokenKind.Comma);
            if (!At(TokenKind.RPar))
            {
                a = null;
            }
        }
        if (a is null)
        {
            _mark = m;
            if (_callInvalidRules)
            {
                InvalidArguments();
                _mark = m;
            }
        }
        Memoize(m, RArguments, a);
        return a;
    }

    // args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs] | kwargs
    private CallArgs? Args()
    {
        var m = Begin();
        List<ExprNode>? positional = null;
        while (true)
        {
            var m2 = _mark;
            if (positional is not null && !Accept(TokenKind.Comma))
            {
                break;
            }
            var e = ArgsElement();
            if (e is null)
            {
                _mark = m2;
                break;
            }
            (positional ??= new List<ExprNode>()).Add(e);
        }
        if (positional is not null)
        {
            var m3 = _mark;
            List<object>? kw = null;
            if (Accept(TokenKind.Comma))
            {
                kw = Kwargs();
                if (kw is null)
                {
                    _mark = m3;
                }
            }
            var x = Extra(m);
            if (kw is null)
            {
                return new CallArgs(positional.ToArray(), [], new ErrPos(x.L, x.C, x.EL, x.EC));
            }
            return CollectCallSeqs(positional, kw, x);
        }
        _mark = m;
        var only = Kwargs();
        if (only is null)
        {
            return null;
        }
        return CollectCallSeqs(null, only, Extra(m));
    }

    private ExprNode? ArgsElement()
    {
        // arguments, args, the gather and the two groups around an argument in pegen
        Enter(5);
        var r = ArgsElementRaw();
        Leave(5);
        return r;
    }

    private ExprNode? ArgsElementRaw()
    {
        var m = _mark;
        var s = StarredExpression();
        if (s is not null)
        {
            return s;
        }
        _mark = m;
        ExprNode? a = PeekKind() == TokenKind.Name ? AssignmentExpression() : null;
        if (a is null)
        {
            _mark = m;
            a = Expression();
            if (a is not null && At(TokenKind.ColonEqual))
            {
                a = null;
            }
        }
        if (a is null || At(TokenKind.Equal))
        {
            _mark = m;
            return null;
        }
        return a;
    }

    /// <summary><c>_PyPegen_collect_call_seqs</c>: starred items of the keyword section go to
    /// the positional arguments, after the plain ones.</summary>
    private static CallArgs CollectCallSeqs(List<ExprNode>? positional, List<object> kw, Loc x)
    {
        var args = positional ?? new List<ExprNode>();
        var keywords = new List<Keyword>();
        foreach (var o in kw)
        {
            if (o is Keyword k)
            {
                keywords.Add(k);
            }
            else
            {
                args.Add((ExprNode)o);
            }
        }
        return new CallArgs(args.ToArray(), keywords.ToArray(), new ErrPos(x.L, x.C, x.EL, x.EC));
    }

    // kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+ | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+
    private List<object>? Kwargs()
    {
        var m = _mark;
        var a = KwargSeq(doubleStarred: false);
        if (a is not null)
        {
            var m2 = _mark;
            if (Accept(TokenKind.Comma))
            {
                var b = KwargSeq(doubleStarred: true);
                if (b is not null)
                {
                    a.AddRange(b);
                    return a;
                }
            }
            _mark = m2;
            return a;
        }
        _mark = m;
        return KwargSeq(doubleStarred: true);
    }

    private List<object>? KwargSeq(bool doubleStarred)
    {
        List<object>? list = null;
        while (true)
        {
            var m = _mark;
            if (list is not null && !Accept(TokenKind.Comma))
            {
                break;
            }
            var e = KwargOr(doubleStarred);
            if (e is null)
            {
                _mark = m;
                break;
            }
            (list ??= new List<object>()).Add(e);
        }
        return list;
    }

    // kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
    // kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression
    private object? KwargOr(bool doubleStarred)
    {
        var m = Begin();
        if (_callInvalidRules)
        {
            InvalidKwarg();
            _mark = m;
        }
        var n = NameId();
        if (n is not null && Accept(TokenKind.Equal))
        {
            var b = Expression();
            if (b is not null)
            {
                var x = Extra(m);
                return new Keyword(n, b, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = m;
        if (!doubleStarred)
        {
            return StarredExpression();
        }
        if (Accept(TokenKind.DoubleStar))
        {
            var a = Expression();
            if (a is not null)
            {
                var x = Extra(m);
                return new Keyword(null, a, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = m;
        return null;
    }

    // starred_expression: '*' expression
    private ExprNode? StarredExpression()
    {
        var m = Begin();
        if (!Accept(TokenKind.Star))
        {
            return null;
        }
        var a = Expression();
        if (a is null)
        {
            _mark = m;
            return null;
        }
        var x = Extra(m);
        return new Starred(a, ExprContext.Load, x.L, x.C, x.EL, x.EC);
    }

    // type_expressions (func_type mode)
    private ExprNode[]? TypeExpressions()
    {
        var m = _mark;
        var list = new List<ExprNode>();
        var a = Expression();
        if (a is not null)
        {
            list.Add(a);
            while (true)
            {
                var m2 = _mark;
                if (!Accept(TokenKind.Comma))
                {
                    break;
                }
                var b = Expression();
                if (b is null)
                {
                    _mark = m2;
                    break;
                }
                list.Add(b);
            }
            var afterList = _mark;
            if (Accept(TokenKind.Comma))
            {
                var m3 = _mark;
                if (Accept(TokenKind.Star))
                {
                    var b = Expression();
                    if (b is not null)
                    {
                        var m4 = _mark;
                        if (Accept(TokenKind.Comma) && Accept(TokenKind.DoubleStar))
                        {
                            var c = Expression();
                            if (c is not null)
                            {
                                list.Add(b);
                                list.Add(c);
                                return list.ToArray();
                            }
                        }
                        _mark = m4;
                        list.Add(b);
                        return list.ToArray();
                    }
                }
                _mark = m3;
                if (Accept(TokenKind.DoubleStar))
                {
                    var b = Expression();
                    if (b is not null)
                    {
                        list.Add(b);
                        return list.ToArray();
                    }
                }
            }
            _mark = afterList;
            return list.ToArray();
        }
        _mark = m;
        if (Accept(TokenKind.Star))
        {
            var b = Expression();
            if (b is not null)
            {
                var m4 = _mark;
                if (Accept(TokenKind.Comma) && Accept(TokenKind.DoubleStar))
                {
                    var c = Expression();
                    if (c is not null)
                    {
                        return [b, c];
                    }
                }
                _mark = m4;
                return [b];
            }
            _mark = m;
        }
        if (Accept(TokenKind.DoubleStar))
        {
            var b = Expression();
            if (b is not null)
            {
                return [b];
            }
        }
        _mark = m;
        return null;
    }
}
