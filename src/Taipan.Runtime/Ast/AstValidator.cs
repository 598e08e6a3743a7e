// Python/ast.c (_PyAST_Validate)
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using Taipan.Syntax.Ast;
using Attribute = Taipan.Syntax.Ast.Attribute;
using Import = Taipan.Syntax.Ast.Import;
using ThreadState = Taipan.Runtime.Python.ThreadState;
using Tuple = Taipan.Syntax.Ast.Tuple;

namespace Taipan.Runtime.Ast;

/// <summary>Checks a tree built from Python objects before it is compiled: expression contexts
/// and the structural rules the parser never breaks (non-empty bodies, matching list lengths),
/// with CPython's messages. Every node is visited with the context its position requires;
/// children default to Load.</summary>
internal static partial class AstValidator
{
    public static void Validate(ModNode mod) => Visit(mod, ExprContext.Load, 0);

    private static void Add(List<Node> into, Node? node)
    {
        if (node is not null)
        {
            into.Add(node);
        }
    }

    private static void AddAll<T>(List<Node> into, T[] nodes)
        where T : Node
    {
        foreach (var n in nodes)
        {
            if (n is not null)
            {
                into.Add(n);
            }
        }
    }

    private static PyException Error(string message) => PyErr.ValueError(message);

    private static void Visit(Node node, ExprContext ctx, int depth)
    {
        if (depth > ThreadState.RecursionLimit || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw PyErr.New(PyExc.RecursionError, "maximum recursion depth exceeded during compilation");
        }
        if (node is ExprNode e)
        {
            CheckContext(e, ctx);
        }
        CheckNode(node);
        var children = new List<Node>();
        Children(node, children);
        foreach (var child in children)
        {
            if (ChildContext(node, child, ctx) is { } childCtx)
            {
                Visit(child, childCtx, depth + 1);
            }
        }
    }

    private static string CtxName(ExprContext ctx) => ctx.ToString();

    private static void CheckContext(ExprNode e, ExprContext expected)
    {
        ExprContext? actual = e switch
        {
            Attribute a => a.Ctx,
            Subscript s => s.Ctx,
            Starred s => s.Ctx,
            Name n => n.Ctx,
            List l => l.Ctx,
            Tuple t => t.Ctx,
            _ => null,
        };
        if (actual is null)
        {
            if (expected != ExprContext.Load)
            {
                throw Error($"expression which can't be assigned to in {CtxName(expected)} context");
            }
        }
        else if (actual != expected)
        {
            throw Error($"expression must have {CtxName(expected)} context but has {CtxName(actual.Value)} instead");
        }
    }

    /// <summary>The context the parent's field gives the child: targets are Store or Del,
    /// the elements of a target list and a starred target inherit it, the rest is Load; null
    /// for the target of a walrus, which CPython leaves unchecked.</summary>
    private static ExprContext? ChildContext(Node parent, Node child, ExprContext ctx)
    {
        switch (parent)
        {
            case Assign a when Array.IndexOf(a.Targets, child) >= 0:
            case AugAssign aug when ReferenceEquals(aug.Target, child):
            case AnnAssign ann when ReferenceEquals(ann.Target, child):
            case For f when ReferenceEquals(f.Target, child):
            case AsyncFor af when ReferenceEquals(af.Target, child):
            case Comprehension c when ReferenceEquals(c.Target, child):
            case WithItem w when ReferenceEquals(w.OptionalVars, child):
                return ExprContext.Store;
            case Delete:
                return ExprContext.Del;
            case NamedExpr ne when ReferenceEquals(ne.Target, child):
                return null;
            case Starred:
                return ctx;
            case List or Tuple:
                return ctx;
            default:
                return ExprContext.Load;
        }
    }

    private static void NonEmpty<T>(T[] items, string what, string owner)
    {
        if (items.Length == 0)
        {
            throw Error($"empty {what} on {owner}");
        }
    }

    private static void Identifier(string? name)
    {
        if (name is "None" or "True" or "False")
        {
            throw Error($"identifier field can't represent '{name}' constant");
        }
    }

