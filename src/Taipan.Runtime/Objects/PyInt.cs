// Objects/longobject.c
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary>
/// <c>int</c>: arbitrary precision, with values that fit in 64 bits held in a <c>long</c> and
/// computed without allocation of anything but the result; <c>BigInteger</c> beyond. The ints
/// -5..256 are shared, as in CPython.
/// </summary>
[PyType("int", Subclassable = true, Flags = TypeFlags.IntSubclass)]
public partial class PyInt : PyObject
{
    private const int SmallMin = -5;
    private const int SmallMax = 256;
    private static readonly PyInt[] s_small = CreateSmall();

    private readonly long _value;
    // Boxed, so that an int that fits in a long is 24 bytes (a BigInteger? field would make
    // every int 48).
    private readonly object? _big;

    protected PyInt(long value) => _value = value;

    protected PyInt(BigInteger value) => _big = value;

    /// <summary>The same value, for an instance of a subclass.</summary>
    protected PyInt(PyInt value)
    {
        _value = value._value;
        _big = value._big;
    }

    private static PyInt[] CreateSmall()
    {
        var small = new PyInt[SmallMax - SmallMin + 1];
        for (var i = 0; i < small.Length; i++)
        {
            small[i] = new PyInt(i + SmallMin);
        }
        return small;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyInt From(long value) =>
        value is >= SmallMin and <= SmallMax ? s_small[value - SmallMin] : new PyInt(value);

    public static PyInt From(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? From((long)value) : new PyInt(value);

    /// <summary>True when the value fits in a <c>long</c> (<see cref="Small"/> is valid).</summary>
    public bool IsSmall => _big is null;

    public long Small => _value;

    public BigInteger Value => _big is BigInteger big ? big : _value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    [PySlot("tp_repr")]
    public PyStr Repr() => new(ToDecimalString());

    /// <summary><c>int.__repr__</c> with the 4300-digit limit of CPython 3.11 (PEP 651's
    /// sibling: <c>sys.set_int_max_str_digits</c>).</summary>
    public string ToDecimalString()
    {
        if (_big is BigInteger big)
        {
            var s = big.ToString(CultureInfo.InvariantCulture);
            var digits = s.Length - (big.Sign < 0 ? 1 : 0);
            if (IntMaxStrDigits > 0 && digits > IntMaxStrDigits)
            {
                throw Errors.PyErr.ValueError($"Exceeds the limit ({IntMaxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
            }
            return s;
        }
        return _value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><c>sys.get_int_max_str_digits()</c>; 0 means no limit.</summary>
    public static int IntMaxStrDigits { get; set; } = 4300;

    [PyMethod("__format__")]
    public PyStr FormatMethod(PyObject formatSpec) => FormatterUnicode.FormatInt(this, PyStr.StrArg("__format__", formatSpec).Value);

    [PySlot("tp_hash")]
    public long Hash() => _big is BigInteger big ? PyHash.Int(big) : PyHash.Int(_value);

    [PySlot("nb_bool")]
    public bool Bool() => _big is BigInteger big ? !big.IsZero : _value != 0;

    [PySlot("nb_index")]
    public PyInt Index() => GetType() == typeof(PyInt) ? this : _big is BigInteger b ? From(b) : From(_value);

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (left is not PyInt a || right is not PyInt b)
        {
            return PyNotImplemented.Value;
        }
        var c = a.IsSmall && b.IsSmall ? a._value.CompareTo(b._value) : a.Value.CompareTo(b.Value);
        return PyBool.From(op switch
        {
            CompareOp.Lt => c < 0,
            CompareOp.Le => c <= 0,
            CompareOp.Eq => c == 0,
            CompareOp.Ne => c != 0,
            CompareOp.Gt => c > 0,
            _ => c >= 0,
        });
    }

    [PySlot("nb_add")]
    public static PyObject Add(PyObject left, PyObject right)
    {
        if (left is not PyInt a || right is not PyInt b)
        {
            return PyNotImplemented.Value;
        }
        if (a.IsSmall && b.IsSmall)
        {
            var r = a._value + b._value;
            // Overflow when both operands have the same sign and the result's differs.
            if (((a._value ^ r) & (b._value ^ r)) >= 0)
            {
                return From(r);
            }
        }
        return From(a.Value + b.Value);
    }

    [PySlot("nb_subtract")]
    public static PyObject Subtract(PyObject left, PyObject right)
    {
        if (left is not PyInt a || right is not PyInt b)
        {
            return PyNotImplemented.Value;
        }
        if (a.IsSmall && b.IsSmall)
        {
            var r = a._value - b._value;
            if (((a._value ^ b._value) & (a._value ^ r)) >= 0)
            {
                return From(r);
            }
        }
        return From(a.Value - b.Value);
    }

    [PySlot("nb_multiply")]
    public static PyObject Multiply(PyObject left, PyObject right)
    {
        if (left is not PyInt a || right is not PyInt b)
        {
            return PyNotImplemented.Value;
        }
        if (a.IsSmall && b.IsSmall)
        {
            var hi = Math.BigMul(a._value, b._value, out var lo);
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))
            {
                return From(lo);
            }
        }
        return From(a.Value * b.Value);
    }

    [PySlot("nb_floor_divide")]
    public static PyObject FloorDivide(PyObject left, PyObject right)
    {
        if (left is not PyInt a || right is not PyInt b)
        {
            return PyNotImplemented.Value;
        }
        var (q, _) = DivMod(a, b);
        return q;
    }

    [PySlot("nb_remainder")]
    public static PyObject Remainder(PyObject left, PyObject right)
    {
        if (left is not PyInt a || right is not PyInt b)
        {
            return PyNotImplemented.Value;
        }
        if (b.IsSmall && b._value == 0)
        {
            throw Errors.PyErr.ZeroDivisionError("integer modulo by zero");
        }
        var (_, r) = DivMod(a, b);
        return r;
    }

    /// <summary>Floor division and modulo: the quotient rounds toward negative infinity and
    /// the remainder takes the divisor's sign.</summary>
    public static (PyInt Quotient, PyInt Remainder) DivMod(PyInt a, PyInt b)
    {
        if (b.IsSmall && b._value == 0)
        {
            throw Errors.PyErr.ZeroDivisionError("integer division or modulo by zero");
        }
        if (a.IsSmall && b.IsSmall && !(a._value == long.MinValue && b._value == -1))
        {
            var q = Math.DivRem(a._value, b._value, out var r);
            if (r != 0 && ((r ^ b._value) < 0))
            {
                q--;
                r += b._value;
            }
            return (From(q), From(r));
        }
        var bq = BigInteger.DivRem(a.Value, b.Value, out var br);
        if (!br.IsZero && (br.Sign != b.Value.Sign))
        {
            bq -= 1;
            br += b.Value;
        }
        return (From(bq), From(br));
    }

    [PySlot("nb_negative")]
    public PyObject Negative() => IsSmall && _value != long.MinValue ? From(-_value) : From(-Value);

    [PySlot("nb_positive")]
    public PyObject Positive() => Index();

    [PySlot("nb_absolute")]
    public PyObject Absolute() => IsSmall && _value != long.MinValue ? From(Math.Abs(_value)) : From(BigInteger.Abs(Value));

    [PySlot("nb_invert")]
    public PyObject Invert() => IsSmall ? From(~_value) : From(-Value - 1);

    /// <summary>int / int: exact when both fit in a double's mantissa, as CPython's true division
    /// is correctly rounded.</summary>
    [PySlot("nb_true_divide")]
    public static PyObject TrueDivide(PyObject left, PyObject right)
    {
        if (left is not PyInt a || right is not PyInt b)
        {
            return PyNotImplemented.Value;
        }
        if (b.Value.IsZero)
        {
            throw Errors.PyErr.ZeroDivisionError("division by zero");
        }
        if (a.IsSmall && b.IsSmall && a._value is >= -(1L << 53) and <= 1L << 53 && b._value is >= -(1L << 53) and <= 1L << 53)
        {
            return new PyFloat((double)a._value / b._value);
        }
        return new PyFloat(TrueDivide(a.Value, b.Value));
    }

    [PySlot("nb_and")]
    public static PyObject And(PyObject left, PyObject right) =>
        left is PyInt a && right is PyInt b ? (a.IsSmall && b.IsSmall ? From(a._value & b._value) : From(a.Value & b.Value)) : PyNotImplemented.Value;

    [PySlot("nb_or")]
    public static PyObject Or(PyObject left, PyObject right) =>
        left is PyInt a && right is PyInt b ? (a.IsSmall && b.IsSmall ? From(a._value | b._value) : From(a.Value | b.Value)) : PyNotImplemented.Value;

    [PySlot("nb_xor")]
    public static PyObject Xor(PyObject left, PyObject right) =>
        left is PyInt a && right is PyInt b ? (a.IsSmall && b.IsSmall ? From(a._value ^ b._value) : From(a.Value ^ b.Value)) : PyNotImplemented.Value;

    [PySlot("nb_lshift")]
    public static PyObject LShift(PyObject left, PyObject right)
    {
        if (left is not PyInt a || right is not PyInt b)
        {
            return PyNotImplemented.Value;
        }
        if (b.Value.Sign < 0)
        {
            throw Errors.PyErr.ValueError("negative shift count");
        }
        if (a.IsSmall && a._value == 0)
        {
            return From(0);
        }
        if (!b.IsSmall || b._value > int.MaxValue)
        {
            throw Errors.PyErr.OverflowError("too many digits in integer");
        }
        if (a.IsSmall && b._value < 63 && Math.Abs(a._value) < (1L << (62 - (int)b._value)))
        {
            return From(a._value << (int)b._value);
        }
        if (a.BitLength() + b._value > int.MaxValue - 64)
        {
            throw Errors.PyErr.New(PyExc.MemoryError, "");
        }
        return From(a.Value << (int)b._value);
    }

    [PySlot("nb_rshift")]
    public static PyObject RShift(PyObject left, PyObject right)
    {
        if (left is not PyInt a || right is not PyInt b)
        {
            return PyNotImplemented.Value;
        }
        if (b.Value.Sign < 0)
        {
            throw Errors.PyErr.ValueError("negative shift count");
        }
        if (!b.IsSmall || b._value > int.MaxValue)
        {
            return From(a.Value.Sign < 0 ? -1 : 0);
        }
        return a.IsSmall ? From(a._value >> (int)Math.Min(b._value, 63)) : From(a.Value >> (int)b._value);
    }
}

public partial class PyInt
{
    /// <summary><c>long_pow</c>: a negative exponent gives a float; with a modulus, a negative
    /// exponent asks for the modular inverse.</summary>
    [PySlot("nb_power")]
    public static PyObject Power(PyObject left, PyObject right, PyObject mod)
    {
        if (left is not PyInt a || right is not PyInt b)
        {
            return PyNotImplemented.Value;
        }
        if (mod is PyNone)
        {
            return b.Value.Sign < 0 ? PyFloat.Power(left, right, mod) : Pow(a, b);
        }
        return mod is PyInt m ? ModPow(a.Value, b.Value, m.Value) : PyNotImplemented.Value;
    }

