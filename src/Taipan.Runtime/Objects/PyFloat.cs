// Objects/floatobject.c
using System.Globalization;
using System.Numerics;
using System.Text;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary><c>float</c>: an IEEE 754 double.</summary>
[PyType("float", Subclassable = true)]
public partial class PyFloat(double value) : PyObject
{
    public double Value { get; } = value;

    [PySlot("tp_repr")]
    public PyStr Repr() => new(Taipan.Syntax.Ast.PyRepr.Float(Value));

    [PyMethod("__format__")]
    public PyStr FormatMethod(PyObject formatSpec) => Python.FormatterUnicode.FormatFloat(this, PyStr.StrArg("__format__", formatSpec).Value);

    [PySlot("tp_hash")]
    public long Hash() => PyHash.Double(Value, this);

    [PySlot("nb_bool")]
    public bool Bool() => Value != 0;

    /// <summary>The operand as a double when it is a float or an int (ints convert exactly or
    /// raise OverflowError), or null when the operation is not for floats.</summary>
    private static bool TryOperand(PyObject o, out double value)
    {
        switch (o)
        {
            case PyFloat f:
                value = f.Value;
                return true;
            case PyInt i:
                value = i.IsSmall ? i.Small : IntToDouble(i);
                return true;
            default:
                value = 0;
                return false;
        }
    }

    private static double IntToDouble(PyInt i) => i.ToDouble();

    [PySlot("nb_add")]
    public static PyObject Add(PyObject left, PyObject right) =>
        TryOperand(left, out var a) && TryOperand(right, out var b) ? new PyFloat(a + b) : PyNotImplemented.Value;

    [PySlot("nb_subtract")]
    public static PyObject Subtract(PyObject left, PyObject right) =>
        TryOperand(left, out var a) && TryOperand(right, out var b) ? new PyFloat(a - b) : PyNotImplemented.Value;

    [PySlot("nb_multiply")]
    public static PyObject Multiply(PyObject left, PyObject right) =>
        TryOperand(left, out var a) && TryOperand(right, out var b) ? new PyFloat(a * b) : PyNotImplemented.Value;

    [PySlot("nb_true_divide")]
    public static PyObject TrueDivide(PyObject left, PyObject right)
    {
        if (!TryOperand(left, out var a) || !TryOperand(right, out var b))
        {
            return PyNotImplemented.Value;
        }
        if (b == 0)
        {
            throw Errors.PyErr.ZeroDivisionError("float division by zero");
        }
        return new PyFloat(a / b);
    }

    [PySlot("nb_negative")]
    public PyObject Negative() => new PyFloat(-Value);

    [PySlot("nb_positive")]
    public PyObject Positive() => GetType() == typeof(PyFloat) ? this : new PyFloat(Value);

    [PySlot("nb_absolute")]
    public PyObject Absolute() => new PyFloat(Math.Abs(Value));

    [PySlot("nb_floor_divide")]
    public static PyObject FloorDivide(PyObject left, PyObject right)
    {
        if (!TryOperand(left, out var a) || !TryOperand(right, out var b))
        {
            return PyNotImplemented.Value;
        }
        if (b == 0)
        {
            throw Errors.PyErr.ZeroDivisionError("float floor division by zero");
        }
        return new PyFloat(DivMod(a, b).Quotient);
    }

    [PySlot("nb_remainder")]
    public static PyObject Remainder(PyObject left, PyObject right)
    {
        if (!TryOperand(left, out var a) || !TryOperand(right, out var b))
        {
            return PyNotImplemented.Value;
        }
        if (b == 0)
        {
            throw Errors.PyErr.ZeroDivisionError("float modulo");
        }
        return new PyFloat(DivMod(a, b).Remainder);
    }

