// Objects/object.c (PyObject_Hash: TypeError for unhashable values)
using System.Runtime.CompilerServices;
using Taipan.Syntax.Errors;

namespace Taipan.Bytecode;

/// <summary>Checks that a marshal value may be a set item or dict key: lists, dicts and sets are
/// not, nor are tuples (or code objects, through their constants) that contain them.</summary>
internal static class Hashability
{
    // Above marshal's nesting limit, so only cycles reach it.
    private const int MaxDepth = 3000;

    public static void Check(object? value) => Check(value, 0);

    private static void Check(object? value, int depth)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (depth > MaxDepth)
        {
            throw new PythonException("RecursionError", "maximum recursion depth exceeded while calling a Python object");
        }

        switch (value)
        {
            case MarshalList:
                throw Unhashable("list");
            case MarshalDict:
                throw Unhashable("dict");
            case MarshalSet:
                throw Unhashable("set");
            case ConstantTuple t:
                foreach (var item in t._items)
                {
                    Check(item, depth + 1);
                }

                break;
            case CodeObject c:
                foreach (var item in c.Consts)
                {
                    Check(item, depth + 1);
                }

                break;
        }
    }

    private static PythonException Unhashable(string type) => new("TypeError", $"unhashable type: '{type}'");
}
