// Python/compile.c (_Py_Mangle)
namespace Taipan.Compiler.Symtable;

/// <summary>Private name mangling: inside <c>class C</c>, <c>__x</c> becomes <c>_C__x</c>.</summary>
public static class Mangling
{
    public static string Mangle(string? privateName, string ident)
    {
        if (privateName is null || ident.Length < 2 || ident[0] != '_' || ident[1] != '_')
        {
            return ident;
        }
        // Dunder names and dotted import names are left alone.
        if ((ident[^1] == '_' && ident[^2] == '_') || ident.Contains('.'))
        {
            return ident;
        }
        int i = 0;
        while (i < privateName.Length && privateName[i] == '_')
        {
            i++;
        }
        if (i == privateName.Length)
        {
            return ident;
        }
        return string.Concat("_", privateName.AsSpan(i), ident);
    }
}
