using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Taipan.Syntax.Errors;
using ConstantSingleton = Taipan.Syntax.Ast.ConstantSingleton;

namespace Taipan.Bytecode.Tests;

public class MarshalWriterTests
{
    [Fact]
    public void EverySeedValueRoundTripsThroughCPythonInEveryVersion()
    {
        var records = new List<(string, byte[])>();
        var labels = new List<string>();
        foreach (var (name, data) in MarshalFuzzTests.Seeds)
        {
            var value = Marshal.Loads(data);
            for (var version = 0; version <= 4; version++)
            {
                if (version < 3 && name.StartsWith("code", StringComparison.Ordinal))
                {
                    continue;
                }

                records.Add(("", data));
                records.Add(("", Marshal.Dumps(value, version)));
                labels.Add($"{name} as v{version}");
            }
        }

        var results = Encoding.UTF8.GetString(CPython.RunScript("marshal_oracle.py", StdlibData.WriteRecords(records), "pairs"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(labels.Count, results.Count);
        var failures = labels.Zip(results).Where(p => !p.Second.GetProperty("ok").GetBoolean())
            .Select(p => $"{p.First}: {p.Second.GetProperty("diff").GetString()}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(labels.Count > 200);
    }

    private static object Nest(int levels)
    {
        object v = ConstantSingleton.None;
        for (var i = 0; i < levels - 1; i++)
        {
            v = new ConstantTuple([v]);
        }

        return v;
    }

    [Fact]
    public void NestingLimitIsCPythons()
    {
        Assert.Equal(3999, Marshal.Dumps(Nest(2000)).Length);
        var e = Assert.Throws<PythonException>(() => Marshal.Dumps(Nest(2001)));
        Assert.Equal("ValueError", e.PythonType);
        Assert.Equal("object too deeply nested to marshal", e.Message);
        Assert.Equal(3997, Marshal.Dumps(Marshal.Loads(Marshal.Dumps(Nest(1999)))).Length);

        // On a thread with a small stack too.
        byte[]? deep = null;
        var t = new Thread(() => deep = Marshal.Dumps(Marshal.Loads(Marshal.Dumps(Nest(2000)))), 256 * 1024);
        t.Start();
        t.Join();
        Assert.Equal(3999, deep!.Length);
    }

    [Fact]
    public void SelfContainingListIsWrittenWithAReference()
    {
        var l = new MarshalList();
        l.Add(l);
        Assert.Equal([0xDB, 1, 0, 0, 0, (byte)'r', 0, 0, 0, 0], Marshal.Dumps(l));
        var back = Assert.IsType<MarshalList>(Marshal.Loads(Marshal.Dumps(l)));
        Assert.Same(back, back[0]);
    }

    [Fact]
    public void UnmarshallableValue()
    {
        var e = Assert.Throws<PythonException>(() => Marshal.Dumps(new ConstantTuple([1.5, new object()])));
        Assert.Equal("ValueError: unmarshallable object", $"{e.PythonType}: {e.Message}");
    }

    [Fact]
    public void RepeatedStringsAndCodeAreReferencedAndNamesInterned()
    {
        var code = (CodeObject)Marshal.Loads(MarshalFuzzTests.Seeds.First(s => s.Name == "code1").Data)!;
        var twice = new ConstantTuple([code, code, "same", "same"]);
        var data = Marshal.Dumps(twice);
        var back = (ConstantTuple)Marshal.Loads(data)!;
        Assert.Same(back[0], back[1]);
        Assert.Same(back[2], back[3]);
        Assert.True(PyValue.StrictEqual(twice, back));

        // Names come back as the one interned instance.
        var f = ((CodeObject)back[0]!).Consts.OfType<CodeObject>().Single();
        Assert.Equal("f", f.Name);
        Assert.Same(InternPool.Intern("f"), f.Name);
        Assert.Same(InternPool.Intern("a"), f.VarNames[0]);
    }

    [Fact]
    public void IntegersUseInt32OrFifteenBitDigits()
    {
        Assert.Equal([(byte)'i', 0xFF, 0xFF, 0xFF, 0x7F], Marshal.Dumps(new BigInteger(int.MaxValue)));
        Assert.Equal([(byte)'l', 3, 0, 0, 0, 0, 0, 0, 0, 2, 0], Marshal.Dumps(BigInteger.One << 31));
        Assert.Equal([(byte)'l', 0xFD, 0xFF, 0xFF, 0xFF, 1, 0, 0, 0, 2, 0], Marshal.Dumps(-(BigInteger.One << 31) - 1));
        var huge = BigInteger.Pow(7, 200);
        Assert.Equal(huge, Marshal.Loads(Marshal.Dumps(huge)));
        Assert.Equal(-huge, Marshal.Loads(Marshal.Dumps(-huge)));
    }

    [Fact]
    public void StringsAreUtf8WithSurrogatePass()
    {
        var s = "a\ud800b\U0001F600";
        var data = Marshal.Dumps(s);
        Assert.Equal((byte)'u', data[0]);
        Assert.Equal(1 + 3 + 1 + 4, BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(1)));
        Assert.Equal(s, Marshal.Loads(data));
        Assert.Equal([(byte)'z', 2, (byte)'h', (byte)'i'], Marshal.Dumps("hi"));
    }
}
