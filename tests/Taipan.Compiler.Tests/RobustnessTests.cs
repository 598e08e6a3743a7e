using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Compiler.Tests;

/// <summary>Deeply nested code compiles, or fails with CPython's RecursionError, without
/// exhausting the .NET stack.</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData(2900)]
    public void LongSumsCompileLikeCPython(int terms) =>
        CodeGenTests.AssertSameAsCPython("x = 1" + string.Concat(Enumerable.Repeat(" + a", terms)) + "\n");

    [Fact]
    public void TooDeepNestingRaisesRecursionError()
    {
        ExprNode e = new Name("a", ExprContext.Load, 1, 0, 1, 1);
        for (int i = 0; i < 100_000; i++)
        {
            e = new BinOp(e, OperatorKind.Add, new Name("b", ExprContext.Load, 1, 0, 1, 1), 1, 0, 1, 1);
        }
        var mod = new Module([new Expr(e, 1, 0, 1, 1)], []);
        var ex = Assert.ThrowsAny<PythonException>(() => CodeGen.Compiler.Compile(mod, "<deep>"));
        Assert.Equal(("RecursionError", "maximum recursion depth exceeded during compilation"), (ex.PythonType, ex.Message));
    }
}
