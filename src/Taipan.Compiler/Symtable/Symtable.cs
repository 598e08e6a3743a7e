// Python/symtable.c
using Taipan.Compiler.Future;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Compiler.Symtable;

/// <summary>The symbol table of a module: pass one collects what each block does with each
/// name, pass two (<see cref="Analyze"/>) decides every name's scope.</summary>
public sealed partial class SymbolTable
{
    private const string GlobalParam = "name '{0}' is parameter and global";
    private const string NonlocalParam = "name '{0}' is parameter and nonlocal";
    private const string GlobalAfterAssign = "name '{0}' is assigned to before global declaration";
    private const string NonlocalAfterAssign = "name '{0}' is assigned to before nonlocal declaration";
    private const string GlobalAfterUse = "name '{0}' is used prior to global declaration";
    private const string NonlocalAfterUse = "name '{0}' is used prior to nonlocal declaration";
    private const string GlobalAnnot = "annotated name '{0}' can't be global";
    private const string NonlocalAnnot = "annotated name '{0}' can't be nonlocal";
    private const string ImportStarWarning = "import * only allowed at module level";
    private const string NamedExprCompInClass = "assignment expression within a comprehension cannot be used in a class body";
    private const string NamedExprCompConflict = "assignment expression cannot rebind comprehension iteration variable '{0}'";
    private const string NamedExprCompInnerLoopConflict = "comprehension inner loop cannot rebind assignment expression target '{0}'";
    private const string NamedExprCompIterExpr = "assignment expression cannot be used in a comprehension iterable expression";
    private const string AnnotationNotAllowed = "'{0}' can not be used within an annotation";
    private const string DuplicateArgument = "duplicate argument '{0}' in function definition";

    /// <summary>CPython scales the recursion limit (1000) by COMPILER_STACK_FRAME_SCALE (3).</summary>
    private const int RecursionLimit = 3000;

    private readonly string _filename;
    private readonly FutureFeatures _future;
    private readonly Dictionary<Node, SymtableEntry> _blocks = new(ReferenceEqualityComparer.Instance);
    private readonly List<SymtableEntry> _stack = new();
    private SymtableEntry _cur = null!;
    private Dictionary<string, int> _global = null!;
    private string? _private;
    private int _depth;

    public SymtableEntry Top { get; private set; } = null!;

    private SymbolTable(string filename, FutureFeatures future)
    {
        _filename = filename;
        _future = future;
    }

    /// <summary>_PySymtable_Build.</summary>
    public static SymbolTable Build(ModNode mod, string filename, FutureFeatures future)
    {
        var st = new SymbolTable(filename, future);
        st.EnterBlock("top", BlockType.Module, mod, 0, 0, 0, 0);
        st.Top = st._cur;
        switch (mod)
        {
            case Module m:
                st.VisitStmts(m.Body);
                break;
            case Expression e:
                st.VisitExpr(e.Body);
                break;
            case Interactive i:
                st.VisitStmts(i.Body);
                break;
            case FunctionType:
                throw new PythonException("SystemError", "this compiler does not handle FunctionTypes");
        }
        st.ExitBlock();
        st.Analyze();
        return st;
    }

    /// <summary>PySymtable_Lookup: the block a FunctionDef, ClassDef, Lambda, comprehension
    /// or module node opened.</summary>
    public SymtableEntry Lookup(Node key) =>
        _blocks.TryGetValue(key, out var ste) ? ste : throw new KeyError("unknown symbol table entry");

    private sealed class KeyError(string message) : PythonException("KeyError", message);

    private PythonSyntaxError Error(string msg, int lineno, int col, int endLineno, int endCol) =>
        SyntaxErrors.Ranged(_filename, msg, lineno, col + 1, endLineno, endCol + 1, messageOnlyArgs: true);

    private PythonSyntaxError Error(string msg, LocatedNode n) => SyntaxErrors.At(_filename, msg, n, messageOnlyArgs: true);

