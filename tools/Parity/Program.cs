// Compares what Taipan makes of every .py file under a directory with what CPython 3.11 makes of it.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Taipan.Bytecode;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Parser;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Tools.Parity;

public static class Program
{
    private const string Usage = "usage: parity ast|code DIR [--optimize N] [--exclude RELPATH]... [--python PATH] [-v]";

    public static int Main(string[] args)
    {
        if (args.Length < 2 || args[0] is not ("ast" or "code"))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var root = Path.GetFullPath(args[1]);
        var excluded = new List<string> { "site-packages", "dist-packages" };
        var python = "/usr/bin/python3.11";
        var verbose = false;
        var optimize = 0;
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
                case "--optimize" when i + 1 < args.Length && int.TryParse(args[i + 1], out var level) && level is >= 0 and <= 2:
                    optimize = level;
                    i++;
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
        var mode = args[0];
        var reference = RunReference(python, mode, optimize, files);
        var ours = new ConcurrentDictionary<string, string>();
        // Parse on threads with large stacks: hostile files must end in a Python error, and the
        // tool must show it rather than die.
        var queue = new ConcurrentQueue<string>(files);
        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
        {
            while (queue.TryDequeue(out var path))
            {
                ours[path] = mode == "ast" ? Describe(path) : DescribeCompiled(path, optimize);
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

    private static Dictionary<string, string> RunReference(string python, string mode, int optimize, List<string> files)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "reference.py");
        var psi = new ProcessStartInfo(python)
        {
            ArgumentList = { "-X", "utf8", script, mode, optimize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
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
            return $"{e.PythonType}: {e.Msg} @ {e.Lineno}:{e.Offset}-{e.EndLineno?.ToString() ?? "None"}:{e.EndOffset?.ToString() ?? "None"}";
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

    /// <summary>What reference.py's code mode prints: Taipan's code object for the file,
    /// described field by field and recursively.</summary>
    private static string DescribeCompiled(string path, int optimize)
    {
        try
        {
            var source = SourceText.FromBytes(File.ReadAllBytes(path), path);
            var sb = new StringBuilder();
            DescribeCode(Taipan.Compiler.CodeGen.Compiler.CompileSource(source, ParseMode.Exec, optimize: optimize), sb);
            return sb.ToString();
        }
        catch (PythonSyntaxError e)
        {
            return $"{e.PythonType}: {e.Msg} @ {e.Lineno}:{e.Offset}-{e.EndLineno?.ToString() ?? "None"}:{e.EndOffset?.ToString() ?? "None"}";
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

    private static string Hex(byte[] b) => Convert.ToHexString(b).ToLowerInvariant();

    private static string Names(string[] names) =>
        names.Length == 1 ? $"({PyRepr.Str(names[0])},)" : "(" + string.Join(", ", names.Select(PyRepr.Str)) + ")";

    private static void DescribeCode(CodeObject co, StringBuilder sb)
    {
        sb.Append($"code(name={PyRepr.Str(co.Name)} qualname={PyRepr.Str(co.QualName)} firstlineno={co.FirstLineNo}");
        sb.Append($" argcount={co.ArgCount} posonlyargcount={co.PosOnlyArgCount} kwonlyargcount={co.KwOnlyArgCount}");
        sb.Append($" stacksize={co.StackSize} flags={(int)co.Flags} code={Hex(co.Code)} names={Names(co.Names)}");
        sb.Append($" varnames={Names(co.VarNames)} cellvars={Names(co.CellVars)} freevars={Names(co.FreeVars)}");
        sb.Append($" linetable={Hex(co.LineTable)} exceptiontable={Hex(co.ExceptionTable)} consts=[");
        for (var i = 0; i < co.Consts.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }
            DescribeConst(co.Consts[i], sb);
        }
        sb.Append("])");
    }

    private static void DescribeConst(object? c, StringBuilder sb)
    {
        switch (c)
        {
            case CodeObject co:
                DescribeCode(co, sb);
                break;
            case ConstantTuple t:
                sb.Append("tuple(");
                for (var i = 0; i < t.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }
                    DescribeConst(t[i], sb);
                }
                sb.Append(')');
                break;
            case ConstantFrozenSet f:
                // Iteration order depends on string hashing: reference.py sorts the elements.
                var items = new List<string>();
                foreach (var item in f.AsSpan())
                {
                    var inner = new StringBuilder();
                    DescribeConst(item, inner);
                    items.Add(inner.ToString());
                }
                items.Sort(StringComparer.Ordinal);
                sb.Append("frozenset(").Append(string.Join(", ", items)).Append(')');
                break;
            default:
                sb.Append(c switch
                {
                    null => "NoneType:None",
                    ConstantSingleton s when s == ConstantSingleton.None => "NoneType:None",
                    ConstantSingleton => "ellipsis:Ellipsis",
                    bool b => b ? "bool:True" : "bool:False",
                    BigInteger or int or long => "int:" + PyRepr.Constant(c),
                    double => "float:" + PyRepr.Constant(c),
                    // PyValue's repr writes complex(x, -0.0) as (x+-0j) where Python writes (x-0j).
                    Complex => "complex:" + PyRepr.Constant(c).Replace("+-", "-", StringComparison.Ordinal),
                    string or CodePointStr => "str:" + PyRepr.Constant(c),
                    byte[] => "bytes:" + PyRepr.Constant(c),
                    _ => c.GetType().Name + ":" + c,
                });
                break;
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
