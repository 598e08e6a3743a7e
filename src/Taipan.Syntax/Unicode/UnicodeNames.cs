// Modules/unicodedata.c (_getucname, _getcode, find_syllable)
using System.IO.Compression;
using System.Text;

namespace Taipan.Syntax.Unicode;

/// <summary>The Unicode 14.0 character names of CPython 3.11's <c>unicodedata</c>: names,
/// name aliases, and the names computed by rule (Hangul syllables, CJK unified ideographs).
/// The table is the resource written by <c>tools/gen/gen_unicode_names.py</c>, loaded on
/// first use.</summary>
public static class UnicodeNames
{
    private const int SBase = 0xAC00, LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    private static readonly string[] JamoL = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
    private static readonly string[] JamoV = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
    private static readonly string[] JamoT = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];

    private const string HangulPrefix = "HANGUL SYLLABLE ";
    private const string CjkPrefix = "CJK UNIFIED IDEOGRAPH-";

    /// <summary>Names and aliases by name; names by code point in two parallel arrays sorted
    /// by code point.</summary>
    private sealed class Table(Dictionary<string, int> byName, int[] codes, string[] names, int[] cjkRanges)
    {
        public readonly Dictionary<string, int> ByName = byName;
        public readonly int[] Codes = codes;
        public readonly string[] Names = names;
        public readonly int[] CjkRanges = cjkRanges;
    }

    private static Table? _table;

    private static Table Data => _table ??= Load();

    /// <summary>The code point named <paramref name="name"/>, as <c>\N{...}</c> and
    /// <c>unicodedata.lookup</c> find it: names and aliases from the table are matched without
    /// regard to case, but the computed Hangul and CJK names only in upper case, as in CPython;
    /// named sequences are not accepted.</summary>
    public static bool TryLookup(ReadOnlySpan<char> name, out int codePoint)
    {
        codePoint = 0;
        if (name.Length >= HangulPrefix.Length && name[..HangulPrefix.Length].Equals(HangulPrefix, StringComparison.Ordinal))
        {
            var pos = name[HangulPrefix.Length..];
            var l = FindSyllable(pos, JamoL, out var len);
            pos = pos[len..];
            var v = FindSyllable(pos, JamoV, out len);
            pos = pos[len..];
            var t = FindSyllable(pos, JamoT, out len);
            pos = pos[len..];
            if (l >= 0 && v >= 0 && t >= 0 && pos.IsEmpty)
            {
                codePoint = SBase + (l * VCount + v) * TCount + t;
                return true;
            }
            return false;
        }
        if (name.Length >= CjkPrefix.Length && name[..CjkPrefix.Length].Equals(CjkPrefix, StringComparison.Ordinal))
        {
            var hex = name[CjkPrefix.Length..];
            if (hex.Length is not (4 or 5))
            {
                return false;
            }
            var v = 0;
            foreach (var c in hex)
            {
                if (c is >= '0' and <= '9')
                {
                    v = v * 16 + (c - '0');
                }
                else if (c is >= 'A' and <= 'F')
                {
                    v = v * 16 + (c - 'A' + 10);
                }
                else
                {
                    return false;
                }
            }
            if (!IsUnifiedIdeograph(v))
            {
                return false;
            }
            codePoint = v;
            return true;
        }
        if (name.Length > 256)
        {
            return false;
        }
        Span<char> upper = stackalloc char[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            upper[i] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
        }
        return Data.ByName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(upper, out codePoint);
    }

    /// <summary>The name <c>unicodedata.name</c> gives a code point (never an alias).</summary>
    public static bool TryGetName(int codePoint, out string name)
    {
        if (codePoint is >= SBase and < SBase + SCount)
        {
            var s = codePoint - SBase;
            name = HangulPrefix + JamoL[s / NCount] + JamoV[s % NCount / TCount] + JamoT[s % TCount];
            return true;
        }
        if (IsUnifiedIdeograph(codePoint))
        {
            name = CjkPrefix + codePoint.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        var i = Array.BinarySearch(Data.Codes, codePoint);
        if (i >= 0)
        {
            name = Data.Names[i];
            return true;
        }
        name = "";
        return false;
    }

    private static bool IsUnifiedIdeograph(int cp)
    {
        var r = Data.CjkRanges;
        for (var i = 0; i < r.Length; i += 2)
        {
            if (cp >= r[i] && cp <= r[i + 1])
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The longest jamo short name that starts <paramref name="s"/> (names are upper
    /// case; the comparison is case-sensitive as CPython's).</summary>
    private static int FindSyllable(ReadOnlySpan<char> s, string[] jamo, out int len)
    {
        len = -1;
        var found = -1;
        for (var i = 0; i < jamo.Length; i++)
        {
            var j = jamo[i];
            if (j.Length <= len)
            {
                continue;
            }
            if (s.StartsWith(j, StringComparison.Ordinal))
            {
                len = j.Length;
                found = i;
            }
        }
        if (len == -1)
        {
            len = 0;
        }
        return found;
    }

    private static Table Load()
    {
        using var resource = typeof(UnicodeNames).Assembly.GetManifestResourceStream("Taipan.Syntax.Unicode.UnicodeNames.bin")
            ?? throw new InvalidOperationException("the Unicode name table resource is missing");
        using var inflate = new DeflateStream(resource, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        inflate.CopyTo(buffer);
        var data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (!data.StartsWith("TPUN1"u8))
        {
            throw new InvalidOperationException("the Unicode name table resource is corrupt");
        }
        var pos = 5;
        var words = new string[ReadVarint(data, ref pos)];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = ReadString(data, ref pos);
        }
        var count = ReadVarint(data, ref pos);
        var byName = new Dictionary<string, int>(count + 512);
        var codes = new int[count];
        var names = new string[count];
        var sb = new StringBuilder(128);
        var cp = 0;
        for (var i = 0; i < count; i++)
        {
            cp += ReadVarint(data, ref pos);
            var k = ReadVarint(data, ref pos);
            sb.Clear();
            for (var j = 0; j < k; j++)
            {
                var w = words[ReadVarint(data, ref pos)];
                if (j > 0 && (w.Length == 0 || w[0] != '-'))
                {
                    sb.Append(' ');
                }
                sb.Append(w);
            }
            var name = sb.ToString();
            codes[i] = cp;
            names[i] = name;
            byName[name] = cp;
        }
        var aliases = ReadVarint(data, ref pos);
        for (var i = 0; i < aliases; i++)
        {
            var code = ReadVarint(data, ref pos);
            byName.TryAdd(ReadString(data, ref pos), code);
        }
        var ranges = new int[ReadVarint(data, ref pos) * 2];
        for (var i = 0; i < ranges.Length; i++)
        {
            ranges[i] = ReadVarint(data, ref pos);
        }
        return new Table(byName, codes, names, ranges);
    }

    private static int ReadVarint(ReadOnlySpan<byte> data, ref int pos)
    {
        var result = 0;
        var shift = 0;
        while (true)
        {
            var b = data[pos++];
            result |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
            shift += 7;
        }
    }

    private static string ReadString(ReadOnlySpan<byte> data, ref int pos)
    {
        var end = data[pos..].IndexOf((byte)0);
        var s = Encoding.ASCII.GetString(data.Slice(pos, end));
        pos += end + 1;
        return s;
    }
}