    private static PyInt Pow(PyInt a, PyInt b)
    {
        if (a.IsSmall && a._value is 0 or 1)
        {
            return b.Value.IsZero ? From(1) : a;
        }
        if (a.IsSmall && a._value == -1)
        {
            return From(b.Value.IsEven ? 1 : -1);
        }
        // A result beyond .NET's largest BigInteger (2**31 bits) cannot be held: MemoryError,
        // as CPython runs out of memory.
        var log2 = a.IsSmall ? Math.Log2(Math.Abs((double)a._value)) : a.BitLength() - 1;
        if (!b.IsSmall || b._value > int.MaxValue || log2 * b._value > int.MaxValue - 64)
        {
            throw Errors.PyErr.New(PyExc.MemoryError, "");
        }
        var e = (int)b._value;
        if (a.IsSmall)
        {
            // Repeated squaring in 64 bits while nothing overflows.
            long result = 1, x = a._value;
            var n = e;
            var overflow = false;
            while (n > 0)
            {
                if ((n & 1) != 0)
                {
                    var hi = Math.BigMul(result, x, out var lo);
                    if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)))
                    {
                        overflow = true;
                        break;
                    }
                    result = lo;
                }
                n >>= 1;
                if (n > 0)
                {
                    var hi = Math.BigMul(x, x, out var lo);
                    if (!(hi == 0 && lo >= 0))
                    {
                        overflow = true;
                        break;
                    }
                    x = lo;
                }
            }
            if (!overflow)
            {
                return From(result);
            }
        }
        return From(BigInteger.Pow(a.Value, e));
    }

    private static PyInt ModPow(BigInteger a, BigInteger b, BigInteger m)
    {
        if (m.IsZero)
        {
            throw Errors.PyErr.ValueError("pow() 3rd argument cannot be 0");
        }
        var negativeOutput = m.Sign < 0;
        m = BigInteger.Abs(m);
        if (m.IsOne)
        {
            return From(0);
        }
        a = FloorMod(a, m);
        if (b.Sign < 0)
        {
            a = ModInverse(a, m) ?? throw Errors.PyErr.ValueError("base is not invertible for the given modulus");
            b = -b;
        }
        var r = BigInteger.ModPow(a, b, m);
        if (negativeOutput && !r.IsZero)
        {
            r -= m;
        }
        return From(r);
    }

    private static BigInteger FloorMod(BigInteger a, BigInteger m)
    {
        var r = BigInteger.Remainder(a, m);
        return r.Sign < 0 ? r + m : r;
    }

    /// <summary>The inverse of <paramref name="a"/> modulo <paramref name="m"/> (extended
    /// Euclid), or null when they share a factor.</summary>
    private static BigInteger? ModInverse(BigInteger a, BigInteger m)
    {
        BigInteger b = m, x0 = 1, x1 = 0;
        while (!b.IsZero)
        {
            var q = BigInteger.DivRem(a, b, out var r);
            (a, b) = (b, r);
            (x0, x1) = (x1, x0 - q * x1);
        }
        return a.IsOne ? FloorMod(x0, m) : null;
    }

    [PySlot("nb_divmod")]
    public static PyObject DivModSlot(PyObject left, PyObject right)
    {
        if (left is not PyInt a || right is not PyInt b)
        {
            return PyNotImplemented.Value;
        }
        var (q, r) = DivMod(a, b);
        return PyTuple.Create(q, r);
    }

    [PySlot("nb_int")]
    public PyObject IntSlot() => Index();

    [PySlot("nb_float")]
    public PyObject FloatSlot() => new PyFloat(ToDouble());

    /// <summary>The nearest double (round-half-even), or OverflowError beyond the double range.</summary>
    public double ToDouble()
    {
        if (_big is not BigInteger big)
        {
            return _value;
        }
        var mag = BigInteger.Abs(big);
        var bits = (int)mag.GetBitLength();
        if (bits > 1024)
        {
            throw Errors.PyErr.OverflowError("int too large to convert to float");
        }
        // The top 55 bits with a sticky bit for the rest convert with one correct rounding.
        var shift = Math.Max(bits - 55, 0);
        var top = (ulong)(mag >> shift);
        if (shift > 0 && !(mag & ((BigInteger.One << shift) - 1)).IsZero)
        {
            top |= 1;
        }
        var d = Math.ScaleB((double)top, shift);
        if (double.IsInfinity(d))
        {
            throw Errors.PyErr.OverflowError("int too large to convert to float");
        }
        return big.Sign < 0 ? -d : d;
    }

    /// <summary><c>long_true_divide</c>: a / b correctly rounded, however large the operands.</summary>
    public static double TrueDivide(BigInteger a, BigInteger b)
    {
        var negative = (a.Sign < 0) != (b.Sign < 0);
        a = BigInteger.Abs(a);
        b = BigInteger.Abs(b);
        if (a.IsZero)
        {
            return negative ? -0.0 : 0.0;
        }
        var diff = (long)a.GetBitLength() - (long)b.GetBitLength();
        if (diff > 1025)
        {
            throw Errors.PyErr.OverflowError("integer division result too large for a float");
        }
        if (diff < -1080)
        {
            return negative ? -0.0 : 0.0;
        }
        // x = a / (b * 2**shift) keeps two or three bits beyond the double's 53 (fewer in the
        // subnormal range); those and the remainder decide the rounding.
        var shift = (int)Math.Max(diff, -1021) - 53 - 2;
        BigInteger rem;
        var x = shift >= 0 ? BigInteger.DivRem(a, b << shift, out rem) : BigInteger.DivRem(a << -shift, b, out rem);
        var xv = (ulong)x;
        var xBits = (int)x.GetBitLength();
        var extraBits = Math.Max(xBits, -1021 - shift) - 53;
        var mask = 1UL << (extraBits - 1);
        var low = xv | (rem.IsZero ? 0UL : 1UL);
        if ((low & mask) != 0 && (low & (3 * mask - 1)) != 0)
        {
            xv += mask;
        }
        xv &= ~(2 * mask - 1);
        var dx = (double)xv;
        var result = Math.ScaleB(dx, shift);
        if (double.IsInfinity(result))
        {
            throw Errors.PyErr.OverflowError("integer division result too large for a float");
        }
        return negative ? -result : result;
    }

    [PyMethod]
    public PyObject Conjugate() => Index();

    [PyGetter("real")]
    public PyObject RealGetter() => Index();

    [PyGetter("imag")]
    public PyObject ImagGetter() => From(0);

    [PyGetter("numerator")]
    public PyObject NumeratorGetter() => Index();

    [PyGetter("denominator")]
    public PyObject DenominatorGetter() => From(1);

    [PyMethod("bit_length")]
    public long BitLength() => _big is BigInteger big ? (long)BigInteger.Abs(big).GetBitLength() : 64 - BitOperations.LeadingZeroCount(_value == long.MinValue ? 1UL << 63 : (ulong)Math.Abs(_value));

    [PyMethod("bit_count")]
    public long BitCount()
    {
        if (_big is not BigInteger big)
        {
            return BitOperations.PopCount(_value == long.MinValue ? 1UL << 63 : (ulong)Math.Abs(_value));
        }
        long count = 0;
        foreach (var b in BigInteger.Abs(big).ToByteArray(isUnsigned: true))
        {
            count += BitOperations.PopCount(b);
        }
        return count;
    }

    [PyMethod("as_integer_ratio")]
    public PyObject AsIntegerRatio() => PyTuple.Create(Index(), From(1));

    [PyMethod("__trunc__")]
    public PyObject Trunc() => Index();

    [PyMethod("__floor__")]
    public PyObject Floor() => Index();

    [PyMethod("__ceil__")]
    public PyObject Ceil() => Index();

    [PyMethod("__getnewargs__")]
    public PyObject GetNewArgs() => PyTuple.Create(Index());

    /// <summary><c>int.__round__(ndigits)</c>: a negative ndigits rounds to a power of ten,
    /// halves to even.</summary>
    [PyMethod("__round__")]
    public PyObject Round(PyObject? ndigits = null)
    {
        if (ndigits is null || ndigits is PyNone)
        {
            return Index();
        }
        var n = Abstract.Ops.Index(ndigits);
        if (n.Value.Sign >= 0)
        {
            return Index();
        }
        if (n.Value < -100000)
        {
            // 10**-n exceeds any int that fits in memory here, so the value rounds to zero.
            return From(0);
        }
        var pow = BigInteger.Pow(10, (int)-n.Value);
        return From(RoundHalfEven(Value, pow) * pow);
    }

    /// <summary>a / m rounded to the nearest integer, ties to even (m &gt; 0).</summary>
    internal static BigInteger RoundHalfEven(BigInteger a, BigInteger m)
    {
        var q = BigInteger.DivRem(a, m, out var r);
        if (r.Sign < 0)
        {
            q -= 1;
            r += m;
        }
        var twice = r * 2;
        var c = twice.CompareTo(m);
        if (c > 0 || (c == 0 && !q.IsEven))
        {
            q += 1;
        }
        return q;
    }

    /// <summary><c>bin()</c>, <c>oct()</c>, <c>hex()</c>: the magnitude in base 2, 8 or 16 with
    /// its prefix.</summary>
    public string ToBaseString(int radix)
    {
        var v = Value;
        var prefix = radix switch { 2 => "0b", 8 => "0o", _ => "0x" };
        var mag = BigInteger.Abs(v);
        string digits;
        if (mag.IsZero)
        {
            digits = "0";
        }
        else if (radix == 16)
        {
            digits = mag.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        }
        else
        {
            var bitsPer = radix == 2 ? 1 : 3;
            var sb = new System.Text.StringBuilder();
            while (!mag.IsZero)
            {
                sb.Append((char)('0' + (int)(mag & (radix - 1))));
                mag >>= bitsPer;
            }
            var chars = sb.ToString().ToCharArray();
            Array.Reverse(chars);
            digits = new string(chars);
        }
        return (v.Sign < 0 ? "-" : "") + prefix + digits;
    }
}

