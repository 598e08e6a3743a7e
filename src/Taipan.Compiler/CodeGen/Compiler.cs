// Python/compile.c (compiler state, scopes, emitting instructions, names)
using Taipan.Bytecode;
using Taipan.Compiler.FlowGraph;
using Taipan.Compiler.Future;
using Taipan.Compiler.Symtable;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Parser;
using static Taipan.Bytecode.Opcode;
using static Taipan.Bytecode.PseudoOpcode;

namespace Taipan.Compiler.CodeGen;

/// <summary>The code generator: walks the AST of a module and emits, per code object, a
/// control-flow graph of basic blocks that the assembler turns into a code object.</summary>
public sealed partial class Compiler
{
    /// <summary>Beyond this many items CPython builds collections incrementally.</summary>
    private const int StackUseGuideline = 30;

    private readonly string _filename;
    private readonly SymbolTable _st;
    private readonly FutureFeatures _future;
    private readonly CompilerFlags _flags;
    private readonly int _optimize;
    private readonly List<ParserWarning>? _warnings;
    private bool _interactive;
    private int _nestLevel;
    private CompilerUnit _u = null!;
    private readonly List<CompilerUnit> _stack = new();

    private Compiler(string filename, SymbolTable st, FutureFeatures future, CompilerFlags flags, int optimize, List<ParserWarning>? warnings)
    {
        _filename = filename;
        _st = st;
        _future = future;
        _flags = flags;
        _optimize = optimize;
        _warnings = warnings;
    }

    /// <summary>_PyAST_Compile: future statements, AST optimization, symbol table, code
    /// generation and assembly. <paramref name="optimize"/> is 0, 1 (-O) or 2 (-OO).</summary>
    public static CodeObject Compile(ModNode mod, string filename, CompilerFlags flags = CompilerFlags.None,
        int optimize = 0, List<ParserWarning>? warnings = null)
    {
        var future = FutureFeatures.FromAst(mod, filename);
        var merged = future.Features | flags;
        future.Features = merged;
        AstOpt.AstOptimizer.Optimize(mod, optimize, merged);
        var st = SymbolTable.Build(mod, filename, future);
        var c = new Compiler(filename, st, future, merged, optimize, warnings);
        return c.CompileMod(mod);
    }

    /// <summary><c>compile(source, filename, mode, dont_inherit=True, optimize=N)</c>:
    /// parses with Taipan's parser, then compiles.</summary>
    public static CodeObject CompileSource(Taipan.Syntax.Tokenizer.SourceText source, ParseMode mode = ParseMode.Exec,
        CompilerFlags flags = CompilerFlags.None, int optimize = 0, List<ParserWarning>? warnings = null)
    {
        var mod = Parser.Parse(source, mode, warnings);
        return Compile(mod, source.Filename, flags, optimize, warnings);
    }

    private CodeObject CompileMod(ModNode mod)
    {
        EnterScope("<module>", ScopeType.Module, mod, 1);
        _u.Lineno = 1;
        bool addNone = true;
        switch (mod)
        {
            case Module m:
                Body(m.Body);
                break;
            case Interactive i:
                if (FindAnn(i.Body))
                {
                    AddOp(SETUP_ANNOTATIONS);
                }
                _interactive = true;
                VisitStmts(i.Body);
                break;
            case Expression e:
                VisitExpr(e.Body);
                addNone = false;
                break;
            default:
                throw new PythonException("SystemError", "module kind should not be possible");
        }
        var co = Assemble(addNone);
        ExitScope();
        return co;
    }

    // ---- scopes -------------------------------------------------------------------------