    private void EnterBlock(string name, BlockType type, Node key, int lineno, int col, int endLineno, int endCol)
    {
        var ste = new SymtableEntry(name, type, key, lineno, col, endLineno, endCol);
        var prev = _stack.Count > 0 ? _cur : null;
        if (prev is not null && (prev.Nested || prev.Type == BlockType.Function))
        {
            ste.Nested = true;
        }
        _blocks[key] = ste;
        _stack.Add(ste);
        // bpo-37757: no assignment expression anywhere inside a comprehension's outermost
        // iterable, even in a nested lambda or comprehension.
        if (prev is not null)
        {
            ste.CompIterExpr = prev.CompIterExpr;
        }
        _cur = ste;
        if (type == BlockType.Annotation)
        {
            // Annotations become strings under the future import: the block only exists to
            // reject what may not appear in one.
            _blocks.Remove(key);
            return;
        }
        if (type == BlockType.Module)
        {
            _global = ste.Symbols;
        }
        prev?.Children.Add(ste);
    }

    private void ExitBlock()
    {
        _stack.RemoveAt(_stack.Count - 1);
        if (_stack.Count > 0)
        {
            _cur = _stack[^1];
        }
    }

    private int Lookup(string name) => _cur.GetSymbol(Mangling.Mangle(_private, name));

    private void AddDef(string name, int flag, LocatedNode loc) =>
        AddDef(name, flag, _cur, loc.Lineno, loc.ColOffset, loc.EndLineno, loc.EndColOffset);

    private void AddDef(string name, int flag, SymtableEntry ste, LocatedNode loc) =>
        AddDef(name, flag, ste, loc.Lineno, loc.ColOffset, loc.EndLineno, loc.EndColOffset);

    /// <summary>symtable_add_def_helper.</summary>
    private void AddDef(string name, int flag, SymtableEntry ste, int lineno, int col, int endLineno, int endCol)
    {
        var mangled = Mangling.Mangle(_private, name);
        int val;
        if (ste.Symbols.TryGetValue(mangled, out var old))
        {
            if ((flag & Def.Param) != 0 && (old & Def.Param) != 0)
            {
                throw Error(string.Format(DuplicateArgument, name), lineno, col, endLineno, endCol);
            }
            val = old | flag;
        }
        else
        {
            val = flag;
        }
        if (ste.CompIterTarget)
        {
            // An iteration variable of a comprehension may not also be the target of an
            // assignment expression of that comprehension.
            if ((val & (Def.Global | Def.Nonlocal)) != 0)
            {
                throw Error(string.Format(NamedExprCompInnerLoopConflict, name), lineno, col, endLineno, endCol);
            }
            val |= Def.CompIter;
        }
        ste.Symbols[mangled] = val;
        if ((flag & Def.Param) != 0)
        {
            ste.Varnames.Add(mangled);
        }
        else if ((flag & Def.Global) != 0)
        {
            _global[mangled] = _global.TryGetValue(mangled, out var g) ? g | flag : flag;
        }
    }

    private void RecordDirective(string name, int lineno, int col, int endLineno, int endCol) =>
        _cur.Directives.Add(new Directive(Mangling.Mangle(_private, name), lineno, col, endLineno, endCol));

    private void Enter()
    {
        if (++_depth > RecursionLimit)
        {
            throw new PythonException("RecursionError", "maximum recursion depth exceeded during compilation");
        }
    }

    private void VisitStmts(StmtNode[] body)
    {
        foreach (var s in body)
        {
            VisitStmt(s);
        }
    }

    private void VisitExprs(ExprNode?[] exprs)
    {
        foreach (var e in exprs)
        {
            // Dict keys and kw_defaults hold nulls (for **d and for no default).
            if (e is not null)
            {
                VisitExpr(e);
            }
        }
    }

