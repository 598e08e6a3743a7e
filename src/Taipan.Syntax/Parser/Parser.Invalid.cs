// Parser/parser.c (the invalid_* rules of Grammar/python.gram, used by the second pass)
using Taipan.Syntax.Ast;
using Attribute = Taipan.Syntax.Ast.Attribute;
using Tuple = Taipan.Syntax.Ast.Tuple;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Parser;

public sealed partial class Parser
{
    // Each invalid_* rule either throws its SyntaxError or returns with the mark anywhere;
    // callers restore the mark.

    private enum TargetsType
    {
        StarTargets,
        DelTargets,
        ForTargets,
    }

    /// <summary><c>_PyPegen_get_invalid_target</c>.</summary>
    private static ExprNode? GetInvalidTarget(ExprNode? e, TargetsType type)
    {
        switch (e)
        {
            case null:
                return null;
            case List l:
                foreach (var x in l.Elts)
                {
                    if (GetInvalidTarget(x, type) is { } c)
                    {
                        return c;
                    }
                }
                return null;
            case Tuple t:
                foreach (var x in t.Elts)
                {
                    if (GetInvalidTarget(x, type) is { } c)
                    {
                        return c;
                    }
                }
                return null;
            case Starred s:
                return type == TargetsType.DelTargets ? e : GetInvalidTarget(s.Value, type);
            case Compare cmp:
                if (type == TargetsType.ForTargets)
                {
                    return cmp.Ops[0] == CmpOpKind.In ? GetInvalidTarget(cmp.Left, type) : null;
                }
                return e;
            case Name or Subscript or Attribute:
                return null;
            default:
                return e;
        }
    }

    /// <summary>RAISE_SYNTAX_ERROR_INVALID_TARGET.</summary>
    private void RaiseInvalidTarget(TargetsType type, ExprNode? e)
    {
        var t = GetInvalidTarget(e, type);
        if (t is not null)
        {
            var msg = type == TargetsType.DelTargets ? "cannot delete " : "cannot assign to ";
            throw RaiseErrorKnownLocation(t, msg + GetExprName(t));
        }
    }

    private static bool IsLegacyStmt(ExprNode a) => a is Name n && (n.Id == "print" || n.Id == "exec");

    private static ExprNode LastComprehensionItem(Comprehension c) => c.Ifs.Length == 0 ? c.Iter : c.Ifs[^1];

