// Parser/pegen.c (parsenumber, parsenumber_raw, _PyPegen_number_token)
using System.Globalization;
using System.Numerics;
using Taipan.Syntax.Tokenizer;

namespace Taipan.Syntax.Parser;

public static partial class StringParser
{
    /// <summary><c>sys.get_int_max_str_digits()</c>: the most digits a decimal int literal may
    /// have (0: no limit). The runtime changes it with <c>sys.set_int_max_str_digits</c>.</summary>
    public static int IntMaxStrDigits { get; set; } = 4300;

    /// <summary>Below this many digits the limit is never checked (CPython's threshold).</summary>
    private const int MaxStrDigitsThreshold = 640;

    /// <summary>The value of a NUMBER token (already validated by the tokenizer).</summary>
    internal static object ParseNumber(IStringParserHost p, Token t)
    {
        var text = p.Utf8.AsSpan(t.Start, t.End - t.Start);
        byte[]? rented = null;
        if (text.IndexOf((byte)'_') >= 0)
        {
            rented = new byte[text.Length];
            var n = 0;
            foreach (var b in text)
            {
                if (b != '_')
                {
                    rented[n++] = b;
                }
            }
            text = rented.AsSpan(0, n);
        }
        var last = text[^1] | 0x20;
        if (last == 'j')
        {
            return new Complex(0, ParseFloat(text[..^1]));
        }
        if (text.Length > 1 && text[0] == '0')
        {
            var radix = text[1] | 0x20;
            if (radix == 'x')
            {
                return ParsePowerOfTwo(text[2..], 4);
            }
            if (radix == 'o')
            {
                return ParsePowerOfTwo(text[2..], 3);
            }
            if (radix == 'b')
            {
                return ParsePowerOfTwo(text[2..], 1);
            }
        }
        foreach (var b in text)
        {
            if (b is (byte)'.' or (byte)'e' or (byte)'E')
            {
                return ParseFloat(text);
            }
        }
        return ParseDecimal(p, t, text);
    }

    private static double ParseFloat(ReadOnlySpan<byte> text) =>
        double.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    private static BigInteger ParseDecimal(IStringParserHost p, Token t, ReadOnlySpan<byte> digits)
    {
        if (digits.Length <= 18)
        {
            long v = 0;
            foreach (var b in digits)
            {
                v = v * 10 + (b - '0');
            }
            return v;
        }
        // Leading zeros are only allowed in "000..." literals, which are 0.
        if (digits[0] == '0')
        {
            return BigInteger.Zero;
        }
        var max = IntMaxStrDigits;
        if (digits.Length > MaxStrDigitsThreshold && max > 0 && digits.Length > max)
        {
            var message = string.Create(CultureInfo.InvariantCulture,
                $"Exceeds the limit ({max} digits) for integer string conversion: value has {digits.Length} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.");
            // Columns are left out on purpose (no wall of carets under a huge literal).
            throw p.SyntaxErrorKnownLocation(message, t.Lineno, -1, t.EndLineno, -1);
        }
        return BigInteger.Parse(System.Text.Encoding.ASCII.GetString(digits), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>Hexadecimal, octal and binary digits, <paramref name="bits"/> bits each.</summary>
    private static BigInteger ParsePowerOfTwo(ReadOnlySpan<byte> digits, int bits)
    {
        if (digits.Length * bits <= 63)
        {
            long v = 0;
            foreach (var b in digits)
            {
                v = (v << bits) + DigitValue(b);
            }
            return v;
        }
        var bytes = new byte[(digits.Length * bits + 7) / 8 + 1];
        int acc = 0, accBits = 0, at = 0;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            acc |= DigitValue(digits[i]) << accBits;
            accBits += bits;
            while (accBits >= 8)
            {
                bytes[at++] = (byte)acc;
                acc >>= 8;
                accBits -= 8;
            }
        }
        if (accBits > 0)
        {
            bytes[at] = (byte)acc;
        }
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    private static int DigitValue(byte b) => b switch
    {
        <= (byte)'9' => b - '0',
        _ => (b | 0x20) - 'a' + 10,
    };
}