    private void VisitStmt(StmtNode s)
    {
        Enter();
        switch (s)
        {
            case FunctionDef f:
                VisitFunction(f, f.Name, f.Args, f.Body, f.DecoratorList, f.Returns, isAsync: false);
                break;
            case AsyncFunctionDef f:
                VisitFunction(f, f.Name, f.Args, f.Body, f.DecoratorList, f.Returns, isAsync: true);
                break;
            case ClassDef c:
            {
                AddDef(c.Name, Def.Local, c);
                VisitExprs(c.Bases);
                foreach (var k in c.Keywords)
                {
                    VisitExpr(k.Value);
                }
                VisitExprs(c.DecoratorList);
                EnterBlock(c.Name, BlockType.Class, c, c.Lineno, c.ColOffset, c.EndLineno, c.EndColOffset);
                var saved = _private;
                _private = c.Name;
                VisitStmts(c.Body);
                _private = saved;
                ExitBlock();
                break;
            }
            case Return r:
                if (r.Value is not null)
                {
                    VisitExpr(r.Value);
                    _cur.ReturnsValue = true;
                }
                break;
            case Delete d:
                VisitExprs(d.Targets);
                break;
            case Assign a:
                VisitExprs(a.Targets);
                VisitExpr(a.Value);
                break;
            case AnnAssign a:
                VisitAnnAssign(a);
                break;
            case AugAssign a:
                VisitExpr(a.Target);
                VisitExpr(a.Value);
                break;
            case For f:
                VisitExpr(f.Target);
                VisitExpr(f.Iter);
                VisitStmts(f.Body);
                VisitStmts(f.OrElse);
                break;
            case AsyncFor f:
                VisitExpr(f.Target);
                VisitExpr(f.Iter);
                VisitStmts(f.Body);
                VisitStmts(f.OrElse);
                break;
            case While w:
                VisitExpr(w.Test);
                VisitStmts(w.Body);
                VisitStmts(w.OrElse);
                break;
            case If i:
                VisitExpr(i.Test);
                VisitStmts(i.Body);
                VisitStmts(i.OrElse);
                break;
            case Match m:
                VisitExpr(m.Subject);
                foreach (var c in m.Cases)
                {
                    VisitPattern(c.Pattern);
                    if (c.Guard is not null)
                    {
                        VisitExpr(c.Guard);
                    }
                    VisitStmts(c.Body);
                }
                break;
            case Raise r:
                if (r.Exc is not null)
                {
                    VisitExpr(r.Exc);
                    if (r.Cause is not null)
                    {
                        VisitExpr(r.Cause);
                    }
                }
                break;
            case Try t:
                VisitStmts(t.Body);
                VisitStmts(t.OrElse);
                VisitHandlers(t.Handlers);
                VisitStmts(t.FinalBody);
                break;
            case TryStar t:
                VisitStmts(t.Body);
                VisitStmts(t.OrElse);
                VisitHandlers(t.Handlers);
                VisitStmts(t.FinalBody);
                break;
            case Assert a:
                VisitExpr(a.Test);
                if (a.Msg is not null)
                {
                    VisitExpr(a.Msg);
                }
                break;
            case Import imp:
                foreach (var a in imp.Names)
                {
                    VisitAlias(a);
                }
                break;
            case ImportFrom imp:
                foreach (var a in imp.Names)
                {
                    VisitAlias(a);
                }
                break;
            case Global g:
                VisitDirective(g, g.Names, Def.Global);
                break;
            case Nonlocal n:
                VisitDirective(n, n.Names, Def.Nonlocal);
                break;
            case Expr e:
                VisitExpr(e.Value);
                break;
            case With w:
                VisitWithItems(w.Items);
                VisitStmts(w.Body);
                break;
            case AsyncWith w:
                VisitWithItems(w.Items);
                VisitStmts(w.Body);
                break;
        }
        _depth--;
    }

