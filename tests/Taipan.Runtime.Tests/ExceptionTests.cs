using System.Diagnostics;
using Taipan.Bytecode;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Tests;

/// <summary>Exceptions, exception groups, suggestions, coroutines and async generators: the
/// objects directly, and programs (compiled by CPython) whose output must match CPython's.</summary>
[Collection("stdout")]
public class ExceptionTests
{
    private static PyBaseException Make(PyType type, params PyObject[] args) =>
        (PyBaseException)Abstract.Ops.Call(type, args, null);

    [Fact]
    public void OSErrorPicksTheSubclassOfItsErrno()
    {
        var e = Make(PyExc.OSError, PyInt.From(2), new PyStr("No such file"), new PyStr("f.txt"));
        Assert.Same(PyExc.FileNotFoundError, e.Type);
        Assert.Equal("[Errno 2] No such file: 'f.txt'", Abstract.Ops.Str(e).Value);
        Assert.Equal(2, e.Args.Count);
        Assert.Same(PyExc.OSError, Make(PyExc.OSError, PyInt.From(12345), new PyStr("x")).Type);
    }

    [Fact]
    public void BaseExceptionGroupBecomesExceptionGroupForExceptions()
    {
        var items = new PyList([Make(PyExc.ValueError, PyInt.From(1)), Make(PyExc.TypeError)]);
        var eg = Make(PyExc.BaseExceptionGroup, new PyStr("msg"), items);
        Assert.Same(PyExc.ExceptionGroup, eg.Type);
        Assert.True(eg.Type.IsSubtypeOf(PyExc.Exception));
        Assert.Equal("msg (2 sub-exceptions)", Abstract.Ops.Str(eg).Value);
        var withBase = Make(PyExc.BaseExceptionGroup, new PyStr("m"), new PyList([Make(PyExc.KeyboardInterrupt)]));
        Assert.Same(PyExc.BaseExceptionGroup, withBase.Type);
        var error = Assert.Throws<PyException>(() => Make(PyExc.ExceptionGroup, new PyStr("m"), new PyList([Make(PyExc.KeyboardInterrupt)])));
        Assert.Equal("Cannot nest BaseExceptions in an ExceptionGroup", Abstract.Ops.Str(error.Value).Value);
    }

    [Fact]
    public void CheckEgMatchSplitsAGroupAndWrapsANakedException()
    {
        var v = Make(PyExc.ValueError, PyInt.From(1));
        var t = Make(PyExc.TypeError, PyInt.From(2));
        var eg = Make(PyExc.ExceptionGroup, new PyStr("g"), new PyList([v, t]));
        var (match, rest) = PyExceptionGroup.Match(eg, PyExc.ValueError);
        Assert.Same(v, Assert.Single(PyExceptionGroup.Exceptions((PyBaseException)match).Items.ToArray()));
        Assert.Same(t, Assert.Single(PyExceptionGroup.Exceptions((PyBaseException)rest).Items.ToArray()));
        var (wrapped, none) = PyExceptionGroup.Match(v, PyExc.ValueError);
        Assert.Equal("", PyExceptionGroup.Message((PyBaseException)wrapped).Value);
        Assert.Same(PyNone.Value, none);
        var (noMatch, same) = PyExceptionGroup.Match(v, PyExc.KeyError);
        Assert.Same(PyNone.Value, noMatch);
        Assert.Same(v, same);
    }

    [Fact]
    public void PrepReraiseStarKeepsTheUnhandledPartOfTheOriginal()
    {
        var v = Make(PyExc.ValueError, PyInt.From(1));
        var t = Make(PyExc.TypeError, PyInt.From(2));
        var eg = Make(PyExc.ExceptionGroup, new PyStr("g"), new PyList([v, t]));
        Assert.Same(PyNone.Value, PyExceptionGroup.PrepReraiseStar(eg, new PyList()));
        var (_, rest) = PyExceptionGroup.Match(eg, PyExc.ValueError);
        var result = (PyBaseException)PyExceptionGroup.PrepReraiseStar(eg, new PyList([rest]));
        Assert.Equal("g", PyExceptionGroup.Message(result).Value);
        Assert.Same(t, Assert.Single(PyExceptionGroup.Exceptions(result).Items.ToArray()));
    }

