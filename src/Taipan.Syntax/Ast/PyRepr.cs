// Objects/unicodeobject.c (unicode_repr), Objects/bytesobject.c, Python/pystrtod.c
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Taipan.Syntax.Ast;

/// <summary>Python's <c>repr</c> of the values a <c>Constant</c> node can hold.</summary>
public static class PyRepr
{
    public static string Constant(object? value) => value switch
    {
        null => "None",
        ConstantSingleton s => s.Repr,
        bool b => b ? "True" : "False",
        BigInteger i => i.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Float(d),
        Complex c => ComplexRepr(c),
        string s => Str(s),
        CodePointStr c => Str(c.CodePoints),
        byte[] b => Bytes(b),
        _ => throw new InvalidOperationException($"not a constant: {value.GetType().Name}"),
    };

    public static string Str(string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        for (var i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            AppendCodePoint(sb, cp, quote);
        }
        sb.Append(quote);
        return sb.ToString();
    }

    /// <summary><c>repr</c> of a str given as code points (see <see cref="CodePointStr"/>).</summary>
    public static string Str(ReadOnlySpan<int> codePoints)
    {
        var quote = codePoints.Contains('\'') && !codePoints.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(codePoints.Length + 2);
        sb.Append(quote);
        foreach (var cp in codePoints)
        {
            AppendCodePoint(sb, cp, quote);
        }
        sb.Append(quote);
        return sb.ToString();
    }

    private static void AppendCodePoint(StringBuilder sb, int cp, char quote)
    {
        if (cp == quote || cp == '\\')
        {
            sb.Append('\\').Append((char)cp);
        }
        else if (cp == '\t')
        {
            sb.Append("\\t");
        }
        else if (cp == '\n')
        {
            sb.Append("\\n");
        }
        else if (cp == '\r')
        {
            sb.Append("\\r");
        }
        else if (cp < ' ' || cp == 0x7f)
        {
            sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (cp < 0x7f)
        {
            sb.Append((char)cp);
        }
        else if (IsPrintable(cp))
        {
            sb.Append(cp is >= 0xd800 and <= 0xdfff ? ((char)cp).ToString() : char.ConvertFromUtf32(cp));
        }
        else if (cp <= 0xff)
        {
            sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (cp <= 0xffff)
        {
            sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>CPython's <c>Py_UNICODE_ISPRINTABLE</c>, from Unicode 14.0 (.NET's data is
    /// newer): everything but the categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the
    /// space.</summary>
    public static bool IsPrintable(int cp) => Unicode.UnicodePrintable.IsPrintable(cp);

    public static string Bytes(ReadOnlySpan<byte> b)
    {
        var quote = b.Contains((byte)'\'') && !b.Contains((byte)'"') ? '"' : '\'';
        var sb = new StringBuilder(b.Length + 3);
        sb.Append('b').Append(quote);
        foreach (var c in b)
        {
            if (c == quote || c == '\\')
            {
                sb.Append('\\').Append((char)c);
            }
            else if (c == '\t')
            {
                sb.Append("\\t");
            }
            else if (c == '\n')
            {
                sb.Append("\\n");
            }
            else if (c == '\r')
            {
                sb.Append("\\r");
            }
            else if (c < ' ' || c >= 0x7f)
            {
                sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append((char)c);
            }
        }
        sb.Append(quote);
        return sb.ToString();
    }

    /// <summary><c>repr(float)</c>: the shortest digits that round-trip, in fixed notation
    /// when the decimal exponent is in (-4, 16], in scientific notation otherwise.</summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }
        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0)
        {
            return double.IsNegative(d) ? "-0.0" : "0.0";
        }
        var (negative, digits, decpt) = ShortestDigits(d);
        var sb = new StringBuilder(24);
        if (negative)
        {
            sb.Append('-');
        }
        if (decpt is > -4 and <= 16)
        {
            if (decpt <= 0)
            {
                sb.Append("0.").Append('0', -decpt).Append(digits);
            }
            else if (decpt >= digits.Length)
            {
                sb.Append(digits).Append('0', decpt - digits.Length).Append(".0");
            }
            else
            {
                sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
            }
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }
            var exp = decpt - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>The shortest round-trip digits of a finite non-zero double, with the
    /// position of the decimal point: value = 0.DIGITS * 10**decpt.</summary>
    public static (bool Negative, string Digits, int DecimalPoint) ShortestDigits(double d)
    {
        // "R" gives the shortest round-trip string, except for rare values where .NET's answer
        // does not round-trip (2**-25); then the shortest correctly rounded one that does.
        var abs = Math.Abs(d);
        var s = abs.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(s, CultureInfo.InvariantCulture) != abs)
        {
            for (var precision = 1; precision <= 17; precision++)
            {
                s = abs.ToString("E" + (precision - 1), CultureInfo.InvariantCulture);
                if (double.Parse(s, CultureInfo.InvariantCulture) == abs)
                {
                    break;
                }
            }
        }
        var exp = 0;
        var e = s.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            s = s[..e];
        }
        var dot = s.IndexOf('.');
        var intPart = dot >= 0 ? s[..dot] : s;
        var frac = dot >= 0 ? s[(dot + 1)..] : "";
        var all = intPart + frac;
        var decpt = intPart.Length + exp;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }
        all = all[lead..];
        decpt -= lead;
        all = all.TrimEnd('0');
        return (double.IsNegative(d), all.Length == 0 ? "0" : all, decpt);
    }

    /// <summary><c>repr(complex)</c>: <c>1j</c> for a zero real part, <c>(1+2j)</c> otherwise.</summary>
    public static string ComplexRepr(Complex c)
    {
        var imag = FloatNoDotZero(c.Imaginary);
        if (c.Real == 0 && !double.IsNegative(c.Real))
        {
            return imag + "j";
        }
        var real = FloatNoDotZero(c.Real);
        var sign = c.Imaginary >= 0 || double.IsNaN(c.Imaginary) ? "+" : "";
        return $"({real}{sign}{imag}j)";
    }

    private static string FloatNoDotZero(double d)
    {
        var s = Float(d);
        return s.EndsWith(".0", StringComparison.Ordinal) ? s[..^2] : s;
    }
}
