namespace Taipan.Compiler.Tests;

/// <summary>Code objects for snippets, compared field by field with CPython 3.11's.</summary>
public class CodeGenTests
{
    internal static void AssertSameAsCPython(string source, int optimize = 0, string mode = "exec",
        Future.CompilerFlags flags = Future.CompilerFlags.None)
    {
        var path = CPython.TempSource(source);
        var expected = CPython.Run("code_dump.py", "-O", optimize.ToString(), "-m", mode, "-f", ((int)flags).ToString(), path);
        var parseMode = mode switch
        {
            "eval" => Taipan.Syntax.Parser.ParseMode.Eval,
            "single" => Taipan.Syntax.Parser.ParseMode.Single,
            _ => Taipan.Syntax.Parser.ParseMode.Exec,
        };
        string actual;
        try
        {
            var co = CodeGen.Compiler.CompileSource(
                Taipan.Syntax.Tokenizer.SourceText.FromBytes(File.ReadAllBytes(path), path), parseMode, flags, optimize);
            actual = CodeDump.DumpCode(path, co);
        }
        catch (Taipan.Syntax.Errors.PythonSyntaxError e)
        {
            actual = $"== {path}\nerror {e.PythonType} {e.Msg} {e.Lineno} {e.Offset}\n";
        }
        if (expected != actual)
        {
            // Left for tools/compiler/diff_dump.py to explain.
            File.WriteAllText(path + ".expected", expected);
            File.WriteAllText(path + ".actual", actual);
        }
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("x = 1\n")]
    [InlineData("")]
    [InlineData("'''doc'''\n")]
    [InlineData("a = '\\ud800\\udc02', '\\ud800' '\\udc02', '\\ud800' + '\\udc02', '\\udc02\\ud800' * 3, '\\ud800\\udc02'[1]\n")]
    [InlineData("def f():\n    '\\udbff\\udfff'\nx = '%s\\ud800' % (y,) + '\\udfff'\n")]
    [InlineData("def f(a, b=1):\n    x = a + b\n    return x\nprint(f(1), 1.5, -0.0, (1, 'a'))\n")]
    [InlineData("a = b = c\nx, y = y, x\na, *b = c\nx.y = z[1]\ndel x[0], y.z, w\n")]
    [InlineData("if a:\n    b\nelif c:\n    d\nelse:\n    e\n")]
    [InlineData("while a and not b:\n    if c: break\n    if d: continue\n    e()\nelse:\n    f\n")]
    [InlineData("for i in range(10):\n    print(i)\nelse:\n    pass\n")]
    [InlineData("x = a < b < c\ny = a if b else c\nz = a or b and c\n")]
    [InlineData("f(a, *b, c=1, **d)\ng(x=1, y=2)\no.m(1, k=2)\n")]
    [InlineData("x = [1, 2, 3]\ny = {1: 2, 3: 4}\nz = {1, 2, 3}\nt = (a, b)\nu = {**a, 'b': 1}\nv = [*a, *b]\n")]
    [InlineData("x = 2 ** 10\ny = 'a' + 'b'\nz = -1\nw = not 1\nv = 1 / 3\nu = 7 // -2\n")]
    [InlineData("import os, os.path as p\nfrom . import a\nfrom .b import (c as d, e)\nfrom m import *\n")]
    [InlineData("def f(*args, a, b=2, **kw):\n    return lambda x, y=3: x + y + a\n")]
    [InlineData("def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n        return x\n    return inner\n")]
    [InlineData("class A(B, metaclass=M):\n    'doc'\n    x: int = 1\n    def f(self):\n        return super().f()\n")]
    [InlineData("@dec\n@dec2(1)\ndef f():\n    pass\n")]
    [InlineData("try:\n    a()\nexcept E as e:\n    b(e)\nexcept:\n    c()\nelse:\n    d()\nfinally:\n    e()\n")]
    [InlineData("with open(f) as g, h:\n    g.read()\n")]
    [InlineData("def g():\n    yield 1\n    x = yield from h()\n    return x\n")]
    [InlineData("async def f():\n    async with a as b:\n        await b\n    async for x in y:\n        pass\n    return [z async for z in w]\n")]
    [InlineData("r = [x * 2 for x in y if x]\ns = {k: v for k, v in d.items()}\nt = (i for i in j)\nu = {a for b in c for a in b}\n")]
    [InlineData("assert x, 'msg'\nraise E from F\n")]
    [InlineData("match p:\n    case [a, *b]: pass\n    case {'k': v, **r}: pass\n    case C(x, y=z) | D(): pass\n    case 1 | 'a' | None: pass\n    case _: pass\n")]
    [InlineData("x = f'{a!r:>{w}} and {b}'\ny = '%s-%r' % (a, b)\n")]
    [InlineData("global_var = 1\ndef f():\n    global global_var\n    global_var = 2\n    del global_var\n")]
    [InlineData("def f():\n    try:\n        return g()\n    finally:\n        h()\n")]
    [InlineData("for x in y:\n    try:\n        continue\n    except:\n        break\n")]
    [InlineData("x = (\n    a.\n    b(\n        c,\n    )\n)\n")]
    public void SnippetsCompileLikeCPython(string source) => AssertSameAsCPython(source);

