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
        if (args.Length == 1 && kwnames is null)
        {
            // str(x), the common call: nothing to parse.
            return Abstract.Ops.Str(args[0]);
        }
        var buffer = new PyObject?[3];
        Python.ArgParse.UnpackKeywords("str", args, kwnames, s_newNames, 0, 3, 0, buffer);
        if (buffer[1] is not null || buffer[2] is not null)
        {
            throw Errors.PyErr.TypeError("decoding to str is not supported yet");
        }
        return buffer[0] is { } o ? Abstract.Ops.Str(o) : Empty;
    }

    private static readonly string[] s_newNames = ["object", "encoding", "errors"];

    [PySlot("tp_repr")]
    public PyStr Repr() => new(Taipan.Syntax.Ast.PyRepr.Str(Value));

    [PySlot("tp_str")]
    public PyStr StrSlot() => GetType() == typeof(PyStr) ? this : new PyStr(Value);

    [PySlot("tp_hash")]
    public long HashSlot() => Hash;

    [PySlot("sq_length")]
    public long Length()
    {
        var n = Value.Length;
        foreach (var c in Value.AsSpan())
        {
            if (char.IsLowSurrogate(c))
            {
                return CountCodePoints();
            }
        }
        return n;
    }

    private long CountCodePoints()
    {
        long n = 0;
        var s = Value;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            n++;
        }
        return n;
    }

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

    [PySlot("sq_contains")]
    public bool Contains(PyObject item)
    {
        if (item is not PyStr s)
        {
            throw Errors.PyErr.TypeError($"'in <string>' requires string as left operand, not {item.Type.Name}");
        }
        return Value.Contains(s.Value, StringComparison.Ordinal);
    }

    [PyMethod]
    public PyStr Join(PyObject iterable)
    {
        var parts = new List<string>();
        var i = 0;
        foreach (var item in Abstract.Ops.Iterate(iterable))
        {
            if (item is not PyStr s)
            {
                throw Errors.PyErr.TypeError($"sequence item {i}: expected str instance, {item.Type.Name} found");
            }
            parts.Add(s.Value);
            i++;
        }
        return new PyStr(string.Join(Value, parts));
    }
}
