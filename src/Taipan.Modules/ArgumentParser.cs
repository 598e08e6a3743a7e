// Lib/argparse.py (the subset py_compile's and compileall's command lines use)
using System.Globalization;
using Taipan.Syntax.Ast;

namespace Taipan.Modules;

/// <summary>How an option consumes the command line, as argparse's actions do.</summary>
internal enum ArgAction
{
    /// <summary><c>store</c>: one value (checked by <see cref="ArgOption.IsInt"/> and <see cref="ArgOption.Choices"/>).</summary>
    Store,
    /// <summary><c>append</c>: one value per occurrence.</summary>
    Append,
    /// <summary><c>store_true</c> / <c>store_const</c>: a flag.</summary>
    Flag,
    /// <summary><c>count</c>.</summary>
    Count,
    /// <summary><c>help</c>.</summary>
    Help,
}

internal sealed record ArgOption(string Dest, string[] Names, ArgAction Action, bool IsInt = false, string[]? Choices = null)
{
    /// <summary>How argparse names the option in messages: "-j/--workers".</summary>
    public string Display => string.Join('/', Names);
}

/// <summary><c>argparse.ArgumentParser.parse_args</c> for a fixed set of options and one
/// positional list: options may appear anywhere, short flags combine (<c>-qq</c>), values
/// attach (<c>-j0</c>, <c>--workers=2</c>), long options may be abbreviated, <c>--</c> ends
/// the options. Errors print the usage and "PROG: error: MSG" and exit 2, as argparse does;
/// the usage and help texts are given whole since they are fixed.</summary>
internal sealed class ArgumentParser(string prog, string usage, string help, ArgOption[] options, string positionalName, bool positionalRequired)
{
    public sealed class Result
    {
        public Dictionary<string, string> Values { get; } = new();
        public Dictionary<string, List<string>> Lists { get; } = new();
        public Dictionary<string, int> Counts { get; } = new();
        public List<string> Positionals { get; } = new();

        public string? Get(string dest) => Values.GetValueOrDefault(dest);
        public int Count(string dest) => Counts.GetValueOrDefault(dest);
        public bool Has(string dest) => Counts.GetValueOrDefault(dest) > 0;
    }

    /// <summary>Thrown to leave the command with an exit status after printing.</summary>
    public sealed class Exit(int status) : Exception
    {
        public int Status { get; } = status;
    }

    public string Prog => prog;

