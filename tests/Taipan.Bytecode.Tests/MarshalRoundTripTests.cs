using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace Taipan.Bytecode.Tests;

public class MarshalRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void ReadsEveryStdlibModuleAndCPythonReadsOurOutputBackEqual()
    {
        var records = StdlibData.All;
        Assert.True(records.Count > 500, $"only {records.Count} modules");
        var written = new List<(string, byte[])>();
        var codeObjects = 0;
        long inBytes = 0, outBytes = 0;
        foreach (var (path, data) in records)
        {
            var code = Assert.IsType<CodeObject>(Marshal.Loads(data));
            codeObjects += StdlibData.Walk(code).Count();
            var ours = Marshal.Dumps(code);
            inBytes += data.Length;
            outBytes += ours.Length;

            // Our own reader gets the same thing back from our bytes.
            Assert.True(PyValue.StrictEqual(code, Marshal.Loads(ours)), path);
            written.Add((path, ours));
        }

        var lines = System.Text.Encoding.UTF8.GetString(
            CPython.RunScript("stdlib_code.py", StdlibData.WriteRecords(written), "check"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(records.Count, lines.Length);
        var failures = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => !e.GetProperty("ok").GetBoolean())
            .Select(e => e.GetProperty("path").GetString() + ": " + e.GetProperty("diff").GetString())
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        output.WriteLine($"{records.Count} modules, {codeObjects} code objects round-tripped; CPython {inBytes} bytes, ours {outBytes} bytes");
    }

    [Fact]
    public void MarshalSpeed()
    {
        // Reports the figure only (no timing assertion): read all stdlib code, best of 5.
        var records = StdlibData.All;
        var total = records.Sum(r => (long)r.Data.Length);
        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var sw = Stopwatch.StartNew();
            foreach (var (_, data) in records)
            {
                Marshal.Loads(data);
            }

            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }

        output.WriteLine($"unmarshal {total / 1e6:F1} MB of stdlib code: {best:F1} ms ({total / 1e6 / (best / 1000):F0} MB/s)");
        var codes = records.Select(r => Marshal.Loads(r.Data)).ToList();
        var bestWrite = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var sw = Stopwatch.StartNew();
            foreach (var code in codes)
            {
                Marshal.Dumps(code);
            }

            bestWrite = Math.Min(bestWrite, sw.Elapsed.TotalMilliseconds);
        }

        output.WriteLine($"marshal the same code objects: {bestWrite:F1} ms");
        Assert.True(total > 0);
    }

    [Fact]
    public void LocationAndExceptionTablesMatchCPython()
    {
        const int modules = 40;
        var tables = JsonDocument.Parse(CPython.RunScript("stdlib_code.py", null, "tables", modules.ToString())).RootElement;
        var byPath = StdlibData.All.ToDictionary(r => r.Path, r => r.Data);
        var checkedCodes = 0;
        var checkedUnits = 0;
        var checkedInstructions = 0;
        foreach (var module in tables.EnumerateObject())
        {
            var code = (CodeObject)Marshal.Loads(byPath[module.Name])!;
            var expected = module.Value.EnumerateArray().ToList();
            var ours = StdlibData.Walk(code).ToList();
            Assert.Equal(expected.Count, ours.Count);
            for (var i = 0; i < ours.Count; i++)
            {
                var c = ours[i];
                var e = expected[i];
                var positions = e.GetProperty("positions").EnumerateArray().ToList();
                Assert.Equal(positions.Count, c.Positions.Count);
                for (var u = 0; u < positions.Count; u++)
                {
                    var p = positions[u];
                    var actual = c.Positions[u];
                    var exp = new SourcePosition(Int(p[0]), Int(p[1]), Int(p[2]), Int(p[3]));
                    Assert.True(exp == actual, $"{module.Name} {c.QualName} unit {u}: {exp} != {actual}");
                }

                checkedUnits += positions.Count;
                var instructions = e.GetProperty("instructions").EnumerateArray()
                    .Select(x => new Instruction(x[0].GetInt32(), (byte)x[1].GetInt32(), Int(x[2]), Int(x[3]))).ToList();
                Assert.Equal(instructions, Instruction.Decode(c.Code));
                checkedInstructions += instructions.Count;
                var lines = e.GetProperty("lines").EnumerateArray()
                    .Select(x => new LineRange(x[0].GetInt32(), x[1].GetInt32(), Int(x[2]))).ToList();
                Assert.Equal(lines, c.Lines);
                for (var u = 0; u < positions.Count; u++)
                {
                    Assert.Equal(positions[u][0].ValueKind == JsonValueKind.Null ? -1 : positions[u][0].GetInt32(), c.LineOf(u));
                }
                var handlers = e.GetProperty("exceptions").EnumerateArray()
                    .Select(x => new ExceptionTableEntry(x[0].GetInt32(), x[1].GetInt32(), x[2].GetInt32(), x[3].GetInt32(), x[4].GetBoolean()))
                    .ToList();
                Assert.Equal(handlers, c.ExceptionHandlers);
                Assert.Equal(Strings(e.GetProperty("varnames")), c.VarNames);
                Assert.Equal(Strings(e.GetProperty("cellvars")), c.CellVars);
                Assert.Equal(Strings(e.GetProperty("freevars")), c.FreeVars);
                Assert.Equal(e.GetProperty("nlocals").GetInt32(), c.NLocals);
                checkedCodes++;
            }
        }

        output.WriteLine($"{checkedCodes} code objects, {checkedUnits} code units, {checkedInstructions} instructions checked");
        Assert.True(checkedCodes > 1000);
    }

    private static int? Int(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt32();

    private static string[] Strings(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetString()!)];
}
