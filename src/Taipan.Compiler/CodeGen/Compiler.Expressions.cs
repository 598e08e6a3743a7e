// Python/compile.c (expressions)
using System.Numerics;
using Taipan.Bytecode;
using Taipan.Compiler.FlowGraph;
using Taipan.Compiler.Symtable;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;
using static Taipan.Bytecode.Opcode;
using static Taipan.Bytecode.PseudoOpcode;

namespace Taipan.Compiler.CodeGen;

public sealed partial class Compiler
{
    private enum CompKind { GenExp, ListComp, SetComp, DictComp }

    private void VisitExpr(ExprNode e)
    {
        var saved = SaveLoc();
        SetLoc(e);
        VisitExpr1(e);
        RestoreLoc(saved);
    }

    private void VisitExpr1(ExprNode e)
    {
        switch (e)
        {
            case NamedExpr n:
                VisitExpr(n.Value);
                AddOpI(COPY, 1);
                VisitExpr(n.Target);
                break;
            case BoolOp b:
                BoolOpExpr(b);
                break;
            case BinOp b:
                VisitExpr(b.Left);
                VisitExpr(b.Right);
                AddOpI(BINARY_OP, BinaryOpArg(b.Op, inplace: false));
                break;
            case UnaryOp u:
                VisitExpr(u.Operand);
                AddOp(u.Op switch
                {
                    UnaryOpKind.Invert => UNARY_INVERT,
                    UnaryOpKind.Not => UNARY_NOT,
                    UnaryOpKind.UAdd => UNARY_POSITIVE,
                    _ => UNARY_NEGATIVE,
                });
                break;
            case Lambda l:
                LambdaExpr(l);
                break;
            case IfExp i:
            {
                var end = NewBlock();
                var next = NewBlock();
                JumpIf(i.Test, next, false);
                VisitExpr(i.Body);
                AddOpJNoLine(JUMP, end);
                UseNextBlock(next);
                VisitExpr(i.OrElse);
                UseNextBlock(end);
                break;
            }
            case Dict d:
                DictExpr(d);
                break;
            case Set s:
                StarUnpackHelper(s.Elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, false);
                break;
            case GeneratorExp g:
                Comprehension(g, CompKind.GenExp, "<genexpr>", g.Generators, g.Elt, null);
                break;
            case ListComp l:
                Comprehension(l, CompKind.ListComp, "<listcomp>", l.Generators, l.Elt, null);
                break;
            case SetComp s:
                Comprehension(s, CompKind.SetComp, "<setcomp>", s.Generators, s.Elt, null);
                break;
            case DictComp d:
                Comprehension(d, CompKind.DictComp, "<dictcomp>", d.Generators, d.Key, d.Value);
                break;
            case Yield y:
                if (_u.Ste.Type != BlockType.Function)
                {
                    throw Error("'yield' outside function");
                }
                if (y.Value is not null)
                {
                    VisitExpr(y.Value);
                }
                else
                {
                    LoadConst(ConstantSingleton.None);
                }
                AddOpYield();
                break;
            case YieldFrom y:
                if (_u.Ste.Type != BlockType.Function)
                {
                    throw Error("'yield' outside function");
                }
                if (_u.ScopeType == ScopeType.AsyncFunction)
                {
                    throw Error("'yield from' inside async function");
                }
                VisitExpr(y.Value);
                AddOp(GET_YIELD_FROM_ITER);
                LoadConst(ConstantSingleton.None);
                AddYieldFrom(false);
                break;
            case Await a:
                if (!IsTopLevelAwait)
                {
                    if (_u.Ste.Type != BlockType.Function)
                    {
                        throw Error("'await' outside function");
                    }
                    if (_u.ScopeType is not ScopeType.AsyncFunction and not ScopeType.Comprehension)
                    {
                        throw Error("'await' outside async function");
                    }
                }
                VisitExpr(a.Value);
                AddOpI(GET_AWAITABLE, 0);
                LoadConst(ConstantSingleton.None);
                AddYieldFrom(true);
                break;
            case Compare c:
                CompareExpr(c);
                break;
            case Call c:
                CallExpr(c);
                break;
            case Constant c:
                LoadConst(c.Value);
                break;
            case JoinedStr j:
                JoinedStrExpr(j);
                break;
            case FormattedValue f:
                FormattedValueExpr(f);
                break;
            case Attribute a:
                VisitExpr(a.Value);
                UpdateStartLocationToMatchAttr(a);
                switch (a.Ctx)
                {
                    case ExprContext.Load:
                        AddOpName(LOAD_ATTR, _u.Names, a.Attr);
                        break;
                    case ExprContext.Store:
                        ForbiddenName(a.Attr, a.Ctx);
                        AddOpName(STORE_ATTR, _u.Names, a.Attr);
                        break;
                    default:
                        AddOpName(DELETE_ATTR, _u.Names, a.Attr);
                        break;
                }
                break;
            case Subscript s:
                SubscriptExpr(s);
                break;
            case Starred s:
                throw Error(s.Ctx == ExprContext.Store
                    ? "starred assignment target must be in a list or tuple"
                    : "can't use starred expression here");
            case Slice s:
            {
                int n = 2;
                if (s.Lower is not null)
                {
                    VisitExpr(s.Lower);
                }
                else
                {
                    LoadConst(ConstantSingleton.None);
                }
                if (s.Upper is not null)
                {
                    VisitExpr(s.Upper);
                }
                else
                {
                    LoadConst(ConstantSingleton.None);
                }
                if (s.Step is not null)
                {
                    n++;
                    VisitExpr(s.Step);
                }
                AddOpI(BUILD_SLICE, n);
                break;
            }
            case Name n:
                NameOp(n.Id, n.Ctx);
                break;
            case List l:
                if (l.Ctx == ExprContext.Store)
                {
                    AssignmentHelper(l.Elts);
                }
                else if (l.Ctx == ExprContext.Load)
                {
                    StarUnpackHelper(l.Elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false);
                }
                else
                {
                    foreach (var x in l.Elts)
                    {
                        VisitExpr(x);
                    }
                }
                break;
            case Tuple t:
                if (t.Ctx == ExprContext.Store)
                {
                    AssignmentHelper(t.Elts);
                }
                else if (t.Ctx == ExprContext.Load)
                {
                    StarUnpackHelper(t.Elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true);
                }
                else
                {
                    foreach (var x in t.Elts)
                    {
                        VisitExpr(x);
                    }
                }
                break;
        }
    }