    private void EnterScope(string name, ScopeType scopeType, Node key, int lineno)
    {
        var ste = _st.Lookup(key);
        var u = new CompilerUnit(ste, name, scopeType);
        for (int i = 0; i < ste.Varnames.Count; i++)
        {
            u.Varnames[ste.Varnames[i]] = i;
        }
        u.Cellvars = DictByType(ste.Symbols, Scope.Cell, 0, 0);
        if (ste.NeedsClassClosure)
        {
            // The implicit __class__ cell of a class whose methods use super() or __class__.
            u.Cellvars["__class__"] = 0;
        }
        u.Freevars = DictByType(ste.Symbols, Scope.Free, Def.FreeClass, u.Cellvars.Count);
        u.FirstLineno = lineno;
        u.Lineno = lineno;
        u.ColOffset = 0;
        u.EndLineno = lineno;
        u.EndColOffset = 0;
        if (_stack.Count > 0 || _u is not null)
        {
            _stack.Add(_u!);
            u.Private = _u!.Private;
        }
        _u = u;
        _nestLevel++;
        u.CurBlock = u.NewBlock();
        if (scopeType == ScopeType.Module)
        {
            u.Lineno = 0;
        }
        else
        {
            SetQualName();
        }
        AddOpI(RESUME, 0);
        if (scopeType == ScopeType.Module)
        {
            u.Lineno = -1;
        }
    }

    private void ExitScope()
    {
        _nestLevel--;
        if (_stack.Count > 0)
        {
            _u = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
        }
        else
        {
            _u = null!;
        }
    }

    /// <summary>dictbytype: the names of a scope (or with a flag), sorted, numbered from
    /// <paramref name="offset"/>.</summary>
    private static Dictionary<string, int> DictByType(Dictionary<string, int> symbols, Scope scope, int flag, int offset)
    {
        var keys = new List<string>();
        foreach (var (k, vi) in symbols)
        {
            var s = (Scope)((vi >> Def.ScopeOffset) & Def.ScopeMask);
            if (s == scope || (vi & flag) != 0)
            {
                keys.Add(k);
            }
        }
        keys.Sort(CodePointComparer.Instance);
        var dest = new Dictionary<string, int>(keys.Count);
        int i = offset;
        foreach (var k in keys)
        {
            dest[k] = i++;
        }
        return dest;
    }

    private void SetQualName()
    {
        var u = _u;
        string? @base = null;
        if (_stack.Count > 1)
        {
            var parent = _stack[^1];
            bool forceGlobal = false;
            if (u.ScopeType is ScopeType.Function or ScopeType.AsyncFunction or ScopeType.Class)
            {
                var mangled = Mangling.Mangle(parent.Private, u.Name);
                if (parent.Ste.GetScope(mangled) == Scope.GlobalExplicit)
                {
                    forceGlobal = true;
                }
            }
            if (!forceGlobal)
            {
                @base = parent.ScopeType is ScopeType.Function or ScopeType.AsyncFunction or ScopeType.Lambda
                    ? parent.QualName + ".<locals>"
                    : parent.QualName;
            }
        }
        u.QualName = @base is not null ? @base + "." + u.Name : u.Name;
    }

    // ---- errors and warnings --------------------------------------------------------------

    private PythonSyntaxError Error(string msg) =>
        SyntaxErrors.Ranged(_filename, msg, _u.Lineno, _u.ColOffset + 1, _u.EndLineno, _u.EndColOffset + 1);

    private void Warn(string msg) =>
        _warnings?.Add(new ParserWarning("SyntaxWarning", msg, _filename, _u.Lineno));

    // ---- locations ------------------------------------------------------------------------

    private readonly record struct SavedLoc(int Lineno, int ColOffset, int EndLineno, int EndColOffset);

    private SavedLoc SaveLoc() => new(_u.Lineno, _u.ColOffset, _u.EndLineno, _u.EndColOffset);

    private void RestoreLoc(SavedLoc l)
    {
        _u.Lineno = l.Lineno;
        _u.ColOffset = l.ColOffset;
        _u.EndLineno = l.EndLineno;
        _u.EndColOffset = l.EndColOffset;
    }

    private void SetLoc(LocatedNode n)
    {
        _u.Lineno = n.Lineno;
        _u.ColOffset = n.ColOffset;
        _u.EndLineno = n.EndLineno;
        _u.EndColOffset = n.EndColOffset;
    }

    /// <summary>UNSET_LOC: what follows is artificial.</summary>
    private void UnsetLoc()
    {
        _u.Lineno = -1;
        _u.ColOffset = -1;
        _u.EndLineno = -1;
        _u.EndColOffset = -1;
    }

    // ---- emitting -------------------------------------------------------------------------

    private static bool IsEndOfBasicBlock(in Instr i) =>
        i.IsJump || i.Opcode is (int)RETURN_VALUE or (int)RAISE_VARARGS or (int)RERAISE;

