using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Tests;

/// <summary>The import system's finder and name resolution, the exit status of SystemExit,
/// and struct sequences.</summary>
public class ImportTests
{
    [Fact]
    public void PackageDirectoryWinsOverModuleOfTheSameName()
    {
        var dir = Directory.CreateTempSubdirectory("taipan-import-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "both"));
            File.WriteAllText(Path.Combine(dir, "both", "__init__.py"), "");
            File.WriteAllText(Path.Combine(dir, "both.py"), "");
            File.WriteAllText(Path.Combine(dir, "single.py"), "");
            Directory.CreateDirectory(Path.Combine(dir, "ns"));

            var both = Import.FindSpec("both", [dir])!;
            Assert.True(both.IsPackage);
            Assert.Equal(Path.Combine(dir, "both", "__init__.py"), both.Origin);
            Assert.Equal("both", both.Parent);

            var single = Import.FindSpec("pkg.single", [dir])!;
            Assert.False(single.IsPackage);
            Assert.Equal("pkg", single.Parent);

            var ns = Import.FindSpec("ns", [dir])!;
            Assert.Equal(Import.SpecKind.Namespace, ns.Kind);
            Assert.Null(ns.Origin);

            Assert.Null(Import.FindSpec("missing", [dir]));
            Assert.Null(Import.FindSpec("pkg.", [dir]));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void BuiltinModulesAreFoundOnlyAtTopLevel()
    {
        Assert.Equal(Import.SpecKind.Builtin, Import.FindSpec("sys", null)!.Kind);
        Assert.Null(Import.FindSpec("pkg.sys", []));
    }

    [Theory]
    [InlineData("mod", null, "top", 1, "attempted relative import with no known parent package")]
    [InlineData("mod", "", "top", 1, "attempted relative import with no known parent package")]
    [InlineData("mod", "a", "a.b", 2, "attempted relative import beyond top-level package")]
    public void RelativeImportErrors(string name, string? package, string moduleName, int level, string message)
    {
        var globals = new PyDict();
        globals.SetItem(PyStr.Intern("__name__"), new PyStr(moduleName));
        if (package is not null)
        {
            globals.SetItem(PyStr.Intern("__package__"), new PyStr(package));
        }
        var e = Assert.Throws<PyException>(() => Import.ImportModuleLevel(new PyStr(name), globals, null, level));
        Assert.Same(PyExc.ImportError, e.Value.Type);
        Assert.Equal(message, Abstract.Ops.Str(e.Value).Value);
    }

    [Fact]
    public void ImportOfABuiltinModuleIsCachedInSysModules()
    {
        var first = Import.ImportModuleLevel(new PyStr("sys"), null, null, 0);
        Assert.Same(first, Import.ImportModuleLevel(new PyStr("sys"), null, null, 0));
        Assert.True(Import.Modules.ContainsKey(new PyStr("sys")));
    }

    [Fact]
    public void SystemExitCodes()
    {
        static int Status(params PyObject[] args) =>
            PythonRun.HandleException(new PyBaseException(PyExc.SystemExit, new PyTuple(args)));

        Assert.Equal(0, Status());
        Assert.Equal(0, Status(PyNone.Value));
        Assert.Equal(3, Status(PyInt.From(3)));
        Assert.Equal(1, Status(PyBool.True));
        Assert.Equal(258, Status(PyInt.From(258)));
        Assert.Equal(-1, Status(PyInt.From(System.Numerics.BigInteger.Pow(2, 70))));
    }

    [Fact]
    public void SysExitRaisesSystemExitWithItsArgument()
    {
        var e = Assert.Throws<PyException>(() => SysModule.Exit(PyInt.From(4)));
        Assert.Same(PyExc.SystemExit, e.Value.Type);
        Assert.Equal(4, ((PyInt)PyExc.SystemExitCode(e.Value)).Small);
        var none = Assert.Throws<PyException>(() => SysModule.Exit(PyNone.Value));
        Assert.Equal(0, none.Value.Args.Count);
    }

    [Fact]
    public void StructSequences()
    {
        var type = new PyStructSequenceType("test", "point", ["x", "y", "label"], visibleFields: 2, constructible: true);
        var p = type.Create(PyInt.From(1), PyInt.From(2), new PyStr("origin"));
        Assert.Equal("test.point(x=1, y=2)", Abstract.Ops.Repr(p).Value);
        Assert.Equal(2, p.Count);
        Assert.Equal("origin", ((PyStr)Abstract.Ops.GetAttr(p, new PyStr("label"))).Value);
        var e = Assert.Throws<PyException>(() => Abstract.Ops.Call(type.Type, [PyTuple.Create(PyInt.From(1))], null));
        Assert.Equal("test.point() takes an at least 2-sequence (1-sequence given)", Abstract.Ops.Str(e.Value).Value);
        var made = (PyStructSequence)Abstract.Ops.Call(type.Type, [PyTuple.Create(PyInt.From(5), PyInt.From(6))], null);
        Assert.Same(PyNone.Value, made.Fields[2]);

        var fixedType = new PyStructSequenceType("test", "fixed", ["a"]);
        var error = Assert.Throws<PyException>(() => Abstract.Ops.Call(fixedType.Type, [], null));
        Assert.Equal("cannot create 'test.fixed' instances", Abstract.Ops.Str(error.Value).Value);
    }
}