    private static int BinaryOpArg(OperatorKind op, bool inplace)
    {
        var arg = op switch
        {
            OperatorKind.Add => BinaryOp.Add,
            OperatorKind.Sub => BinaryOp.Subtract,
            OperatorKind.Mult => BinaryOp.Multiply,
            OperatorKind.MatMult => BinaryOp.MatrixMultiply,
            OperatorKind.Div => BinaryOp.TrueDivide,
            OperatorKind.Mod => BinaryOp.Remainder,
            OperatorKind.Pow => BinaryOp.Power,
            OperatorKind.LShift => BinaryOp.LShift,
            OperatorKind.RShift => BinaryOp.RShift,
            OperatorKind.BitOr => BinaryOp.Or,
            OperatorKind.BitXor => BinaryOp.Xor,
            OperatorKind.BitAnd => BinaryOp.And,
            _ => BinaryOp.FloorDivide,
        };
        return (int)arg + (inplace ? (int)BinaryOp.InplaceAdd : 0);
    }

    private void AddOpYield()
    {
        if (_u.Ste.Generator && _u.Ste.Coroutine)
        {
            AddOp(ASYNC_GEN_WRAP);
        }
        AddOp(YIELD_VALUE);
        AddOpI(RESUME, 1);
    }

    /// <summary>If an attribute access spans lines, its instructions point at the attribute
    /// name's line.</summary>
    private void UpdateStartLocationToMatchAttr(Attribute attr)
    {
        if (_u.Lineno != attr.EndLineno)
        {
            _u.Lineno = attr.EndLineno;
            int len = attr.Attr.Length;
            if (len <= attr.EndColOffset)
            {
                _u.ColOffset = attr.EndColOffset - len;
            }
            else
            {
                // GH-94694: columns of a hand-made AST that do not fit.
                _u.ColOffset = -1;
                _u.EndColOffset = -1;
            }
            _u.EndLineno = Math.Max(_u.Lineno, _u.EndLineno);
            if (_u.Lineno == _u.EndLineno)
            {
                _u.EndColOffset = Math.Max(_u.ColOffset, _u.EndColOffset);
            }
        }
    }

    // ---- conditions -----------------------------------------------------------------------

    private void AddCompare(CmpOpKind op)
    {
        switch (op)
        {
            case CmpOpKind.Is:
                AddOpI(IS_OP, 0);
                return;
            case CmpOpKind.IsNot:
                AddOpI(IS_OP, 1);
                return;
            case CmpOpKind.In:
                AddOpI(CONTAINS_OP, 0);
                return;
            case CmpOpKind.NotIn:
                AddOpI(CONTAINS_OP, 1);
                return;
        }
        var cmp = op switch
        {
            CmpOpKind.Eq => CompareOp.Eq,
            CmpOpKind.NotEq => CompareOp.Ne,
            CmpOpKind.Lt => CompareOp.Lt,
            CmpOpKind.LtE => CompareOp.Le,
            CmpOpKind.Gt => CompareOp.Gt,
            _ => CompareOp.Ge,
        };
        AddOpI(COMPARE_OP, (int)cmp);
    }

