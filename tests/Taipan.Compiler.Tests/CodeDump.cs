using System.Text;
using Taipan.Bytecode;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Compiler.Tests;

/// <summary>The format of tools/compiler/code_dump.py.</summary>
internal static class CodeDump
{
    public static string Dump(string path, ModNode mod, int optimize = 0)
    {
        var sb = new StringBuilder();
        sb.Append("== ").Append(path).Append('\n');
        try
        {
            var co = CodeGen.Compiler.Compile(mod, path, optimize: optimize);
            DumpCode(co, sb);
        }
        catch (PythonSyntaxError e)
        {
            sb.Append($"error {e.PythonType} {e.Msg} {e.Lineno} {e.Offset}\n");
        }
        return sb.ToString();
    }

    public static string DumpCode(string path, CodeObject co)
    {
        var sb = new StringBuilder();
        sb.Append("== ").Append(path).Append('\n');
        DumpCode(co, sb);
        return sb.ToString();
    }

    private static string Hex(byte[] b) => Convert.ToHexString(b).ToLowerInvariant();

    private static string ConstRepr(object? c) => c switch
    {
        CodeObject co => $"<code {co.Name}>",
        ConstantTuple t => t.Count == 1 ? $"({ConstRepr(t[0])},)" : "(" + string.Join(", ", t.Select(ConstRepr)) + ")",
        ConstantFrozenSet f => f.Count == 0 ? "frozenset()" : "frozenset({" + string.Join(", ", f.Select(ConstRepr).Order(StringComparer.Ordinal)) + "})",
        // PyValue.Repr writes complex(x, -0.0) as (x+-0j) where Python writes (x-0j).
        System.Numerics.Complex z => PyValue.Repr(z).Replace("+-", "-"),
        _ => PyValue.Repr(c),
    };

    private static string TupleRepr(string[] names) =>
        names.Length == 1 ? $"({PyValue.Repr(names[0])},)" : "(" + string.Join(", ", names.Select(n => PyValue.Repr(n))) + ")";

    private static void DumpCode(CodeObject co, StringBuilder sb)
    {
        sb.Append($"code {co.Name} {co.QualName} firstlineno={co.FirstLineNo}\n");
        sb.Append($"  args={co.ArgCount},{co.PosOnlyArgCount},{co.KwOnlyArgCount} stacksize={co.StackSize} flags=0x{(int)co.Flags:x}\n");
        sb.Append($"  code={Hex(co.Code)}\n");
        sb.Append("  consts=[").Append(string.Join(", ", co.Consts.Select(ConstRepr))).Append("]\n");
        sb.Append($"  names={TupleRepr(co.Names)}\n");
        sb.Append($"  localsplus={TupleRepr(co.LocalsPlusNames)} kinds={Hex(co.LocalsPlusKinds)}\n");
        sb.Append($"  linetable={Hex(co.LineTable)}\n");
        sb.Append($"  exceptiontable={Hex(co.ExceptionTable)}\n");
        foreach (var c in co.Consts)
        {
            if (c is CodeObject inner)
            {
                DumpCode(inner, sb);
            }
        }
    }
}
