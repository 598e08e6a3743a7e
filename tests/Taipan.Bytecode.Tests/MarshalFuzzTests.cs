using System.Numerics;
using System.Text;
using System.Text.Json;
using ConstantSingleton = Taipan.Syntax.Ast.ConstantSingleton;
using PyRepr = Taipan.Syntax.Ast.PyRepr;
using Taipan.Syntax.Errors;
using Xunit.Abstractions;

namespace Taipan.Bytecode.Tests;

/// <summary>Differential tests of the reader on malformed input: thousands of mutated marshal
/// strings go through our reader and CPython's; the outcome (type and repr of the value, or
/// exception type and message) must be the same, and nothing but PythonException may escape.</summary>
public class MarshalFuzzTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<(string Name, byte[] Data)>> s_seeds =
        new(() => StdlibData.ReadRecords(CPython.RunScript("marshal_seeds.py")));

    public static List<(string Name, byte[] Data)> Seeds => s_seeds.Value;

    internal static string Outcome(byte[] data)
    {
        object? v;
        try
        {
            v = Marshal.Loads(data);
        }
        catch (PythonException e)
        {
            return $"{e.PythonType}: {e.Message}";
        }

        return Describe(v);
    }

    private static string Describe(object? v) => v switch
    {
        ConstantSingleton s when ReferenceEquals(s, ConstantSingleton.None) => "NoneType None",
        ConstantSingleton => "ellipsis Ellipsis",
        bool or BigInteger or double or Complex or string or byte[] => $"{TypeName(v)} {PyRepr.Constant(v)}",
        ConstantTuple t => $"tuple len={t.Count}",
        MarshalList l => $"list len={l.Count}",
        MarshalDict d => $"dict len={d.Count}",
        MarshalSet s => $"set len={s.Count}",
        ConstantFrozenSet f => $"frozenset len={f.Count}",
        CodeObject => "code",
        MarshalStopIteration => "type",
        _ => $"unexpected {v?.GetType().Name}",
    };

    private static string TypeName(object v) => v switch
    {
        bool => "bool",
        BigInteger => "int",
        double => "float",
        Complex => "complex",
        string => "str",
        _ => "bytes",
    };

    private static string OracleOutcome(JsonElement e)
    {
        if (e.TryGetProperty("error", out var err))
        {
            return $"{err.GetString()}: {e.GetProperty("msg").GetString()}";
        }

        var type = e.GetProperty("type").GetString();
        if (e.TryGetProperty("repr", out var repr))
        {
            return $"{type} {repr.GetString()}";
        }

        return e.TryGetProperty("len", out var len) ? $"{type} len={len.GetInt32()}" : type!;
    }

    /// <summary>CPython's outcomes; null for inputs that crash CPython itself.</summary>
    private static string?[] RunOracle(List<byte[]> inputs)
    {
        var results = new string?[inputs.Count];
        var start = 0;
        while (start < inputs.Count)
        {
            var batch = StdlibData.WriteRecords(inputs.Skip(start).Select(d => ("", d)));
            string text;
            try
            {
                text = Encoding.UTF8.GetString(CPython.RunScript("marshal_oracle.py", batch));
            }
            catch (PythonProcessException e)
            {
                text = e.Stdout;
            }

            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in lines)
            {
                results[start++] = OracleOutcome(JsonDocument.Parse(line).RootElement);
            }

            if (start < inputs.Count && lines.Length < inputs.Count)
            {
                // The process died on this input: skip it.
                results[start++] = null;
            }
        }

        return results;
    }

    private static byte[] Mutate(Random rng, byte[] seed)
    {
        var data = new List<byte>(seed);
        var edits = 1 + rng.Next(3);
        for (var e = 0; e < edits; e++)
        {
            if (data.Count == 0)
            {
                data.Add((byte)rng.Next(256));
                continue;
            }

            var at = rng.Next(data.Count);
            switch (rng.Next(7))
            {
                case 0:
                    data.RemoveRange(at, data.Count - at); // truncate
                    break;
                case 1:
                    data[at] ^= (byte)(1 << rng.Next(8)); // bit flip
                    break;
                case 2:
                    data[at] = (byte)rng.Next(256);
                    break;
                case 3:
                    data[at] = (byte)"0NFTS.iIfglxyrsut([{c?<>aAz)Z"[rng.Next(29)];
                    break;
                case 4:
                    data.RemoveAt(at);
                    break;
                case 5:
                    data.Insert(at, (byte)rng.Next(256));
                    break;
                default:
                    // A plausible but wrong 4-byte size or reference.
                    var v = rng.Next(4) switch { 0 => -1, 1 => rng.Next(8), 2 => int.MaxValue, _ => rng.Next() };
                    var bytes = BitConverter.GetBytes(v);
                    for (var k = 0; k < 4 && at + k < data.Count; k++)
                    {
                        data[at + k] = bytes[k];
                    }

                    break;
            }
        }

        return [.. data];
    }

    internal static List<byte[]> DeepInputs()
    {
        var list = new List<byte[]>();
        foreach (var depth in new[] { 1998, 1999, 2000, 2001, 5000 })
        {
            list.Add([.. Enumerable.Repeat(new byte[] { (byte)'(', 1, 0, 0, 0 }, depth - 1).SelectMany(b => b), (byte)'N']);
            list.Add([.. Enumerable.Repeat(new byte[] { (byte)')', 1 }, depth - 1).SelectMany(b => b), (byte)'N']);
            list.Add([.. Enumerable.Repeat(new byte[] { (byte)'[', 1, 0, 0, 0 }, depth - 1).SelectMany(b => b), (byte)'N']);
            list.Add([.. Enumerable.Repeat(new byte[] { (byte)'{', (byte)'N' }, depth - 1).SelectMany(b => b), (byte)'N']);
            list.Add([.. Enumerable.Repeat(new byte[] { (byte)'>', 1, 0, 0, 0 }, depth - 1).SelectMany(b => b), (byte)'N']);
            list.Add([.. Enumerable.Repeat(new byte[] { (byte)'(', 1, 0, 0, 0 }, depth)
                .SelectMany(b => b)]);
            list.Add([.. Enumerable.Repeat(new byte[] { 0xDB, 1, 0, 0, 0 }, depth - 1).SelectMany(b => b), (byte)'r', 0, 0, 0, 0]);
        }

        return list;
    }

    [Fact]
    public void MutatedInputsFailExactlyAsCPython()
    {
        var rng = new Random(20261124);
        var seeds = Seeds;
        var inputs = new List<byte[]>();
        foreach (var (_, data) in seeds)
        {
            inputs.Add(data);
        }

        for (var i = 0; i < 20000; i++)
        {
            var seed = seeds[rng.Next(seeds.Count)].Data;
            inputs.Add(Mutate(rng, seed));
        }

        // Real module code, with its references, strings and tables.
        var modules = StdlibData.All.Where(r => r.Data.Length is > 2000 and < 8000).Take(5).Select(r => r.Data).ToList();
        Assert.Equal(5, modules.Count);
        for (var i = 0; i < 3000; i++)
        {
            inputs.Add(Mutate(rng, modules[rng.Next(modules.Count)]));
        }

        inputs.AddRange(DeepInputs());
        var expected = RunOracle(inputs);
        var mismatches = new List<string>();
        var compared = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            string ours;
            try
            {
                ours = Outcome(inputs[i]);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"input {Convert.ToHexString(inputs[i])} escaped with {e}");
            }

            // CPython allocates a container before reading its items; under the oracle's memory cap a
            // huge bogus size is MemoryError there, while we find the data too short first.
            if (expected[i] is null || expected[i]!.StartsWith("MemoryError", StringComparison.Ordinal))
            {
                continue;
            }

            compared++;
            if (ours != expected[i])
            {
                mismatches.Add($"{Convert.ToHexString(inputs[i].AsSpan(0, Math.Min(80, inputs[i].Length)))}\n  CPython: {expected[i]}\n  ours:    {ours}");
            }
        }

        output.WriteLine($"{inputs.Count} inputs, {compared} compared with CPython, {mismatches.Count} mismatches");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n" + string.Join("\n", mismatches.Take(15)));
    }

    private static byte[] L(int v) => BitConverter.GetBytes(v);

    private static byte[] Code(int argc = 0, int posonly = 0, int kwonly = 0, int stack = 1, int flags = 0,
        string co = "s\x02\x00\x00\x00\x97\x00", string consts = ")\x00", string names = ")\x00", string lpn = ")\x00",
        string lpk = "s\x00\x00\x00\x00", string fn = "z\x01f", string name = "z\x01g", string qn = "z\x01g", int first = 1,
        string lt = "s\x00\x00\x00\x00", string et = "s\x00\x00\x00\x00")
    {
        static byte[] B(string s) => Encoding.Latin1.GetBytes(System.Text.RegularExpressions.Regex.Unescape(s));
        return [(byte)'c', .. L(argc), .. L(posonly), .. L(kwonly), .. L(stack), .. L(flags), .. B(co), .. B(consts), .. B(names),
            .. B(lpn), .. B(lpk), .. B(fn), .. B(name), .. B(qn), .. L(first), .. B(lt), .. B(et)];
    }

    [Fact]
    public void CodeObjectValidationFailsAsCPython()
    {
        List<byte[]> inputs =
        [
            Code(),
            Code(co: "z\x01a"),
            Code(co: "s\x01\x00\x00\x00\x97"),
            Code(co: "s\x00\x00\x00\x00"),
            Code(consts: "[\x00\x00\x00\x00"),
            Code(names: "[\x00\x00\x00\x00"),
            Code(names: ")\x01i\x01\x00\x00\x00"),
            Code(lpn: ")\x01i\x01\x00\x00\x00", lpk: "s\x01\x00\x00\x00\x20"),
            Code(lpn: ")\x01z\x01a"),
            Code(lpk: "z\x00"),
            Code(fn: "s\x01\x00\x00\x00f"),
            Code(name: "s\x01\x00\x00\x00f"),
            Code(qn: "s\x01\x00\x00\x00f"),
            Code(lt: "z\x00"),
            Code(et: "z\x00"),
            Code(posonly: 1),
            Code(argc: -1),
            Code(kwonly: -1),
            Code(stack: -1),
            Code(flags: -1),
            Code(stack: int.MaxValue),
            Code(argc: 1),
            Code(argc: 1, lpn: ")\x01z\x01a", lpk: "s\x01\x00\x00\x00\x20"),
            Code(argc: 1, lpn: ")\x02z\x01az\x01b", lpk: "s\x02\x00\x00\x00\x60\x80"),
            Code(lpn: ")\x01z\x01a", lpk: "s\x01\x00\x00\x00\x00"),
            Code(flags: 4),
            Code(flags: 8, lpn: ")\x01z\x01a", lpk: "s\x01\x00\x00\x00\x20"),
            Code(consts: ")\x01[\x00\x00\x00\x00"),
            Code(fn: "0"),
            Code(et: "0"),
            [(byte)'(', 1, 0, 0, 0, .. Code(name: "0")],
            [0xBC, 1, 0, 0, 0, .. Code(consts: ")\x01[\x00\x00\x00\x00")],
            [0xA9, 2, .. Code()[..1], 0xE3, .. Code()[1..], (byte)'r', 0, 0, 0, 0],
        ];
        for (var cut = 1; cut < inputs[0].Length; cut += 3)
        {
            inputs.Add(inputs[0][..cut]);
        }

        var expected = RunOracle(inputs);
        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.True(expected[i] == Outcome(inputs[i]), $"case {i}: CPython {expected[i]}, ours {Outcome(inputs[i])}");
        }
    }
}
