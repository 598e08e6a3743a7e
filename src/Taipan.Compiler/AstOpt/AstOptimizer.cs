// Python/ast_opt.c
using System.Text;
using Taipan.Bytecode;
using Taipan.Compiler.Future;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Compiler.AstOpt;

/// <summary>The AST optimizer that runs before the symbol table: folds constant
/// expressions, tuples and subscripts of constants, turns literal lists and sets that are
/// only iterated or tested into tuples and frozensets, rewrites simple %-formatting into
/// f-strings, and replaces <c>__debug__</c> by its value.</summary>
internal sealed class AstOptimizer
{
    private const int RecursionLimit = 3000;

    private readonly int _optimize;
    private readonly bool _futureAnnotations;
    private int _depth;

    private AstOptimizer(int optimize, CompilerFlags features)
    {
        _optimize = optimize;
        _futureAnnotations = (features & CompilerFlags.FutureAnnotations) != 0;
    }

    public static void Optimize(ModNode mod, int optimize, CompilerFlags features)
    {
        var o = new AstOptimizer(optimize, features);
        switch (mod)
        {
            case Module m:
                o.Body(m.Body);
                break;
            case Interactive i:
                o.Stmts(i.Body);
                break;
            case Expression e:
                e.Body = o.Expr(e.Body);
                break;
        }
    }

    private void Enter()
    {
        if (++_depth > RecursionLimit)
        {
            throw new PythonException("RecursionError", "maximum recursion depth exceeded during compilation");
        }
    }

    private static Constant MakeConst(ExprNode node, object value) =>
        new(value, null, node.Lineno, node.ColOffset, node.EndLineno, node.EndColOffset);

    private static bool IsDocString(StmtNode[] body) =>
        body.Length > 0 && body[0] is Expr { Value: Constant { Value: string or CodePointStr } };

    /// <summary>astfold_body: folding must not create a docstring that was not there
    /// (<c>"a" + "b"</c> as the first statement stays a non-docstring).</summary>
    private void Body(StmtNode[] stmts)
    {
        bool docstring = IsDocString(stmts);
        Stmts(stmts);
        if (!docstring && IsDocString(stmts))
        {
            var st = (Expr)stmts[0];
            st.Value = new JoinedStr([st.Value], st.Lineno, st.ColOffset, st.EndLineno, st.EndColOffset);
        }
    }

    private void Stmts(StmtNode[] stmts)
    {
        foreach (var s in stmts)
        {
            Stmt(s);
        }
    }

    private void Exprs(ExprNode?[] exprs)
    {
        for (int i = 0; i < exprs.Length; i++)
        {
            if (exprs[i] is { } e)
            {
                exprs[i] = Expr(e);
            }
        }
    }

    private ExprNode? Opt(ExprNode? e) => e is null ? null : Expr(e);

    private void Arguments(Arguments a)
    {
        foreach (var arg in a.PosOnlyArgs)
        {
            Arg(arg);
        }
        foreach (var arg in a.Args)
        {
            Arg(arg);
        }
        if (a.VarArg is not null)
        {
            Arg(a.VarArg);
        }
        foreach (var arg in a.KwOnlyArgs)
        {
            Arg(arg);
        }
        Exprs(a.KwDefaults);
        if (a.KwArg is not null)
        {
            Arg(a.KwArg);
        }
        Exprs(a.Defaults);
    }

    private void Arg(Arg a)
    {
        if (!_futureAnnotations)
        {
            a.Annotation = Opt(a.Annotation);
        }
    }

    private void Keywords(Keyword[] keywords)
    {
        foreach (var k in keywords)
        {
            k.Value = Expr(k.Value);
        }
    }

