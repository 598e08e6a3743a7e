// Parser/tokenizer.c (a driver printing the token stream, for tools/tokenizer/compare.sh)
using System.Diagnostics;
using System.Text;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Tokenizer;

// Usage: TokDump ROOT             prints every .py file's tokens like reference_tokens.py
//        TokDump --time ROOT      tokenizes every .py file 5 times and prints the best time
//        TokDump --file PATH      prints one file's tokens with full positions
if (args.Length == 2 && args[0] == "--time")
{
    var files = Collect(args[1]).Select(File.ReadAllBytes).ToArray();
    long bytes = files.Sum(f => (long)f.Length);
    double best = double.MaxValue, bestCpu = double.MaxValue;
    long tokens = 0;
    var me = Process.GetCurrentProcess();
    for (int round = 0; round < 5; round++)
    {
        me.Refresh();
        var cpu0 = me.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        tokens = 0;
        foreach (var data in files)
        {
            try
            {
                var tok = new Tokenizer(SourceText.FromBytes(data, "x.py"));
                while (tok.Next().Kind != TokenKind.EndMarker)
                    tokens++;
            }
            catch (PythonException)
            {
            }
        }
        best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        me.Refresh();
        bestCpu = Math.Min(bestCpu, (me.TotalProcessorTime - cpu0).TotalMilliseconds);
    }
    Console.WriteLine($"{files.Length} files, {bytes / 1e6:F1} MB, {tokens} tokens, best of 5: {best:F0} ms wall, {bestCpu:F0} ms CPU");
    return;
}
if (args.Length == 2 && args[0] == "--cases")
{
    // Cases in the format of TokenizerErrorCases.json (see fuzz_cases.py): print mismatches.
    using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(args[1]));
    int total = 0, bad = 0;
    foreach (var c in doc.RootElement.EnumerateArray())
    {
        total++;
        var src = Convert.FromBase64String(c.GetProperty("source").GetString()!);
        bool exec = c.GetProperty("mode").GetString() == "exec";
        string actual;
        try
        {
            string filename = c.GetProperty("filename").GetString()!;
            var source = c.GetProperty("entry").GetString() switch
            {
                "str" => SourceText.FromString(Encoding.UTF8.GetString(src), filename),
                "file" => SourceText.FromFile(src, filename),
                _ => SourceText.FromBytes(src, filename),
            };
            var tok = new Tokenizer(source) { ImplicitNewline = exec };
            while (tok.Next().Kind != TokenKind.EndMarker)
            {
            }
            actual = "OK";
        }
        catch (PythonSyntaxError e)
        {
            actual = $"{e.PythonType} | {e.Msg} | {e.Lineno} | {e.Offset} | {e.EndLineno} | {e.EndOffset} | {Repr(e.Text ?? "None")}";
        }
        var x = c.GetProperty("cpython");
        string expected = x.ValueKind == System.Text.Json.JsonValueKind.Null ? "OK" :
            $"{x.GetProperty("type").GetString()} | {x.GetProperty("msg").GetString()} | {Int(x, "lineno")} | {Int(x, "offset")} | {Int(x, "end_lineno")} | {Int(x, "end_offset")} | {Repr(x.GetProperty("text").GetString() ?? "None")}";
        if (actual != expected)
        {
            bad++;
            if (bad <= 40)
                Console.WriteLine($"{Repr(Encoding.UTF8.GetString(src))} {(exec ? "exec" : "eval")}\n  cpython: {expected}\n  taipan:  {actual}");
        }
    }
    Console.WriteLine($"{total - bad} / {total} agree");
    return;
}
if (args.Length == 2 && args[0] == "--file")
{
    var tok = new Tokenizer(SourceText.FromBytes(File.ReadAllBytes(args[1]), args[1]));
    try
    {
        for (; ; )
        {
            var t = tok.Next();
            var text = Encoding.UTF8.GetString(tok.Source.Utf8.AsSpan(t.Start, t.End - t.Start));
            Console.WriteLine($"{t.Kind.ToString().ToUpperInvariant()} {t.Lineno} {t.ColOffset} {t.EndLineno} {t.EndColOffset} {Repr(text)}");
            if (t.Kind == TokenKind.EndMarker)
                break;
        }
    }
    catch (PythonSyntaxError e)
    {
        Console.WriteLine($"{e.PythonType}: {e.Msg} {e.Lineno} {e.Offset} {e.EndLineno} {e.EndOffset} {Repr(e.Text ?? "None")}");
    }
    return;
}

var sb = new StringBuilder();
foreach (var path in Collect(args[0]))
{
    sb.Append("## ").Append(path).Append('\n');
    int mark = sb.Length;
    try
    {
        var tok = new Tokenizer(SourceText.FromBytes(File.ReadAllBytes(path), path));
        for (; ; )
        {
            var t = tok.Next();
            var kind = t.Kind is TokenKind.Async or TokenKind.Await ? TokenKind.Name : t.Kind;
            var name = kind.ToString().ToUpperInvariant();
            if (kind is TokenKind.Indent or TokenKind.Dedent or TokenKind.EndMarker)
                sb.Append(name).Append('\n');
            else if (kind == TokenKind.Newline)
                sb.Append($"{name} {t.Lineno} {t.ColOffset} {t.EndColOffset}\n");
            else
                sb.Append($"{name} {t.Lineno} {t.ColOffset} {t.EndLineno} {t.EndColOffset}\n");
            if (kind == TokenKind.EndMarker)
                break;
        }
    }
    catch (PythonException e)
    {
        sb.Length = mark;
        sb.Append("!! error\n");
        Console.Error.WriteLine($"{path}: {e.PythonType}: {e.Message}");
    }
}
Console.Out.Write(sb.ToString());

static List<string> Collect(string root)
{
    var list = Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories).ToList();
    list.Sort(StringComparer.Ordinal);
    return list;
}

static int Int(System.Text.Json.JsonElement e, string name) =>
    e.GetProperty(name).ValueKind == System.Text.Json.JsonValueKind.Null ? 0 : e.GetProperty(name).GetInt32();

static string Repr(string s) => "'" + s.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t").Replace("\f", "\\f").Replace("'", "\\'") + "'";