    // invalid_arguments
    private void InvalidArguments()
    {
        var m = _mark;
        // a=args ',' '*'
        var a = Args();
        if (a is not null && Accept(TokenKind.Comma) && Accept(TokenKind.Star))
        {
            throw RaiseRange(a.Pos, a.Pos, "iterable argument unpacking follows keyword argument unpacking");
        }
        _mark = m;
        // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
        var e = Expression();
        if (e is not null)
        {
            var b = ForIfClauses();
            if (b is not null && Accept(TokenKind.Comma))
            {
                // [args | expression for_if_clauses]: parsed (it may read to a tokenizer error) before the action.
                var m2 = _mark;
                if (Args() is null)
                {
                    _mark = m2;
                    if (Expression() is null || ForIfClauses() is null)
                    {
                        _mark = m2;
                    }
                }
                throw RaiseRange(PosOf(e), PosOf(LastComprehensionItem(b[^1])), "Generator expression must be parenthesized");
            }
        }
        _mark = m;
        // a=NAME b='=' expression for_if_clauses
        if (PeekKind() == TokenKind.Name)
        {
            var n = _mark++;
            var eq = Expect(TokenKind.Equal);
            if (eq >= 0 && Expression() is not null && ForIfClauses() is not null)
            {
                throw RaiseRange(PosOf(n), PosOf(eq), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
        }
        _mark = m;
        // a=args b=for_if_clauses
        a = Args();
        if (a is not null)
        {
            var b = ForIfClauses();
            if (b is not null && a.Args.Length > 1)
            {
                throw RaiseRange(PosOf(a.Args[^1]), PosOf(LastComprehensionItem(b[^1])), "Generator expression must be parenthesized");
            }
        }
        _mark = m;
        // args ',' a=expression b=for_if_clauses
        if (Args() is not null && Accept(TokenKind.Comma))
        {
            var e2 = Expression();
            if (e2 is not null)
            {
                var b = ForIfClauses();
                if (b is not null)
                {
                    throw RaiseRange(PosOf(e2), PosOf(LastComprehensionItem(b[^1])), "Generator expression must be parenthesized");
                }
            }
        }
        _mark = m;
        // a=args ',' args
        a = Args();
        if (a is not null && Accept(TokenKind.Comma) && Args() is not null)
        {
            var unpacking = false;
            foreach (var k in a.Keywords)
            {
                if (k.Arg is null)
                {
                    unpacking = true;
                }
            }
            throw RaiseError(unpacking ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument");
        }
        _mark = m;
    }

    // invalid_kwarg
    private void InvalidKwarg()
    {
        var m = _mark;
        var k = PeekKind();
        if (k == TokenKind.KwTrue || k == TokenKind.KwFalse || k == TokenKind.KwNone)
        {
            var a = _mark++;
            var b = Expect(TokenKind.Equal);
            if (b >= 0)
            {
                throw RaiseRange(PosOf(a), PosOf(b), "cannot assign to " + System.Text.Encoding.UTF8.GetString(TokenBytes(a)));
            }
        }
        _mark = m;
        if (PeekKind() == TokenKind.Name)
        {
            var a = _mark++;
            var b = Expect(TokenKind.Equal);
            if (b >= 0 && Expression() is not null && ForIfClauses() is not null)
            {
                throw RaiseRange(PosOf(a), PosOf(b), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
        }
        _mark = m;
        // !(NAME '=') a=expression b='='
        if (PeekKind() == TokenKind.Name)
        {
            _mark++;
            var nameEq = At(TokenKind.Equal);
            _mark = m;
            if (nameEq)
            {
                return;
            }
        }
        var e = Expression();
        if (e is not null)
        {
            var b = Expect(TokenKind.Equal);
            if (b >= 0)
            {
                throw RaiseRange(PosOf(e), PosOf(b), "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
        }
        _mark = m;
    }

    // expression_without_invalid
    private ExprNode? ExpressionWithoutInvalid()
    {
        var saved = _callInvalidRules;
        _callInvalidRules = false;
        var m = Begin();
        var r = ExpressionWithoutInvalid(m);
        _callInvalidRules = saved;
        return r;
    }

    // invalid_legacy_expression: NAME !'(' star_expressions
    private void InvalidLegacyExpression()
    {
        var m = _mark;
        var a = NameToken();
        if (a is null || At(TokenKind.LPar))
        {
            _mark = m;
            return;
        }
        var b = StarExpressions();
        if (b is not null && IsLegacyStmt(a))
        {
            throw RaiseRange(PosOf(a), PosOf(b), $"Missing parentheses in call to '{a.Id}'. Did you mean {a.Id}(...)?");
        }
        _mark = m;
    }

    // invalid_expression
    private void InvalidExpression()
    {
        var m = _mark;
        // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
        var skip = false;
        if (PeekKind() == TokenKind.Name)
        {
            // _PyPegen_soft_keyword_token compares with strncmp over the token's length, so
            // any prefix of a soft keyword ("m", "ca", ...) counts as one.
            var text = TokenBytes(m);
            if ("match"u8.StartsWith(text) || "case"u8.StartsWith(text) || "_"u8.StartsWith(text))
            {
                skip = true;
            }
            else
            {
                _mark++;
                skip = At(TokenKind.String);
                _mark = m;
            }
        }
        if (!skip)
        {
            var a = Disjunction();
            if (a is not null)
            {
                var b = ExpressionWithoutInvalid();
                if (b is not null && !IsLegacyStmt(a) && _levels[_mark - 1] != 0)
                {
                    throw RaiseRange(PosOf(a), PosOf(b), "invalid syntax. Perhaps you forgot a comma?");
                }
            }
        }
        _mark = m;
        // a=disjunction 'if' b=disjunction !('else'|':')
        var d = Disjunction();
        if (d is not null && Accept(TokenKind.KwIf))
        {
            var b = Disjunction();
            if (b is not null && !At(TokenKind.KwElse) && !At(TokenKind.Colon))
            {
                throw RaiseRange(PosOf(d), PosOf(b), "expected 'else' after 'if' expression");
            }
        }
        _mark = m;
    }

    // invalid_named_expression (memo)
    private void InvalidNamedExpression()
    {
        var m = _mark;
        if (IsMemoized(RInvalidNamedExpression, out _))
        {
            _mark = m;
            return;
        }
        // a=expression ':=' expression
        var a = Expression();
        if (a is not null && Accept(TokenKind.ColonEqual) && Expression() is not null)
        {
            throw RaiseErrorKnownLocation(a, "cannot use assignment expressions with " + GetExprName(a));
        }
        _mark = m;
        // a=NAME '=' b=bitwise_or !('='|':=')
        var n = NameToken();
        if (n is not null && Accept(TokenKind.Equal))
        {
            var b = BitwiseOr();
            if (b is not null && !At(TokenKind.Equal) && !At(TokenKind.ColonEqual))
            {
                throw RaiseRange(PosOf(n), PosOf(b), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
        }
        _mark = m;
        // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
        var excluded = false;
        switch (PeekKind())
        {
            case TokenKind.KwTrue:
            case TokenKind.KwNone:
            case TokenKind.KwFalse:
                excluded = true;
                break;
            case TokenKind.LSqb:
                excluded = ListRule() is not null;
                _mark = m;
                break;
            case TokenKind.LPar:
                excluded = TupleRule() is not null;
                _mark = m;
                if (!excluded)
                {
                    excluded = Genexp() is not null;
                    _mark = m;
                }
                break;
        }
        if (!excluded)
        {
            var e = BitwiseOr();
            if (e is not null && Accept(TokenKind.Equal) && BitwiseOr() is not null && !At(TokenKind.Equal) && !At(TokenKind.ColonEqual))
            {
                throw RaiseErrorKnownLocation(e, $"cannot assign to {GetExprName(e)} here. Maybe you meant '==' instead of '='?");
            }
        }
        _mark = m;
        Memoize(m, RInvalidNamedExpression, null);
    }

    // invalid_assignment
    private void InvalidAssignment()
    {
        var m = _mark;
        // a=invalid_ann_assign_target ':' expression
        var t = InvalidAnnAssignTarget();
        if (t is not null && Accept(TokenKind.Colon) && Expression() is not null)
        {
            throw RaiseErrorKnownLocation(t, $"only single target (not {GetExprName(t)}) can be annotated");
        }
        _mark = m;
        // a=star_named_expression ',' star_named_expressions* ':' expression
        var a = StarNamedExpression();
        if (a is not null && Accept(TokenKind.Comma))
        {
            while (StarNamedExpressions() is not null)
            {
            }
            if (Accept(TokenKind.Colon) && Expression() is not null)
            {
                throw RaiseErrorKnownLocation(a, "only single target (not tuple) can be annotated");
            }
        }
        _mark = m;
        // a=expression ':' expression
        var e = Expression();
        if (e is not null && Accept(TokenKind.Colon) && Expression() is not null)
        {
            throw RaiseErrorKnownLocation(e, "illegal target for annotation");
        }
        _mark = m;
        // (star_targets '=')* a=star_expressions '='
        SkipStarTargetsEquals();
        var se = StarExpressions();
        if (se is not null && At(TokenKind.Equal))
        {
            RaiseInvalidTarget(TargetsType.StarTargets, se);
        }
        _mark = m;
        // (star_targets '=')* a=yield_expr '='
        SkipStarTargetsEquals();
        var y = At(TokenKind.KwYield) ? YieldExpr() : null;
        if (y is not null && At(TokenKind.Equal))
        {
            throw RaiseErrorKnownLocation(y, "assignment to yield expression not possible");
        }
        _mark = m;
        // a=star_expressions augassign (yield_expr | star_expressions)
        se = StarExpressions();
        if (se is not null && AugAssignOp() >= 0)
        {
            var rhs = At(TokenKind.KwYield) ? YieldExpr() : null;
            rhs ??= StarExpressions();
            if (rhs is not null)
            {
                throw RaiseErrorKnownLocation(se, $"'{GetExprName(se)}' is an illegal expression for augmented assignment");
            }
        }
        _mark = m;
    }

    private void SkipStarTargetsEquals()
    {
        while (true)
        {
            var m = _mark;
            if (StarTargets() is null || !Accept(TokenKind.Equal))
            {
                _mark = m;
                return;
            }
        }
    }

    // invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
    private ExprNode? InvalidAnnAssignTarget()
    {
        var m = _mark;
        var l = ListRule();
        if (l is not null)
        {
            return l;
        }
        _mark = m;
        var t = TupleRule();
        if (t is not null)
        {
            return t;
        }
        _mark = m;
        if (Accept(TokenKind.LPar))
        {
            Enter();
            var a = InvalidAnnAssignTarget();
            Leave();
            if (a is not null && Accept(TokenKind.RPar))
            {
                return a;
            }
        }
        _mark = m;
        return null;
    }

    // invalid_del_stmt: 'del' star_expressions
    private void InvalidDelStmt()
    {
        if (Accept(TokenKind.KwDel))
        {
            var a = StarExpressions();
            if (a is not null)
            {
                RaiseInvalidTarget(TargetsType.DelTargets, a);
            }
        }
    }

    // invalid_block: NEWLINE !INDENT
    private void InvalidBlock()
    {
        if (Accept(TokenKind.Newline) && !At(TokenKind.Indent))
        {
            throw RaiseError("expected an indented block", "IndentationError");
        }
    }

    // invalid_comprehension
    private void InvalidComprehension()
    {
        var m = _mark;
        var k = PeekKind();
        if (k != TokenKind.LSqb && k != TokenKind.LPar && k != TokenKind.LBrace)
        {
            return;
        }
        _mark++;
        var a = StarredExpression();
        if (a is not null && ForIfClauses() is not null)
        {
            throw RaiseErrorKnownLocation(a, "iterable unpacking cannot be used in comprehension");
        }
        if (k == TokenKind.LPar)
        {
            return;
        }
        _mark = m + 1;
        var s = StarNamedExpression();
        if (s is not null && At(TokenKind.Comma))
        {
            var comma = _mark++;
            var afterComma = _mark;
            var b = StarNamedExpressions();
            if (b is not null && ForIfClauses() is not null)
            {
                throw RaiseRange(PosOf(s), PosOf(b[^1]), "did you forget parentheses around the comprehension target?");
            }
            _mark = afterComma;
            if (ForIfClauses() is not null)
            {
                throw RaiseRange(PosOf(s), PosOf(comma), "did you forget parentheses around the comprehension target?");
            }
        }
    }

    // invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}'
    private void InvalidDictComprehension()
    {
        if (Accept(TokenKind.LBrace))
        {
            var a = Expect(TokenKind.DoubleStar);
            if (a >= 0 && BitwiseOr() is not null && ForIfClauses() is not null && Accept(TokenKind.RBrace))
            {
                throw RaiseErrorKnownLocation(a, "dict unpacking cannot be used in dict comprehension");
            }
        }
    }

    // invalid_parameters / invalid_lambda_parameters
    private void InvalidParameters() => InvalidParametersCommon(lambda: false);

    private void InvalidLambdaParameters() => InvalidParametersCommon(lambda: true);

    private void InvalidParametersCommon(bool lambda)
    {
        var m = _mark;
        // param_no_default* invalid_parameters_helper a=param_no_default
        ParamNoDefaultStar(lambda);
        var afterPlain = _mark;
        if (InvalidParametersHelper(lambda))
        {
            var p = ParamNoDefault(lambda);
            if (p is not null)
            {
                throw RaiseErrorKnownLocation(p, "non-default argument follows default argument");
            }
        }
        _mark = afterPlain;
        // param_no_default* a='(' param_no_default+ ','? b=')'
        var lp = Expect(TokenKind.LPar);
        if (lp >= 0)
        {
            bool ok;
            if (lambda)
            {
                // ','.lambda_param+
                ok = Param(true) is not null;
                while (ok)
                {
                    var m2 = _mark;
                    if (!Accept(TokenKind.Comma) || Param(true) is null)
                    {
                        _mark = m2;
                        break;
                    }
                }
            }
            else
            {
                ok = ParamNoDefaultStar(false) is not null;
            }
            if (ok)
            {
                Accept(TokenKind.Comma);
                var rp = Expect(TokenKind.RPar);
                if (rp >= 0)
                {
                    throw RaiseRange(PosOf(lp), PosOf(rp), lambda
                        ? "Lambda expression parameters cannot be parenthesized"
                        : "Function parameters cannot be parenthesized");
                }
            }
        }
        _mark = m;
        // a="/" ','
        if (PeekKind() == TokenKind.Slash)
        {
            var a = _mark++;
            if (Accept(TokenKind.Comma))
            {
                throw RaiseErrorKnownLocation(a, "at least one argument must precede /");
            }
        }
        _mark = m;
        // (slash_no_default | slash_with_default) param_maybe_default* a='/'
        if (SlashNoDefault(lambda) is not null || Reset(m, SlashWithDefaultRule(lambda) is not null))
        {
            ParamMaybeDefaultStar(lambda);
            var a = Expect(TokenKind.Slash);
            if (a >= 0)
            {
                throw RaiseErrorKnownLocation(a, "/ may appear only once");
            }
        }
        _mark = m;
        // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default) param_maybe_default* a='/'
        if (SlashNoDefault(lambda) is null)
        {
            _mark = m;
            if (SlashWithDefaultRule(lambda) is null)
            {
                _mark = m;
            }
        }
        ParamMaybeDefaultStar(lambda);
        if (Accept(TokenKind.Star) && (Accept(TokenKind.Comma) || ParamNoDefault(lambda) is not null))
        {
            ParamMaybeDefaultStar(lambda);
            var a = Expect(TokenKind.Slash);
            if (a >= 0)
            {
                throw RaiseErrorKnownLocation(a, "/ must be ahead of *");
            }
        }
        _mark = m;
        // param_maybe_default+ '/' a='*'
        if (ParamMaybeDefaultStar(lambda) is not null && Accept(TokenKind.Slash))
        {
            var a = Expect(TokenKind.Star);
            if (a >= 0)
            {
                throw RaiseErrorKnownLocation(a, "expected comma between / and *");
            }
        }
        _mark = m;
    }

    /// <summary>Resets the mark when <paramref name="ok"/> is false; returns it.</summary>
    private bool Reset(int m, bool ok)
    {
        if (!ok)
        {
            _mark = m;
        }
        return ok;
    }

    // invalid_parameters_helper: slash_with_default | param_with_default+
    private bool InvalidParametersHelper(bool lambda)
    {
        var m = _mark;
        if (SlashWithDefaultRule(lambda) is not null)
        {
            return true;
        }
        _mark = m;
        return ParamWithDefaultStar(lambda) is not null;
    }

    // invalid_default: a='=' &(')'|',')
    private void InvalidDefault()
    {
        var a = Expect(TokenKind.Equal);
        if (a >= 0 && (At(TokenKind.RPar) || At(TokenKind.Comma)))
        {
            throw RaiseErrorKnownLocation(a, "expected default value expression");
        }
    }

    // invalid_star_etc
    private void InvalidStarEtc()
    {
        var m = _mark;
        var a = Expect(TokenKind.Star);
        if (a < 0)
        {
            return;
        }
        // '*' (')' | ',' (')' | '**'))
        if (At(TokenKind.RPar))
        {
            throw RaiseErrorKnownLocation(a, "named arguments must follow bare *");
        }
        if (Accept(TokenKind.Comma) && (At(TokenKind.RPar) || At(TokenKind.DoubleStar)))
        {
            throw RaiseErrorKnownLocation(a, "named arguments must follow bare *");
        }
        _mark = m + 1;
        // '*' param a='='
        if (Param(false) is not null)
        {
            var eq = Expect(TokenKind.Equal);
            if (eq >= 0)
            {
                throw RaiseErrorKnownLocation(eq, "var-positional argument cannot have default value");
            }
        }
        _mark = m + 1;
        // '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
        if (ParamNoDefault(false) is not null || Accept(TokenKind.Comma))
        {
            ParamMaybeDefaultStar(false);
            var s = Expect(TokenKind.Star);
            if (s >= 0 && (ParamNoDefault(false) is not null || Accept(TokenKind.Comma)))
            {
                throw RaiseErrorKnownLocation(s, "* argument may appear only once");
            }
        }
    }

    // invalid_lambda_star_etc
    private void InvalidLambdaStarEtc()
    {
        var m = _mark;
        if (!Accept(TokenKind.Star))
        {
            return;
        }
        // '*' (':' | ',' (':' | '**'))
        if (At(TokenKind.Colon))
        {
            throw RaiseError("named arguments must follow bare *");
        }
        if (Accept(TokenKind.Comma) && (At(TokenKind.Colon) || At(TokenKind.DoubleStar)))
        {
            throw RaiseError("named arguments must follow bare *");
        }
        _mark = m + 1;
        if (Param(true) is not null)
        {
            var eq = Expect(TokenKind.Equal);
            if (eq >= 0)
            {
                throw RaiseErrorKnownLocation(eq, "var-positional argument cannot have default value");
            }
        }
        _mark = m + 1;
        if (ParamNoDefault(true) is not null || Accept(TokenKind.Comma))
        {
            ParamMaybeDefaultStar(true);
            var s = Expect(TokenKind.Star);
            if (s >= 0 && (ParamNoDefault(true) is not null || Accept(TokenKind.Comma)))
            {
                throw RaiseErrorKnownLocation(s, "* argument may appear only once");
            }
        }
    }

    // invalid_kwds / invalid_lambda_kwds
    private void InvalidKwds() => InvalidKwdsCommon(false);

    private void InvalidLambdaKwds() => InvalidKwdsCommon(true);

    private void InvalidKwdsCommon(bool lambda)
    {
        if (!Accept(TokenKind.DoubleStar) || Param(lambda) is null)
        {
            return;
        }
        var afterParam = _mark;
        var eq = Expect(TokenKind.Equal);
        if (eq >= 0)
        {
            throw RaiseErrorKnownLocation(eq, "var-keyword argument cannot have default value");
        }
        if (Accept(TokenKind.Comma))
        {
            var afterComma = _mark;
            var a = Param(lambda);
            if (a is not null)
            {
                throw RaiseErrorKnownLocation(a, "arguments cannot follow var-keyword argument");
            }
            _mark = afterComma;
            var k = PeekKind();
            if (k == TokenKind.Star || k == TokenKind.DoubleStar || k == TokenKind.Slash)
            {
                throw RaiseErrorKnownLocation(_mark, "arguments cannot follow var-keyword argument");
            }
        }
        _mark = afterParam;
    }

    // invalid_with_item: expression 'as' a=expression &(',' | ')' | ':')
    private void InvalidWithItem()
    {
        if (Expression() is not null && Accept(TokenKind.KwAs))
        {
            var a = Expression();
            if (a is not null && (At(TokenKind.Comma) || At(TokenKind.RPar) || At(TokenKind.Colon)))
            {
                RaiseInvalidTarget(TargetsType.StarTargets, a);
            }
        }
    }

    // invalid_for_target: ASYNC? 'for' a=star_expressions
    private void InvalidForTarget()
    {
        Accept(TokenKind.Async);
        if (Accept(TokenKind.KwFor))
        {
            var a = StarExpressions();
            if (a is not null)
            {
                RaiseInvalidTarget(TargetsType.ForTargets, a);
            }
        }
    }

    // invalid_group
    private void InvalidGroup()
    {
        var m = _mark;
        if (!Accept(TokenKind.LPar))
        {
            return;
        }
        var a = StarredExpression();
        if (a is not null && Accept(TokenKind.RPar))
        {
            throw RaiseErrorKnownLocation(a, "cannot use starred expression here");
        }
        _mark = m + 1;
        var ds = Expect(TokenKind.DoubleStar);
        if (ds >= 0 && Expression() is not null && Accept(TokenKind.RPar))
        {
            throw RaiseErrorKnownLocation(ds, "cannot use double starred expression here");
        }
    }

    // invalid_import_from_targets: import_from_as_names ',' NEWLINE
    private void InvalidImportFromTargets()
    {
        if (ImportFromAsNames() is not null && Accept(TokenKind.Comma) && Accept(TokenKind.Newline))
        {
            throw RaiseError("trailing comma not allowed without surrounding parentheses");
        }
    }

    /// <summary><c>','.(expression ['as' star_target])+</c> or, parenthesized, with
    /// <c>expressions</c>.</summary>
    private bool WithItemsLoose(bool parenthesized)
    {
        var any = false;
        while (true)
        {
            var m = _mark;
            if (any && !Accept(TokenKind.Comma))
            {
                return any;
            }
            var e = parenthesized ? Expressions() : Expression();
            if (e is null)
            {
                _mark = m;
                return any;
            }
            var m2 = _mark;
            if (!Accept(TokenKind.KwAs) || StarTarget() is null)
            {
                _mark = m2;
            }
            any = true;
        }
    }

    // invalid_with_stmt
    private void InvalidWithStmt()
    {
        var m = _mark;
        Accept(TokenKind.Async);
        if (!Accept(TokenKind.KwWith))
        {
            return;
        }
        var afterWith = _mark;
        if (WithItemsLoose(false) && Accept(TokenKind.Newline))
        {
            throw RaiseError("expected ':'");
        }
        _mark = afterWith;
        if (Accept(TokenKind.LPar) && WithItemsLoose(true))
        {
            Accept(TokenKind.Comma);
            if (Accept(TokenKind.RPar) && Accept(TokenKind.Newline))
            {
                throw RaiseError("expected ':'");
            }
        }
        _mark = m;
    }

    // invalid_with_stmt_indent
    private void InvalidWithStmtIndent()
    {
        Accept(TokenKind.Async);
        var a = Expect(TokenKind.KwWith);
        if (a < 0)
        {
            return;
        }
        var afterWith = _mark;
        if (WithItemsLoose(false) && Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
        {
            throw RaiseError($"expected an indented block after 'with' statement on line {_tokens[a].Lineno}", "IndentationError");
        }
        _mark = afterWith;
        if (Accept(TokenKind.LPar) && WithItemsLoose(true))
        {
            Accept(TokenKind.Comma);
            if (Accept(TokenKind.RPar) && Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
            {
                throw RaiseError($"expected an indented block after 'with' statement on line {_tokens[a].Lineno}", "IndentationError");
            }
        }
    }

    // invalid_try_stmt
    private void InvalidTryStmt()
    {
        var m = _mark;
        var a = Expect(TokenKind.KwTry);
        if (a < 0)
        {
            return;
        }
        if (Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
        {
            throw RaiseError($"expected an indented block after 'try' statement on line {_tokens[a].Lineno}", "IndentationError");
        }
        _mark = m + 1;
        if (Accept(TokenKind.Colon) && Block() is not null && !At(TokenKind.KwExcept) && !At(TokenKind.KwFinally))
        {
            throw RaiseError("expected 'except' or 'finally' block");
        }
        _mark = m + 1;
        if (!Accept(TokenKind.Colon))
        {
            return;
        }
        var afterColon = _mark;
        // 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
        while (Block() is not null)
        {
        }
        if (ExceptBlocks(star: false) is not null)
        {
            var ex = Expect(TokenKind.KwExcept);
            var st = ex >= 0 ? Expect(TokenKind.Star) : -1;
            if (st >= 0 && Expression() is not null)
            {
                OptionalAsName();
                if (Accept(TokenKind.Colon))
                {
                    throw RaiseRange(PosOf(ex), PosOf(st), "cannot have both 'except' and 'except*' on the same 'try'");
                }
            }
        }
        _mark = afterColon;
        // 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':'
        while (Block() is not null)
        {
        }
        if (ExceptBlocks(star: true) is not null)
        {
            var ex = Expect(TokenKind.KwExcept);
            if (ex >= 0)
            {
                var m2 = _mark;
                if (Expression() is not null)
                {
                    OptionalAsName();
                }
                else
                {
                    _mark = m2;
                }
                if (Accept(TokenKind.Colon))
                {
                    throw RaiseErrorKnownLocation(ex, "cannot have both 'except' and 'except*' on the same 'try'");
                }
            }
        }
        _mark = m;
    }

    // invalid_except_stmt
    private void InvalidExceptStmt()
    {
        var m = _mark;
        if (!Accept(TokenKind.KwExcept))
        {
            return;
        }
        var afterExcept = _mark;
        // 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
        Accept(TokenKind.Star);
        var a = Expression();
        if (a is not null && Accept(TokenKind.Comma) && Expressions() is not null)
        {
            OptionalAsName();
            if (Accept(TokenKind.Colon))
            {
                throw RaiseStartingFrom(PosOf(a), "multiple exception types must be parenthesized");
            }
        }
        _mark = afterExcept;
        // a='except' '*'? expression ['as' NAME ] NEWLINE
        Accept(TokenKind.Star);
        if (Expression() is not null)
        {
            OptionalAsName();
            if (Accept(TokenKind.Newline))
            {
                throw RaiseError("expected ':'");
            }
        }
        _mark = afterExcept;
        // a='except' NEWLINE
        if (Accept(TokenKind.Newline))
        {
            throw RaiseError("expected ':'");
        }
        // a='except' '*' (NEWLINE | ':')
        if (Accept(TokenKind.Star) && (Accept(TokenKind.Newline) || Accept(TokenKind.Colon)))
        {
            throw RaiseError("expected one or more exception types");
        }
        _mark = m;
    }

    // invalid_finally_stmt: a='finally' ':' NEWLINE !INDENT
    private void InvalidFinallyStmt()
    {
        var a = Expect(TokenKind.KwFinally);
        if (a >= 0 && Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
        {
            throw RaiseError($"expected an indented block after 'finally' statement on line {_tokens[a].Lineno}", "IndentationError");
        }
    }

    // invalid_except_stmt_indent
    private void InvalidExceptStmtIndent()
    {
        var a = Expect(TokenKind.KwExcept);
        if (a < 0)
        {
            return;
        }
        if (Expression() is not null)
        {
            OptionalAsName();
            if (Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
            {
                throw RaiseError($"expected an indented block after 'except' statement on line {_tokens[a].Lineno}", "IndentationError");
            }
        }
        _mark = a + 1;
        if (Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
        {
            throw RaiseError($"expected an indented block after 'except' statement on line {_tokens[a].Lineno}", "IndentationError");
        }
    }

    // invalid_except_star_stmt_indent
    private void InvalidExceptStarStmtIndent()
    {
        var a = Expect(TokenKind.KwExcept);
        if (a >= 0 && Accept(TokenKind.Star) && Expression() is not null)
        {
            OptionalAsName();
            if (Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
            {
                throw RaiseError($"expected an indented block after 'except*' statement on line {_tokens[a].Lineno}", "IndentationError");
            }
        }
    }

    // invalid_match_stmt
    private void InvalidMatchStmt()
    {
        var m = _mark;
        var a = ExpectSoftKeyword("match"u8);
        if (a < 0)
        {
            return;
        }
        if (SubjectExpr() is not null)
        {
            var afterSubject = _mark;
            if (Accept(TokenKind.Newline))
            {
                throw RaiseError("expected ':'");
            }
            _mark = afterSubject;
            if (Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
            {
                throw RaiseError($"expected an indented block after 'match' statement on line {_tokens[a].Lineno}", "IndentationError");
            }
        }
        _mark = m;
    }

    // invalid_case_block
    private void InvalidCaseBlock()
    {
        var a = ExpectSoftKeyword("case"u8);
        if (a < 0 || Patterns() is null)
        {
            return;
        }
        Guard();
        var afterGuard = _mark;
        if (Accept(TokenKind.Newline))
        {
            throw RaiseError("expected ':'");
        }
        _mark = afterGuard;
        if (Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
        {
            throw RaiseError($"expected an indented block after 'case' statement on line {_tokens[a].Lineno}", "IndentationError");
        }
    }

    // invalid_as_pattern
    private void InvalidAsPattern()
    {
        if (OrPattern() is null || !Accept(TokenKind.KwAs))
        {
            return;
        }
        var afterAs = _mark;
        var u = ExpectSoftKeyword("_"u8);
        if (u >= 0)
        {
            throw RaiseErrorKnownLocation(u, "cannot use '_' as a target");
        }
        if (PeekKind() != TokenKind.Name)
        {
            var a = Expression();
            if (a is not null)
            {
                throw RaiseErrorKnownLocation(a, "invalid pattern target");
            }
        }
        _mark = afterAs;
    }

    // invalid_class_pattern: name_or_attr '(' a=invalid_class_argument_pattern
    private void InvalidClassPattern()
    {
        if (NameOrAttr() is null || !Accept(TokenKind.LPar))
        {
            return;
        }
        // invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns ',' a=positional_patterns
        var m = _mark;
        if (PositionalPatterns() is null || !Accept(TokenKind.Comma))
        {
            _mark = m;
        }
        if (KeywordPatterns() is not null && Accept(TokenKind.Comma))
        {
            var a = PositionalPatterns();
            if (a is not null)
            {
                throw RaiseRange(PosOf(a[0]), PosOf(a[^1]), "positional patterns follow keyword patterns");
            }
        }
    }

    // invalid_if_stmt / invalid_elif_stmt
    private void InvalidIfOrElifStmt(TokenKind keyword)
    {
        var a = Expect(keyword);
        if (a < 0 || NamedExpression() is null)
        {
            return;
        }
        var afterExpr = _mark;
        if (Accept(TokenKind.Newline))
        {
            throw RaiseError("expected ':'");
        }
        _mark = afterExpr;
        if (Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
        {
            // invalid_if_stmt binds a twice in the grammar, so its line is the condition's.
            var line = _tokens[a].Lineno;
            var word = keyword == TokenKind.KwIf ? "if" : "elif";
            throw RaiseError($"expected an indented block after '{word}' statement on line {line}", "IndentationError");
        }
    }

    // invalid_else_stmt: a='else' ':' NEWLINE !INDENT
    private void InvalidElseStmt()
    {
        var a = Expect(TokenKind.KwElse);
        if (a >= 0 && Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
        {
            throw RaiseError($"expected an indented block after 'else' statement on line {_tokens[a].Lineno}", "IndentationError");
        }
    }

    // invalid_while_stmt
    private void InvalidWhileStmt()
    {
        var a = Expect(TokenKind.KwWhile);
        if (a < 0 || NamedExpression() is null)
        {
            return;
        }
        var afterExpr = _mark;
        if (Accept(TokenKind.Newline))
        {
            throw RaiseError("expected ':'");
        }
        _mark = afterExpr;
        if (Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
        {
            throw RaiseError($"expected an indented block after 'while' statement on line {_tokens[a].Lineno}", "IndentationError");
        }
    }

    // invalid_for_stmt
    private void InvalidForStmt()
    {
        Accept(TokenKind.Async);
        var a = Expect(TokenKind.KwFor);
        if (a < 0 || StarTargets() is null || !Accept(TokenKind.KwIn) || StarExpressions() is null)
        {
            return;
        }
        var afterExpr = _mark;
        if (Accept(TokenKind.Newline))
        {
            throw RaiseError("expected ':'");
        }
        _mark = afterExpr;
        if (Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
        {
            throw RaiseError($"expected an indented block after 'for' statement on line {_tokens[a].Lineno}", "IndentationError");
        }
    }

    // invalid_def_raw: [ASYNC] a='def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
    private void InvalidDefRaw()
    {
        Accept(TokenKind.Async);
        var a = Expect(TokenKind.KwDef);
        if (a < 0 || NameId() is null || !Accept(TokenKind.LPar))
        {
            return;
        }
        Params();
        if (!Accept(TokenKind.RPar))
        {
            return;
        }
        var m = _mark;
        if (!Accept(TokenKind.RArrow) || Expression() is null)
        {
            _mark = m;
        }
        if (Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
        {
            throw RaiseError($"expected an indented block after function definition on line {_tokens[a].Lineno}", "IndentationError");
        }
    }

    // invalid_class_def_raw
    private void InvalidClassDefRaw()
    {
        var a = Expect(TokenKind.KwClass);
        if (a < 0 || NameId() is null)
        {
            return;
        }
        var m = _mark;
        if (Accept(TokenKind.LPar))
        {
            Arguments();
            if (!Accept(TokenKind.RPar))
            {
                _mark = m;
            }
        }
        var afterHead = _mark;
        if (Accept(TokenKind.Newline))
        {
            throw RaiseError("expected ':'");
        }
        _mark = afterHead;
        if (Accept(TokenKind.Colon) && Accept(TokenKind.Newline) && !At(TokenKind.Indent))
        {
            throw RaiseError($"expected an indented block after class definition on line {_tokens[a].Lineno}", "IndentationError");
        }
    }

    // invalid_double_starred_kvpairs
    private void InvalidDoubleStarredKvpairs()
    {
        var m = _mark;
        // ','.double_starred_kvpair+ ',' invalid_kvpair
        if (DoubleStarredKvpair() is not null)
        {
            while (true)
            {
                var m2 = _mark;
                if (!Accept(TokenKind.Comma) || DoubleStarredKvpair() is null)
                {
                    _mark = m2;
                    break;
                }
            }
            if (Accept(TokenKind.Comma))
            {
                InvalidKvpair();
            }
        }
        _mark = m;
        // expression ':' a='*' bitwise_or
        var e = Expression();
        if (e is not null && Accept(TokenKind.Colon))
        {
            var afterColon = _mark;
            var a = Expect(TokenKind.Star);
            if (a >= 0 && BitwiseOr() is not null)
            {
                throw RaiseStartingFrom(PosOf(a), "cannot use a starred expression in a dictionary value");
            }
            _mark = afterColon;
            if (At(TokenKind.RBrace) || At(TokenKind.Comma))
            {
                throw RaiseErrorKnownLocation(afterColon - 1, "expression expected after dictionary key and ':'");
            }
        }
        _mark = m;
    }

    // invalid_kvpair
    private void InvalidKvpair()
    {
        var m = _mark;
        var a = Expression();
        if (a is null)
        {
            return;
        }
        if (!At(TokenKind.Colon))
        {
            throw MakeError("SyntaxError", "':' expected after dictionary key", a.Lineno, a.EndColOffset, a.EndLineno, 0);
        }
        _mark++;
        var afterColon = _mark;
        var s = Expect(TokenKind.Star);
        if (s >= 0 && BitwiseOr() is not null)
        {
            throw RaiseStartingFrom(PosOf(s), "cannot use a starred expression in a dictionary value");
        }
        _mark = afterColon;
        if (At(TokenKind.RBrace) || At(TokenKind.Comma))
        {
            throw RaiseErrorKnownLocation(afterColon - 1, "expression expected after dictionary key and ':'");
        }
        _mark = m;
    }
}
