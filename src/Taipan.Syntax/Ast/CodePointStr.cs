// Objects/unicodeobject.c (str as a sequence of code points, lone surrogates included)
using System.Text;

namespace Taipan.Syntax.Ast;

/// <summary>
/// A str constant that a .NET string cannot hold: among its code points a lone high surrogate
/// is directly followed by a lone low surrogate (<c>'\ud800\udc02'</c>), which UTF-16 would read
/// back as the one astral character they pair into. Every other str constant is a plain
/// <c>string</c> (valid pairs are astral characters, unpaired surrogates are lone code points);
/// the factories here choose, so a value is a <see cref="CodePointStr"/> only when it must be.
/// </summary>
public sealed class CodePointStr : IEquatable<CodePointStr>
{
    private readonly int[] _codePoints;

    private CodePointStr(int[] codePoints) => _codePoints = codePoints;

    public ReadOnlySpan<int> CodePoints => _codePoints;

    /// <summary>True for the two representations of a str constant.</summary>
    public static bool IsStr(object? value) => value is string or CodePointStr;

    /// <summary>The str of these code points: a <c>string</c> when one can hold them.</summary>
    public static object FromCodePoints(ReadOnlySpan<int> codePoints)
    {
        for (var i = 0; i + 1 < codePoints.Length; i++)
        {
            if (codePoints[i] is >= 0xD800 and <= 0xDBFF && codePoints[i + 1] is >= 0xDC00 and <= 0xDFFF)
            {
                return new CodePointStr(codePoints.ToArray());
            }
        }
        var sb = new StringBuilder(codePoints.Length);
        foreach (var cp in codePoints)
        {
            AppendCodePoint(sb, cp);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The str of UTF-16 <paramref name="chars"/> in which the chars at the ascending indices
    /// <paramref name="lone"/> are surrogate code points on their own (escapes such as
    /// <c>\ud800</c>, or surrogatepass bytes) rather than halves of a pair.
    /// </summary>
    public static object FromUtf16(ReadOnlySpan<char> chars, List<int>? lone)
    {
        if (lone is null || !PairsAcrossLone(chars, lone))
        {
            return new string(chars);
        }
        var cps = new List<int>(chars.Length);
        var next = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            var isLone = next < lone.Count && lone[next] == i;
            if (isLone)
            {
                next++;
            }
            else if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])
                && (next >= lone.Count || lone[next] != i + 1))
            {
                cps.Add(char.ConvertToUtf32(chars[i], chars[i + 1]));
                i++;
                continue;
            }
            cps.Add(chars[i]);
        }
        return FromCodePoints(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cps));
    }

    private static bool PairsAcrossLone(ReadOnlySpan<char> chars, List<int> lone)
    {
        foreach (var i in lone)
        {
            if ((char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                || (char.IsLowSurrogate(chars[i]) && i > 0 && char.IsHighSurrogate(chars[i - 1])))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The code points of a str constant.</summary>
    public static int[] ToCodePoints(object str)
    {
        if (str is CodePointStr c)
        {
            return c._codePoints;
        }
        var s = (string)str;
        var list = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                list.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else
            {
                list.Add(s[i]);
            }
        }
        return list.ToArray();
    }

    /// <summary><c>len()</c> of a str constant.</summary>
    public static int Length(object str)
    {
        if (str is CodePointStr c)
        {
            return c._codePoints.Length;
        }
        var s = (string)str;
        var n = s.Length;
        for (var i = 0; i + 1 < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]))
            {
                n--;
                i++;
            }
        }
        return n;
    }

    /// <summary>True when <c>a + b</c> as .NET strings would fuse a trailing lone high surrogate
    /// of <paramref name="a"/> with a leading lone low surrogate of <paramref name="b"/>.</summary>
    public static bool JoinsPair(char lastOfA, string b) =>
        char.IsHighSurrogate(lastOfA) && b.Length > 0 && char.IsLowSurrogate(b[0]);

    /// <summary><c>a + b</c> of two str constants.</summary>
    public static object Concat(object a, object b)
    {
        if (a is string sa && b is string sb && !(sa.Length > 0 && JoinsPair(sa[^1], sb)))
        {
            return sa + sb;
        }
        return FromCodePoints([.. ToCodePoints(a), .. ToCodePoints(b)]);
    }

    /// <summary>A one-character str; lone surrogates are valid Python characters.</summary>
    public static string FromCodePoint(int cp) => cp > 0xFFFF ? char.ConvertFromUtf32(cp) : ((char)cp).ToString();

    private static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp > 0xFFFF)
        {
            sb.Append(char.ConvertFromUtf32(cp));
        }
        else
        {
            sb.Append((char)cp);
        }
    }

    public bool Equals(CodePointStr? other) => other is not null && _codePoints.AsSpan().SequenceEqual(other._codePoints);

    public override bool Equals(object? obj) => obj is CodePointStr c && Equals(c);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var cp in _codePoints)
        {
            h.Add(cp);
        }
        return h.ToHashCode();
    }

    /// <summary>The nearest .NET string (the surrogates that pair up become one character).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(_codePoints.Length);
        foreach (var cp in _codePoints)
        {
            AppendCodePoint(sb, cp);
        }
        return sb.ToString();
    }
}
