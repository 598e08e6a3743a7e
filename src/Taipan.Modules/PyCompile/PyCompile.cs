// Lib/py_compile.py (a native module in Taipan)
using System.Text;
using Taipan.Bytecode;
using Taipan.Syntax.Errors;
using Taipan.Syntax.Parser;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Modules.PyCompile;

/// <summary><c>py_compile.PycInvalidationMode</c>.</summary>
public enum PycInvalidationMode
{
    Timestamp = 1,
    CheckedHash = 2,
    UncheckedHash = 3,
}

/// <summary><c>py_compile.PyCompileError</c>: <see cref="Msg"/> is what py_compile prints.</summary>
public sealed class PyCompileError(string excTypeName, PythonException excValue, string file, string msg)
    : PythonException("PyCompileError", msg)
{
    public string ExcTypeName { get; } = excTypeName;
    public PythonException ExcValue { get; } = excValue;
    public string File { get; } = file;
    public string Msg { get; } = msg;

    /// <summary><c>PyCompileError(exc_type, exc_value, file)</c>: a <c>SyntaxError</c> (exactly
    /// that class) as <c>traceback.format_exception_only</c> gives it, anything else as
    /// "Sorry: TYPE: str(exc)".</summary>
    public static PyCompileError Create(PythonException e, string file)
    {
        var msg = e is PythonSyntaxError s && s.PythonType == "SyntaxError"
            ? FormatExceptionOnly(s).Replace("File \"<string>\"", $"File \"{file}\"", StringComparison.Ordinal)
            : $"Sorry: {e.PythonType}: {Str(e)}";
        return new PyCompileError(e.PythonType, e, file, msg);
    }

    /// <summary><c>str(exc)</c>; for SyntaxError "msg (basename, line N)".</summary>
    public static string Str(PythonException e)
    {
        if (e is not PythonSyntaxError s)
        {
            return e.Message;
        }
        // The compiler always gives a line number (0 when the source could not be decoded).
        var name = s.Filename is { } f ? f[(f.LastIndexOf('/') + 1)..] : null;
        return name is null ? $"{s.Msg} (line {s.Lineno})" : $"{s.Msg} ({name}, line {s.Lineno})";
    }

    /// <summary><c>traceback.TracebackException._format_syntax_error</c> (3.11).</summary>
    public static string FormatExceptionOnly(PythonSyntaxError e)
    {
        var sb = new StringBuilder();
        // Compiler errors always carry a line number, 0 when the source could not be decoded.
        sb.Append($"  File \"{e.Filename ?? "<string>"}\", line {e.Lineno}\n");
        if (e.Text is { } text)
        {
            var rtext = text.TrimEnd('\n');
            var ltext = rtext.TrimStart(' ', '\n', '\f');
            var spaces = CodePoints(rtext) - CodePoints(ltext);
            sb.Append("    ").Append(ltext).Append('\n');
            if (e.Offset != 0)
            {
                var offset = e.Offset;
                var endOffset = e.EndOffset is { } eo and not 0 ? eo : offset;
                if (offset == endOffset || endOffset == -1)
                {
                    endOffset = offset + 1;
                }
                var colno = offset - 1 - spaces;
                var endColno = endOffset - 1 - spaces;
                if (colno >= 0)
                {
                    sb.Append("    ");
                    var seen = 0;
                    for (var i = 0; i < ltext.Length && seen < colno; i++)
                    {
                        // Non-space whitespace (tabs) is kept for alignment.
                        sb.Append(char.IsWhiteSpace(ltext[i]) ? ltext[i] : ' ');
                        if (char.IsHighSurrogate(ltext[i]) && i + 1 < ltext.Length && char.IsLowSurrogate(ltext[i + 1]))
                        {
                            i++;
                        }
                        seen++;
                    }
                    sb.Append('^', Math.Max(0, endColno - colno)).Append('\n');
                }
            }
        }
        sb.Append(e.PythonType).Append(": ").Append(e.Msg.Length == 0 ? "<no detail available>" : e.Msg).Append('\n');
        return sb.ToString();
    }

    private static int CodePoints(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (!(char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1])))
            {
                n++;
            }
        }
        return n;
    }
}