    /// <summary><c>float_divmod</c>: the remainder takes the divisor's sign and the quotient is
    /// rounded to the nearest integer that keeps them consistent.</summary>
    public static (double Quotient, double Remainder) DivMod(double vx, double wx)
    {
        var mod = vx % wx;
        var div = (vx - mod) / wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0))
            {
                mod += wx;
                div -= 1.0;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, wx);
        }
        double floordiv;
        if (div != 0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5)
            {
                floordiv += 1.0;
            }
        }
        else
        {
            floordiv = Math.CopySign(0.0, vx / wx);
        }
        return (floordiv, mod);
    }

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        // Comparing with an int must be exact even where the int has no exact double.
        if (left is not PyFloat a)
        {
            return PyNotImplemented.Value;
        }
        double b;
        if (right is PyFloat f)
        {
            b = f.Value;
        }
        else if (right is PyInt i && i.IsSmall && Math.Abs(i.Small) < (1L << 53))
        {
            b = i.Small;
        }
        else if (right is PyInt big)
        {
            return CompareWithInt(a.Value, big, op);
        }
        else
        {
            return PyNotImplemented.Value;
        }
        return PyBool.From(Compare(a.Value, b, op));
    }

    private static bool Compare(double a, double b, CompareOp op) => op switch
    {
        CompareOp.Lt => a < b,
        CompareOp.Le => a <= b,
        CompareOp.Eq => a == b,
        CompareOp.Ne => a != b,
        CompareOp.Gt => a > b,
        _ => a >= b,
    };

    private static PyObject CompareWithInt(double a, PyInt b, CompareOp op)
    {
        if (double.IsNaN(a))
        {
            return PyBool.From(op == CompareOp.Ne);
        }
        if (double.IsInfinity(a))
        {
            return PyBool.From(Compare(a, 0, op));
        }
        // Compare exactly: the integer part of a against b, then the fraction breaks ties.
        var whole = Math.Truncate(a);
        var c = new System.Numerics.BigInteger(whole).CompareTo(b.Value);
        if (c == 0)
        {
            c = (a - whole).CompareTo(0.0);
        }
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
}

public partial class PyFloat
{
    /// <summary><c>float_pow</c>: C99's pow with CPython's errors; a negative base with a
    /// fractional exponent gives a complex result.</summary>
    [PySlot("nb_power")]
    public static PyObject Power(PyObject left, PyObject right, PyObject mod)
    {
        if (!TryOperand(left, out var iv) || !TryOperand(right, out var iw))
        {
            return PyNotImplemented.Value;
        }
        if (mod is not PyNone)
        {
            throw Errors.PyErr.TypeError("pow() 3rd argument not allowed unless all arguments are integers");
        }
        if (iw == 0)
        {
            return new PyFloat(1.0);
        }
        if (double.IsNaN(iv))
        {
            return new PyFloat(iv);
        }
        if (double.IsNaN(iw))
        {
            return new PyFloat(iv == 1.0 ? 1.0 : iw);
        }
        if (double.IsInfinity(iw))
        {
            iv = Math.Abs(iv);
            if (iv == 1.0)
            {
                return new PyFloat(1.0);
            }
            return new PyFloat((iw > 0) == (iv > 1.0) ? Math.Abs(iw) : 0.0);
        }
        var iwIsOdd = Math.Abs(Math.IEEERemainder(iw, 2.0)) == 1.0;
        if (double.IsInfinity(iv))
        {
            return iw > 0 ? new PyFloat(iwIsOdd ? iv : Math.Abs(iv)) : new PyFloat(iwIsOdd ? Math.CopySign(0.0, iv) : 0.0);
        }
        if (iv == 0.0)
        {
            if (iw < 0.0)
            {
                throw Errors.PyErr.ZeroDivisionError("0.0 cannot be raised to a negative power");
            }
            return new PyFloat(iwIsOdd ? iv : 0.0);
        }
        var negate = false;
        if (iv < 0.0)
        {
            if (iw != Math.Floor(iw))
            {
                return PyComplex.Pow(new System.Numerics.Complex(iv, 0), new System.Numerics.Complex(iw, 0));
            }
            iv = -iv;
            negate = iwIsOdd;
        }
        if (iv == 1.0)
        {
            return new PyFloat(negate ? -1.0 : 1.0);
        }
        var ix = Math.Pow(iv, iw);
        if (double.IsInfinity(ix))
        {
            throw RangeError();
        }
        return new PyFloat(negate ? -ix : ix);
    }

    /// <summary>What CPython raises for errno ERANGE: <c>OverflowError(34, 'Numerical result out of range')</c>.</summary>
    internal static Errors.PyException RangeError() =>
        new(new PyBaseException(PyExc.OverflowError, PyTuple.Create(PyInt.From(34), new PyStr("Numerical result out of range"))));

    [PySlot("nb_divmod")]
    public static PyObject DivModSlot(PyObject left, PyObject right)
    {
        if (!TryOperand(left, out var a) || !TryOperand(right, out var b))
        {
            return PyNotImplemented.Value;
        }
        if (b == 0)
        {
            throw Errors.PyErr.ZeroDivisionError("float divmod()");
        }
        var (q, r) = DivMod(a, b);
        return PyTuple.Create(new PyFloat(q), new PyFloat(r));
    }

    [PySlot("nb_int")]
    public PyObject IntSlot() => PyInt.FromDouble(Value);