    private void Stmt(StmtNode s)
    {
        Enter();
        switch (s)
        {
            case FunctionDef f:
                Arguments(f.Args);
                Body(f.Body);
                Exprs(f.DecoratorList);
                if (!_futureAnnotations)
                {
                    f.Returns = Opt(f.Returns);
                }
                break;
            case AsyncFunctionDef f:
                Arguments(f.Args);
                Body(f.Body);
                Exprs(f.DecoratorList);
                if (!_futureAnnotations)
                {
                    f.Returns = Opt(f.Returns);
                }
                break;
            case ClassDef c:
                Exprs(c.Bases);
                Keywords(c.Keywords);
                Body(c.Body);
                Exprs(c.DecoratorList);
                break;
            case Return r:
                r.Value = Opt(r.Value);
                break;
            case Delete d:
                Exprs(d.Targets);
                break;
            case Assign a:
                Exprs(a.Targets);
                a.Value = Expr(a.Value);
                break;
            case AugAssign a:
                a.Target = Expr(a.Target);
                a.Value = Expr(a.Value);
                break;
            case AnnAssign a:
                a.Target = Expr(a.Target);
                if (!_futureAnnotations)
                {
                    a.Annotation = Expr(a.Annotation);
                }
                a.Value = Opt(a.Value);
                break;
            case For f:
                f.Target = Expr(f.Target);
                f.Iter = Expr(f.Iter);
                Stmts(f.Body);
                Stmts(f.OrElse);
                f.Iter = FoldIter(f.Iter);
                break;
            case AsyncFor f:
                f.Target = Expr(f.Target);
                f.Iter = Expr(f.Iter);
                Stmts(f.Body);
                Stmts(f.OrElse);
                f.Iter = FoldIter(f.Iter);
                break;
            case While w:
                w.Test = Expr(w.Test);
                Stmts(w.Body);
                Stmts(w.OrElse);
                break;
            case If i:
                i.Test = Expr(i.Test);
                Stmts(i.Body);
                Stmts(i.OrElse);
                break;
            case With w:
                WithItems(w.Items);
                Stmts(w.Body);
                break;
            case AsyncWith w:
                WithItems(w.Items);
                Stmts(w.Body);
                break;
            case Raise r:
                r.Exc = Opt(r.Exc);
                r.Cause = Opt(r.Cause);
                break;
            case Try t:
                Stmts(t.Body);
                Handlers(t.Handlers);
                Stmts(t.OrElse);
                Stmts(t.FinalBody);
                break;
            case TryStar t:
                Stmts(t.Body);
                Handlers(t.Handlers);
                Stmts(t.OrElse);
                Stmts(t.FinalBody);
                break;
            case Assert a:
                a.Test = Expr(a.Test);
                a.Msg = Opt(a.Msg);
                break;
            case Expr e:
                e.Value = Expr(e.Value);
                break;
            case Match m:
                m.Subject = Expr(m.Subject);
                foreach (var c in m.Cases)
                {
                    Pattern(c.Pattern);
                    c.Guard = Opt(c.Guard);
                    Stmts(c.Body);
                }
                break;
        }
        _depth--;
    }

    private void WithItems(WithItem[] items)
    {
        foreach (var item in items)
        {
            item.ContextExpr = Expr(item.ContextExpr);
            item.OptionalVars = Opt(item.OptionalVars);
        }
    }

    private void Handlers(ExceptHandlerNode[] handlers)
    {
        foreach (ExceptHandler h in handlers)
        {
            h.Type = Opt(h.Type);
            Stmts(h.Body);
        }
    }

    private void Pattern(PatternNode p)
    {
        Enter();
        switch (p)
        {
            case MatchValue v:
                v.Value = Expr(v.Value);
                break;
            case MatchSequence s:
                foreach (var q in s.Patterns)
                {
                    Pattern(q);
                }
                break;
            case MatchMapping m:
                Exprs(m.Keys);
                foreach (var q in m.Patterns)
                {
                    Pattern(q);
                }
                break;
            case MatchClass c:
                c.Cls = Expr(c.Cls);
                foreach (var q in c.Patterns)
                {
                    Pattern(q);
                }
                foreach (var q in c.KwdPatterns)
                {
                    Pattern(q);
                }
                break;
            case MatchAs a:
                if (a.Pattern is not null)
                {
                    Pattern(a.Pattern);
                }
                break;
            case MatchOr o:
                foreach (var q in o.Patterns)
                {
                    Pattern(q);
                }
                break;
        }
        _depth--;
    }

    private void Comprehensions(Comprehension[] generators)
    {
        foreach (var g in generators)
        {
            g.Target = Expr(g.Target);
            g.Iter = Expr(g.Iter);
            Exprs(g.Ifs);
            g.Iter = FoldIter(g.Iter);
        }
    }

    private ExprNode Expr(ExprNode e)
    {
        Enter();
        var result = Expr1(e);
        _depth--;
        return result;
    }