/// <summary>py_compile: byte-compiles one source file to its <c>.pyc</c>, written atomically.</summary>
public static class PyCompile
{
    private const string Usage = "usage: py_compile.py [-h] [-q] filenames [filenames ...]\n";

    private const string Help = Usage + """

        A simple command-line interface for py_compile module.

        positional arguments:
          filenames    Files to compile

        options:
          -h, --help   show this help message and exit
          -q, --quiet  Suppress error output

        """;

    /// <summary><c>_get_default_invalidation_mode()</c>: checked hashes when SOURCE_DATE_EPOCH
    /// is set (reproducible builds), timestamps otherwise.</summary>
    public static PycInvalidationMode DefaultInvalidationMode(ModuleContext ctx) =>
        string.IsNullOrEmpty(ctx.GetEnvironmentVariable("SOURCE_DATE_EPOCH")) ? PycInvalidationMode.Timestamp : PycInvalidationMode.CheckedHash;

    /// <summary><c>importlib.util.cache_from_source(file)</c> with <c>optimization</c> taken as
    /// py_compile does: level 0 gives no tag, -1 means the interpreter's level.</summary>
    public static string CacheFromSource(string file, int optimize, ModuleContext ctx)
    {
        var level = optimize >= 0 ? optimize : ctx.Optimize;
        return Pyc.CacheFromSource(file, level >= 1 ? level.ToString(System.Globalization.CultureInfo.InvariantCulture) : "", ctx.PycachePrefix);
    }

    /// <summary><c>py_compile.compile(file, cfile=None, dfile=None, doraise=False,
    /// optimize=-1, invalidation_mode=None, quiet=0)</c>: returns the path written, or null when
    /// the source did not compile (the error printed unless <paramref name="quiet"/> is 2, or
    /// raised as <see cref="PyCompileError"/> with <paramref name="doraise"/>). I/O failures
    /// raise <see cref="PythonOSError"/> (<c>FileExistsError</c> when <paramref name="cfile"/>
    /// is a symlink or not a regular file).</summary>
    public static string? Compile(string file, string? cfile = null, string? dfile = null, bool doraise = false,
        int optimize = -1, PycInvalidationMode? invalidationMode = null, int quiet = 0, ModuleContext? ctx = null)
    {
        ctx ??= ModuleContext.Default;
        var mode = invalidationMode ?? DefaultInvalidationMode(ctx);
        cfile ??= CacheFromSource(file, optimize, ctx);
        var cinfo = new FileInfo(cfile);
        if (cinfo.LinkTarget is not null)
        {
            throw new PythonOSError("FileExistsError",
                $"{cfile} is a symlink and will be changed into a regular file if import writes a byte-compiled file to it");
        }
        if (Directory.Exists(cfile))
        {
            throw new PythonOSError("FileExistsError",
                $"{cfile} is a non-regular file and will be changed into a regular one if import writes a byte-compiled file to it");
        }

        byte[] source;
        try
        {
            source = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw PythonOSError.From(e, file);
        }

        var filename = dfile is { Length: > 0 } ? dfile : file;
        CodeObject code;
        try
        {
            code = CompileBytes(source, filename, optimize >= 0 ? optimize : ctx.Optimize, ctx);
        }
        catch (Exception e) when (e is PythonException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or NotSupportedException)
        {
            // source_to_code's failures all become PyCompileError; an internal failure of the
            // compiler is CPython's SystemError rather than a crash of the whole run.
            var error = PyCompileError.Create(e as PythonException ?? new PythonException("SystemError", e.Message), filename);
            if (quiet < 2)
            {
                if (doraise)
                {
                    throw error;
                }
                ctx.Err.Write(error.Msg + "\n");
            }
            return null;
        }

        var dir = Path.GetDirectoryName(cfile);
        if (!string.IsNullOrEmpty(dir))
        {
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw PythonOSError.From(e, dir);
            }
        }