    private void VisitFunction(StmtNode s, string name, Arguments args, StmtNode[] body, ExprNode[] decorators, ExprNode? returns, bool isAsync)
    {
        AddDef(name, Def.Local, s);
        VisitExprs(args.Defaults);
        VisitExprs(args.KwDefaults);
        VisitAnnotations(s, args, returns);
        VisitExprs(decorators);
        EnterBlock(name, BlockType.Function, s, s.Lineno, s.ColOffset, s.EndLineno, s.EndColOffset);
        if (isAsync)
        {
            _cur.Coroutine = true;
        }
        VisitArguments(args);
        VisitStmts(body);
        ExitBlock();
    }

    private void VisitAnnAssign(AnnAssign a)
    {
        if (a.Target is Name target)
        {
            int cur = Lookup(target.Id);
            if ((cur & (Def.Global | Def.Nonlocal)) != 0 && !ReferenceEquals(_cur.Symbols, _global) && a.Simple != 0)
            {
                throw Error(string.Format((cur & Def.Global) != 0 ? GlobalAnnot : NonlocalAnnot, target.Id), a);
            }
            if (a.Simple != 0)
            {
                AddDef(target.Id, Def.Annot | Def.Local, target);
            }
            else if (a.Value is not null)
            {
                AddDef(target.Id, Def.Local, target);
            }
        }
        else
        {
            VisitExpr(a.Target);
        }
        VisitAnnotation(a.Annotation);
        if (a.Value is not null)
        {
            VisitExpr(a.Value);
        }
    }

    private void VisitDirective(StmtNode s, string[] names, int flag)
    {
        bool global = flag == Def.Global;
        foreach (var name in names)
        {
            int cur = Lookup(name);
            if ((cur & (Def.Param | Def.Local | Def.Use | Def.Annot)) != 0)
            {
                string msg;
                if ((cur & Def.Param) != 0)
                {
                    msg = global ? GlobalParam : NonlocalParam;
                }
                else if ((cur & Def.Use) != 0)
                {
                    msg = global ? GlobalAfterUse : NonlocalAfterUse;
                }
                else if ((cur & Def.Annot) != 0)
                {
                    msg = global ? GlobalAnnot : NonlocalAnnot;
                }
                else
                {
                    msg = global ? GlobalAfterAssign : NonlocalAfterAssign;
                }
                throw Error(string.Format(msg, name), s);
            }
            AddDef(name, flag, s);
            RecordDirective(name, s.Lineno, s.ColOffset, s.EndLineno, s.EndColOffset);
        }
    }

    private void VisitHandlers(ExceptHandlerNode[] handlers)
    {
        foreach (var h in handlers)
        {
            var eh = (ExceptHandler)h;
            if (eh.Type is not null)
            {
                VisitExpr(eh.Type);
            }
            if (eh.Name is not null)
            {
                AddDef(eh.Name, Def.Local, eh);
            }
            VisitStmts(eh.Body);
        }
    }

    private void VisitWithItems(WithItem[] items)
    {
        foreach (var item in items)
        {
            VisitExpr(item.ContextExpr);
            if (item.OptionalVars is not null)
            {
                VisitExpr(item.OptionalVars);
            }
        }
    }

    private void VisitAlias(Alias a)
    {
        // `import a.b.c` binds `a`.
        var name = a.AsName ?? a.Name;
        int dot = name.IndexOf('.');
        var storeName = dot >= 0 ? name[..dot] : name;
        if (name != "*")
        {
            AddDef(storeName, Def.Import, a);
        }
        else if (_cur.Type != BlockType.Module)
        {
            throw Error(ImportStarWarning, a);
        }
    }

