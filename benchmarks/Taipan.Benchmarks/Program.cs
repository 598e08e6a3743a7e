// Taipan's side of benchmarks/run: times one stage over a set of files, in-process.
using System.Diagnostics;
using System.Globalization;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Parser;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 2 || args[0] != "parse")
        {
            Console.Error.WriteLine("usage: taipan-bench parse FILELIST  (prints: first-pass seconds, best-pass seconds)");
            return 2;
        }
        var sources = File.ReadAllLines(args[1]).Select(p => (Path: p, Bytes: File.ReadAllBytes(p))).ToList();
        double first = 0, best = double.MaxValue;
        var thread = new Thread(() =>
        {
            for (var pass = 0; pass < 5; pass++)
            {
                var sw = Stopwatch.StartNew();
                foreach (var (path, bytes) in sources)
                {
                    try
                    {
                        Parser.Parse(SourceText.FromBytes(bytes, path));
                    }
                    catch (PythonException)
                    {
                        // Files CPython rejects are timed too: the error path is part of the work.
                    }
                }
                var seconds = sw.Elapsed.TotalSeconds;
                if (pass == 0)
                {
                    first = seconds;
                }
                best = Math.Min(best, seconds);
            }
        }, 256 * 1024 * 1024);
        thread.Start();
        thread.Join();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{first:F4} {best:F4}"));
        return 0;
    }
}
