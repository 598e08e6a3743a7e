// Python/symtable.c (analyze_block and its helpers)
namespace Taipan.Compiler.Symtable;

/// <summary>Pass two: resolves each name to LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE
/// or CELL. A block receives the names bound in enclosing functions (<c>bound</c>) and the
/// explicit globals (<c>global</c>), and reports back the free names of its children.</summary>
public sealed partial class SymbolTable
{
    private void Analyze()
    {
        var free = new HashSet<string>();
        var global = new HashSet<string>();
        AnalyzeBlock(Top, null, free, global);
    }

    private void AnalyzeBlock(SymtableEntry ste, HashSet<string>? bound, HashSet<string> free, HashSet<string> global)
    {
        var local = new HashSet<string>();
        var scopes = new Dictionary<string, Scope>();
        var newGlobal = new HashSet<string>();
        var newFree = new HashSet<string>();
        var newBound = new HashSet<string>();

        // Class bindings are not visible in methods: what the children see is fixed before
        // the class's own names are analyzed.
        if (ste.Type == BlockType.Class)
        {
            newGlobal.UnionWith(global);
            if (bound is not null)
            {
                newBound.UnionWith(bound);
            }
        }

        foreach (var (name, flags) in ste.Symbols)
        {
            AnalyzeName(ste, scopes, name, flags, bound, local, free, global);
        }

        if (ste.Type != BlockType.Class)
        {
            if (ste.Type == BlockType.Function)
            {
                newBound.UnionWith(local);
            }
            if (bound is not null)
            {
                newBound.UnionWith(bound);
            }
            newGlobal.UnionWith(global);
        }
        else
        {
            // Methods see the implicit __class__ cell.
            newBound.Add("__class__");
        }

        var allFree = new HashSet<string>();
        foreach (var child in ste.Children)
        {
            var childBound = new HashSet<string>(newBound);
            var childFree = new HashSet<string>(newFree);
            var childGlobal = new HashSet<string>(newGlobal);
            AnalyzeBlock(child, childBound, childFree, childGlobal);
            allFree.UnionWith(childFree);
            if (child.HasFree || child.ChildFree)
            {
                ste.ChildFree = true;
            }
        }
        newFree.UnionWith(allFree);

        if (ste.Type == BlockType.Function)
        {
            AnalyzeCells(scopes, newFree);
        }
        else if (ste.Type == BlockType.Class && newFree.Remove("__class__"))
        {
            ste.NeedsClassClosure = true;
        }
        UpdateSymbols(ste.Symbols, scopes, bound, newFree, ste.Type == BlockType.Class);
        free.UnionWith(newFree);
    }

    private void AnalyzeName(SymtableEntry ste, Dictionary<string, Scope> scopes, string name, int flags,
        HashSet<string>? bound, HashSet<string> local, HashSet<string> free, HashSet<string> global)
    {
        if ((flags & Def.Global) != 0)
        {
            if ((flags & Def.Nonlocal) != 0)
            {
                throw ErrorAtDirective(ste, name, $"name '{name}' is nonlocal and global");
            }
            scopes[name] = Scope.GlobalExplicit;
            global.Add(name);
            bound?.Remove(name);
            return;
        }
        if ((flags & Def.Nonlocal) != 0)
        {
            if (bound is null)
            {
                throw ErrorAtDirective(ste, name, "nonlocal declaration not allowed at module level");
            }
            if (!bound.Contains(name))
            {
                throw ErrorAtDirective(ste, name, $"no binding for nonlocal '{name}' found");
            }
            scopes[name] = Scope.Free;
            ste.HasFree = true;
            free.Add(name);
            return;
        }
        if ((flags & Def.Bound) != 0)
        {
            scopes[name] = Scope.Local;
            local.Add(name);
            global.Remove(name);
            return;
        }
        // Bound in an enclosing function: free here. (A non-null bound means nested.)
        if (bound is not null && bound.Contains(name))
        {
            scopes[name] = Scope.Free;
            ste.HasFree = true;
            free.Add(name);
            return;
        }
        if (global.Contains(name))
        {
            scopes[name] = Scope.GlobalImplicit;
            return;
        }
        if (ste.Nested)
        {
            ste.HasFree = true;
        }
        scopes[name] = Scope.GlobalImplicit;
    }

    private Taipan.Syntax.Errors.PythonSyntaxError ErrorAtDirective(SymtableEntry ste, string name, string msg)
    {
        foreach (var d in ste.Directives)
        {
            if (d.Name == name)
            {
                return Error(msg, d.Lineno, d.ColOffset, d.EndLineno, d.EndColOffset);
            }
        }
        throw new InvalidOperationException("BUG: internal directive bookkeeping broken");
    }

    /// <summary>A local that a child block uses freely becomes a cell here.</summary>
    private static void AnalyzeCells(Dictionary<string, Scope> scopes, HashSet<string> free)
    {
        foreach (var name in scopes.Keys.ToArray())
        {
            if (scopes[name] == Scope.Local && free.Remove(name))
            {
                scopes[name] = Scope.Cell;
            }
        }
    }

    private static void UpdateSymbols(Dictionary<string, int> symbols, Dictionary<string, Scope> scopes,
        HashSet<string>? bound, HashSet<string> free, bool classFlag)
    {
        foreach (var name in symbols.Keys.ToArray())
        {
            symbols[name] |= (int)scopes[name] << Def.ScopeOffset;
        }
        // Free names of children pass through this block to reach their binding.
        foreach (var name in free)
        {
            if (symbols.TryGetValue(name, out var v))
            {
                // A method's free name that the class itself binds or declares global.
                if (classFlag && (v & (Def.Bound | Def.Global)) != 0)
                {
                    symbols[name] = v | Def.FreeClass;
                }
                continue;
            }
            if (bound is not null && !bound.Contains(name))
            {
                continue;
            }
            symbols[name] = (int)Scope.Free << Def.ScopeOffset;
        }
    }
}
