// Parser/parser.c (assignment targets, function parameters and lambdas of Grammar/python.gram)
using Taipan.Syntax.Ast;
using Attribute = Taipan.Syntax.Ast.Attribute;
using Tuple = Taipan.Syntax.Ast.Tuple;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Parser;

public sealed partial class Parser
{
    // star_targets: star_target !',' | star_target (',' star_target)* [',']
    private ExprNode? StarTargets()
    {
        var m = Begin();
        var a = StarTarget();
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
            var c = StarTarget();
            if (c is null)
            {
                _mark = m2;
                break;
            }
            list.Add(c);
        }
        Accept(TokenKind.Comma);
        var x = Extra(m);
        return new Tuple(list.ToArray(), ExprContext.Store, x.L, x.C, x.EL, x.EC);
    }

    // star_targets_list_seq: ','.star_target+ [',']
    private List<ExprNode>? StarTargetsListSeq()
    {
        var a = StarTarget();
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
            var b = StarTarget();
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

    // star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','
    private List<ExprNode>? StarTargetsTupleSeq()
    {
        var m = _mark;
        var a = StarTarget();
        if (a is null)
        {
            return null;
        }
        var list = new List<ExprNode> { a };
        while (true)
        {
            var m2 = _mark;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
            var b = StarTarget();
            if (b is null)
            {
                _mark = m2;
                break;
            }
            list.Add(b);
        }
        if (list.Count > 1)
        {
            Accept(TokenKind.Comma);
            return list;
        }
        if (Accept(TokenKind.Comma))
        {
            return list;
        }
        _mark = m;
        return null;
    }

    // star_target (memo): '*' (!'*' star_target) | target_with_star_atom
    private ExprNode? StarTarget()
    {
        if (IsMemoized(RStarTarget, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = Begin();
        Enter();
        ExprNode? r = null;
        if (Accept(TokenKind.Star))
        {
            if (!At(TokenKind.Star))
            {
                var a = StarTarget();
                if (a is not null)
                {
                    var x = Extra(m);
                    r = new Starred(SetExprContext(a, ExprContext.Store), ExprContext.Store, x.L, x.C, x.EL, x.EC);
                }
            }
            if (r is null)
            {
                _mark = m;
            }
        }
        r ??= TargetWithStarAtom();
        Leave();
        if (r is null)
        {
            _mark = m;
        }
        Memoize(m, RStarTarget, r);
        return r;
    }

    // target_with_star_atom (memo): t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | star_atom
    private ExprNode? TargetWithStarAtom()
    {
        if (IsMemoized(RTargetWithStarAtom, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = Begin();
        var r = SubscriptAttributeTarget(ExprContext.Store);
        if (r is null)
        {
            _mark = m;
            r = StarAtom();
        }
        if (r is null)
        {
            _mark = m;
        }
        Memoize(m, RTargetWithStarAtom, r);
        return r;
    }

    /// <summary><c>t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead</c>
    /// with the given context (single_subscript_attribute_target, del_target, ...).</summary>
    private ExprNode? SubscriptAttributeTarget(ExprContext ctx)
    {
        var m = Begin();
        var a = TPrimary();
        if (a is null)
        {
            return null;
        }
        var afterA = _mark;
        if (Accept(TokenKind.Dot))
        {
            var b = NameId();
            if (b is not null && !TLookahead())
            {
                var x = Extra(m);
                return new Attribute(a, b, ctx, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = afterA;
        if (Accept(TokenKind.LSqb))
        {
            var b = Slices();
            if (b is not null && Accept(TokenKind.RSqb) && !TLookahead())
            {
                var x = Extra(m);
                return new Subscript(a, b, ctx, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = m;
        return null;
    }

    // star_atom
    private ExprNode? StarAtom()
    {
        var m = Begin();
        var n = NameToken();
        if (n is not null)
        {
            return SetExprContext(n, ExprContext.Store);
        }
        if (Accept(TokenKind.LPar))
        {
            var a = TargetWithStarAtom();
            if (a is not null && Accept(TokenKind.RPar))
            {
                return SetExprContext(a, ExprContext.Store);
            }
            _mark = m + 1;
            var b = StarTargetsTupleSeq();
            if (Accept(TokenKind.RPar))
            {
                var x = Extra(m);
                return new Tuple(b?.ToArray() ?? s_noExprs, ExprContext.Store, x.L, x.C, x.EL, x.EC);
            }
            _mark = m;
            return null;
        }
        if (Accept(TokenKind.LSqb))
        {
            var b = StarTargetsListSeq();
            if (Accept(TokenKind.RSqb))
            {
                var x = Extra(m);
                return new List(b?.ToArray() ?? s_noExprs, ExprContext.Store, x.L, x.C, x.EL, x.EC);
            }
            _mark = m;
        }
        return null;
    }

    // single_target: single_subscript_attribute_target | NAME | '(' single_target ')'
    private ExprNode? SingleTarget()
    {
        var m = Begin();
        var a = SingleSubscriptAttributeTarget();
        if (a is not null)
        {
            return a;
        }
        _mark = m;
        var n = NameToken();
        if (n is not null)
        {
            return SetExprContext(n, ExprContext.Store);
        }
        if (Accept(TokenKind.LPar))
        {
            Enter();
            var b = SingleTarget();
            Leave();
            if (b is not null && Accept(TokenKind.RPar))
            {
                return b;
            }
        }
        _mark = m;
        return null;
    }

    // single_subscript_attribute_target
    private ExprNode? SingleSubscriptAttributeTarget() => SubscriptAttributeTarget(ExprContext.Store);

    // t_lookahead: '(' | '[' | '.'
    private bool TLookahead()
    {
        var k = PeekKind();
        return k == TokenKind.LPar || k == TokenKind.LSqb || k == TokenKind.Dot;
    }

    // t_primary: t_primary '.' NAME &t_lookahead | t_primary '[' slices ']' &t_lookahead
    //   | t_primary genexp &t_lookahead | t_primary '(' [arguments] ')' &t_lookahead
    //   | atom &t_lookahead   (left-recursive: a loop)
    private ExprNode? TPrimary()
    {
        if (IsMemoized(RTPrimary, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = Begin();
        Enter();
        var a = Atom();
        if (a is not null && TLookahead())
        {
            while (true)
            {
                var m2 = _mark;
                var next = PrimaryTrailer(m, a);
                if (next is null)
                {
                    break;
                }
                if (!TLookahead())
                {
                    // pegen tries the remaining alternatives, which cannot extend further
                    // with a different kind of trailer at the same position; but a call may
                    // still be tried after a failed genexp, as PrimaryTrailer already did.
                    _mark = m2;
                    break;
                }
                a = next;
            }
        }
        else
        {
            a = null;
            _mark = m;
        }
        Leave();
        Memoize(m, RTPrimary, a);
        return a;
    }

    // del_targets: ','.del_target+ [',']
    private ExprNode[]? DelTargets()
    {
        var a = DelTarget();
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
            var b = DelTarget();
            if (b is null)
            {
                _mark = m;
                break;
            }
            list.Add(b);
        }
        Accept(TokenKind.Comma);
        return list.ToArray();
    }

    // del_target (memo): t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | del_t_atom
    private ExprNode? DelTarget()
    {
        if (IsMemoized(RDelTarget, out var memo))
        {
            return (ExprNode?)memo;
        }
        var m = Begin();
        Enter();
        var r = SubscriptAttributeTarget(ExprContext.Del);
        if (r is null)
        {
            _mark = m;
            r = DelTAtom();
        }
        Leave();
        if (r is null)
        {
            _mark = m;
        }
        Memoize(m, RDelTarget, r);
        return r;
    }

    // del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']'
    private ExprNode? DelTAtom()
    {
        var m = Begin();
        var n = NameToken();
        if (n is not null)
        {
            return SetExprContext(n, ExprContext.Del);
        }
        if (Accept(TokenKind.LPar))
        {
            var a = DelTarget();
            if (a is not null && Accept(TokenKind.RPar))
            {
                return SetExprContext(a, ExprContext.Del);
            }
            _mark = m + 1;
            var b = DelTargets();
            if (Accept(TokenKind.RPar))
            {
                var x = Extra(m);
                return new Tuple(b ?? s_noExprs, ExprContext.Del, x.L, x.C, x.EL, x.EC);
            }
            _mark = m;
            return null;
        }
        if (Accept(TokenKind.LSqb))
        {
            var b = DelTargets();
            if (Accept(TokenKind.RSqb))
            {
                var x = Extra(m);
                return new List(b ?? s_noExprs, ExprContext.Del, x.L, x.C, x.EL, x.EC);
            }
            _mark = m;
        }
        return null;
    }

    // ------------------------------------------------------------ parameters

    private readonly record struct NameDefaultPair(Arg Arg, ExprNode? Value);

    private sealed class StarEtc(Arg? vararg, List<NameDefaultPair>? kwonlyargs, Arg? kwarg)
    {
        public Arg? Vararg { get; } = vararg;
        public List<NameDefaultPair>? Kwonlyargs { get; } = kwonlyargs;
        public Arg? Kwarg { get; } = kwarg;
    }

    private sealed class SlashWithDefault(List<Arg> plainNames, List<NameDefaultPair> namesWithDefaults)
    {
        public List<Arg> PlainNames { get; } = plainNames;
        public List<NameDefaultPair> NamesWithDefaults { get; } = namesWithDefaults;
    }

    // params: invalid_parameters | parameters
    private Arguments? Params()
    {
        var m = _mark;
        if (_callInvalidRules)
        {
            InvalidParameters();
            _mark = m;
        }
        return Parameters(lambda: false);
    }

    // lambda_params: invalid_lambda_parameters | lambda_parameters
    private Arguments? LambdaParams()
    {
        var m = _mark;
        if (_callInvalidRules)
        {
            InvalidLambdaParameters();
            _mark = m;
        }
        return Parameters(lambda: true);
    }

    // parameters / lambda_parameters
    private Arguments? Parameters(bool lambda)
    {
        var m = _mark;
        // slash_no_default param_no_default* param_with_default* [star_etc]
        var a = SlashNoDefault(lambda);
        if (a is not null)
        {
            var b = ParamNoDefaultStar(lambda);
            var c = ParamWithDefaultStar(lambda);
            var d = StarEtcRule(lambda);
            return MakeArguments(a, null, b, c, d);
        }
        _mark = m;
        // slash_with_default param_with_default* [star_etc]
        var sw = SlashWithDefaultRule(lambda);
        if (sw is not null)
        {
            var b = ParamWithDefaultStar(lambda);
            var c = StarEtcRule(lambda);
            return MakeArguments(null, sw, null, b, c);
        }
        _mark = m;
        // param_no_default+ param_with_default* [star_etc]
        var pn = ParamNoDefaultStar(lambda);
        if (pn is not null)
        {
            var b = ParamWithDefaultStar(lambda);
            var c = StarEtcRule(lambda);
            return MakeArguments(null, null, pn, b, c);
        }
        _mark = m;
        // param_with_default+ [star_etc]
        var pw = ParamWithDefaultStar(lambda);
        if (pw is not null)
        {
            var b = StarEtcRule(lambda);
            return MakeArguments(null, null, null, pw, b);
        }
        _mark = m;
        // star_etc
        var se = StarEtcRule(lambda);
        if (se is not null)
        {
            return MakeArguments(null, null, null, null, se);
        }
        _mark = m;
        return null;
    }

    /// <summary>The close of a parameter list: ')' for def, ':' for lambda.</summary>
    private bool AtParamsEnd(bool lambda) => At(lambda ? TokenKind.Colon : TokenKind.RPar);

    // slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'
    private List<Arg>? SlashNoDefault(bool lambda)
    {
        var m = _mark;
        var a = ParamNoDefaultStar(lambda);
        if (a is not null && Accept(TokenKind.Slash))
        {
            if (Accept(TokenKind.Comma) || AtParamsEnd(lambda))
            {
                return a;
            }
        }
        _mark = m;
        return null;
    }

    // slash_with_default: param_no_default* param_with_default+ '/' (',' | &')')
    private SlashWithDefault? SlashWithDefaultRule(bool lambda)
    {
        var m = _mark;
        var a = ParamNoDefaultStar(lambda);
        var b = ParamWithDefaultStar(lambda);
        if (b is not null && Accept(TokenKind.Slash))
        {
            if (Accept(TokenKind.Comma) || AtParamsEnd(lambda))
            {
                return new SlashWithDefault(a ?? new List<Arg>(), b);
            }
        }
        _mark = m;
        return null;
    }

    // star_etc / lambda_star_etc
    private StarEtc? StarEtcRule(bool lambda)
    {
        var m = _mark;
        if (_callInvalidRules)
        {
            if (lambda)
            {
                InvalidLambdaStarEtc();
            }
            else
            {
                InvalidStarEtc();
            }
            _mark = m;
        }
        if (Accept(TokenKind.Star))
        {
            var afterStar = _mark;
            // '*' param_no_default param_maybe_default* [kwds]
            var a = ParamNoDefault(lambda);
            if (a is not null)
            {
                var b = ParamMaybeDefaultStar(lambda);
                var c = Kwds(lambda);
                return new StarEtc(a, b ?? new List<NameDefaultPair>(), c);
            }
            _mark = afterStar;
            // '*' param_no_default_star_annotation param_maybe_default* [kwds]
            if (!lambda)
            {
                var s = ParamNoDefaultStarAnnotation();
                if (s is not null)
                {
                    var b = ParamMaybeDefaultStar(lambda);
                    var c = Kwds(lambda);
                    return new StarEtc(s, b ?? new List<NameDefaultPair>(), c);
                }
                _mark = afterStar;
            }
            // '*' ',' param_maybe_default+ [kwds]
            if (Accept(TokenKind.Comma))
            {
                var b = ParamMaybeDefaultStar(lambda);
                if (b is not null)
                {
                    var c = Kwds(lambda);
                    return new StarEtc(null, b, c);
                }
            }
            _mark = m;
        }
        var k = Kwds(lambda);
        if (k is not null)
        {
            return new StarEtc(null, null, k);
        }
        _mark = m;
        return null;
    }

    // kwds: invalid_kwds | '**' param_no_default
    private Arg? Kwds(bool lambda)
    {
        var m = _mark;
        if (_callInvalidRules)
        {
            if (lambda)
            {
                InvalidLambdaKwds();
            }
            else
            {
                InvalidKwds();
            }
            _mark = m;
        }
        if (Accept(TokenKind.DoubleStar))
        {
            var a = ParamNoDefault(lambda);
            if (a is not null)
            {
                return a;
            }
        }
        _mark = m;
        return null;
    }

    private List<Arg>? ParamNoDefaultStar(bool lambda)
    {
        List<Arg>? list = null;
        while (ParamNoDefault(lambda) is { } a)
        {
            (list ??= new List<Arg>()).Add(a);
        }
        return list;
    }

    private List<NameDefaultPair>? ParamWithDefaultStar(bool lambda)
    {
        List<NameDefaultPair>? list = null;
        while (ParamWithDefault(lambda) is { } a)
        {
            (list ??= new List<NameDefaultPair>()).Add(a);
        }
        return list;
    }

    private List<NameDefaultPair>? ParamMaybeDefaultStar(bool lambda)
    {
        List<NameDefaultPair>? list = null;
        while (ParamMaybeDefault(lambda) is { } a)
        {
            (list ??= new List<NameDefaultPair>()).Add(a);
        }
        return list;
    }

    // param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')'
    private Arg? ParamNoDefault(bool lambda)
    {
        var m = _mark;
        var a = Param(lambda);
        if (a is not null && (Accept(TokenKind.Comma) || AtParamsEnd(lambda)))
        {
            return a;
        }
        _mark = m;
        return null;
    }

    // param_no_default_star_annotation: param_star_annotation ',' | param_star_annotation &')'
    private Arg? ParamNoDefaultStarAnnotation()
    {
        var m = Begin();
        var n = NameId();
        if (n is not null && Accept(TokenKind.Colon))
        {
            var ann = StarExpression();
            if (ann is not null)
            {
                var x = Extra(m);
                var a = new Arg(n, ann, null, x.L, x.C, x.EL, x.EC);
                if (Accept(TokenKind.Comma) || At(TokenKind.RPar))
                {
                    return a;
                }
            }
        }
        _mark = m;
        return null;
    }

    // param_with_default: param default ',' | param default &')'
    private NameDefaultPair? ParamWithDefault(bool lambda)
    {
        var m = _mark;
        var a = Param(lambda);
        if (a is not null)
        {
            var c = Default();
            if (c is not null && (Accept(TokenKind.Comma) || AtParamsEnd(lambda)))
            {
                return new NameDefaultPair(a, c);
            }
        }
        _mark = m;
        return null;
    }

    // param_maybe_default: param default? ',' | param default? &')'
    private NameDefaultPair? ParamMaybeDefault(bool lambda)
    {
        var m = _mark;
        var a = Param(lambda);
        if (a is not null)
        {
            var c = Default();
            if (Accept(TokenKind.Comma) || AtParamsEnd(lambda))
            {
                return new NameDefaultPair(a, c);
            }
        }
        _mark = m;
        return null;
    }

    // param: NAME annotation?   lambda_param: NAME
    private Arg? Param(bool lambda)
    {
        var m = Begin();
        var n = NameId();
        if (n is null)
        {
            return null;
        }
        ExprNode? ann = null;
        if (!lambda)
        {
            var m2 = _mark;
            if (Accept(TokenKind.Colon))
            {
                ann = Expression();
                if (ann is null)
                {
                    _mark = m2;
                }
            }
        }
        var x = Extra(m);
        return new Arg(n, ann, null, x.L, x.C, x.EL, x.EC);
    }

    // default: '=' expression | invalid_default
    private ExprNode? Default()
    {
        var m = _mark;
        if (Accept(TokenKind.Equal))
        {
            var a = Expression();
            if (a is not null)
            {
                return a;
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidDefault();
            _mark = m;
        }
        return null;
    }

    // lambdef: 'lambda' [lambda_params] ':' expression
    private ExprNode? Lambdef()
    {
        var m = Begin();
        if (!Accept(TokenKind.KwLambda))
        {
            return null;
        }
        Enter();
        var a = LambdaParams();
        ExprNode? b = null;
        if (Accept(TokenKind.Colon))
        {
            b = Expression();
        }
        Leave();
        if (b is null)
        {
            _mark = m;
            return null;
        }
        var x = Extra(m);
        return new Lambda(a ?? EmptyArguments(), b, x.L, x.C, x.EL, x.EC);
    }
}
