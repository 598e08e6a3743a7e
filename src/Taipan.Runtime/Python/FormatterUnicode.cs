// Python/formatter_unicode.c
using System.Globalization;
using System.Numerics;
using System.Text;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>The format-specification mini-language of <c>format()</c>, <c>str.format</c> and
/// f-strings for str, int and float: <c>[[fill]align][sign][z][#][0][width][grouping][.precision][type]</c>.</summary>
public static class FormatterUnicode
{
    private struct Spec
    {
        public string Fill;
        public char Align;
        public char Sign;
        public bool NoNegativeZero;
        public bool Alternate;
        public long Width;
        public char Thousands;
        public long Precision;
        public char Type;

        /// <summary>The type as a code point, for messages (it may lie outside the BMP).</summary>
        public int TypeCodePoint;
    }

    private static bool IsAlign(char c) => c is '<' or '>' or '=' or '^';

    /// <summary><c>parse_internal_render_format_spec</c>.</summary>
    private static Spec Parse(string s, PyObject obj, char defaultType, char defaultAlign)
    {
        var spec = new Spec { Fill = " ", Align = defaultAlign, Width = -1, Precision = -1, Type = defaultType };
        var pos = 0;
        var end = s.Length;
        var fillSpecified = false;
        var alignSpecified = false;
        var firstLen = end > 0 && PyStr.IsPairAt(s, 0) ? 2 : 1;
        if (end - pos >= firstLen + 1 && IsAlign(s[firstLen]))
        {
            spec.Fill = s[..firstLen];
            spec.Align = s[firstLen];
            fillSpecified = alignSpecified = true;
            pos = firstLen + 1;
        }
        else if (end - pos >= 1 && IsAlign(s[pos]))
        {
            spec.Align = s[pos++];
            alignSpecified = true;
        }
        if (pos < end && s[pos] is '+' or '-' or ' ')
        {
            spec.Sign = s[pos++];
        }
        if (pos < end && s[pos] == 'z')
        {
            spec.NoNegativeZero = true;
            pos++;
        }
        if (pos < end && s[pos] == '#')
        {
            spec.Alternate = true;
            pos++;
        }
        if (pos < end && s[pos] == '0' && !fillSpecified)
        {
            spec.Fill = "0";
            if (!alignSpecified && defaultAlign == '>')
            {
                spec.Align = '=';
            }
            pos++;
        }
        var consumed = Integer(s, ref pos);
        if (consumed >= 0)
        {
            spec.Width = consumed;
        }
        if (pos < end && s[pos] == ',')
        {
            spec.Thousands = ',';
            pos++;
        }
        if (pos < end && s[pos] == '_')
        {
            if (spec.Thousands != '\0')
            {
                throw PyErr.ValueError("Cannot specify both ',' and '_'.");
            }
            spec.Thousands = '_';
            pos++;
        }
        if (pos < end && s[pos] == ',' && spec.Thousands == '_')
        {
            throw PyErr.ValueError("Cannot specify both ',' and '_'.");
        }
        if (pos < end && s[pos] == '.')
        {
            pos++;
            var p = Integer(s, ref pos);
            if (p < 0)
            {
                throw PyErr.ValueError("Format specifier missing precision");
            }
            spec.Precision = p;
        }
        if (end - pos == 2 && PyStr.IsPairAt(s, pos))
        {
            // One astral code point: never a valid type, but named as one in the message.
            spec.Type = '\uffff';
            spec.TypeCodePoint = char.ConvertToUtf32(s[pos], s[pos + 1]);
        }
        else if (end - pos > 1)
        {
            throw PyErr.ValueError($"Invalid format specifier '{s}' for object of type '{obj.Type.Name}'");
        }
        else if (end - pos == 1)
        {
            spec.Type = s[pos];
        }
        if (spec.TypeCodePoint == 0)
        {
            spec.TypeCodePoint = spec.Type;
        }
        if (spec.Thousands != '\0')
        {
            var ok = spec.Type is 'd' or 'e' or 'f' or 'g' or 'E' or 'G' or '%' or 'F' or '\0'
                || (spec.Thousands == '_' && spec.Type is 'b' or 'o' or 'x' or 'X');
            if (!ok)
            {
                throw PyErr.ValueError(spec.TypeCodePoint is >= ' ' and < 0x7f
                    ? $"Cannot specify '{spec.Thousands}' with '{spec.Type}'."
                    : $"Cannot specify '{spec.Thousands}' with '\\x{spec.TypeCodePoint:x}'.");
            }
        }
        return spec;
    }

