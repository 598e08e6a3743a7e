namespace Taipan.Compiler.Tests;

/// <summary>Code objects for snippets, compared field by field with CPython 3.11's.</summary>
public class CodeGenTests
{
    internal static void AssertSameAsCPython(string source, int optimize = 0)
    {
        var mod = CPython.Parse(source, out var path);
        var args = optimize == 0 ? new[] { path } : new[] { "-O", optimize.ToString(), path };
        var expected = CPython.Run("code_dump.py", args);
        var actual = CodeDump.Dump(path, mod, optimize);
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
}
