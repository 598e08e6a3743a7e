// Python/ast_unparse.c
using System.Globalization;
using System.Numerics;
using System.Text;
using Taipan.Bytecode;
using Taipan.Syntax.Ast;

namespace Taipan.Compiler.AstOpt;

/// <summary>The source text of an annotation under <c>from __future__ import annotations</c>
/// (<c>_PyAST_ExprAsUnicode</c>).</summary>
internal sealed class AstUnparser
{
    private enum Pr
    {
        Tuple, Test, Or, And, Not, Cmp, Expr, Bor = Expr, Bxor, Band, Shift, Arith, Term, Factor, Power, Await, Atom,
    }

    private readonly StringBuilder _sb = new();

    public static string Unparse(ExprNode e)
    {
        var u = new AstUnparser();
        u.Append(e, Pr.Test);
        return u._sb.ToString();
    }

    private void Append(ExprNode e, Pr level)
    {
        switch (e)
        {
            case BoolOp b:
            {
                var pr = b.Op == BoolOpKind.And ? Pr.And : Pr.Or;
                string op = b.Op == BoolOpKind.And ? " and " : " or ";
                Paren(level > pr, '(');
                for (int i = 0; i < b.Values.Length; i++)
                {
                    if (i > 0)
                    {
                        _sb.Append(op);
                    }
                    Append(b.Values[i], pr + 1);
                }
                Paren(level > pr, ')');
                break;
            }
            case BinOp b:
            {
                var (op, pr) = b.Op switch
                {
                    OperatorKind.Add => (" + ", Pr.Arith),
                    OperatorKind.Sub => (" - ", Pr.Arith),
                    OperatorKind.Mult => (" * ", Pr.Term),
                    OperatorKind.MatMult => (" @ ", Pr.Term),
                    OperatorKind.Div => (" / ", Pr.Term),
                    OperatorKind.Mod => (" % ", Pr.Term),
                    OperatorKind.LShift => (" << ", Pr.Shift),
                    OperatorKind.RShift => (" >> ", Pr.Shift),
                    OperatorKind.BitOr => (" | ", Pr.Bor),
                    OperatorKind.BitXor => (" ^ ", Pr.Bxor),
                    OperatorKind.BitAnd => (" & ", Pr.Band),
                    OperatorKind.FloorDiv => (" // ", Pr.Term),
                    _ => (" ** ", Pr.Power),
                };
                bool rassoc = b.Op == OperatorKind.Pow;
                Paren(level > pr, '(');
                Append(b.Left, rassoc ? pr + 1 : pr);
                _sb.Append(op);
                Append(b.Right, rassoc ? pr : pr + 1);
                Paren(level > pr, ')');
                break;
            }
            case UnaryOp u:
            {
                var (op, pr) = u.Op switch
                {
                    UnaryOpKind.Invert => ("~", Pr.Factor),
                    UnaryOpKind.Not => ("not ", Pr.Not),
                    UnaryOpKind.UAdd => ("+", Pr.Factor),
                    _ => ("-", Pr.Factor),
                };
                Paren(level > pr, '(');
                _sb.Append(op);
                Append(u.Operand, pr);
                Paren(level > pr, ')');
                break;
            }
            case Lambda l:
                Paren(level > Pr.Test, '(');
                _sb.Append("lambda");
                if (l.Args.Args.Length + l.Args.PosOnlyArgs.Length + l.Args.KwOnlyArgs.Length > 0 || l.Args.VarArg is not null || l.Args.KwArg is not null)
                {
                    _sb.Append(' ');
                    Args(l.Args);
                }
                _sb.Append(": ");
                Append(l.Body, Pr.Test);
                Paren(level > Pr.Test, ')');
                break;
            case IfExp i:
                Paren(level > Pr.Test, '(');
                Append(i.Body, Pr.Test + 1);
                _sb.Append(" if ");
                Append(i.Test, Pr.Test + 1);
                _sb.Append(" else ");
                Append(i.OrElse, Pr.Test);
                Paren(level > Pr.Test, ')');
                break;
            case Dict d:
                _sb.Append('{');
                for (int i = 0; i < d.Values.Length; i++)
                {
                    if (i > 0)
                    {
                        _sb.Append(", ");
                    }
                    if (d.Keys[i] is { } k)
                    {
                        Append(k, Pr.Test);
                        _sb.Append(": ");
                        Append(d.Values[i], Pr.Test);
                    }
                    else
                    {
                        _sb.Append("**");
                        Append(d.Values[i], Pr.Expr);
                    }
                }
                _sb.Append('}');
                break;
            case Set s:
                if (s.Elts.Length == 0)
                {
                    _sb.Append("{*()}");
                    break;
                }
                _sb.Append('{');
                Seq(s.Elts);
                _sb.Append('}');
                break;
            case ListComp l:
                _sb.Append('[');
                Append(l.Elt, Pr.Test);
                Comprehensions(l.Generators);
                _sb.Append(']');
                break;
            case SetComp s:
                _sb.Append('{');
                Append(s.Elt, Pr.Test);
                Comprehensions(s.Generators);
                _sb.Append('}');
                break;
            case DictComp d:
                _sb.Append('{');
                Append(d.Key, Pr.Test);
                _sb.Append(": ");
                Append(d.Value, Pr.Test);
                Comprehensions(d.Generators);
                _sb.Append('}');
                break;
            case GeneratorExp g:
                _sb.Append('(');
                Append(g.Elt, Pr.Test);
                Comprehensions(g.Generators);
                _sb.Append(')');
                break;
            case Yield y:
                Paren(true, '(');
                _sb.Append("yield");
                if (y.Value is not null)
                {
                    _sb.Append(' ');
                    Append(y.Value, Pr.Test);
                }
                Paren(true, ')');
                break;
            case YieldFrom y:
                _sb.Append("(yield from ");
                Append(y.Value, Pr.Test);
                _sb.Append(')');
                break;
            case Await a:
                Paren(level > Pr.Await, '(');
                _sb.Append("await ");
                Append(a.Value, Pr.Atom);
                Paren(level > Pr.Await, ')');
                break;
            case Compare c:
                Paren(level > Pr.Cmp, '(');
                Append(c.Left, Pr.Cmp + 1);
                for (int i = 0; i < c.Ops.Length; i++)
                {
                    _sb.Append(c.Ops[i] switch
                    {
                        CmpOpKind.Eq => " == ",
                        CmpOpKind.NotEq => " != ",
                        CmpOpKind.Lt => " < ",
                        CmpOpKind.LtE => " <= ",
                        CmpOpKind.Gt => " > ",
                        CmpOpKind.GtE => " >= ",
                        CmpOpKind.Is => " is ",
                        CmpOpKind.IsNot => " is not ",
                        CmpOpKind.In => " in ",
                        _ => " not in ",
                    });
                    Append(c.Comparators[i], Pr.Cmp + 1);
                }
                Paren(level > Pr.Cmp, ')');
                break;
            case Call c:
            {
                Append(c.Func, Pr.Atom);
                if (c.Args.Length == 1 && c.Keywords.Length == 0 && c.Args[0] is GeneratorExp g)
                {
                    Append(g, Pr.Test);
                    break;
                }
                _sb.Append('(');
                bool first = true;
                foreach (var a in c.Args)
                {
                    Sep(ref first);
                    Append(a, Pr.Test);
                }
                foreach (var k in c.Keywords)
                {
                    Sep(ref first);
                    if (k.Arg is null)
                    {
                        _sb.Append("**");
                        Append(k.Value, Pr.Test);
                    }
                    else
                    {
                        _sb.Append(k.Arg).Append('=');
                        Append(k.Value, Pr.Test);
                    }
                }
                _sb.Append(')');
                break;
            }
            case Constant c:
                if (c.Value == ConstantSingleton.Ellipsis)
                {
                    _sb.Append("...");
                }
                else
                {
                    ConstantRepr(c.Value);
                }
                break;
            case JoinedStr or FormattedValue:
                _sb.Append(FString(e));
                break;
            case Attribute a:
            {
                Append(a.Value, Pr.Atom);
                // `1 .real`: an int literal needs a space before the dot.
                if (a.Value is Constant { Value: BigInteger or bool })
                {
                    if (a.Value is Constant { Value: BigInteger })
                    {
                        _sb.Append(' ');
                    }
                }
                _sb.Append('.').Append(a.Attr);
                break;
            }
            case Subscript s:
                Append(s.Value, Pr.Atom);
                _sb.Append('[');
                if (s.Slice is Tuple st && st.Elts.Length > 0)
                {
                    for (int i = 0; i < st.Elts.Length; i++)
                    {
                        if (i > 0)
                        {
                            _sb.Append(", ");
                        }
                        Append(st.Elts[i], Pr.Test);
                    }
                    if (st.Elts.Length == 1)
                    {
                        _sb.Append(',');
                    }
                }
                else
                {
                    Append(s.Slice, Pr.Tuple);
                }
                _sb.Append(']');
                break;
            case Starred s:
                _sb.Append('*');
                Append(s.Value, Pr.Expr);
                break;
            case Slice s:
                if (s.Lower is not null)
                {
                    Append(s.Lower, Pr.Test);
                }
                _sb.Append(':');
                if (s.Upper is not null)
                {
                    Append(s.Upper, Pr.Test);
                }
                if (s.Step is not null)
                {
                    _sb.Append(':');
                    Append(s.Step, Pr.Test);
                }
                break;
            case Name n:
                _sb.Append(n.Id);
                break;
            case List l:
                _sb.Append('[');
                Seq(l.Elts);
                _sb.Append(']');
                break;
            case Tuple t:
                if (t.Elts.Length == 0)
                {
                    _sb.Append("()");
                    break;
                }
                Paren(level > Pr.Tuple, '(');
                Seq(t.Elts);
                if (t.Elts.Length == 1)
                {
                    _sb.Append(',');
                }
                Paren(level > Pr.Tuple, ')');
                break;
            case NamedExpr n:
                Paren(level > Pr.Tuple, '(');
                Append(n.Target, Pr.Atom);
                _sb.Append(" := ");
                Append(n.Value, Pr.Atom);
                Paren(level > Pr.Tuple, ')');
                break;
        }
    }