    private void VisitPattern(PatternNode p)
    {
        Enter();
        switch (p)
        {
            case MatchValue v:
                VisitExpr(v.Value);
                break;
            case MatchSequence s:
                foreach (var q in s.Patterns)
                {
                    VisitPattern(q);
                }
                break;
            case MatchStar s:
                if (s.Name is not null)
                {
                    AddDef(s.Name, Def.Local, s);
                }
                break;
            case MatchMapping m:
                VisitExprs(m.Keys);
                foreach (var q in m.Patterns)
                {
                    VisitPattern(q);
                }
                if (m.Rest is not null)
                {
                    AddDef(m.Rest, Def.Local, m);
                }
                break;
            case MatchClass c:
                VisitExpr(c.Cls);
                foreach (var q in c.Patterns)
                {
                    VisitPattern(q);
                }
                foreach (var q in c.KwdPatterns)
                {
                    VisitPattern(q);
                }
                break;
            case MatchAs a:
                if (a.Pattern is not null)
                {
                    VisitPattern(a.Pattern);
                }
                if (a.Name is not null)
                {
                    AddDef(a.Name, Def.Local, a);
                }
                break;
            case MatchOr o:
                foreach (var q in o.Patterns)
                {
                    VisitPattern(q);
                }
                break;
        }
        _depth--;
    }

    private void RaiseIfAnnotationBlock(string what, ExprNode e)
    {
        if (_cur.Type == BlockType.Annotation)
        {
            throw Error(string.Format(AnnotationNotAllowed, what), e);
        }
    }

    private void VisitExpr(ExprNode e)
    {
        Enter();
        switch (e)
        {
            case NamedExpr n:
                RaiseIfAnnotationBlock("named expression", e);
                HandleNamedExpr(n);
                break;
            case BoolOp b:
                VisitExprs(b.Values);
                break;
            case BinOp b:
                VisitExpr(b.Left);
                VisitExpr(b.Right);
                break;
            case UnaryOp u:
                VisitExpr(u.Operand);
                break;
            case Lambda l:
                VisitExprs(l.Args.Defaults);
                VisitExprs(l.Args.KwDefaults);
                EnterBlock("lambda", BlockType.Function, l, l.Lineno, l.ColOffset, l.EndLineno, l.EndColOffset);
                VisitArguments(l.Args);
                VisitExpr(l.Body);
                ExitBlock();
                break;
            case IfExp i:
                VisitExpr(i.Test);
                VisitExpr(i.Body);
                VisitExpr(i.OrElse);
                break;
            case Dict d:
                VisitExprs(d.Keys);
                VisitExprs(d.Values);
                break;
            case Set s:
                VisitExprs(s.Elts);
                break;
            case GeneratorExp g:
                HandleComprehension(g, "genexpr", g.Generators, g.Elt, null);
                break;
            case ListComp l:
                HandleComprehension(l, "listcomp", l.Generators, l.Elt, null);
                break;
            case SetComp s:
                HandleComprehension(s, "setcomp", s.Generators, s.Elt, null);
                break;
            case DictComp d:
                HandleComprehension(d, "dictcomp", d.Generators, d.Key, d.Value);
                break;
            case Yield y:
                RaiseIfAnnotationBlock("yield expression", e);
                if (y.Value is not null)
                {
                    VisitExpr(y.Value);
                }
                _cur.Generator = true;
                RaiseIfComprehensionBlock(e);
                break;
            case YieldFrom y:
                RaiseIfAnnotationBlock("yield expression", e);
                VisitExpr(y.Value);
                _cur.Generator = true;
                RaiseIfComprehensionBlock(e);
                break;
            case Await a:
                RaiseIfAnnotationBlock("await expression", e);
                VisitExpr(a.Value);
                _cur.Coroutine = true;
                break;
            case Compare c:
                VisitExpr(c.Left);
                VisitExprs(c.Comparators);
                break;
            case Call c:
                VisitExpr(c.Func);
                VisitExprs(c.Args);
                foreach (var k in c.Keywords)
                {
                    VisitExpr(k.Value);
                }
                break;
            case FormattedValue f:
                VisitExpr(f.Value);
                if (f.FormatSpec is not null)
                {
                    VisitExpr(f.FormatSpec);
                }
                break;
            case JoinedStr j:
                VisitExprs(j.Values);
                break;
            case Attribute a:
                VisitExpr(a.Value);
                break;
            case Subscript s:
                VisitExpr(s.Value);
                VisitExpr(s.Slice);
                break;
            case Starred s:
                VisitExpr(s.Value);
                break;
            case Slice s:
                if (s.Lower is not null)
                {
                    VisitExpr(s.Lower);
                }
                if (s.Upper is not null)
                {
                    VisitExpr(s.Upper);
                }
                if (s.Step is not null)
                {
                    VisitExpr(s.Step);
                }
                break;
            case Name n:
                AddDef(n.Id, n.Ctx == ExprContext.Load ? Def.Use : Def.Local, n);
                // super() reads the implicit __class__ cell.
                if (n.Ctx == ExprContext.Load && _cur.Type == BlockType.Function && n.Id == "super")
                {
                    AddDef("__class__", Def.Use, n);
                }
                break;
            case List l:
                VisitExprs(l.Elts);
                break;
            case Tuple t:
                VisitExprs(t.Elts);
                break;
        }
        _depth--;
    }

