using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text.Json;
using Taipan.Syntax.Ast;

namespace Taipan.Compiler.Tests;

/// <summary>Runs the CPython 3.11 oracle and the scripts of tools/compiler, and loads the
/// AST that tools/compiler/ast_json.py prints into Taipan's AST classes.</summary>
internal static class CPython
{
    public const string Python = "/usr/bin/python3.11";

    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Taipan.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }
        return dir ?? throw new InvalidOperationException("repository root not found");
    }

    public static string Tool(string name) => Path.Combine(RepoRoot, "tools", "compiler", name);

    /// <summary>Runs a tools/compiler script and returns its standard output.</summary>
    public static string Run(string script, params string[] args) => RunPython(Tool(script), args);

    /// <summary>Runs a Python program with CPython and returns its standard output.</summary>
    public static string RunSource(string path) => RunPython(path);

    private static string RunPython(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var p = Process.Start(psi)!;
        var stderrTask = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed: {stderrTask.Result}");
        }
        return output;
    }

    /// <summary>Writes <paramref name="source"/> to a temporary file and returns its path.</summary>
    public static string TempSource(string source)
    {
        var path = Path.Combine(Path.GetTempPath(), "taipan-compiler-tests", Guid.NewGuid().ToString("N") + ".py");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, source);
        return path;
    }

    /// <summary>CPython's AST of each file (null for a file that does not parse).</summary>
    public static List<ModNode?> ParseFiles(IReadOnlyList<string> paths)
    {
        var result = new List<ModNode?>();
        const int batch = 200;
        for (int i = 0; i < paths.Count; i += batch)
        {
            var chunk = paths.Skip(i).Take(batch).ToArray();
            var lines = Run("ast_json.py", chunk).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in lines)
            {
                using var doc = JsonDocument.Parse(line);
                result.Add(doc.RootElement.ValueKind == JsonValueKind.Object ? null : (ModNode)LoadNode(doc.RootElement));
            }
        }
        return result;
    }

    public static ModNode Parse(string source, out string path)
    {
        path = TempSource(source);
        return ParseFiles([path])[0] ?? throw new InvalidOperationException("CPython could not parse the snippet");
    }

    private static readonly Dictionary<string, Type> NodeTypes = typeof(Node).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Node)) && !t.IsAbstract)
        .ToDictionary(t => t.Name.ToLowerInvariant());

    private static readonly Dictionary<string, object> EnumValues = BuildEnums();

    private static Dictionary<string, object> BuildEnums()
    {
        var d = new Dictionary<string, object>();
        foreach (var t in new[] { typeof(ExprContext), typeof(BoolOpKind), typeof(OperatorKind), typeof(UnaryOpKind), typeof(CmpOpKind) })
        {
            foreach (var v in Enum.GetValues(t))
            {
                d[v.ToString()!] = v;
            }
        }
        return d;
    }

    private static object LoadNode(JsonElement e)
    {
        var name = e[0].GetString()!;
        if (EnumValues.TryGetValue(name, out var ev))
        {
            return ev;
        }
        var type = NodeTypes[name.Replace("_", "").ToLowerInvariant()];
        var ctor = type.GetConstructors().Single();
        var ps = ctor.GetParameters();
        var args = new object?[ps.Length];
        for (int i = 0; i < ps.Length; i++)
        {
            args[i] = Convert(e[i + 1], ps[i].ParameterType, type == typeof(Constant) || type == typeof(MatchSingleton));
        }
        return ctor.Invoke(args);
    }

    private static object? Convert(JsonElement e, Type t, bool constant)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (t == typeof(object) && constant)
        {
            return LoadConstant(e);
        }
        if (t.IsArray)
        {
            var el = t.GetElementType()!;
            var arr = Array.CreateInstance(el, e.GetArrayLength());
            int i = 0;
            foreach (var x in e.EnumerateArray())
            {
                arr.SetValue(Convert(x, el, false), i++);
            }
            return arr;
        }
        if (t == typeof(string))
        {
            return e.GetString();
        }
        if (t == typeof(int) || t == typeof(int?))
        {
            return e.GetInt32();
        }
        return LoadNode(e);
    }

    private static object LoadConstant(JsonElement e)
    {
        var p = e.EnumerateObject().First();
        var v = p.Value;
        return p.Name switch
        {
            "None" => ConstantSingleton.None,
            "Ellipsis" => ConstantSingleton.Ellipsis,
            "bool" => v.GetBoolean(),
            "int" => BigInteger.Parse(v.GetString()!, CultureInfo.InvariantCulture),
            "float" => ParseFloat(v.GetString()!),
            "complex" => new Complex(ParseFloat(v[0].GetString()!), ParseFloat(v[1].GetString()!)),
            "str" => v.GetString()!,
            "u16" => new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(System.Convert.FromHexString(v.GetString()!))),
            "bytes" => System.Convert.FromHexString(v.GetString()!),
            _ => throw new InvalidOperationException(p.Name),
        };
    }

    private static double ParseFloat(string s) => s switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" => double.NaN,
        "-nan" => -double.NaN,
        _ => double.Parse(s, CultureInfo.InvariantCulture),
    };
}

internal static class DumpExtensions
{
    /// <summary>Splits the output of a tools/compiler dump script into one part per file,
    /// each starting with its "== PATH" line, without the final newline.</summary>
    public static string[] SplitDumps(this string text) =>
        ("\n" + text.TrimEnd('\n')).Split("\n== ").Skip(1).Select(p => "== " + p).ToArray();
}
