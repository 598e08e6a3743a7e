using System.Text;
using Taipan.Compiler.Future;
using Taipan.Compiler.Symtable;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Compiler.Tests;

public class SymtableTests
{
    /// <summary>The format of tools/compiler/symtable_dump.py.</summary>
    internal static string Dump(string path, ModNode mod)
    {
        var sb = new StringBuilder();
        sb.Append("== ").Append(path).Append('\n');
        try
        {
            var future = FutureFeatures.FromAst(mod, path);
            var st = SymbolTable.Build(mod, path, future);
            DumpEntry(st.Top, sb);
        }
        catch (PythonSyntaxError e)
        {
            sb.Append($"error {e.Msg} {e.Lineno} {e.Offset}\n");
        }
        return sb.ToString();
    }

    private static void DumpEntry(SymtableEntry ste, StringBuilder sb)
    {
        var type = ste.Type switch
        {
            BlockType.Module => "module",
            BlockType.Class => "class",
            _ => "function",
        };
        sb.Append($"scope {type} {ste.Name} {ste.Lineno} nested={(ste.Nested ? 1 : 0)} children={ste.Children.Count}\n");
        foreach (var name in ste.Symbols.Keys.Order(StringComparer.Ordinal))
        {
            sb.Append($"  {name} {ste.Symbols[name]}\n");
        }
        foreach (var c in ste.Children)
        {
            DumpEntry(c, sb);
        }
    }

    private static void AssertSameAsCPython(string source)
    {
        var mod = CPython.Parse(source, out var path);
        var expected = CPython.Run("symtable_dump.py", path);
        Assert.Equal(expected, Dump(path, mod));
    }

    [Theory]
    [InlineData("x = 1\nprint(x, y)\n")]
    [InlineData("class A:\n    def f(self): return super().x + __y\n    g = [i for i in range(3)]\n    lambda: 1\n    (x for x in y)\n")]
    [InlineData("def h(a, *b, c, **d):\n    global q\n    def k(): nonlocal a; return b\n    return {z: w for z, w in ()}, {s for s in ()}, [p := 1 for _ in ()]\n")]
    [InlineData("def f():\n    x = 1\n    class C:\n        x = 2\n        def g(self): return x\n    return C\n")]
    [InlineData("class C:\n    __slots__ = ('__a',)\n    def __m(self, __p): import __q.r as __s; from . import __t\n    class __D: __e = 1\n")]
    [InlineData("def f():\n    def g(): return __class__\n    class C:\n        def m(self): return __class__\n")]
    [InlineData("match x:\n    case [a, *b, {'k': c, **d}] if a: pass\n    case Point(x=e) | Point(y=e): pass\n    case f as g: pass\n")]
    [InlineData("def f():\n    try: pass\n    except E as e: pass\n    with a as (b, c): pass\n    async def g(): await h(); [i async for i in j]\n    yield\n")]
    [InlineData("def f(a: A, *, b: B = 1) -> R:\n    x: int = 1\n    y: int\n    (z): int\n    a.b: int\n")]
    [InlineData("from __future__ import annotations\ndef f(a: A) -> R:\n    x: X = 1\n")]
    [InlineData("def f():\n    [[(y := i) for i in range(3)] for j in k]\n    global g\n    [(g := 1) for _ in ()]\n")]
    [InlineData("x = [(y := 1) for _ in ()]\nclass C:\n    def m(self): [(z := 1) for _ in ()]; return lambda: z\n")]
    public void ScopesMatchCPython(string source) => AssertSameAsCPython(source);

    [Theory]
    [InlineData("def f(x):\n    global x\n")]
    [InlineData("é=1;  global é\n")]
    [InlineData("def f():\n  x=1;global x\n")]
    [InlineData("def f():\n  print(x);global x\n")]
    [InlineData("def f():\n  x: int; global x\n")]
    [InlineData("def f():\n  global x; x: int\n")]
    [InlineData("def f():\n  def g():\n    nonlocal x; x: int\n  x = 1\n")]
    [InlineData("def f(x):\n  nonlocal x\n")]
    [InlineData("nonlocal x\n")]
    [InlineData("class C:\n  nonlocal x\n")]
    [InlineData("def f():\n  é=(nonlocal_:=1); nonlocal q\n")]
    [InlineData("def f():\n  global x\n  nonlocal x\n")]
    [InlineData("[i for i in range(3) if (é:=i) for é in x]")]
    [InlineData("[i for i in (j:=range(3))]")]
    [InlineData("[i for i in [k for k in (j:=range(3))]]")]
    [InlineData("[(i := 1) for i in range(3)]")]
    [InlineData("class C:\n  [(i := 1) for j in range(3)]")]
    [InlineData("def f(a, b, a): pass")]
    [InlineData("lambda a, *a: 1")]
    [InlineData("def f():\n  from os import *\n")]
    [InlineData("class C:\n  from os import *\n")]
    [InlineData("[(yield x) for x in y]")]
    [InlineData("def f(): return {(yield x): 1 for x in y}")]
    [InlineData("def f(): return ((yield from x) for x in y)")]
    [InlineData("from __future__ import annotations\ndef f(x: (yield)): pass")]
    [InlineData("from __future__ import annotations\nx: (y := 1)")]
    [InlineData("from __future__ import annotations\nasync def f():\n  x: await y")]
    public void ErrorsMatchCPython(string source) => AssertSameAsCPython(source);
}
