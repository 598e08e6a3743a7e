// Objects/unicodeobject.c
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary>
/// <c>str</c>: an immutable sequence of code points, stored as a .NET string (UTF-16, lone
/// surrogates allowed). Lengths and indices count code points; strings without surrogate pairs
/// (nearly all) take the fast path where a code point is a char.
/// </summary>
[PyType("str", Subclassable = true, Flags = TypeFlags.StrSubclass)]
public partial class PyStr : PyObject, IEquatable<PyStr>
{
    private static readonly ConcurrentDictionary<string, PyStr> s_interned = new(StringComparer.Ordinal);

    private long _hash = -1;
    private int _length = -1;

    public PyStr(string value) => Value = value;

    public string Value { get; }

    /// <summary>Interned strings are unique per value, so names compare by reference.</summary>
    public bool IsInterned { get; private set; }

    public static readonly PyStr Empty = Intern("");

    /// <summary><c>sys.intern</c>: the unique interned str of this value.</summary>
    public static PyStr Intern(string value)
    {
        if (s_interned.TryGetValue(value, out var s))
        {
            return s;
        }
        var created = new PyStr(value) { IsInterned = true };
        return s_interned.GetOrAdd(value, created);
    }

    /// <summary>The cached <c>hash()</c> of the str.</summary>
    public long Hash
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var h = _hash;
            return h != -1 ? h : _hash = PyHash.Str(Value);
        }
    }

    public bool Equals(PyStr? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(Value, other.Value, StringComparison.Ordinal));

    public override bool Equals(object? obj) => obj is PyStr s && Equals(s);

    public override int GetHashCode() => (int)Hash;

    public override string ToString() => Value;

    /// <summary><c>str(object='')</c>.</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (!ReferenceEquals(type, TypeObject))
        {
            // unicode_subtype_new: the str the arguments make, in an instance of the subclass.
            return new PyStrInstance(type, ((PyStr)New(TypeObject, args, kwnames)).Value);
        }
        if (args.Length == 1 && kwnames is null)
        {
            // str(x), the common call: nothing to parse.
            return Abstract.Ops.Str(args[0]);
        }
        var buffer = new PyObject?[3];
        Python.ArgParse.UnpackKeywords("str", args, kwnames, s_newNames, 0, 3, 0, buffer);
        if (buffer[1] is not null || buffer[2] is not null)
        {
            return Decode(buffer[0] ?? PyBytes.Empty, buffer[1], buffer[2]);
        }
        return buffer[0] is { } o ? Abstract.Ops.Str(o) : Empty;
    }

    private static readonly string[] s_newNames = ["object", "encoding", "errors"];

    /// <summary><c>str(object, encoding, errors)</c>: decodes a bytes-like object.</summary>
    private static PyStr Decode(PyObject o, PyObject? encoding, PyObject? errors)
    {
        var data = PyBytes.BufferOf(o, out var ok);
        if (!ok)
        {
            throw o is PyStr
                ? Errors.PyErr.TypeError("decoding str is not supported")
                : Errors.PyErr.TypeError($"decoding to str: need a bytes-like object, {o.Type.Name} found");
        }
        var enc = encoding is null ? "utf-8" : Codecs.StrArg("str", "encoding", 2, encoding);
        var err = errors is null ? "strict" : Codecs.StrArg("str", "errors", 3, errors);
        return new PyStr(Codecs.Decode(data, enc, err));
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => new(Taipan.Syntax.Ast.PyRepr.Str(Value));

    [PySlot("tp_str")]
    public PyStr StrSlot() => GetType() == typeof(PyStr) ? this : new PyStr(Value);

    [PySlot("tp_hash")]
    public long HashSlot() => Hash;

    /// <summary>The number of code points, counted once: it equals <c>Value.Length</c> unless
    /// the string holds surrogate pairs.</summary>
    public int CodePointCount
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var n = _length;
            return n >= 0 ? n : _length = CountCodePoints(Value);
        }
    }

    /// <summary>True when every code point is one char (no surrogate pairs): indices into
    /// <see cref="Value"/> are code-point indices.</summary>
    public bool IsSimple => CodePointCount == Value.Length;

    public static int CountCodePoints(ReadOnlySpan<char> s)
    {
        var i = s.IndexOfAnyInRange('\uDC00', '\uDFFF');
        if (i < 0)
        {
            return s.Length;
        }
        var n = s.Length;
        for (; i < s.Length; i++)
        {
            if (char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1]))
            {
                n--;
            }
        }
        return n;
    }

    /// <summary>The char offset of code point <paramref name="index"/> (0..CodePointCount).</summary>
    public int CharOffset(int index)
    {
        if (IsSimple)
        {
            return index;
        }
        var s = Value;
        var i = 0;
        for (var k = 0; k < index && i < s.Length; k++)
        {
            i += IsPairAt(s, i) ? 2 : 1;
        }
        return i;
    }

    /// <summary>The code-point index of char offset <paramref name="offset"/>.</summary>
    public int CodePointIndex(int offset) => IsSimple ? offset : CountCodePoints(Value.AsSpan(0, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPairAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);

    /// <summary>The code point at char offset <paramref name="i"/>, advancing past it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NextCodePoint(string s, ref int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            i += 2;
            return char.ConvertToUtf32(c, s[i - 1]);
        }
        i++;
        return c;
    }

    private static readonly PyStr[] s_latin1 = CreateLatin1();

    private static PyStr[] CreateLatin1()
    {
        var a = new PyStr[256];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = new PyStr(((char)i).ToString());
        }
        return a;
    }

    /// <summary>The one-character str of code point <paramref name="cp"/>; Latin-1 ones are shared.</summary>
    public static PyStr FromCodePoint(int cp) => cp < 256 ? s_latin1[cp] : new PyStr(cp <= 0xffff ? ((char)cp).ToString() : char.ConvertFromUtf32(cp));

    /// <summary>The str of char <paramref name="c"/>; Latin-1 ones are shared.</summary>
    public static PyStr FromChar(char c) => c < 256 ? s_latin1[c] : new PyStr(c.ToString());

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (left is not PyStr a || right is not PyStr b)
        {
            return PyNotImplemented.Value;
        }
        var c = op is CompareOp.Eq or CompareOp.Ne
            ? (a.Equals(b) ? 0 : 1)
            : CompareCodePoints(a.Value, b.Value);
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

    /// <summary>Orders by code point; plain ordinal comparison of UTF-16 would put astral
    /// characters below U+E000..U+FFFF.</summary>
    public static int CompareCodePoints(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return char.IsSurrogate(a[i]) || char.IsSurrogate(b[i]) ? CompareAt(a, b, i) : a[i] - b[i];
            }
        }
        return a.Length - b.Length;
    }

    private static int CompareAt(string a, string b, int i)
    {
        if (i > 0 && char.IsHighSurrogate(a[i - 1]))
        {
            // Both continue the same high surrogate: a low surrogate completes an astral
            // character, which is above the lone high surrogate the other string has.
            var lowA = char.IsLowSurrogate(a[i]);
            var lowB = char.IsLowSurrogate(b[i]);
            if (lowA != lowB)
            {
                return lowA ? 1 : -1;
            }
            if (lowA)
            {
                return a[i] - b[i];
            }
        }
        return CodePointAt(a, i) - CodePointAt(b, i);
    }

    private static int CodePointAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];

    [PySlot("sq_concat")]
    public static PyObject Concat(PyObject left, PyObject right)
    {
        if (left is PyStr a && right is PyStr b)
        {
            return new PyStr(a.Value + b.Value);
        }
        throw Errors.PyErr.TypeError($"can only concatenate str (not \"{right.Type.Name}\") to str");
    }
}
