// Lib/compileall.py (main: the command line)
using System.Text.RegularExpressions;
using Taipan.Modules.PyCompile;
using Taipan.Syntax.Errors;

namespace Taipan.Modules.Compileall;

public static partial class Compileall
{
    private const string Usage = """
        usage: compileall.py [-h] [-l] [-r RECURSION] [-f] [-q] [-b] [-d DESTDIR]
                             [-s STRIPDIR] [-p PREPENDDIR] [-x REGEXP] [-i FILE]
                             [-j WORKERS]
                             [--invalidation-mode {checked-hash,timestamp,unchecked-hash}]
                             [-o OPT_LEVELS] [-e DIR] [--hardlink-dupes]
                             [FILE|DIR ...]

        """;

    private const string Help = Usage + """

        Utilities to support installing Python libraries.

        positional arguments:
          FILE|DIR              zero or more file and directory names to compile; if
                                no arguments given, defaults to the equivalent of -l
                                sys.path

        options:
          -h, --help            show this help message and exit
          -l                    don't recurse into subdirectories
          -r RECURSION          control the maximum recursion level. if `-l` and `-r`
                                options are specified, then `-r` takes precedence.
          -f                    force rebuild even if timestamps are up to date
          -q                    output only error messages; -qq will suppress the
                                error messages as well.
          -b                    use legacy (pre-PEP3147) compiled file locations
          -d DESTDIR            directory to prepend to file paths for use in compile-
                                time tracebacks and in runtime tracebacks in cases
                                where the source file is unavailable
          -s STRIPDIR           part of path to left-strip from path to source file -
                                for example buildroot. `-d` and `-s` options cannot be
                                specified together.
          -p PREPENDDIR         path to add as prefix to path to source file - for
                                example / to make it absolute when some part is
                                removed by `-s` option. `-d` and `-p` options cannot
                                be specified together.
          -x REGEXP             skip files matching the regular expression; the regexp
                                is searched for in the full path of each file
                                considered for compilation
          -i FILE               add all the files and directories listed in FILE to
                                the list considered for compilation; if "-", names are
                                read from stdin
          -j WORKERS, --workers WORKERS
                                Run compileall concurrently
          --invalidation-mode {checked-hash,timestamp,unchecked-hash}
                                set .pyc invalidation mode; defaults to "checked-hash"
                                if the SOURCE_DATE_EPOCH environment variable is set,
                                and "timestamp" otherwise.
          -o OPT_LEVELS         Optimization levels to run compilation with. Default
                                is -1 which uses the optimization level of the Python
                                interpreter itself (see -O).
          -e DIR                Ignore symlinks pointing outsite of the DIR
          --hardlink-dupes      Hardlink duplicated pyc files

        """;