    private static bool CheckIsArg(ExprNode e) =>
        e is not Constant c || c.Value == ConstantSingleton.None || c.Value is bool || c.Value == ConstantSingleton.Ellipsis;

    private void CheckCompare(Compare e)
    {
        bool left = CheckIsArg(e.Left);
        for (int i = 0; i < e.Ops.Length; i++)
        {
            var op = e.Ops[i];
            bool right = CheckIsArg(e.Comparators[i]);
            if (op is CmpOpKind.Is or CmpOpKind.IsNot && (!right || !left))
            {
                Warn(op == CmpOpKind.Is
                    ? "\"is\" with a literal. Did you mean \"==\"?"
                    : "\"is not\" with a literal. Did you mean \"!=\"?");
            }
            left = right;
        }
    }

    /// <summary>compiler_jump_if: jump to <paramref name="next"/> when the condition's truth
    /// equals <paramref name="cond"/>.</summary>
    private void JumpIf(ExprNode e, BasicBlock next, bool cond)
    {
        switch (e)
        {
            case UnaryOp { Op: UnaryOpKind.Not } u:
                JumpIf(u.Operand, next, !cond);
                return;
            case BoolOp b:
            {
                var s = b.Values;
                int n = s.Length - 1;
                bool cond2 = b.Op == BoolOpKind.Or;
                var next2 = next;
                if (cond2 != cond)
                {
                    next2 = NewBlock();
                }
                for (int i = 0; i < n; i++)
                {
                    JumpIf(s[i], next2, cond2);
                }
                JumpIf(s[n], next, cond);
                if (next2 != next)
                {
                    UseNextBlock(next2);
                }
                return;
            }
            case IfExp ie:
            {
                var end = NewBlock();
                var next2 = NewBlock();
                JumpIf(ie.Test, next2, false);
                JumpIf(ie.Body, next, cond);
                AddOpJNoLine(JUMP, end);
                UseNextBlock(next2);
                JumpIf(ie.OrElse, next, cond);
                UseNextBlock(end);
                return;
            }
            case Compare c when c.Ops.Length > 1:
            {
                SetLoc(e);
                int n = c.Ops.Length - 1;
                CheckCompare(c);
                var cleanup = NewBlock();
                VisitExpr(c.Left);
                for (int i = 0; i < n; i++)
                {
                    VisitExpr(c.Comparators[i]);
                    AddOpI(SWAP, 2);
                    AddOpI(COPY, 2);
                    AddCompare(c.Ops[i]);
                    AddOpJ(POP_JUMP_IF_FALSE, cleanup);
                }
                VisitExpr(c.Comparators[n]);
                AddCompare(c.Ops[n]);
                AddOpJ(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
                var end = NewBlock();
                AddOpJNoLine(JUMP, end);
                UseNextBlock(cleanup);
                AddOp(POP_TOP);
                if (!cond)
                {
                    AddOpJNoLine(JUMP, next);
                }
                UseNextBlock(end);
                return;
            }
            case Compare:
                // compiler_jump_if sets the location before falling back.
                SetLoc(e);
                break;
        }
        VisitExpr(e);
        AddOpJ(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
    }

    private void BoolOpExpr(BoolOp e)
    {
        var jumpi = e.Op == BoolOpKind.And ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
        var end = NewBlock();
        var s = e.Values;
        int n = s.Length - 1;
        for (int i = 0; i < n; i++)
        {
            VisitExpr(s[i]);
            AddOpJ(jumpi, end);
            UseNextBlock(NewBlock());
        }
        VisitExpr(s[n]);
        UseNextBlock(end);
    }

    private void CompareExpr(Compare e)
    {
        CheckCompare(e);
        VisitExpr(e.Left);
        int n = e.Ops.Length - 1;
        if (n == 0)
        {
            VisitExpr(e.Comparators[0]);
            AddCompare(e.Ops[0]);
            return;
        }
        var cleanup = NewBlock();
        for (int i = 0; i < n; i++)
        {
            VisitExpr(e.Comparators[i]);
            AddOpI(SWAP, 2);
            AddOpI(COPY, 2);
            AddCompare(e.Ops[i]);
            AddOpJ(JUMP_IF_FALSE_OR_POP, cleanup);
        }
        VisitExpr(e.Comparators[n]);
        AddCompare(e.Ops[n]);
        var end = NewBlock();
        AddOpJNoLine(JUMP, end);
        UseNextBlock(cleanup);
        AddOpI(SWAP, 2);
        AddOp(POP_TOP);
        UseNextBlock(end);
    }

    // ---- lambda ---------------------------------------------------------------------------

    private void LambdaExpr(Lambda e)
    {
        var args = e.Args;
        CheckDebugArgs(args);
        int funcflags = DefaultArguments(args);
        EnterScope("<lambda>", ScopeType.Lambda, e, e.Lineno);
        // None is the first constant so that a lambda never has a docstring.
        _u.AddConst(ConstantSingleton.None);
        _u.ArgCount = args.Args.Length;
        _u.PosOnlyArgCount = args.PosOnlyArgs.Length;
        _u.KwOnlyArgCount = args.KwOnlyArgs.Length;
        VisitExpr(e.Body);
        CodeObject co;
        if (_u.Ste.Generator)
        {
            co = Assemble(addNone: false);
        }
        else
        {
            AddOp(RETURN_VALUE);
            co = Assemble(addNone: true);
        }
        ExitScope();
        MakeClosure(co, funcflags);
    }

    // ---- collections ----------------------------------------------------------------------

    private static bool AllConst(ExprNode?[] seq, int begin, int end)
    {
        for (int i = begin; i < end; i++)
        {
            if (seq[i] is not Constant)
            {
                return false;
            }
        }
        return true;
    }

    private void StarUnpackHelper(ExprNode[] elts, int pushed, Opcode build, Opcode add, Opcode extend, bool tuple)
    {
        int n = elts.Length;
        if (n > 2 && AllConst(elts, 0, n))
        {
            var folded = new object[n];
            for (int i = 0; i < n; i++)
            {
                folded[i] = ((Constant)elts[i]).Value;
            }
            if (tuple && pushed == 0)
            {
                LoadConst(new ConstantTuple(folded));
            }
            else
            {
                object value = add == SET_ADD ? new ConstantFrozenSet(folded) : new ConstantTuple(folded);
                AddOpI(build, pushed);
                LoadConst(value);
                AddOpI(extend, 1);
                if (tuple)
                {
                    AddOp(LIST_TO_TUPLE);
                }
            }
            return;
        }
        bool big = n + pushed > StackUseGuideline;
        bool seenStar = false;
        foreach (var elt in elts)
        {
            if (elt is Starred)
            {
                seenStar = true;
            }
        }
        if (!seenStar && !big)
        {
            foreach (var elt in elts)
            {
                VisitExpr(elt);
            }
            AddOpI(tuple ? BUILD_TUPLE : build, n + pushed);
            return;
        }
        bool sequenceBuilt = false;
        if (big)
        {
            AddOpI(build, pushed);
            sequenceBuilt = true;
        }
        for (int i = 0; i < n; i++)
        {
            var elt = elts[i];
            if (elt is Starred st)
            {
                if (!sequenceBuilt)
                {
                    AddOpI(build, i + pushed);
                    sequenceBuilt = true;
                }
                VisitExpr(st.Value);
                AddOpI(extend, 1);
            }
            else
            {
                VisitExpr(elt);
                if (sequenceBuilt)
                {
                    AddOpI(add, 1);
                }
            }
        }
        if (tuple)
        {
            AddOp(LIST_TO_TUPLE);
        }
    }

    private void UnpackHelper(ExprNode[] elts)
    {
        int n = elts.Length;
        bool seenStar = false;
        for (int i = 0; i < n; i++)
        {
            if (elts[i] is Starred)
            {
                if (seenStar)
                {
                    throw Error("multiple starred expressions in assignment");
                }
                if (i >= (1 << 8) || n - i - 1 >= (int.MaxValue >> 8))
                {
                    throw Error("too many expressions in star-unpacking assignment");
                }
                AddOpI(UNPACK_EX, i + ((n - i - 1) << 8));
                seenStar = true;
            }
        }
        if (!seenStar)
        {
            AddOpI(UNPACK_SEQUENCE, n);
        }
    }

    private void AssignmentHelper(ExprNode[] elts)
    {
        UnpackHelper(elts);
        foreach (var elt in elts)
        {
            VisitExpr(elt is Starred s ? s.Value : elt);
        }
    }

    private void SubDict(Dict e, int begin, int end)
    {
        int n = end - begin;
        bool big = n * 2 > StackUseGuideline;
        if (n > 1 && !big && AllConst(e.Keys, begin, end))
        {
            for (int i = begin; i < end; i++)
            {
                VisitExpr(e.Values[i]);
            }
            var keys = new object[n];
            for (int i = begin; i < end; i++)
            {
                keys[i - begin] = ((Constant)e.Keys[i]).Value;
            }
            LoadConst(new ConstantTuple(keys));
            AddOpI(BUILD_CONST_KEY_MAP, n);
            return;
        }
        if (big)
        {
            AddOpI(BUILD_MAP, 0);
        }
        for (int i = begin; i < end; i++)
        {
            VisitExpr(e.Keys[i]);
            VisitExpr(e.Values[i]);
            if (big)
            {
                AddOpI(MAP_ADD, 1);
            }
        }
        if (!big)
        {
            AddOpI(BUILD_MAP, n);
        }
    }

    private void DictExpr(Dict e)
    {
        int n = e.Values.Length;
        bool haveDict = false;
        int elements = 0;
        for (int i = 0; i < n; i++)
        {
            bool isUnpacking = e.Keys[i] is null;
            if (isUnpacking)
            {
                if (elements > 0)
                {
                    SubDict(e, i - elements, i);
                    if (haveDict)
                    {
                        AddOpI(DICT_UPDATE, 1);
                    }
                    haveDict = true;
                    elements = 0;
                }
                if (!haveDict)
                {
                    AddOpI(BUILD_MAP, 0);
                    haveDict = true;
                }
                VisitExpr(e.Values[i]);
                AddOpI(DICT_UPDATE, 1);
            }
            else if (elements * 2 > StackUseGuideline)
            {
                SubDict(e, i - elements, i + 1);
                if (haveDict)
                {
                    AddOpI(DICT_UPDATE, 1);
                }
                haveDict = true;
                elements = 0;
            }
            else
            {
                elements++;
            }
        }
        if (elements > 0)
        {
            SubDict(e, n - elements, n);
            if (haveDict)
            {
                AddOpI(DICT_UPDATE, 1);
            }
            haveDict = true;
        }
        if (!haveDict)
        {
            AddOpI(BUILD_MAP, 0);
        }
    }

    // ---- subscripts -----------------------------------------------------------------------

    private static string? InferTypeName(ExprNode e) => e switch
    {
        Tuple => "tuple",
        List or ListComp => "list",
        Dict or DictComp => "dict",
        Set or SetComp => "set",
        GeneratorExp => "generator",
        Lambda => "function",
        JoinedStr or FormattedValue => "str",
        Constant c => ConstantTypeName(c.Value),
        _ => null,
    };

    private static string ConstantTypeName(object v) => v switch
    {
        bool => "bool",
        BigInteger => "int",
        double => "float",
        Complex => "complex",
        string or CodePointStr => "str",
        byte[] => "bytes",
        ConstantTuple => "tuple",
        ConstantFrozenSet => "frozenset",
        _ when v == ConstantSingleton.None => "NoneType",
        _ when v == ConstantSingleton.Ellipsis => "ellipsis",
        _ => "object",
    };

    private void CheckCaller(ExprNode e)
    {
        if (e is Constant or Tuple or List or ListComp or Dict or DictComp or Set or SetComp or GeneratorExp or JoinedStr or FormattedValue)
        {
            Warn($"'{InferTypeName(e)}' object is not callable; perhaps you missed a comma?");
        }
    }

    private void CheckSubscripter(ExprNode e)
    {
        if (e is Constant c)
        {
            var v = c.Value;
            if (!(v == ConstantSingleton.None || v == ConstantSingleton.Ellipsis || v is BigInteger or bool or double or Complex or ConstantFrozenSet))
            {
                return;
            }
        }
        else if (e is not (Set or SetComp or GeneratorExp or Lambda))
        {
            return;
        }
        Warn($"'{InferTypeName(e)}' object is not subscriptable; perhaps you missed a comma?");
    }

    private void CheckIndex(ExprNode e, ExprNode s)
    {
        var indexType = InferTypeName(s);
        if (indexType is null or "int" or "bool" || s is Slice)
        {
            return;
        }
        if (e is Constant c)
        {
            if (c.Value is not (string or byte[] or ConstantTuple))
            {
                return;
            }
        }
        else if (e is not (Tuple or List or ListComp or JoinedStr or FormattedValue))
        {
            return;
        }
        Warn($"{InferTypeName(e)} indices must be integers or slices, not {indexType}; perhaps you missed a comma?");
    }

    private void SubscriptExpr(Subscript e)
    {
        if (e.Ctx == ExprContext.Load)
        {
            CheckSubscripter(e.Value);
            CheckIndex(e.Value, e.Slice);
        }
        VisitExpr(e.Value);
        VisitExpr(e.Slice);
        AddOp(e.Ctx switch
        {
            ExprContext.Load => BINARY_SUBSCR,
            ExprContext.Store => STORE_SUBSCR,
            _ => DELETE_SUBSCR,
        });
    }

    // ---- calls ----------------------------------------------------------------------------

    private bool IsImportOriginated(ExprNode e) =>
        e is Name n && (_st.Top.GetSymbol(n.Id) & Def.Import) != 0;

    private bool MaybeOptimizeMethodCall(Call e)
    {
        if (e.Func is not Attribute { Ctx: ExprContext.Load } meth)
        {
            return false;
        }
        if (IsImportOriginated(meth.Value))
        {
            return false;
        }
        var args = e.Args;
        var kwds = e.Keywords;
        int argsl = args.Length, kwdsl = kwds.Length;
        if (argsl + kwdsl + (kwdsl != 0 ? 1 : 0) >= StackUseGuideline)
        {
            return false;
        }
        foreach (var a in args)
        {
            if (a is Starred)
            {
                return false;
            }
        }
        foreach (var k in kwds)
        {
            if (k.Arg is null)
            {
                return false;
            }
        }
        VisitExpr(meth.Value);
        SetLoc(meth);
        UpdateStartLocationToMatchAttr(meth);
        AddOpName(LOAD_METHOD, _u.Names, meth.Attr);
        foreach (var a in args)
        {
            VisitExpr(a);
        }
        if (kwdsl > 0)
        {
            foreach (var k in kwds)
            {
                VisitExpr(k.Value);
            }
            CallSimpleKwHelper(kwds);
        }
        SetLoc(e);
        UpdateStartLocationToMatchAttr(meth);
        AddOpI(PRECALL, argsl + kwdsl);
        AddOpI(CALL, argsl + kwdsl);
        return true;
    }

    private void ValidateKeywords(Keyword[] keywords)
    {
        for (int i = 0; i < keywords.Length; i++)
        {
            var key = keywords[i];
            if (key.Arg is null)
            {
                continue;
            }
            ForbiddenName(key.Arg, ExprContext.Store);
            for (int j = i + 1; j < keywords.Length; j++)
            {
                var other = keywords[j];
                if (other.Arg is not null && other.Arg == key.Arg)
                {
                    SetLoc(other);
                    throw Error($"keyword argument repeated: {key.Arg}");
                }
            }
        }
    }

    private void CallExpr(Call e)
    {
        ValidateKeywords(e.Keywords);
        if (MaybeOptimizeMethodCall(e))
        {
            return;
        }
        CheckCaller(e.Func);
        SetLoc(e.Func);
        AddOp(PUSH_NULL);
        SetLoc(e);
        VisitExpr(e.Func);
        CallHelper(0, e.Args, e.Keywords);
    }

    private void JoinedStrExpr(JoinedStr e)
    {
        int count = e.Values.Length;
        if (count > StackUseGuideline)
        {
            LoadConst("");
            AddOpNameUnmangled(LOAD_METHOD, _u.Names, "join");
            AddOpI(BUILD_LIST, 0);
            foreach (var v in e.Values)
            {
                VisitExpr(v);
                AddOpI(LIST_APPEND, 1);
            }
            AddOpI(PRECALL, 1);
            AddOpI(CALL, 1);
        }
        else
        {
            foreach (var v in e.Values)
            {
                VisitExpr(v);
            }
            if (count != 1)
            {
                AddOpI(BUILD_STRING, count);
            }
        }
    }

    private void FormattedValueExpr(FormattedValue e)
    {
        VisitExpr(e.Value);
        int oparg = e.Conversion switch
        {
            's' => (int)FormatValueFlags.Str,
            'r' => (int)FormatValueFlags.Repr,
            'a' => (int)FormatValueFlags.Ascii,
            -1 => 0,
            _ => throw new PythonException("SystemError", $"Unrecognized conversion character {e.Conversion}"),
        };
        if (e.FormatSpec is not null)
        {
            VisitExpr(e.FormatSpec);
            oparg |= (int)FormatValueFlags.HaveSpec;
        }
        AddOpI(FORMAT_VALUE, oparg);
    }

    private void SubKwargs(Keyword[] keywords, int begin, int end)
    {
        int n = end - begin;
        bool big = n * 2 > StackUseGuideline;
        if (n > 1 && !big)
        {
            for (int i = begin; i < end; i++)
            {
                VisitExpr(keywords[i].Value);
            }
            var keys = new object[n];
            for (int i = begin; i < end; i++)
            {
                keys[i - begin] = keywords[i].Arg!;
            }
            LoadConst(new ConstantTuple(keys));
            AddOpI(BUILD_CONST_KEY_MAP, n);
            return;
        }
        if (big)
        {
            AddOpINoLine(BUILD_MAP, 0);
        }
        for (int i = begin; i < end; i++)
        {
            LoadConst(keywords[i].Arg!);
            VisitExpr(keywords[i].Value);
            if (big)
            {
                AddOpINoLine(MAP_ADD, 1);
            }
        }
        if (!big)
        {
            AddOpI(BUILD_MAP, n);
        }
    }

    private void CallSimpleKwHelper(Keyword[] keywords)
    {
        var names = new object[keywords.Length];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = keywords[i].Arg!;
        }
        AddOpI(KW_NAMES, _u.AddConst(new ConstantTuple(names)));
    }

    /// <summary>compiler_call_helper: the arguments and the call, <paramref name="n"/>
    /// positional arguments being on the stack already.</summary>
    private void CallHelper(int n, ExprNode[] args, Keyword[] keywords)
    {
        ValidateKeywords(keywords);
        int nelts = args.Length, nkwelts = keywords.Length;
        bool exCall = nelts + nkwelts * 2 > StackUseGuideline;
        foreach (var a in args)
        {
            exCall |= a is Starred;
        }
        foreach (var k in keywords)
        {
            exCall |= k.Arg is null;
        }
        if (!exCall)
        {
            foreach (var a in args)
            {
                VisitExpr(a);
            }
            if (nkwelts > 0)
            {
                foreach (var k in keywords)
                {
                    VisitExpr(k.Value);
                }
                CallSimpleKwHelper(keywords);
            }
            AddOpI(PRECALL, n + nelts + nkwelts);
            AddOpI(CALL, n + nelts + nkwelts);
            return;
        }
        if (n == 0 && nelts == 1 && args[0] is Starred s0)
        {
            VisitExpr(s0.Value);
        }
        else
        {
            StarUnpackHelper(args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true);
        }
        if (nkwelts > 0)
        {
            bool haveDict = false;
            int nseen = 0;
            for (int i = 0; i < nkwelts; i++)
            {
                var kw = keywords[i];
                if (kw.Arg is null)
                {
                    if (nseen > 0)
                    {
                        SubKwargs(keywords, i - nseen, i);
                        if (haveDict)
                        {
                            AddOpI(DICT_MERGE, 1);
                        }
                        haveDict = true;
                        nseen = 0;
                    }
                    if (!haveDict)
                    {
                        AddOpI(BUILD_MAP, 0);
                        haveDict = true;
                    }
                    VisitExpr(kw.Value);
                    AddOpI(DICT_MERGE, 1);
                }
                else
                {
                    nseen++;
                }
            }
            if (nseen > 0)
            {
                SubKwargs(keywords, nkwelts - nseen, nkwelts);
                if (haveDict)
                {
                    AddOpI(DICT_MERGE, 1);
                }
            }
        }
        AddOpI(CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
    }

    // ---- comprehensions -------------------------------------------------------------------

    private void ComprehensionGenerator(Comprehension[] generators, int genIndex, int depth, ExprNode elt, ExprNode? val, CompKind type)
    {
        if (generators[genIndex].IsAsync != 0)
        {
            AsyncComprehensionGenerator(generators, genIndex, depth, elt, val, type);
        }
        else
        {
            SyncComprehensionGenerator(generators, genIndex, depth, elt, val, type);
        }
    }

    private void ComprehensionElement(ExprNode elt, ExprNode? val, CompKind type, int depth)
    {
        switch (type)
        {
            case CompKind.GenExp:
                VisitExpr(elt);
                AddOpYield();
                AddOp(POP_TOP);
                break;
            case CompKind.ListComp:
                VisitExpr(elt);
                AddOpI(LIST_APPEND, depth + 1);
                break;
            case CompKind.SetComp:
                VisitExpr(elt);
                AddOpI(SET_ADD, depth + 1);
                break;
            default:
                // {k: v} evaluates k first.
                VisitExpr(elt);
                VisitExpr(val!);
                AddOpI(MAP_ADD, depth + 1);
                break;
        }
    }

    private void SyncComprehensionGenerator(Comprehension[] generators, int genIndex, int depth, ExprNode elt, ExprNode? val, CompKind type)
    {
        BasicBlock? start = NewBlock();
        var ifCleanup = NewBlock();
        var anchor = NewBlock();
        var gen = generators[genIndex];
        if (genIndex == 0)
        {
            // The outermost iterator arrives as the implicit argument .0.
            _u.ArgCount = 1;
            AddOpI(LOAD_FAST, 0);
        }
        else
        {
            // `for y in [f(x)]` binds y without iterating.
            ExprNode[]? elts = gen.Iter switch
            {
                List l => l.Elts,
                Tuple t => t.Elts,
                _ => null,
            };
            if (elts is { Length: 1 } && elts[0] is not Starred)
            {
                VisitExpr(elts[0]);
                start = null;
            }
            if (start is not null)
            {
                VisitExpr(gen.Iter);
                AddOp(GET_ITER);
            }
        }
        if (start is not null)
        {
            depth++;
            UseNextBlock(start);
            AddOpJ(FOR_ITER, anchor);
        }
        VisitExpr(gen.Target);
        foreach (var e in gen.Ifs)
        {
            JumpIf(e, ifCleanup, false);
        }
        if (++genIndex < generators.Length)
        {
            ComprehensionGenerator(generators, genIndex, depth, elt, val, type);
        }
        if (genIndex >= generators.Length)
        {
            ComprehensionElement(elt, val, type, depth);
        }
        UseNextBlock(ifCleanup);
        if (start is not null)
        {
            AddOpJ(JUMP, start);
            UseNextBlock(anchor);
        }
    }

    private void AsyncComprehensionGenerator(Comprehension[] generators, int genIndex, int depth, ExprNode elt, ExprNode? val, CompKind type)
    {
        var start = NewBlock();
        var except = NewBlock();
        var ifCleanup = NewBlock();
        var gen = generators[genIndex];
        if (genIndex == 0)
        {
            _u.ArgCount = 1;
            AddOpI(LOAD_FAST, 0);
        }
        else
        {
            VisitExpr(gen.Iter);
            AddOp(GET_AITER);
        }
        UseNextBlock(start);
        PushFBlock(FBlockType.AsyncComprehensionGenerator, start, null, null);
        AddOpJ(SETUP_FINALLY, except);
        AddOp(GET_ANEXT);
        LoadConst(ConstantSingleton.None);
        AddYieldFrom(true);
        AddOp(POP_BLOCK);
        VisitExpr(gen.Target);
        foreach (var e in gen.Ifs)
        {
            JumpIf(e, ifCleanup, false);
        }
        depth++;
        if (++genIndex < generators.Length)
        {
            ComprehensionGenerator(generators, genIndex, depth, elt, val, type);
        }
        if (genIndex >= generators.Length)
        {
            ComprehensionElement(elt, val, type, depth);
        }
        UseNextBlock(ifCleanup);
        AddOpJ(JUMP, start);
        PopFBlock();
        UseNextBlock(except);
        AddOp(END_ASYNC_FOR);
    }

    private void Comprehension(ExprNode e, CompKind type, string name, Comprehension[] generators, ExprNode elt, ExprNode? val)
    {
        var scopeType = _u.ScopeType;
        bool isTopLevelAwait = IsTopLevelAwait;
        var outermost = generators[0];
        EnterScope(name, ScopeType.Comprehension, e, e.Lineno);
        SetLoc(e);
        bool isAsyncGenerator = _u.Ste.Coroutine;
        if (isAsyncGenerator && type != CompKind.GenExp && scopeType != ScopeType.AsyncFunction
            && scopeType != ScopeType.Comprehension && !isTopLevelAwait)
        {
            throw Error("asynchronous comprehension outside of an asynchronous function");
        }
        if (type != CompKind.GenExp)
        {
            AddOpI(type switch
            {
                CompKind.ListComp => BUILD_LIST,
                CompKind.SetComp => BUILD_SET,
                _ => BUILD_MAP,
            }, 0);
        }
        ComprehensionGenerator(generators, 0, 0, elt, val, type);
        if (type != CompKind.GenExp)
        {
            AddOp(RETURN_VALUE);
        }
        var co = Assemble(addNone: true);
        ExitScope();
        if (isTopLevelAwait && isAsyncGenerator)
        {
            _u.Ste.Coroutine = true;
        }
        MakeClosure(co, 0);
        VisitExpr(outermost.Iter);
        AddOp(outermost.IsAsync != 0 ? GET_AITER : GET_ITER);
        AddOpI(PRECALL, 0);
        AddOpI(CALL, 0);
        if (isAsyncGenerator && type != CompKind.GenExp)
        {
            AddOpI(GET_AWAITABLE, 0);
            LoadConst(ConstantSingleton.None);
            AddYieldFrom(true);
        }
    }
}