    /// <summary>A run of decimal digits as a number, or -1 when there is none.</summary>
    private static long Integer(string s, ref int pos)
    {
        long n = -1;
        while (pos < s.Length)
        {
            var d = UnicodeCtype.DecimalValue(s[pos]);
            if (d < 0)
            {
                break;
            }
            if (n < 0)
            {
                n = 0;
            }
            if (n > (long.MaxValue - d) / 10)
            {
                throw PyErr.ValueError("Too many decimal digits in format string");
            }
            n = n * 10 + d;
            pos++;
        }
        return n;
    }

    private static PyException UnknownType(in Spec spec, PyObject obj) =>
        PyErr.ValueError(spec.TypeCodePoint is > ' ' and < 0x7f
            ? $"Unknown format code '{spec.Type}' for object of type '{obj.Type.Name}'"
            : $"Unknown format code '\\x{spec.TypeCodePoint:x}' for object of type '{obj.Type.Name}'");

    /// <summary>Pads <paramref name="body"/> (of <paramref name="length"/> code points) to the width.</summary>
    private static string Pad(string body, long length, in Spec spec)
    {
        if (spec.Width <= length)
        {
            return body;
        }
        var total = spec.Width - length;
        if (total > int.MaxValue / 4)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
        var left = spec.Align switch
        {
            '>' => total,
            '^' => total / 2,
            _ => 0,
        };
        var sb = new StringBuilder(body.Length + (int)total * spec.Fill.Length);
        Repeat(sb, spec.Fill, left);
        sb.Append(body);
        Repeat(sb, spec.Fill, total - left);
        return sb.ToString();
    }

    private static void Repeat(StringBuilder sb, string fill, long n)
    {
        if (fill.Length == 1)
        {
            sb.Append(fill[0], (int)n);
            return;
        }
        for (var i = 0; i < n; i++)
        {
            sb.Append(fill);
        }
    }

    /// <summary>The formatters of the exact builtin types, called without looking up
    /// <c>__format__</c> (as CPython's <c>render_field</c> and <c>PyObject_Format</c> do);
    /// null for any other object.</summary>
    public static PyStr? FormatBuiltin(PyObject value, string spec)
    {
        var t = value.GetType();
        if (t == typeof(PyStr))
        {
            return FormatStr((PyStr)value, spec);
        }
        if (t == typeof(PyInt))
        {
            return spec.Length == 0 ? new PyStr(((PyInt)value).ToDecimalString()) : FormatInt((PyInt)value, spec);
        }
        if (t == typeof(PyFloat))
        {
            return FormatFloat((PyFloat)value, spec);
        }
        return null;
    }

    // ---- str ----

