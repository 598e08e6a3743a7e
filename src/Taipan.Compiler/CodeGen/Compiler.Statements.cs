// Python/compile.c (statements)
using Taipan.Bytecode;
using Taipan.Compiler.FlowGraph;
using Taipan.Compiler.Future;
using Taipan.Compiler.Symtable;
using Taipan.Syntax.Ast;
using static Taipan.Bytecode.Opcode;
using static Taipan.Bytecode.PseudoOpcode;

namespace Taipan.Compiler.CodeGen;

public sealed partial class Compiler
{
    private void VisitStmts(StmtNode[] stmts)
    {
        foreach (var s in stmts)
        {
            VisitStmt(s);
        }
    }

    /// <summary>_PyAST_GetDocString.</summary>
    private static object? GetDocString(StmtNode[] body) =>
        body.Length > 0 && body[0] is Expr { Value: Constant { Value: { } s } } && CodePointStr.IsStr(s) ? s : null;

    /// <summary>find_ann: does a block hold variable annotations (so it needs __annotations__)?</summary>
    private static bool FindAnn(StmtNode[] stmts)
    {
        foreach (var st in stmts)
        {
            bool res;
            switch (st)
            {
                case AnnAssign:
                    return true;
                case For f:
                    res = FindAnn(f.Body) || FindAnn(f.OrElse);
                    break;
                case AsyncFor f:
                    res = FindAnn(f.Body) || FindAnn(f.OrElse);
                    break;
                case While w:
                    res = FindAnn(w.Body) || FindAnn(w.OrElse);
                    break;
                case If i:
                    res = FindAnn(i.Body) || FindAnn(i.OrElse);
                    break;
                case With w:
                    res = FindAnn(w.Body);
                    break;
                case AsyncWith w:
                    res = FindAnn(w.Body);
                    break;
                case Try t:
                    foreach (ExceptHandler h in t.Handlers)
                    {
                        if (FindAnn(h.Body))
                        {
                            return true;
                        }
                    }
                    res = FindAnn(t.Body) || FindAnn(t.FinalBody) || FindAnn(t.OrElse);
                    break;
                case TryStar t:
                    foreach (ExceptHandler h in t.Handlers)
                    {
                        if (FindAnn(h.Body))
                        {
                            return true;
                        }
                    }
                    res = FindAnn(t.Body) || FindAnn(t.FinalBody) || FindAnn(t.OrElse);
                    break;
                case Match m:
                    foreach (var mc in m.Cases)
                    {
                        if (FindAnn(mc.Body))
                        {
                            return true;
                        }
                    }
                    res = false;
                    break;
                default:
                    res = false;
                    break;
            }
            if (res)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>compiler_body: a module or class body, with its docstring and annotations.</summary>
    private void Body(StmtNode[] stmts)
    {
        int i = 0;
        // SETUP_ANNOTATIONS gets the first statement's line.
        if (_u.ScopeType == ScopeType.Module && stmts.Length > 0)
        {
            SetLoc(stmts[0]);
        }
        if (FindAnn(stmts))
        {
            AddOp(SETUP_ANNOTATIONS);
        }
        if (stmts.Length == 0)
        {
            return;
        }
        if (_optimize < 2 && GetDocString(stmts) is not null)
        {
            i = 1;
            var st = (Expr)stmts[0];
            VisitExpr(st.Value);
            UnsetLoc();
            NameOp("__doc__", ExprContext.Store);
        }
        for (; i < stmts.Length; i++)
        {
            VisitStmt(stmts[i]);
        }
    }

    private void VisitStmt(StmtNode s)
    {
        SetLoc(s);
        switch (s)
        {
            case FunctionDef f:
                Function(f, f.Name, f.Args, f.Body, f.DecoratorList, f.Returns, isAsync: false);
                break;
            case AsyncFunctionDef f:
                Function(f, f.Name, f.Args, f.Body, f.DecoratorList, f.Returns, isAsync: true);
                break;
            case ClassDef c:
                Class(c);
                break;
            case Return r:
                ReturnStmt(r);
                break;
            case Delete d:
                foreach (var t in d.Targets)
                {
                    VisitExpr(t);
                }
                break;
            case Assign a:
                VisitExpr(a.Value);
                for (int i = 0; i < a.Targets.Length; i++)
                {
                    if (i < a.Targets.Length - 1)
                    {
                        AddOpI(COPY, 1);
                    }
                    VisitExpr(a.Targets[i]);
                }
                break;
            case AugAssign a:
                AugAssignStmt(a);
                break;
            case AnnAssign a:
                AnnAssignStmt(a);
                break;
            case For f:
                ForStmt(f);
                break;
            case While w:
                WhileStmt(w);
                break;
            case If i:
                IfStmt(i);
                break;
            case Match m:
                MatchStmt(m);
                break;
            case Raise r:
            {
                int n = 0;
                if (r.Exc is not null)
                {
                    VisitExpr(r.Exc);
                    n++;
                    if (r.Cause is not null)
                    {
                        VisitExpr(r.Cause);
                        n++;
                    }
                }
                AddOpI(RAISE_VARARGS, n);
                break;
            }
            case Try t:
                if (t.FinalBody.Length > 0)
                {
                    TryFinally(t.Body, t.Handlers, t.OrElse, t.FinalBody, star: false);
                }
                else
                {
                    TryExcept(t.Body, t.Handlers, t.OrElse);
                }
                break;
            case TryStar t:
                if (t.FinalBody.Length > 0)
                {
                    TryFinally(t.Body, t.Handlers, t.OrElse, t.FinalBody, star: true);
                }
                else
                {
                    TryStarExcept(t.Body, t.Handlers, t.OrElse);
                }
                break;
            case Assert a:
                AssertStmt(a);
                break;
            case Import imp:
                ImportStmt(imp);
                break;
            case ImportFrom imp:
                FromImport(imp);
                break;
            case Global:
            case Nonlocal:
                break;
            case Expr e:
                StmtExpr(e.Value);
                break;
            case Pass:
                AddOp(NOP);
                break;
            case Break:
                BreakStmt();
                break;
            case Continue:
                ContinueStmt();
                break;
            case With w:
                WithStmt(w, 0);
                break;
            case AsyncWith w:
                AsyncWithStmt(w, 0);
                break;
            case AsyncFor f:
                AsyncForStmt(f);
                break;
        }
    }

    private void StmtExpr(ExprNode value)
    {
        if (_interactive && _nestLevel <= 1)
        {
            VisitExpr(value);
            AddOp(PRINT_EXPR);
            return;
        }
        if (value is Constant)
        {
            // A constant statement (a docstring in the wrong place, say) only marks its line.
            AddOp(NOP);
            return;
        }
        VisitExpr(value);
        UnsetLoc();
        AddOp(POP_TOP);
    }

    // ---- functions and classes ------------------------------------------------------------

    private void CheckDebugArgs(Arguments args)
    {
        foreach (var a in args.PosOnlyArgs)
        {
            ForbiddenName(a.Name, ExprContext.Store);
        }
        foreach (var a in args.Args)
        {
            ForbiddenName(a.Name, ExprContext.Store);
        }
        if (args.VarArg is not null)
        {
            ForbiddenName(args.VarArg.Name, ExprContext.Store);
        }
        foreach (var a in args.KwOnlyArgs)
        {
            ForbiddenName(a.Name, ExprContext.Store);
        }
        if (args.KwArg is not null)
        {
            ForbiddenName(args.KwArg.Name, ExprContext.Store);
        }
    }

    private void ApplyDecorators(ExprNode[] decos)
    {
        var saved = SaveLoc();
        for (int i = decos.Length - 1; i >= 0; i--)
        {
            SetLoc(decos[i]);
            AddOpI(PRECALL, 0);
            AddOpI(CALL, 0);
        }
        RestoreLoc(saved);
    }

    /// <summary>compiler_visit_kwonlydefaults: true when a dict was pushed.</summary>
    private bool KwOnlyDefaults(Arg[] kwonlyargs, ExprNode?[] kwDefaults)
    {
        List<object>? keys = null;
        for (int i = 0; i < kwonlyargs.Length; i++)
        {
            var d = i < kwDefaults.Length ? kwDefaults[i] : null;
            if (d is not null)
            {
                (keys ??= new()).Add(Mangling.Mangle(_u.Private, kwonlyargs[i].Name));
                VisitExpr(d);
            }
        }
        if (keys is null)
        {
            return false;
        }
        LoadConst(new ConstantTuple(keys.ToArray()));
        AddOpI(BUILD_CONST_KEY_MAP, keys.Count);
        return true;
    }

    private void ArgAnnotation(string id, ExprNode? annotation, ref int len)
    {
        if (annotation is null)
        {
            return;
        }
        LoadConst(Mangling.Mangle(_u.Private, id));
        if ((_future.Features & CompilerFlags.FutureAnnotations) != 0)
        {
            LoadConst(AstOpt.AstUnparser.Unparse(annotation));
        }
        else if (annotation is Starred st)
        {
            // *args: *Ts — the annotation is the single item of the unpacking.
            VisitExpr(st.Value);
            AddOpI(UNPACK_SEQUENCE, 1);
        }
        else
        {
            VisitExpr(annotation);
        }
        len += 2;
    }

    /// <summary>compiler_visit_annotations: true when a tuple of annotations was pushed.</summary>
    private bool Annotations(Arguments args, ExprNode? returns)
    {
        int len = 0;
        foreach (var a in args.Args)
        {
            ArgAnnotation(a.Name, a.Annotation, ref len);
        }
        foreach (var a in args.PosOnlyArgs)
        {
            ArgAnnotation(a.Name, a.Annotation, ref len);
        }
        if (args.VarArg is { Annotation: not null } va)
        {
            ArgAnnotation(va.Name, va.Annotation, ref len);
        }
        foreach (var a in args.KwOnlyArgs)
        {
            ArgAnnotation(a.Name, a.Annotation, ref len);
        }
        if (args.KwArg is { Annotation: not null } ka)
        {
            ArgAnnotation(ka.Name, ka.Annotation, ref len);
        }
        ArgAnnotation("return", returns, ref len);
        if (len > 0)
        {
            AddOpI(BUILD_TUPLE, len);
            return true;
        }
        return false;
    }

    private int DefaultArguments(Arguments args)
    {
        int flags = 0;
        if (args.Defaults.Length > 0)
        {
            foreach (var d in args.Defaults)
            {
                VisitExpr(d);
            }
            AddOpI(BUILD_TUPLE, args.Defaults.Length);
            flags |= 0x01;
        }
        if (args.KwOnlyArgs.Length > 0 && KwOnlyDefaults(args.KwOnlyArgs, args.KwDefaults))
        {
            flags |= 0x02;
        }
        return flags;
    }

    private void Function(StmtNode s, string name, Arguments args, StmtNode[] body, ExprNode[] decos, ExprNode? returns, bool isAsync)
    {
        CheckDebugArgs(args);
        foreach (var d in decos)
        {
            VisitExpr(d);
        }
        int firstlineno = decos.Length > 0 ? decos[0].Lineno : s.Lineno;
        int funcflags = DefaultArguments(args);
        if (Annotations(args, returns))
        {
            funcflags |= 0x04;
        }
        EnterScope(name, isAsync ? ScopeType.AsyncFunction : ScopeType.Function, s, firstlineno);
        object? docstring = _optimize < 2 ? GetDocString(body) : null;
        _u.AddConst(docstring is not null ? docstring : ConstantSingleton.None);
        _u.ArgCount = args.Args.Length;
        _u.PosOnlyArgCount = args.PosOnlyArgs.Length;
        _u.KwOnlyArgCount = args.KwOnlyArgs.Length;
        for (int i = docstring is not null ? 1 : 0; i < body.Length; i++)
        {
            VisitStmt(body[i]);
        }
        var co = Assemble(addNone: true);
        ExitScope();
        MakeClosure(co, funcflags);
        ApplyDecorators(decos);
        NameOp(name, ExprContext.Store);
    }

    private void Class(ClassDef s)
    {
        var decos = s.DecoratorList;
        foreach (var d in decos)
        {
            VisitExpr(d);
        }
        int firstlineno = decos.Length > 0 ? decos[0].Lineno : s.Lineno;
        EnterScope(s.Name, ScopeType.Class, s, firstlineno);
        _u.Private = s.Name;
        NameOp("__name__", ExprContext.Load);
        NameOp("__module__", ExprContext.Store);
        LoadConst(_u.QualName!);
        NameOp("__qualname__", ExprContext.Store);
        Body(s.Body);
        UnsetLoc();
        if (_u.Ste.NeedsClassClosure)
        {
            // Store the __class__ cell as __classcell__ and return it for type.__new__.
            AddOpI(LOAD_CLOSURE, _u.Cellvars["__class__"]);
            AddOpI(COPY, 1);
            NameOp("__classcell__", ExprContext.Store);
        }
        else
        {
            LoadConst(ConstantSingleton.None);
        }
        AddOp(RETURN_VALUE);
        var co = Assemble(addNone: true);
        ExitScope();
        AddOp(PUSH_NULL);
        AddOp(LOAD_BUILD_CLASS);
        MakeClosure(co, 0);
        LoadConst(s.Name);
        CallHelper(2, s.Bases, s.Keywords);
        ApplyDecorators(decos);
        NameOp(s.Name, ExprContext.Store);
    }

    // ---- simple statements ----------------------------------------------------------------

    private void ReturnStmt(Return s)
    {
        bool preserveTos = s.Value is not null && s.Value is not Constant;
        if (_u.Ste.Type != BlockType.Function)
        {
            throw Error("'return' outside function");
        }
        if (s.Value is not null && _u.Ste.Coroutine && _u.Ste.Generator)
        {
            throw Error("'return' with value in async generator");
        }
        if (preserveTos)
        {
            VisitExpr(s.Value!);
        }
        else if (s.Value is not null)
        {
            // The return value's line is marked even though the constant loads later.
            SetLoc(s.Value);
            AddOp(NOP);
        }
        if (s.Value is null || s.Value.Lineno != s.Lineno)
        {
            SetLoc(s);
            AddOp(NOP);
        }
        UnwindFBlockStack(preserveTos, loop: false, out _);
        if (s.Value is null)
        {
            LoadConst(ConstantSingleton.None);
        }
        else if (!preserveTos)
        {
            LoadConst(((Constant)s.Value).Value);
        }
        AddOp(RETURN_VALUE);
    }

    private void BreakStmt()
    {
        var saved = SaveLoc();
        AddOp(NOP);
        if (!UnwindFBlockStack(false, loop: true, out var loop))
        {
            RestoreLoc(saved);
            throw Error("'break' outside loop");
        }
        UnwindFBlock(loop, false);
        AddOpJ(JUMP, loop.Exit!);
    }

    private void ContinueStmt()
    {
        var saved = SaveLoc();
        AddOp(NOP);
        if (!UnwindFBlockStack(false, loop: true, out var loop))
        {
            RestoreLoc(saved);
            throw Error("'continue' not properly in loop");
        }
        AddOpJ(JUMP, loop.Block!);
    }

    /// <summary>compiler_unwind_fblock_stack. With <paramref name="loop"/>, stops at the
    /// innermost loop and returns whether one was found.</summary>
    private bool UnwindFBlockStack(bool preserveTos, bool loop, out FBlockInfo found)
    {
        found = default;
        if (_u.NFBlocks == 0)
        {
            return false;
        }
        var top = _u.FBlocks[_u.NFBlocks - 1];
        if (top.Type == FBlockType.ExceptionGroupHandler)
        {
            throw Error("'break', 'continue' and 'return' cannot appear in an except* block");
        }
        if (loop && top.Type is FBlockType.WhileLoop or FBlockType.ForLoop)
        {
            found = top;
            return true;
        }
        _u.NFBlocks--;
        UnwindFBlock(top, preserveTos);
        bool result = UnwindFBlockStack(preserveTos, loop, out found);
        _u.FBlocks[_u.NFBlocks] = top;
        _u.NFBlocks++;
        return result;
    }

    private void UnwindFBlock(FBlockInfo info, bool preserveTos)
    {
        switch (info.Type)
        {
            case FBlockType.WhileLoop:
            case FBlockType.ExceptionHandler:
            case FBlockType.ExceptionGroupHandler:
            case FBlockType.AsyncComprehensionGenerator:
                return;
            case FBlockType.ForLoop:
                // Pop the iterator.
                if (preserveTos)
                {
                    AddOpI(SWAP, 2);
                }
                AddOp(POP_TOP);
                return;
            case FBlockType.TryExcept:
                AddOp(POP_BLOCK);
                return;
            case FBlockType.FinallyTry:
                // This POP_BLOCK gets the line number of the unwinding statement.
                AddOp(POP_BLOCK);
                if (preserveTos)
                {
                    PushFBlock(FBlockType.PopValue, null, null, null);
                }
                VisitStmts((StmtNode[])info.Datum!);
                if (preserveTos)
                {
                    PopFBlock();
                }
                // The finally body should appear to run after the unwinding statement.
                UnsetLoc();
                return;
            case FBlockType.FinallyEnd:
                if (preserveTos)
                {
                    AddOpI(SWAP, 2);
                }
                AddOp(POP_TOP);
                if (preserveTos)
                {
                    AddOpI(SWAP, 2);
                }
                AddOp(POP_BLOCK);
                AddOp(POP_EXCEPT);
                return;
            case FBlockType.With:
            case FBlockType.AsyncWith:
                SetLoc((StmtNode)info.Datum!);
                AddOp(POP_BLOCK);
                if (preserveTos)
                {
                    AddOpI(SWAP, 2);
                }
                CallExitWithNones();
                if (info.Type == FBlockType.AsyncWith)
                {
                    AddOpI(GET_AWAITABLE, 2);
                    LoadConst(ConstantSingleton.None);
                    AddYieldFrom(true);
                }
                AddOp(POP_TOP);
                UnsetLoc();
                return;
            case FBlockType.HandlerCleanup:
            {
                var name = (string?)info.Datum;
                if (name is not null)
                {
                    AddOp(POP_BLOCK);
                }
                if (preserveTos)
                {
                    AddOpI(SWAP, 2);
                }
                AddOp(POP_BLOCK);
                AddOp(POP_EXCEPT);
                if (name is not null)
                {
                    LoadConst(ConstantSingleton.None);
                    NameOp(name, ExprContext.Store);
                    NameOp(name, ExprContext.Del);
                }
                return;
            }
            case FBlockType.PopValue:
                if (preserveTos)
                {
                    AddOpI(SWAP, 2);
                }
                AddOp(POP_TOP);
                return;
        }
    }

    private void CallExitWithNones()
    {
        LoadConst(ConstantSingleton.None);
        LoadConst(ConstantSingleton.None);
        LoadConst(ConstantSingleton.None);
        AddOpI(PRECALL, 2);
        AddOpI(CALL, 2);
    }

    private void AddYieldFrom(bool await)
    {
        var start = NewBlock();
        var resume = NewBlock();
        var exit = NewBlock();
        UseNextBlock(start);
        AddOpJ(SEND, exit);
        UseNextBlock(resume);
        AddOp(YIELD_VALUE);
        AddOpI(RESUME, await ? 3 : 2);
        AddOpJ(JUMP_NO_INTERRUPT, start);
        UseNextBlock(exit);
    }

    private void PopExceptAndReraise()
    {
        AddOpI(COPY, 3);
        AddOp(POP_EXCEPT);
        AddOpI(RERAISE, 1);
    }

    // ---- control flow ---------------------------------------------------------------------

    private void IfStmt(If s)
    {
        var end = NewBlock();
        var next = s.OrElse.Length > 0 ? NewBlock() : end;
        JumpIf(s.Test, next, false);
        VisitStmts(s.Body);
        if (s.OrElse.Length > 0)
        {
            AddOpJNoLine(JUMP, end);
            UseNextBlock(next);
            VisitStmts(s.OrElse);
        }
        UseNextBlock(end);
    }

    private void ForStmt(For s)
    {
        var start = NewBlock();
        var body = NewBlock();
        var cleanup = NewBlock();
        var end = NewBlock();
        PushFBlock(FBlockType.ForLoop, start, end, null);
        VisitExpr(s.Iter);
        AddOp(GET_ITER);
        UseNextBlock(start);
        AddOpJ(FOR_ITER, cleanup);
        UseNextBlock(body);
        VisitExpr(s.Target);
        VisitStmts(s.Body);
        UnsetLoc();
        AddOpJ(JUMP, start);
        UseNextBlock(cleanup);
        PopFBlock();
        VisitStmts(s.OrElse);
        UseNextBlock(end);
    }

    private bool IsTopLevelAwait => (_flags & CompilerFlags.AllowTopLevelAwait) != 0 && _u.Ste.Type == BlockType.Module;

    private void AsyncForStmt(AsyncFor s)
    {
        if (IsTopLevelAwait)
        {
            _u.Ste.Coroutine = true;
        }
        else if (_u.ScopeType != ScopeType.AsyncFunction)
        {
            throw Error("'async for' outside async function");
        }
        var start = NewBlock();
        var except = NewBlock();
        var end = NewBlock();
        VisitExpr(s.Iter);
        AddOp(GET_AITER);
        UseNextBlock(start);
        PushFBlock(FBlockType.ForLoop, start, end, null);
        AddOpJ(SETUP_FINALLY, except);
        AddOp(GET_ANEXT);
        LoadConst(ConstantSingleton.None);
        AddYieldFrom(true);
        AddOp(POP_BLOCK);
        VisitExpr(s.Target);
        VisitStmts(s.Body);
        UnsetLoc();
        AddOpJ(JUMP, start);
        PopFBlock();
        UseNextBlock(except);
        // END_ASYNC_FOR belongs to the iterator's line: it ends the loop, not the body.
        SetLoc(s.Iter);
        AddOp(END_ASYNC_FOR);
        VisitStmts(s.OrElse);
        UseNextBlock(end);
    }

    private void WhileStmt(While s)
    {
        var loop = NewBlock();
        var body = NewBlock();
        var anchor = NewBlock();
        var end = NewBlock();
        UseNextBlock(loop);
        PushFBlock(FBlockType.WhileLoop, loop, end, null);
        JumpIf(s.Test, anchor, false);
        UseNextBlock(body);
        VisitStmts(s.Body);
        SetLoc(s);
        JumpIf(s.Test, body, true);
        PopFBlock();
        UseNextBlock(anchor);
        VisitStmts(s.OrElse);
        UseNextBlock(end);
    }

    private void TryFinally(StmtNode[] bodyStmts, ExceptHandlerNode[] handlers, StmtNode[] orelse, StmtNode[] finalBody, bool star)
    {
        var body = NewBlock();
        var end = NewBlock();
        var exit = NewBlock();
        var cleanup = NewBlock();
        AddOpJ(SETUP_FINALLY, end);
        UseNextBlock(body);
        PushFBlock(FBlockType.FinallyTry, body, end, finalBody);
        if (handlers.Length > 0)
        {
            if (star)
            {
                TryStarExcept(bodyStmts, handlers, orelse);
            }
            else
            {
                TryExcept(bodyStmts, handlers, orelse);
            }
        }
        else
        {
            VisitStmts(bodyStmts);
        }
        AddOpNoLine(POP_BLOCK);
        PopFBlock();
        VisitStmts(finalBody);
        AddOpJNoLine(JUMP, exit);
        UseNextBlock(end);
        UnsetLoc();
        AddOpJ(SETUP_CLEANUP, cleanup);
        AddOp(PUSH_EXC_INFO);
        PushFBlock(FBlockType.FinallyEnd, end, null, null);
        VisitStmts(finalBody);
        PopFBlock();
        AddOpI(RERAISE, 0);
        UseNextBlock(cleanup);
        PopExceptAndReraise();
        UseNextBlock(exit);
    }

    private void TryExcept(StmtNode[] bodyStmts, ExceptHandlerNode[] handlers, StmtNode[] orelse)
    {
        var body = NewBlock();
        var except = NewBlock();
        var end = NewBlock();
        var cleanup = NewBlock();
        AddOpJ(SETUP_FINALLY, except);
        UseNextBlock(body);
        PushFBlock(FBlockType.TryExcept, body, null, null);
        VisitStmts(bodyStmts);
        PopFBlock();
        AddOpNoLine(POP_BLOCK);
        VisitStmts(orelse);
        AddOpJNoLine(JUMP, end);
        int n = handlers.Length;
        UseNextBlock(except);
        UnsetLoc();
        AddOpJ(SETUP_CLEANUP, cleanup);
        AddOp(PUSH_EXC_INFO);
        PushFBlock(FBlockType.ExceptionHandler, null, null, null);
        for (int i = 0; i < n; i++)
        {
            var handler = (ExceptHandler)handlers[i];
            SetLoc(handler);
            if (handler.Type is null && i < n - 1)
            {
                throw Error("default 'except:' must be last");
            }
            except = NewBlock();
            if (handler.Type is not null)
            {
                VisitExpr(handler.Type);
                AddOp(CHECK_EXC_MATCH);
                AddOpJ(POP_JUMP_IF_FALSE, except);
            }
            if (handler.Name is not null)
            {
                var cleanupEnd = NewBlock();
                var cleanupBody = NewBlock();
                NameOp(handler.Name, ExprContext.Store);
                // try: body finally: name = None; del name
                AddOpJ(SETUP_CLEANUP, cleanupEnd);
                UseNextBlock(cleanupBody);
                PushFBlock(FBlockType.HandlerCleanup, cleanupBody, null, handler.Name);
                VisitStmts(handler.Body);
                PopFBlock();
                UnsetLoc();
                AddOp(POP_BLOCK);
                AddOp(POP_BLOCK);
                AddOp(POP_EXCEPT);
                LoadConst(ConstantSingleton.None);
                NameOp(handler.Name, ExprContext.Store);
                NameOp(handler.Name, ExprContext.Del);
                AddOpJ(JUMP, end);
                UseNextBlock(cleanupEnd);
                UnsetLoc();
                LoadConst(ConstantSingleton.None);
                NameOp(handler.Name, ExprContext.Store);
                NameOp(handler.Name, ExprContext.Del);
                AddOpI(RERAISE, 1);
            }
            else
            {
                var cleanupBody = NewBlock();
                AddOp(POP_TOP);
                UseNextBlock(cleanupBody);
                PushFBlock(FBlockType.HandlerCleanup, cleanupBody, null, null);
                VisitStmts(handler.Body);
                PopFBlock();
                UnsetLoc();
                AddOp(POP_BLOCK);
                AddOp(POP_EXCEPT);
                AddOpJ(JUMP, end);
            }
            UseNextBlock(except);
        }
        UnsetLoc();
        PopFBlock();
        AddOpI(RERAISE, 0);
        UseNextBlock(cleanup);
        PopExceptAndReraise();
        UseNextBlock(end);
    }

    private void TryStarExcept(StmtNode[] bodyStmts, ExceptHandlerNode[] handlers, StmtNode[] orelseStmts)
    {
        var body = NewBlock();
        var except = NewBlock();
        var orelse = NewBlock();
        var end = NewBlock();
        var cleanup = NewBlock();
        var reraiseStar = NewBlock();
        AddOpJ(SETUP_FINALLY, except);
        UseNextBlock(body);
        PushFBlock(FBlockType.TryExcept, body, null, null);
        VisitStmts(bodyStmts);
        PopFBlock();
        AddOpNoLine(POP_BLOCK);
        AddOpJNoLine(JUMP, orelse);
        int n = handlers.Length;
        UseNextBlock(except);
        UnsetLoc();
        AddOpJ(SETUP_CLEANUP, cleanup);
        AddOp(PUSH_EXC_INFO);
        PushFBlock(FBlockType.ExceptionGroupHandler, null, null, "except handler");
        for (int i = 0; i < n; i++)
        {
            var handler = (ExceptHandler)handlers[i];
            SetLoc(handler);
            except = NewBlock();
            var exceptWithError = NewBlock();
            var noMatch = NewBlock();
            if (i == 0)
            {
                // [exc] -> [orig, [], exc]: the original group and a list for what is raised.
                AddOpI(COPY, 1);
                AddOpI(BUILD_LIST, 0);
                AddOpI(SWAP, 2);
            }
            if (handler.Type is not null)
            {
                // 3.11.2 jumps on a match and pops the None of a miss inline.
                var match = NewBlock();
                VisitExpr(handler.Type);
                AddOp(CHECK_EG_MATCH);
                AddOpI(COPY, 1);
                AddOpJ(POP_JUMP_IF_NOT_NONE, match);
                AddOp(POP_TOP);
                AddOpJ(JUMP, noMatch);
                UseNextBlock(match);
            }
            var cleanupEnd = NewBlock();
            var cleanupBody = NewBlock();
            if (handler.Name is not null)
            {
                NameOp(handler.Name, ExprContext.Store);
            }
            else
            {
                AddOp(POP_TOP);
            }
            AddOpJ(SETUP_CLEANUP, cleanupEnd);
            UseNextBlock(cleanupBody);
            PushFBlock(FBlockType.HandlerCleanup, cleanupBody, null, handler.Name);
            VisitStmts(handler.Body);
            PopFBlock();
            UnsetLoc();
            AddOp(POP_BLOCK);
            if (handler.Name is not null)
            {
                LoadConst(ConstantSingleton.None);
                NameOp(handler.Name, ExprContext.Store);
                NameOp(handler.Name, ExprContext.Del);
            }
            AddOpJ(JUMP, except);
            UseNextBlock(cleanupEnd);
            UnsetLoc();
            if (handler.Name is not null)
            {
                LoadConst(ConstantSingleton.None);
                NameOp(handler.Name, ExprContext.Store);
                NameOp(handler.Name, ExprContext.Del);
            }
            // An exception raised in the handler joins the list.
            AddOpI(LIST_APPEND, 3);
            AddOp(POP_TOP);
            AddOpJ(JUMP, exceptWithError);
            UseNextBlock(except);
            AddOpJ(JUMP, exceptWithError);
            UseNextBlock(noMatch);
            UseNextBlock(exceptWithError);
            if (i == n - 1)
            {
                // The unhandled rest of the group (or None) joins the list too.
                AddOpI(LIST_APPEND, 1);
                AddOpJ(JUMP, reraiseStar);
            }
        }
        UnsetLoc();
        PopFBlock();
        var reraise = NewBlock();
        UseNextBlock(reraiseStar);
        AddOp(PREP_RERAISE_STAR);
        AddOpI(COPY, 1);
        AddOpJ(POP_JUMP_IF_NOT_NONE, reraise);
        AddOp(POP_TOP);
        AddOp(POP_BLOCK);
        AddOp(POP_EXCEPT);
        AddOpJ(JUMP, end);
        UseNextBlock(reraise);
        AddOp(POP_BLOCK);
        AddOpI(SWAP, 2);
        AddOp(POP_EXCEPT);
        AddOpI(RERAISE, 0);
        UseNextBlock(cleanup);
        PopExceptAndReraise();
        UseNextBlock(orelse);
        VisitStmts(orelseStmts);
        UseNextBlock(end);
    }

    private void WithExceptFinish(BasicBlock cleanup)
    {
        UnsetLoc();
        var exit = NewBlock();
        AddOpJ(POP_JUMP_IF_TRUE, exit);
        AddOpI(RERAISE, 2);
        UseNextBlock(cleanup);
        PopExceptAndReraise();
        UseNextBlock(exit);
        AddOp(POP_TOP);
        AddOp(POP_BLOCK);
        AddOp(POP_EXCEPT);
        AddOp(POP_TOP);
        AddOp(POP_TOP);
    }

    private void WithStmt(With s, int pos)
    {
        var item = s.Items[pos];
        var block = NewBlock();
        var final = NewBlock();
        var exit = NewBlock();
        var cleanup = NewBlock();
        VisitExpr(item.ContextExpr);
        AddOp(BEFORE_WITH);
        AddOpJ(SETUP_WITH, final);
        UseNextBlock(block);
        PushFBlock(FBlockType.With, block, final, s);
        if (item.OptionalVars is not null)
        {
            VisitExpr(item.OptionalVars);
        }
        else
        {
            AddOp(POP_TOP);
        }
        pos++;
        if (pos == s.Items.Length)
        {
            VisitStmts(s.Body);
        }
        else
        {
            WithStmt(s, pos);
        }
        UnsetLoc();
        AddOp(POP_BLOCK);
        PopFBlock();
        SetLoc(s);
        CallExitWithNones();
        AddOp(POP_TOP);
        AddOpJ(JUMP, exit);
        UseNextBlock(final);
        AddOpJ(SETUP_CLEANUP, cleanup);
        AddOp(PUSH_EXC_INFO);
        AddOp(WITH_EXCEPT_START);
        WithExceptFinish(cleanup);
        UseNextBlock(exit);
    }

    private void AsyncWithStmt(AsyncWith s, int pos)
    {
        var item = s.Items[pos];
        if (IsTopLevelAwait)
        {
            _u.Ste.Coroutine = true;
        }
        else if (_u.ScopeType != ScopeType.AsyncFunction)
        {
            throw Error("'async with' outside async function");
        }
        var block = NewBlock();
        var final = NewBlock();
        var exit = NewBlock();
        var cleanup = NewBlock();
        VisitExpr(item.ContextExpr);
        AddOp(BEFORE_ASYNC_WITH);
        AddOpI(GET_AWAITABLE, 1);
        LoadConst(ConstantSingleton.None);
        AddYieldFrom(true);
        AddOpJ(SETUP_WITH, final);
        UseNextBlock(block);
        PushFBlock(FBlockType.AsyncWith, block, final, s);
        if (item.OptionalVars is not null)
        {
            VisitExpr(item.OptionalVars);
        }
        else
        {
            AddOp(POP_TOP);
        }
        pos++;
        if (pos == s.Items.Length)
        {
            VisitStmts(s.Body);
        }
        else
        {
            AsyncWithStmt(s, pos);
        }
        PopFBlock();
        AddOp(POP_BLOCK);
        SetLoc(s);
        CallExitWithNones();
        AddOpI(GET_AWAITABLE, 2);
        LoadConst(ConstantSingleton.None);
        AddYieldFrom(true);
        AddOp(POP_TOP);
        AddOpJ(JUMP, exit);
        UseNextBlock(final);
        AddOpJ(SETUP_CLEANUP, cleanup);
        AddOp(PUSH_EXC_INFO);
        AddOp(WITH_EXCEPT_START);
        AddOpI(GET_AWAITABLE, 2);
        LoadConst(ConstantSingleton.None);
        AddYieldFrom(true);
        WithExceptFinish(cleanup);
        UseNextBlock(exit);
    }

    // ---- imports, assert, assignments -----------------------------------------------------

    private void ImportAs(string name, string asname)
    {
        int dot = name.IndexOf('.');
        if (dot >= 0)
        {
            // import a.b.c as d: IMPORT_FROM each attribute after the first name.
            while (true)
            {
                int pos = dot + 1;
                dot = name.IndexOf('.', pos);
                var attr = dot >= 0 ? name[pos..dot] : name[pos..];
                AddOpNameUnmangled(IMPORT_FROM, _u.Names, attr);
                if (dot < 0)
                {
                    break;
                }
                AddOpI(SWAP, 2);
                AddOp(POP_TOP);
            }
            NameOp(asname, ExprContext.Store);
            AddOp(POP_TOP);
            return;
        }
        NameOp(asname, ExprContext.Store);
    }

    private void ImportStmt(Import s)
    {
        foreach (var alias in s.Names)
        {
            LoadConst(System.Numerics.BigInteger.Zero);
            LoadConst(ConstantSingleton.None);
            AddOpName(IMPORT_NAME, _u.Names, alias.Name);
            if (alias.AsName is not null)
            {
                ImportAs(alias.Name, alias.AsName);
            }
            else
            {
                int dot = alias.Name.IndexOf('.');
                NameOp(dot >= 0 ? alias.Name[..dot] : alias.Name, ExprContext.Store);
            }
        }
    }

    private void FromImport(ImportFrom s)
    {
        LoadConst(new System.Numerics.BigInteger(s.Level ?? 0));
        var names = new object[s.Names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = s.Names[i].Name;
        }
        if (s.Lineno > _future.Lineno && s.Module == "__future__")
        {
            throw Error(FutureFeatures.LateFutureMessage);
        }
        LoadConst(new ConstantTuple(names));
        AddOpName(IMPORT_NAME, _u.Names, s.Module ?? "");
        for (int i = 0; i < s.Names.Length; i++)
        {
            var alias = s.Names[i];
            if (i == 0 && alias.Name.Length > 0 && alias.Name[0] == '*')
            {
                AddOp(IMPORT_STAR);
                return;
            }
            AddOpName(IMPORT_FROM, _u.Names, alias.Name);
            NameOp(alias.AsName ?? alias.Name, ExprContext.Store);
        }
        AddOp(POP_TOP);
    }

    private void AssertStmt(Assert s)
    {
        if ((s.Test is Tuple t && t.Elts.Length > 0) || (s.Test is Constant { Value: ConstantTuple ct } && ct.Count > 0))
        {
            Warn("assertion is always true, perhaps remove parentheses?");
        }
        if (_optimize > 0)
        {
            return;
        }
        var end = NewBlock();
        JumpIf(s.Test, end, true);
        AddOp(LOAD_ASSERTION_ERROR);
        if (s.Msg is not null)
        {
            VisitExpr(s.Msg);
            AddOpI(PRECALL, 0);
            AddOpI(CALL, 0);
        }
        AddOpI(RAISE_VARARGS, 1);
        UseNextBlock(end);
    }

    private void AugAssignStmt(AugAssign s)
    {
        var e = s.Target;
        var saved = SaveLoc();
        SetLoc(e);
        switch (e)
        {
            case Attribute a:
                VisitExpr(a.Value);
                AddOpI(COPY, 1);
                UpdateStartLocationToMatchAttr(a);
                AddOpName(LOAD_ATTR, _u.Names, a.Attr);
                break;
            case Subscript sub:
                VisitExpr(sub.Value);
                VisitExpr(sub.Slice);
                AddOpI(COPY, 2);
                AddOpI(COPY, 2);
                AddOp(BINARY_SUBSCR);
                break;
            case Name n:
                NameOp(n.Id, ExprContext.Load);
                break;
            default:
                throw new Taipan.Syntax.Errors.PythonException("SystemError", "invalid node type for augmented assignment");
        }
        RestoreLoc(saved);
        VisitExpr(s.Value);
        AddOpI(BINARY_OP, BinaryOpArg(s.Op, inplace: true));
        SetLoc(e);
        switch (e)
        {
            case Attribute a:
                UpdateStartLocationToMatchAttr(a);
                AddOpI(SWAP, 2);
                AddOpName(STORE_ATTR, _u.Names, a.Attr);
                break;
            case Subscript:
                AddOpI(SWAP, 3);
                AddOpI(SWAP, 2);
                AddOp(STORE_SUBSCR);
                break;
            case Name n:
                NameOp(n.Id, ExprContext.Store);
                break;
        }
    }

    private void CheckAnnExpr(ExprNode e)
    {
        VisitExpr(e);
        AddOp(POP_TOP);
    }

    private void CheckAnnSubscr(ExprNode e)
    {
        switch (e)
        {
            case Slice s:
                if (s.Lower is not null)
                {
                    CheckAnnExpr(s.Lower);
                }
                if (s.Upper is not null)
                {
                    CheckAnnExpr(s.Upper);
                }
                if (s.Step is not null)
                {
                    CheckAnnExpr(s.Step);
                }
                break;
            case Tuple t:
                foreach (var x in t.Elts)
                {
                    CheckAnnSubscr(x);
                }
                break;
            default:
                CheckAnnExpr(e);
                break;
        }
    }

    private void AnnAssignStmt(AnnAssign s)
    {
        var targ = s.Target;
        if (s.Value is not null)
        {
            VisitExpr(s.Value);
            VisitExpr(targ);
        }
        bool futureAnnotations = (_future.Features & CompilerFlags.FutureAnnotations) != 0;
        switch (targ)
        {
            case Name n:
                ForbiddenName(n.Id, ExprContext.Store);
                // A simple name in a module or class records its annotation.
                if (s.Simple != 0 && _u.ScopeType is ScopeType.Module or ScopeType.Class)
                {
                    if (futureAnnotations)
                    {
                        LoadConst(AstOpt.AstUnparser.Unparse(s.Annotation));
                    }
                    else
                    {
                        VisitExpr(s.Annotation);
                    }
                    AddOpNameUnmangled(LOAD_NAME, _u.Names, "__annotations__");
                    LoadConst(Mangling.Mangle(_u.Private, n.Id));
                    AddOp(STORE_SUBSCR);
                }
                break;
            case Attribute a:
                ForbiddenName(a.Attr, ExprContext.Store);
                if (s.Value is null)
                {
                    CheckAnnExpr(a.Value);
                }
                break;
            case Subscript sub:
                if (s.Value is null)
                {
                    CheckAnnExpr(sub.Value);
                    CheckAnnSubscr(sub.Slice);
                }
                break;
            default:
                throw new Taipan.Syntax.Errors.PythonException("SystemError", "invalid node type for annotated assignment");
        }
        // The annotation of a complex target is evaluated last, in modules and classes only.
        if (s.Simple == 0 && !futureAnnotations && _u.ScopeType is ScopeType.Module or ScopeType.Class)
        {
            CheckAnnExpr(s.Annotation);
        }
    }
}