    private void RaiseIfComprehensionBlock(ExprNode e)
    {
        var msg = _cur.Comprehension switch
        {
            ComprehensionType.None => null,
            ComprehensionType.List => "'yield' inside list comprehension",
            ComprehensionType.Set => "'yield' inside set comprehension",
            ComprehensionType.Dict => "'yield' inside dict comprehension",
            _ => "'yield' inside generator expression",
        };
        if (msg is not null)
        {
            throw Error(msg, e);
        }
    }

    private void VisitArguments(Arguments a)
    {
        VisitParams(a.PosOnlyArgs);
        VisitParams(a.Args);
        VisitParams(a.KwOnlyArgs);
        if (a.VarArg is not null)
        {
            AddDef(a.VarArg.Name, Def.Param, a.VarArg);
            _cur.VarArgs = true;
        }
        if (a.KwArg is not null)
        {
            AddDef(a.KwArg.Name, Def.Param, a.KwArg);
            _cur.VarKeywords = true;
        }
    }

    private void VisitParams(Arg[] args)
    {
        foreach (var arg in args)
        {
            AddDef(arg.Name, Def.Param, arg);
        }
    }

    private bool FutureAnnotations => (_future.Features & CompilerFlags.FutureAnnotations) != 0;

    private void VisitAnnotation(ExprNode annotation)
    {
        bool future = FutureAnnotations;
        if (future)
        {
            EnterBlock("_annotation", BlockType.Annotation, annotation, annotation.Lineno, annotation.ColOffset, annotation.EndLineno, annotation.EndColOffset);
        }
        VisitExpr(annotation);
        if (future)
        {
            ExitBlock();
        }
    }

    private void VisitAnnotations(StmtNode s, Arguments a, ExprNode? returns)
    {
        bool future = FutureAnnotations;
        if (future)
        {
            EnterBlock("_annotation", BlockType.Annotation, a, s.Lineno, s.ColOffset, s.EndLineno, s.EndColOffset);
        }
        VisitArgAnnotations(a.PosOnlyArgs);
        VisitArgAnnotations(a.Args);
        if (a.VarArg?.Annotation is { } va)
        {
            VisitExpr(va);
        }
        if (a.KwArg?.Annotation is { } ka)
        {
            VisitExpr(ka);
        }
        VisitArgAnnotations(a.KwOnlyArgs);
        if (future)
        {
            ExitBlock();
        }
        if (returns is not null)
        {
            VisitAnnotation(returns);
        }
    }

    private void VisitArgAnnotations(Arg[] args)
    {
        foreach (var arg in args)
        {
            if (arg.Annotation is not null)
            {
                VisitExpr(arg.Annotation);
            }
        }
    }

