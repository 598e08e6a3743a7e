// Objects/unicodeobject.c (str methods)
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

public partial class PyStr
{
    /// <summary>The result of a method that leaves the string unchanged: the str itself, or a
    /// plain str copy for subclass instances, as CPython's <c>unicode_result_unchanged</c>.</summary>
    private PyStr Unchanged() => GetType() == typeof(PyStr) ? this : new PyStr(Value);

    private static PyStr Make(string s) => s.Length == 0 ? Empty : s.Length == 1 ? FromChar(s[0]) : new PyStr(s);

    [PySlot("sq_length")]
    public long Length() => CodePointCount;

    [PySlot("sq_contains")]
    public bool Contains(PyObject item)
    {
        if (item is not PyStr s)
        {
            throw PyErr.TypeError($"'in <string>' requires string as left operand, not {item.Type.Name}");
        }
        return Value.Contains(s.Value, StringComparison.Ordinal);
    }

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        if (key is PySlice slice)
        {
            return SliceOf(slice);
        }
        if (key is not PyInt && key.Type.Slots.Index is null)
        {
            throw PyErr.TypeError($"string indices must be integers, not '{key.Type.Name}'");
        }
        var i = Ops.Index(key);
        var n = CodePointCount;
        if (!i.IsSmall)
        {
            throw PyErr.IndexError("cannot fit 'int' into an index-sized integer");
        }
        var k = i.Small < 0 ? i.Small + n : i.Small;
        if (k < 0 || k >= n)
        {
            throw PyErr.IndexError("string index out of range");
        }
        if (IsSimple)
        {
            return FromChar(Value[(int)k]);
        }
        var offset = CharOffset((int)k);
        var v = Value;
        return IsPairAt(v, offset) ? new PyStr(v.Substring(offset, 2)) : FromChar(v[offset]);
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => Ascii.IsValid(Value) ? new PyStrAsciiIterator(Value) : new PyStrIterator(Value);

    [PySlot("sq_repeat")]
    public PyObject Repeat(PyObject count)
    {
        if (count is not PyInt && count.Type.Slots.Index is null)
        {
            throw PyErr.TypeError($"can't multiply sequence by non-int of type '{count.Type.Name}'");
        }
        var n = Ops.Index(count);
        if (!n.IsSmall)
        {
            throw PyErr.OverflowError("cannot fit 'int' into an index-sized integer");
        }
        if (n.Small <= 0 || Value.Length == 0)
        {
            return Empty;
        }
        if (n.Small == 1)
        {
            return Unchanged();
        }
        if (n.Small > (long)int.MaxValue / 2 / Value.Length)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
        var times = (int)n.Small;
        if (Value.Length == 1)
        {
            return new PyStr(new string(Value[0], times));
        }
        return new PyStr(string.Create(Value.Length * times, Value, static (span, v) =>
        {
            for (var i = 0; i < span.Length; i += v.Length)
            {
                v.AsSpan().CopyTo(span[i..]);
            }
        }));
    }

    [PySlot("nb_remainder")]
    public static PyObject Remainder(PyObject left, PyObject right) =>
        left is PyStr format ? Python.PercentFormat.Format(format.Value, right) : PyNotImplemented.Value;

    [PyMethod("__format__")]
    public PyStr FormatMethod(PyObject formatSpec) => Python.FormatterUnicode.FormatStr(this, StrArg("__format__", formatSpec).Value);