    private ref Instr NewInstr(int opcode, int oparg, int lineno, int endLineno, int col, int endCol)
    {
        if (_u.NeedNewImplicitBlock)
        {
            UseNextBlock(_u.NewBlock());
        }
        var b = _u.CurBlock;
        int off = b.NextInstr();
        ref var i = ref b[off];
        i.Opcode = opcode;
        i.Oparg = oparg;
        i.Lineno = lineno;
        i.EndLineno = endLineno;
        i.ColOffset = col;
        i.EndColOffset = endCol;
        if (opcode == (int)RETURN_VALUE)
        {
            b.Return = true;
        }
        return ref i;
    }

    private void AfterInstr(in Instr i)
    {
        if (IsEndOfBasicBlock(i))
        {
            _u.NeedNewImplicitBlock = true;
        }
    }

    private void AddOp(Opcode op)
    {
        ref var i = ref NewInstr((int)op, 0, _u.Lineno, _u.EndLineno, _u.ColOffset, _u.EndColOffset);
        AfterInstr(i);
    }

    private void AddOp(PseudoOpcode op)
    {
        ref var i = ref NewInstr((int)op, 0, _u.Lineno, _u.EndLineno, _u.ColOffset, _u.EndColOffset);
        AfterInstr(i);
    }

    private void AddOpNoLine(PseudoOpcode op)
    {
        ref var i = ref NewInstr((int)op, 0, -1, 0, 0, 0);
        AfterInstr(i);
    }

    private void AddOpI(Opcode op, int oparg)
    {
        ref var i = ref NewInstr((int)op, oparg, _u.Lineno, _u.EndLineno, _u.ColOffset, _u.EndColOffset);
        AfterInstr(i);
    }

    private void AddOpINoLine(Opcode op, int oparg)
    {
        ref var i = ref NewInstr((int)op, oparg, -1, 0, 0, 0);
        AfterInstr(i);
    }

    private void AddOpJ(int op, BasicBlock target)
    {
        ref var i = ref NewInstr(op, 0, _u.Lineno, _u.EndLineno, _u.ColOffset, _u.EndColOffset);
        i.Target = target;
        AfterInstr(i);
    }

    private void AddOpJ(Opcode op, BasicBlock target) => AddOpJ((int)op, target);

    private void AddOpJ(PseudoOpcode op, BasicBlock target) => AddOpJ((int)op, target);

    private void AddOpJNoLine(PseudoOpcode op, BasicBlock target)
    {
        ref var i = ref NewInstr((int)op, 0, -1, 0, 0, 0);
        i.Target = target;
        AfterInstr(i);
    }

    private void LoadConst(object value) => AddOpI(LOAD_CONST, _u.AddConst(value));

    private void AddOpName(Opcode op, Dictionary<string, int> dict, string name) =>
        AddOpI(op, CompilerUnit.AddName(dict, Mangling.Mangle(_u.Private, name)));

    private void AddOpNameUnmangled(Opcode op, Dictionary<string, int> dict, string name) =>
        AddOpI(op, CompilerUnit.AddName(dict, name));

    private BasicBlock NewBlock() => _u.NewBlock();

    private void UseNextBlock(BasicBlock block)
    {
        _u.CurBlock.Next = block;
        _u.CurBlock = block;
        _u.NeedNewImplicitBlock = false;
    }

    // ---- names ----------------------------------------------------------------------------

    private bool ForbiddenName(string name, ExprContext ctx)
    {
        if (name == "__debug__")
        {
            if (ctx == ExprContext.Store)
            {
                throw Error("cannot assign to __debug__");
            }
            if (ctx == ExprContext.Del)
            {
                throw Error("cannot delete __debug__");
            }
        }
        return false;
    }

    private enum OpType { Fast, Global, Deref, Name }

