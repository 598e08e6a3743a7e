// Objects/complexobject.c
using System.Globalization;
using Taipan.Runtime.Python;
using C = System.Numerics.Complex;

namespace Taipan.Runtime.Objects;

/// <summary><c>complex</c>: two doubles, with CPython's arithmetic (Smith's division, integer
/// powers by repeated squaring) so results match to the last bit.</summary>
[PyType("complex", Subclassable = true)]
public partial class PyComplex(double real, double imag) : PyObject
{
    public double Real { get; } = real;

    public double Imag { get; } = imag;

    private C Value => new(Real, Imag);

    private static PyComplex Of(C c) => new(c.Real, c.Imaginary);

    /// <summary>The operand as a complex when it is a complex, float or int; false otherwise.</summary>
    private static bool TryOperand(PyObject o, out C value)
    {
        switch (o)
        {
            case PyComplex c:
                value = c.Value;
                return true;
            case PyFloat f:
                value = new C(f.Value, 0);
                return true;
            case PyInt i:
                value = new C(i.ToDouble(), 0);
                return true;
            default:
                value = default;
                return false;
        }
    }

    /// <summary>A part as repr shows it: the float's repr without a trailing ".0".</summary>
    private static string Part(double d)
    {
        var s = Taipan.Syntax.Ast.PyRepr.Float(d);
        return s.EndsWith(".0", StringComparison.Ordinal) ? s[..^2] : s;
    }

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        if (Real == 0 && !double.IsNegative(Real))
        {
            return new PyStr(Part(Imag) + "j");
        }
        var im = Part(Imag);
        if (!im.StartsWith('-'))
        {
            im = "+" + im;
        }
        return new PyStr($"({Part(Real)}{im}j)");
    }

    [PySlot("tp_hash")]
    public long Hash()
    {
        // hash(real) + 1000003 * hash(imag), wrapping as CPython's Py_uhash_t does.
        var hr = (ulong)PyHash.Double(Real, this);
        var hi = (ulong)PyHash.Double(Imag, this);
        var combined = unchecked((long)(hr + 1000003UL * hi));
        return combined == -1 ? -2 : combined;
    }

    [PySlot("nb_bool")]
    public bool Bool() => Real != 0 || Imag != 0;

    [PyGetter("real")]
    public double RealGetter() => Real;

    [PyGetter("imag")]
    public double ImagGetter() => Imag;

    [PyMethod]
    public PyObject Conjugate() => new PyComplex(Real, -Imag);

    [PyMethod("__getnewargs__")]
    public PyObject GetNewArgs() => PyTuple.Create(new PyFloat(Real), new PyFloat(Imag));

    [PyMethod("__complex__")]
    public PyObject ComplexMethod() => GetType() == typeof(PyComplex) ? this : new PyComplex(Real, Imag);

    [PySlot("nb_add")]
    public static PyObject Add(PyObject left, PyObject right) =>
        TryOperand(left, out var a) && TryOperand(right, out var b) ? new PyComplex(a.Real + b.Real, a.Imaginary + b.Imaginary) : PyNotImplemented.Value;

    [PySlot("nb_subtract")]
    public static PyObject Subtract(PyObject left, PyObject right) =>
        TryOperand(left, out var a) && TryOperand(right, out var b) ? new PyComplex(a.Real - b.Real, a.Imaginary - b.Imaginary) : PyNotImplemented.Value;

    [PySlot("nb_multiply")]
    public static PyObject Multiply(PyObject left, PyObject right) =>
        TryOperand(left, out var a) && TryOperand(right, out var b) ? Of(Prod(a, b)) : PyNotImplemented.Value;

    [PySlot("nb_true_divide")]
    public static PyObject TrueDivide(PyObject left, PyObject right)
    {
        if (!TryOperand(left, out var a) || !TryOperand(right, out var b))
        {
            return PyNotImplemented.Value;
        }
        return Of(Quot(a, b) ?? throw Errors.PyErr.ZeroDivisionError("complex division by zero"));
    }

    [PySlot("nb_power")]
    public static PyObject Power(PyObject left, PyObject right, PyObject mod)
    {
        if (!TryOperand(left, out var a) || !TryOperand(right, out var b))
        {
            return PyNotImplemented.Value;
        }
        if (mod is not PyNone)
        {
            throw Errors.PyErr.ValueError("complex modulo");
        }
        return Pow(a, b);
    }

    [PySlot("nb_negative")]
    public PyObject Negative() => new PyComplex(-Real, -Imag);

    [PySlot("nb_positive")]
    public PyObject Positive() => ComplexMethod();

    [PySlot("nb_absolute")]
    public PyObject Absolute() => new PyFloat(Abs(Real, Imag));

    /// <summary><c>_Py_c_abs</c>: an infinite part wins over a NaN; overflow is an error.</summary>
    public static double Abs(double re, double im)
    {
        if (!double.IsFinite(re) || !double.IsFinite(im))
        {
            return double.IsInfinity(re) || double.IsInfinity(im) ? double.PositiveInfinity : double.NaN;
        }
        var r = Hypot(re, im);
        if (double.IsInfinity(r))
        {
            throw Errors.PyErr.OverflowError("absolute value too large");
        }
        return r;
    }

    private static readonly double s_twoPow500 = Math.ScaleB(1.0, 500);

    /// <summary>C99's hypot, nearly always correctly rounded: Borges' FMA correction of
    /// sqrt(x² + y²), with scaling so that nothing overflows or underflows on the way.</summary>
    public static double Hypot(double x, double y)
    {
        x = Math.Abs(x);
        y = Math.Abs(y);
        if (double.IsInfinity(x) || double.IsInfinity(y))
        {
            return double.PositiveInfinity;
        }
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.NaN;
        }
        if (x < y)
        {
            (x, y) = (y, x);
        }
        if (y == 0)
        {
            return x;
        }
        if (x > y * 9007199254740992.0 * 2)
        {
            // y is below half an ulp of x.
            return x + y;
        }
        var scale = 0;
        if (x > s_twoPow500)
        {
            scale = 600;
        }
        else if (y < 1.0 / s_twoPow500)
        {
            scale = -600;
        }
        x = Math.ScaleB(x, -scale);
        y = Math.ScaleB(y, -scale);
        var h = Math.Sqrt(Math.FusedMultiplyAdd(x, x, y * y));
        var hSq = h * h;
        var xSq = x * x;
        var e = Math.FusedMultiplyAdd(-y, y, hSq - xSq) + Math.FusedMultiplyAdd(h, h, -hSq) - Math.FusedMultiplyAdd(x, x, -xSq);
        h -= e / (2 * h);
        return Math.ScaleB(h, scale);
    }

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (op is not (CompareOp.Eq or CompareOp.Ne) || left is not PyComplex a)
        {
            return PyNotImplemented.Value;
        }
        bool equal;
        switch (right)
        {
            case PyInt i:
                // Exact, as float == int is: only a zero imaginary part can be equal.
                equal = a.Imag == 0 && Abstract.Ops.RichCompareBool(new PyFloat(a.Real), i, CompareOp.Eq);
                break;
            case PyFloat f:
                equal = a.Imag == 0 && a.Real == f.Value;
                break;
            case PyComplex c:
                equal = a.Real == c.Real && a.Imag == c.Imag;
                break;
            default:
                return PyNotImplemented.Value;
        }
        return PyBool.From(equal == (op == CompareOp.Eq));
    }

    private static C Prod(C a, C b) =>
        new(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real);

    /// <summary><c>_Py_c_quot</c> (Smith's method); null for division by zero.</summary>
    private static C? Quot(C a, C b)
    {
        var absBr = Math.Abs(b.Real);
        var absBi = Math.Abs(b.Imaginary);
        if (absBr >= absBi)
        {
            if (absBr == 0.0)
            {
                return null;
            }
            var ratio = b.Imaginary / b.Real;
            var denom = b.Real + b.Imaginary * ratio;
            return new C((a.Real + a.Imaginary * ratio) / denom, (a.Imaginary - a.Real * ratio) / denom);
        }
        if (absBi >= absBr)
        {
            var ratio = b.Real / b.Imaginary;
            var denom = b.Real * ratio + b.Imaginary;
            return new C((a.Real * ratio + a.Imaginary) / denom, (a.Imaginary * ratio - a.Real) / denom);
        }
        return new C(double.NaN, double.NaN);
    }

    /// <summary><c>complex_pow</c>: small integral exponents by repeated squaring, the rest
    /// through polar form; a zero base with a negative or complex exponent is an error, and an
    /// infinite result is an overflow.</summary>
    public static PyObject Pow(C a, C b)
    {
        C? p;
        if (b.Imaginary == 0 && b.Real == Math.Floor(b.Real) && Math.Abs(b.Real) <= 100)
        {
            var n = (long)b.Real;
            p = n > 0 ? PowU(a, n) : Quot(new C(1, 0), PowU(a, -n));
        }
        else
        {
            p = PowGeneral(a, b);
        }
        if (p is not { } r)
        {
            throw Errors.PyErr.ZeroDivisionError("0.0 to a negative or complex power");
        }
        if (double.IsInfinity(r.Real) || double.IsInfinity(r.Imaginary))
        {
            throw Errors.PyErr.OverflowError("complex exponentiation");
        }
        return Of(r);
    }

    private static C PowU(C x, long n)
    {
        var r = new C(1, 0);
        var p = x;
        for (long mask = 1; mask > 0 && n >= mask; mask <<= 1)
        {
            if ((n & mask) != 0)
            {
                r = Prod(r, p);
            }
            p = Prod(p, p);
        }
        return r;
    }

    private static C? PowGeneral(C a, C b)
    {
        if (b.Real == 0 && b.Imaginary == 0)
        {
            return new C(1, 0);
        }
        if (a.Real == 0 && a.Imaginary == 0)
        {
            return b.Imaginary != 0 || b.Real < 0 ? null : new C(0, 0);
        }
        var vabs = Hypot(a.Real, a.Imaginary);
        var len = Math.Pow(vabs, b.Real);
        var at = Math.Atan2(a.Imaginary, a.Real);
        var phase = at * b.Real;
        if (b.Imaginary != 0.0)
        {
            len /= Math.Exp(at * b.Imaginary);
            phase += b.Imaginary * Math.Log(vabs);
        }
        return new C(len * Math.Cos(phase), len * Math.Sin(phase));
    }
}

