using System.Text;
using Taipan.Compiler.CodeGen;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Compiler.Tests;

/// <summary>Thousands of mutated sources (truncated, bit-flipped, spliced, deeply nested) go
/// through the parser and the compiler: each must compile or raise a Python exception, never
/// anything else.</summary>
public class FuzzTests
{
    [Fact]
    public void MutatedSourcesRaiseOnlyPythonExceptions()
    {
        var seeds = Directory.EnumerateFiles("/usr/lib/python3.11", "*.py")
            .Select(p => File.ReadAllBytes(p))
            .Where(b => b.Length is > 200 and < 12_000)
            .Take(60)
            .ToList();
        Assert.NotEmpty(seeds);
        var random = new Random(1124);
        var failures = new List<string>();
        var inputs = 0;
        var thread = new Thread(() =>
        {
            for (var i = 0; i < 4000; i++)
            {
                var source = Mutate(seeds[random.Next(seeds.Count)], random);
                inputs++;
                try
                {
                    Compiler.CodeGen.Compiler.CompileSource(SourceText.FromBytes(source, "fuzz.py"), optimize: i % 3);
                }
                catch (PythonException)
                {
                }
                catch (Exception e)
                {
                    failures.Add($"{e.GetType().Name}: {e.Message} for {Convert.ToBase64String(source)}");
                }
            }
        }, 256 * 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal(4000, inputs);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var data = new List<byte>(seed);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && data.Count > 0; e++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 1:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    data.Insert(at, (byte)random.Next(256));
                    break;
                case 3:
                    data.RemoveRange(at, Math.Min(random.Next(1, 40), data.Count - at));
                    break;
                case 4:
                    var from = random.Next(data.Count);
                    data.InsertRange(at, data.GetRange(from, Math.Min(random.Next(1, 80), data.Count - from)));
                    break;
                default:
                    var depth = random.Next(50, 3000);
                    var open = random.Next(3) switch { 0 => "(", 1 => "[", _ => "-" };
                    data.InsertRange(at, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(open, depth))));
                    break;
            }
        }
        return [.. data];
    }
}
