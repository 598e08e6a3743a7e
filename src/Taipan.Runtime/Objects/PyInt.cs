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

    [PyMethod("__format__")]
    public PyStr FormatMethod(PyObject formatSpec) => FormatterUnicode.FormatInt(this, PyStr.StrArg("__format__", formatSpec).Value);

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
        if (a.IsSmall && b.IsSmall && Math.Abs(a._value) <= (1L << 53) && Math.Abs(b._value) <= (1L << 53))
        {
            return new PyFloat((double)a._value / b._value);
        }
        var q = (double)a.Value / (double)b.Value;
        if (double.IsInfinity(q) || double.IsNaN(q))
        {
            throw Errors.PyErr.OverflowError("integer division result too large for a float");
        }
        return new PyFloat(q);
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
        if (!b.IsSmall || b._value > int.MaxValue)
        {
            throw Errors.PyErr.OverflowError("too many digits in integer");
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
    /// <summary><c>int(x=0)</c>, <c>int(x, base=10)</c>.</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        Python.ArgParse.UnpackKeywords("int", args, kwnames, s_newNames, 0, 2, 0, buffer);
        if (!ReferenceEquals(type, TypeObject))
        {
            throw Errors.PyErr.TypeError($"subclassing the builtin type 'int' is not supported yet");
        }
        var x = buffer[0];
        if (buffer[1] is { } baseArg)
        {
            if (x is null)
            {
                throw Errors.PyErr.TypeError("int() missing string argument");
            }
            if (x is not PyStr str)
            {
                throw Errors.PyErr.TypeError("int() can't convert non-string with explicit base");
            }
            return Parse(str.Value, (int)Python.ArgParse.ToLong(baseArg));
        }
        return x switch
        {
            null => From(0),
            PyBool b => From(b.IsTrue ? 1 : 0),
            PyInt i => i,
            PyFloat f => FromDouble(f.Value),
            PyStr s => Parse(s.Value, 10),
            _ when x.Type.Slots.Int is { } toInt => toInt(x) as PyInt ?? throw Errors.PyErr.TypeError($"__int__ returned non-int (type {toInt(x).Type.Name})"),
            _ when x.Type.Slots.Index is not null => Abstract.Ops.Index(x),
            _ => throw Errors.PyErr.TypeError($"int() argument must be a string, a bytes-like object or a real number, not '{x.Type.Name}'"),
        };
    }

    private static readonly string[] s_newNames = ["x", "base"];

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
            if (s.Length > 1 && s[0] == '0' && s.TrimStart('0').Trim('_').Length > 0)
            {
                throw InvalidLiteral(text, @base);
            }
        }
        BigInteger value = 0;
        var digits = 0;
        var lastUnderscore = true;
        foreach (var c in s)
        {
            if (c == '_')
            {
                if (lastUnderscore)
                {
                    throw InvalidLiteral(text, @base);
                }
                lastUnderscore = true;
                continue;
            }
            var d = c is >= '0' and <= '9' ? c - '0' : char.ToLowerInvariant(c) is >= 'a' and <= 'z' ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (d >= b)
            {
                throw InvalidLiteral(text, @base);
            }
            value = value * b + d;
            digits++;
            lastUnderscore = false;
        }
        if (digits == 0 || lastUnderscore)
        {
            throw InvalidLiteral(text, @base);
        }
        if (b == 10 && IntMaxStrDigits > 0 && digits > IntMaxStrDigits)
        {
            throw Errors.PyErr.ValueError($"Exceeds the limit ({IntMaxStrDigits} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        return From(negative ? -value : value);
    }

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
}
