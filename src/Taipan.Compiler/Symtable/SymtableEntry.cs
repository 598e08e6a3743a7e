// Include/internal/pycore_symtable.h
using Taipan.Syntax.Ast;

namespace Taipan.Compiler.Symtable;

public enum BlockType
{
    Function,
    Class,
    Module,
    /// <summary>Annotations under <c>from __future__ import annotations</c>: visited for
    /// errors only, never attached to the tree.</summary>
    Annotation,
}

public enum ComprehensionType
{
    None,
    List,
    Dict,
    Set,
    Generator,
}

/// <summary>The DEF_* flags of a symbol and its scope, stored at <see cref="ScopeOffset"/>,
/// with CPython's values (the <c>symtable</c> module exposes them raw).</summary>
public static class Def
{
    public const int Global = 1;
    public const int Local = 2;
    public const int Param = 2 << 1;
    public const int Nonlocal = 2 << 2;
    public const int Use = 2 << 3;
    public const int Free = 2 << 4;
    public const int FreeClass = 2 << 5;
    public const int Import = 2 << 6;
    public const int Annot = 2 << 7;
    public const int CompIter = 2 << 8;
    public const int Bound = Local | Param | Import;

    public const int ScopeOffset = 11;
    public const int ScopeMask = Global | Local | Param | Nonlocal;
}

/// <summary>The scope a name resolves to (the value at bits 11-14 of its flags).</summary>
public enum Scope
{
    Unknown = 0,
    Local = 1,
    GlobalExplicit = 2,
    GlobalImplicit = 3,
    Free = 4,
    Cell = 5,
}

/// <summary>A recorded <c>global</c> or <c>nonlocal</c> directive (also those implied by
/// an assignment expression in a comprehension), for error positions.</summary>
public readonly record struct Directive(string Name, int Lineno, int ColOffset, int EndLineno, int EndColOffset);

/// <summary>PySTEntryObject: one namespace (module, class, function, lambda, comprehension).</summary>
public sealed class SymtableEntry
{
    internal SymtableEntry(string name, BlockType type, Node key, int lineno, int colOffset, int endLineno, int endColOffset)
    {
        Name = name;
        Type = type;
        Key = key;
        Lineno = lineno;
        ColOffset = colOffset;
        EndLineno = endLineno;
        EndColOffset = endColOffset;
    }

    public string Name { get; }
    public BlockType Type { get; }

    /// <summary>The AST node that opened the block.</summary>
    public Node Key { get; }

    /// <summary>Names to DEF_* flags and scope, in order of first occurrence.</summary>
    public Dictionary<string, int> Symbols { get; } = new();

    /// <summary>Parameter names in definition order.</summary>
    public List<string> Varnames { get; } = new();

    public List<SymtableEntry> Children { get; } = new();
    internal List<Directive> Directives { get; } = new();

    public bool Nested { get; internal set; }
    public bool HasFree { get; internal set; }
    public bool ChildFree { get; internal set; }
    public bool Generator { get; internal set; }
    public bool Coroutine { get; internal set; }
    public ComprehensionType Comprehension { get; internal set; }
    public bool VarArgs { get; internal set; }
    public bool VarKeywords { get; internal set; }
    public bool ReturnsValue { get; internal set; }
    public bool NeedsClassClosure { get; internal set; }
    internal bool CompIterTarget { get; set; }
    internal int CompIterExpr { get; set; }

    public int Lineno { get; }
    public int ColOffset { get; }
    public int EndLineno { get; }
    public int EndColOffset { get; }

    /// <summary>_PyST_GetSymbol: the flags of a (mangled) name, 0 when absent.</summary>
    public int GetSymbol(string name) => Symbols.TryGetValue(name, out var v) ? v : 0;

    /// <summary>_PyST_GetScope.</summary>
    public Scope GetScope(string name) => (Scope)((GetSymbol(name) >> Def.ScopeOffset) & Def.ScopeMask);

    public override string ToString() => $"<symtable entry {Name}, line {Lineno}>";
}
