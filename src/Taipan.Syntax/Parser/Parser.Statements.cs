// Parser/parser.c (statement rules of Grammar/python.gram)
using Taipan.Syntax.Ast;
using Attribute = Taipan.Syntax.Ast.Attribute;
using Tuple = Taipan.Syntax.Ast.Tuple;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Parser;

public sealed partial class Parser
{
    // Memo keys of the (memo) and left-recursive rules.
    private const int RSimpleStmt = 1, RBlock = 2, RClosedPattern = 3, RExpression = 4, RStarExpression = 5,
        RDisjunction = 6, RConjunction = 7, RInversion = 8, RFactor = 9, RAwaitPrimary = 10, RStrings = 11,
        RArguments = 12, RStarTarget = 13, RTargetWithStarAtom = 14, RDelTarget = 15, RStarPattern = 16,
        RInvalidNamedExpression = 17, RPrimary = 18, RTPrimary = 19, RBitwiseOr = 20, RBitwiseXor = 21,
        RBitwiseAnd = 22, RShiftExpr = 23, RSum = 24, RTerm = 25, RAttr = 26, RDottedName = 27;

    private static readonly StmtNode[] s_noStmts = [];
    private static readonly ExprNode[] s_noExprs = [];

    // file: [statements] ENDMARKER
    private Module? FileRule()
    {
        var a = Statements();
        if (!Accept(TokenKind.EndMarker))
        {
            return null;
        }
        return new Module(a ?? s_noStmts, []);
    }

    // interactive: statement_newline
    private Interactive? InteractiveRule()
    {
        var a = StatementNewline();
        return a is null ? null : new Interactive(a);
    }

    // eval: expressions NEWLINE* ENDMARKER
    private Expression? EvalRule()
    {
        var a = Expressions();
        if (a is null)
        {
            return null;
        }
        while (Accept(TokenKind.Newline))
        {
        }
        return Accept(TokenKind.EndMarker) ? new Expression(a) : null;
    }

    // func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER
    private FunctionType? FuncTypeRule()
    {
        if (!Accept(TokenKind.LPar))
        {
            return null;
        }
        var a = TypeExpressions();
        if (!Accept(TokenKind.RPar) || !Accept(TokenKind.RArrow))
        {
            return null;
        }
        var b = Expression();
        if (b is null)
        {
            return null;
        }
        while (Accept(TokenKind.Newline))
        {
        }
        return Accept(TokenKind.EndMarker) ? new FunctionType(a ?? s_noExprs, b) : null;
    }

    // statements: statement+
    private StmtNode[]? Statements()
    {
        List<StmtNode>? list = null;
        while (true)
        {
            var m = _mark;
            var s = Statement(out var single);
            if (s is null && single is null)
            {
                _mark = m;
                break;
            }
            list ??= new List<StmtNode>();
            if (single is not null)
            {
                list.Add(single);
            }
            else
            {
                list.AddRange(s!);
            }
        }
        return list?.ToArray();
    }

    // statement: compound_stmt | simple_stmts
    private StmtNode[]? Statement(out StmtNode? single)
    {
        single = CompoundStmt();
        if (single is not null)
        {
            return null;
        }
        return SimpleStmts();
    }

    // statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
    private StmtNode[]? StatementNewline()
    {
        var m = Begin();
        var c = CompoundStmt();
        if (c is not null && Accept(TokenKind.Newline))
        {
            return [c];
        }
        _mark = m;
        var s = SimpleStmts();
        if (s is not null)
        {
            return s;
        }
        _mark = m;
        if (Accept(TokenKind.Newline))
        {
            var x = Extra(m);
            return [new Pass(x.L, x.C, x.EL, x.EC)];
        }
        // ENDMARKER: _PyPegen_interactive_exit gives no statement, so the parse fails.
        return null;
    }

    // simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
    private StmtNode[]? SimpleStmts()
    {
        var m = _mark;
        var a = SimpleStmt();
        if (a is null)
        {
            return null;
        }
        if (!At(TokenKind.Semi) && Accept(TokenKind.Newline))
        {
            return [a];
        }
        var list = new List<StmtNode> { a };
        while (true)
        {
            var m2 = _mark;
            if (!Accept(TokenKind.Semi))
            {
                break;
            }
            var b = SimpleStmt();
            if (b is null)
            {
                _mark = m2;
                break;
            }
            list.Add(b);
        }
        Accept(TokenKind.Semi);
        if (!Accept(TokenKind.Newline))
        {
            _mark = m;
            return null;
        }
        return list.ToArray();
    }

