// Compares what Taipan makes of every .py file under a directory with what CPython 3.11 makes of it.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Parser;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Tools.Parity;

public static class Program
{
    private const string Usage = "usage: parity ast DIR [--exclude RELPATH]... [--python PATH] [-v]";

    public static int Main(string[] args)
    {
        if (args.Length < 2 || args[0] != "ast")
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var root = Path.GetFullPath(args[1]);
        var excluded = new List<string> { "site-packages", "dist-packages" };
        var python = "/usr/bin/python3.11";
        var verbose = false;
        for (var i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--exclude" when i + 1 < args.Length:
                    excluded.Add(args[++i]);
                    break;
                case "--python" when i + 1 < args.Length:
                    python = args[++i];
                    break;
                case "-v":
                    verbose = true;
                    break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var files = CollectFiles(root, excluded);
        var reference = RunReference(python, args[0], files);
        var ours = new ConcurrentDictionary<string, string>();
        // Parse on threads with large stacks: hostile files must end in a Python error, and the
        // tool must show it rather than die.
        var queue = new ConcurrentQueue<string>(files);
        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
        {
            while (queue.TryDequeue(out var path))
            {
                ours[path] = Describe(path);
            }
        }, 256 * 1024 * 1024)).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());

        var identical = 0;
        foreach (var path in files)
        {
            var expected = reference.TryGetValue(path, out var r) ? r : "(no reference)";
            var actual = ours[path];
            if (expected == actual)
            {
                identical++;
                continue;
            }
            Console.WriteLine($"{Path.GetRelativePath(root, path)}: {FirstDifference(expected, actual, verbose)}");
        }
        Console.WriteLine($"identical: {identical}/{files.Count}");
        return identical == files.Count ? 0 : 1;
    }

    private static List<string> CollectFiles(string root, List<string> excluded)
    {
        var skip = excluded.Select(e => Path.GetFullPath(Path.Combine(root, e))).ToHashSet();
        var skipNames = excluded.Where(e => !e.Contains('/')).ToHashSet();
        var result = new List<string>();
        var stack = new Stack<string>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                var name = Path.GetFileName(sub);
                if (!skip.Contains(sub) && name != "__pycache__" && !(skipNames.Contains(name) && name.EndsWith("-packages", StringComparison.Ordinal)))
                {
                    stack.Push(sub);
                }
            }
            result.AddRange(Directory.EnumerateFiles(dir, "*.py"));
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static Dictionary<string, string> RunReference(string python, string mode, List<string> files)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "reference.py");
        var psi = new ProcessStartInfo(python)
        {
            ArgumentList = { "-X", "utf8", script, mode },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {python}");
        var writer = new Thread(() =>
        {
            foreach (var f in files)
            {
                process.StandardInput.WriteLine(f);
            }
            process.StandardInput.Close();
        });
        writer.Start();
        var result = new Dictionary<string, string>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            var rootElement = doc.RootElement;
            var path = rootElement.GetProperty("path").GetString()!;
            result[path] = rootElement.TryGetProperty("result", out var value)
                ? value.GetString()!
                : FormatError(rootElement.GetProperty("error"));
        }
        writer.Join();
        process.WaitForExit();
        return result;
    }

    private static string FormatError(JsonElement e)
    {
        var type = e.GetProperty("type").GetString();
        var msg = e.GetProperty("msg").GetString();
        if (!e.TryGetProperty("lineno", out var lineno))
        {
            return $"{type}: {msg}";
        }
        return $"{type}: {msg} @ {Num(lineno)}:{Num(e.GetProperty("offset"))}-{Num(e.GetProperty("end_lineno"))}:{Num(e.GetProperty("end_offset"))}";
    }

    private static string Num(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetInt32().ToString() : "None";

    private static string Describe(string path)
    {
        try
        {
            var source = SourceText.FromBytes(File.ReadAllBytes(path), path);
            return Parser.Parse(source).Dump();
        }
        catch (PythonSyntaxError e)
        {
            return $"{e.PythonType}: {e.Msg} @ {e.Lineno}:{e.Offset}-{e.EndLineno}:{e.EndOffset}";
        }
        catch (PythonException e)
        {
            return $"{e.PythonType}: {e.Message}";
        }
        catch (Exception e)
        {
            return $"CRASH {e.GetType().Name}: {e.Message}";
        }
    }

    private static string FirstDifference(string expected, string actual, bool verbose)
    {
        if (verbose)
        {
            return $"\n  expected: {expected}\n  actual:   {actual}";
        }
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
        {
            i++;
        }
        var start = Math.Max(0, i - 60);
        string Window(string s) => s.Length <= start ? "" : s.Substring(start, Math.Min(160, s.Length - start));
        return $"\n  expected: ...{Window(expected)}\n  actual:   ...{Window(actual)}";
    }
}
