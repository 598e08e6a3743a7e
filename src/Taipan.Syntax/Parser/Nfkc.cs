// Modules/unicodedata.c (normalization, as _PyPegen_new_identifier uses it)
using System.Text;

namespace Taipan.Syntax.Parser;

/// <summary>NFKC normalization of identifiers (PEP 3131), with CPython 3.11's Unicode 14 tables
/// (generated into Nfkc.g.cs). .NET's <c>string.Normalize</c> does nothing under
/// InvariantGlobalization, so the parser does it itself: compatibility decomposition,
/// canonical ordering, canonical composition (Hangul algorithmically).</summary>
internal static partial class Nfkc
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    public static string Normalize(string s)
    {
        var cps = new List<int>(s.Length + 4);
        for (var i = 0; i < s.Length; i++)
        {
            var cp = (int)s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            Decompose(cp, cps);
        }
        // Canonical ordering: a stable sort of each run of non-starters by combining class.
        for (var i = 1; i < cps.Count; i++)
        {
            var c = Ccc(cps[i]);
            if (c == 0)
            {
                continue;
            }
            var j = i;
            while (j > 0 && Ccc(cps[j - 1]) > c)
            {
                (cps[j - 1], cps[j]) = (cps[j], cps[j - 1]);
                j--;
            }
        }
        Compose(cps);
        var sb = new StringBuilder(cps.Count);
        foreach (var cp in cps)
        {
            sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.ToString();
    }

    private static void Decompose(int cp, List<int> output)
    {
        if (cp >= SBase && cp < SBase + SCount)
        {
            var sIndex = cp - SBase;
            output.Add(LBase + sIndex / NCount);
            output.Add(VBase + sIndex % NCount / TCount);
            var t = TBase + sIndex % TCount;
            if (t != TBase)
            {
                output.Add(t);
            }
            return;
        }
        var k = Array.BinarySearch(s_decompKeys, cp);
        if (k < 0)
        {
            output.Add(cp);
            return;
        }
        for (var i = s_decompIndex[k]; i < s_decompIndex[k + 1]; i++)
        {
            output.Add(s_decompData[i]);
        }
    }

    private static int Ccc(int cp)
    {
        if (cp < 0x300)
        {
            return 0;
        }
        var k = Array.BinarySearch(s_cccKeys, cp);
        return k < 0 ? 0 : s_cccValues[k];
    }

    private static int ComposePair(int a, int b)
    {
        if (a >= LBase && a < LBase + LCount && b >= VBase && b < VBase + VCount)
        {
            return SBase + ((a - LBase) * VCount + (b - VBase)) * TCount;
        }
        if (a >= SBase && a < SBase + SCount && (a - SBase) % TCount == 0 && b > TBase && b < TBase + TCount)
        {
            return a + (b - TBase);
        }
        var k = Array.BinarySearch(s_compKeys, ((long)a << 21) | (uint)b);
        return k < 0 ? -1 : s_compValues[k];
    }

    /// <summary>The canonical composition algorithm of UAX #15.</summary>
    private static void Compose(List<int> buf)
    {
        if (buf.Count == 0)
        {
            return;
        }
        var starterPos = 0;
        var starter = buf[0];
        var lastClass = Ccc(starter);
        if (lastClass != 0)
        {
            lastClass = 256; // a leading combining mark blocks composition
        }
        var compPos = 1;
        for (var decompPos = 1; decompPos < buf.Count; decompPos++)
        {
            var ch = buf[decompPos];
            var chClass = Ccc(ch);
            var composite = ComposePair(starter, ch);
            if (composite >= 0 && (lastClass < chClass || lastClass == 0))
            {
                buf[starterPos] = composite;
                starter = composite;
                continue;
            }
            if (chClass == 0)
            {
                starterPos = compPos;
                starter = ch;
            }
            lastClass = chClass;
            buf[compPos++] = ch;
        }
        buf.RemoveRange(compPos, buf.Count - compPos);
    }
}
