// Objects/unicodeobject.c (unicode_subscript)
namespace Taipan.Runtime.Objects;

/// <summary><c>str[i]</c> and <c>str[i:j:k]</c> by code point: strings without surrogates (nearly
/// all) index their chars directly; others go through the offsets of their code points, a
/// surrogate pair being one code point and a lone surrogate another.</summary>
public partial class PyStr
{
    // 0: not yet known; 1: every char is a code point (lone surrogates included); 2: the string
    // has surrogate pairs and indexes through _offsets.
    private byte _layout;
    private int[]? _offsets;

    /// <summary>The char offset of each code point and the string's length at the end, or null
    /// when chars are code points. Computed once per string.</summary>
    private int[]? CodePointOffsets()
    {
        if (_layout == 0)
        {
            _offsets = HasSurrogatePairs(Value) ? BuildOffsets(Value) : null;
            _layout = _offsets is null ? (byte)1 : (byte)2;
        }
        return _offsets;
    }

    private static bool HasSurrogatePairs(string s)
    {
        var i = s.AsSpan().IndexOfAnyInRange('\uD800', '\uDBFF');
        while (i >= 0 && i + 1 < s.Length)
        {
            if (char.IsLowSurrogate(s[i + 1]))
            {
                return true;
            }
            var next = s.AsSpan(i + 1).IndexOfAnyInRange('\uD800', '\uDBFF');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }

    private static int[] BuildOffsets(string s)
    {
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

    [PySlot("tp_iter")]
    public PyObject Iter() => new PyStrIterator(this);

    internal int[]? CodePointOffsetsFor() => CodePointOffsets();

    /// <summary>The code point at index <paramref name="i"/> (0 &lt;= i &lt; length) as a str.</summary>
    internal PyStr CodePointAt(int i, int[]? offsets) =>
        offsets is null ? Char(Value[i]) : new PyStr(Value[offsets[i]..offsets[i + 1]]);

    internal int CodePointCount(int[]? offsets) => offsets is null ? Value.Length : offsets.Length - 1;

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        var s = Value;
        var offsets = CodePointOffsets();
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
        return CodePointAt((int)k, offsets);
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

/// <summary><c>str_ascii_iterator</c>: the code points of a str.</summary>
[PyType("str_ascii_iterator")]
public sealed partial class PyStrIterator(PyStr str) : PyObject
{
    private PyStr? _str = str;
    private int _index;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        var s = _str;
        if (s is null)
        {
            return null;
        }
        var offsets = s.CodePointOffsetsFor();
        if (_index < s.CodePointCount(offsets))
        {
            return s.CodePointAt(_index++, offsets);
        }
        _str = null;
        return null;
    }

    [PyMethod("__length_hint__")]
    public long LengthHint() => _str is null ? 0 : _str.CodePointCount(_str.CodePointOffsetsFor()) - _index;
}