    [PyMethod("format")]
    public PyStr FormatArgs(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => UnicodeFormat.Format(Value, args, kwnames, null);

    [PyMethod("format_map")]
    public PyStr FormatMap(PyObject mapping) => UnicodeFormat.Format(Value, [], null, mapping);

    [PyMethod(Keywords = true)]
    public PyBytes Encode(PyObject? encoding = null, PyObject? errors = null)
    {
        var enc = encoding is null ? "utf-8" : Python.Codecs.StrArg("encode", "encoding", 1, encoding);
        var err = errors is null ? "strict" : Python.Codecs.StrArg("encode", "errors", 2, errors);
        return new PyBytes(Python.Codecs.Encode(this, enc, err));
    }

    [PyMethod("__getnewargs__")]
    public PyTuple GetNewArgs() => PyTuple.Create(new PyStr(Value));

    [PyMethod]
    public PyStr Join(PyObject iterable)
    {
        if (iterable.Type.Slots.Iter is null && iterable.Type.Slots.GetItem is null)
        {
            throw PyErr.TypeError("can only join an iterable");
        }
        if (iterable is PyList list)
        {
            return JoinItems(list.Items);
        }
        if (iterable is PyTuple tuple)
        {
            return JoinItems(tuple.Items);
        }
        var sb = new StringBuilder();
        var i = 0;
        foreach (var item in Ops.Iterate(iterable))
        {
            if (item is not PyStr s)
            {
                throw PyErr.TypeError($"sequence item {i}: expected str instance, {item.Type.Name} found");
            }
            if (i > 0)
            {
                sb.Append(Value);
            }
            sb.Append(s.Value);
            i++;
        }
        return Make(sb.ToString());
    }

    /// <summary>join over a list's or tuple's items: the length is known before copying.</summary>
    private PyStr JoinItems(ReadOnlySpan<PyObject> items)
    {
        if (items.Length == 1 && items[0].GetType() == typeof(PyStr))
        {
            return (PyStr)items[0];
        }
        long length = (long)Value.Length * Math.Max(0, items.Length - 1);
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is not PyStr s)
            {
                throw PyErr.TypeError($"sequence item {i}: expected str instance, {items[i].Type.Name} found");
            }
            length += s.Value.Length;
        }
        if (length > int.MaxValue / 2)
        {
            throw PyErr.OverflowError("join() result is too long for a Python string");
        }
        if (length == 0)
        {
            return Empty;
        }
        // Written in place: one allocation of the result (a builder would make a second copy,
        // and both are large objects, which the collector counts against a full collection).
        return new PyStr(string.Create((int)length, new JoinState(items, Value), static (chars, state) =>
        {
            var at = 0;
            for (var i = 0; i < state.Items.Length; i++)
            {
                if (i > 0)
                {
                    state.Separator.CopyTo(chars[at..]);
                    at += state.Separator.Length;
                }
                var item = ((PyStr)state.Items[i]).Value;
                item.CopyTo(chars[at..]);
                at += item.Length;
            }
        }));
    }

    private readonly ref struct JoinState(ReadOnlySpan<PyObject> items, string separator)
    {
        public ReadOnlySpan<PyObject> Items { get; } = items;

        public string Separator { get; } = separator;
    }

    // ---- searching ----

    /// <summary>A start or end argument: None or absent gives the default; otherwise an index,
    /// clamped to the int range as CPython's <c>_PyEval_SliceIndex</c> clamps to ssize_t.</summary>
    private static long SliceIndex(PyObject? o, long @default)
    {
        if (o is null || o is PyNone)
        {
            return @default;
        }
        if (o is not PyInt && o.Type.Slots.Index is null)
        {
            throw PyErr.TypeError("slice indices must be integers or None or have an __index__ method");
        }
        var i = Ops.Index(o);
        return i.IsSmall ? i.Small : i.Value.Sign < 0 ? long.MinValue : long.MaxValue;
    }

    /// <summary>ADJUST_INDICES: start and end in code points, negative ones from the end;
    /// start may exceed the length (callers treat that as no match).</summary>
    private (int Start, int End) Range(PyObject? start, PyObject? end)
    {
        long n = CodePointCount;
        var s = SliceIndex(start, 0);
        var e = SliceIndex(end, n);
        if (e > n)
        {
            e = n;
        }
        else if (e < 0)
        {
            e = Math.Max(0, e + n);
        }
        if (s < 0)
        {
            s = Math.Max(0, s + n);
        }
        return ((int)Math.Min(s, n + 1), (int)e);
    }

    /// <summary>The arguments of find, count, startswith and their kin, parsed as
    /// <c>stringlib_parse_args_finds</c> does (old-style messages).</summary>
    private (PyObject Sub, int Start, int End) FindArgs(string method, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("str." + method, kwnames);
        if (args.Length < 1)
        {
            throw PyErr.TypeError($"{method}() takes at least 1 argument (0 given)");
        }
        if (args.Length > 3)
        {
            throw PyErr.TypeError($"{method}() takes at most 3 arguments ({args.Length} given)");
        }
        var (s, e) = Range(args.Length > 1 ? args[1] : null, args.Length > 2 ? args[2] : null);
        return (args[0], s, e);
    }

    private static string SubArg(PyObject o) =>
        o is PyStr s ? s.Value : throw PyErr.TypeError($"must be str, not {o.Type.Name}");

    /// <summary>The code-point index of <paramref name="sub"/> in [start, end), or -1.</summary>
    private int FindIn(string sub, int start, int end, bool last)
    {
        var subLen = CountCodePoints(sub);
        if (start > CodePointCount || end - start < subLen)
        {
            return -1;
        }
        if (subLen == 0)
        {
            return last ? end : start;
        }
        var cs = CharOffset(start);
        var ce = CharOffset(end);
        var span = Value.AsSpan(cs, ce - cs);
        var i = last ? span.LastIndexOf(sub.AsSpan()) : span.IndexOf(sub.AsSpan());
        return i < 0 ? -1 : CodePointIndex(cs + i);
    }

    [PyMethod]
    public long Find(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var (sub, s, e) = FindArgs("find", args, kwnames);
        var i = FindIn(SubArg(sub), s, e, false);
        return i;
    }

    [PyMethod]
    public long RFind(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var (sub, s, e) = FindArgs("rfind", args, kwnames);
        var i = FindIn(SubArg(sub), s, e, true);
        return i;
    }

    [PyMethod]
    public long Index(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var (sub, s, e) = FindArgs("index", args, kwnames);
        var i = FindIn(SubArg(sub), s, e, false);
        return i >= 0 ? i : throw PyErr.ValueError("substring not found");
    }

    [PyMethod]
    public long RIndex(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var (sub, s, e) = FindArgs("rindex", args, kwnames);
        var i = FindIn(SubArg(sub), s, e, true);
        return i >= 0 ? i : throw PyErr.ValueError("substring not found");
    }

    [PyMethod]
    public long Count(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var (sub, s, e) = FindArgs("count", args, kwnames);
        var needle = SubArg(sub);
        var subLen = CountCodePoints(needle);
        if (s > CodePointCount || e - s < subLen)
        {
            return 0;
        }
        if (subLen == 0)
        {
            return e - s + 1;
        }
        var cs = CharOffset(s);
        var span = Value.AsSpan(cs, CharOffset(e) - cs);
        long n = 0;
        for (var i = span.IndexOf(needle.AsSpan()); i >= 0; i = span.IndexOf(needle.AsSpan()))
        {
            n++;
            span = span[(i + needle.Length)..];
        }
        return n;
    }

    private bool TailMatch(string sub, int start, int end, bool atEnd)
    {
        var subLen = CountCodePoints(sub);
        if (start > CodePointCount || end - subLen < start)
        {
            return false;
        }
        if (subLen == 0)
        {
            return true;
        }
        var at = atEnd ? end - subLen : start;
        return Value.AsSpan(CharOffset(at)).StartsWith(sub.AsSpan(), StringComparison.Ordinal)
            && (!atEnd || CharOffset(at) + sub.Length == CharOffset(end));
    }

    private bool StartsOrEnds(string method, ReadOnlySpan<PyObject> args, PyTuple? kwnames, bool atEnd)
    {
        var (prefix, s, e) = FindArgs(method, args, kwnames);
        if (prefix is PyTuple t)
        {
            foreach (var item in t.Items)
            {
                if (item is not PyStr p)
                {
                    throw PyErr.TypeError($"tuple for {method} must only contain str, not {item.Type.Name}");
                }
                if (TailMatch(p.Value, s, e, atEnd))
                {
                    return true;
                }
            }
            return false;
        }
        if (prefix is not PyStr one)
        {
            throw PyErr.TypeError($"{method} first arg must be str or a tuple of str, not {prefix.Type.Name}");
        }
        return TailMatch(one.Value, s, e, atEnd);
    }

    [PyMethod]
    public bool StartsWith(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => StartsOrEnds("startswith", args, kwnames, false);

    [PyMethod]
    public bool EndsWith(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => StartsOrEnds("endswith", args, kwnames, true);

    [PyMethod]
    public PyStr RemovePrefix(PyObject prefixArg) =>
        StrArg("removeprefix", prefixArg) is var prefix && Value.StartsWith(prefix.Value, StringComparison.Ordinal) && prefix.Value.Length > 0 ? Make(Value[prefix.Value.Length..]) : Unchanged();

    [PyMethod]
    public PyStr RemoveSuffix(PyObject suffixArg) =>
        StrArg("removesuffix", suffixArg) is var suffix && Value.EndsWith(suffix.Value, StringComparison.Ordinal) && suffix.Value.Length > 0 ? Make(Value[..^suffix.Value.Length]) : Unchanged();

    /// <summary>A single str argument of a METH_O method or __format__, with its message.</summary>
    internal static PyStr StrArg(string method, PyObject o) =>
        o as PyStr ?? throw PyErr.TypeError($"{method}() argument must be str, not {o.Type.Name}");

    // ---- splitting and joining ----

    private static string? SepArg(PyObject? sep)
    {
        if (sep is null || sep is PyNone)
        {
            return null;
        }
        var s = sep as PyStr ?? throw PyErr.TypeError($"must be str or None, not {sep.Type.Name}");
        return s.Value.Length == 0 ? throw PyErr.ValueError("empty separator") : s.Value;
    }

    [PyMethod(Keywords = true)]
    public PyList Split(PyObject? sep = null, long maxsplit = -1)
    {
        var v = Value;
        var list = new PyList();
        var max = maxsplit < 0 ? long.MaxValue : maxsplit;
        if (SepArg(sep) is { } separator)
        {
            var i = 0;
            for (long k = 0; k < max; k++)
            {
                var j = v.IndexOf(separator, i, StringComparison.Ordinal);
                if (j < 0)
                {
                    break;
                }
                list.Append(Make(v[i..j]));
                i = j + separator.Length;
            }
            list.Append(i == 0 && GetType() == typeof(PyStr) ? this : Make(v[i..]));
            return list;
        }
        var pos = 0;
        var n = v.Length;
        while (true)
        {
            while (pos < n && UnicodeCtype.IsSpace(v[pos]))
            {
                pos++;
            }
            if (pos == n)
            {
                break;
            }
            if (max-- == 0)
            {
                list.Append(Make(v[pos..]));
                break;
            }
            var start = pos;
            while (pos < n && !UnicodeCtype.IsSpace(v[pos]))
            {
                pos++;
            }
            list.Append(start == 0 && pos == n && GetType() == typeof(PyStr) ? this : Make(v[start..pos]));
        }
        return list;
    }

    [PyMethod(Keywords = true)]
    public PyList RSplit(PyObject? sep = null, long maxsplit = -1)
    {
        var v = Value;
        var parts = new List<PyObject>();
        var max = maxsplit < 0 ? long.MaxValue : maxsplit;
        if (SepArg(sep) is { } separator)
        {
            var end = v.Length;
            for (long k = 0; k < max; k++)
            {
                var j = end >= separator.Length ? v.LastIndexOf(separator, end - 1, end, StringComparison.Ordinal) : -1;
                if (j < 0)
                {
                    break;
                }
                parts.Add(Make(v[(j + separator.Length)..end]));
                end = j;
            }
            parts.Add(Make(v[..end]));
        }
        else
        {
            var pos = v.Length;
            while (true)
            {
                while (pos > 0 && UnicodeCtype.IsSpace(v[pos - 1]))
                {
                    pos--;
                }
                if (pos == 0)
                {
                    break;
                }
                if (max-- == 0)
                {
                    parts.Add(Make(v[..pos]));
                    break;
                }
                var end = pos;
                while (pos > 0 && !UnicodeCtype.IsSpace(v[pos - 1]))
                {
                    pos--;
                }
                parts.Add(Make(v[pos..end]));
            }
        }
        parts.Reverse();
        return new PyList(parts.ToArray());
    }

    [PyMethod(Keywords = true)]
    public PyList SplitLines(bool keepends = false)
    {
        var v = Value;
        var list = new PyList();
        var i = 0;
        while (i < v.Length)
        {
            var start = i;
            while (i < v.Length && !UnicodeCtype.IsLineBreak(v[i]))
            {
                i++;
            }
            var eol = i;
            if (i < v.Length)
            {
                i += v[i] == '\r' && i + 1 < v.Length && v[i + 1] == '\n' ? 2 : 1;
                if (keepends)
                {
                    eol = i;
                }
            }
            list.Append(Make(v[start..eol]));
        }
        return list;
    }

    private PyTuple PartitionAt(PyObject sep, bool last)
    {
        var s = sep as PyStr ?? throw PyErr.TypeError($"must be str, not {sep.Type.Name}");
        if (s.Value.Length == 0)
        {
            throw PyErr.ValueError("empty separator");
        }
        var i = last ? Value.LastIndexOf(s.Value, StringComparison.Ordinal) : Value.IndexOf(s.Value, StringComparison.Ordinal);
        if (i < 0)
        {
            return last ? PyTuple.Create(Empty, Empty, Unchanged()) : PyTuple.Create(Unchanged(), Empty, Empty);
        }
        return PyTuple.Create(Make(Value[..i]), s, Make(Value[(i + s.Value.Length)..]));
    }

    [PyMethod]
    public PyTuple Partition(PyObject sep) => PartitionAt(sep, false);

    [PyMethod]
    public PyTuple RPartition(PyObject sep) => PartitionAt(sep, true);

    // ---- stripping, padding, replacing ----

    private PyStr StripImpl(string method, PyObject? chars, bool left, bool right)
    {
        var v = Value;
        int i = 0, j = v.Length;
        if (chars is null || chars is PyNone)
        {
            while (left && i < j && UnicodeCtype.IsSpace(v[i]))
            {
                i++;
            }
            while (right && j > i && UnicodeCtype.IsSpace(v[j - 1]))
            {
                j--;
            }
        }
        else
        {
            var set = (chars as PyStr ?? throw PyErr.TypeError($"{method} arg must be None or str")).Value;
            while (left && i < j)
            {
                var k = i;
                var cp = NextCodePoint(v, ref k);
                if (!ContainsCodePoint(set, cp))
                {
                    break;
                }
                i = k;
            }
            while (right && j > i)
            {
                var k = j >= 2 && char.IsLowSurrogate(v[j - 1]) && char.IsHighSurrogate(v[j - 2]) && j - 2 >= i ? j - 2 : j - 1;
                var at = k;
                var cp = NextCodePoint(v, ref at);
                if (!ContainsCodePoint(set, cp))
                {
                    break;
                }
                j = k;
            }
        }
        return i == 0 && j == v.Length ? Unchanged() : Make(v[i..j]);
    }

    private static bool ContainsCodePoint(string s, int cp)
    {
        if (cp <= 0xffff)
        {
            var i = s.IndexOf((char)cp);
            // A lone surrogate matches only where it is not half of a pair.
            while (i >= 0 && char.IsSurrogate((char)cp) && (IsPairAt(s, i) || (i > 0 && IsPairAt(s, i - 1))))
            {
                i = s.IndexOf((char)cp, i + 1);
            }
            return i >= 0;
        }
        return s.Contains(char.ConvertFromUtf32(cp), StringComparison.Ordinal);
    }

    [PyMethod]
    public PyStr Strip(PyObject? chars = null) => StripImpl("strip", chars, true, true);

    [PyMethod]
    public PyStr LStrip(PyObject? chars = null) => StripImpl("lstrip", chars, true, false);

    [PyMethod]
    public PyStr RStrip(PyObject? chars = null) => StripImpl("rstrip", chars, false, true);

    private static string FillChar(PyObject? fillArg)
    {
        if (fillArg is null)
        {
            return " ";
        }
        var fill = fillArg as PyStr ?? throw PyErr.TypeError($"The fill character must be a unicode character, not {fillArg.Type.Name}");
        return CountCodePoints(fill.Value) == 1 ? fill.Value : throw PyErr.TypeError("The fill character must be exactly one character long");
    }

    private PyStr Pad(long left, long right, string fill)
    {
        if (left < 0)
        {
            left = 0;
        }
        if (right < 0)
        {
            right = 0;
        }
        if (left == 0 && right == 0)
        {
            return Unchanged();
        }
        if (left + right > int.MaxValue / 2 - Value.Length)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
        var sb = new StringBuilder(Value.Length + (int)(left + right) * fill.Length);
        for (var k = 0; k < left; k++)
        {
            sb.Append(fill);
        }
        sb.Append(Value);
        for (var k = 0; k < right; k++)
        {
            sb.Append(fill);
        }
        return new PyStr(sb.ToString());
    }

    [PyMethod]
    public PyStr Center(long width, PyObject? fillchar = null)
    {
        var fill = FillChar(fillchar);
        long n = CodePointCount;
        if (n >= width)
        {
            return Unchanged();
        }
        var marg = width - n;
        var left = marg / 2 + (marg & width & 1);
        return Pad(left, marg - left, fill);
    }

    [PyMethod]
    public PyStr LJust(long width, PyObject? fillchar = null) =>
        Pad(0, width - CodePointCount, FillChar(fillchar));

    [PyMethod]
    public PyStr RJust(long width, PyObject? fillchar = null) =>
        Pad(width - CodePointCount, 0, FillChar(fillchar));

    [PyMethod]
    public PyStr ZFill(long width)
    {
        var fill = width - CodePointCount;
        if (fill <= 0)
        {
            return Unchanged();
        }
        if (fill > int.MaxValue / 2 - Value.Length)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
        var zeros = new string('0', (int)fill);
        // The sign stays in front of the zeros.
        var padded = Value.Length > 0 && Value[0] is '+' or '-'
            ? string.Concat(Value.AsSpan(0, 1), zeros, Value.AsSpan(1))
            : zeros + Value;
        return new PyStr(padded);
    }

    [PyMethod(Keywords = true)]
    public PyStr ExpandTabs(int tabsize = 8)
    {
        var v = Value;
        if (!v.Contains('\t'))
        {
            return Unchanged();
        }
        var sb = new StringBuilder(v.Length + 16);
        long column = 0;
        for (var i = 0; i < v.Length; i++)
        {
            var c = v[i];
            if (c == '\t')
            {
                if (tabsize > 0)
                {
                    var spaces = tabsize - column % tabsize;
                    if (sb.Length + spaces > int.MaxValue / 2)
                    {
                        throw PyErr.OverflowError("result too long");
                    }
                    sb.Append(' ', (int)spaces);
                    column += spaces;
                }
                continue;
            }
            sb.Append(c);
            if (c is '\n' or '\r')
            {
                column = 0;
            }
            else if (!char.IsLowSurrogate(c) || i == 0 || !char.IsHighSurrogate(v[i - 1]))
            {
                column++;
            }
        }
        return new PyStr(sb.ToString());
    }

    [PyMethod]
    public PyStr Replace(PyStr old, PyStr @new, long count = -1)
    {
        var v = Value;
        var o = old.Value;
        var max = count < 0 ? long.MaxValue : count;
        if (max == 0)
        {
            return Unchanged();
        }
        var sb = new StringBuilder();
        if (o.Length == 0)
        {
            // The replacement goes before each code point and at the end.
            var i = 0;
            long done = 0;
            while (done < max && i <= v.Length)
            {
                sb.Append(@new.Value);
                done++;
                if (i == v.Length)
                {
                    i++;
                    break;
                }
                var start = i;
                NextCodePoint(v, ref i);
                sb.Append(v, start, i - start);
            }
            if (i <= v.Length)
            {
                sb.Append(v, i, v.Length - i);
            }
            return new PyStr(sb.ToString());
        }
        var pos = 0;
        long replaced = 0;
        while (replaced < max)
        {
            var j = v.IndexOf(o, pos, StringComparison.Ordinal);
            if (j < 0)
            {
                break;
            }
            sb.Append(v, pos, j - pos).Append(@new.Value);
            pos = j + o.Length;
            replaced++;
        }
        if (replaced == 0)
        {
            return Unchanged();
        }
        sb.Append(v, pos, v.Length - pos);
        return Make(sb.ToString());
    }

    // ---- case ----

    private delegate void CaseMapping(StringBuilder sb, int cp);

    private PyStr MapCodePoints(Func<int, int, CaseMapping> choose)
    {
        var v = Value;
        var sb = new StringBuilder(v.Length);
        var i = 0;
        var index = 0;
        while (i < v.Length)
        {
            var at = i;
            var cp = NextCodePoint(v, ref i);
            var map = choose(index++, cp);
            if (cp == 0x3a3 && ReferenceEquals(map, s_lower))
            {
                sb.Append(IsFinalSigma(v, at, i) ? '\u03c2' : '\u03c3');
                continue;
            }
            map(sb, cp);
        }
        return new PyStr(sb.ToString());
    }

    /// <summary>The Final_Sigma condition: a cased letter before (skipping case-ignorable
    /// ones) and none after.</summary>
    private static bool IsFinalSigma(string v, int at, int after)
    {
        var j = at;
        var before = false;
        while (j > 0)
        {
            var k = j - 1 > 0 && char.IsLowSurrogate(v[j - 1]) && char.IsHighSurrogate(v[j - 2]) ? j - 2 : j - 1;
            var p = k;
            var cp = NextCodePoint(v, ref p);
            j = k;
            if (!UnicodeCtype.IsCaseIgnorable(cp))
            {
                before = UnicodeCtype.IsCased(cp);
                break;
            }
        }
        if (!before)
        {
            return false;
        }
        var i = after;
        while (i < v.Length)
        {
            var cp = NextCodePoint(v, ref i);
            if (!UnicodeCtype.IsCaseIgnorable(cp))
            {
                return !UnicodeCtype.IsCased(cp);
            }
        }
        return true;
    }

    private static readonly CaseMapping s_upper = UnicodeCtype.AppendUpper;
    private static readonly CaseMapping s_lower = UnicodeCtype.AppendLower;
    private static readonly CaseMapping s_title = UnicodeCtype.AppendTitle;
    private static readonly CaseMapping s_fold = UnicodeCtype.AppendFold;
    private static readonly CaseMapping s_keep = UnicodeCtype.AppendCodePoint;

    [PyMethod]
    public PyStr Upper() => Ascii.IsValid(Value) ? new PyStr(Value.ToUpperInvariant()) : MapCodePoints(static (_, _) => s_upper);

    [PyMethod]
    public PyStr Lower() => Ascii.IsValid(Value) ? new PyStr(Value.ToLowerInvariant()) : MapCodePoints(static (_, _) => s_lower);

    [PyMethod]
    public PyStr CaseFold() => Ascii.IsValid(Value) ? new PyStr(Value.ToLowerInvariant()) : MapCodePoints(static (_, _) => s_fold);

    [PyMethod]
    public PyStr Capitalize() => MapCodePoints(static (i, _) => i == 0 ? s_title : s_lower);

    [PyMethod]
    public PyStr SwapCase() => MapCodePoints(static (_, cp) =>
        UnicodeCtype.IsUpper(cp) ? s_lower : UnicodeCtype.IsLower(cp) ? s_upper : s_keep);

    [PyMethod]
    public PyStr Title()
    {
        var previousCased = false;
        return MapCodePoints((_, cp) =>
        {
            var map = previousCased ? s_lower : s_title;
            previousCased = UnicodeCtype.IsCased(cp);
            return map;
        });
    }

    // ---- predicates ----

    private bool All(Func<int, bool> test)
    {
        var v = Value;
        if (v.Length == 0)
        {
            return false;
        }
        var i = 0;
        while (i < v.Length)
        {
            if (!test(NextCodePoint(v, ref i)))
            {
                return false;
            }
        }
        return true;
    }

    [PyMethod]
    public bool IsAscii() => Ascii.IsValid(Value);

    [PyMethod]
    public bool IsDecimal() => All(UnicodeCtype.IsDecimal);

    [PyMethod]
    public bool IsDigit() => All(UnicodeCtype.IsDigit);

    [PyMethod]
    public bool IsNumeric() => All(UnicodeCtype.IsNumeric);

    [PyMethod]
    public bool IsAlpha() => All(UnicodeCtype.IsAlpha);

    [PyMethod]
    public bool IsAlnum() => All(UnicodeCtype.IsAlnum);

    [PyMethod]
    public bool IsSpace() => All(UnicodeCtype.IsSpace);

    [PyMethod]
    public bool IsPrintable() => Value.Length == 0 || All(UnicodeCtype.IsPrintable);

    [PyMethod]
    public bool IsIdentifier()
    {
        var v = Value;
        if (v.Length == 0)
        {
            return false;
        }
        var i = 0;
        if (!UnicodeCtype.IsIdentifierStart(NextCodePoint(v, ref i)))
        {
            return false;
        }
        while (i < v.Length)
        {
            if (!UnicodeCtype.IsIdentifierContinue(NextCodePoint(v, ref i)))
            {
                return false;
            }
        }
        return true;
    }

    [PyMethod]
    public bool IsLower()
    {
        var cased = false;
        var v = Value;
        for (var i = 0; i < v.Length;)
        {
            var cp = NextCodePoint(v, ref i);
            if (UnicodeCtype.IsUpper(cp) || UnicodeCtype.IsTitle(cp))
            {
                return false;
            }
            cased |= UnicodeCtype.IsLower(cp);
        }
        return cased;
    }

    [PyMethod]
    public bool IsUpper()
    {
        var cased = false;
        var v = Value;
        for (var i = 0; i < v.Length;)
        {
            var cp = NextCodePoint(v, ref i);
            if (UnicodeCtype.IsLower(cp) || UnicodeCtype.IsTitle(cp))
            {
                return false;
            }
            cased |= UnicodeCtype.IsUpper(cp);
        }
        return cased;
    }

    [PyMethod]
    public bool IsTitle()
    {
        var v = Value;
        bool cased = false, previousCased = false;
        for (var i = 0; i < v.Length;)
        {
            var cp = NextCodePoint(v, ref i);
            if (UnicodeCtype.IsUpper(cp) || UnicodeCtype.IsTitle(cp))
            {
                if (previousCased)
                {
                    return false;
                }
                previousCased = cased = true;
            }
            else if (UnicodeCtype.IsLower(cp))
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

    // ---- translate ----

    [PyMethod]
    public PyStr Translate(PyObject table)
    {
        var v = Value;
        var sb = new StringBuilder(v.Length);
        for (var i = 0; i < v.Length;)
        {
            var cp = NextCodePoint(v, ref i);
            PyObject? mapped;
            var key = PyInt.From(cp);
            if (table is PyDict d && d.GetType() == typeof(PyDict))
            {
                mapped = d.TryGetValue(key, out var found) ? found : null;
            }
            else
            {
                try
                {
                    mapped = table.Type.Slots.GetItem is { } get ? get(table, key) : throw PyErr.TypeError($"'{table.Type.Name}' object is not subscriptable");
                }
                catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.LookupError))
                {
                    mapped = null;
                }
            }
            switch (mapped)
            {
                case null:
                    UnicodeCtype.AppendCodePoint(sb, cp);
                    break;
                case PyNone:
                    break;
                case PyStr s:
                    sb.Append(s.Value);
                    break;
                case PyInt n:
                    if (!n.IsSmall || n.Small is < 0 or > 0x10ffff)
                    {
                        throw PyErr.ValueError("character mapping must be in range(0x110000)");
                    }
                    UnicodeCtype.AppendCodePoint(sb, (int)n.Small);
                    break;
                default:
                    throw PyErr.TypeError("character mapping must return integer, None or str");
            }
        }
        return new PyStr(sb.ToString());
    }

    [PyStaticMethod]
    public static PyDict MakeTrans(PyObject x, PyObject? y = null, PyObject? z = null)
    {
        var result = new PyDict();
        if (y is null)
        {
            if (x is not PyDict d)
            {
                throw PyErr.TypeError("if you give only one argument to maketrans it must be a dict");
            }
            foreach (var (k, value) in d.Items())
            {
                switch (k)
                {
                    case PyStr s when CountCodePoints(s.Value) == 1:
                        var i = 0;
                        result.SetItem(PyInt.From(NextCodePoint(s.Value, ref i)), value);
                        break;
                    case PyStr:
                        throw PyErr.ValueError("string keys in translate table must be of length 1");
                    case PyInt:
                        result.SetItem(k, value);
                        break;
                    default:
                        throw PyErr.TypeError("keys in translate table must be strings or integers");
                }
            }
            return result;
        }
        var from = x as PyStr ?? throw PyErr.TypeError("first maketrans argument must be a string if there is a second argument");
        var to = y as PyStr ?? throw PyErr.TypeError($"maketrans() argument 2 must be str, not {y.Type.Name}");
        if (CountCodePoints(from.Value) != CountCodePoints(to.Value))
        {
            throw PyErr.ValueError("the first two maketrans arguments must have equal length");
        }
        for (int i = 0, j = 0; i < from.Value.Length;)
        {
            var a = NextCodePoint(from.Value, ref i);
            var b = NextCodePoint(to.Value, ref j);
            result.SetItem(PyInt.From(a), PyInt.From(b));
        }
        if (z is not null)
        {
            var del = z as PyStr ?? throw PyErr.TypeError($"maketrans() argument 3 must be str, not {z.Type.Name}");
            for (var i = 0; i < del.Value.Length;)
            {
                result.SetItem(PyInt.From(NextCodePoint(del.Value, ref i)), PyNone.Value);
            }
        }
        return result;
    }
}

/// <summary><c>str_iterator</c>: yields the code points of a str as one-character strs.</summary>
[PyType("str_iterator")]
public sealed partial class PyStrIterator(string value) : PyObject
{
    private int _index;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        var i = _index;
        if (i >= value.Length)
        {
            return null;
        }
        if (PyStr.IsPairAt(value, i))
        {
            _index = i + 2;
            return new PyStr(value.Substring(i, 2));
        }
        _index = i + 1;
        return PyStr.FromChar(value[i]);
    }
}

/// <summary><c>str_ascii_iterator</c>: the iterator of an ASCII str, one char per item.</summary>
[PyType("str_ascii_iterator")]
public sealed partial class PyStrAsciiIterator(string value) : PyObject
{
    private int _index;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        var i = _index;
        if (i >= value.Length)
        {
            return null;
        }
        _index = i + 1;
        return PyStr.FromChar(value[i]);
    }
}