    private void Sep(ref bool first)
    {
        if (!first)
        {
            _sb.Append(", ");
        }
        first = false;
    }

    private void Paren(bool cond, char c)
    {
        if (cond)
        {
            _sb.Append(c);
        }
    }

    private void Seq(ExprNode[] elts)
    {
        for (int i = 0; i < elts.Length; i++)
        {
            if (i > 0)
            {
                _sb.Append(", ");
            }
            Append(elts[i], Pr.Test);
        }
    }

    private void Comprehensions(Comprehension[] gens)
    {
        foreach (var g in gens)
        {
            _sb.Append(g.IsAsync != 0 ? " async for " : " for ");
            Append(g.Target, Pr.Tuple);
            _sb.Append(" in ");
            Append(g.Iter, Pr.Test + 1);
            foreach (var i in g.Ifs)
            {
                _sb.Append(" if ");
                Append(i, Pr.Test + 1);
            }
        }
    }

    private void Args(Arguments a)
    {
        bool first = true;
        int defaultOffset = a.PosOnlyArgs.Length + a.Args.Length - a.Defaults.Length;
        var positional = a.PosOnlyArgs.Concat(a.Args).ToArray();
        for (int i = 0; i < positional.Length; i++)
        {
            Sep(ref first);
            _sb.Append(positional[i].Name);
            int di = i - defaultOffset;
            if (di >= 0)
            {
                _sb.Append('=');
                Append(a.Defaults[di], Pr.Test);
            }
            if (a.PosOnlyArgs.Length > 0 && i == a.PosOnlyArgs.Length - 1)
            {
                _sb.Append(", /");
            }
        }
        if (a.VarArg is not null || a.KwOnlyArgs.Length > 0)
        {
            Sep(ref first);
            _sb.Append('*');
            if (a.VarArg is not null)
            {
                _sb.Append(a.VarArg.Name);
            }
        }
        for (int i = 0; i < a.KwOnlyArgs.Length; i++)
        {
            Sep(ref first);
            _sb.Append(a.KwOnlyArgs[i].Name);
            if (i < a.KwDefaults.Length && a.KwDefaults[i] is { } d)
            {
                _sb.Append('=');
                Append(d, Pr.Test);
            }
        }
        if (a.KwArg is not null)
        {
            Sep(ref first);
            _sb.Append("**").Append(a.KwArg.Name);
        }
    }

