// Python/compile.c (struct compiler_unit, struct fblockinfo)
using Taipan.Bytecode;
using Taipan.Compiler.FlowGraph;
using Taipan.Compiler.Symtable;

namespace Taipan.Compiler.CodeGen;

internal enum ScopeType
{
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

internal enum FBlockType
{
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// <summary>A frame block: a loop, try or with being compiled, for break/continue/return.</summary>
internal struct FBlockInfo
{
    public FBlockType Type;
    public BasicBlock? Block;
    public BasicBlock? Exit;

    /// <summary>The finally body, the with statement, or the name bound by an except clause.</summary>
    public object? Datum;
}

/// <summary>The state of one code object being compiled.</summary>
internal sealed class CompilerUnit
{
    public const int MaxBlocks = 20;

    public CompilerUnit(SymtableEntry ste, string name, ScopeType scopeType)
    {
        Ste = ste;
        Name = name;
        ScopeType = scopeType;
    }

    public SymtableEntry Ste { get; }
    public string Name { get; }
    public string? QualName;
    public ScopeType ScopeType { get; }

    public readonly Dictionary<object, int> Consts = new(ConstantKeyComparer.Instance);
    public readonly List<object> ConstList = new();
    public readonly Dictionary<string, int> Names = new();
    public Dictionary<string, int> Varnames = new();
    public Dictionary<string, int> Cellvars = new();
    public Dictionary<string, int> Freevars = new();

    public string? Private;
    public int ArgCount;
    public int PosOnlyArgCount;
    public int KwOnlyArgCount;

    /// <summary>Every block in allocation order (CPython walks its b_list newest first).</summary>
    public readonly List<BasicBlock> Blocks = new();
    public BasicBlock CurBlock = null!;
    public bool NeedNewImplicitBlock;

    public readonly FBlockInfo[] FBlocks = new FBlockInfo[MaxBlocks];
    public int NFBlocks;

    public int FirstLineno;
    public int Lineno;
    public int ColOffset;
    public int EndLineno;
    public int EndColOffset;

    public BasicBlock NewBlock()
    {
        var b = new BasicBlock();
        Blocks.Add(b);
        return b;
    }

    /// <summary>compiler_add_const / compiler_add_o on u_consts.</summary>
    public int AddConst(object value)
    {
        if (!Consts.TryGetValue(value, out var index))
        {
            index = ConstList.Count;
            Consts[value] = index;
            ConstList.Add(value);
        }
        return index;
    }

    public static int AddName(Dictionary<string, int> dict, string name)
    {
        if (!dict.TryGetValue(name, out var index))
        {
            index = dict.Count;
            dict[name] = index;
        }
        return index;
    }
}

/// <summary>_PyCode_ConstantKey equality: constants of different types never merge (1, 1.0
/// and True stay apart, as do 0.0 and -0.0); NaNs (which Python compares by identity inside
/// the key tuples) merge only with themselves; code objects merge when equal (the same
/// finally body compiled twice).</summary>
internal sealed class ConstantKeyComparer : IEqualityComparer<object>
{
    public static readonly ConstantKeyComparer Instance = new();

    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }
        switch (x)
        {
            case null:
                return false;
            case CodeObject cx:
                return y is CodeObject cy && cx.Equals(cy);
            case double dx when double.IsNaN(dx):
                return false;
            case System.Numerics.Complex cx when double.IsNaN(cx.Real) || double.IsNaN(cx.Imaginary):
                return false;
            case ConstantTuple tx:
                if (y is not ConstantTuple ty || tx.Count != ty.Count)
                {
                    return false;
                }
                for (int i = 0; i < tx.Count; i++)
                {
                    if (!Equals(tx[i], ty[i]))
                    {
                        return false;
                    }
                }
                return true;
        }
        return y is not (CodeObject or ConstantTuple) && PyValue.StrictComparer.Equals(x, y);
    }

    public int GetHashCode(object obj) => obj switch
    {
        CodeObject co => co.GetHashCode(),
        double d when double.IsNaN(d) => 0,
        System.Numerics.Complex c when double.IsNaN(c.Real) || double.IsNaN(c.Imaginary) => 0,
        _ => PyValue.StrictComparer.GetHashCode(obj),
    };
}