    [PySlot("nb_float")]
    public PyObject FloatSlot() => GetType() == typeof(PyFloat) ? this : new PyFloat(Value);

    [PyGetter("real")]
    public PyObject RealGetter() => FloatSlot();

    [PyGetter("imag")]
    public PyObject ImagGetter() => new PyFloat(0.0);

    [PyMethod]
    public PyObject Conjugate() => FloatSlot();

    [PyMethod("is_integer")]
    public bool IsInteger() => double.IsFinite(Value) && Math.Floor(Value) == Value;

    [PyMethod("__trunc__")]
    public PyObject Trunc() => PyInt.FromDouble(Value);

    [PyMethod("__floor__")]
    public PyObject Floor() => PyInt.FromDouble(Math.Floor(Value));

    [PyMethod("__ceil__")]
    public PyObject Ceil() => PyInt.FromDouble(Math.Ceiling(Value));

    [PyMethod("__getnewargs__")]
    public PyObject GetNewArgs() => PyTuple.Create(new PyFloat(Value));

    /// <summary>The exact value as mantissa * 2**exponent with an odd (or zero) mantissa.</summary>
    private static (BigInteger Mantissa, int Exponent) Decompose(double d)
    {
        var bits = BitConverter.DoubleToInt64Bits(d);
        var exp = (int)((bits >> 52) & 0x7ff);
        var frac = bits & 0xfffffffffffffL;
        long m;
        int e;
        if (exp == 0)
        {
            m = frac;
            e = -1074;
        }
        else
        {
            m = frac | (1L << 52);
            e = exp - 1075;
        }
        if (m == 0)
        {
            return (BigInteger.Zero, 0);
        }
        var tz = BitOperations.TrailingZeroCount(m);
        m >>= tz;
        e += tz;
        return (d < 0 ? -m : m, e);
    }

    [PyMethod("as_integer_ratio")]
    public PyObject AsIntegerRatio()
    {
        if (double.IsInfinity(Value))
        {
            throw Errors.PyErr.OverflowError("cannot convert Infinity to integer ratio");
        }
        if (double.IsNaN(Value))
        {
            throw Errors.PyErr.ValueError("cannot convert NaN to integer ratio");
        }
        var (m, e) = Decompose(Value);
        return e >= 0
            ? PyTuple.Create(PyInt.From(m << e), PyInt.From(1))
            : PyTuple.Create(PyInt.From(m), PyInt.From(BigInteger.One << -e));
    }

    /// <summary><c>float.__round__</c>: without ndigits the nearest int (ties to even); with
    /// it, the decimal rounding of the exact binary value, read back correctly rounded.</summary>
    [PyMethod("__round__")]
    public PyObject Round(PyObject? ndigits = null)
    {
        var x = Value;
        if (ndigits is null || ndigits is PyNone)
        {
            var r = Math.Round(x, MidpointRounding.ToEven);
            return PyInt.FromDouble(r);
        }
        var nd = Abstract.Ops.Index(ndigits);
        // Beyond these, the value is its own rounding or rounds to zero (floatobject.c's
        // NDIGITS_MAX and NDIGITS_MIN).
        if (nd.Value > 323)
        {
            return new PyFloat(x);
        }
        if (nd.Value < -308)
        {
            return new PyFloat(0.0 * x);
        }
        if (!double.IsFinite(x) || x == 0)
        {
            return new PyFloat(x);
        }
        var n = (int)nd.Small;
        var (m, e) = Decompose(x);
        // x * 10**n = num / den exactly.
        BigInteger num = m, den = BigInteger.One;
        if (e >= 0)
        {
            num <<= e;
        }
        else
        {
            den <<= -e;
        }
        if (n >= 0)
        {
            num *= BigInteger.Pow(10, n);
        }
        else
        {
            den *= BigInteger.Pow(10, -n);
        }
        var q = PyInt.RoundHalfEven(num, den);
        var result = double.Parse($"{q.ToString(CultureInfo.InvariantCulture)}e{-n}", NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(result))
        {
            throw Errors.PyErr.OverflowError("rounded value too large to represent");
        }
        if (result == 0)
        {
            result = Math.CopySign(0.0, x);
        }
        return new PyFloat(result);
    }

