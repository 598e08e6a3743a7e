// Objects/unicodeobject.c (unicode_subscript)
namespace Taipan.Runtime.Objects;

/// <summary><c>str[i]</c> and <c>str[i:j:k]</c> by code point: strings without surrogates (nearly
/// all) index their chars directly; others go through the offsets of their code points, a
/// surrogate pair being one code point and a lone surrogate another.</summary>
public partial class PyStr
{
    private bool HasSurrogates => Value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>The char offset of each code point, and the string's length at the end.</summary>
    private int[] CodePointOffsets()
    {
        var s = Value;
        var offsets = new List<int>(s.Length + 1);
        for (var i = 0; i < s.Length; i++)
        {
            offsets.Add(i);
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
        }
        offsets.Add(s.Length);
        return [.. offsets];
    }

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        var s = Value;
        var offsets = HasSurrogates ? CodePointOffsets() : null;
        var length = offsets is null ? s.Length : offsets.Length - 1;
        if (key is PySlice slice)
        {
            var n = slice.Adjust(length, out var start, out _, out var step);
            if (n == length && step == 1 && GetType() == typeof(PyStr))
            {
                return this;
            }
            if (offsets is null)
            {
                if (step == 1)
                {
                    return new PyStr(s.Substring((int)start, (int)n));
                }
                var chars = new char[n];
                for (long i = 0, j = start; i < n; i++, j += step)
                {
                    chars[i] = s[(int)j];
                }
                return new PyStr(new string(chars));
            }
            if (step == 1)
            {
                var from = offsets[start];
                return new PyStr(s[from..offsets[start + n]]);
            }
            var sb = new System.Text.StringBuilder();
            for (long i = 0, j = start; i < n; i++, j += step)
            {
                sb.Append(s, offsets[j], offsets[j + 1] - offsets[j]);
            }
            return new PyStr(sb.ToString());
        }
        if (key is not PyInt && key.Type.Slots.Index is null)
        {
            throw Errors.PyErr.TypeError($"string indices must be integers, not '{key.Type.Name}'");
        }
        var index = Abstract.Ops.Index(key);
        var k = index.IsSmall ? index.Small : long.MaxValue;
        if (k < 0)
        {
            k += length;
        }
        if ((ulong)k >= (ulong)length)
        {
            throw Errors.PyErr.IndexError("string index out of range");
        }
        return offsets is null ? Char(s[(int)k]) : new PyStr(s[offsets[k]..offsets[k + 1]]);
    }

    // Built on first use: static initialisers of a partial class's files run in no set order.
    private static PyStr[]? s_latin1;

    private static PyStr[] CreateLatin1()
    {
        var a = new PyStr[256];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = Intern(((char)i).ToString());
        }
        return a;
    }

    /// <summary>The one-character str, shared for Latin-1 as CPython shares them.</summary>
    public static PyStr Char(char c) => c < 256 ? (s_latin1 ??= CreateLatin1())[c] : new PyStr(c.ToString());
}
