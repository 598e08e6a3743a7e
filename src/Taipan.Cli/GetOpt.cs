// Python/getopt.c
namespace Taipan.Cli;

/// <summary>The interpreter's own option scanner: short options (combinable, values attached
/// or in the next argument), a few exact long options, <c>--</c> and <c>-</c> ending the
/// options. Errors are printed to stderr as CPython prints them and reported as '_'.</summary>
internal sealed class GetOpt(IReadOnlyList<string> argv, TextWriter? stderr)
{
    private const string ShortOpts = "bBc:dEhiIJm:OPqRsStuvVW:xX:?";

    /// <summary>Long options and the code each gives: 0 for --check-hash-based-pycs (with an
    /// argument), then 1, 2, 3 for the help pages, 'h' and 'V' for the aliases.</summary>
    private static readonly (string Name, bool HasArg, char Code)[] LongOpts =
    [
        ("check-hash-based-pycs", true, '\0'),
        ("help-all", false, '\u0003'),
        ("help-env", false, '\u0001'),
        ("help-xoptions", false, '\u0002'),
        ("help", false, 'h'),
        ("version", false, 'V'),
    ];

    private string _rest = "";

    /// <summary>Index of the next argument (<c>_PyOS_optind</c>); starts after argv[0].</summary>
    public int Index { get; set; } = 1;

    public string? Arg { get; private set; }

    /// <summary>The next option, '_' for an error, or null at the end of the options.</summary>
    public char? Next()
    {
        Arg = null;
        if (_rest.Length == 0)
        {
            if (Index >= argv.Count)
            {
                return null;
            }
            var arg = argv[Index];
            if (arg.Length < 2 || arg[0] != '-')
            {
                return null;
            }
            Index++;
            if (arg == "--")
            {
                return null;
            }
            if (arg[1] == '-')
            {
                var name = arg[2..];
                foreach (var (longName, hasArg, code) in LongOpts)
                {
                    if (longName != name)
                    {
                        continue;
                    }
                    if (hasArg)
                    {
                        if (Index >= argv.Count)
                        {
                            stderr?.Write($"Argument expected for the {arg} options\n");
                            return '_';
                        }
                        Arg = argv[Index++];
                    }
                    return code;
                }
                stderr?.Write($"unknown option {arg}\n");
                return '_';
            }
            _rest = arg[1..];
        }

        // Options are wide characters in CPython; a non-ASCII one is printed truncated to a byte.
        var option = char.ConvertToUtf32(_rest, 0) is var cp && cp > 0xFFFF ? _rest[..2] : _rest[..1];
        _rest = _rest[option.Length..];
        if (option == "J")
        {
            stderr?.Write("-J is reserved for Jython\n");
            return '_';
        }
        var at = option.Length == 1 ? ShortOpts.IndexOf(option[0]) : -1;
        if (at < 0 || option[0] == ':')
        {
            var truncated = (char)(char.ConvertToUtf32(option, 0) & 0xFF);
            stderr?.Write($"Unknown option: -{truncated}\n");
            return '_';
        }
        if (at + 1 < ShortOpts.Length && ShortOpts[at + 1] == ':')
        {
            if (_rest.Length > 0)
            {
                Arg = _rest;
                _rest = "";
            }
            else if (Index >= argv.Count)
            {
                stderr?.Write($"Argument expected for the -{option} option\n");
                return '_';
            }
            else
            {
                Arg = argv[Index++];
            }
        }
        return option[0];
    }
}
