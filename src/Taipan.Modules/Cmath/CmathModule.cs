// Modules/cmathmodule.c
using Taipan.Modules.Mathematics;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Cmath;

/// <summary>The <c>cmath</c> module: CPython's formulas for finite arguments (branch cuts, the
/// rescaling that keeps intermediate results in range), with its domain and range errors.</summary>
[PyModule("cmath", Doc = "This module provides access to mathematical functions for complex\nnumbers.")]
public static partial class CmathModule
{
    private const double LargeDouble = double.MaxValue / 4.0;
    private const double Ln2 = 0.6931471805599453094;
    private const double Ln10 = 2.302585092994045684;
    private static readonly double s_sqrtLargeDouble = Math.Sqrt(LargeDouble);
    private static readonly double s_logLargeDouble = Math.Log(LargeDouble);
    private static readonly double s_sqrtDblMin = Math.Sqrt(2.2250738585072014e-308);
    private const double DblMin = 2.2250738585072014e-308;

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("pi", new PyFloat(Math.PI));
        module.AddBuiltin("e", new PyFloat(Math.E));
        module.AddBuiltin("tau", new PyFloat(Math.Tau));
        module.AddBuiltin("inf", new PyFloat(double.PositiveInfinity));
        module.AddBuiltin("infj", new PyComplex(0.0, double.PositiveInfinity));
        module.AddBuiltin("nan", new PyFloat(double.NaN));
        module.AddBuiltin("nanj", new PyComplex(0.0, double.NaN));
    }

    /// <summary><c>PyComplex_AsCComplex</c>: a complex, <c>__complex__</c>, or a real number.</summary>
    private static (double Re, double Im) ToComplex(PyObject o)
    {
        if (o is PyComplex c)
        {
            return (c.Real, c.Imag);
        }
        if (o.Type.Lookup(PyStr.Intern("__complex__")) is { } method)
        {
            var r = Ops.Call(method, [o], null);
            return r is PyComplex rc ? (rc.Real, rc.Imag) : throw PyErr.TypeError($"__complex__ returned non-complex (type {r.Type.Name})");
        }
        return (Number.AsDouble(o), 0.0);
    }

    /// <summary>Applies <paramref name="f"/>; for the functions that grow (exp, sinh, cosh, sin,
    /// cos) an infinite part from a finite argument is a range error. Domain errors (log(0),
    /// atanh(1)) are raised by the functions themselves.</summary>
    private static PyComplex Apply(PyObject arg, Func<double, double, (double, double)> f, bool canOverflow)
    {
        var (re, im) = ToComplex(arg);
        var (rr, ri) = f(re, im);
        if (canOverflow && double.IsFinite(re) && double.IsFinite(im) && (double.IsInfinity(rr) || double.IsInfinity(ri)))
        {
            throw MathModule.RangeError();
        }
        return new PyComplex(rr, ri);
    }

    [PyMethod] public static PyObject Sqrt(PyObject z) => Apply(z, CSqrt, false);
    [PyMethod] public static PyObject Exp(PyObject z) => Apply(z, CExp, true);
    [PyMethod] public static PyObject Log10(PyObject z) => Apply(z, static (x, y) => { var (a, b) = CLog(x, y); return (a / Ln10, b / Ln10); }, false);
    [PyMethod] public static PyObject Asinh(PyObject z) => Apply(z, CAsinh, false);
    [PyMethod] public static PyObject Asin(PyObject z) => Apply(z, static (x, y) => { var (a, b) = CAsinh(-y, x); return (b, -a); }, false);
    [PyMethod] public static PyObject Acos(PyObject z) => Apply(z, CAcos, false);
    [PyMethod] public static PyObject Acosh(PyObject z) => Apply(z, CAcosh, false);
    [PyMethod] public static PyObject Atanh(PyObject z) => Apply(z, CAtanh, false);
    [PyMethod] public static PyObject Atan(PyObject z) => Apply(z, static (x, y) => { var (a, b) = CAtanh(-y, x); return (b, -a); }, false);
    [PyMethod] public static PyObject Cosh(PyObject z) => Apply(z, CCosh, true);
    [PyMethod] public static PyObject Cos(PyObject z) => Apply(z, static (x, y) => CCosh(-y, x), true);
    [PyMethod] public static PyObject Sinh(PyObject z) => Apply(z, CSinh, true);
    [PyMethod] public static PyObject Sin(PyObject z) => Apply(z, static (x, y) => { var (a, b) = CSinh(-y, x); return (b, -a); }, true);
    [PyMethod] public static PyObject Tanh(PyObject z) => Apply(z, CTanh, false);
    [PyMethod] public static PyObject Tan(PyObject z) => Apply(z, static (x, y) => { var (a, b) = CTanh(-y, x); return (b, -a); }, false);

    [PyMethod]
    public static PyObject Log(PyObject x, PyObject? @base = null)
    {
        var r = Apply(x, CLog, false);
        if (@base is null)
        {
            return r;
        }
        var b = Apply(@base, CLog, false);
        var q = Quot(r.Real, r.Imag, b.Real, b.Imag) ?? throw MathModule.DomainError();
        return new PyComplex(q.Re, q.Im);
    }

    [PyMethod]
    public static double Phase(PyObject z)
    {
        var (re, im) = ToComplex(z);
        return Math.Atan2(im, re);
    }

    [PyMethod]
    public static PyObject Polar(PyObject z)
    {
        var (re, im) = ToComplex(z);
        var r = PyComplex.Hypot(re, im);
        if (double.IsInfinity(r) && double.IsFinite(re) && double.IsFinite(im))
        {
            throw MathModule.RangeError();
        }
        return PyTuple.Create(new PyFloat(r), new PyFloat(Math.Atan2(im, re)));
    }

    [PyMethod]
    public static PyObject Rect(PyObject r, PyObject phi)
    {
        var rv = Number.AsDouble(r);
        var pv = Number.AsDouble(phi);
        if (double.IsFinite(rv) && double.IsInfinity(pv))
        {
            throw MathModule.DomainError();
        }
        // A zero phase keeps the imaginary part an exact (signed) zero.
        return pv == 0 ? new PyComplex(rv, rv * pv) : new PyComplex(rv * Math.Cos(pv), rv * Math.Sin(pv));
    }

    [PyMethod]
    public static bool IsFinite(PyObject z)
    {
        var (re, im) = ToComplex(z);
        return double.IsFinite(re) && double.IsFinite(im);
    }

    [PyMethod]
    public static bool IsInf(PyObject z)
    {
        var (re, im) = ToComplex(z);
        return double.IsInfinity(re) || double.IsInfinity(im);
    }

    [PyMethod]
    public static bool IsNan(PyObject z)
    {
        var (re, im) = ToComplex(z);
        return double.IsNaN(re) || double.IsNaN(im);
    }

    [PyMethod(Keywords = true)]
    public static bool IsClose(PyObject a, PyObject b, [KeywordOnly] PyObject? rel_tol = null, PyObject? abs_tol = null)
    {
        var (ar, ai) = ToComplex(a);
        var (br, bi) = ToComplex(b);
        var rel = rel_tol is null ? 1e-09 : Number.AsDouble(rel_tol);
        var abs = abs_tol is null ? 0.0 : Number.AsDouble(abs_tol);
        if (rel < 0 || abs < 0)
        {
            throw PyErr.ValueError("tolerances must be non-negative");
        }
        if (ar == br && ai == bi)
        {
            return true;
        }
        if (double.IsInfinity(ar) || double.IsInfinity(ai) || double.IsInfinity(br) || double.IsInfinity(bi))
        {
            return false;
        }
        var diff = PyComplex.Hypot(ar - br, ai - bi);
        return diff <= rel * PyComplex.Hypot(br, bi) || diff <= rel * PyComplex.Hypot(ar, ai) || diff <= abs;
    }

    private static (double Re, double Im)? Quot(double ar, double ai, double br, double bi)
    {
        var absBr = Math.Abs(br);
        var absBi = Math.Abs(bi);
        if (absBr >= absBi)
        {
            if (absBr == 0)
            {
                return null;
            }
            var ratio = bi / br;
            var denom = br + bi * ratio;
            return ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
        }
        if (absBi >= absBr)
        {
            var ratio = br / bi;
            var denom = br * ratio + bi;
            return ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
        }
        return (double.NaN, double.NaN);
    }

    private static (double, double) CSqrt(double re, double im)
    {
        if (re == 0 && im == 0)
        {
            return (0.0, im);
        }
        var ax = Math.Abs(re);
        var ay = Math.Abs(im);
        double s;
        if (ax < DblMin && ay < DblMin)
        {
            // hypot(ax, ay) would be subnormal: scale up first.
            ax = Math.ScaleB(ax, 53);
            s = Math.ScaleB(Math.Sqrt(ax + PyComplex.Hypot(ax, Math.ScaleB(ay, 53))), -27);
        }
        else
        {
            ax /= 8.0;
            s = 2.0 * Math.Sqrt(ax + PyComplex.Hypot(ax, ay / 8.0));
        }
        var d = ay / (2.0 * s);
        return re >= 0 ? (s, Math.CopySign(d, im)) : (d, Math.CopySign(s, im));
    }

    private static (double, double) CExp(double re, double im)
    {
        if (re > s_logLargeDouble)
        {
            var l = Math.Exp(re - 1.0);
            return (l * Math.Cos(im) * Math.E, l * Math.Sin(im) * Math.E);
        }
        var e = Math.Exp(re);
        return (e * Math.Cos(im), e * Math.Sin(im));
    }

    private static (double, double) CLog(double re, double im)
    {
        var ax = Math.Abs(re);
        var ay = Math.Abs(im);
        double r;
        if (ax > LargeDouble || ay > LargeDouble)
        {
            r = Math.Log(PyComplex.Hypot(ax / 2.0, ay / 2.0)) + Ln2;
        }
        else if (ax < DblMin && ay < DblMin)
        {
            if (ax > 0 || ay > 0)
            {
                r = Math.Log(PyComplex.Hypot(Math.ScaleB(ax, 53), Math.ScaleB(ay, 53))) - 53 * Ln2;
            }
            else
            {
                throw MathModule.DomainError();
            }
        }
        else
        {
            var h = PyComplex.Hypot(ax, ay);
            if (h >= 0.71 && h <= 1.73)
            {
                var am = Math.Max(ax, ay);
                var an = Math.Min(ax, ay);
                r = LibM.Log1P((am - 1) * (am + 1) + an * an) / 2.0;
            }
            else
            {
                r = Math.Log(h);
            }
        }
        return (r, Math.Atan2(im, re));
    }

    private static (double, double) CAsinh(double re, double im)
    {
        if (Math.Abs(re) > LargeDouble || Math.Abs(im) > LargeDouble)
        {
            var l = Math.Log(PyComplex.Hypot(re / 2.0, im / 2.0)) + Ln2 * 2.0;
            var rr = im >= 0 ? Math.CopySign(l, re) : -Math.CopySign(l, -re);
            return (rr, Math.Atan2(im, Math.Abs(re)));
        }
        var (s1r, s1i) = CSqrt(1.0 + im, -re);
        var (s2r, s2i) = CSqrt(1.0 - im, re);
        return (Math.Asinh(s1r * s2i - s2r * s1i), Math.Atan2(im, s1r * s2r - s1i * s2i));
    }

    private static (double, double) CAcos(double re, double im)
    {
        if (Math.Abs(re) > LargeDouble || Math.Abs(im) > LargeDouble)
        {
            var l = Math.Log(PyComplex.Hypot(re / 2.0, im / 2.0)) + Ln2 * 2.0;
            var ri = re < 0 ? -Math.CopySign(l, im) : Math.CopySign(l, -im);
            return (Math.Atan2(Math.Abs(im), re), ri);
        }
        var (s1r, s1i) = CSqrt(1.0 - re, -im);
        var (s2r, s2i) = CSqrt(1.0 + re, im);
        return (2.0 * Math.Atan2(s1r, s2r), Math.Asinh(s2r * s1i - s2i * s1r));
    }

    private static (double, double) CAcosh(double re, double im)
    {
        if (Math.Abs(re) > LargeDouble || Math.Abs(im) > LargeDouble)
        {
            return (Math.Log(PyComplex.Hypot(re / 2.0, im / 2.0)) + Ln2 * 2.0, Math.Atan2(im, re));
        }
        var (s1r, s1i) = CSqrt(re - 1.0, im);
        var (s2r, s2i) = CSqrt(re + 1.0, im);
        return (Math.Asinh(s1r * s2r + s1i * s2i), 2.0 * Math.Atan2(s1i, s2r));
    }

    private static (double, double) CAtanh(double re, double im)
    {
        if (re < 0)
        {
            // atanh is odd: work in the right half-plane.
            var (a, b) = CAtanh(-re, -im);
            return (-a, -b);
        }
        var ay = Math.Abs(im);
        if (re > s_sqrtLargeDouble || ay > s_sqrtLargeDouble)
        {
            var h = PyComplex.Hypot(re / 2.0, im / 2.0);
            return (re / 4.0 / h / h, Math.CopySign(Math.PI / 2.0, im));
        }
        if (re == 1.0 && ay < s_sqrtDblMin)
        {
            if (ay == 0)
            {
                throw MathModule.DomainError();
            }
            return (-Math.Log(Math.Sqrt(ay) / Math.Sqrt(PyComplex.Hypot(ay, 2.0))), Math.CopySign(Math.Atan2(2.0, -ay) / 2.0, im));
        }
        return (LibM.Log1P(4.0 * re / ((1 - re) * (1 - re) + ay * ay)) / 4.0,
            -Math.Atan2(-2.0 * im, (1 - re) * (1 + re) - ay * ay) / 2.0);
    }

    private static (double, double) CCosh(double re, double im)
    {
        if (Math.Abs(re) > s_logLargeDouble)
        {
            var x = re - Math.CopySign(1.0, re);
            return (Math.Cos(im) * Math.Cosh(x) * Math.E, Math.Sin(im) * Math.Sinh(x) * Math.E);
        }
        return (Math.Cos(im) * Math.Cosh(re), Math.Sin(im) * Math.Sinh(re));
    }

    private static (double, double) CSinh(double re, double im)
    {
        if (Math.Abs(re) > s_logLargeDouble)
        {
            var x = re - Math.CopySign(1.0, re);
            return (Math.Cos(im) * Math.Sinh(x) * Math.E, Math.Sin(im) * Math.Cosh(x) * Math.E);
        }
        return (Math.Cos(im) * Math.Sinh(re), Math.Sin(im) * Math.Cosh(re));
    }

    private static (double, double) CTanh(double re, double im)
    {
        if (Math.Abs(re) > s_logLargeDouble)
        {
            return (Math.CopySign(1.0, re), 4.0 * Math.Sin(im) * Math.Cos(im) * Math.Exp(-2.0 * Math.Abs(re)));
        }
        var tx = Math.Tanh(re);
        var ty = Math.Tan(im);
        var cx = 1.0 / Math.Cosh(re);
        var txty = tx * ty;
        var denom = 1.0 + txty * txty;
        return (tx * (1.0 + ty * ty) / denom, ty / denom * cx * cx);
    }
}
