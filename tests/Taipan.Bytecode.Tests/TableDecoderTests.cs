namespace Taipan.Bytecode.Tests;

public class TableDecoderTests
{
    [Fact]
    public void RandomTablesNeverThrow()
    {
        var rng = new Random(311);
        for (var i = 0; i < 20000; i++)
        {
            var table = new byte[rng.Next(40)];
            rng.NextBytes(table);
            var code = new CodeObject { LineTable = table, ExceptionTable = table, FirstLineNo = rng.Next(-5, 1000), Code = new byte[2 * rng.Next(30)] };
            var positions = code.Positions;
            var lines = code.Lines;
            Assert.True(lines.Count <= table.Length);
            Assert.True(positions.Count <= table.Length * 8);
            _ = code.ExceptionHandlers;
            _ = code.FindHandler(rng.Next(-2, 40));
            _ = code.LineOf(rng.Next(-2, 400));
            foreach (var instruction in Instruction.Decode(table))
            {
                Assert.True(instruction.Offset % 2 == 0 && instruction.Offset < table.Length);
                _ = instruction.Info;
            }
        }
    }

    [Fact]
    public void DecodesEachLocationForm()
    {
        // Short form (code 1, 2 units), one-line form (+1 line, cols 5..9), no-columns (-1 line),
        // long form (+2 lines, end +1, cols 3..4), no location.
        byte[] table =
        [
            0x80 | (1 << 3) | 1, 0x23,
            0x80 | (11 << 3), 5, 9,
            0x80 | (13 << 3), 0x03,
            0x80 | (14 << 3), 0x04, 0x01, 0x04, 0x05,
            0x80 | (15 << 3),
        ];
        var code = new CodeObject { LineTable = table, FirstLineNo = 10 };
        Assert.Equal(
            [
                new SourcePosition(10, 10, 10, 13), new SourcePosition(10, 10, 10, 13),
                new SourcePosition(11, 11, 5, 9),
                new SourcePosition(10, 10, null, null),
                new SourcePosition(12, 13, 3, 4),
                default,
            ],
            code.Positions);
        Assert.Equal([new LineRange(0, 4, 10), new LineRange(4, 6, 11), new LineRange(6, 8, 10), new LineRange(8, 10, 12), new LineRange(10, 12, null)], code.Lines);
        Assert.Equal(10, code.LineOf(-1));
        Assert.Equal(-1, code.LineOf(5));
        Assert.Equal(-1, code.LineOf(6));
    }

    [Fact]
    public void DecodesExceptionTableEntries()
    {
        // start 2, length 3, target 70 (two chunks), depth 1 with lasti.
        byte[] table = [0x80 | 2, 3, 0x40 | 1, 6, 3];
        var code = new CodeObject { ExceptionTable = table };
        Assert.Equal([new ExceptionTableEntry(2, 5, 70, 1, true)], code.ExceptionHandlers);
        Assert.Equal(new ExceptionTableEntry(2, 5, 70, 1, true), code.FindHandler(4));
        Assert.Null(code.FindHandler(5));
        Assert.Null(code.FindHandler(1));
    }
}