    public Result Parse(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var result = new Result();
        var onlyPositionals = false;
        // argparse fills the positional list from the first run of positional arguments only;
        // later ones, and unknown options, are "unrecognized".
        var extras = new List<string>();
        var positionalsClosed = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || !LooksLikeOption(arg))
            {
                if (positionalsClosed)
                {
                    extras.Add(arg);
                }
                else
                {
                    result.Positionals.Add(arg);
                }
                continue;
            }
            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }
            positionalsClosed |= result.Positionals.Count > 0;
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=');
                var name = eq < 0 ? arg : arg[..eq];
                var option = FindLong(name, stderr);
                if (option is null)
                {
                    extras.Add(arg);
                    continue;
                }
                if (option.Action is ArgAction.Store or ArgAction.Append)
                {
                    string value;
                    if (eq >= 0)
                    {
                        value = arg[(eq + 1)..];
                    }
                    else if (i + 1 < args.Count && !LooksLikeOption(args[i + 1]))
                    {
                        value = args[++i];
                    }
                    else
                    {
                        throw Error($"argument {option.Display}: expected one argument", stderr);
                    }
                    Store(option, value, result, stderr);
                }
                else if (eq >= 0)
                {
                    throw Error($"argument {option.Display}: ignored explicit argument '{arg[(eq + 1)..]}'", stderr);
                }
                else
                {
                    Flag(option, result, stdout);
                }
                continue;
            }
            // A cluster of short options: flags, then possibly one option taking the rest.
            for (var k = 1; k < arg.Length; k++)
            {
                var option = FindShort(arg[k]);
                if (option is null)
                {
                    if (k == 1)
                    {
                        extras.Add(arg);
                        break;
                    }
                    throw Error($"argument {FindShort(arg[k - 1])!.Display}: ignored explicit argument '{arg[k..]}'", stderr);
                }
                if (option.Action is ArgAction.Store or ArgAction.Append)
                {
                    string value;
                    if (k + 1 < arg.Length)
                    {
                        value = arg[(k + 1)..];
                    }
                    else if (i + 1 < args.Count && !LooksLikeOption(args[i + 1]))
                    {
                        value = args[++i];
                    }
                    else
                    {
                        throw Error($"argument {option.Display}: expected one argument", stderr);
                    }
                    Store(option, value, result, stderr);
                    break;
                }
                Flag(option, result, stdout);
            }
        }
        if (positionalRequired && result.Positionals.Count == 0)
        {
            throw Error($"the following arguments are required: {positionalName}", stderr);
        }
        if (extras.Count > 0)
        {
            throw Error("unrecognized arguments: " + string.Join(' ', extras), stderr);
        }
        return result;
    }

    /// <summary><c>parser.error(message)</c>.</summary>
    public Exit Error(string message, TextWriter stderr)
    {
        stderr.Write(usage);
        stderr.Write($"{prog}: error: {message}\n");
        stderr.Flush();
        return new Exit(2);
    }

    private static bool LooksLikeOption(string arg) =>
        arg.Length > 1 && arg[0] == '-' && !double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private ArgOption? FindShort(char c)
    {
        foreach (var o in options)
        {
            foreach (var n in o.Names)
            {
                if (n.Length == 2 && n[1] == c)
                {
                    return o;
                }
            }
        }
        return null;
    }

    private ArgOption? FindLong(string name, TextWriter? stderr)
    {
        if (!name.StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }
        var matches = new List<(ArgOption Option, string Name)>();
        foreach (var o in options)
        {
            foreach (var n in o.Names)
            {
                if (n == name)
                {
                    return o;
                }
                if (n.StartsWith("--", StringComparison.Ordinal) && n.StartsWith(name, StringComparison.Ordinal))
                {
                    matches.Add((o, n));
                }
            }
        }
        if (matches.Count > 1 && stderr is not null)
        {
            throw Error($"ambiguous option: {name} could match {string.Join(", ", matches.Select(m => m.Name))}", stderr);
        }
        return matches.Count == 1 ? matches[0].Option : null;
    }

    private void Store(ArgOption option, string value, Result result, TextWriter stderr)
    {
        if (option.IsInt && !TryParseInt(value, out _))
        {
            throw Error($"argument {option.Display}: invalid int value: {PyRepr.Str(value)}", stderr);
        }
        if (option.Choices is { } choices && Array.IndexOf(choices, value) < 0)
        {
            throw Error($"argument {option.Display}: invalid choice: {PyRepr.Str(value)} (choose from {string.Join(", ", choices.Select(PyRepr.Str))})", stderr);
        }
        if (option.Action == ArgAction.Append)
        {
            if (!result.Lists.TryGetValue(option.Dest, out var list))
            {
                result.Lists[option.Dest] = list = new List<string>();
            }
            list.Add(value);
        }
        else
        {
            result.Values[option.Dest] = value;
        }
        result.Counts[option.Dest] = result.Counts.GetValueOrDefault(option.Dest) + 1;
    }

    private void Flag(ArgOption option, Result result, TextWriter stdout)
    {
        if (option.Action == ArgAction.Help)
        {
            stdout.Write(help);
            stdout.Flush();
            throw new Exit(0);
        }
        result.Counts[option.Dest] = result.Counts.GetValueOrDefault(option.Dest) + 1;
    }

    /// <summary><c>int(value)</c> for a command-line string: surrounding whitespace, a sign,
    /// digits with single underscores between them.</summary>
    public static bool TryParseInt(string value, out int result)
    {
        var s = value.Trim().Replace("_", "", StringComparison.Ordinal);
        var ok = value.Trim().Length > 0 && !value.Trim().StartsWith('_') && !value.Trim().EndsWith('_') && !value.Contains("__", StringComparison.Ordinal);
        return int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result) && ok;
    }
}
