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
    private readonly BigInteger? _big;

    protected PyInt(long value) => _value = value;

    protected PyInt(BigInteger value) => _big = value;

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

    public BigInteger Value => _big ?? _value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    [PySlot("tp_repr")]
    public PyStr Repr() => new(ToDecimalString());

    /// <summary><c>int.__repr__</c> with the 4300-digit limit of CPython 3.11 (PEP 651's
    /// sibling: <c>sys.set_int_max_str_digits</c>).</summary>
    public string ToDecimalString()
    {
        if (_big is { } big)
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

    [PySlot("tp_hash")]
    public long Hash() => _big is { } big ? PyHash.Int(big) : PyHash.Int(_value);

    [PySlot("nb_bool")]
    public bool Bool() => _big is { } big ? !big.IsZero : _value != 0;

    [PySlot("nb_index")]
    public PyInt Index() => GetType() == typeof(PyInt) ? this : _big is { } b ? From(b) : From(_value);

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyBool From(bool value) => value ? True : False;

    public bool IsTrue => ReferenceEquals(this, True);

    [PySlot("tp_repr")]
    public new PyStr Repr() => PyStr.Intern(IsTrue ? "True" : "False");
}