    /// <summary>compiler_nameop: LOAD/STORE/DELETE of a name by its scope.</summary>
    private void NameOp(string name, ExprContext ctx)
    {
        ForbiddenName(name, ctx);
        var mangled = Mangling.Mangle(_u.Private, name);
        var dict = _u.Names;
        var optype = OpType.Name;
        var scope = _u.Ste.GetScope(mangled);
        switch (scope)
        {
            case Scope.Free:
                dict = _u.Freevars;
                optype = OpType.Deref;
                break;
            case Scope.Cell:
                dict = _u.Cellvars;
                optype = OpType.Deref;
                break;
            case Scope.Local:
                if (_u.Ste.Type == BlockType.Function)
                {
                    optype = OpType.Fast;
                }
                break;
            case Scope.GlobalImplicit:
                if (_u.Ste.Type == BlockType.Function)
                {
                    optype = OpType.Global;
                }
                break;
            case Scope.GlobalExplicit:
                optype = OpType.Global;
                break;
        }
        Opcode op;
        switch (optype)
        {
            case OpType.Deref:
                op = ctx switch
                {
                    ExprContext.Load => _u.Ste.Type == BlockType.Class ? LOAD_CLASSDEREF : LOAD_DEREF,
                    ExprContext.Store => STORE_DEREF,
                    _ => DELETE_DEREF,
                };
                break;
            case OpType.Fast:
                op = ctx switch
                {
                    ExprContext.Load => LOAD_FAST,
                    ExprContext.Store => STORE_FAST,
                    _ => DELETE_FAST,
                };
                AddOpI(op, CompilerUnit.AddName(_u.Varnames, mangled));
                return;
            case OpType.Global:
                op = ctx switch
                {
                    ExprContext.Load => LOAD_GLOBAL,
                    ExprContext.Store => STORE_GLOBAL,
                    _ => DELETE_GLOBAL,
                };
                break;
            default:
                op = ctx switch
                {
                    ExprContext.Load => LOAD_NAME,
                    ExprContext.Store => STORE_NAME,
                    _ => DELETE_NAME,
                };
                break;
        }
        int arg = CompilerUnit.AddName(dict, mangled);
        if (op == LOAD_GLOBAL)
        {
            arg <<= 1;
        }
        AddOpI(op, arg);
    }

    // ---- frame blocks ---------------------------------------------------------------------

    private void PushFBlock(FBlockType t, BasicBlock? b, BasicBlock? exit, object? datum)
    {
        if (_u.NFBlocks >= CompilerUnit.MaxBlocks)
        {
            throw Error("too many statically nested blocks");
        }
        _u.FBlocks[_u.NFBlocks++] = new FBlockInfo { Type = t, Block = b, Exit = exit, Datum = datum };
    }

    private void PopFBlock() => _u.NFBlocks--;

    // ---- closures -------------------------------------------------------------------------

    private Scope GetRefType(string name)
    {
        if (_u.ScopeType == ScopeType.Class && name == "__class__")
        {
            return Scope.Cell;
        }
        var scope = _u.Ste.GetScope(name);
        if (scope == Scope.Unknown)
        {
            throw new PythonException("SystemError", $"_PyST_GetScope(name='{name}') failed: unknown scope in unit {_u.Name}");
        }
        return scope;
    }

    private void MakeClosure(CodeObject co, int flags)
    {
        var free = co.FreeVars;
        if (free.Length > 0)
        {
            foreach (var name in free)
            {
                var reftype = GetRefType(name);
                var dict = reftype == Scope.Cell ? _u.Cellvars : _u.Freevars;
                if (!dict.TryGetValue(name, out var arg))
                {
                    throw new PythonException("SystemError",
                        $"compiler_lookup_arg(name='{name}') with reftype={(int)reftype} failed in {_u.Name}; freevars of code {co.Name}");
                }
                AddOpI(LOAD_CLOSURE, arg);
            }
            flags |= 0x08;
            AddOpI(BUILD_TUPLE, free.Length);
        }
        LoadConst(co);
        AddOpI(MAKE_FUNCTION, flags);
    }
}

/// <summary>Orders strings by code point, as Python's <c>list.sort</c> of str does.</summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null)
        {
            return -1;
        }
        if (y is null)
        {
            return 1;
        }
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            int a = char.IsSurrogatePair(x, i) ? char.ConvertToUtf32(x[i], x[i + 1]) : x[i];
            int b = char.IsSurrogatePair(y, j) ? char.ConvertToUtf32(y[j], y[j + 1]) : y[j];
            if (a != b)
            {
                return a < b ? -1 : 1;
            }
            i += a > 0xFFFF ? 2 : 1;
            j += b > 0xFFFF ? 2 : 1;
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }
}