    private static void CheckNode(Node node)
    {
        switch (node)
        {
            case FunctionDef f:
                NonEmpty(f.Body, "body", "FunctionDef");
                Identifier(f.Name);
                break;
            case AsyncFunctionDef f:
                NonEmpty(f.Body, "body", "AsyncFunctionDef");
                Identifier(f.Name);
                break;
            case ClassDef c:
                NonEmpty(c.Body, "body", "ClassDef");
                Identifier(c.Name);
                break;
            case Delete d:
                NonEmpty(d.Targets, "targets", "Delete");
                break;
            case Assign a:
                NonEmpty(a.Targets, "targets", "Assign");
                break;
            case AnnAssign ann when ann.Simple != 0 && ann.Target is not Name:
                throw PyErr.TypeError("AnnAssign with simple non-Name target");
            case For f:
                NonEmpty(f.Body, "body", "For");
                break;
            case AsyncFor f:
                NonEmpty(f.Body, "body", "AsyncFor");
                break;
            case While w:
                NonEmpty(w.Body, "body", "While");
                break;
            case If i:
                NonEmpty(i.Body, "body", "If");
                break;
            case With w:
                NonEmpty(w.Items, "items", "With");
                NonEmpty(w.Body, "body", "With");
                break;
            case AsyncWith w:
                NonEmpty(w.Items, "items", "AsyncWith");
                NonEmpty(w.Body, "body", "AsyncWith");
                break;
            case Match m:
                NonEmpty(m.Cases, "cases", "Match");
                break;
            case Raise { Exc: null, Cause: not null }:
                throw Error("Raise with cause but no exception");
            case Try t:
                CheckTry(t.Body, t.Handlers, t.OrElse, t.FinalBody, "Try");
                break;
            case TryStar t:
                CheckTry(t.Body, t.Handlers, t.OrElse, t.FinalBody, "TryStar");
                break;
            case Import i:
                NonEmpty(i.Names, "names", "Import");
                break;
            case ImportFrom i:
                if (i.Level is < 0)
                {
                    throw Error("Negative ImportFrom level");
                }
                NonEmpty(i.Names, "names", "ImportFrom");
                break;
            case Global g:
                NonEmpty(g.Names, "names", "Global");
                break;
            case Nonlocal n:
                NonEmpty(n.Names, "names", "Nonlocal");
                break;
            case ExceptHandler h:
                NonEmpty(h.Body, "body", "ExceptHandler");
                break;
            case MatchCase c:
                NonEmpty(c.Body, "body", "match_case");
                break;
            case BoolOp b when b.Values.Length < 2:
                throw Error("BoolOp with less than 2 values");
            case Dict d when d.Keys.Length != d.Values.Length:
                throw Error("Dict doesn't have the same number of keys as values");
            case ListComp { Generators.Length: 0 } or SetComp { Generators.Length: 0 } or GeneratorExp { Generators.Length: 0 } or DictComp { Generators.Length: 0 }:
                throw Error("comprehension with no generators");
            case Compare c:
                if (c.Comparators.Length == 0)
                {
                    throw Error("Compare with no comparators");
                }
                if (c.Comparators.Length != c.Ops.Length)
                {
                    throw Error("Compare has a different number of comparators and operands");
                }
                break;
            case Name n:
                Identifier(n.Id);
                break;
            case Arg a:
                Identifier(a.Name);
                break;
            case Keyword k:
                Identifier(k.Arg);
                break;
            case Attribute a:
                Identifier(a.Attr);
                break;
            case Arguments args:
                if (args.Defaults.Length > args.PosOnlyArgs.Length + args.Args.Length)
                {
                    throw Error("more positional defaults than args on arguments");
                }
                if (args.KwDefaults.Length != args.KwOnlyArgs.Length)
                {
                    throw Error("length of kwonlyargs is not the same as kw_defaults on arguments");
                }
                break;
        }
    }

    private static void CheckTry(StmtNode[] body, ExceptHandlerNode[] handlers, StmtNode[] orelse, StmtNode[] finalbody, string owner)
    {
        NonEmpty(body, "body", owner);
        if (handlers.Length == 0 && finalbody.Length == 0)
        {
            throw Error($"{owner} has neither except handlers nor finalbody");
        }
        if (handlers.Length == 0 && orelse.Length > 0)
        {
            throw Error($"{owner} has orelse but no except handlers");
        }
    }
}