    /// <summary><c>python -m compileall [options] [FILE|DIR ...]</c>: returns the exit status
    /// (0 when everything compiled).</summary>
    public static int Main(IReadOnlyList<string> args, ModuleContext? ctx = null)
    {
        ctx ??= ModuleContext.Default;
        var parser = new ArgumentParser("compileall.py", Usage, Help,
        [
            new ArgOption("help", ["-h", "--help"], ArgAction.Help),
            new ArgOption("maxlevels", ["-l"], ArgAction.Flag),
            new ArgOption("recursion", ["-r"], ArgAction.Store, IsInt: true),
            new ArgOption("force", ["-f"], ArgAction.Flag),
            new ArgOption("quiet", ["-q"], ArgAction.Count),
            new ArgOption("legacy", ["-b"], ArgAction.Flag),
            new ArgOption("ddir", ["-d"], ArgAction.Store),
            new ArgOption("stripdir", ["-s"], ArgAction.Store),
            new ArgOption("prependdir", ["-p"], ArgAction.Store),
            new ArgOption("rx", ["-x"], ArgAction.Store),
            new ArgOption("flist", ["-i"], ArgAction.Store),
            new ArgOption("workers", ["-j", "--workers"], ArgAction.Store, IsInt: true),
            new ArgOption("invalidation_mode", ["--invalidation-mode"], ArgAction.Store, Choices: ["checked-hash", "timestamp", "unchecked-hash"]),
            new ArgOption("opt_levels", ["-o"], ArgAction.Append, IsInt: true),
            new ArgOption("limit_sl_dest", ["-e"], ArgAction.Store),
            new ArgOption("hardlink_dupes", ["--hardlink-dupes"], ArgAction.Flag),
        ], "FILE|DIR", positionalRequired: false);
        try
        {
            var a = parser.Parse(args, ctx.Out, ctx.Err);
            var quiet = a.Count("quiet");
            int? maxlevels = a.Get("recursion") is { } r ? Int(r) : a.Has("maxlevels") ? 0 : null;
            var optLevels = a.Lists.TryGetValue("opt_levels", out var levels) ? levels.Select(Int).ToList() : [-1];
            var hardlink = a.Has("hardlink_dupes");
            if (optLevels.Count == 1 && hardlink)
            {
                throw parser.Error("Hardlinking of duplicated bytecode makes sense only for more than one optimization level.", ctx.Err);
            }
            var ddir = a.Get("ddir");
            if (ddir is not null && (a.Get("stripdir") is not null || a.Get("prependdir") is not null))
            {
                throw parser.Error("-d cannot be used in combination with -s or -p", ctx.Err);
            }
            Regex? rx = null;
            if (a.Get("rx") is { Length: > 0 } pattern)
            {
                try
                {
                    rx = new Regex(pattern, RegexOptions.CultureInvariant);
                }
                catch (ArgumentException e)
                {
                    // re.error escapes main() as a traceback in CPython.
                    ctx.Err.Write($"re.error: {e.Message}\n");
                    return 1;
                }
            }
            var dests = new List<string>(a.Positionals);
            if (a.Get("flist") is { Length: > 0 } flist)
            {
                try
                {
                    var reader = flist == "-" ? ctx.In : new StreamReader(flist, System.Text.Encoding.UTF8);
                    while (reader.ReadLine() is { } line)
                    {
                        dests.Add(line.Trim());
                    }
                    if (flist != "-")
                    {
                        reader.Dispose();
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    if (quiet < 2)
                    {
                        ctx.Out.Write($"Error reading file list {flist}\n");
                    }
                    return 1;
                }
            }
            PycInvalidationMode? mode = a.Get("invalidation_mode") switch
            {
                "timestamp" => PycInvalidationMode.Timestamp,
                "checked-hash" => PycInvalidationMode.CheckedHash,
                "unchecked-hash" => PycInvalidationMode.UncheckedHash,
                _ => null,
            };
            var limit = a.Get("limit_sl_dest");
            var options = new CompileOptions
            {
                Ddir = ddir,
                Force = a.Has("force"),
                Rx = rx,
                Quiet = quiet,
                Legacy = a.Has("legacy"),
                Optimize = optLevels,
                InvalidationMode = mode,
                StripDir = a.Get("stripdir"),
                PrependDir = a.Get("prependdir"),
                LimitSlDest = limit is { Length: > 0 } ? limit : null,
                HardlinkDupes = hardlink,
            };
            bool success;
            if (dests.Count > 0)
            {
                success = true;
                var workers = a.Get("workers") is { } w ? Int(w) : 1;
                foreach (var dest in dests)
                {
                    var ok = File.Exists(dest)
                        ? CompileFile(dest, options, ctx)
                        : CompileDir(dest, maxlevels, options, workers, ctx);
                    success &= ok;
                }
            }
            else
            {
                success = CompilePath(options: options with { Optimize = [-1], HardlinkDupes = false, Rx = null, Ddir = null, StripDir = null, PrependDir = null, LimitSlDest = null }, ctx: ctx);
            }
            return success ? 0 : 1;
        }
        catch (ArgumentParser.Exit e)
        {
            return e.Status;
        }
        catch (PythonException e) when (e.PythonType == "ValueError")
        {
            // An uncaught exception from compile_dir (workers < 0, ...).
            ctx.Err.Write($"Traceback (most recent call last):\nValueError: {e.Message}\n");
            return 1;
        }
        finally
        {
            ctx.Out.Flush();
            ctx.Err.Flush();
        }
    }

    private static int Int(string s)
    {
        ArgumentParser.TryParseInt(s, out var value);
        return value;
    }
}
