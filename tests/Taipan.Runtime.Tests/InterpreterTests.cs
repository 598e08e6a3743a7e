using System.Diagnostics;
using Taipan.Bytecode;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Tests;

/// <summary>Runs code objects compiled by CPython 3.11 (until Taipan's compiler lands) and
/// requires the output CPython's own run of the same source gives.</summary>
[Collection("stdout")]
public class InterpreterTests
{
    public static TheoryData<string> Programs => new()
    {
        """
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        print(fib(20))
        """,
        """
        total = 0
        for i in [1, 2, 3, 4]:
            total = total + i * i
        j = 10
        while j > 0:
            j = j - 3
        print(total, j, -7 // 2, 7 % -3, 2 ** 0 if False else 1.5 / 2)
        """,
        """
        def f(a, b=2, *args, c, d=4, **kw):
            return (a, b, args, c, d, kw)
        print(f(1, c=3))
        print(f(1, 5, 6, 7, c=3, e=9))
        """,
        """
        def outer(x):
            def inner(y):
                return x + y
            return inner
        add5 = outer(5)
        print(add5(10), add5(-5))
        """,
        """
        d = {'a': 1, 'b': [1, 2, 3]}
        d['c'] = (4, 5)
        print(d, len(d), 'a' in d, 'z' not in d)
        a, b = d['c']
        print(a, b, d.get('zz'), d.get('a', 0))
        """,
        """
        def g(n):
            try:
                return {}[n]
            except KeyError as e:
                return 'missing', repr(e)
            finally:
                print('finally', n)
        print(g('k'))
        try:
            1 // 0
        except (TypeError, ZeroDivisionError) as e:
            print('caught', e)
        """,
        """
        class Animal:
            kind = 'animal'
            def __init__(self, name):
                self.name = name
            def speak(self):
                return self.name + ' makes a sound'
            def __repr__(self):
                return 'Animal(' + repr(self.name) + ')'
        class Dog(Animal):
            def speak(self):
                return super().speak() + ': woof'
            @property
            def upper(self):
                return self.name + '!'
            @staticmethod
            def create():
                return Dog('rex')
            @classmethod
            def named(cls, n):
                return cls(n)
        d = Dog.create()
        print(d.speak(), d.kind, d.upper, Dog.named('fido'), isinstance(d, Animal), type(d).__name__)
        print([Animal('a')], Dog.__mro__)
        try:
            Animal()
        except TypeError as e:
            print(e)
        class V:
            def __init__(self, x):
                self.x = x
            def __add__(self, other):
                return V(self.x + other.x)
            def __eq__(self, other):
                return self.x == other.x
            def __len__(self):
                return self.x
        print((V(1) + V(2)).x, V(3) == V(3), V(1) != V(2), len(V(4)), bool(V(0)))
        """,
        """
        total = 0
        for i in range(10):
            total += i
        print(total, list(range(3)) if False else range(2, 10, 3), 5 in range(10), len(range(0, 100, 7)))
        """,
        """
        def gen(n):
            for i in range(n):
                x = yield i * i
                if x:
                    print('got', x)
            return 'done'
        print(list(gen(4)))
        g = gen(3)
        print(next(g), g.send('hello'), next(g))
        try:
            next(g)
        except StopIteration as e:
            print('stop', e.args)
        def outer():
            r = yield from gen(2)
            print('inner returned', r)
            yield 'last'
        print(list(outer()))
        squares = [x * x for x in range(5) if x % 2 == 0]
        print(squares, sum if False else len(squares))
        def bad():
            yield 1
            raise StopIteration
        try:
            list(bad())
        except RuntimeError as e:
            print('RuntimeError:', e)
        def catcher():
            try:
                yield 1
            except KeyError as e:
                yield 'caught ' + repr(e)
        c = catcher()
        print(next(c), c.throw(KeyError('k')))
        """,
        """
        def h():
            try:
                try:
                    raise KeyError('x')
                except KeyError:
                    len(1)
            except TypeError as e:
                print('outer', e)
        h()
        """,
        """
        def f(a, b):
            return a
        for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=2), lambda: undefined]:
            try:
                call()
            except (TypeError, NameError) as e:
                print(type(e).__name__, e)
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

    public static TheoryData<string> FailingPrograms => new()
    {
        """
        class E(Exception): pass
        def f(x):
            return x[1] + 1 // 0
        def g():
            return f([1,2])
        try:
            g()
        except ZeroDivisionError as e:
            raise E("boom") from e
        """,
        """
        def f(n):
            return f(n+1)
        f(0)
        """,
        """
        x = {"a": 1}
        print(x["a"] +
          x["b"])
        """,
        """
        def parse(s):
            try:
                return int(s)
            except ValueError:
                return {}[s]
        parse('x')
        """,
        """
        class Point:
            def __init__(self, x):
                self.x = x
        p = Point(1)
        p.y
        """,
    };

    [Theory]
    [MemberData(nameof(FailingPrograms))]
    public void UncaughtExceptionsPrintLikeCPython(string source)
    {
        var dir = Directory.CreateTempSubdirectory("taipan-tb-");
        try
        {
            var path = Path.Combine(dir.FullName, "prog.py");
            File.WriteAllText(path, source);
            var psi = new ProcessStartInfo("/usr/bin/python3.11")
            {
                ArgumentList =
                {
                    "-c",
                    "import marshal, sys\nopen(sys.argv[1] + '.m', 'wb').write(marshal.dumps(compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')))\n",
                    path,
                },
                UseShellExecute = false,
            };
            using (var p = Process.Start(psi)!)
            {
                p.WaitForExit();
            }
            var run = new ProcessStartInfo("/usr/bin/python3.11") { ArgumentList = { path }, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            string expected;
            using (var p = Process.Start(run)!)
            {
                expected = p.StandardError.ReadToEnd();
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
            }
            var code = new PyCode((CodeObject)Marshal.Loads(File.ReadAllBytes(path + ".m"))!);
            var globals = new PyDict();
            globals.SetItem(PyStr.Intern("__name__"), PyStr.Intern("__main__"));
            var saved = Builtins.Stdout;
            Builtins.Stdout = TextWriter.Null;
            try
            {
                var e = Assert.Throws<PyException>(() => Interpreter.RunCode(code, globals, null));
                Assert.Equal(expected, Traceback.Format(e.Value));
            }
            finally
            {
                Builtins.Stdout = saved;
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void UncaughtExceptionCarriesTraceback()
    {
        var (_, marshalled) = CompileWithCPython("def f():\n    return 1 // 0\n\nf()\n", run: false);
        var code = new PyCode((CodeObject)Marshal.Loads(marshalled)!);
        var e = Assert.Throws<PyException>(() => Interpreter.RunCode(code, new PyDict(), null));
        Assert.Equal("ZeroDivisionError", e.Value.Type.Name);
        var tb = Assert.IsType<PyTraceback>(e.Value.Traceback);
        Assert.Equal(4, tb.LineNumber);
        Assert.Equal(2, tb.Next!.LineNumber);
        Assert.Null(tb.Next.Next);
    }

    [Fact]
    public void DeepRecursionEndsInRecursionError()
    {
        var (_, marshalled) = CompileWithCPython("def f(n):\n    return f(n + 1)\nf(0)\n", run: false);
        var code = new PyCode((CodeObject)Marshal.Loads(marshalled)!);
        var e = Assert.Throws<PyException>(() => Interpreter.RunCode(code, new PyDict(), null));
        Assert.Equal("RecursionError", e.Value.Type.Name);
    }

    private static (string Output, byte[] Marshalled) CompileWithCPython(string source, bool run = true)
    {
        var dir = Directory.CreateTempSubdirectory("taipan-test-");
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
                    + (run ? "exec(compile(src, 'prog.py', 'exec'), {'__name__': '__main__'})\n" : ""),
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