    [Theory]
    [InlineData("return 1\n")]
    [InlineData("def f():\n    yield 1\nyield 2\n")]
    [InlineData("class C:\n    yield 1\n")]
    [InlineData("await x\n")]
    [InlineData("def f():\n    await x\n")]
    [InlineData("def f():\n    [await x for y in z]\n")]
    [InlineData("async def f():\n    yield from x\n")]
    [InlineData("async def f():\n    yield 1\n    return 2\n")]
    [InlineData("def f():\n    async with a: pass\n")]
    [InlineData("def f():\n    async for a in b: pass\n")]
    [InlineData("def f():\n    return [x async for x in y]\n")]
    [InlineData("break\n")]
    [InlineData("if x:\n    continue\n")]
    [InlineData("f(a=1, a=2)\n")]
    [InlineData("def f(__debug__): pass\n")]
    [InlineData("f(__debug__=1)\n")]
    [InlineData("try:\n    pass\nexcept* E:\n    break\n")]
    [InlineData("for x in y:\n    try:\n        pass\n    except* E:\n        continue\n")]
    [InlineData("def f():\n    from __future__ import annotations\n")]
    [InlineData("x = 1\nfrom __future__ import annotations\n")]
    [InlineData("match x:\n    case a: pass\n    case b: pass\n")]
    [InlineData("match x:\n    case _: pass\n    case 1: pass\n")]
    [InlineData("match x:\n    case [a, a]: pass\n")]
    [InlineData("match x:\n    case a | [b]: pass\n")]
    [InlineData("match x:\n    case {1: a, 1: b}: pass\n")]
    [InlineData("match x:\n    case C(a=1, a=2): pass\n")]
    [InlineData("match x:\n    case [*a, *b]: pass\n")]
    [InlineData("a, *b, *c = d\n")]
    [InlineData("*a = b\n")]
    public void ErrorsMatchCPython(string source) => AssertSameAsCPython(source);

    [Theory]
    [InlineData("from __future__ import annotations\nx: List[int] = []\nclass C:\n    y: 'str'\n    z: a.b[c, d] | None\ndef f(a: int = 1, *b: T, c: lambda x, *, y=2: x, **d: {1: 2, **e}) -> (yield) if 0 else f'{x!r:>{w}}':\n    pass\n")]
    [InlineData("from __future__ import annotations\nx: -1 + 2 * 3 ** -4 // (5 - 6) @ m\ny: not a and (b or c) if d else e\nz: [i for i in j if k] and {1, 2} and (*a, b) and x[1:2, ::3] and (a := 1)\nw: 1e309 and 1e309j and ... and None and b'x' and (1,) and ()\n")]
    public void FutureAnnotationsMatchCPython(string source) => AssertSameAsCPython(source);

    [Theory]
    [InlineData("await x\n")]
    [InlineData("async with a as b:\n    await b\nasync for c in d:\n    pass\n")]
    [InlineData("x = [y async for y in z]\n")]
    [InlineData("x = 1\n")]
    [InlineData("from __future__ import division\nx = 1\n")]
    public void TopLevelAwaitMatchesCPython(string source) =>
        AssertSameAsCPython(source, flags: Future.CompilerFlags.AllowTopLevelAwait);

    [Theory]
    [InlineData("1 + 2")]
    [InlineData("[x for x in y if x]")]
    [InlineData("lambda: (yield)")]
    [InlineData("a if b else c")]
    public void EvalModeMatchesCPython(string source) => AssertSameAsCPython(source, mode: "eval");

    [Theory]
    [InlineData("x = 1\n")]
    [InlineData("1 + 2\n")]
    public void SingleModeMatchesCPython(string source) => AssertSameAsCPython(source, mode: "single");

    [Theory]
    [InlineData("'''doc'''\nassert x\ndef f():\n    'doc'\n    assert y, z\n    return __debug__\nif __debug__:\n    g()\n")]
    public void OptimizedModesMatchCPython(string source)
    {
        AssertSameAsCPython(source, optimize: 1);
        AssertSameAsCPython(source, optimize: 2);
    }
}

/// <summary>The SyntaxWarnings of the code generator, compared with CPython's.</summary>
public class CompilerWarningTests
{
    [Theory]
    [InlineData("if x is 1: pass\ny = 'a' is not b\nz = a < b is ()\n")]
    [InlineData("assert (x, 'msg')\nassert ()\n")]
    [InlineData("f = (1)(2)\ng = [1](2)\nh = {1}[0]\ni = (a for a in b)[0]\nj = [1, 2]['a']\nk = 'abc'[1.5]\nl = (1, 2)[f'x']\n")]
    public void WarningsMatchCPython(string source)
    {
        var path = CPython.TempSource(source);
        var expected = CPython.Run("warnings_dump.py", path);
        var warnings = new List<Taipan.Syntax.Parser.ParserWarning>();
        CodeGen.Compiler.CompileSource(Taipan.Syntax.Tokenizer.SourceText.FromBytes(File.ReadAllBytes(path), path), warnings: warnings);
        var actual = $"== {path}\n" + string.Concat(warnings.Select(w => $"{w.Lineno} {w.Message}\n"));
        Assert.Equal(expected, actual);
    }
}
