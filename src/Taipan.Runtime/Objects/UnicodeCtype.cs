// Objects/unicodectype.c
using System.Text;

namespace Taipan.Runtime.Objects;

/// <summary>Character properties and case mappings of one code point, as <c>str</c> methods
/// use them, from CPython 3.11's Unicode database (the tables in UnicodeCtype.g.cs, generated
/// by tools/strings/gen_unicode_ctype.py). ASCII takes a fast path.</summary>
public static partial class UnicodeCtype
{
    private static bool In(int[] ranges, int cp)
    {
        int lo = 0, hi = ranges.Length / 2 - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (cp < ranges[2 * mid])
            {
                hi = mid - 1;
            }
            else if (cp > ranges[2 * mid + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>Py_UNICODE_ISSPACE</c> (includes U+001C..U+001F).</summary>
    public static bool IsSpace(int cp) => cp < 0x80
        ? cp is ' ' or (>= '\t' and <= '\r') or (>= 0x1c and <= 0x1f)
        : In(SpaceRanges, cp);

    /// <summary>The line boundaries of <c>str.splitlines</c>.</summary>
    public static bool IsLineBreak(int cp) => cp is '\n' or '\r' or 0x0b or 0x0c or 0x1c or 0x1d or 0x1e or 0x85 or 0x2028 or 0x2029;

    public static bool IsDecimal(int cp) => cp < 0x80 ? cp is >= '0' and <= '9' : In(DecimalRanges, cp);

    public static bool IsDigit(int cp) => cp < 0x80 ? cp is >= '0' and <= '9' : In(DigitRanges, cp);

    public static bool IsNumeric(int cp) => cp < 0x80 ? cp is >= '0' and <= '9' : In(NumericRanges, cp);

    public static bool IsAlpha(int cp) => cp < 0x80 ? cp is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') : In(AlphaRanges, cp);

    public static bool IsAlnum(int cp) => IsAlpha(cp) || IsDecimal(cp) || IsDigit(cp) || IsNumeric(cp);

    public static bool IsLower(int cp) => cp < 0x80 ? cp is >= 'a' and <= 'z' : In(LowerRanges, cp);

    public static bool IsUpper(int cp) => cp < 0x80 ? cp is >= 'A' and <= 'Z' : In(UpperRanges, cp);

    public static bool IsTitle(int cp) => cp >= 0x80 && In(TitleRanges, cp);

    /// <summary>Cased: Lowercase, Uppercase or Lt.</summary>
    public static bool IsCased(int cp) => IsLower(cp) || IsUpper(cp) || IsTitle(cp);

    /// <summary>Case-ignorable characters (apostrophes, modifier letters, combining marks) do
    /// not break a word for the final-sigma rule.</summary>
    public static bool IsCaseIgnorable(int cp) => In(CaseIgnorableRanges, cp);

    public static bool IsPrintable(int cp) => Taipan.Syntax.Unicode.UnicodePrintable.IsPrintable(cp);

    public static bool IsIdentifierStart(int cp) => cp < 0x80 ? cp is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' : In(IdStartRanges, cp);

    public static bool IsIdentifierContinue(int cp) => cp < 0x80
        ? cp is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'
        : In(IdContinueRanges, cp);

    /// <summary>The decimal value of a Nd code point (<c>Py_UNICODE_TODECIMAL</c>), or -1.</summary>
    public static int DecimalValue(int cp)
    {
        if (cp < 0x80)
        {
            return cp is >= '0' and <= '9' ? cp - '0' : -1;
        }
        int lo = 0, hi = DecimalRuns.Length / 3 - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (cp < DecimalRuns[3 * mid])
            {
                hi = mid - 1;
            }
            else if (cp > DecimalRuns[3 * mid + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return DecimalRuns[3 * mid + 2] + cp - DecimalRuns[3 * mid];
            }
        }
        return -1;
    }

    private static void AppendMapped(StringBuilder sb, int cp, int[] keys, string[] values)
    {
        var i = Array.BinarySearch(keys, cp);
        if (i >= 0)
        {
            sb.Append(values[i]);
        }
        else
        {
            AppendCodePoint(sb, cp);
        }
    }

    public static void AppendUpper(StringBuilder sb, int cp)
    {
        if (cp < 0x80)
        {
            sb.Append((char)(cp is >= 'a' and <= 'z' ? cp - 32 : cp));
            return;
        }
        AppendMapped(sb, cp, UpperKeys, UpperValues);
    }

    public static void AppendLower(StringBuilder sb, int cp)
    {
        if (cp < 0x80)
        {
            sb.Append((char)(cp is >= 'A' and <= 'Z' ? cp + 32 : cp));
            return;
        }
        AppendMapped(sb, cp, LowerKeys, LowerValues);
    }

    public static void AppendTitle(StringBuilder sb, int cp)
    {
        if (cp < 0x80)
        {
            sb.Append((char)(cp is >= 'a' and <= 'z' ? cp - 32 : cp));
            return;
        }
        AppendMapped(sb, cp, TitleKeys, TitleValues);
    }

    public static void AppendFold(StringBuilder sb, int cp)
    {
        if (cp < 0x80)
        {
            sb.Append((char)(cp is >= 'A' and <= 'Z' ? cp + 32 : cp));
            return;
        }
        AppendMapped(sb, cp, FoldKeys, FoldValues);
    }

    /// <summary><c>_PyUnicode_ToLowercase</c>: a single code point, the first of the full mapping
    /// (what the regular expression engine compares under IGNORECASE).</summary>
    public static int ToLower(int cp) => cp < 0x80 ? (cp is >= 'A' and <= 'Z' ? cp + 32 : cp) : FirstMapped(cp, LowerKeys, LowerValues);

    /// <summary><c>_PyUnicode_ToUppercase</c>: the first code point of the full mapping.</summary>
    public static int ToUpper(int cp) => cp < 0x80 ? (cp is >= 'a' and <= 'z' ? cp - 32 : cp) : FirstMapped(cp, UpperKeys, UpperValues);

    private static int FirstMapped(int cp, int[] keys, string[] values)
    {
        var i = Array.BinarySearch(keys, cp);
        if (i < 0)
        {
            return cp;
        }
        var v = values[i];
        return v.Length > 1 && char.IsHighSurrogate(v[0]) && char.IsLowSurrogate(v[1]) ? char.ConvertToUtf32(v[0], v[1]) : v[0];
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
