// Python/Python-ast.c (the recursion guard of PyAST_mod2obj)
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Syntax.Parser;

public sealed partial class Parser
{
    /// <summary>
    /// The check <c>ast.parse()</c> (and <c>compile(..., PyCF_ONLY_AST)</c>) makes when it turns
    /// the tree into Python objects: 3.11's <c>PyAST_mod2obj</c> counts one level per AST node
    /// (mod, stmt, expr, arguments, arg, keyword, alias, withitem, match_case, pattern,
    /// comprehension, excepthandler, type_ignore; not contexts and operators) and raises
    /// <c>RecursionError: maximum recursion depth exceeded during ast construction</c> when the
    /// deepest node's depth passes <c>3 * sys.getrecursionlimit()</c> minus three times the
    /// Python frame depth of the caller. Pass that difference as <paramref name="limit"/>; for
    /// example <c>3 * (1000 - depth)</c>. The walk is iterative, so any tree can be checked.
    /// </summary>
    public static void CheckAstDepth(ModNode tree, int limit)
    {
        var stack = new Stack<(Node, int)>();
        stack.Push((tree, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > limit)
            {
                throw new PythonException("RecursionError", "maximum recursion depth exceeded during ast construction");
            }
            PushChildren(stack, node, depth + 1);
        }
    }

    private static void Push(Stack<(Node, int)> stack, Node? child, int depth)
    {
        if (child is not null)
        {
            stack.Push((child, depth));
        }
    }

    private static void PushAll<T>(Stack<(Node, int)> stack, T[] children, int depth)
        where T : Node?
    {
        foreach (var child in children)
        {
            if (child is not null)
            {
                stack.Push((child, depth));
            }
        }
    }
}
