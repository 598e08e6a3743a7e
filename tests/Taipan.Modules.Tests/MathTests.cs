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

    /// <summary>Runs <paramref name="source"/> in-process with <paramref name="module"/> in its
    /// globals (in place of its import) and returns what it prints.</summary>
    private static string RunWithModule(string source, string module, string filename)
    {
        var code = Compiler.CodeGen.Compiler.CompileSource(SourceText.FromString(source, filename));
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
        return output.ToString();
    }

    private static void AssertSameLines(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
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
        Assert.True(diffs.Count == 0, string.Join("\n", diffs.Take(40)));
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
        var expected = File.ReadAllText(Path.Combine(dir, "programs", program + ".stdout"));
        AssertSameLines(expected, RunWithModule(source, module, program + ".py"));
    }

    /// <summary>Every one-argument function of math and cmath on random finite values, printed
    /// by CPython and by Taipan: the last bits must agree.</summary>
    [Theory]
    [InlineData("math", "sqrt exp exp2 expm1 log log2 log10 log1p sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh erf erfc gamma lgamma cbrt fabs floor ceil trunc frexp modf ulp degrees radians")]
    [InlineData("cmath", "sqrt exp log log10 sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh phase polar")]
    public void RandomValuesMatchCPython(string module, string functions)
    {
        var rng = new Random(module.Length);
        var values = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            var magnitude = Math.Pow(10, rng.Next(-12, 13)) * rng.NextDouble() * (rng.Next(2) == 0 ? 1 : -1);
            var re = Taipan.Syntax.Ast.PyRepr.Float(i % 3 == 0 ? rng.NextDouble() * 4 - 2 : magnitude);
            var im = Taipan.Syntax.Ast.PyRepr.Float(rng.NextDouble() * 6 - 3);
            values.Add(module == "cmath" ? $"complex({re}, {im})" : re);
        }
        var names = functions.Split(' ');
        var source = $"import {module}\n"
            + "def show(f, x):\n"
            + "    try:\n        return repr(f(x))\n"
            + "    except Exception as e:\n        return type(e).__name__ + ' ' + str(e)\n"
            + $"funcs = ({string.Join(", ", names.Select(n => $"{module}.{n}"))},)\n"
            + $"for x in ({string.Join(", ", values)},):\n"
            + "    for f in funcs:\n"
            + "        print(show(f, x))\n";
        var expected = Processes.Run(Processes.Python, ["-c", source]);
        Assert.Equal("", expected.Stderr);
        AssertSameLines(expected.Stdout, RunWithModule(source.Replace($"import {module}\n", "\n", StringComparison.Ordinal), module, "random.py"));
    }

    /// <summary>The two-argument functions of math on random pairs, against CPython.</summary>
    [Fact]
    public void RandomPairsMatchCPython()
    {
        var rng = new Random(5);
        var pairs = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            string Value() => Taipan.Syntax.Ast.PyRepr.Float((rng.NextDouble() * 2 - 1) * System.Math.Pow(10, rng.Next(-6, 7)));
            pairs.Add($"({Value()}, {Value()})");
        }
        var source = "import math\n"
            + "def show(f, x, y):\n"
            + "    try:\n        return repr(f(x, y))\n"
            + "    except Exception as e:\n        return type(e).__name__ + ' ' + str(e)\n"
            + "funcs = (math.atan2, math.pow, math.fmod, math.remainder, math.hypot, math.copysign, math.log, math.nextafter, math.isclose)\n"
            + $"for x, y in ({string.Join(", ", pairs)},):\n"
            + "    for f in funcs:\n"
            + "        print(show(f, x, y), show(f, y, x), show(f, abs(x), y))\n";
        var expected = Processes.Run(Processes.Python, ["-c", source]);
        Assert.Equal("", expected.Stderr);
        AssertSameLines(expected.Stdout, RunWithModule(source.Replace("import math\n", "\n", StringComparison.Ordinal), "math", "pairs.py"));
    }

    /// <summary>The managed stand-ins for systems without glibc follow the C library's methods
    /// (glibc may fuse multiply-adds, so the last bit can differ): within two units in the last place.</summary>
    [Fact]
    public void ManagedFallbacksFollowTheCLibrary()
    {
        var rng = new Random(3);
        for (var i = 0; i < 5000; i++)
        {
            var x = (rng.NextDouble() * 2 - 1) * System.Math.Pow(10, rng.Next(-10, 3));
            if (x > -1)
            {
                AssertClose(Mathematics.LibM.Log1P(x), Mathematics.MathModule.Log1P(x));
            }
            if (x < 700)
            {
                AssertClose(Mathematics.LibM.ExpM1(x), Mathematics.MathModule.ExpM1(x));
            }
            AssertClose(Mathematics.LibM.Erf(x), Mathematics.SpecialFunctions.Erf(x));
            AssertClose(Mathematics.LibM.Erfc(x), Mathematics.SpecialFunctions.Erfc(x));
        }

        static void AssertClose(double expected, double actual)
        {
            var ulps = System.Math.Abs(BitConverter.DoubleToInt64Bits(expected) - BitConverter.DoubleToInt64Bits(actual));
            Assert.True(ulps <= 2 || expected == actual, $"{expected:R} vs {actual:R}");
        }
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
