// Parser/action_helpers.c
using Taipan.Syntax.Ast;
using Attribute = Taipan.Syntax.Ast.Attribute;
using Tuple = Taipan.Syntax.Ast.Tuple;

namespace Taipan.Syntax.Parser;

public sealed partial class Parser
{
    /// <summary><c>_PyPegen_set_expr_context</c>: a copy of a target with the given context
    /// (recursively for tuples, lists and starred); nodes may be shared through the memo, so
    /// they are never changed in place.</summary>
    private static ExprNode SetExprContext(ExprNode e, ExprContext ctx) => e switch
    {
        Name n => new Name(n.Id, ctx, n.Lineno, n.ColOffset, n.EndLineno, n.EndColOffset),
        Tuple t => new Tuple(SetSeqContext(t.Elts, ctx), ctx, t.Lineno, t.ColOffset, t.EndLineno, t.EndColOffset),
        List l => new List(SetSeqContext(l.Elts, ctx), ctx, l.Lineno, l.ColOffset, l.EndLineno, l.EndColOffset),
        Subscript s => new Subscript(s.Value, s.Slice, ctx, s.Lineno, s.ColOffset, s.EndLineno, s.EndColOffset),
        Attribute a => new Attribute(a.Value, a.Attr, ctx, a.Lineno, a.ColOffset, a.EndLineno, a.EndColOffset),
        Starred st => new Starred(SetExprContext(st.Value, ctx), ctx, st.Lineno, st.ColOffset, st.EndLineno, st.EndColOffset),
        _ => e,
    };

    private static ExprNode[] SetSeqContext(ExprNode[] seq, ExprContext ctx)
    {
        var r = new ExprNode[seq.Length];
        for (var i = 0; i < seq.Length; i++)
        {
            r[i] = SetExprContext(seq[i], ctx);
        }
        return r;
    }

    /// <summary><c>_PyPegen_empty_arguments</c>.</summary>
    private static Arguments EmptyArguments() => new([], [], null, [], [], null, []);

    /// <summary><c>_PyPegen_make_arguments</c>: positional-only parameters come from the part
    /// before '/', defaults of positional parameters are listed together, and keyword-only
    /// parameters without a default get a null (None) in <c>kw_defaults</c>.</summary>
    private static Arguments MakeArguments(List<Arg>? slashWithoutDefault, SlashWithDefault? slashWithDefault,
        List<Arg>? plainNames, List<NameDefaultPair>? namesWithDefault, StarEtc? starEtc)
    {
        var posonly = new List<Arg>();
        var defaults = new List<ExprNode>();
        if (slashWithoutDefault is not null)
        {
            posonly.AddRange(slashWithoutDefault);
        }
        else if (slashWithDefault is not null)
        {
            posonly.AddRange(slashWithDefault.PlainNames);
            foreach (var p in slashWithDefault.NamesWithDefaults)
            {
                posonly.Add(p.Arg);
                defaults.Add(p.Value!);
            }
        }
        var args = new List<Arg>();
        if (plainNames is not null)
        {
            args.AddRange(plainNames);
        }
        if (namesWithDefault is not null)
        {
            foreach (var p in namesWithDefault)
            {
                args.Add(p.Arg);
                defaults.Add(p.Value!);
            }
        }
        Arg[] kwonly = [];
        ExprNode[] kwDefaults = [];
        if (starEtc?.Kwonlyargs is { } kw)
        {
            kwonly = new Arg[kw.Count];
            kwDefaults = new ExprNode[kw.Count];
            for (var i = 0; i < kw.Count; i++)
            {
                kwonly[i] = kw[i].Arg;
                kwDefaults[i] = kw[i].Value!;
            }
        }
        return new Arguments(posonly.ToArray(), args.ToArray(), starEtc?.Vararg, kwonly, kwDefaults, starEtc?.Kwarg, defaults.ToArray());
    }

    /// <summary><c>_PyPegen_get_expr_name</c>: how error messages name an expression.</summary>
    private static string GetExprName(ExprNode e) => e switch
    {
        Attribute => "attribute",
        Subscript => "subscript",
        Starred => "starred",
        Name => "name",
        List => "list",
        Tuple => "tuple",
        Lambda => "lambda",
        Call => "function call",
        BoolOp or BinOp or UnaryOp => "expression",
        GeneratorExp => "generator expression",
        Yield or YieldFrom => "yield expression",
        Await => "await expression",
        ListComp => "list comprehension",
        SetComp => "set comprehension",
        DictComp => "dict comprehension",
        Dict => "dict literal",
        Set => "set display",
        JoinedStr or FormattedValue => "f-string expression",
        Constant c => c.Value switch
        {
            ConstantSingleton s when s == ConstantSingleton.None => "None",
            bool b => b ? "True" : "False",
            ConstantSingleton s when s == ConstantSingleton.Ellipsis => "ellipsis",
            _ => "literal",
        },
        Compare => "comparison",
        IfExp => "conditional expression",
        NamedExpr => "named expression",
        _ => "expression",
    };
}
