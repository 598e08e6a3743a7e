// Python/pystrtod.c (PyOS_string_to_double)
using System.Globalization;
using System.Text;
using Taipan.Syntax.Errors;

namespace Taipan.Bytecode;

/// <summary>The text floats of marshal versions 0 and 1: CPython's <c>PyOS_string_to_double</c>
/// without an overflow exception (overflow gives ±inf): an optional sign, then digits with an
/// optional point and exponent, or inf / infinity / nan in any case; nothing else, not even
/// spaces. The text ends at a NUL byte, as the C string does.</summary>
internal static class FloatText
{
    public static double Parse(ReadOnlySpan<byte> data)
    {
        var nul = data.IndexOf((byte)0);
        if (nul >= 0)
        {
            data = data[..nul];
        }

        if (TryParse(data, out var value))
        {
            return value;
        }

        var text = Encoding.UTF8.GetString(data);
        if (text.Length > 200)
        {
            text = text[..200];
        }

        throw new PythonException("ValueError", $"could not convert string to float: '{text}'");
    }

    private static bool TryParse(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            negative = s[i] == '-';
            i++;
        }

        var rest = s[i..];
        if (EqualsIgnoreCase(rest, "inf") || EqualsIgnoreCase(rest, "infinity"))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (EqualsIgnoreCase(rest, "nan"))
        {
            value = double.NaN;
            return true;
        }

        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit((char)s[i]))
        {
            i++;
            digits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit((char)s[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            var j = i + 1;
            if (j < s.Length && (s[j] == '+' || s[j] == '-'))
            {
                j++;
            }

            var expDigits = 0;
            while (j < s.Length && char.IsAsciiDigit((char)s[j]))
            {
                j++;
                expDigits++;
            }

            // strtod leaves a bare "e" unconsumed, which then is trailing garbage.
            if (expDigits == 0)
            {
                return false;
            }

            i = j;
        }

        if (i != s.Length)
        {
            return false;
        }

        value = double.Parse(Encoding.ASCII.GetString(s), NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> s, string word)
    {
        if (s.Length != word.Length)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (char.ToLowerInvariant((char)s[i]) != word[i])
            {
                return false;
            }
        }

        return true;
    }
}