    [Theory]
    [InlineData("balance", "balanse", "balance")]
    [InlineData("deposit", "deposti", "deposit")]
    [InlineData("value", "Value", "value")]
    [InlineData("value", "VALUE", null)]
    [InlineData("abc", "xyz", null)]
    public void AttributeErrorSuggestsTheClosestName(string attribute, string typo, string? expected)
    {
        var obj = new PyModule("m");
        obj.Dict.SetItem(new PyStr(attribute), PyInt.From(1));
        obj.Dict.SetItem(new PyStr("unrelated_name"), PyInt.From(2));
        var e = PyErr.NoAttribute(obj, new PyStr(typo)).Value;
        Assert.Equal(expected, Suggestions.Offer(e));
    }

    [Fact]
    public void FieldsOfExceptionsMadeInCSharpComeFromTheirArgs()
    {
        var stop = new PyBaseException(PyExc.StopIteration, PyTuple.Create(PyInt.From(7)));
        Assert.Equal(7, ((PyInt)Abstract.Ops.GetAttr(stop, new PyStr("value"))).Small);
        var exit = new PyBaseException(PyExc.SystemExit, PyTuple.Create(PyInt.From(1), PyInt.From(2)));
        Assert.Equal(2, Assert.IsType<PyTuple>(PyExc.SystemExitCode(exit)).Count);
        Assert.Same(PyNone.Value, PyExc.SystemExitCode(new PyBaseException(PyExc.SystemExit, PyTuple.Empty)));
    }

    [Fact]
    public void CompileErrorsBecomeSyntaxErrorsWithTheirFields()
    {
        var error = new Taipan.Syntax.Errors.PythonSyntaxError("IndentationError", "unexpected indent", "m.py", 3, 5, null, null, "    x = 1\n");
        var exc = PyExc.SyntaxErrorFrom(error);
        Assert.Same(PyExc.IndentationError, exc.Type);
        Assert.Equal("unexpected indent (m.py, line 3)", Abstract.Ops.Str(exc).Value);
        Assert.Equal(5, ((PyInt)exc.Member("offset")).Small);
        Assert.Same(error, PyExc.CompileError(exc));
    }

    public static TheoryData<string> Programs => new()
    {
        """
        class Suspend:
            def __await__(self):
                return (yield 'suspended')
        async def inner():
            return await Suspend()
        async def outer():
            try:
                return await inner()
            except KeyError as e:
                return 'caught ' + repr(e)
        c = outer()
        print(c.send(None), c.cr_await is not None)
        try:
            c.throw(KeyError('k'))
        except StopIteration as s:
            print('result', s.value)
        """,
        """
        async def agen():
            for i in range(3):
                yield i
        async def main():
            return [x async for x in agen()]
        try:
            main().send(None)
        except StopIteration as s:
            print(s.value)
        """,
        """
        try:
            raise ExceptionGroup('eg', [ValueError(1), TypeError(2), KeyError(3)])
        except* (ValueError, KeyError) as g:
            print('handled', repr(g))
        except* TypeError as g:
            print('handled', repr(g))
        """,
        """
        class CM:
            def __enter__(self): return 'entered'
            def __exit__(self, t, v, tb):
                print('exit', t.__name__, v)
                return True
        with CM() as x:
            print(x)
            raise ValueError('suppressed')
        print('after')
        """,
    };

    [Theory]
    [MemberData(nameof(Programs))]
    public void RunsLikeCPython(string source)
    {
        var (expected, marshalled) = CompileWithCPython(source);
        var code = new PyCode((CodeObject)Marshal.Loads(marshalled)!);
        var output = new StringWriter();
        var saved = Builtins.Stdout;
        Builtins.Stdout = output;
        try
        {
            var globals = new PyDict();
            globals.SetItem(PyStr.Intern("__name__"), PyStr.Intern("__main__"));
            Interpreter.RunCode(code, globals, null);
        }
        finally
        {
            Builtins.Stdout = saved;
        }
        Assert.Equal(expected, output.ToString());
    }

    private static (string Output, byte[] Marshalled) CompileWithCPython(string source)
    {
        var dir = Directory.CreateTempSubdirectory("taipan-exc-");
        try
        {
            var src = Path.Combine(dir.FullName, "prog.py");
            File.WriteAllText(src, source);
            var psi = new ProcessStartInfo("/usr/bin/python3.11")
            {
                ArgumentList =
                {
                    "-c",
                    "import marshal, sys\nsrc = open(sys.argv[1]).read()\nopen(sys.argv[2], 'wb').write(marshal.dumps(compile(src, 'prog.py', 'exec')))\n"
                    + "exec(compile(src, 'prog.py', 'exec'), {'__name__': '__main__'})\n",
                    src,
                    src + ".marshal",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            var error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, error);
            return (output, File.ReadAllBytes(src + ".marshal"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
