// Objects/floatobject.c
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

    private static double IntToDouble(PyInt i)
    {
        var d = (double)i.Value;
        if (double.IsInfinity(d))
        {
            throw Errors.PyErr.OverflowError("int too large to convert to float");
        }
        return d;
    }

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