public partial class PyComplex
{
    private static readonly string[] s_newNames = ["real", "imag"];

    /// <summary><c>complex(real=0, imag=0)</c>, or <c>complex(string)</c>.</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (!ReferenceEquals(type, TypeObject))
        {
            // complex_subtype_from_doubles: the value the arguments make, in a subclass instance.
            var value = (PyComplex)New(TypeObject, args, kwnames);
            return new PyComplexInstance(type, value.Real, value.Imag);
        }
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords("complex", args, kwnames, s_newNames, 0, 2, 0, buffer);
        var r = buffer[0];
        var i = buffer[1];
        if (r is PyStr s)
        {
            if (i is not null)
            {
                throw Errors.PyErr.TypeError("complex() can't take second arg if first is a string");
            }
            return Parse(s.Value);
        }
        if (i is PyStr)
        {
            throw Errors.PyErr.TypeError("complex() second arg can't be a string");
        }
        if (r is PyComplex rc && rc.GetType() == typeof(PyComplex) && i is null)
        {
            return rc;
        }
        var cr = r is null ? new C(0, 0) : ToComplex(r, "complex() first argument must be a string or a number, not '{0}'");
        if (i is null)
        {
            return Of(cr);
        }
        var ci = ToComplex(i, "complex() second argument must be a number, not '{0}'");
        // real + imag*1j, keeping signed zeros as CPython does by adding parts separately.
        var realPart = i is PyComplex ? cr.Real - ci.Imaginary : cr.Real;
        var imagPart = r is PyComplex ? cr.Imaginary + ci.Real : ci.Real;
        return new PyComplex(realPart, imagPart);
    }

    private static C ToComplex(PyObject o, string message)
    {
        if (o is PyComplex c)
        {
            return c.Value;
        }
        if (o.Type.Lookup(PyStr.Intern("__complex__")) is { } method)
        {
            var result = Abstract.Ops.Call(method, [o], null);
            return result is PyComplex rc ? rc.Value : throw Errors.PyErr.TypeError($"__complex__ returned non-complex (type {result.Type.Name})");
        }
        if (o is PyFloat or PyInt || o.Type.Slots.Float is not null || o.Type.Slots.Index is not null || o.Type.Lookup(PyStr.Intern("__float__")) is not null)
        {
            return new C(Abstract.Number.AsDouble(o), 0);
        }
        throw Errors.PyErr.TypeError(string.Format(CultureInfo.InvariantCulture, message, o.Type.Name));
    }

    /// <summary><c>complex_from_string_inner</c>: "x", "yj", "x±yj", "±j", optionally in
    /// parentheses, with whitespace around.</summary>
    public static PyComplex Parse(string text)
    {
        var s = text.Trim();
        if (s.Contains('_'))
        {
            // _Py_string_to_number_with_underscores: each underscore between two digits, then gone.
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] == '_' && (i == 0 || i + 1 == s.Length || !char.IsDigit(s[i - 1]) || !char.IsDigit(s[i + 1])))
                {
                    throw Errors.PyErr.ValueError($"could not convert string to complex: {Taipan.Syntax.Ast.PyRepr.Str(text)}");
                }
            }
            s = s.Replace("_", "", StringComparison.Ordinal);
        }
        if (s.StartsWith('(') && s.EndsWith(')') && s.Length >= 2)
        {
            s = s[1..^1].Trim();
        }
        double x = 0, y = 0;
        var pos = 0;
        var end = ScanFloat(s, 0, out var first);
        if (end > 0)
        {
            pos = end;
            if (pos < s.Length && s[pos] is '+' or '-')
            {
                x = first;
                var end2 = ScanFloat(s, pos, out var second);
                if (end2 > 0)
                {
                    y = second;
                    pos = end2;
                }
                else
                {
                    y = s[pos] == '+' ? 1.0 : -1.0;
                    pos++;
                }
                if (pos >= s.Length || s[pos] is not ('j' or 'J'))
                {
                    throw Malformed();
                }
                pos++;
            }
            else if (pos < s.Length && s[pos] is 'j' or 'J')
            {
                y = first;
                pos++;
            }
            else
            {
                x = first;
            }
        }
        else
        {
            if (pos < s.Length && s[pos] is '+' or '-')
            {
                y = s[pos] == '+' ? 1.0 : -1.0;
                pos++;
            }
            else
            {
                y = 1.0;
            }
            if (pos >= s.Length || s[pos] is not ('j' or 'J'))
            {
                throw Malformed();
            }
            pos++;
        }
        if (pos != s.Length)
        {
            throw Malformed();
        }
        return new PyComplex(x, y);
    }

    private static Errors.PyException Malformed() => Errors.PyErr.ValueError("complex() arg is a malformed string");

    /// <summary>The end of the longest float literal at <paramref name="start"/> (sign, digits with
    /// underscores, point, exponent, or inf/infinity/nan), or -1 when none starts there.</summary>
    private static int ScanFloat(string s, int start, out double value)
    {
        value = 0;
        var i = start;
        if (i < s.Length && s[i] is '+' or '-')
        {
            i++;
        }
        foreach (var word in (ReadOnlySpan<string>)["infinity", "inf", "nan"])
        {
            if (string.Compare(s, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0 && s.Length - i >= word.Length)
            {
                var end = i + word.Length;
                return PyFloat.TryParse(s[start..end], out value) ? end : -1;
            }
        }
        var digits = 0;
        void Digits()
        {
            while (i < s.Length && (char.IsDigit(s[i]) || (s[i] == '_' && i > 0 && char.IsDigit(s[i - 1]) && i + 1 < s.Length && char.IsDigit(s[i + 1]))))
            {
                if (s[i] != '_')
                {
                    digits++;
                }
                i++;
            }
        }
        Digits();
        if (i < s.Length && s[i] == '.')
        {
            i++;
            Digits();
        }
        if (digits == 0)
        {
            return -1;
        }
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            var save = i;
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }
            var before = digits;
            Digits();
            if (digits == before)
            {
                i = save;
            }
        }
        return PyFloat.TryParse(s[start..i], out value) ? i : -1;
    }
}
