// Lib/compileall.py (a native module in Taipan; workers are threads, not processes)
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Taipan.Bytecode;
using Taipan.Modules.PyCompile;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Modules.Compileall;

/// <summary>The options <c>compile_file</c> and <c>compile_dir</c> share (their keyword
/// arguments).</summary>
public sealed record CompileOptions
{
    public string? Ddir { get; init; }
    public bool Force { get; init; }
    /// <summary><c>rx</c>: files whose full path it matches (searched, as <c>rx.search</c>) are skipped.</summary>
    public Regex? Rx { get; init; }
    public int Quiet { get; init; }
    public bool Legacy { get; init; }
    /// <summary>Optimization levels; -1 is the interpreter's.</summary>
    public IReadOnlyList<int> Optimize { get; init; } = [-1];
    public PycInvalidationMode? InvalidationMode { get; init; }
    public string? StripDir { get; init; }
    public string? PrependDir { get; init; }
    public string? LimitSlDest { get; init; }
    public bool HardlinkDupes { get; init; }
}

/// <summary>compileall: byte-compiles directory trees, files and <c>sys.path</c>.</summary>
public static partial class Compileall
{
    /// <summary><c>sys.getrecursionlimit()</c>, compile_dir's default depth.</summary>
    private const int DefaultMaxLevels = 1000;

    /// <summary>Threads compiling deeply nested sources need the parser's large stack.</summary>
    private const int WorkerStackSize = 256 * 1024 * 1024;