    // simple_stmt (memo)
    private StmtNode? SimpleStmt()
    {
        if (IsMemoized(RSimpleStmt, out var memo))
        {
            return (StmtNode?)memo;
        }
        var m = _mark;
        Enter();
        var r = SimpleStmtRaw();
        Leave();
        if (r is null)
        {
            _mark = m;
        }
        Memoize(m, RSimpleStmt, r);
        return r;
    }

    private StmtNode? SimpleStmtRaw()
    {
        var m = Begin();
        var a = Assignment();
        if (a is not null)
        {
            return a;
        }
        _mark = m;
        var e = StarExpressions();
        if (e is not null)
        {
            var x = Extra(m);
            return new Expr(e, x.L, x.C, x.EL, x.EC);
        }
        _mark = m;
        switch (PeekKind())
        {
            case TokenKind.KwReturn:
                return ReturnStmt();
            case TokenKind.KwImport:
            case TokenKind.KwFrom:
                return ImportStmt();
            case TokenKind.KwRaise:
                return RaiseStmt();
            case TokenKind.KwPass:
            {
                _mark++;
                var x = Extra(m);
                return new Pass(x.L, x.C, x.EL, x.EC);
            }
            case TokenKind.KwDel:
                return DelStmt();
            case TokenKind.KwYield:
            {
                var y = YieldExpr();
                if (y is null)
                {
                    return null;
                }
                var x = Extra(m);
                return new Expr(y, x.L, x.C, x.EL, x.EC);
            }
            case TokenKind.KwAssert:
                return AssertStmt();
            case TokenKind.KwBreak:
            {
                _mark++;
                var x = Extra(m);
                return new Break(x.L, x.C, x.EL, x.EC);
            }
            case TokenKind.KwContinue:
            {
                _mark++;
                var x = Extra(m);
                return new Continue(x.L, x.C, x.EL, x.EC);
            }
            case TokenKind.KwGlobal:
            case TokenKind.KwNonlocal:
                return GlobalOrNonlocalStmt();
        }
        return null;
    }

    // compound_stmt
    private StmtNode? CompoundStmt()
    {
        var m = _mark;
        StmtNode? r;
        switch (PeekKind())
        {
            case TokenKind.KwDef:
                r = FunctionDef();
                break;
            case TokenKind.At:
                r = FunctionDef();
                if (r is null)
                {
                    _mark = m;
                    r = ClassDef();
                }
                break;
            case TokenKind.Async:
                r = FunctionDef();
                if (r is null)
                {
                    _mark = m;
                    r = WithStmt();
                }
                if (r is null)
                {
                    _mark = m;
                    r = ForStmt();
                }
                break;
            case TokenKind.KwIf:
                r = IfStmt();
                break;
            case TokenKind.KwClass:
                r = ClassDef();
                break;
            case TokenKind.KwWith:
                r = WithStmt();
                break;
            case TokenKind.KwFor:
                r = ForStmt();
                break;
            case TokenKind.KwTry:
                r = TryStmt();
                break;
            case TokenKind.KwWhile:
                r = WhileStmt();
                break;
            default:
                r = MatchStmt();
                break;
        }
        if (r is null)
        {
            _mark = m;
        }
        return r;
    }

