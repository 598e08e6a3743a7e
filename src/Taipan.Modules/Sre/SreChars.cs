// Modules/_sre/sre.c (character predicates, case mappings and character sets)
using System.Runtime.CompilerServices;
using Taipan.Runtime.Objects;
using static Taipan.Modules.Sre.SreConstants;

namespace Taipan.Modules.Sre;

/// <summary>The character tests the engine uses. ASCII rules for ASCII patterns and bytes, the
/// runtime's Unicode tables for str patterns. The LOCALE variants follow the C library in the
/// C.UTF-8 locale CPython runs under here, where bytes above 127 have no case and are not
/// alphanumeric: the ASCII rules.</summary>
internal static class SreChars
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LowerAscii(int ch) => ch is >= 'A' and <= 'Z' ? ch + 32 : ch;

    public static int UpperAscii(int ch) => ch is >= 'a' and <= 'z' ? ch - 32 : ch;

    public static int LowerLocale(int ch) => LowerAscii(ch);

    public static int UpperLocale(int ch) => UpperAscii(ch);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LowerUnicode(int ch) => ch < 0x80 ? LowerAscii(ch) : UnicodeCtype.ToLower(ch);

    public static int UpperUnicode(int ch) => ch < 0x80 ? UpperAscii(ch) : UnicodeCtype.ToUpper(ch);

    public static bool IsDigit(int ch) => ch is >= '0' and <= '9';

    public static bool IsSpace(int ch) => ch is ' ' or (>= '\t' and <= '\r');

    public static bool IsAlnum(int ch) => ch is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    public static bool IsWord(int ch) => ch < 128 && (IsAlnum(ch) || ch == '_');

    public static bool IsLocWord(int ch) => ch < 256 && (IsAlnum(ch) || ch == '_');

    public static bool IsUniWord(int ch) => ch < 128 ? IsWord(ch) : UnicodeCtype.IsAlnum(ch);

    /// <summary><c>char_loc_ignore</c>.</summary>
    public static bool CharLocIgnore(int pattern, int ch) => ch == pattern || LowerLocale(ch) == pattern || UpperLocale(ch) == pattern;

    /// <summary><c>sre_category</c>.</summary>
    public static bool InCategory(int category, int ch) => category switch
    {
        CategoryDigit => IsDigit(ch),
        CategoryNotDigit => !IsDigit(ch),
        CategorySpace => IsSpace(ch),
        CategoryNotSpace => !IsSpace(ch),
        CategoryWord => IsWord(ch),
        CategoryNotWord => !IsWord(ch),
        CategoryLinebreak => ch == '\n',
        CategoryNotLinebreak => ch != '\n',
        CategoryLocWord => IsLocWord(ch),
        CategoryLocNotWord => !IsLocWord(ch),
        CategoryUniDigit => ch < 128 ? IsDigit(ch) : UnicodeCtype.IsDecimal(ch),
        CategoryUniNotDigit => ch < 128 ? !IsDigit(ch) : !UnicodeCtype.IsDecimal(ch),
        CategoryUniSpace => UnicodeCtype.IsSpace(ch),
        CategoryUniNotSpace => !UnicodeCtype.IsSpace(ch),
        CategoryUniWord => IsUniWord(ch),
        CategoryUniNotWord => !IsUniWord(ch),
        CategoryUniLinebreak => UnicodeCtype.IsLineBreak(ch),
        CategoryUniNotLinebreak => !UnicodeCtype.IsLineBreak(ch),
        _ => false,
    };

    /// <summary><c>SRE(charset)</c>: whether <paramref name="ch"/> is in the set that starts at
    /// <paramref name="pc"/> and ends with FAILURE.</summary>
    public static bool Charset(int[] code, int pc, int ch)
    {
        var ok = true;
        for (;;)
        {
            switch (code[pc++])
            {
                case Failure:
                    return !ok;
                case Literal:
                    if (ch == code[pc])
                    {
                        return ok;
                    }
                    pc++;
                    break;
                case Category:
                    if (InCategory(code[pc], ch))
                    {
                        return ok;
                    }
                    pc++;
                    break;
                case SreConstants.Charset:
                    // A 256-bit bitmap in 8 words.
                    if ((uint)ch < 256 && (code[pc + (ch >> 5)] & (1 << (ch & 31))) != 0)
                    {
                        return ok;
                    }
                    pc += 8;
                    break;
                case SreConstants.Range:
                    if ((uint)code[pc] <= (uint)ch && (uint)ch <= (uint)code[pc + 1])
                    {
                        return ok;
                    }
                    pc += 2;
                    break;
                case RangeUniIgnore:
                    {
                        if ((uint)code[pc] <= (uint)ch && (uint)ch <= (uint)code[pc + 1])
                        {
                            return ok;
                        }
                        var uch = UpperUnicode(ch);
                        if ((uint)code[pc] <= (uint)uch && (uint)uch <= (uint)code[pc + 1])
                        {
                            return ok;
                        }
                        pc += 2;
                        break;
                    }
                case Negate:
                    ok = !ok;
                    break;
                case BigCharset:
                    {
                        // <count> <256 block numbers packed in 64 words> <count bitmaps of 8 words>
                        var count = code[pc++];
                        var block = -1;
                        if ((uint)ch < 0x10000)
                        {
                            var k = ch >> 8;
                            block = (code[pc + (k >> 2)] >> ((k & 3) * 8)) & 0xff;
                        }
                        pc += 64;
                        if (block >= 0)
                        {
                            var bit = block * 256 + (ch & 255);
                            if ((code[pc + (bit >> 5)] & (1 << (bit & 31))) != 0)
                            {
                                return ok;
                            }
                        }
                        pc += count * 8;
                        break;
                    }
                default:
                    // The compiler never emits anything else inside a set.
                    return false;
            }
        }
    }

    /// <summary><c>charset_loc_ignore</c>.</summary>
    public static bool CharsetLocIgnore(int[] code, int pc, int ch)
    {
        var lo = LowerLocale(ch);
        if (Charset(code, pc, lo))
        {
            return true;
        }
        var up = UpperLocale(ch);
        return up != lo && Charset(code, pc, up);
    }
}
