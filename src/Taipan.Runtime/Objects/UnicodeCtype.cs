// Objects/unicodectype.c
using System.Globalization;
using System.Text;

namespace Taipan.Runtime.Objects;

/// <summary>Character properties and case mappings of one code point, as <c>str</c> methods
/// use them. The categories come from .NET's Unicode tables; the full (one-to-many) case
/// mappings CPython takes from SpecialCasing.txt are listed here for the letters that have them.</summary>
public static class UnicodeCtype
{
    public static UnicodeCategory Category(int cp) => CharUnicodeInfo.GetUnicodeCategory(cp);

    /// <summary><c>Py_UNICODE_ISSPACE</c>: white space of bidirectional type WS, B or S, or
    /// category Zs (this includes U+001C..U+001F, which .NET does not call white space).</summary>
    public static bool IsSpace(int cp) => cp < 0x80
        ? cp is ' ' or (>= '\t' and <= '\r') or (>= 0x1c and <= 0x1f)
        : cp is 0x85 or 0xa0 or 0x1680 or (>= 0x2000 and <= 0x200a) or 0x2028 or 0x2029 or 0x202f or 0x205f or 0x3000;

    /// <summary>The line boundaries of <c>str.splitlines</c>.</summary>
    public static bool IsLineBreak(int cp) => cp is '\n' or '\r' or 0x0b or 0x0c or 0x1c or 0x1d or 0x1e or 0x85 or 0x2028 or 0x2029;

    public static bool IsDecimal(int cp) => cp < 0x80 ? cp is >= '0' and <= '9' : Category(cp) == UnicodeCategory.DecimalDigitNumber;

    public static bool IsDigit(int cp)
    {
        if (IsDecimal(cp))
        {
            return true;
        }
        if (cp < 0x80 || Category(cp) != UnicodeCategory.OtherNumber)
        {
            return false;
        }
        // Numeric_Type=Digit: superscripts, circled and parenthesized digits 0..9.
        var v = NumericValue(cp);
        return v is >= 0 and <= 9 && v == Math.Floor(v) && !IsVulgarOrCounting(cp);
    }

    private static double NumericValue(int cp) =>
        cp <= 0xffff ? CharUnicodeInfo.GetNumericValue((char)cp) : CharUnicodeInfo.GetNumericValue(char.ConvertFromUtf32(cp), 0);

    /// <summary>Other numbers with a digit value whose Numeric_Type is Numeric, not Digit.</summary>
    private static bool IsVulgarOrCounting(int cp) => cp is 0x2189 or (>= 0x3021 and <= 0x3029) or 0x3007 or (>= 0x1f10b and <= 0x1f10c);

    public static bool IsNumeric(int cp)
    {
        if (cp < 0x80)
        {
            return cp is >= '0' and <= '9';
        }
        var c = Category(cp);
        if (c is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber)
        {
            return true;
        }
        // CJK ideographs with a numeric value (一, 二, 十, 百, 千, 万, ...).
        return NumericValue(cp) != -1;
    }

    public static bool IsAlpha(int cp) => cp < 0x80
        ? cp is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')
        : Category(cp) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;

    public static bool IsAlnum(int cp) => IsAlpha(cp) || IsDecimal(cp) || IsDigit(cp) || IsNumeric(cp);

    public static bool IsLower(int cp) => cp < 0x80 ? cp is >= 'a' and <= 'z' : Category(cp) == UnicodeCategory.LowercaseLetter || IsOtherLowercase(cp);

    public static bool IsUpper(int cp) => cp < 0x80 ? cp is >= 'A' and <= 'Z' : Category(cp) == UnicodeCategory.UppercaseLetter || cp is (>= 0x2160 and <= 0x216f) or (>= 0x24b6 and <= 0x24cf);

    public static bool IsTitle(int cp) => cp >= 0x80 && Category(cp) == UnicodeCategory.TitlecaseLetter;

    private static bool IsOtherLowercase(int cp) => cp is 0xaa or 0xba or (>= 0x2b0 and <= 0x2b8) or (>= 0x2c0 and <= 0x2c1) or (>= 0x2e0 and <= 0x2e4)
        or 0x345 or 0x37a or (>= 0x2170 and <= 0x217f) or (>= 0x24d0 and <= 0x24e9);

    /// <summary>Cased: has an upper, lower or title case form (Lu, Ll, Lt, Other_Lowercase, Other_Uppercase).</summary>
    public static bool IsCased(int cp) => IsLower(cp) || IsUpper(cp) || IsTitle(cp);

    /// <summary>Case-ignorable characters (apostrophes, modifier letters, combining marks) do
    /// not break a word for the final-sigma rule.</summary>
    public static bool IsCaseIgnorable(int cp) => cp is '\'' or '.' or ':' or '^' or '`' or 0xad or 0xb7 or 0x2019
        || (cp >= 0x80 && Category(cp) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol);

