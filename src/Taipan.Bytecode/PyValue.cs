// Objects/object.c (PyObject_RichCompare, PyObject_Hash) and Objects/codeobject.c (_PyCode_ConstantKey)
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Bytecode;

/// <summary>Equality, hash and repr of constant values (see <see cref="CodeObject"/> for the
/// representation). <see cref="Comparer"/> is Python's <c>==</c>/<c>hash</c> (1 == 1.0 == True);
/// <see cref="StrictComparer"/> is what code objects compare constants by
/// (<c>_PyCode_ConstantKey</c>: the type matters and -0.0 differs from 0.0), which is also what a
/// compiler's constant table must use. Comparison of cyclic values (possible only through
/// self references in marshal data) ends in <c>RecursionError</c>, as in CPython.</summary>
public static class PyValue
{
    // Above marshal's nesting limit, so only cycles reach it.
    private const int MaxDepth = 3000;

    [ThreadStatic]
    private static int t_depth;

    /// <summary>Set while marshal reads: running out of stack then means "retry on a thread with
    /// a large stack" (InsufficientExecutionStackException) rather than RecursionError.</summary>
    [ThreadStatic]
    internal static bool t_retryOnDeepStack;

    public static IEqualityComparer<object?> Comparer { get; } = new PyComparer(strict: false);

    public static IEqualityComparer<object?> StrictComparer { get; } = new PyComparer(strict: true);

    public static bool Equal(object? a, object? b) => Equal(a, b, strict: false);

    public static bool StrictEqual(object? a, object? b) => Equal(a, b, strict: true);

    public static int Hash(object? value) => Hash(value, strict: false);