        byte[] bytecode;
        if (mode == PycInvalidationMode.Timestamp)
        {
            // os.stat follows symbolic links: the header records the target's mtime and size,
            // which is what importlib checks.
            var info = new FileInfo(file);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
            {
                info = target;
            }
            var mtime = new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeSeconds();
            bytecode = Pyc.ToTimestampPyc(code, mtime, info.Length);
        }
        else
        {
            bytecode = Pyc.ToHashPyc(code, Pyc.SourceHash(source), mode == PycInvalidationMode.CheckedHash);
        }
        Pyc.WriteAtomic(cfile, bytecode, CalcMode(file));
        return cfile;
    }

    /// <summary><c>SourceLoader.source_to_code</c>: <c>compile(source, path, 'exec',
    /// dont_inherit=True, optimize=...)</c>; shows the SyntaxWarnings compiling gives, as the
    /// default warning filters do.</summary>
    public static CodeObject CompileBytes(byte[] source, string filename, int optimize, ModuleContext ctx)
    {
        var warnings = new List<ParserWarning>();
        var text = SourceText.FromBytes(source, filename);
        text.ThrowIfContainsNul();
        var code = Taipan.Compiler.CodeGen.Compiler.CompileSource(text, ParseMode.Exec,
            optimize: optimize, warnings: warnings);
        foreach (var w in warnings)
        {
            if (w.Category == "SyntaxWarning")
            {
                ctx.Err.Write(FormatWarning(w));
            }
        }
        return code;
    }

    /// <summary><c>warnings.formatwarning</c>: "file:line: Category: message" and the
    /// stripped source line when linecache can read it.</summary>
    private static string FormatWarning(ParserWarning w)
    {
        var text = $"{w.Filename}:{w.Lineno}: {w.Category}: {w.Message}\n";
        try
        {
            var lines = File.ReadLines(w.Filename).Skip(w.Lineno - 1).Take(1).ToList();
            if (w.Lineno > 0 && lines.Count == 1 && lines[0].Trim(' ', '\t', '\f', '\v', '\r') is { Length: > 0 } line)
            {
                text += $"  {line}\n";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // linecache shows no line when the file cannot be read.
        }
        return text;
    }

    /// <summary><c>_calc_mode</c>: the source's permission bits plus owner-write (the .pyc
    /// must stay writable by its owner), 0o666 when they cannot be read.</summary>
    private static int CalcMode(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return 0x1B6 | 0x80;
        }
        try
        {
            return (int)File.GetUnixFileMode(file) | 0x80;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0x1B6 | 0x80;
        }
    }

    /// <summary><c>python -m py_compile [-q] FILE... | -</c>: returns the exit status.</summary>
    public static int Main(IReadOnlyList<string> args, ModuleContext? ctx = null)
    {
        ctx ??= ModuleContext.Default;
        var parser = new ArgumentParser("py_compile.py", Usage, Help,
        [
            new ArgOption("help", ["-h", "--help"], ArgAction.Help),
            new ArgOption("quiet", ["-q", "--quiet"], ArgAction.Flag),
        ], "filenames", positionalRequired: true);
        try
        {
            var parsed = parser.Parse(args, ctx.Out, ctx.Err);
            var quiet = parsed.Has("quiet");
            IEnumerable<string> filenames = parsed.Positionals;
            if (parsed.Positionals is ["-"])
            {
                filenames = ReadLines(ctx.In);
            }
            foreach (var name in filenames)
            {
                var filename = name.TrimEnd('\n');
                try
                {
                    Compile(filename, doraise: true, ctx: ctx);
                }
                catch (PyCompileError e)
                {
                    if (!quiet)
                    {
                        ctx.Err.Write(e.Msg);
                    }
                    return 1;
                }
                catch (PythonException e) when (e is PythonOSError || e.PythonType.EndsWith("Error", StringComparison.Ordinal) && IsOSErrorType(e.PythonType))
                {
                    if (!quiet)
                    {
                        ctx.Err.Write(e.Message);
                    }
                    return 1;
                }
            }
            return 0;
        }
        catch (ArgumentParser.Exit e)
        {
            return e.Status;
        }
        finally
        {
            ctx.Out.Flush();
            ctx.Err.Flush();
        }
    }

    internal static bool IsOSErrorType(string type) => type is "OSError" or "FileNotFoundError" or "PermissionError"
        or "FileExistsError" or "IsADirectoryError" or "NotADirectoryError";

    private static List<string> ReadLines(TextReader reader)
    {
        // sys.stdin.readlines(): every line with its newline, which the caller strips.
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }
}