public partial class PyInt
{
    /// <summary><c>int(x=0)</c>, <c>int(x, base=10)</c>.</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (!ReferenceEquals(type, TypeObject))
        {
            // long_subtype_new: the int the arguments make, in an instance of the subclass.
            return new PyIntInstance(type, (PyInt)New(TypeObject, args, kwnames));
        }
        var buffer = new PyObject?[2];
        Python.ArgParse.UnpackKeywords("int", args, kwnames, s_newNames, 0, 2, 0, buffer);
        var x = buffer[0];
        if (buffer[1] is { } baseArg)
        {
            if (x is null)
            {
                throw Errors.PyErr.TypeError("int() missing string argument");
            }
            return x switch
            {
                PyStr str => Parse(str.Value, (int)Python.ArgParse.ToLong(baseArg)),
                // bytes and bytearray hold ASCII digits (re's _mk_bitmap parses bytes in base 2).
                PyBytes or PyByteArray => Parse(Latin1(x), (int)Python.ArgParse.ToLong(baseArg)),
                _ => throw Errors.PyErr.TypeError("int() can't convert non-string with explicit base"),
            };
        }
        return x switch
        {
            null => From(0),
            PyBool b => From(b.IsTrue ? 1 : 0),
            PyInt i when i.GetType() == typeof(PyInt) => i,
            PyFloat f => FromDouble(f.Value),
            PyStr s => Parse(s.Value, 10),
            PyBytes or PyByteArray => Parse(Latin1(x), 10),
            _ when x.Type.Slots.Int is { } toInt => toInt(x) as PyInt ?? throw Errors.PyErr.TypeError($"__int__ returned non-int (type {toInt(x).Type.Name})"),
            _ when x.Type.Slots.Index is not null => Abstract.Ops.Index(x),
            _ => throw Errors.PyErr.TypeError($"int() argument must be a string, a bytes-like object or a real number, not '{x.Type.Name}'"),
        };
    }

    private static readonly string[] s_newNames = ["x", "base"];

    private static string Latin1(PyObject bytesLike) =>
        System.Text.Encoding.Latin1.GetString(bytesLike is PyBytes b ? b.Data : ((PyByteArray)bytesLike).Data);

    /// <summary>The int a float truncates to.</summary>
    public static PyInt FromDouble(double d)
    {
        if (double.IsNaN(d))
        {
            throw Errors.PyErr.ValueError("cannot convert float NaN to integer");
        }
        if (double.IsInfinity(d))
        {
            throw Errors.PyErr.OverflowError("cannot convert float infinity to integer");
        }
        var t = Math.Truncate(d);
        return Math.Abs(t) < 9.2e18 ? From((long)t) : From(new BigInteger(t));
    }

    /// <summary><c>int(str, base)</c>: whitespace around, a sign, underscores between digits,
    /// a prefix matching the base (any prefix for base 0).</summary>
    public static PyInt Parse(string text, int @base)
    {
        if (@base is not 0 and (< 2 or > 36))
        {
            throw Errors.PyErr.ValueError("int() base must be >= 2 and <= 36, or 0");
        }
        var s = text.AsSpan().Trim();
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        var b = @base;
        if (s.Length >= 2 && s[0] == '0' && char.ToLowerInvariant(s[1]) is var p && (p is 'x' or 'o' or 'b'))
        {
            var prefixBase = p == 'x' ? 16 : p == 'o' ? 8 : 2;
            if (b == 0 || b == prefixBase)
            {
                b = prefixBase;
                s = s[2..];
                if (s.Length > 0 && s[0] == '_')
                {
                    s = s[1..];
                }
            }
        }
        if (b == 0)
        {
            // Base 0 without a prefix: decimal, where a leading zero must be the only digit.
            b = 10;
            if (s.Length > 1 && s[0] == '0' && s.ContainsAnyExcept('0', '_'))
            {
                throw InvalidLiteral(text, @base);
            }
        }
        // Validate and count first: the digit limit (for bases that are not powers of two) is
        // checked before any conversion work, on the digits before the first invalid character.
        var digits = 0;
        var lastUnderscore = true;
        var valid = true;
        foreach (var c in s)
        {
            if (c == '_')
            {
                if (lastUnderscore)
                {
                    valid = false;
                    break;
                }
                lastUnderscore = true;
                continue;
            }
            if (DigitValue(c) >= b)
            {
                valid = false;
                break;
            }
            digits++;
            lastUnderscore = false;
        }
        if ((b & (b - 1)) != 0 && IntMaxStrDigits > 0 && digits > IntMaxStrDigits)
        {
            throw Errors.PyErr.ValueError($"Exceeds the limit ({IntMaxStrDigits} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        if (!valid || digits == 0 || lastUnderscore)
        {
            throw InvalidLiteral(text, @base);
        }
        if ((b & (b - 1)) == 0)
        {
            var packed = ParsePowerOfTwo(s, b, digits);
            return From(negative ? -packed : packed);
        }
        BigInteger value = 0;
        long small = 0;
        var smallDigits = 0;
        foreach (var c in s)
        {
            if (c == '_')
            {
                continue;
            }
            // Digits gather in a long, then join the BigInteger in chunks.
            small = small * b + DigitValue(c);
            if (++smallDigits == 12)
            {
                value = value * BigInteger.Pow(b, smallDigits) + small;
                small = 0;
                smallDigits = 0;
            }
        }
        if (smallDigits > 0)
        {
            value = value * BigInteger.Pow(b, smallDigits) + small;
        }
        return From(negative ? -value : value);
    }

    /// <summary>Digits of a power-of-two base packed straight into the bits of the result
    /// (linear time, as CPython's binary-base conversion is).</summary>
    private static BigInteger ParsePowerOfTwo(ReadOnlySpan<char> s, int b, int digits)
    {
        var bitsPer = BitOperations.Log2((uint)b);
        var bytes = new byte[(int)(((long)digits * bitsPer + 7) / 8) + 1];
        long bit = 0;
        for (var i = s.Length - 1; i >= 0; i--)
        {
            if (s[i] == '_')
            {
                continue;
            }
            var d = DigitValue(s[i]);
            for (var k = 0; k < bitsPer; k++, bit++)
            {
                if ((d >> k & 1) != 0)
                {
                    bytes[bit >> 3] |= (byte)(1 << (int)(bit & 7));
                }
            }
        }
        return new BigInteger(bytes, isUnsigned: true);
    }

    private static int DigitValue(char c) =>
        c is >= '0' and <= '9' ? c - '0'
        : c is >= 'a' and <= 'z' ? c - 'a' + 10
        : c is >= 'A' and <= 'Z' ? c - 'A' + 10
        : char.IsDigit(c) ? (int)char.GetNumericValue(c)
        : 99;

    private static Errors.PyException InvalidLiteral(string text, int @base) =>
        Errors.PyErr.ValueError($"invalid literal for int() with base {@base}: {Taipan.Syntax.Ast.PyRepr.Str(text)}");
}

/// <summary><c>bool</c>: the two instances of a subclass of int.</summary>
[PyType("bool", Base = typeof(PyInt))]
public sealed partial class PyBool : PyInt
{
    public static readonly PyBool True = new(1);
    public static readonly PyBool False = new(0);

    private PyBool(long value)
        : base(value)
    {
    }

    [PySlot("tp_new")]
    public static new PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("bool", kwnames);
        Python.ArgParse.CheckPositional("bool", args.Length, 0, 1);
        return From(args.Length == 1 && Abstract.Ops.IsTrue(args[0]));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyBool From(bool value) => value ? True : False;

    public bool IsTrue => ReferenceEquals(this, True);

    [PySlot("tp_repr")]
    public new PyStr Repr() => PyStr.Intern(IsTrue ? "True" : "False");

    // bool & bool, | and ^ stay bool; with any other int they are int operations.
    [PySlot("nb_and")]
    public static new PyObject And(PyObject left, PyObject right) =>
        left is PyBool a && right is PyBool b ? From(a.IsTrue & b.IsTrue) : PyInt.And(left, right);

    [PySlot("nb_or")]
    public static new PyObject Or(PyObject left, PyObject right) =>
        left is PyBool a && right is PyBool b ? From(a.IsTrue | b.IsTrue) : PyInt.Or(left, right);

    [PySlot("nb_xor")]
    public static new PyObject Xor(PyObject left, PyObject right) =>
        left is PyBool a && right is PyBool b ? From(a.IsTrue ^ b.IsTrue) : PyInt.Xor(left, right);
}