    public static PyStr FormatStr(PyStr value, string format)
    {
        if (format.Length == 0)
        {
            return value.GetType() == typeof(PyStr) ? value : new PyStr(value.Value);
        }
        var spec = Parse(format, value, 's', '<');
        if (spec.Type != 's')
        {
            throw UnknownType(spec, value);
        }
        if (spec.Sign == ' ')
        {
            throw PyErr.ValueError("Space not allowed in string format specifier");
        }
        if (spec.Sign != '\0')
        {
            throw PyErr.ValueError("Sign not allowed in string format specifier");
        }
        if (spec.NoNegativeZero)
        {
            throw PyErr.ValueError("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (spec.Alternate)
        {
            throw PyErr.ValueError("Alternate form (#) not allowed in string format specifier");
        }
        if (spec.Align == '=')
        {
            throw PyErr.ValueError("'=' alignment not allowed in string format specifier");
        }
        var s = value.Value;
        long length = value.CodePointCount;
        if (spec.Precision >= 0 && spec.Precision < length)
        {
            length = spec.Precision;
            s = s[..value.CharOffset((int)length)];
        }
        return new PyStr(Pad(s, length, spec));
    }

    // ---- numbers ----

    /// <summary>Lays out a number: sign, prefix, digits grouped as asked, the rest (fraction,
    /// exponent, '%'), then the padding the alignment asks for. With '0' padding and '='
    /// alignment the padding zeros are grouped too.</summary>
    private static string LayoutNumber(bool negative, string prefix, string digits, string rest, in Spec spec, int groupSize)
    {
        var sign = negative ? "-" : spec.Sign switch { '+' => "+", ' ' => " ", _ => "" };
        // Infinities and NaNs have no digits to group: their zeros are plain padding.
        var zeroPadGrouped = spec.Thousands != '\0' && spec.Fill == "0" && spec.Align == '=' && digits.Length > 0;
        var minDigits = zeroPadGrouped ? spec.Width - sign.Length - prefix.Length - rest.Length : 0;
        var grouped = spec.Thousands != '\0' && digits.Length > 0 ? Group(digits, spec.Thousands, groupSize, minDigits) : digits;
        var length = sign.Length + prefix.Length + grouped.Length + rest.Length;
        if (spec.Align == '=' && spec.Width > length)
        {
            var sb = new StringBuilder();
            sb.Append(sign).Append(prefix);
            Repeat(sb, spec.Fill, spec.Width - length);
            return sb.Append(grouped).Append(rest).ToString();
        }
        return Pad(string.Concat(sign, prefix, grouped, rest), length, spec);
    }

    private static string Group(string digits, char separator, int size, long minWidth)
    {
        var reversed = new StringBuilder(digits.Length + digits.Length / size + 1);
        var count = 0;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (count == size)
            {
                reversed.Append(separator);
                count = 0;
            }
            reversed.Append(digits[i]);
            count++;
        }
        while (reversed.Length < minWidth)
        {
            if (count == size)
            {
                reversed.Append(separator);
                count = 0;
            }
            else
            {
                reversed.Append('0');
                count++;
            }
        }
        // A group never starts the number with a separator.
        if (reversed.Length > 0 && reversed[^1] == separator)
        {
            reversed.Append('0');
        }
        var chars = new char[reversed.Length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = reversed[chars.Length - 1 - i];
        }
        return new string(chars);
    }

    /// <summary>The digits of a non-negative integer in base 2, 8, 10 or 16.</summary>
    public static string ToBase(BigInteger value, int radix, bool upper = false)
    {
        if (value.Sign == 0)
        {
            return "0";
        }
        if (value <= ulong.MaxValue)
        {
            var u = (ulong)value;
            if (radix == 10)
            {
                return u.ToString(CultureInfo.InvariantCulture);
            }
            var buf = new char[64];
            var p = buf.Length;
            var shift = radix == 2 ? 1 : radix == 8 ? 3 : 4;
            var digitChars = upper ? "0123456789ABCDEF" : "0123456789abcdef";
            while (u != 0)
            {
                buf[--p] = digitChars[(int)(u & (ulong)(radix - 1))];
                u >>= shift;
            }
            return new string(buf, p, buf.Length - p);
        }
        if (radix == 10)
        {
            return PyInt.From(value).ToDecimalString();
        }
        // 60 bits at a time: a multiple of 1, 3 and 4 bits.
        var parts = new List<string>();
        var mask = (BigInteger.One << 60) - 1;
        while (value > ulong.MaxValue)
        {
            var chunk = ToBase(value & mask, radix, upper);
            var width = radix == 2 ? 60 : radix == 8 ? 20 : 15;
            parts.Add(chunk.PadLeft(width, '0'));
            value >>= 60;
        }
        parts.Add(ToBase(value, radix, upper));
        parts.Reverse();
        return string.Concat(parts);
    }

    public static PyStr FormatInt(PyInt value, string format)
    {
        if (format.Length == 0)
        {
            return Abstract.Ops.Str(value);
        }
        var spec = Parse(format, value, 'd', '>');
        switch (spec.Type)
        {
            case 'b' or 'c' or 'd' or 'o' or 'x' or 'X' or 'n':
                break;
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%':
                return new PyStr(FloatWithSpec(IntToDouble(value), spec));
            default:
                throw UnknownType(spec, value);
        }
        if (spec.Precision != -1)
        {
            throw PyErr.ValueError("Precision not allowed in integer format specifier");
        }
        if (spec.NoNegativeZero)
        {
            throw PyErr.ValueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        var v = value.Value;
        if (spec.Type == 'c')
        {
            if (spec.Sign != '\0')
            {
                throw PyErr.ValueError("Sign not allowed with integer format specifier 'c'");
            }
            if (spec.Alternate)
            {
                throw PyErr.ValueError("Alternate form (#) not allowed with integer format specifier 'c'");
            }
            if (!value.IsSmall)
            {
                throw PyErr.OverflowError("Python int too large to convert to C long");
            }
            if (v < 0 || v > 0x10ffff)
            {
                throw PyErr.OverflowError("%c arg not in range(0x110000)");
            }
            var ch = PyStr.FromCodePoint((int)v);
            return new PyStr(LayoutNumber(false, "", ch.Value, "", spec, 3));
        }
        var negative = v.Sign < 0;
        var abs = BigInteger.Abs(v);
        string digits, prefix = "";
        var groupSize = 3;
        switch (spec.Type)
        {
            case 'b':
                digits = ToBase(abs, 2);
                prefix = "0b";
                groupSize = 4;
                break;
            case 'o':
                digits = ToBase(abs, 8);
                prefix = "0o";
                groupSize = 4;
                break;
            case 'x':
                digits = ToBase(abs, 16);
                prefix = "0x";
                groupSize = 4;
                break;
            case 'X':
                digits = ToBase(abs, 16, upper: true);
                prefix = "0X";
                groupSize = 4;
                break;
            default:
                digits = ToBase(abs, 10);
                break;
        }
        return new PyStr(LayoutNumber(negative, spec.Alternate ? prefix : "", digits, "", spec, groupSize));
    }

    public static double IntToDouble(PyInt value)
    {
        if (value.IsSmall)
        {
            return value.Small;
        }
        var d = (double)value.Value;
        return double.IsInfinity(d) ? throw PyErr.OverflowError("int too large to convert to float") : d;
    }

    public static PyStr FormatFloat(PyFloat value, string format)
    {
        if (format.Length == 0)
        {
            return Abstract.Ops.Str(value);
        }
        var spec = Parse(format, value, '\0', '>');
        switch (spec.Type)
        {
            case '\0' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or 'n' or '%':
                return new PyStr(FloatWithSpec(value.Value, spec));
            default:
                throw UnknownType(spec, value);
        }
    }

    /// <summary><c>format_float_internal</c>.</summary>
    private static string FloatWithSpec(double v, Spec spec)
    {
        var type = spec.Type;
        var precision = spec.Precision;
        var addDot0 = false;
        var percent = false;
        var defaultPrecision = 6;
        if (type == '\0')
        {
            addDot0 = true;
            type = 'r';
            defaultPrecision = 0;
        }
        if (type == 'n')
        {
            type = 'g';
        }
        if (type == '%')
        {
            type = 'f';
            v *= 100;
            percent = true;
        }
        if (precision < 0)
        {
            precision = defaultPrecision;
        }
        else if (type == 'r')
        {
            type = 'g';
        }
        if (precision > int.MaxValue / 2)
        {
            throw PyErr.ValueError("precision too big");
        }
        var s = PyStrtod.DoubleToString(v, type, (int)precision, spec.Alternate, addDot0);
        if (spec.NoNegativeZero && s.StartsWith('-') && IsZeroText(s))
        {
            s = s[1..];
        }
        var negative = s.StartsWith('-');
        if (spec.Thousands == '\0' && spec.Width <= s.Length + (percent ? 1 : 0) && (negative || spec.Sign is '\0' or '-'))
        {
            // Nothing to group, pad or sign: the text is the result.
            return percent ? s + "%" : s;
        }
        if (negative)
        {
            s = s[1..];
        }
        if (percent)
        {
            s += "%";
        }
        var intEnd = 0;
        while (intEnd < s.Length && char.IsAsciiDigit(s[intEnd]))
        {
            intEnd++;
        }
        return LayoutNumber(negative, "", s[..intEnd], s[intEnd..], spec, 3);
    }

    /// <summary>True when a formatted number has no non-zero digit (before any exponent).</summary>
    public static bool IsZeroText(string s)
    {
        foreach (var c in s)
        {
            if (c is 'e' or 'E')
            {
                break;
            }
            if (c is >= '1' and <= '9' || c is 'i' or 'n' or 'I' or 'N')
            {
                return false;
            }
        }
        return true;
    }
}
