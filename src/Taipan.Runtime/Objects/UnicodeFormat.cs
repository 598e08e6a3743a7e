// Objects/stringlib/unicode_format.h
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

/// <summary><c>str.format</c> and <c>str.format_map</c>: literal text, <c>{{</c> and
/// <c>}}</c> escapes, and replacement fields <c>{name.attr[key]!conv:spec}</c> whose spec may
/// hold one more level of fields.</summary>
public static class UnicodeFormat
{
    private enum Numbering
    {
        Init,
        Auto,
        Manual,
    }

    /// <summary>The arguments a format string draws its fields from: positional arguments
    /// (null for format_map) and keywords or a mapping.</summary>
    private sealed class Source(PyObject[]? positional, string[]? kwNames, PyObject[]? kwValues, PyObject? mapping)
    {
        public Numbering State;
        public int NextField;

        public PyObject Positional(long index)
        {
            if (positional is null)
            {
                throw PyErr.ValueError("Format string contains positional fields");
            }
            if (index >= positional.Length)
            {
                throw PyErr.IndexError($"Replacement index {index} out of range for positional args tuple");
            }
            return positional[index];
        }

        public PyObject Keyword(string name)
        {
            if (mapping is not null)
            {
                return mapping.Type.Slots.GetItem is { } get
                    ? get(mapping, new PyStr(name))
                    : throw PyErr.TypeError($"'{mapping.Type.Name}' object is not subscriptable");
            }
            if (kwNames is not null)
            {
                var i = Array.IndexOf(kwNames, name);
                if (i >= 0)
                {
                    return kwValues![i];
                }
            }
            throw PyErr.KeyError(new PyStr(name));
        }
    }

    public static PyStr Format(string format, ReadOnlySpan<PyObject> args, PyTuple? kwnames, PyObject? mapping)
    {
        Source source;
        if (mapping is not null)
        {
            source = new Source(null, null, null, mapping);
        }
        else
        {
            var nkw = kwnames?.Count ?? 0;
            var npos = args.Length - nkw;
            var names = new string[nkw];
            for (var k = 0; k < nkw; k++)
            {
                names[k] = ((PyStr)kwnames![k]).Value;
            }
            source = new Source(args[..npos].ToArray(), names, args[npos..].ToArray(), null);
        }
        var sb = new StringBuilder(format.Length + 16);
        Build(sb, format, source, 2);
        return new PyStr(sb.ToString());
    }

    /// <summary>One step of a format string (<c>MarkupIterator_next</c>): literal text, then the
    /// replacement field after it when <see cref="FieldPresent"/>. An escaped brace ends the
    /// literal with the brace itself. Positions index the format string.</summary>
    public readonly record struct Markup(int LiteralStart, int LiteralEnd, bool FieldPresent, int NameStart, int NameEnd,
        char Conversion, int SpecStart, int SpecEnd, bool SpecNeedsExpanding);

    /// <summary>The next piece of <paramref name="s"/> from <paramref name="pos"/>, false at the
    /// end; malformed markup raises ValueError with CPython's messages. <c>string.Formatter</c>
    /// (<c>_string.formatter_parser</c>) iterates with this too.</summary>
    public static bool NextMarkup(string s, ref int pos, out Markup markup)
    {
        markup = default;
        if (pos >= s.Length)
        {
            return false;
        }
        // Literal text up to a brace; a doubled brace is one literal brace.
        var start = pos;
        var c = '\0';
        while (pos < s.Length)
        {
            c = s[pos++];
            if (c is '{' or '}')
            {
                break;
            }
            c = '\0';
        }
        var atEnd = pos >= s.Length;
        if (c == '}' && (atEnd || s[pos] != '}'))
        {
            throw PyErr.ValueError("Single '}' encountered in format string");
        }
        if (atEnd && c == '{')
        {
            throw PyErr.ValueError("Single '{' encountered in format string");
        }
        if (c == '\0')
        {
            markup = new Markup(start, pos, false, 0, 0, '\0', 0, 0, false);
            return true;
        }
        if (s[pos] == c)
        {
            pos++;
            markup = new Markup(start, pos - 1, false, 0, 0, '\0', 0, 0, false);
            return true;
        }
        var literalEnd = pos - 1;
        markup = ParseField(s, ref pos) with { LiteralStart = start, LiteralEnd = literalEnd };
        return true;
    }

    /// <summary><c>parse_field</c>: the field starting after its '{', up to its closing '}'.</summary>
    private static Markup ParseField(string s, ref int pos)
    {
        var nameStart = pos;
        var c = '\0';
        while (pos < s.Length)
        {
            c = s[pos++];
            if (c == '{')
            {
                throw PyErr.ValueError("unexpected '{' in field name");
            }
            if (c == '[')
            {
                while (pos < s.Length && s[pos] != ']')
                {
                    pos++;
                }
                c = '\0';
                continue;
            }
            if (c is '}' or ':' or '!')
            {
                break;
            }
            c = '\0';
        }
        var nameEnd = pos - 1;
        var conversion = '\0';
        int specStart = pos, specEnd = pos;
        var specNeedsExpanding = false;
        if (c is '!' or ':')
        {
            var done = false;
            if (c == '!')
            {
                if (pos >= s.Length)
                {
                    throw PyErr.ValueError("end of string while looking for conversion specifier");
                }
                conversion = s[pos++];
                if (pos < s.Length)
                {
                    var next = s[pos++];
                    if (next == '}')
                    {
                        done = true;
                        specStart = specEnd = pos;
                    }
                    else if (next != ':')
                    {
                        throw PyErr.ValueError("expected ':' after conversion specifier");
                    }
                }
            }
            if (!done)
            {
                specStart = pos;
                var count = 1;
                while (true)
                {
                    if (pos >= s.Length)
                    {
                        throw PyErr.ValueError("unmatched '{' in format spec");
                    }
                    var d = s[pos++];
                    if (d == '{')
                    {
                        specNeedsExpanding = true;
                        count++;
                    }
                    else if (d == '}' && --count == 0)
                    {
                        break;
                    }
                }
                specEnd = pos - 1;
            }
        }
        else if (c != '}')
        {
            throw PyErr.ValueError("expected '}' before end of string");
        }
        return new Markup(0, 0, true, nameStart, nameEnd, conversion, specStart, specEnd, specNeedsExpanding);
    }

