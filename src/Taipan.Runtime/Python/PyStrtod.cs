// Python/pystrtod.c
using System.Globalization;

namespace Taipan.Runtime.Python;

/// <summary><c>PyOS_double_to_string</c>: a float in the 'e', 'f', 'g' or 'r' (repr) style,
/// correctly rounded. .NET's "E" and "F" formats are exact for any precision, so the digits
/// come from them and only the layout is Python's.</summary>
public static class PyStrtod
{
    /// <summary>Formats <paramref name="v"/>. <paramref name="code"/> is one of e E f F g G r;
    /// <paramref name="alternate"/> is the '#' flag (keep the point and trailing zeros);
    /// <paramref name="addDot0"/> appends ".0" when the result looks like an integer.</summary>
    public static string DoubleToString(double v, char code, int precision, bool alternate = false, bool addDot0 = false)
    {
        var upper = code is 'E' or 'F' or 'G';
        if (double.IsNaN(v))
        {
            return upper ? "NAN" : "nan";
        }
        if (double.IsInfinity(v))
        {
            var inf = upper ? "INF" : "inf";
            return v < 0 ? "-" + inf : inf;
        }
        string s;
        switch (char.ToLowerInvariant(code))
        {
            case 'r':
                s = Taipan.Syntax.Ast.PyRepr.Float(v);
                // The alternate form keeps a point even before an exponent: 1.e+16.
                if (alternate && !s.Contains('.') && s.IndexOf('e') is var e and > 0)
                {
                    s = s.Insert(e, ".");
                }
                return s;
            case 'f':
                s = Fixed(v, precision);
                if (alternate && precision == 0)
                {
                    s += ".";
                }
                break;
            case 'e':
                s = Exponent(v, precision, upper);
                if (alternate && precision == 0)
                {
                    s = s.Insert(s.IndexOf(upper ? 'E' : 'e'), ".");
                }
                break;
            default:
                s = General(v, precision == 0 ? 1 : precision, alternate, upper, addDot0);
                break;
        }
        if (addDot0 && s.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            s += ".0";
        }
        return s;
    }

    private static readonly string[] s_fixedFormats = ["F0", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10"];

    private static string Fixed(double v, int precision)
    {
        // .NET keeps the sign of negative zero, as C does.
        return v.ToString(precision < s_fixedFormats.Length ? s_fixedFormats[precision] : "F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string Exponent(double v, int precision, bool upper)
    {
        var s = v.ToString((upper ? "E" : "e") + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        // .NET writes at least three exponent digits; C writes at least two.
        var e = s.IndexOf(upper ? 'E' : 'e');
        var sign = s[e + 1];
        var digits = s.AsSpan(e + 2).TrimStart('0');
        var exp = digits.Length == 0 ? "00" : digits.Length == 1 ? "0" + digits.ToString() : digits.ToString();
        return string.Concat(s.AsSpan(0, e + 1), sign.ToString(), exp);
    }

    /// <summary>The decimal exponent of <paramref name="v"/> once rounded to
    /// <paramref name="digits"/> significant digits.</summary>
    private static int DecimalExponent(double v, int digits)
    {
        if (v == 0)
        {
            return 0;
        }
        var s = v.ToString("E" + (digits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return int.Parse(s.AsSpan(s.IndexOf('E') + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    /// <summary>The 'g' style. With <paramref name="addDot0"/> (format's default type with a
    /// precision) the exponent form starts one digit earlier, as in CPython.</summary>
    private static string General(double v, int precision, bool alternate, bool upper, bool addDot0)
    {
        var x = DecimalExponent(v, precision);
        string s;
        if (x >= -4 && x < (addDot0 ? precision - 1 : precision))
        {
            s = Fixed(v, precision - 1 - x);
            if (!alternate)
            {
                s = TrimZeros(s);
            }
            else if (!s.Contains('.'))
            {
                s += ".";
            }
            return s;
        }
        s = Exponent(v, precision - 1, upper);
        var e = s.IndexOf(upper ? 'E' : 'e');
        var mantissa = s[..e];
        if (!alternate)
        {
            mantissa = TrimZeros(mantissa);
        }
        else if (!mantissa.Contains('.'))
        {
            mantissa += ".";
        }
        return mantissa + s[e..];
    }

    private static string TrimZeros(string s)
    {
        if (!s.Contains('.'))
        {
            return s;
        }
        s = s.TrimEnd('0');
        return s.EndsWith('.') ? s[..^1] : s;
    }
}