    private static bool Equal(object? a, object? b, bool strict)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null)
        {
            return false;
        }

        if (strict)
        {
            if (a.GetType() != b.GetType())
            {
                return false;
            }

            switch (a)
            {
                case double x:
                    // NaN equals itself only as the same bits; 0.0 and -0.0 differ.
                    return BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits((double)b);
                case Complex x:
                    var z = (Complex)b;
                    return BitConverter.DoubleToInt64Bits(x.Real) == BitConverter.DoubleToInt64Bits(z.Real)
                        && BitConverter.DoubleToInt64Bits(x.Imaginary) == BitConverter.DoubleToInt64Bits(z.Imaginary);
            }
        }

        switch (a)
        {
            case string s:
                return b is string t && string.Equals(s, t, StringComparison.Ordinal);
            case byte[] bx:
                return b is byte[] by && bx.AsSpan().SequenceEqual(by);
            case bool or BigInteger or double or Complex:
                return NumericEqual(a, b);
            case ConstantTuple tx:
                return b is ConstantTuple ty && SequenceEqual(tx._items, ty._items, strict);
            case ConstantFrozenSet sx:
                if (b is not ConstantFrozenSet fs || fs.Count != sx.Count)
                {
                    return false;
                }

                Enter();
                try
                {
                    foreach (var item in sx.AsSpan())
                    {
                        if (!ContainsItem(fs, item, strict))
                        {
                            return false;
                        }
                    }

                    return true;
                }
                finally
                {
                    t_depth--;
                }

            case CodeObject cx:
                return b is CodeObject cy && cx.Equals(cy);
            default:
                return a.Equals(b);
        }
    }

    private static bool ContainsItem(ConstantFrozenSet set, object? item, bool strict)
    {
        if (!strict)
        {
            return set.Contains(item);
        }

        foreach (var other in set.AsSpan())
        {
            if (Equal(item, other, strict: true))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SequenceEqual(object?[] x, object?[] y, bool strict)
    {
        if (x.Length != y.Length)
        {
            return false;
        }

        Enter();
        try
        {
            for (var i = 0; i < x.Length; i++)
            {
                if (!Equal(x[i], y[i], strict))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            t_depth--;
        }
    }

    private static void Enter()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            if (t_retryOnDeepStack)
            {
                throw new InsufficientExecutionStackException();
            }

            throw new PythonException("RecursionError", "maximum recursion depth exceeded in comparison");
        }

        if (++t_depth > MaxDepth)
        {
            t_depth--;
            throw new PythonException("RecursionError", "maximum recursion depth exceeded in comparison");
        }
    }

    private static bool NumericEqual(object a, object b)
    {
        if (a is Complex ca)
        {
            return b is Complex cb ? ca == cb : ca.Imaginary == 0 && RealEqual(ca.Real, b);
        }

        if (b is Complex cb2)
        {
            return cb2.Imaginary == 0 && RealEqual(cb2.Real, a);
        }

        if (a is double da)
        {
            return RealEqual(da, b);
        }

        if (b is double db)
        {
            return RealEqual(db, a);
        }

        return AsInteger(a) is { } ia && AsInteger(b) is { } ib && ia == ib;
    }

    private static bool RealEqual(double d, object other) => other switch
    {
        double e => d == e,
        bool or BigInteger => IsIntegral(d) && new BigInteger(d) == AsInteger(other),
        _ => false,
    };

    private static bool IsIntegral(double d) => double.IsFinite(d) && Math.Floor(d) == d;

    private static BigInteger? AsInteger(object o) => o switch
    {
        bool b => b ? BigInteger.One : BigInteger.Zero,
        BigInteger i => i,
        _ => null,
    };

    private static int Hash(object? value, bool strict)
    {
        switch (value)
        {
            case null:
                return 0;
            case string s:
                return s.GetHashCode();
            case byte[] b:
            {
                var h = new HashCode();
                h.AddBytes(b);
                return h.ToHashCode();
            }

            case bool b:
                return IntegerHash(b ? BigInteger.One : BigInteger.Zero);
            case BigInteger i:
                return IntegerHash(i);
            case double d:
                return strict || !IsIntegral(d) ? d.GetHashCode() : IntegerHash(new BigInteger(d));
            case Complex c:
                return c.Imaginary == 0 && !strict ? Hash(c.Real, strict) : c.GetHashCode();
            case ConstantTuple t:
            {
                Enter();
                try
                {
                    var h = new HashCode();
                    foreach (var item in t._items)
                    {
                        h.Add(Hash(item, strict));
                    }

                    return h.ToHashCode();
                }
                finally
                {
                    t_depth--;
                }
            }

            case ConstantFrozenSet fs when fs._hash is { } cached && !strict:
                return cached;
            case ConstantFrozenSet fs:
            {
                Enter();
                try
                {
                    // Order independent, as frozenset's hash is.
                    var h = fs.Count;
                    foreach (var item in fs.AsSpan())
                    {
                        h ^= Hash(item, strict) * 0x2C9277B5 + 0x5BD1E995;
                    }

                    // Cached like CPython's, so that nested frozensets hash in constant depth.
                    if (!strict)
                    {
                        fs._hash = h;
                    }

                    return h;
                }
                finally
                {
                    t_depth--;
                }
            }

            default:
                return value.GetHashCode();
        }
    }

    private static int IntegerHash(BigInteger i) =>
        i >= long.MinValue && i <= long.MaxValue ? ((long)i).GetHashCode() : i.GetHashCode();

    /// <summary>A Python-like repr, for messages and debugging.</summary>
    public static string Repr(object? value)
    {
        var sb = new StringBuilder();
        AppendRepr(sb, value, 0);
        return sb.ToString();
    }

    private static void AppendRepr(StringBuilder sb, object? value, int depth)
    {
        if (depth > 50)
        {
            sb.Append("...");
            return;
        }

        switch (value)
        {
            case null:
                sb.Append("<NULL>");
                break;
            case ConstantTuple t:
                sb.Append('(');
                for (var i = 0; i < t.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    AppendRepr(sb, t[i], depth + 1);
                }

                sb.Append(t.Count == 1 ? ",)" : ")");
                break;
            case ConstantFrozenSet fs:
                if (fs.Count == 0)
                {
                    sb.Append("frozenset()");
                    break;
                }

                sb.Append("frozenset({");
                var first = true;
                foreach (var item in fs.AsSpan())
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    AppendRepr(sb, item, depth + 1);
                }

                sb.Append("})");
                break;
            case CodeObject c:
                sb.Append("<code object ").Append(c.Name).Append(", file \"").Append(c.Filename)
                    .Append("\", line ").Append(c.FirstLineNo).Append('>');
                break;
            case ConstantSingleton or bool or BigInteger or double or Complex or string or CodePointStr or byte[]:
                sb.Append(PyRepr.Constant(value));
                break;
            default:
                sb.Append(value);
                break;
        }
    }

    private sealed class PyComparer(bool strict) : IEqualityComparer<object?>
    {
        public new bool Equals(object? x, object? y) => Equal(x, y, strict);

        public int GetHashCode(object? obj) => Hash(obj, strict);
    }
}
