// Python/Python-ast.c
namespace Taipan.Syntax.Ast;

/// <summary>The root of every AST node: CPython's <c>ast.AST</c>.</summary>
public abstract class Node
{
    public abstract NodeKind NodeKind { get; }

    /// <summary>The class name that <c>ast</c> gives this node.</summary>
    public abstract string PyName { get; }

    internal abstract void DumpFields(AstDumper d);

    /// <summary>The text of <c>ast.dump(node, include_attributes=...)</c>.</summary>
    public string Dump(bool includeAttributes = true)
    {
        var d = new AstDumper(includeAttributes);
        d.Node(this);
        return d.ToString();
    }

    public override string ToString() => Dump(includeAttributes: false);
}

/// <summary>A node with <c>lineno</c>, <c>col_offset</c>, <c>end_lineno</c> and
/// <c>end_col_offset</c>; columns count UTF-8 bytes, as CPython's do.</summary>
public abstract class LocatedNode : Node
{
    protected LocatedNode(int lineno, int colOffset, int endLineno, int endColOffset)
    {
        Lineno = lineno;
        ColOffset = colOffset;
        EndLineno = endLineno;
        EndColOffset = endColOffset;
    }

    public int Lineno { get; set; }
    public int ColOffset { get; set; }
    public int EndLineno { get; set; }
    public int EndColOffset { get; set; }
}
