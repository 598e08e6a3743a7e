using Taipan.Runtime.Ast;
using Taipan.Runtime.Errors;
using Taipan.Syntax.Parser;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Runtime.Tests;

/// <summary>The <c>_ast</c> conversions: C# tree to Python objects and back gives the same tree.</summary>
public class AstTests
{
    public static TheoryData<string> StdlibFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in new[] { "ast", "inspect", "typing", "_pydecimal", "argparse", "asyncio/base_events", "dataclasses", "enum", "re/_parser", "email/_header_value_parser" })
        {
            data.Add(f);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(StdlibFiles))]
    public void RoundTripKeepsTheTree(string name)
    {
        var source = SourceText.FromFile(File.ReadAllBytes($"/usr/lib/python3.11/{name}.py"), name + ".py");
        var tree = Parser.Parse(source);
        var back = PythonAst.FromPython(PythonAst.ToPython(tree), "exec");
        Assert.Equal(tree.Dump(includeAttributes: true), back.Dump(includeAttributes: true));
    }

    [Fact]
    public void ModeChecksTheRootClass()
    {
        var tree = PythonAst.ToPython(Parser.Parse(SourceText.FromString("x", "f")));
        var e = Assert.Throws<PyException>(() => PythonAst.FromPython(tree, "eval"));
        Assert.Contains("expected Expression node, got Module", e.Message);
    }
}
