using Taipan.Compiler.Future;
using Taipan.Syntax.Errors;

namespace Taipan.Compiler.Tests;

public class FutureTests
{
    [Theory]
    [InlineData("from __future__ import annotations\n", CompilerFlags.FutureAnnotations)]
    [InlineData("'doc'\nfrom __future__ import barry_as_FLUFL, annotations\nfrom __future__ import generators\n", CompilerFlags.FutureAnnotations | CompilerFlags.FutureBarryAsBdfl)]
    [InlineData("from __future__ import division, print_function, with_statement, generator_stop\n", CompilerFlags.None)]
    [InlineData("x = 1\nfrom __future__ import annotations\n", CompilerFlags.None)]
    public void Flags(string source, CompilerFlags expected)
    {
        var mod = CPython.Parse(source, out var path);
        Assert.Equal(expected, FutureFeatures.FromAst(mod, path).Features);
    }

    [Theory]
    [InlineData("from __future__ import braces\n", "not a chance", 1, 1)]
    [InlineData("'doc'\nfrom __future__ import nope, annotations\n", "future feature nope is not defined", 2, 1)]
    [InlineData("from __future__ import *\n", "future feature * is not defined", 1, 1)]
    [InlineData("import os; from __future__ import annotations\n", "from __future__ imports must occur at the beginning of the file", 1, 11)]
    public void Errors(string source, string msg, int lineno, int offset)
    {
        var mod = CPython.Parse(source, out var path);
        var e = Assert.Throws<PythonSyntaxError>(() => FutureFeatures.FromAst(mod, path));
        // CPython gives these errors no end_offset (None).
        Assert.Equal((msg, lineno, offset, (int?)null), (e.Msg, e.Lineno, e.Offset, e.EndOffset));
        Assert.Equal(File.ReadAllLines(path)[lineno - 1] + "\n", e.Text);
    }
}