    /// <summary><c>float.hex()</c>: <c>[-]0x1.hhhhhhhhhhhhhp±e</c>, subnormals as <c>0x0.h…p-1022</c>.</summary>
    [PyMethod]
    public string Hex()
    {
        var x = Value;
        if (double.IsNaN(x) || double.IsInfinity(x))
        {
            return Taipan.Syntax.Ast.PyRepr.Float(x);
        }
        var sign = x < 0 || (x == 0 && double.IsNegative(x)) ? "-" : "";
        if (x == 0)
        {
            return sign + "0x0.0p+0";
        }
        var bits = BitConverter.DoubleToInt64Bits(x);
        var exp = (int)((bits >> 52) & 0x7ff);
        var frac = bits & 0xfffffffffffffL;
        var lead = exp == 0 ? 0 : 1;
        var e = exp == 0 ? -1022 : exp - 1023;
        return $"{sign}0x{lead}.{frac:x13}p{(e >= 0 ? "+" : "")}{e}";
    }

    /// <summary><c>float.__getformat__(typestr)</c>: how C's double and float are laid out,
    /// IEEE little-endian wherever .NET runs (test.support asks at import).</summary>
    [PyClassMethod("__getformat__")]
    public static PyStr GetFormat(PyType type, PyObject typestr) =>
        (typestr as PyStr ?? throw Errors.PyErr.TypeError($"__getformat__() argument must be str, not {typestr.Type.Name}")).Value is "double" or "float"
            ? new PyStr("IEEE, little-endian")
            : throw Errors.PyErr.ValueError("__getformat__() argument 1 must be 'double' or 'float'");

    /// <summary><c>float.fromhex(string)</c>, correctly rounded (ties to even).</summary>
    [PyClassMethod("fromhex")]
    public static PyObject FromHex(PyType type, PyObject str)
    {
        var text = (str as PyStr ?? throw Errors.PyErr.TypeError($"must be str, not {str.Type.Name}")).Value;
        var value = new PyFloat(ParseHex(text));
        return ReferenceEquals(type, TypeObject) ? value : Abstract.Ops.Call(type, [value], null);
    }

    private static double ParseHex(string text)
    {
        var s = text.AsSpan().Trim();
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        var lower = s.ToString().ToLowerInvariant();
        if (lower is "inf" or "infinity")
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }
        if (lower == "nan")
        {
            return negative ? -double.NaN : double.NaN;
        }
        var i = 0;
        if (lower.StartsWith("0x", StringComparison.Ordinal))
        {
            i = 2;
        }
        BigInteger mant = 0;
        var digits = 0;
        var fracDigits = 0;
        var seenPoint = false;
        for (; i < lower.Length; i++)
        {
            var c = lower[i];
            if (c == '.' && !seenPoint)
            {
                seenPoint = true;
                continue;
            }
            var d = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0)
            {
                break;
            }
            mant = mant * 16 + d;
            digits++;
            if (seenPoint)
            {
                fracDigits++;
            }
        }
        if (digits == 0)
        {
            throw Errors.PyErr.ValueError("invalid hexadecimal floating-point string");
        }
        long exp = 0;
        if (i < lower.Length && lower[i] == 'p')
        {
            i++;
            var expNeg = false;
            if (i < lower.Length && lower[i] is '+' or '-')
            {
                expNeg = lower[i] == '-';
                i++;
            }
            var start = i;
            while (i < lower.Length && lower[i] is >= '0' and <= '9')
            {
                exp = Math.Min(exp * 10 + (lower[i] - '0'), 1L << 40);
                i++;
            }
            if (i == start)
            {
                throw Errors.PyErr.ValueError("invalid hexadecimal floating-point string");
            }
            if (expNeg)
            {
                exp = -exp;
            }
        }
        if (i != lower.Length)
        {
            throw Errors.PyErr.ValueError("invalid hexadecimal floating-point string");
        }
        var result = ScaleExact(mant, exp - 4L * fracDigits);
        if (double.IsInfinity(result))
        {
            throw Errors.PyErr.OverflowError("hexadecimal value too large to represent as a float");
        }
        return negative ? -result : result;
    }

    /// <summary>mant * 2**exp (any sign) rounded once to the nearest double, ties to even;
    /// infinity beyond the range.</summary>
    public static double FromScaled(BigInteger mant, long exp) =>
        mant.Sign < 0 ? -ScaleExact(-mant, exp) : ScaleExact(mant, exp);

    /// <summary>The exact value of a finite double as mantissa * 2**exponent.</summary>
    public static (BigInteger Mantissa, int Exponent) Exact(double d) => Decompose(d);

    /// <summary>mant * 2**exp rounded once to the nearest double (ties to even).</summary>
    private static double ScaleExact(BigInteger mant, long exp)
    {
        if (mant.IsZero)
        {
            return 0.0;
        }
        var bits = (long)mant.GetBitLength();
        var top = bits + exp; // the value lies in [2**(top-1), 2**top)
        if (top > 1024)
        {
            return double.PositiveInfinity;
        }
        if (top < -1075)
        {
            return 0.0;
        }
        // Keep 53 significant bits, or fewer below the normal range.
        var keep = (int)Math.Min(53, top + 1074);
        if (keep <= 0)
        {
            // Below half the smallest subnormal, or exactly half of it: rounds to 0 (even); more than half rounds up.
            var half = BigInteger.One << (int)(bits - 1);
            return top == -1074 && (keep == 0) && mant > half ? double.Epsilon : 0.0;
        }
        var drop = (int)(bits - keep);
        BigInteger q = mant;
        if (drop > 0)
        {
            q = mant >> drop;
            var rem = mant - (q << drop);
            var halfway = BigInteger.One << (drop - 1);
            var c = rem.CompareTo(halfway);
            if (c > 0 || (c == 0 && !q.IsEven))
            {
                q += 1;
            }
        }
        else if (drop < 0)
        {
            q = mant << -drop;
        }
        return Math.ScaleB((double)q, (int)(exp + Math.Max(drop, 0) + Math.Min(drop, 0)));
    }
}

