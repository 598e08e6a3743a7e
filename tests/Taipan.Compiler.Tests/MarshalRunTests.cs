using Taipan.Bytecode;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Compiler.Tests;

/// <summary>Code objects compiled by Taipan, marshalled by Taipan.Bytecode, load in CPython
/// 3.11, equal CPython's own and run with the same output.</summary>
public class MarshalRunTests
{
    [Theory]
    [InlineData("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint([fib(i) for i in range(15)])\n")]
    [InlineData("class A:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n        return f'A({self.x!r})'\nclass B(A):\n    def __init__(self):\n        super().__init__(42)\nprint(B(), {k: v for k, v in zip('ab', (1, 2))})\n")]
    [InlineData("def gen():\n    try:\n        yield 1\n        yield from [2, 3]\n    finally:\n        print('done')\nprint(list(gen()))\ntry:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print(type(e).__name__)\nwith open(__file__ if False else '/dev/null') as f:\n    print(f.read() == '')\n")]
    [InlineData("import asyncio\nasync def f(x):\n    await asyncio.sleep(0)\n    return [y async for y in g(x)]\nasync def g(n):\n    for i in range(n):\n        yield i\nprint(asyncio.run(f(3)))\n")]
    [InlineData("def m(p):\n    match p:\n        case {'x': x, **rest}: return ('map', x, rest)\n        case [1, *others]: return ('seq', others)\n        case str() | bytes() as s: return ('text', s)\n        case _: return None\nprint(m({'x': 1, 'y': 2}), m([1, 2, 3]), m('s'), m(3.5))\n")]
    [InlineData("def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\ni = outer()\ni(); i()\nprint(i(), (lambda *a, **k: (a, k))(1, x=2), '%s-%r' % ('a', 'b'))\n")]
    public void RunsInCPythonLikeTheSource(string source)
    {
        var path = CPython.TempSource(source);
        var co = CodeGen.Compiler.CompileSource(SourceText.FromBytes(File.ReadAllBytes(path), path));
        var codePath = path + ".marshal";
        File.WriteAllBytes(codePath, Marshal.Dumps(co));
        var output = CPython.Run("run_marshalled.py", codePath, path);
        var expected = CPython.RunSource(path);
        Assert.Equal("equal\n" + expected, output);
    }
}

/// <summary>The whole installed library, compiled by Taipan and marshalled by
/// Taipan.Bytecode, loaded back by CPython's marshal and compared with compile().</summary>
public class StdlibMarshalTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void StdlibCodeLoadsInCPythonEqualToItsOwn()
    {
        var dir = Path.Combine(Path.GetTempPath(), "taipan-compiler-marshal");
        Directory.CreateDirectory(dir);
        var files = StdlibSymtableTests.StdlibFiles();
        int compiled = 0, equal = 0;
        var different = new List<string>();
        const int batch = 200;
        for (int i = 0; i < files.Length; i += batch)
        {
            var args = new List<string>();
            foreach (var f in files.Skip(i).Take(batch))
            {
                CodeObject co;
                try
                {
                    co = CodeGen.Compiler.CompileSource(SourceText.FromBytes(File.ReadAllBytes(f), f));
                }
                catch (Taipan.Syntax.Errors.PythonException)
                {
                    continue;
                }
                compiled++;
                var codePath = Path.Combine(dir, f.Replace('/', '_') + ".marshal");
                File.WriteAllBytes(codePath, Marshal.Dumps(co));
                args.Add(codePath);
                args.Add(f);
            }
            foreach (var line in CPython.Run("check_marshalled.py", args.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.EndsWith(" equal"))
                {
                    equal++;
                }
                else
                {
                    different.Add(line);
                }
            }
        }
        File.WriteAllLines("/tmp/taipan-compiler-marshal.txt", different);
        output.WriteLine($"{equal} of {compiled} marshalled modules equal CPython's code");
        Assert.True(equal >= 0.995 * compiled, $"{equal} of {compiled}: " + string.Join("; ", different.Take(5)));
    }
}