    private ExprNode Expr1(ExprNode e)
    {
        switch (e)
        {
            case BoolOp b:
                Exprs(b.Values);
                break;
            case BinOp b:
                b.Left = Expr(b.Left);
                b.Right = Expr(b.Right);
                return FoldBinOp(b);
            case UnaryOp u:
                u.Operand = Expr(u.Operand);
                return FoldUnaryOp(u);
            case Lambda l:
                Arguments(l.Args);
                l.Body = Expr(l.Body);
                break;
            case IfExp i:
                i.Test = Expr(i.Test);
                i.Body = Expr(i.Body);
                i.OrElse = Expr(i.OrElse);
                break;
            case Dict d:
                Exprs(d.Keys);
                Exprs(d.Values);
                break;
            case Set s:
                Exprs(s.Elts);
                break;
            case ListComp l:
                l.Elt = Expr(l.Elt);
                Comprehensions(l.Generators);
                break;
            case SetComp s:
                s.Elt = Expr(s.Elt);
                Comprehensions(s.Generators);
                break;
            case DictComp d:
                d.Key = Expr(d.Key);
                d.Value = Expr(d.Value);
                Comprehensions(d.Generators);
                break;
            case GeneratorExp g:
                g.Elt = Expr(g.Elt);
                Comprehensions(g.Generators);
                break;
            case Await a:
                a.Value = Expr(a.Value);
                break;
            case Yield y:
                y.Value = Opt(y.Value);
                break;
            case YieldFrom y:
                y.Value = Expr(y.Value);
                break;
            case Compare c:
                c.Left = Expr(c.Left);
                Exprs(c.Comparators);
                // A literal list or set tested with `in` becomes a tuple or frozenset.
                int last = c.Ops.Length - 1;
                if (c.Ops[last] is CmpOpKind.In or CmpOpKind.NotIn)
                {
                    c.Comparators[last] = FoldIter(c.Comparators[last]);
                }
                break;
            case Call c:
                c.Func = Expr(c.Func);
                Exprs(c.Args);
                Keywords(c.Keywords);
                break;
            case FormattedValue f:
                f.Value = Expr(f.Value);
                f.FormatSpec = Opt(f.FormatSpec);
                break;
            case JoinedStr j:
                Exprs(j.Values);
                break;
            case Attribute a:
                a.Value = Expr(a.Value);
                break;
            case Subscript s:
                s.Value = Expr(s.Value);
                s.Slice = Expr(s.Slice);
                if (s.Value is Constant cv && s.Slice is Constant ci && ConstantFolding.Subscript(cv.Value, ci.Value) is { } item)
                {
                    return MakeConst(s, item);
                }
                break;
            case Starred s:
                s.Value = Expr(s.Value);
                break;
            case Slice s:
                s.Lower = Opt(s.Lower);
                s.Upper = Opt(s.Upper);
                s.Step = Opt(s.Step);
                break;
            case List l:
                Exprs(l.Elts);
                break;
            case Tuple t:
                Exprs(t.Elts);
                if (t.Ctx == ExprContext.Load && MakeConstTuple(t.Elts) is { } tuple)
                {
                    return MakeConst(t, tuple);
                }
                break;
            case Name n:
                if (n.Ctx == ExprContext.Load && n.Id == "__debug__")
                {
                    return MakeConst(n, _optimize == 0);
                }
                break;
            case NamedExpr n:
                n.Value = Expr(n.Value);
                break;
        }
        return e;
    }

    private static ConstantTuple? MakeConstTuple(ExprNode[] elts)
    {
        var items = new object[elts.Length];
        for (int i = 0; i < elts.Length; i++)
        {
            if (elts[i] is not Constant c)
            {
                return null;
            }
            items[i] = c.Value;
        }
        return new ConstantTuple(items);
    }