    // assignment
    private StmtNode? Assignment()
    {
        var m = Begin();
        // NAME ':' expression ['=' annotated_rhs]
        var name = NameToken();
        if (name is not null && Accept(TokenKind.Colon))
        {
            var b = Expression();
            if (b is not null)
            {
                var c = OptionalAssignedRhs();
                var x = Extra(m);
                return new AnnAssign(SetExprContext(name, ExprContext.Store), b, c, 1, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = m;
        // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
        {
            ExprNode? t = null;
            if (Accept(TokenKind.LPar))
            {
                t = SingleTarget();
                if (t is null || !Accept(TokenKind.RPar))
                {
                    t = null;
                }
            }
            if (t is null)
            {
                _mark = m;
                t = SingleSubscriptAttributeTarget();
            }
            if (t is not null && Accept(TokenKind.Colon))
            {
                var b = Expression();
                if (b is not null)
                {
                    var c = OptionalAssignedRhs();
                    var x = Extra(m);
                    return new AnnAssign(t, b, c, 0, x.L, x.C, x.EL, x.EC);
                }
            }
        }
        _mark = m;
        // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
        {
            List<ExprNode>? targets = null;
            while (true)
            {
                var m2 = _mark;
                var z = StarTargets();
                if (z is null || !Accept(TokenKind.Equal))
                {
                    _mark = m2;
                    break;
                }
                (targets ??= new List<ExprNode>()).Add(z);
            }
            if (targets is not null)
            {
                var b = At(TokenKind.KwYield) ? YieldExpr() : null;
                b ??= StarExpressions();
                if (b is not null && !At(TokenKind.Equal))
                {
                    var x = Extra(m);
                    return new Assign(targets.ToArray(), b, null, x.L, x.C, x.EL, x.EC);
                }
            }
        }
        _mark = m;
        // single_target augassign ~ (yield_expr | star_expressions)
        {
            var a = SingleTarget();
            if (a is not null)
            {
                var op = AugAssignOp();
                if (op >= 0)
                {
                    var c = At(TokenKind.KwYield) ? YieldExpr() : null;
                    c ??= StarExpressions();
                    if (c is null)
                    {
                        return null; // cut
                    }
                    var x = Extra(m);
                    return new AugAssign(a, (OperatorKind)op, c, x.L, x.C, x.EL, x.EC);
                }
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidAssignment();
            _mark = m;
        }
        return null;
    }

    private ExprNode? OptionalAssignedRhs()
    {
        var m = _mark;
        if (Accept(TokenKind.Equal))
        {
            var d = AnnotatedRhs();
            if (d is not null)
            {
                return d;
            }
        }
        _mark = m;
        return null;
    }

    // annotated_rhs: yield_expr | star_expressions
    private ExprNode? AnnotatedRhs()
    {
        if (At(TokenKind.KwYield))
        {
            var y = YieldExpr();
            if (y is not null)
            {
                return y;
            }
        }
        return StarExpressions();
    }

    private int AugAssignOp()
    {
        OperatorKind op;
        switch (PeekKind())
        {
            case TokenKind.PlusEqual: op = OperatorKind.Add; break;
            case TokenKind.MinEqual: op = OperatorKind.Sub; break;
            case TokenKind.StarEqual: op = OperatorKind.Mult; break;
            case TokenKind.AtEqual: op = OperatorKind.MatMult; break;
            case TokenKind.SlashEqual: op = OperatorKind.Div; break;
            case TokenKind.PercentEqual: op = OperatorKind.Mod; break;
            case TokenKind.AmperEqual: op = OperatorKind.BitAnd; break;
            case TokenKind.VBarEqual: op = OperatorKind.BitOr; break;
            case TokenKind.CircumflexEqual: op = OperatorKind.BitXor; break;
            case TokenKind.LeftShiftEqual: op = OperatorKind.LShift; break;
            case TokenKind.RightShiftEqual: op = OperatorKind.RShift; break;
            case TokenKind.DoubleStarEqual: op = OperatorKind.Pow; break;
            case TokenKind.DoubleSlashEqual: op = OperatorKind.FloorDiv; break;
            default: return -1;
        }
        _mark++;
        return (int)op;
    }

    // return_stmt: 'return' [star_expressions]
    private StmtNode? ReturnStmt()
    {
        var m = Begin();
        if (!Accept(TokenKind.KwReturn))
        {
            return null;
        }
        var a = StarExpressions();
        var x = Extra(m);
        return new Return(a, x.L, x.C, x.EL, x.EC);
    }

    // raise_stmt: 'raise' expression ['from' expression] | 'raise'
    private StmtNode? RaiseStmt()
    {
        var m = Begin();
        if (!Accept(TokenKind.KwRaise))
        {
            return null;
        }
        var m2 = _mark;
        var a = Expression();
        if (a is not null)
        {
            ExprNode? b = null;
            var m3 = _mark;
            if (Accept(TokenKind.KwFrom))
            {
                b = Expression();
                if (b is null)
                {
                    _mark = m3;
                }
            }
            var x = Extra(m);
            return new Raise(a, b, x.L, x.C, x.EL, x.EC);
        }
        _mark = m2;
        var y = Extra(m);
        return new Raise(null, null, y.L, y.C, y.EL, y.EC);
    }

    // global_stmt / nonlocal_stmt: 'global' ','.NAME+
    private StmtNode? GlobalOrNonlocalStmt()
    {
        var m = Begin();
        var isGlobal = PeekKind() == TokenKind.KwGlobal;
        _mark++;
        var names = new List<string>();
        var first = NameId();
        if (first is null)
        {
            _mark = m;
            return null;
        }
        names.Add(first);
        while (true)
        {
            var m2 = _mark;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
            var n = NameId();
            if (n is null)
            {
                _mark = m2;
                break;
            }
            names.Add(n);
        }
        var x = Extra(m);
        return isGlobal
            ? new Global(names.ToArray(), x.L, x.C, x.EL, x.EC)
            : new Nonlocal(names.ToArray(), x.L, x.C, x.EL, x.EC);
    }

    // del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
    private StmtNode? DelStmt()
    {
        var m = Begin();
        if (Accept(TokenKind.KwDel))
        {
            var a = DelTargets();
            if (a is not null && (At(TokenKind.Semi) || At(TokenKind.Newline)))
            {
                var x = Extra(m);
                return new Delete(a, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidDelStmt();
            _mark = m;
        }
        return null;
    }

    // assert_stmt: 'assert' expression [',' expression]
    private StmtNode? AssertStmt()
    {
        var m = Begin();
        if (!Accept(TokenKind.KwAssert))
        {
            return null;
        }
        var a = Expression();
        if (a is null)
        {
            _mark = m;
            return null;
        }
        ExprNode? b = null;
        var m2 = _mark;
        if (Accept(TokenKind.Comma))
        {
            b = Expression();
            if (b is null)
            {
                _mark = m2;
            }
        }
        var x = Extra(m);
        return new Assert(a, b, x.L, x.C, x.EL, x.EC);
    }

    // import_stmt: import_name | import_from
    private StmtNode? ImportStmt()
    {
        var m = Begin();
        if (Accept(TokenKind.KwImport))
        {
            var a = DottedAsNames();
            if (a is null)
            {
                _mark = m;
                return null;
            }
            var x = Extra(m);
            return new Import(a, x.L, x.C, x.EL, x.EC);
        }
        if (!Accept(TokenKind.KwFrom))
        {
            return null;
        }
        var afterFrom = _mark;
        // 'from' ('.' | '...')* dotted_name 'import' import_from_targets
        var level = CountDots();
        var b = DottedName();
        if (b is not null && Accept(TokenKind.KwImport))
        {
            var c = ImportFromTargets();
            if (c is not null)
            {
                var x = Extra(m);
                return new ImportFrom(b, c, level, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = afterFrom;
        // 'from' ('.' | '...')+ 'import' import_from_targets
        var start = _mark;
        level = CountDots();
        if (_mark > start && Accept(TokenKind.KwImport))
        {
            var c = ImportFromTargets();
            if (c is not null)
            {
                var x = Extra(m);
                return new ImportFrom(null, c, level, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = m;
        return null;
    }

    /// <summary><c>_PyPegen_seq_count_dots</c> over <c>('.' | '...')*</c>.</summary>
    private int CountDots()
    {
        var n = 0;
        while (true)
        {
            var k = PeekKind();
            if (k == TokenKind.Dot)
            {
                n++;
            }
            else if (k == TokenKind.Ellipsis)
            {
                n += 3;
            }
            else
            {
                return n;
            }
            _mark++;
        }
    }

    // import_from_targets
    private Alias[]? ImportFromTargets()
    {
        var m = Begin();
        if (Accept(TokenKind.LPar))
        {
            var a = ImportFromAsNames();
            if (a is not null)
            {
                Accept(TokenKind.Comma);
                if (Accept(TokenKind.RPar))
                {
                    return a;
                }
            }
            _mark = m;
        }
        var b = ImportFromAsNames();
        if (b is not null && !At(TokenKind.Comma))
        {
            return b;
        }
        _mark = m;
        if (Accept(TokenKind.Star))
        {
            var x = Extra(m);
            return [new Alias("*", null, x.L, x.C, x.EL, x.EC)];
        }
        if (_callInvalidRules)
        {
            InvalidImportFromTargets();
            _mark = m;
        }
        return null;
    }

    // import_from_as_names: ','.import_from_as_name+
    private Alias[]? ImportFromAsNames()
    {
        var a = ImportFromAsName(dotted: false);
        if (a is null)
        {
            return null;
        }
        var list = new List<Alias> { a };
        while (true)
        {
            var m = _mark;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
            var b = ImportFromAsName(dotted: false);
            if (b is null)
            {
                _mark = m;
                break;
            }
            list.Add(b);
        }
        return list.ToArray();
    }

    // import_from_as_name: NAME ['as' NAME]; dotted_as_name: dotted_name ['as' NAME]
    private Alias? ImportFromAsName(bool dotted)
    {
        var m = Begin();
        var a = dotted ? DottedName() : NameId();
        if (a is null)
        {
            return null;
        }
        string? b = null;
        var m2 = _mark;
        if (Accept(TokenKind.KwAs))
        {
            b = NameId();
            if (b is null)
            {
                _mark = m2;
            }
        }
        var x = Extra(m);
        return new Alias(a, b, x.L, x.C, x.EL, x.EC);
    }

    // dotted_as_names: ','.dotted_as_name+
    private Alias[]? DottedAsNames()
    {
        var a = ImportFromAsName(dotted: true);
        if (a is null)
        {
            return null;
        }
        var list = new List<Alias> { a };
        while (true)
        {
            var m = _mark;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
            var b = ImportFromAsName(dotted: true);
            if (b is null)
            {
                _mark = m;
                break;
            }
            list.Add(b);
        }
        return list.ToArray();
    }

    // dotted_name: dotted_name '.' NAME | NAME (left-recursive, as a loop)
    private string? DottedName()
    {
        var a = NameId();
        if (a is null)
        {
            return null;
        }
        while (true)
        {
            var m = _mark;
            if (!Accept(TokenKind.Dot))
            {
                break;
            }
            var b = NameId();
            if (b is null)
            {
                _mark = m;
                break;
            }
            a = a + "." + b;
        }
        return a;
    }

    // block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
    private StmtNode[]? Block()
    {
        if (IsMemoized(RBlock, out var memo))
        {
            return (StmtNode[]?)memo;
        }
        var m = _mark;
        Enter();
        var r = BlockRaw();
        Leave();
        if (r is null)
        {
            _mark = m;
        }
        Memoize(m, RBlock, r);
        return r;
    }

    private StmtNode[]? BlockRaw()
    {
        var m = _mark;
        if (Accept(TokenKind.Newline) && Accept(TokenKind.Indent))
        {
            var a = Statements();
            if (a is not null && Accept(TokenKind.Dedent))
            {
                return a;
            }
        }
        _mark = m;
        var b = SimpleStmts();
        if (b is not null)
        {
            return b;
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidBlock();
            _mark = m;
        }
        return null;
    }

    // decorators: ('@' named_expression NEWLINE)+
    private ExprNode[]? Decorators()
    {
        List<ExprNode>? list = null;
        while (true)
        {
            var m = _mark;
            if (!Accept(TokenKind.At))
            {
                break;
            }
            var f = NamedExpression();
            if (f is null || !Accept(TokenKind.Newline))
            {
                _mark = m;
                break;
            }
            (list ??= new List<ExprNode>()).Add(f);
        }
        return list?.ToArray();
    }

    // class_def: decorators class_def_raw | class_def_raw
    private StmtNode? ClassDef()
    {
        var m = _mark;
        var d = Decorators();
        if (d is not null)
        {
            if (ClassDefRaw() is { } c)
            {
                c.DecoratorList = d;
                return c;
            }
            _mark = m;
            return null;
        }
        return ClassDefRaw();
    }

    // class_def_raw: invalid_class_def_raw | 'class' NAME ['(' [arguments] ')'] ':' block
    private ClassDef? ClassDefRaw()
    {
        var m = Begin();
        if (_callInvalidRules)
        {
            InvalidClassDefRaw();
            _mark = m;
        }
        if (!Accept(TokenKind.KwClass))
        {
            return null;
        }
        var a = NameId();
        if (a is null)
        {
            _mark = m;
            return null;
        }
        CallArgs? b = null;
        var hasParens = false;
        var m2 = _mark;
        if (Accept(TokenKind.LPar))
        {
            b = Arguments();
            if (Accept(TokenKind.RPar))
            {
                hasParens = true;
            }
            else
            {
                b = null;
                _mark = m2;
            }
        }
        if (!Accept(TokenKind.Colon))
        {
            _mark = m;
            return null;
        }
        var c = Block();
        if (c is null)
        {
            _mark = m;
            return null;
        }
        var x = Extra(m);
        _ = hasParens;
        return new ClassDef(a, b?.Args ?? s_noExprs, b?.Keywords ?? [], c, s_noExprs, x.L, x.C, x.EL, x.EC);
    }

    // function_def: decorators function_def_raw | function_def_raw
    private StmtNode? FunctionDef()
    {
        var m = _mark;
        var d = Decorators();
        if (d is not null)
        {
            var f = FunctionDefRaw();
            if (f is null)
            {
                _mark = m;
                return null;
            }
            if (f is FunctionDef fd)
            {
                fd.DecoratorList = d;
            }
            else
            {
                ((AsyncFunctionDef)f).DecoratorList = d;
            }
            return f;
        }
        return FunctionDefRaw();
    }

    // function_def_raw: invalid_def_raw | ['ASYNC'] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
    private StmtNode? FunctionDefRaw()
    {
        var m = Begin();
        if (_callInvalidRules)
        {
            InvalidDefRaw();
            _mark = m;
        }
        var isAsync = Accept(TokenKind.Async);
        if (!Accept(TokenKind.KwDef))
        {
            _mark = m;
            return null;
        }
        var n = NameId();
        if (n is null)
        {
            _mark = m;
            return null;
        }
        ExpectForced(TokenKind.LPar, "(");
        var prms = Params();
        if (!Accept(TokenKind.RPar))
        {
            _mark = m;
            return null;
        }
        ExprNode? ret = null;
        var m2 = _mark;
        if (Accept(TokenKind.RArrow))
        {
            ret = Expression();
            if (ret is null)
            {
                _mark = m2;
            }
        }
        ExpectForced(TokenKind.Colon, ":");
        var b = Block();
        if (b is null)
        {
            _mark = m;
            return null;
        }
        var x = Extra(m);
        var args = prms ?? EmptyArguments();
        return isAsync
            ? new AsyncFunctionDef(n, args, b, s_noExprs, ret, null, x.L, x.C, x.EL, x.EC)
            : new FunctionDef(n, args, b, s_noExprs, ret, null, x.L, x.C, x.EL, x.EC);
    }

    // if_stmt: invalid_if_stmt | 'if' named_expression ':' block elif_stmt | 'if' named_expression ':' block [else_block]
    private StmtNode? IfStmt() => IfOrElif(TokenKind.KwIf);

    // elif_stmt: the same with 'elif'
    private StmtNode? IfOrElif(TokenKind keyword)
    {
        var m = Begin();
        if (_callInvalidRules)
        {
            InvalidIfOrElifStmt(keyword);
            _mark = m;
        }
        if (!Accept(keyword))
        {
            return null;
        }
        var a = NamedExpression();
        if (a is null || !Accept(TokenKind.Colon))
        {
            _mark = m;
            return null;
        }
        var b = Block();
        if (b is null)
        {
            _mark = m;
            return null;
        }
        var afterBlock = _mark;
        if (At(TokenKind.KwElif))
        {
            var c = IfOrElif(TokenKind.KwElif);
            if (c is not null)
            {
                var x = Extra(m);
                return new If(a, b, [c], x.L, x.C, x.EL, x.EC);
            }
            _mark = afterBlock;
        }
        var e = ElseBlock();
        var y = Extra(m);
        return new If(a, b, e ?? s_noStmts, y.L, y.C, y.EL, y.EC);
    }

    // else_block: invalid_else_stmt | 'else' &&':' block
    private StmtNode[]? ElseBlock()
    {
        var m = _mark;
        if (_callInvalidRules)
        {
            InvalidElseStmt();
            _mark = m;
        }
        if (!Accept(TokenKind.KwElse))
        {
            return null;
        }
        ExpectForced(TokenKind.Colon, ":");
        var b = Block();
        if (b is null)
        {
            _mark = m;
        }
        return b;
    }

    // while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block]
    private StmtNode? WhileStmt()
    {
        var m = Begin();
        if (_callInvalidRules)
        {
            InvalidWhileStmt();
            _mark = m;
        }
        if (!Accept(TokenKind.KwWhile))
        {
            return null;
        }
        var a = NamedExpression();
        if (a is null || !Accept(TokenKind.Colon))
        {
            _mark = m;
            return null;
        }
        var b = Block();
        if (b is null)
        {
            _mark = m;
            return null;
        }
        var c = ElseBlock();
        var x = Extra(m);
        return new While(a, b, c ?? s_noStmts, x.L, x.C, x.EL, x.EC);
    }

    // for_stmt: invalid_for_stmt | [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block] | invalid_for_target
    private StmtNode? ForStmt()
    {
        var m = Begin();
        if (_callInvalidRules)
        {
            InvalidForStmt();
            _mark = m;
        }
        var isAsync = Accept(TokenKind.Async);
        if (Accept(TokenKind.KwFor))
        {
            var t = StarTargets();
            if (t is not null && Accept(TokenKind.KwIn))
            {
                // cut: from here a failure fails the whole rule
                var ex = StarExpressions();
                if (ex is null || !Accept(TokenKind.Colon))
                {
                    _mark = m;
                    return null;
                }
                var b = Block();
                if (b is null)
                {
                    _mark = m;
                    return null;
                }
                var el = ElseBlock();
                var x = Extra(m);
                return isAsync
                    ? new AsyncFor(t, ex, b, el ?? s_noStmts, null, x.L, x.C, x.EL, x.EC)
                    : new For(t, ex, b, el ?? s_noStmts, null, x.L, x.C, x.EL, x.EC);
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

    // with_stmt
    private StmtNode? WithStmt()
    {
        var m = Begin();
        if (_callInvalidRules)
        {
            InvalidWithStmtIndent();
            _mark = m;
        }
        var isAsync = Accept(TokenKind.Async);
        if (!Accept(TokenKind.KwWith))
        {
            _mark = m;
            return null;
        }
        var afterWith = _mark;
        // 'with' '(' ','.with_item+ ','? ')' ':' block
        if (Accept(TokenKind.LPar))
        {
            var items = WithItems();
            if (items is not null)
            {
                Accept(TokenKind.Comma);
                if (Accept(TokenKind.RPar) && Accept(TokenKind.Colon))
                {
                    var b = Block();
                    if (b is not null)
                    {
                        var x = Extra(m);
                        return isAsync
                            ? new AsyncWith(items, b, null, x.L, x.C, x.EL, x.EC)
                            : new With(items, b, null, x.L, x.C, x.EL, x.EC);
                    }
                }
            }
            _mark = afterWith;
        }
        // 'with' ','.with_item+ ':' [TYPE_COMMENT] block
        {
            var items = WithItems();
            if (items is not null && Accept(TokenKind.Colon))
            {
                var b = Block();
                if (b is not null)
                {
                    var x = Extra(m);
                    return isAsync
                        ? new AsyncWith(items, b, null, x.L, x.C, x.EL, x.EC)
                        : new With(items, b, null, x.L, x.C, x.EL, x.EC);
                }
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidWithStmt();
            _mark = m;
        }
        return null;
    }

    private WithItem[]? WithItems()
    {
        var a = WithItemRule();
        if (a is null)
        {
            return null;
        }
        var list = new List<WithItem> { a };
        while (true)
        {
            var m = _mark;
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
            var b = WithItemRule();
            if (b is null)
            {
                _mark = m;
                break;
            }
            list.Add(b);
        }
        return list.ToArray();
    }

    // with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression
    private WithItem? WithItemRule()
    {
        var m = _mark;
        var e = Expression();
        if (e is null)
        {
            return null;
        }
        var afterE = _mark;
        if (Accept(TokenKind.KwAs))
        {
            var t = StarTarget();
            if (t is not null)
            {
                var k = PeekKind();
                if (k == TokenKind.Comma || k == TokenKind.RPar || k == TokenKind.Colon)
                {
                    return new WithItem(e, t);
                }
            }
        }
        if (_callInvalidRules)
        {
            _mark = m;
            InvalidWithItem();
        }
        _mark = afterE;
        return new WithItem(e, null);
    }

    // try_stmt
    private StmtNode? TryStmt()
    {
        var m = Begin();
        if (_callInvalidRules)
        {
            InvalidTryStmt();
            _mark = m;
        }
        if (!Accept(TokenKind.KwTry))
        {
            return null;
        }
        ExpectForced(TokenKind.Colon, ":");
        var b = Block();
        if (b is null)
        {
            _mark = m;
            return null;
        }
        var afterBlock = _mark;
        // 'try' &&':' block finally_block
        var f = FinallyBlock();
        if (f is not null)
        {
            var x = Extra(m);
            return new Try(b, [], s_noStmts, f, x.L, x.C, x.EL, x.EC);
        }
        _mark = afterBlock;
        // 'try' &&':' block except_block+ [else_block] [finally_block]
        var handlers = ExceptBlocks(star: false);
        if (handlers is not null)
        {
            var el = ElseBlock();
            var fin = FinallyBlock();
            var x = Extra(m);
            return new Try(b, handlers, el ?? s_noStmts, fin ?? s_noStmts, x.L, x.C, x.EL, x.EC);
        }
        _mark = afterBlock;
        handlers = ExceptBlocks(star: true);
        if (handlers is not null)
        {
            var el = ElseBlock();
            var fin = FinallyBlock();
            var x = Extra(m);
            return new TryStar(b, handlers, el ?? s_noStmts, fin ?? s_noStmts, x.L, x.C, x.EL, x.EC);
        }
        _mark = m;
        return null;
    }

    private ExceptHandlerNode[]? ExceptBlocks(bool star)
    {
        List<ExceptHandlerNode>? list = null;
        while (true)
        {
            var m = _mark;
            var h = star ? ExceptStarBlock() : ExceptBlock();
            if (h is null)
            {
                _mark = m;
                break;
            }
            (list ??= new List<ExceptHandlerNode>()).Add(h);
        }
        return list?.ToArray();
    }

    // except_block
    private ExceptHandlerNode? ExceptBlock()
    {
        var m = Begin();
        if (_callInvalidRules)
        {
            InvalidExceptStmtIndent();
            _mark = m;
        }
        if (!Accept(TokenKind.KwExcept))
        {
            return null;
        }
        var afterExcept = _mark;
        // 'except' expression ['as' NAME] ':' block
        var e = Expression();
        if (e is not null)
        {
            var t = OptionalAsName();
            if (Accept(TokenKind.Colon))
            {
                var b = Block();
                if (b is not null)
                {
                    var x = Extra(m);
                    return new ExceptHandler(e, t, b, x.L, x.C, x.EL, x.EC);
                }
            }
        }
        _mark = afterExcept;
        // 'except' ':' block
        if (Accept(TokenKind.Colon))
        {
            var b = Block();
            if (b is not null)
            {
                var x = Extra(m);
                return new ExceptHandler(null, null, b, x.L, x.C, x.EL, x.EC);
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidExceptStmt();
            _mark = m;
        }
        return null;
    }

    // except_star_block
    private ExceptHandlerNode? ExceptStarBlock()
    {
        var m = Begin();
        if (_callInvalidRules)
        {
            InvalidExceptStarStmtIndent();
            _mark = m;
        }
        if (Accept(TokenKind.KwExcept) && Accept(TokenKind.Star))
        {
            var e = Expression();
            if (e is not null)
            {
                var t = OptionalAsName();
                if (Accept(TokenKind.Colon))
                {
                    var b = Block();
                    if (b is not null)
                    {
                        var x = Extra(m);
                        return new ExceptHandler(e, t, b, x.L, x.C, x.EL, x.EC);
                    }
                }
            }
        }
        _mark = m;
        if (_callInvalidRules)
        {
            InvalidExceptStmt();
            _mark = m;
        }
        return null;
    }

    private string? OptionalAsName()
    {
        var m = _mark;
        if (Accept(TokenKind.KwAs))
        {
            var n = NameId();
            if (n is not null)
            {
                return n;
            }
        }
        _mark = m;
        return null;
    }

    // finally_block: invalid_finally_stmt | 'finally' &&':' block
    private StmtNode[]? FinallyBlock()
    {
        var m = _mark;
        if (_callInvalidRules)
        {
            InvalidFinallyStmt();
            _mark = m;
        }
        if (!Accept(TokenKind.KwFinally))
        {
            return null;
        }
        ExpectForced(TokenKind.Colon, ":");
        var b = Block();
        if (b is null)
        {
            _mark = m;
        }
        return b;
    }
}