    public static bool IsPrintable(int cp) => Taipan.Syntax.Unicode.UnicodePrintable.IsPrintable(cp);

    public static bool IsIdentifierStart(int cp) => cp < 0x80
        ? cp is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_'
        : Category(cp) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
            || cp is 0x2118 or 0x212e or 0x309b or 0x309c;

    public static bool IsIdentifierContinue(int cp) => cp < 0x80
        ? cp is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'
        : IsIdentifierStart(cp) || cp is 0xb7 or 0x387 or (>= 0x1369 and <= 0x1371) or 0x19da
            || Category(cp) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;

    /// <summary>The decimal value of a Nd code point, or -1.</summary>
    public static int DecimalValue(int cp)
    {
        if (cp < 0x80)
        {
            return cp is >= '0' and <= '9' ? cp - '0' : -1;
        }
        return IsDecimal(cp) ? (int)NumericValue(cp) : -1;
    }

    private static int SimpleUpper(int cp) => cp < 0x80
        ? (cp is >= 'a' and <= 'z' ? cp - 32 : cp)
        : cp <= 0xffff ? char.ToUpperInvariant((char)cp) : Rune.ToUpperInvariant(new Rune(cp)).Value;

    private static int SimpleLower(int cp) => cp < 0x80
        ? (cp is >= 'A' and <= 'Z' ? cp + 32 : cp)
        : cp <= 0xffff ? char.ToLowerInvariant((char)cp) : Rune.ToLowerInvariant(new Rune(cp)).Value;

    public static void AppendUpper(StringBuilder sb, int cp)
    {
        switch (cp)
        {
            case 0xdf: sb.Append("SS"); return;
            case 0x149: sb.Append("\u02bcN"); return;
            case 0x1f0: sb.Append("J\u030c"); return;
            case 0xfb00: sb.Append("FF"); return;
            case 0xfb01: sb.Append("FI"); return;
            case 0xfb02: sb.Append("FL"); return;
            case 0xfb03: sb.Append("FFI"); return;
            case 0xfb04: sb.Append("FFL"); return;
            case 0xfb05: case 0xfb06: sb.Append("ST"); return;
            case 0x1c5: case 0x1c6: sb.Append('\u01c4'); return;
            case 0x1c8: case 0x1c9: sb.Append('\u01c7'); return;
            case 0x1cb: case 0x1cc: sb.Append('\u01ca'); return;
            case 0x1f2: case 0x1f3: sb.Append('\u01f1'); return;
        }
        AppendCodePoint(sb, SimpleUpper(cp));
    }

    public static void AppendLower(StringBuilder sb, int cp)
    {
        switch (cp)
        {
            case 0x130: sb.Append("i\u0307"); return;
            case 0x1c4: case 0x1c5: sb.Append('\u01c6'); return;
            case 0x1c7: case 0x1c8: sb.Append('\u01c9'); return;
            case 0x1ca: case 0x1cb: sb.Append('\u01cc'); return;
            case 0x1f1: case 0x1f2: sb.Append('\u01f3'); return;
        }
        AppendCodePoint(sb, SimpleLower(cp));
    }

    public static void AppendTitle(StringBuilder sb, int cp)
    {
        switch (cp)
        {
            case 0xdf: sb.Append("Ss"); return;
            case 0xfb00: sb.Append("Ff"); return;
            case 0xfb01: sb.Append("Fi"); return;
            case 0xfb02: sb.Append("Fl"); return;
            case 0xfb03: sb.Append("Ffi"); return;
            case 0xfb04: sb.Append("Ffl"); return;
            case 0xfb05: case 0xfb06: sb.Append("St"); return;
            case 0x1c4: case 0x1c5: case 0x1c6: sb.Append('\u01c5'); return;
            case 0x1c7: case 0x1c8: case 0x1c9: sb.Append('\u01c8'); return;
            case 0x1ca: case 0x1cb: case 0x1cc: sb.Append('\u01cb'); return;
            case 0x1f1: case 0x1f2: case 0x1f3: sb.Append('\u01f2'); return;
        }
        AppendUpper(sb, cp);
    }

    public static void AppendFold(StringBuilder sb, int cp)
    {
        switch (cp)
        {
            case 0xdf: sb.Append("ss"); return;
            case 0x17f: sb.Append('s'); return;
            case 0x3c2: sb.Append('\u03c3'); return;
            case 0xfb00: sb.Append("ff"); return;
            case 0xfb01: sb.Append("fi"); return;
            case 0xfb02: sb.Append("fl"); return;
            case 0xfb03: sb.Append("ffi"); return;
            case 0xfb04: sb.Append("ffl"); return;
            case 0xfb05: case 0xfb06: sb.Append("st"); return;
        }
        AppendLower(sb, cp);
    }

    public static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp <= 0xffff)
        {
            sb.Append((char)cp);
        }
        else
        {
            sb.Append(char.ConvertFromUtf32(cp));
        }
    }
}
