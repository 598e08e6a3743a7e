// Objects/bytes_methods.c
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

/// <summary>The operations bytes and bytearray share, on spans of their data.</summary>
internal static class BytesMethods
{
    public static bool IsUpper(byte c) => c is >= (byte)'A' and <= (byte)'Z';

    public static bool IsLower(byte c) => c is >= (byte)'a' and <= (byte)'z';

    public static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0b or 0x0c;

    public static byte Upper(byte c) => IsLower(c) ? (byte)(c - 32) : c;

    public static byte Lower(byte c) => IsUpper(c) ? (byte)(c + 32) : c;

    public static byte[] Map(ReadOnlySpan<byte> data, Func<byte, byte> f)
    {
        var r = new byte[data.Length];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = f(data[i]);
        }
        return r;
    }

    public static bool All(ReadOnlySpan<byte> data, Func<byte, bool> f)
    {
        if (data.Length == 0)
        {
            return false;
        }
        foreach (var c in data)
        {
            if (!f(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary><c>isupper</c>/<c>islower</c>: some cased byte, none of the other case.</summary>
    public static bool Cased(ReadOnlySpan<byte> data, bool upper)
    {
        var cased = false;
        foreach (var c in data)
        {
            if (upper ? IsLower(c) : IsUpper(c))
            {
                return false;
            }
            cased |= upper ? IsUpper(c) : IsLower(c);
        }
        return cased;
    }

    public static byte[] Capitalize(ReadOnlySpan<byte> data)
    {
        var r = new byte[data.Length];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = i == 0 ? Upper(data[i]) : Lower(data[i]);
        }
        return r;
    }

    public static byte[] Title(ReadOnlySpan<byte> data)
    {
        var r = new byte[data.Length];
        var previousCased = false;
        for (var i = 0; i < r.Length; i++)
        {
            var c = data[i];
            r[i] = previousCased ? Lower(c) : Upper(c);
            previousCased = IsUpper(c) || IsLower(c);
        }
        return r;
    }

    /// <summary>The index of item <paramref name="key"/> in a sequence of <paramref name="length"/>.</summary>
    public static int ItemIndex(PyObject key, int length, string what, string outOfRange)
    {
        if (key is not PyInt && key.Type.Slots.Index is null)
        {
            throw PyErr.TypeError($"{what} indices must be integers or slices, not {key.Type.Name}");
        }
        var i = Ops.Index(key);
        if (!i.IsSmall)
        {
            throw PyErr.IndexError("cannot fit 'int' into an index-sized integer");
        }
        var n = i.Small < 0 ? i.Small + length : i.Small;
        return (ulong)n < (ulong)length ? (int)n : throw PyErr.IndexError(outOfRange);
    }

    public static byte[] Select(ReadOnlySpan<byte> data, long n, long start, long step)
    {
        if (step == 1)
        {
            return data.Slice((int)start, (int)n).ToArray();
        }
        var r = new byte[n];
        for (long i = 0, j = start; i < n; i++, j += step)
        {
            r[i] = data[(int)j];
        }
        return r;
    }

    public static byte[] Repeat(ReadOnlySpan<byte> data, int n)
    {
        if ((long)n * data.Length > int.MaxValue)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
        var r = new byte[n * data.Length];
        for (var i = 0; i < n; i++)
        {
            data.CopyTo(r.AsSpan(i * data.Length));
        }
        return r;
    }

    public static PyObject Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, CompareOp op)
    {
        var c = op is CompareOp.Eq or CompareOp.Ne ? (a.SequenceEqual(b) ? 0 : 1) : a.SequenceCompareTo(b);
        return PyBool.From(op switch
        {
            CompareOp.Eq => c == 0,
            CompareOp.Ne => c != 0,
            CompareOp.Lt => c < 0,
            CompareOp.Le => c <= 0,
            CompareOp.Gt => c > 0,
            _ => c >= 0,
        });
    }

    public static bool Contains(ReadOnlySpan<byte> data, PyObject item)
    {
        var sub = PyBytes.BufferOf(item, out var ok);
        if (ok)
        {
            return data.IndexOf(sub) >= 0;
        }
        if (item is not PyInt && item.Type.Slots.Index is null)
        {
            throw PyErr.TypeError($"a bytes-like object is required, not '{item.Type.Name}'");
        }
        return data.IndexOf(PyBytes.ByteValue(item)) >= 0;
    }

    /// <summary>The needle of find/count/index: a bytes-like object or an int byte.</summary>
    private static byte[] Needle(PyObject sub)
    {
        var data = PyBytes.BufferOf(sub, out var ok);
        if (ok)
        {
            return data.ToArray();
        }
        if (sub is not PyInt && sub.Type.Slots.Index is null)
        {
            throw PyErr.TypeError($"argument should be integer or bytes-like object, not '{sub.Type.Name}'");
        }
        return [PyBytes.ByteValue(sub)];
    }

    public static long Find(ReadOnlySpan<byte> data, PyObject sub, PyObject? start, PyObject? end, bool last)
    {
        var needle = Needle(sub);
        var (s, e) = Bounds(start, end, data.Length);
        if (e < s || e - s < needle.Length)
        {
            return -1;
        }
        var span = data[s..e];
        var i = last ? span.LastIndexOf(needle) : span.IndexOf(needle);
        return i < 0 ? -1 : s + i;
    }

    public static long Count(ReadOnlySpan<byte> data, PyObject sub, PyObject? start, PyObject? end)
    {
        var needle = Needle(sub);
        var (s, e) = Bounds(start, end, data.Length);
        if (e < s || e - s < needle.Length)
        {
            return 0;
        }
        var span = data[s..e];
        return needle.Length == 0 ? span.Length + 1 : span.Count(needle);
    }

    /// <summary>Start and end of a search as slice indices clamped to the data; end may fall
    /// before start (the search then finds nothing).</summary>
    private static (int Start, int End) Bounds(PyObject? start, PyObject? end, int length)
    {
        // The start is not clamped to the length: a start past the end finds nothing, not even
        // an empty needle.
        static long Bound(PyObject? o, int length, int dflt)
        {
            if (o is null or PyNone)
            {
                return dflt;
            }
            var v = PySlice.SliceIndex(o);
            return v < 0 ? Math.Max(0, v + length) : v;
        }
        var s = (int)Math.Min(Bound(start, length, 0), length + 1L);
        var e = (int)Math.Min(Bound(end, length, length), length);
        return (s, e);
    }

    public static bool StartsEnds(ReadOnlySpan<byte> data, string name, PyObject affix, PyObject? start, PyObject? end, bool atEnd)
    {
        var (s, e) = Bounds(start, end, data.Length);
        if (affix is PyTuple t)
        {
            foreach (var item in t.Items)
            {
                if (Matches(data, name, item, s, e, atEnd, true))
                {
                    return true;
                }
            }
            return false;
        }
        return Matches(data, name, affix, s, e, atEnd, false);
    }

    private static bool Matches(ReadOnlySpan<byte> data, string name, PyObject affix, int s, int e, bool atEnd, bool inTuple)
    {
        var a = PyBytes.BufferOf(affix, out var ok);
        if (!ok)
        {
            throw PyErr.TypeError(inTuple
                ? $"a bytes-like object is required, not '{affix.Type.Name}'"
                : $"{name} first arg must be bytes or a tuple of bytes, not {affix.Type.Name}");
        }
        if (e < s || e - s < a.Length)
        {
            return false;
        }
        return atEnd ? data[(e - a.Length)..e].SequenceEqual(a) : data.Slice(s, a.Length).SequenceEqual(a);
    }

    public static byte[] Join(ReadOnlySpan<byte> sep, PyObject iterable)
    {
        var result = new List<byte>();
        var i = 0;
        foreach (var item in Ops.Iterate(iterable))
        {
            var part = PyBytes.BufferOf(item, out var ok);
            if (!ok)
            {
                throw PyErr.TypeError($"sequence item {i}: expected a bytes-like object, {item.Type.Name} found");
            }
            if (i++ > 0)
            {
                result.AddRange(sep);
            }
            result.AddRange(part);
        }
        return [.. result];
    }

    public static List<byte[]> Split(ReadOnlySpan<byte> data, PyObject? sep, long maxsplit, bool fromRight)
    {
        var parts = new List<byte[]>();
        var max = maxsplit < 0 ? long.MaxValue : maxsplit;
        if (sep is not null and not PyNone)
        {
            var separator = PyBytes.Buffer(sep);
            if (separator.Length == 0)
            {
                throw PyErr.ValueError("empty separator");
            }
            if (!fromRight)
            {
                var i = 0;
                for (long k = 0; k < max; k++)
                {
                    var j = data[i..].IndexOf(separator);
                    if (j < 0)
                    {
                        break;
                    }
                    parts.Add(data.Slice(i, j).ToArray());
                    i += j + separator.Length;
                }
                parts.Add(data[i..].ToArray());
                return parts;
            }
            var end = data.Length;
            for (long k = 0; k < max; k++)
            {
                var j = data[..end].LastIndexOf(separator);
                if (j < 0)
                {
                    break;
                }
                parts.Add(data[(j + separator.Length)..end].ToArray());
                end = j;
            }
            parts.Add(data[..end].ToArray());
            parts.Reverse();
            return parts;
        }
        if (!fromRight)
        {
            var pos = 0;
            while (true)
            {
                while (pos < data.Length && IsSpace(data[pos]))
                {
                    pos++;
                }
                if (pos == data.Length)
                {
                    break;
                }
                if (max-- == 0)
                {
                    parts.Add(data[pos..].ToArray());
                    break;
                }
                var start = pos;
                while (pos < data.Length && !IsSpace(data[pos]))
                {
                    pos++;
                }
                parts.Add(data[start..pos].ToArray());
            }
            return parts;
        }
        var p = data.Length;
        while (true)
        {
            while (p > 0 && IsSpace(data[p - 1]))
            {
                p--;
            }
            if (p == 0)
            {
                break;
            }
            if (max-- == 0)
            {
                parts.Add(data[..p].ToArray());
                break;
            }
            var stop = p;
            while (p > 0 && !IsSpace(data[p - 1]))
            {
                p--;
            }
            parts.Add(data[p..stop].ToArray());
        }
        parts.Reverse();
        return parts;
    }

    public static ReadOnlySpan<byte> Strip(ReadOnlySpan<byte> data, PyObject? chars, bool left, bool right)
    {
        ReadOnlySpan<byte> set = chars is null or PyNone ? " \t\n\r\v\f"u8 : PyBytes.Buffer(chars);
        var s = 0;
        var e = data.Length;
        if (left)
        {
            while (s < e && set.Contains(data[s]))
            {
                s++;
            }
        }
        if (right)
        {
            while (e > s && set.Contains(data[e - 1]))
            {
                e--;
            }
        }
        return data[s..e];
    }

    public static byte[] Replace(ReadOnlySpan<byte> data, PyObject oldObj, PyObject newObj, long count)
    {
        var old = PyBytes.Buffer(oldObj);
        var replacement = PyBytes.Buffer(newObj);
        var max = count < 0 ? long.MaxValue : count;
        var r = new List<byte>(data.Length);
        if (old.Length == 0)
        {
            // An empty pattern matches before every byte and at the end.
            long n = 0;
            for (var i = 0; i <= data.Length; i++)
            {
                if (n++ < max)
                {
                    r.AddRange(replacement);
                }
                if (i < data.Length)
                {
                    r.Add(data[i]);
                }
            }
            return [.. r];
        }
        var pos = 0;
        for (long k = 0; k < max; k++)
        {
            var j = data[pos..].IndexOf(old);
            if (j < 0)
            {
                break;
            }
            r.AddRange(data.Slice(pos, j));
            r.AddRange(replacement);
            pos += j + old.Length;
        }
        r.AddRange(data[pos..]);
        return [.. r];
    }

    public static PyStr Hex(ReadOnlySpan<byte> data, PyObject? sepObj, PyObject? perSepObj)
    {
        if (sepObj is null)
        {
            return new PyStr(Convert.ToHexStringLower(data));
        }
        string sep;
        if (sepObj is PyStr s)
        {
            sep = s.Value;
        }
        else
        {
            var b = PyBytes.BufferOf(sepObj, out var ok);
            sep = ok ? Encoding.Latin1.GetString(b) : throw PyErr.TypeError($"sep must be str or bytes.");
        }
        if (sep.Length != 1)
        {
            throw PyErr.ValueError("sep must be length 1.");
        }
        if (sep[0] > 127)
        {
            throw PyErr.ValueError("sep must be ASCII.");
        }
        var per = perSepObj is null ? 1 : Ops.Index(perSepObj).Small;
        if (per == 0 || data.Length == 0)
        {
            return new PyStr(Convert.ToHexStringLower(data));
        }
        var group = (int)Math.Min(Math.Abs(per), data.Length);
        var sb = new StringBuilder();
        // A positive count groups from the right, a negative one from the left.
        var first = per > 0 ? data.Length % group : group;
        if (first == 0)
        {
            first = group;
        }
        for (var i = 0; i < data.Length; i++)
        {
            if (i > 0 && (per > 0 ? (i - first) % group == 0 : i % group == 0))
            {
                sb.Append(sep[0]);
            }
            sb.Append(data[i].ToString("x2"));
        }
        return new PyStr(sb.ToString());
    }

    public static byte[] FromHex(PyObject arg)
    {
        if (arg is not PyStr s)
        {
            throw PyErr.TypeError($"fromhex() argument must be str, not {arg.Type.Name}");
        }
        var v = s.Value;
        var r = new List<byte>();
        var i = 0;
        while (true)
        {
            while (i < v.Length && v[i] is ' ' or '\t' or '\n' or '\r' or '\v' or '\f')
            {
                i++;
            }
            if (i >= v.Length)
            {
                break;
            }
            var hi = HexValue(v[i]);
            var lo = i + 1 < v.Length ? HexValue(v[i + 1]) : -1;
            if (hi < 0 || lo < 0)
            {
                var at = hi < 0 ? i : i + 1;
                throw PyErr.ValueError($"non-hexadecimal number found in fromhex() arg at position {at}");
            }
            r.Add((byte)(hi * 16 + lo));
            i += 2;
        }
        return [.. r];
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary><c>partition</c> / <c>rpartition</c>: before, separator, after.</summary>
    public static (byte[] Before, byte[] Sep, byte[] After) Partition(ReadOnlySpan<byte> data, PyObject sepObj, bool last)
    {
        var sep = PyBytes.Buffer(sepObj);
        if (sep.Length == 0)
        {
            throw PyErr.ValueError("empty separator");
        }
        var i = last ? data.LastIndexOf(sep) : data.IndexOf(sep);
        if (i < 0)
        {
            return last ? ([], [], data.ToArray()) : (data.ToArray(), [], []);
        }
        return (data[..i].ToArray(), sep.ToArray(), data[(i + sep.Length)..].ToArray());
    }

    public static List<byte[]> SplitLines(ReadOnlySpan<byte> data, bool keepends)
    {
        var lines = new List<byte[]>();
        var i = 0;
        while (i < data.Length)
        {
            var start = i;
            while (i < data.Length && data[i] is not ((byte)'\n' or (byte)'\r'))
            {
                i++;
            }
            var eol = i;
            if (i < data.Length)
            {
                i += data[i] == '\r' && i + 1 < data.Length && data[i + 1] == '\n' ? 2 : 1;
            }
            lines.Add(data[start..(keepends ? i : eol)].ToArray());
        }
        return lines;
    }

    /// <summary><c>ljust</c>, <c>rjust</c>, <c>center</c>: <paramref name="where"/> is 'l', 'r' or 'c'.</summary>
    public static byte[]? Pad(ReadOnlySpan<byte> data, string name, long width, PyObject? fillchar, char where)
    {
        byte fill = (byte)' ';
        if (fillchar is not null)
        {
            var f = PyBytes.BufferOf(fillchar, out var ok);
            if (!ok || f.Length != 1)
            {
                throw PyErr.TypeError($"{name}() argument 2 must be a byte string of length 1, not {fillchar.Type.Name}");
            }
            fill = f[0];
        }
        if (width <= data.Length)
        {
            return null;
        }
        var pad = (int)width - data.Length;
        var left = where switch { 'l' => 0, 'r' => pad, _ => pad / 2 + (pad & (int)width & 1) };
        var r = new byte[width];
        r.AsSpan().Fill(fill);
        data.CopyTo(r.AsSpan(left));
        return r;
    }

    public static byte[]? ZFill(ReadOnlySpan<byte> data, long width)
    {
        if (width <= data.Length)
        {
            return null;
        }
        var r = new byte[width];
        var pad = (int)width - data.Length;
        r.AsSpan(0, pad).Fill((byte)'0');
        data.CopyTo(r.AsSpan(pad));
        if (data.Length > 0 && data[0] is (byte)'+' or (byte)'-')
        {
            r[0] = data[0];
            r[pad] = (byte)'0';
        }
        return r;
    }

    public static bool IsTitle(ReadOnlySpan<byte> data)
    {
        var cased = false;
        var previousCased = false;
        foreach (var c in data)
        {
            if (IsUpper(c))
            {
                if (previousCased)
                {
                    return false;
                }
                previousCased = cased = true;
            }
            else if (IsLower(c))
            {
                if (!previousCased)
                {
                    return false;
                }
                previousCased = cased = true;
            }
            else
            {
                previousCased = false;
            }
        }
        return cased;
    }

    public static byte[] ExpandTabs(ReadOnlySpan<byte> data, long tabsize)
    {
        var r = new List<byte>(data.Length);
        long column = 0;
        foreach (var c in data)
        {
            if (c == '\t')
            {
                if (tabsize > 0)
                {
                    var n = tabsize - column % tabsize;
                    for (var k = 0; k < n; k++)
                    {
                        r.Add((byte)' ');
                    }
                    column += n;
                }
            }
            else
            {
                r.Add(c);
                column = c is (byte)'\n' or (byte)'\r' ? 0 : column + 1;
            }
        }
        return [.. r];
    }

    public static byte[] MakeTrans(PyObject fromObj, PyObject toObj)
    {
        var from = PyBytes.Buffer(fromObj);
        var to = PyBytes.Buffer(toObj);
        if (from.Length != to.Length)
        {
            throw PyErr.ValueError("maketrans arguments must have same length");
        }
        var table = new byte[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (byte)i;
        }
        for (var i = 0; i < from.Length; i++)
        {
            table[from[i]] = to[i];
        }
        return table;
    }

    /// <summary><c>translate(table, delete=b'')</c>: a null table maps every byte to itself.</summary>
    public static byte[] Translate(ReadOnlySpan<byte> data, PyObject table, PyObject? delete)
    {
        var map = table is PyNone ? default : PyBytes.Buffer(table);
        if (table is not PyNone && map.Length != 256)
        {
            throw PyErr.ValueError("translation table must be 256 characters long");
        }
        var drop = delete is null ? default : PyBytes.Buffer(delete);
        var r = new List<byte>(data.Length);
        foreach (var c in data)
        {
            if (!drop.Contains(c))
            {
                r.Add(map.IsEmpty ? c : map[c]);
            }
        }
        return [.. r];
    }

    /// <summary><c>decode(encoding='utf-8', errors='strict')</c>.</summary>
    public static PyStr Decode(string fname, ReadOnlySpan<byte> data, PyObject? encoding, PyObject? errors)
    {
        var enc = encoding is null ? "utf-8" : Python.Codecs.StrArg(fname, "encoding", 1, encoding);
        var err = errors is null ? "strict" : Python.Codecs.StrArg(fname, "errors", 2, errors);
        return new PyStr(Python.Codecs.Decode(data, enc, err));
    }
}