    private static bool HasStarred(ExprNode[] elts)
    {
        foreach (var e in elts)
        {
            if (e is Starred)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>fold_iter: a list literal that is only iterated becomes a tuple, a set literal
    /// of constants a frozenset.</summary>
    private static ExprNode FoldIter(ExprNode arg)
    {
        if (arg is List l)
        {
            if (HasStarred(l.Elts))
            {
                return arg;
            }
            var t = new Tuple(l.Elts, l.Ctx, l.Lineno, l.ColOffset, l.EndLineno, l.EndColOffset);
            return MakeConstTuple(l.Elts) is { } tuple ? MakeConst(arg, tuple) : t;
        }
        if (arg is Set s && MakeConstTuple(s.Elts) is { } items)
        {
            return MakeConst(arg, new ConstantFrozenSet(items));
        }
        return arg;
    }

    private static ExprNode FoldUnaryOp(UnaryOp node)
    {
        var arg = node.Operand;
        if (arg is not Constant c)
        {
            // not (a is b) → a is not b, and the like.
            if (node.Op == UnaryOpKind.Not && arg is Compare cmp && cmp.Ops.Length == 1)
            {
                CmpOpKind? op = cmp.Ops[0] switch
                {
                    CmpOpKind.Is => CmpOpKind.IsNot,
                    CmpOpKind.IsNot => CmpOpKind.Is,
                    CmpOpKind.In => CmpOpKind.NotIn,
                    CmpOpKind.NotIn => CmpOpKind.In,
                    _ => null,
                };
                if (op is { } newOp)
                {
                    // COPY_NODE: the comparison replaces the `not`, keeping its own location.
                    cmp.Ops[0] = newOp;
                    return cmp;
                }
            }
            return node;
        }
        return ConstantFolding.Unary(node.Op, c.Value) is { } v ? MakeConst(node, v) : node;
    }

    private static ExprNode FoldBinOp(BinOp node)
    {
        if (node.Left is not Constant lhs)
        {
            return node;
        }
        if (node.Op == OperatorKind.Mod && node.Right is Tuple rt && CodePointStr.IsStr(lhs.Value) && !HasStarred(rt.Elts))
        {
            return OptimizeFormat(node, lhs.Value!, rt.Elts);
        }
        if (node.Right is not Constant rhs)
        {
            return node;
        }
        return ConstantFolding.Binary(node.Op, lhs.Value, rhs.Value) is { } v ? MakeConst(node, v) : node;
    }

    // ---- printf-style formatting into f-strings ---------------------------------------------

    private const int MaxDigits = 3;
    private const int FLjust = 1;

    /// <summary>The literal text before the next format unit, <c>%%</c> read as <c>%</c>.</summary>
    private static object? ParseLiteral(int[] fmt, ref int pos)
    {
        var text = new List<int>();
        while (pos < fmt.Length)
        {
            if (fmt[pos] != '%')
            {
                text.Add(fmt[pos++]);
            }
            else if (pos + 1 < fmt.Length && fmt[pos + 1] == '%')
            {
                text.Add('%');
                pos += 2;
            }
            else
            {
                break;
            }
        }
        return text.Count == 0 ? null : CodePointStr.FromCodePoints(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(text));
    }

    private static bool SimpleFormatArgParse(int[] fmt, ref int ppos, out int spec, out int flags, out int width, out int prec)
    {
        int pos = ppos;
        spec = 0;
        flags = 0;
        width = -1;
        prec = -1;
        int ch;
        bool Next(out int c)
        {
            if (pos >= fmt.Length)
            {
                c = 0;
                return false;
            }
            c = fmt[pos++];
            return true;
        }
        while (true)
        {
            if (!Next(out ch))
            {
                return false;
            }
            switch (ch)
            {
                case '-':
                    flags |= FLjust;
                    continue;
                case '+':
                case ' ':
                case '#':
                case '0':
                    flags |= 2;
                    continue;
            }
            break;
        }
        if (ch is >= '0' and <= '9')
        {
            width = 0;
            int digits = 0;
            while (ch is >= '0' and <= '9')
            {
                width = width * 10 + (ch - '0');
                if (!Next(out ch))
                {
                    return false;
                }
                if (++digits >= MaxDigits)
                {
                    return false;
                }
            }
        }
        if (ch == '.')
        {
            if (!Next(out ch))
            {
                return false;
            }
            prec = 0;
            if (ch is >= '0' and <= '9')
            {
                int digits = 0;
                while (ch is >= '0' and <= '9')
                {
                    prec = prec * 10 + (ch - '0');
                    if (!Next(out ch))
                    {
                        return false;
                    }
                    if (++digits >= MaxDigits)
                    {
                        return false;
                    }
                }
            }
        }
        spec = ch;
        ppos = pos;
        return true;
    }

    private static ExprNode? ParseFormat(int[] fmt, ref int pos, ExprNode arg)
    {
        if (!SimpleFormatArgParse(fmt, ref pos, out int spec, out int flags, out int width, out int prec))
        {
            return null;
        }
        if (spec is not ('s' or 'r' or 'a'))
        {
            return null;
        }
        var buf = new StringBuilder();
        if ((flags & FLjust) == 0 && width > 0)
        {
            buf.Append('>');
        }
        if (width >= 0)
        {
            buf.Append(width);
        }
        if (prec >= 0)
        {
            buf.Append('.').Append(prec);
        }
        ExprNode? formatSpec = buf.Length > 0 ? new Constant(buf.ToString(), null, -1, -1, -1, -1) : null;
        return new FormattedValue(arg, spec, formatSpec, arg.Lineno, arg.ColOffset, arg.EndLineno, arg.EndColOffset);
    }

    /// <summary>optimize_format: <c>"%s: %r" % (a, b)</c> → <c>f"{a!s}: {b!r}"</c>.</summary>
    private static ExprNode OptimizeFormat(BinOp node, object fmtStr, ExprNode[] elts)
    {
        var fmt = CodePointStr.ToCodePoints(fmtStr);
        int pos = 0;
        int cnt = 0;
        var seq = new List<ExprNode>();
        while (true)
        {
            if (ParseLiteral(fmt, ref pos) is { } lit)
            {
                seq.Add(new Constant(lit, null, -1, -1, -1, -1));
            }
            if (pos >= fmt.Length)
            {
                break;
            }
            if (cnt >= elts.Length)
            {
                // More format units than items.
                return node;
            }
            pos++;
            var expr = ParseFormat(fmt, ref pos, elts[cnt]);
            cnt++;
            if (expr is null)
            {
                return node;
            }
            seq.Add(expr);
        }
        if (cnt < elts.Length)
        {
            return node;
        }
        return new JoinedStr(seq.ToArray(), node.Lineno, node.ColOffset, node.EndLineno, node.EndColOffset);
    }
}