public partial class PyFloat
{
    /// <summary><c>float(x=0.0)</c>: a float, a string, or anything with <c>__float__</c> or
    /// <c>__index__</c>.</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("float", kwnames);
        ArgParse.CheckPositional("float", args.Length, 0, 1);
        var value = args.Length == 0 ? 0.0
            : args[0] is PyStr s ? Parse(s.Value)
            : args[0] is PyBytes or PyByteArray && args[0].Type.Slots.Float is null ? ParseBytes(args[0])
            : Abstract.Number.AsDouble(args[0], forFloat: true);
        if (ReferenceEquals(type, TypeObject))
        {
            return args.Length == 1 && args[0].GetType() == typeof(PyFloat) ? args[0] : new PyFloat(value);
        }
        return new PyFloatInstance(type, value);
    }

    /// <summary><c>float(str)</c>: surrounding whitespace, a sign, digits with single
    /// underscores between them, a point, an exponent; or inf, infinity, nan in any case.</summary>
    public static double Parse(string text)
    {
        if (TryParse(text, out var d))
        {
            return d;
        }
        throw Errors.PyErr.ValueError($"could not convert string to float: {Taipan.Syntax.Ast.PyRepr.Str(text)}");
    }

    /// <summary><c>float(bytes)</c> (PyFloat_FromString on a buffer): ASCII text only.</summary>
    private static double ParseBytes(PyObject o)
    {
        var data = BufferProtocol.Read(o);
        foreach (var b in data)
        {
            if (b >= 0x80)
            {
                data = default;
                break;
            }
        }
        if (data.Length > 0 && TryParse(Encoding.ASCII.GetString(data), out var d))
        {
            return d;
        }
        throw Errors.PyErr.ValueError($"could not convert string to float: {Abstract.Ops.Repr(o).Value}");
    }

    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var s = text.AsSpan().Trim();
        var sb = new StringBuilder(s.Length);
        var i = 0;
        if (i < s.Length && s[i] is '+' or '-')
        {
            sb.Append(s[i]);
            i++;
        }
        var rest = s[i..].ToString().ToLowerInvariant();
        if (rest is "inf" or "infinity" or "nan")
        {
            var negative = sb.Length > 0 && sb[0] == '-';
            value = rest == "nan" ? (negative ? -double.NaN : double.NaN) : negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (!ScanDigits(s, ref i, sb, out var intDigits))
        {
            return false;
        }
        var fracDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            sb.Append('.');
            i++;
            if (!ScanDigits(s, ref i, sb, out fracDigits))
            {
                return false;
            }
        }
        if (intDigits + fracDigits == 0)
        {
            return false;
        }
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            sb.Append('e');
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                sb.Append(s[i]);
                i++;
            }
            if (!ScanDigits(s, ref i, sb, out var expDigits) || expDigits == 0)
            {
                return false;
            }
        }
        if (i != s.Length)
        {
            return false;
        }
        return double.TryParse(sb.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Copies a run of decimal digits (any script's) with underscores only between
    /// digits; false for a misplaced underscore.</summary>
    private static bool ScanDigits(ReadOnlySpan<char> s, ref int i, StringBuilder sb, out int count)
    {
        count = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '_')
            {
                if (count == 0 || i + 1 >= s.Length || !char.IsDigit(s[i + 1]))
                {
                    return false;
                }
                i++;
                continue;
            }
            if (c is >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (char.IsDigit(c))
            {
                sb.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
            else
            {
                break;
            }
            count++;
            i++;
        }
        return true;
    }
}