    private void ConstantRepr(object v)
    {
        // Infinities print as 1e309 so that the text parses back.
        switch (v)
        {
            case double d when double.IsInfinity(d):
                _sb.Append(d > 0 ? "1e309" : "-1e309");
                return;
            case Complex c when double.IsInfinity(c.Imaginary) && c.Real == 0:
                _sb.Append(c.Imaginary > 0 ? "1e309j" : "-1e309j");
                return;
        }
        _sb.Append(PyValue.Repr(v));
    }

    private static string FString(ExprNode e)
    {
        var body = new StringBuilder();
        FStringBody(e, body);
        return "f" + PyValue.Repr(body.ToString());
    }

    private static void FStringBody(ExprNode e, StringBuilder body)
    {
        switch (e)
        {
            case JoinedStr j:
                foreach (var v in j.Values)
                {
                    FStringBody(v, body);
                }
                break;
            case Constant { Value: string s }:
                body.Append(s.Replace("{", "{{").Replace("}", "}}"));
                break;
            case FormattedValue f:
            {
                var inner = new AstUnparser();
                inner.Append(f.Value, Pr.Test + 1);
                var text = inner._sb.ToString();
                body.Append('{');
                if (text.StartsWith('{'))
                {
                    body.Append(' ');
                }
                body.Append(text);
                if (f.Conversion > 0)
                {
                    body.Append('!').Append((char)f.Conversion);
                }
                if (f.FormatSpec is not null)
                {
                    body.Append(':');
                    FStringBody(f.FormatSpec, body);
                }
                body.Append('}');
                break;
            }
        }
    }
}
