using System.Text;
using Taipan.Bytecode;
using Taipan.Runtime.Python;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Runtime.Tests;

/// <summary>Bad bytecode, from <c>types.CodeType</c> or from a crafted <c>.pyc</c>, ends in a
/// Python exception and an ordinary exit status, never a .NET exception leaving the runtime.</summary>
[Collection("stdout")]
public class HostileInputTests
{
    private static (int Status, string Stdout, string Stderr) RunSource(string source)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var config = new RunConfig { Stdout = stdout, Stderr = stderr, Argv = ["-c"] };
        var status = PythonRun.RunMain(config, () => SourceText.FromUtf8(Encoding.UTF8.GetBytes(source), "<string>"), null);
        return (status, stdout.ToString(), stderr.ToString());
    }

    private static (int Status, string Stdout, string Stderr) RunPyc(byte[] pyc)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var config = new RunConfig { Stdout = stdout, Stderr = stderr, Argv = ["crafted.pyc"] };
        var status = PythonRun.RunPyc(config, pyc, "/nonexistent/crafted.pyc");
        return (status, stdout.ToString(), stderr.ToString());
    }

    private static CodeObject Compile(string source) =>
        Compiler.CodeGen.Compiler.CompileSource(SourceText.FromUtf8(Encoding.UTF8.GetBytes(source), "crafted.py"));

    private static CodeObject WithCode(CodeObject c, byte[] code, int? stackSize = null) => new()
    {
        ArgCount = c.ArgCount,
        PosOnlyArgCount = c.PosOnlyArgCount,
        KwOnlyArgCount = c.KwOnlyArgCount,
        StackSize = stackSize ?? c.StackSize,
        Flags = c.Flags,
        Code = code,
        Consts = c.Consts,
        Names = c.Names,
        LocalsPlusNames = c.LocalsPlusNames,
        LocalsPlusKinds = c.LocalsPlusKinds,
        Filename = c.Filename,
        Name = c.Name,
        QualName = c.QualName,
        FirstLineNo = c.FirstLineNo,
        LineTable = c.LineTable,
        ExceptionTable = c.ExceptionTable,
    };

    private static byte[] Units(params Opcode[] ops)
    {
        var bytes = new byte[ops.Length * 2];
        for (var i = 0; i < ops.Length; i++)
        {
            bytes[i * 2] = (byte)ops[i];
        }
        return bytes;
    }

    [Theory]
    // An opcode CPython 3.11 does not have: CPython's own "unknown opcode".
    [InlineData("bytes([151, 0, 255, 0, 83, 0])")]
    // LOAD_CONST past co_consts, LOAD_NAME past co_names, LOAD_FAST past the locals.
    [InlineData("bytes([151, 0, 100, 200, 83, 0])")]
    [InlineData("bytes([151, 0, 101, 9, 83, 0])")]
    [InlineData("bytes([151, 0, 124, 50, 83, 0])")]
    // Stack underflow, stack overflow, running off the end, a jump past the end.
    [InlineData("bytes([151, 0, 1, 0, 1, 0, 1, 0, 83, 0])")]
    [InlineData("bytes([151, 0] + [100, 0] * 8 + [83, 0])")]
    [InlineData("bytes([151, 0, 9, 0])")]
    [InlineData("bytes([151, 0, 110, 200])")]
    // BINARY_OP on empty stack slots; KW_NAMES of a constant that is not a tuple.
    [InlineData("bytes([151, 0, 122, 0, 0, 0, 83, 0])")]
    [InlineData("bytes([151, 0, 100, 0, 172, 0, 83, 0])")]
    [InlineData("b''")]
    public void BadBytecodeThroughCodeTypeRaisesSystemError(string codeBytes)
    {
        var (status, stdout, stderr) = RunSource($$"""
            def f():
                return 1
            c = f.__code__.replace(co_code={{codeBytes}}, co_stacksize=1)
            try:
                exec(c, {})
                print('returned')
            except SystemError as e:
                print('SystemError')
            """);
        Assert.True(status == 0, stderr);
        Assert.Equal("SystemError\n", stdout);
    }

    [Fact]
    public void CraftedPycWithBadBytecodeEndsInSystemError()
    {
        var code = Compile("x = 1\nprint(x)\n");
        var bad = WithCode(code, Units(Opcode.RESUME, Opcode.LOAD_CONST, Opcode.POP_TOP, Opcode.POP_TOP, Opcode.POP_TOP, Opcode.RETURN_VALUE));
        var (status, _, stderr) = RunPyc(Pyc.ToTimestampPyc(bad, 0, 0));
        Assert.Equal(1, status);
        Assert.Contains("SystemError", stderr);
    }

    [Fact]
    public void CraftedPycWithNegativeStackSizeEndsInAnError()
    {
        var code = Compile("x = 1\n");
        var (status, _, stderr) = RunPyc(Pyc.ToTimestampPyc(WithCode(code, code.Code, stackSize: -5), 0, 0));
        Assert.Equal(1, status);
        Assert.Contains("Error", stderr);
    }

    [Fact]
    public void PycWithBadMagicOrTruncatedBodyIsReported()
    {
        var good = Pyc.ToTimestampPyc(Compile("print('hi')\n"), 0, 0);
        var badMagic = (byte[])good.Clone();
        badMagic[0] ^= 0xff;
        var (status, _, stderr) = RunPyc(badMagic);
        Assert.Equal(1, status);
        Assert.EndsWith("RuntimeError: Bad magic number in .pyc file\n", stderr);

        (status, _, stderr) = RunPyc(good[..(good.Length / 2)]);
        Assert.Equal(1, status);
        Assert.EndsWith("RuntimeError: Bad code object in .pyc file\n", stderr);

        var (okStatus, stdout, _) = RunPyc(good);
        Assert.Equal(0, okStatus);
        Assert.Equal("hi\n", stdout);
    }

    /// <summary>Random instructions (without backward jumps, which could loop forever) in place
    /// of a module's code: every run ends in a return or a Python exception.</summary>
    [Fact]
    public void RandomBytecodeNeverCrashes()
    {
        var code = Compile("a = 1\nb = (a, 'x', None)\n");
        var random = new Random(1234);
        Opcode[] loops =
        [
            Opcode.JUMP_BACKWARD, Opcode.JUMP_BACKWARD_NO_INTERRUPT, Opcode.JUMP_BACKWARD_QUICK,
            Opcode.POP_JUMP_BACKWARD_IF_FALSE, Opcode.POP_JUMP_BACKWARD_IF_TRUE,
            Opcode.POP_JUMP_BACKWARD_IF_NONE, Opcode.POP_JUMP_BACKWARD_IF_NOT_NONE,
        ];
        for (var n = 0; n < 300; n++)
        {
            var bytes = new byte[2 + random.Next(1, 12) * 2];
            bytes[0] = (byte)Opcode.RESUME;
            for (var i = 2; i < bytes.Length; i += 2)
            {
                byte op;
                do
                {
                    op = (byte)random.Next(256);
                }
                while (Array.IndexOf(loops, (Opcode)op) >= 0);
                bytes[i] = op;
                bytes[i + 1] = (byte)random.Next(4);
            }
            var (status, _, stderr) = RunPyc(Pyc.ToTimestampPyc(WithCode(code, bytes), 0, 0));
            Assert.True(status is 0 or 1, $"status {status} for {Convert.ToHexString(bytes)}: {stderr}");
        }
    }
}