    /// <summary><c>_walk_dir</c>: every non-directory under <paramref name="dir"/> (sorted by
    /// name, <c>__pycache__</c> skipped), descending <paramref name="maxlevels"/> levels into
    /// subdirectories that are not symlinks. "Listing" lines go to <paramref name="output"/>.</summary>
    private static IEnumerable<string> WalkDir(string dir, int maxlevels, int quiet, TextWriter output)
    {
        if (quiet == 0)
        {
            output.Write($"Listing {PyRepr.Str(dir)}...\n");
        }
        string[] names;
        try
        {
            names = Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).ToArray()!;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            if (quiet < 2)
            {
                output.Write($"Can't list {PyRepr.Str(dir)}\n");
            }
            names = [];
        }
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name == "__pycache__")
            {
                continue;
            }
            var fullname = PathJoin(dir, name);
            if (!Directory.Exists(fullname))
            {
                yield return fullname;
            }
            else if (maxlevels > 0 && name != "." && name != ".." && new DirectoryInfo(fullname).LinkTarget is null)
            {
                foreach (var f in WalkDir(fullname, maxlevels - 1, quiet, output))
                {
                    yield return f;
                }
            }
        }
    }

    /// <summary><c>compile_dir(dir, maxlevels=None, ddir=None, force=False, rx=None, quiet=0,
    /// legacy=False, optimize=-1, workers=1, invalidation_mode=None, *, stripdir=None,
    /// prependdir=None, limit_sl_dest=None, hardlink_dupes=False)</c>: true if every file
    /// compiled. <paramref name="workers"/> 0 means one per core.</summary>
    public static bool CompileDir(string dir, int? maxlevels = null, CompileOptions? options = null, int workers = 1, ModuleContext? ctx = null)
    {
        ctx ??= ModuleContext.Default;
        options ??= new CompileOptions();
        if (options.Ddir is not null && (options.StripDir is not null || options.PrependDir is not null))
        {
            throw new PythonException("ValueError", "Destination dir (ddir) cannot be used in combination with stripdir or prependdir");
        }
        if (options.Ddir is not null)
        {
            options = options with { StripDir = dir, PrependDir = options.Ddir, Ddir = null };
        }
        if (workers < 0)
        {
            throw new PythonException("ValueError", "workers must be greater or equal to 0");
        }
        var files = WalkDir(dir, maxlevels ?? DefaultMaxLevels, options.Quiet, ctx.Out);
        if (workers == 1)
        {
            var success = true;
            foreach (var file in files)
            {
                if (!CompileFile(file, options, ctx))
                {
                    success = false;
                }
            }
            return success;
        }
        return CompileParallel(files.ToList(), options, workers == 0 ? Environment.ProcessorCount : workers, ctx);
    }

    /// <summary>compile_file over <paramref name="files"/> on <paramref name="workers"/>
    /// threads (each with a large stack). Each file's messages are written whole, in the
    /// order of the files, as soon as the files before it are done.</summary>
    private static bool CompileParallel(List<string> files, CompileOptions options, int workers, ModuleContext ctx)
    {
        var results = new bool[files.Count];
        var outputs = new string?[files.Count];
        var done = new bool[files.Count];
        var next = -1;
        var flushed = 0;
        var gate = new object();
        Exception? failure = null;
        void Work()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < files.Count)
            {
                using var buffer = new StringWriter();
                var local = ctx with { Out = buffer, Err = buffer };
                try
                {
                    results[i] = CompileFile(files[i], options, local);
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        failure ??= e;
                    }
                }
                lock (gate)
                {
                    outputs[i] = buffer.ToString();
                    done[i] = true;
                    while (flushed < files.Count && done[flushed])
                    {
                        ctx.Out.Write(outputs[flushed]);
                        outputs[flushed] = null;
                        flushed++;
                    }
                }
            }
        }
        var threads = new List<Thread>();
        for (var t = 0; t < Math.Min(workers, Math.Max(1, files.Count)); t++)
        {
            var thread = new Thread(Work, WorkerStackSize) { IsBackground = true };
            thread.Start();
            threads.Add(thread);
        }
        foreach (var thread in threads)
        {
            thread.Join();
        }
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
        return Array.TrueForAll(results, r => r);
    }

    /// <summary><c>compile_file(fullname, ddir=None, force=False, rx=None, quiet=0,
    /// legacy=False, optimize=-1, invalidation_mode=None, *, stripdir=None, prependdir=None,
    /// limit_sl_dest=None, hardlink_dupes=False)</c>: true unless compiling failed.</summary>
    public static bool CompileFile(string fullname, CompileOptions? options = null, ModuleContext? ctx = null)
    {
        ctx ??= ModuleContext.Default;
        options ??= new CompileOptions();
        if (options.Ddir is not null && (options.StripDir is not null || options.PrependDir is not null))
        {
            throw new PythonException("ValueError", "Destination dir (ddir) cannot be used in combination with stripdir or prependdir");
        }
        var success = true;
        var name = Path.GetFileName(fullname);
        string? dfile = null;
        if (options.Ddir is not null)
        {
            dfile = PathJoin(options.Ddir, name);
        }
        if (options.StripDir is not null)
        {
            var fullnameParts = fullname.Split('/');
            var stripdirParts = options.StripDir.Split('/');
            var ddirParts = fullnameParts.ToList();
            for (var i = 0; i < Math.Min(fullnameParts.Length, stripdirParts.Length); i++)
            {
                if (stripdirParts[i] == fullnameParts[i])
                {
                    ddirParts.Remove(stripdirParts[i]);
                }
            }
            dfile = PathJoin([.. ddirParts]);
        }
        if (options.PrependDir is not null)
        {
            dfile = PathJoin(options.PrependDir, dfile ?? fullname);
        }
        var optimize = options.Optimize.Distinct().Order().ToList();
        if (options.HardlinkDupes && optimize.Count < 2)
        {
            throw new PythonException("ValueError", "Hardlinking of duplicated bytecode makes sense only for more than one optimization level");
        }
        if (options.Rx is not null && options.Rx.IsMatch(fullname))
        {
            return success;
        }
        if (options.LimitSlDest is not null && new FileInfo(fullname).LinkTarget is not null)
        {
            var limit = Path.GetFullPath(ResolvePath(options.LimitSlDest));
            var target = ResolvePath(fullname);
            var inside = false;
            for (var parent = Path.GetDirectoryName(target); parent is not null; parent = Path.GetDirectoryName(parent))
            {
                inside |= parent == limit;
            }
            if (!inside)
            {
                return success;
            }
        }
        if (!File.Exists(fullname))
        {
            return success;
        }
        var optCfiles = new Dictionary<int, string>();
        foreach (var level in optimize)
        {
            optCfiles[level] = options.Legacy ? fullname + "c" : PyCompile.PyCompile.CacheFromSource(fullname, level, ctx);
        }
        if (!name.EndsWith(".py", StringComparison.Ordinal))
        {
            return success;
        }
        if (!options.Force && IsUpToDate(fullname, optCfiles.Values))
        {
            return success;
        }
        if (options.Quiet == 0)
        {
            ctx.Out.Write($"Compiling {PyRepr.Str(fullname)}...\n");
        }
        try
        {
            for (var index = 0; index < optimize.Count; index++)
            {
                var cfile = optCfiles[optimize[index]];
                PyCompile.PyCompile.Compile(fullname, cfile, dfile, true, optimize[index], options.InvalidationMode, ctx: ctx);
                if (index > 0 && options.HardlinkDupes)
                {
                    var previous = optCfiles[optimize[index - 1]];
                    if (File.ReadAllBytes(cfile).AsSpan().SequenceEqual(File.ReadAllBytes(previous)))
                    {
                        File.Delete(cfile);
                        if (Link(previous, cfile) != 0)
                        {
                            throw new PythonOSError("OSError", System.Runtime.InteropServices.Marshal.GetLastPInvokeError(), System.Runtime.InteropServices.Marshal.GetLastPInvokeErrorMessage(), previous);
                        }
                    }
                }
            }
        }
        catch (PyCompileError e)
        {
            success = false;
            if (options.Quiet >= 2)
            {
                return success;
            }
            ctx.Out.Write(options.Quiet != 0 ? $"*** Error compiling {PyRepr.Str(fullname)}...\n" : "*** ");
            ctx.Out.Write(e.Msg + "\n");
        }
        catch (PythonException e) when (e is PythonOSError || PyCompile.PyCompile.IsOSErrorType(e.PythonType) || e.PythonType is "SyntaxError" or "UnicodeError" or "UnicodeDecodeError")
        {
            success = false;
            if (options.Quiet >= 2)
            {
                return success;
            }
            ctx.Out.Write(options.Quiet != 0 ? $"*** Error compiling {PyRepr.Str(fullname)}...\n" : "*** ");
            ctx.Out.Write($"{e.PythonType}: {e.Message}\n");
        }
        return success;
    }

    /// <summary>Without -f a file is skipped when every cache starts with the magic number,
    /// flags 0 and the source's mtime (so hash-based caches are always rebuilt).</summary>
    private static bool IsUpToDate(string fullname, IEnumerable<string> cfiles)
    {
        try
        {
            var mtime = (uint)new DateTimeOffset(File.GetLastWriteTimeUtc(fullname)).ToUnixTimeSeconds();
            Span<byte> expect = stackalloc byte[12];
            Pyc.MagicNumber.CopyTo(expect);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(expect[8..], mtime);
            Span<byte> actual = stackalloc byte[12];
            foreach (var cfile in cfiles)
            {
                using var stream = File.OpenRead(cfile);
                var n = stream.ReadAtLeast(actual, 12, throwOnEndOfStream: false);
                if (!actual[..n].SequenceEqual(expect))
                {
                    return false;
                }
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary><c>compile_path(skip_curdir=1, maxlevels=0, force=False, quiet=0,
    /// legacy=False, optimize=-1, invalidation_mode=None)</c> over <c>sys.path</c>; stops at
    /// the first directory that fails, as CPython's <c>and</c> does.</summary>
    public static bool CompilePath(bool skipCurdir = true, int maxlevels = 0, CompileOptions? options = null, ModuleContext? ctx = null)
    {
        ctx ??= ModuleContext.Default;
        options ??= new CompileOptions();
        var success = true;
        foreach (var dir in ctx.Path)
        {
            if ((dir.Length == 0 || dir == ".") && skipCurdir)
            {
                if (options.Quiet < 2)
                {
                    ctx.Out.Write("Skipping current directory\n");
                }
            }
            else
            {
                success = success && CompileDir(dir, maxlevels, options with { Ddir = null }, 1, ctx);
            }
        }
        return success;
    }

    /// <summary><c>os.path.join</c>: a later absolute part discards what precedes it.</summary>
    internal static string PathJoin(params string[] parts)
    {
        var result = parts[0];
        for (var i = 1; i < parts.Length; i++)
        {
            var p = parts[i];
            if (p.StartsWith('/'))
            {
                result = p;
            }
            else if (result.Length == 0 || result.EndsWith('/'))
            {
                result += p;
            }
            else
            {
                result += "/" + p;
            }
        }
        return result;
    }

    /// <summary><c>Path(p).resolve()</c> (non-strict): symlinks followed as far as they exist.</summary>
    private static string ResolvePath(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var info = new FileInfo(full);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                return target.FullName;
            }
        }
        catch (IOException)
        {
            // A dangling or looping link resolves to itself.
        }
        return full;
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string newPath);
}
