using System.Text.RegularExpressions;
using Taipan.Bytecode;
using Taipan.Modules.Compileall;
using Taipan.Modules.PyCompile;

namespace Taipan.Modules.Tests;

/// <summary>The C# APIs mirroring <c>py_compile.compile</c> and <c>compileall.compile_*</c>.</summary>
public class ApiTests
{
    private static ModuleContext Context(StringWriter output, int optimize = 0, string? sourceDateEpoch = null) => new()
    {
        Optimize = optimize,
        Out = output,
        Err = output,
        GetEnvironmentVariable = name => name == "SOURCE_DATE_EPOCH" ? sourceDateEpoch : null,
    };

    [Fact]
    public void CompileWritesTheCacheAndReturnsItsPath()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("m.py", "x = 1\n");
        var output = new StringWriter();
        var cfile = PyCompile.PyCompile.Compile(file, ctx: Context(output, optimize: 2));
        Assert.Equal(Path.Combine(tmp.Path, "__pycache__", "m.taipan-311.opt-2.pyc"), cfile);
        var data = File.ReadAllBytes(cfile!);
        var header = Pyc.ReadHeader(data, "m");
        Assert.False(header.IsHashBased);
        Assert.Equal((uint)new FileInfo(file).Length, header.SourceSize);
        Assert.IsType<CodeObject>(Marshal.Loads(data.AsSpan(Pyc.HeaderSize)));
        Assert.Equal("", output.ToString());
        // No temporary file is left beside the cache.
        Assert.Single(Directory.GetFiles(Path.Combine(tmp.Path, "__pycache__")));
    }

    [Fact]
    public void ExplicitCfileAndLevels()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("m.py", "assert x\n'''doc'''\n");
        var cfile = Path.Combine(tmp.Path, "out", "m.pyc");
        Assert.Equal(cfile, PyCompile.PyCompile.Compile(file, cfile, optimize: 0, ctx: Context(new StringWriter(), optimize: 2)));
        Assert.True(File.Exists(cfile));
        Assert.EndsWith("m.taipan-311.pyc", PyCompile.PyCompile.Compile(file, optimize: 0, ctx: Context(new StringWriter(), optimize: 1)));
        Assert.EndsWith("m.taipan-311.opt-1.pyc", PyCompile.PyCompile.Compile(file, ctx: Context(new StringWriter(), optimize: 1)));
    }

    [Fact]
    public void SourceDateEpochMeansCheckedHash()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("m.py", "x = 1\n");
        var cfile = PyCompile.PyCompile.Compile(file, ctx: Context(new StringWriter(), sourceDateEpoch: "0"))!;
        var header = Pyc.ReadHeader(File.ReadAllBytes(cfile), "m");
        Assert.True(header.IsHashBased && header.CheckSource);
        Assert.Equal(Pyc.SourceHash(File.ReadAllBytes(file)), File.ReadAllBytes(cfile)[8..16]);
        cfile = PyCompile.PyCompile.Compile(file, invalidationMode: PycInvalidationMode.UncheckedHash, ctx: Context(new StringWriter()))!;
        header = Pyc.ReadHeader(File.ReadAllBytes(cfile), "m");
        Assert.True(header.IsHashBased && !header.CheckSource);
    }

    [Fact]
    public void SyntaxErrorsRaiseOrPrintWithDfile()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("bad.py", "x = = 1\n");
        var output = new StringWriter();
        var e = Assert.Throws<PyCompileError>(() => PyCompile.PyCompile.Compile(file, dfile: "shown.py", doraise: true, ctx: Context(output)));
        Assert.Equal("SyntaxError", e.ExcTypeName);
        Assert.Equal("  File \"shown.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n", e.Msg);
        Assert.Null(PyCompile.PyCompile.Compile(file, ctx: Context(output)));
        Assert.Contains("SyntaxError: invalid syntax", output.ToString(), StringComparison.Ordinal);
        var silent = new StringWriter();
        Assert.Null(PyCompile.PyCompile.Compile(file, doraise: true, quiet: 2, ctx: Context(silent)));
        Assert.Equal("", silent.ToString());
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "__pycache__")));
    }

    [Fact]
    public void SymlinkCfileIsRefused()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("m.py", "x = 1\n");
        var target = tmp.Write("target", "");
        var link = Path.Combine(tmp.Path, "link.pyc");
        File.CreateSymbolicLink(link, target);
        var e = Assert.Throws<PythonOSError>(() => PyCompile.PyCompile.Compile(file, link, ctx: Context(new StringWriter())));
        Assert.Equal("FileExistsError", e.PythonType);
        Assert.Equal($"{link} is a symlink and will be changed into a regular file if import writes a byte-compiled file to it", e.Message);
    }

    [Fact]
    public void CompileDirReportsFailuresAndSkipsByRegex()
    {
        using var tmp = new TempDir();
        tmp.Write("a.py", "x = 1\n");
        tmp.Write("b.py", "x = (\n");
        tmp.Write("sub/c.py", "y = 2\n");
        tmp.Write("notes.txt", "not python\n");
        var output = new StringWriter();
        var ctx = Context(output);
        Assert.False(Compileall.Compileall.CompileDir(tmp.Path, options: new CompileOptions { Quiet = 1 }, ctx: ctx));
        Assert.Contains($"*** Error compiling '{Path.Combine(tmp.Path, "b.py")}'...", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(tmp.Path, "sub", "__pycache__", "c.taipan-311.pyc")));
        Assert.True(Compileall.Compileall.CompileDir(tmp.Path, options: new CompileOptions { Quiet = 2, Rx = new Regex("b\\.py$") }, workers: 0, ctx: ctx));
        // Up to date (timestamp header matches): nothing is compiled or printed again.
        var again = new StringWriter();
        Assert.True(Compileall.Compileall.CompileFile(Path.Combine(tmp.Path, "a.py"), ctx: Context(again)));
        Assert.Equal("", again.ToString());
        Assert.True(Compileall.Compileall.CompileFile(Path.Combine(tmp.Path, "a.py"), new CompileOptions { Legacy = true }, Context(again)));
        Assert.True(File.Exists(Path.Combine(tmp.Path, "a.pyc")));
        Assert.Throws<Taipan.Syntax.Errors.PythonException>(() => Compileall.Compileall.CompileDir(tmp.Path, workers: -1, ctx: ctx));
    }

    [Fact]
    public void CompilePathSkipsTheCurrentDirectory()
    {
        using var tmp = new TempDir();
        tmp.Write("m.py", "x = 1\n");
        tmp.Write("deep/n.py", "x = 1\n");
        var output = new StringWriter();
        var ctx = Context(output) with { Path = ["", tmp.Path] };
        Assert.True(Compileall.Compileall.CompilePath(ctx: ctx));
        Assert.Equal($"Skipping current directory\nListing '{tmp.Path}'...\nCompiling '{Path.Combine(tmp.Path, "m.py")}'...\n", output.ToString());
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "deep", "__pycache__")));
    }
}