    private void HandleComprehension(ExprNode e, string scopeName, Comprehension[] generators, ExprNode elt, ExprNode? value)
    {
        bool isGenerator = e is GeneratorExp;
        var outermost = generators[0];
        // The outermost iterable is evaluated in the enclosing scope.
        _cur.CompIterExpr++;
        VisitExpr(outermost.Iter);
        _cur.CompIterExpr--;
        EnterBlock(scopeName, BlockType.Function, e, e.Lineno, e.ColOffset, e.EndLineno, e.EndColOffset);
        _cur.Comprehension = e switch
        {
            ListComp => ComprehensionType.List,
            DictComp => ComprehensionType.Dict,
            SetComp => ComprehensionType.Set,
            _ => ComprehensionType.Generator,
        };
        if (outermost.IsAsync != 0)
        {
            _cur.Coroutine = true;
        }
        // The outermost iterator arrives as the implicit argument ".0".
        AddDef(".0", Def.Param, _cur, e.Lineno, e.ColOffset, e.EndLineno, e.EndColOffset);
        _cur.CompIterTarget = true;
        VisitExpr(outermost.Target);
        _cur.CompIterTarget = false;
        VisitExprs(outermost.Ifs);
        for (int i = 1; i < generators.Length; i++)
        {
            var lc = generators[i];
            _cur.CompIterTarget = true;
            VisitExpr(lc.Target);
            _cur.CompIterTarget = false;
            _cur.CompIterExpr++;
            VisitExpr(lc.Iter);
            _cur.CompIterExpr--;
            VisitExprs(lc.Ifs);
            if (lc.IsAsync != 0)
            {
                _cur.Coroutine = true;
            }
        }
        if (value is not null)
        {
            VisitExpr(value);
        }
        VisitExpr(elt);
        if (isGenerator)
        {
            _cur.Generator = true;
        }
        // An async list, set or dict comprehension makes its enclosing scope a coroutine too.
        bool isAsync = _cur.Coroutine && !isGenerator;
        ExitBlock();
        if (isAsync)
        {
            _cur.Coroutine = true;
        }
    }

    private void HandleNamedExpr(NamedExpr e)
    {
        if (_cur.CompIterExpr > 0)
        {
            throw Error(NamedExprCompIterExpr, e);
        }
        if (_cur.Comprehension != ComprehensionType.None)
        {
            ExtendNamedExprScope((Name)e.Target);
        }
        VisitExpr(e.Value);
        VisitExpr(e.Target);
    }

    /// <summary>An assignment expression in a comprehension binds in the nearest enclosing
    /// function or module, as if declared nonlocal (or global) in the comprehension.</summary>
    private void ExtendNamedExprScope(Name e)
    {
        var target = e.Id;
        for (int i = _stack.Count - 1; i >= 0; i--)
        {
            var ste = _stack[i];
            if (ste.Comprehension != ComprehensionType.None)
            {
                if ((ste.GetSymbol(target) & Def.CompIter) != 0)
                {
                    throw Error(string.Format(NamedExprCompConflict, target), e);
                }
                continue;
            }
            if (ste.Type == BlockType.Function)
            {
                AddDef(target, (ste.GetSymbol(target) & Def.Global) != 0 ? Def.Global : Def.Nonlocal, e);
                RecordDirective(target, e.Lineno, e.ColOffset, e.EndLineno, e.EndColOffset);
                AddDef(target, Def.Local, ste, e);
                return;
            }
            if (ste.Type == BlockType.Module)
            {
                AddDef(target, Def.Global, e);
                RecordDirective(target, e.Lineno, e.ColOffset, e.EndLineno, e.EndColOffset);
                AddDef(target, Def.Global, ste, e);
                return;
            }
            if (ste.Type == BlockType.Class)
            {
                throw Error(NamedExprCompInClass, e);
            }
        }
        throw new InvalidOperationException("assignment expression found no enclosing scope");
    }
}