    private static void Build(StringBuilder sb, string s, Source source, int depth)
    {
        if (depth <= 0)
        {
            throw PyErr.ValueError("Max string recursion exceeded");
        }
        var pos = 0;
        while (NextMarkup(s, ref pos, out var m))
        {
            sb.Append(s, m.LiteralStart, m.LiteralEnd - m.LiteralStart);
            if (m.FieldPresent)
            {
                Field(sb, s, m, source, depth);
            }
        }
    }

    /// <summary>Renders one replacement field.</summary>
    private static void Field(StringBuilder sb, string s, Markup m, Source source, int depth)
    {
        var obj = FieldObject(s, m.NameStart, m.NameEnd, source);
        if (m.Conversion != '\0')
        {
            var conversion = m.Conversion;
            obj = conversion switch
            {
                'r' => Ops.Repr(obj),
                's' => Ops.Str(obj),
                'a' => Ops.Ascii(obj),
                _ => throw PyErr.ValueError(conversion is > ' ' and < '\x7f'
                    ? $"Unknown conversion specifier {conversion}"
                    : $"Unknown conversion specifier \\x{(int)conversion:x}"),
            };
        }
        var spec = s[m.SpecStart..m.SpecEnd];
        if (m.SpecNeedsExpanding)
        {
            var expanded = new StringBuilder();
            Build(expanded, spec, source, depth - 1);
            spec = expanded.ToString();
        }
        sb.Append((Python.FormatterUnicode.FormatBuiltin(obj, spec) ?? Ops.Format(obj, new PyStr(spec))).Value);
    }

    /// <summary><c>field_name_split</c>: the end of a field name's first part (before any
    /// '.' or '[').</summary>
    public static int FirstFieldPartEnd(string s, int start, int end)
    {
        var i = start;
        while (i < end && s[i] is not ('.' or '['))
        {
            i++;
        }
        return i;
    }

    /// <summary><c>FieldNameIterator_next</c>: the next <c>.attr</c> or <c>[key]</c> of a field
    /// name from <paramref name="i"/>; false at <paramref name="end"/>.</summary>
    public static bool NextFieldPart(string s, ref int i, int end, out bool isAttribute, out string name)
    {
        isAttribute = false;
        name = "";
        if (i >= end)
        {
            return false;
        }
        var c = s[i++];
        if (c == '.')
        {
            isAttribute = true;
            var nameStart = i;
            while (i < end && s[i] is not ('.' or '['))
            {
                i++;
            }
            name = s[nameStart..i];
        }
        else if (c == '[')
        {
            var keyStart = i;
            while (i < end && s[i] != ']')
            {
                i++;
            }
            if (i >= end)
            {
                throw PyErr.ValueError("Missing ']' in format string");
            }
            name = s[keyStart..i];
            i++;
        }
        else
        {
            throw PyErr.ValueError("Only '.' or '[' may follow ']' in format field specifier");
        }
        if (name.Length == 0)
        {
            throw PyErr.ValueError("Empty attribute in format string");
        }
        return true;
    }

    /// <summary>The value a field name designates: an argument, then attributes and items.</summary>
    private static PyObject FieldObject(string s, int start, int end, Source source)
    {
        var i = FirstFieldPartEnd(s, start, end);
        var first = s[start..i];
        var index = Integer(first);
        var empty = first.Length == 0;
        if (empty || index != -1)
        {
            if (source.State == Numbering.Init)
            {
                source.State = empty ? Numbering.Auto : Numbering.Manual;
            }
            if (source.State == Numbering.Manual && empty)
            {
                throw PyErr.ValueError("cannot switch from manual field specification to automatic field numbering");
            }
            if (source.State == Numbering.Auto && !empty)
            {
                throw PyErr.ValueError("cannot switch from automatic field numbering to manual field specification");
            }
            if (empty)
            {
                index = source.NextField++;
            }
        }
        var obj = index == -1 ? source.Keyword(first) : source.Positional(index);
        while (NextFieldPart(s, ref i, end, out var isAttribute, out var name))
        {
            if (isAttribute)
            {
                obj = Ops.GetAttr(obj, new PyStr(name));
                continue;
            }
            var n = Integer(name);
            PyObject key = n == -1 ? new PyStr(name) : PyInt.From(n);
            obj = obj.Type.Slots.GetItem is { } get
                ? get(obj, key)
                : throw PyErr.TypeError($"'{obj.Type.Name}' object is not subscriptable");
        }
        return obj;
    }

    /// <summary><c>get_integer</c>: the value of an all-digit name, or -1.</summary>
    public static long Integer(string s)
    {
        if (s.Length == 0)
        {
            return -1;
        }
        long n = 0;
        foreach (var c in s)
        {
            var d = UnicodeCtype.DecimalValue(c);
            if (d < 0)
            {
                return -1;
            }
            if (n > (long.MaxValue - d) / 10)
            {
                throw PyErr.ValueError("Too many decimal digits in format string");
            }
            n = n * 10 + d;
        }
        return n;
    }
}
