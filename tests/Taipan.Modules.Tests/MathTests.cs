using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Modules.Tests;

/// <summary>The <c>math</c> and <c>cmath</c> modules through the runtime, before <c>import</c>
/// exists: the conformance programs numbers_math.py and numbers_cmath.py run with the module
/// placed in their globals, and must print what CPython recorded for them.</summary>
[Collection("stdout")]
public class MathTests
{
    private static PyModule MathModule()
    {
        StandardModules.Register();
        var factory = Inittab.Find("math");
        Assert.NotNull(factory);
        return factory();
    }

    private static PyObject Call(string name, params PyObject[] args) =>
        Ops.Call(Ops.GetAttr(MathModule(), PyStr.Intern(name)), args, null);

    private static string CasesDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "cases")))
            {
                return Path.Combine(dir.FullName, "tests", "cases");
            }
        }
        throw new InvalidOperationException("tests/cases not found");
    }

    [Theory]
    [InlineData("numbers_math", "math")]
    [InlineData("numbers_cmath", "cmath")]
    public void ConformanceProgramMatchesCPython(string program, string module)
    {
        var dir = CasesDir();
        var source = File.ReadAllText(Path.Combine(dir, "programs", program + ".py"));
        Assert.Contains($"import {module}\n", source);
        // The import statement becomes a blank line, so line numbers stay as recorded.
        source = source.Replace($"import {module}\n", "\n", StringComparison.Ordinal);
        var code = Compiler.CodeGen.Compiler.CompileSource(SourceText.FromString(source, program + ".py"));
        var main = new PyModule("__main__");
        main.AddBuiltin("__builtins__", Builtins.Module);
        StandardModules.Register();
        main.AddBuiltin(module, Inittab.Find(module)!());
        var output = new StringWriter();
        var saved = Builtins.Stdout;
        Builtins.Stdout = output;
        try
        {
            Interpreter.RunCode(new PyCode(code), main.Dict, main.Dict);
        }
        finally
        {
            Builtins.Stdout = saved;
        }
        var expected = File.ReadAllText(Path.Combine(dir, "programs", program + ".stdout"));
        var expectedLines = expected.Split('\n');
        var actualLines = output.ToString().Split('\n');
        var diffs = new List<string>();
        for (var i = 0; i < System.Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<none>";
            var a = i < actualLines.Length ? actualLines[i] : "<none>";
            if (e != a)
            {
                diffs.Add($"line {i + 1}:\n  CPython: {e}\n  Taipan:  {a}");
            }
        }
        Assert.True(diffs.Count == 0, string.Join("\n", diffs));
    }

    [Fact]
    public void DomainAndRangeErrors()
    {
        var e = Assert.Throws<PyException>(() => Call("sqrt", PyInt.From(-1)));
        Assert.Equal("ValueError: math domain error", e.Message);
        e = Assert.Throws<PyException>(() => Call("exp", new PyFloat(1000)));
        Assert.Equal("OverflowError: math range error", e.Message);
        e = Assert.Throws<PyException>(() => Call("log", PyInt.From(0)));
        Assert.Equal("ValueError: math domain error", e.Message);
    }

    [Fact]
    public void FsumIsExact()
    {
        var items = new PyList([new PyFloat(1e100), new PyFloat(1.0), new PyFloat(-1e100), new PyFloat(1e-300)]);
        var r = Assert.IsType<PyFloat>(Call("fsum", items));
        Assert.Equal(1.0, r.Value);
    }

    [Fact]
    public void IntegerFunctions()
    {
        Assert.Equal("3628800", ((PyInt)Call("factorial", PyInt.From(10))).ToString());
        Assert.Equal("100891344545564193334812497256", ((PyInt)Call("comb", PyInt.From(100), PyInt.From(50))).ToString());
        Assert.Equal("6", ((PyInt)Call("gcd", PyInt.From(12), PyInt.From(18), PyInt.From(30))).ToString());
        Assert.Equal("13043817825332782212", ((PyInt)Call("isqrt", PyInt.From((System.Numerics.BigInteger.One << 127) - 1))).ToString());
    }

    [Fact]
    public void Constants()
    {
        Assert.Equal(System.Math.PI, ((PyFloat)Ops.GetAttr(MathModule(), PyStr.Intern("pi"))).Value);
        Assert.Equal(System.Math.Tau, ((PyFloat)Ops.GetAttr(MathModule(), PyStr.Intern("tau"))).Value);
    }
}
