// Modules/mathmodule.c
using System.Numerics;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Mathematics;

/// <summary>The <c>math</c> module: C99's functions with CPython's error rules (a NaN from a
/// non-NaN argument is a domain error; an infinity from a finite one is a range error where the
/// function can overflow, a domain error otherwise), and exact integer functions.</summary>
[PyModule("math", Doc = "This module provides access to the mathematical functions\ndefined by the C standard.")]
public static partial class MathModule
{
    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("pi", new PyFloat(Math.PI));
        module.AddBuiltin("e", new PyFloat(Math.E));
        module.AddBuiltin("tau", new PyFloat(Math.Tau));
        module.AddBuiltin("inf", new PyFloat(double.PositiveInfinity));
        module.AddBuiltin("nan", new PyFloat(double.NaN));
    }

    internal static PyException DomainError() => PyErr.ValueError("math domain error");

    internal static PyException RangeError() => PyErr.OverflowError("math range error");

    /// <summary><c>math_1</c>: applies <paramref name="f"/> and turns C99's special results into
    /// CPython's errors.</summary>
    private static PyFloat Math1(PyObject arg, Func<double, double> f, bool canOverflow)
    {
        var x = Number.AsDouble(arg);
        var r = f(x);
        if (double.IsNaN(r) && !double.IsNaN(x))
        {
            throw DomainError();
        }
        if (double.IsInfinity(r) && double.IsFinite(x))
        {
            throw canOverflow ? RangeError() : DomainError();
        }
        return new PyFloat(r);
    }

    [PyMethod] public static PyObject Sqrt(PyObject x) => Math1(x, Math.Sqrt, false);
    [PyMethod] public static PyObject Exp(PyObject x) => Math1(x, Math.Exp, true);
    [PyMethod] public static PyObject Exp2(PyObject x) => Math1(x, static v => Math.Pow(2.0, v), true);
    [PyMethod] public static PyObject Expm1(PyObject x) => Math1(x, LibM.ExpM1, true);
    [PyMethod] public static PyObject Log1p(PyObject x) => Math1(x, LibM.Log1P, false);
    [PyMethod] public static PyObject Cbrt(PyObject x) => Math1(x, Math.Cbrt, false);
    [PyMethod] public static PyObject Sin(PyObject x) => Math1(x, Math.Sin, false);
    [PyMethod] public static PyObject Cos(PyObject x) => Math1(x, Math.Cos, false);
    [PyMethod] public static PyObject Tan(PyObject x) => Math1(x, Math.Tan, false);
    [PyMethod] public static PyObject Asin(PyObject x) => Math1(x, Math.Asin, false);
    [PyMethod] public static PyObject Acos(PyObject x) => Math1(x, Math.Acos, false);
    [PyMethod] public static PyObject Atan(PyObject x) => Math1(x, Math.Atan, false);
    [PyMethod] public static PyObject Sinh(PyObject x) => Math1(x, Math.Sinh, true);
    [PyMethod] public static PyObject Cosh(PyObject x) => Math1(x, Math.Cosh, true);
    [PyMethod] public static PyObject Tanh(PyObject x) => Math1(x, Math.Tanh, false);
    [PyMethod] public static PyObject Asinh(PyObject x) => Math1(x, Math.Asinh, false);
    [PyMethod] public static PyObject Acosh(PyObject x) => Math1(x, Math.Acosh, false);
    [PyMethod] public static PyObject Atanh(PyObject x) => Math1(x, Math.Atanh, false);
    [PyMethod] public static PyObject Fabs(PyObject x) => Math1(x, Math.Abs, false);
    [PyMethod] public static PyObject Erf(PyObject x) => Math1(x, LibM.Erf, false);
    [PyMethod] public static PyObject Erfc(PyObject x) => Math1(x, LibM.Erfc, false);

    [PyMethod]
    public static PyObject Degrees(PyObject x) => new PyFloat(Number.AsDouble(x) * (180.0 / Math.PI));

    [PyMethod]
    public static PyObject Radians(PyObject x) => new PyFloat(Number.AsDouble(x) * (Math.PI / 180.0));

    [PyMethod]
    public static bool IsFinite(PyObject x) => double.IsFinite(Number.AsDouble(x));

    [PyMethod]
    public static bool IsInf(PyObject x) => double.IsInfinity(Number.AsDouble(x));

    [PyMethod]
    public static bool IsNan(PyObject x) => double.IsNaN(Number.AsDouble(x));

    /// <summary>gamma: Lanczos' approximation; poles and negative integers are domain errors.</summary>
    [PyMethod]
    public static PyObject Gamma(PyObject x)
    {
        var v = Number.AsDouble(x);
        if (double.IsNaN(v) || v == double.PositiveInfinity)
        {
            return new PyFloat(v);
        }
        if (v == double.NegativeInfinity || v == 0 || (v == Math.Floor(v) && v < 0))
        {
            throw DomainError();
        }
        var r = SpecialFunctions.Gamma(v);
        return double.IsInfinity(r) ? throw RangeError() : new PyFloat(r);
    }

    [PyMethod]
    public static PyObject LGamma(PyObject x)
    {
        var v = Number.AsDouble(x);
        if (double.IsNaN(v))
        {
            return new PyFloat(v);
        }
        if (double.IsInfinity(v))
        {
            return new PyFloat(double.PositiveInfinity);
        }
        if (v == Math.Floor(v) && v <= 0)
        {
            throw DomainError();
        }
        var r = SpecialFunctions.LGamma(v);
        return double.IsInfinity(r) ? throw RangeError() : new PyFloat(r);
    }

    [PyMethod]
    public static PyObject Atan2(PyObject y, PyObject x) => new PyFloat(Math.Atan2(Number.AsDouble(y), Number.AsDouble(x)));

    [PyMethod]
    public static PyObject CopySign(PyObject x, PyObject y) => new PyFloat(Math.CopySign(Number.AsDouble(x), Number.AsDouble(y)));

    [PyMethod]
    public static PyObject Fmod(PyObject x, PyObject y)
    {
        var a = Number.AsDouble(x);
        var b = Number.AsDouble(y);
        if (double.IsInfinity(b) && double.IsFinite(a))
        {
            return new PyFloat(a);
        }
        var r = a % b;
        if (double.IsNaN(r) && !double.IsNaN(a) && !double.IsNaN(b))
        {
            throw DomainError();
        }
        return new PyFloat(r);
    }

    /// <summary>IEEE 754 remainder: x - n*y with n the integer nearest x/y, ties to even.</summary>
    [PyMethod]
    public static PyObject Remainder(PyObject x, PyObject y)
    {
        var a = Number.AsDouble(x);
        var b = Number.AsDouble(y);
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return new PyFloat(double.IsNaN(a) ? a : b);
        }
        if (double.IsInfinity(a) || b == 0)
        {
            throw DomainError();
        }
        if (double.IsInfinity(b))
        {
            return new PyFloat(a);
        }
        var absx = Math.Abs(a);
        var absy = Math.Abs(b);
        var m = absx % absy;
        var c = absy - m;
        double r;
        if (m < c)
        {
            r = m;
        }
        else if (m > c)
        {
            r = -c;
        }
        else
        {
            // Halfway: the choice that makes the quotient even.
            r = m - 2.0 * ((0.5 * (absx - m)) % absy);
        }
        return new PyFloat(Math.CopySign(1.0, a) * r);
    }

    /// <summary><c>math.pow</c>: C99's special cases without exceptions, then domain and range errors.</summary>
    [PyMethod]
    public static PyObject Pow(PyObject x, PyObject y)
    {
        var a = Number.AsDouble(x);
        var b = Number.AsDouble(y);
        double r;
        if (!double.IsFinite(a) || !double.IsFinite(b))
        {
            if (double.IsNaN(a))
            {
                r = b == 0 ? 1.0 : a;
            }
            else if (double.IsNaN(b))
            {
                r = a == 1.0 ? 1.0 : b;
            }
            else if (double.IsInfinity(a))
            {
                var oddY = double.IsFinite(b) && Math.Abs(b) % 2.0 == 1.0;
                r = b > 0 ? (oddY ? a : Math.Abs(a)) : b == 0 ? 1.0 : (oddY ? Math.CopySign(0.0, a) : 0.0);
            }
            else
            {
                var ax = Math.Abs(a);
                r = ax == 1.0 ? 1.0 : (b > 0) == (ax > 1.0) ? double.PositiveInfinity : 0.0;
            }
            return new PyFloat(r);
        }
        if (a == 0 && b < 0)
        {
            throw DomainError();
        }
        r = Math.Pow(a, b);
        if (double.IsNaN(r))
        {
            throw DomainError();
        }
        if (double.IsInfinity(r))
        {
            throw RangeError();
        }
        return new PyFloat(r);
    }

    [PyMethod]
    public static PyObject Ldexp(PyObject x, PyObject i)
    {
        var v = Number.AsDouble(x);
        var e = i is PyInt n ? n.Value : throw PyErr.TypeError("Expected an int as second argument to ldexp.");
        if (v == 0 || !double.IsFinite(v))
        {
            return new PyFloat(v);
        }
        var clamped = (int)BigInteger.Max(BigInteger.Min(e, 10000), -10000);
        var r = Math.ScaleB(v, clamped);
        return double.IsInfinity(r) ? throw RangeError() : new PyFloat(r);
    }

    [PyMethod]
    public static PyObject Frexp(PyObject x)
    {
        var v = Number.AsDouble(x);
        if (v == 0 || !double.IsFinite(v))
        {
            return PyTuple.Create(new PyFloat(v), PyInt.From(0));
        }
        var e = Math.ILogB(v) + 1;
        var m = Math.ScaleB(v, -e);
        return PyTuple.Create(new PyFloat(m), PyInt.From(e));
    }

    [PyMethod]
    public static PyObject Modf(PyObject x)
    {
        var v = Number.AsDouble(x);
        if (double.IsInfinity(v))
        {
            return PyTuple.Create(new PyFloat(Math.CopySign(0.0, v)), new PyFloat(v));
        }
        var ip = Math.Truncate(v);
        return PyTuple.Create(new PyFloat(Math.CopySign(v - ip, v)), new PyFloat(ip));
    }

    [PyMethod]
    public static PyObject NextAfter(PyObject x, PyObject y)
    {
        var a = Number.AsDouble(x);
        var b = Number.AsDouble(y);
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return new PyFloat(double.NaN);
        }
        if (a == b)
        {
            return new PyFloat(b);
        }
        return new PyFloat(b > a ? Math.BitIncrement(a) : Math.BitDecrement(a));
    }

    [PyMethod]
    public static PyObject Ulp(PyObject x)
    {
        var v = Math.Abs(Number.AsDouble(x));
        if (double.IsNaN(v) || double.IsInfinity(v))
        {
            return new PyFloat(v);
        }
        var up = Math.BitIncrement(v);
        return new PyFloat(double.IsInfinity(up) ? v - Math.BitDecrement(v) : up - v);
    }

    /// <summary>floor, ceil and trunc use the argument's own method first, as CPython does.</summary>
    private static PyObject? CallSpecial(PyObject x, string name)
    {
        var method = x.Type.Lookup(PyStr.Intern(name));
        return method is null ? null : Ops.Call(method, [x], null);
    }

    [PyMethod]
    public static PyObject Floor(PyObject x)
    {
        if (x is PyFloat f)
        {
            return PyInt.FromDouble(Math.Floor(f.Value));
        }
        return CallSpecial(x, "__floor__") ?? PyInt.FromDouble(Math.Floor(Number.AsDouble(x)));
    }

    [PyMethod]
    public static PyObject Ceil(PyObject x)
    {
        if (x is PyFloat f)
        {
            return PyInt.FromDouble(Math.Ceiling(f.Value));
        }
        return CallSpecial(x, "__ceil__") ?? PyInt.FromDouble(Math.Ceiling(Number.AsDouble(x)));
    }

    [PyMethod]
    public static PyObject Trunc(PyObject x)
    {
        if (x is PyFloat f)
        {
            return PyInt.FromDouble(f.Value);
        }
        return CallSpecial(x, "__trunc__") ?? throw PyErr.TypeError($"type {x.Type.Name} doesn't define __trunc__ method");
    }

    /// <summary><c>math.log(x[, base])</c>; ints of any size work, through their bit length.</summary>
    [PyMethod]
    public static PyObject Log(PyObject x, PyObject? @base = null)
    {
        var num = LogHelper(x, Math.Log);
        if (@base is null)
        {
            return new PyFloat(num);
        }
        var den = LogHelper(@base, Math.Log);
        if (den == 0)
        {
            throw PyErr.ZeroDivisionError("float division by zero");
        }
        return new PyFloat(num / den);
    }

    [PyMethod]
    public static PyObject Log2(PyObject x) => new PyFloat(LogHelper(x, Math.Log2));

    [PyMethod]
    public static PyObject Log10(PyObject x) => new PyFloat(LogHelper(x, Math.Log10));

    private static double LogHelper(PyObject x, Func<double, double> f)
    {
        if (x is PyInt i && !i.IsSmall)
        {
            if (i.Value.Sign <= 0)
            {
                throw DomainError();
            }
            // log(m * 2**e) = log(m) + e * log(2), m the top bits as a double.
            var bits = (long)i.Value.GetBitLength();
            var shift = (int)Math.Max(bits - 60, 0);
            var m = (double)(i.Value >> shift);
            return f(m) + shift * f(2.0);
        }
        var v = Number.AsDouble(x);
        if (double.IsNaN(v))
        {
            return v;
        }
        if (v <= 0)
        {
            throw DomainError();
        }
        return f(v);
    }

    [PyMethod(Keywords = true)]
    public static bool IsClose(PyObject a, PyObject b, [KeywordOnly] PyObject? rel_tol = null, PyObject? abs_tol = null)
    {
        var x = Number.AsDouble(a);
        var y = Number.AsDouble(b);
        var rel = rel_tol is null ? 1e-09 : Number.AsDouble(rel_tol);
        var abs = abs_tol is null ? 0.0 : Number.AsDouble(abs_tol);
        if (rel < 0 || abs < 0)
        {
            throw PyErr.ValueError("tolerances must be non-negative");
        }
        if (x == y)
        {
            return true;
        }
        if (double.IsInfinity(x) || double.IsInfinity(y))
        {
            return false;
        }
        var diff = Math.Abs(y - x);
        return diff <= Math.Abs(rel * y) || diff <= Math.Abs(rel * x) || diff <= abs;
    }

    /// <summary><c>math.hypot(*coordinates)</c>: scaled by the largest magnitude so nothing
    /// overflows on the way.</summary>
    [PyMethod]
    public static PyObject Hypot(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Runtime.Python.ArgParse.NoKeywords("hypot", kwnames);
        var values = new double[args.Length];
        for (var k = 0; k < args.Length; k++)
        {
            values[k] = Number.AsDouble(args[k]);
        }
        return new PyFloat(VectorNorm(values));
    }

    [PyMethod]
    public static PyObject Dist(PyObject p, PyObject q)
    {
        var ps = Coordinates(p, "p");
        var qs = Coordinates(q, "q");
        if (ps.Count != qs.Count)
        {
            throw PyErr.ValueError("both points must have the same number of dimensions");
        }
        var diffs = new double[ps.Count];
        for (var k = 0; k < diffs.Length; k++)
        {
            diffs[k] = Math.Abs(Number.AsDouble(ps[k]) - Number.AsDouble(qs[k]));
        }
        return new PyFloat(VectorNorm(diffs));
    }

    private static IReadOnlyList<PyObject> Coordinates(PyObject o, string name) => o switch
    {
        PyTuple t => t.Items.ToArray(),
        PyList l => l.Items.ToArray(),
        _ => throw PyErr.TypeError($"dist() argument {(name == "p" ? 1 : 2)} must be tuple, not {o.Type.Name}"),
    };

    /// <summary><c>vector_norm</c>: the values scaled by a power of two below the largest,
    /// squared exactly (FMA), summed with the errors carried, one square root and one
    /// correction step, which rounds correctly in all but rare cases.</summary>
    private static double VectorNorm(double[] values)
    {
        double max = 0;
        var foundNan = false;
        foreach (var v in values)
        {
            var a = Math.Abs(v);
            foundNan |= double.IsNaN(a);
            if (a > max)
            {
                max = a;
            }
        }
        if (double.IsInfinity(max))
        {
            return max;
        }
        if (foundNan)
        {
            return double.NaN;
        }
        if (max == 0 || values.Length <= 1)
        {
            return max;
        }
        var maxE = Math.ILogB(max) + 1;
        if (maxE < -1023)
        {
            // Subnormal: lift everything into the normal range first.
            const double dblMin = 2.2250738585072014e-308;
            var lifted = new double[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                lifted[i] = values[i] / dblMin;
            }
            return dblMin * VectorNorm(lifted);
        }
        var scale = Math.ScaleB(1.0, -maxE);
        double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
        foreach (var v in values)
        {
            var x = v * scale;
            var hi = x * x;
            frac1 += Math.FusedMultiplyAdd(x, x, -hi);
            var sum = csum + hi;
            frac2 += (csum - sum) + hi;
            csum = sum;
        }
        var h = Math.Sqrt(csum - 1.0 + (frac1 + frac2));
        var pHi = -h * h;
        frac1 += Math.FusedMultiplyAdd(-h, h, -pHi);
        var s2 = csum + pHi;
        frac2 += (csum - s2) + pHi;
        csum = s2;
        var corr = csum - 1.0 + (frac1 + frac2);
        h += corr / (2.0 * h);
        return h / scale;
    }

    /// <summary><c>math.fsum</c>: the exact sum of the floats (dyadic rationals, added as
    /// integers), rounded once.</summary>
    [PyMethod]
    public static PyObject FSum(PyObject seq)
    {
        var parts = new List<(BigInteger M, int E)>();
        var special = 0.0;
        var sawInf = false;
        var sawNan = false;
        var minExp = int.MaxValue;
        foreach (var item in Ops.Iterate(seq))
        {
            var v = Number.AsDouble(item);
            if (!double.IsFinite(v))
            {
                if (double.IsNaN(v))
                {
                    sawNan = true;
                }
                else if (sawInf && special != v)
                {
                    throw PyErr.ValueError("-inf + inf in fsum");
                }
                else
                {
                    sawInf = true;
                    special = v;
                }
                continue;
            }
            if (v == 0)
            {
                continue;
            }
            var (m, e) = PyFloat.Exact(v);
            parts.Add((m, e));
            minExp = Math.Min(minExp, e);
        }
        if (sawNan)
        {
            return new PyFloat(double.NaN);
        }
        if (sawInf)
        {
            return new PyFloat(special);
        }
        if (parts.Count == 0)
        {
            return new PyFloat(0.0);
        }
        BigInteger total = 0;
        foreach (var (m, e) in parts)
        {
            total += m << (e - minExp);
        }
        var r = PyFloat.FromScaled(total, minExp);
        return double.IsInfinity(r) ? throw PyErr.OverflowError("intermediate overflow in fsum") : new PyFloat(r);
    }

    [PyMethod(Keywords = true)]
    public static PyObject Prod(PyObject iterable, [KeywordOnly] PyObject? start = null)
    {
        var result = start ?? PyInt.From(1);
        foreach (var item in Ops.Iterate(iterable))
        {
            result = Ops.Multiply(result, item);
        }
        return result;
    }

    // ---- integer functions ----

    [PyMethod]
    public static PyObject Factorial(PyObject n)
    {
        var v = Ops.Index(n).Value;
        if (v.Sign < 0)
        {
            throw PyErr.ValueError("factorial() not defined for negative values");
        }
        if (v > long.MaxValue)
        {
            throw PyErr.OverflowError("factorial() argument should not exceed 9223372036854775807");
        }
        return PyInt.From(Product(1, (long)v));
    }

    /// <summary>lo * (lo+1) * ... * hi, by halves so the multiplications stay balanced.</summary>
    private static BigInteger Product(long lo, long hi)
    {
        if (hi < lo)
        {
            return BigInteger.One;
        }
        if (hi - lo < 16)
        {
            BigInteger r = lo;
            for (var k = lo + 1; k <= hi; k++)
            {
                r *= k;
            }
            return r;
        }
        var mid = lo + (hi - lo) / 2;
        return Product(lo, mid) * Product(mid + 1, hi);
    }

    [PyMethod]
    public static PyObject Isqrt(PyObject n)
    {
        var v = Ops.Index(n).Value;
        if (v.Sign < 0)
        {
            throw PyErr.ValueError("isqrt() argument must be nonnegative");
        }
        return PyInt.From(IntegerSqrt(v));
    }

    internal static BigInteger IntegerSqrt(BigInteger n)
    {
        if (n < 2)
        {
            return n;
        }
        // Newton's iteration from an estimate above the root decreases to it.
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x)
            {
                return x;
            }
            x = y;
        }
    }

    [PyMethod]
    public static PyObject Comb(PyObject n, PyObject k)
    {
        var (nv, kv) = CombArgs(n, k);
        if (kv > nv)
        {
            return PyInt.From(0);
        }
        kv = BigInteger.Min(kv, nv - kv);
        if (kv > int.MaxValue)
        {
            throw PyErr.OverflowError($"min(n - k, k) must not exceed {long.MaxValue}");
        }
        BigInteger r = 1;
        for (var i = 1; i <= (int)kv; i++)
        {
            r = r * (nv - kv + i) / i;
        }
        return PyInt.From(r);
    }

    [PyMethod]
    public static PyObject Perm(PyObject n, PyObject? k = null)
    {
        if (k is null || k is PyNone)
        {
            return Factorial(n);
        }
        var (nv, kv) = CombArgs(n, k);
        if (kv > nv)
        {
            return PyInt.From(0);
        }
        if (kv > int.MaxValue)
        {
            throw PyErr.OverflowError($"k must not exceed {long.MaxValue}");
        }
        BigInteger r = 1;
        for (var i = 0; i < (int)kv; i++)
        {
            r *= nv - i;
        }
        return PyInt.From(r);
    }

    private static (BigInteger N, BigInteger K) CombArgs(PyObject n, PyObject k)
    {
        var nv = Ops.Index(n).Value;
        var kv = Ops.Index(k).Value;
        if (nv.Sign < 0)
        {
            throw PyErr.ValueError("n must be a non-negative integer");
        }
        if (kv.Sign < 0)
        {
            throw PyErr.ValueError("k must be a non-negative integer");
        }
        return (nv, kv);
    }

    [PyMethod]
    public static PyObject Gcd(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Runtime.Python.ArgParse.NoKeywords("gcd", kwnames);
        BigInteger g = 0;
        foreach (var a in args)
        {
            g = BigInteger.GreatestCommonDivisor(g, Ops.Index(a).Value);
        }
        return PyInt.From(g);
    }

    [PyMethod]
    public static PyObject Lcm(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Runtime.Python.ArgParse.NoKeywords("lcm", kwnames);
        BigInteger l = 1;
        foreach (var a in args)
        {
            var v = BigInteger.Abs(Ops.Index(a).Value);
            if (v.IsZero || l.IsZero)
            {
                l = 0;
                continue;
            }
            l = l / BigInteger.GreatestCommonDivisor(l, v) * v;
        }
        return PyInt.From(l);
    }

    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double OThreshold = 7.09782712893383973096e+02;
    private const double Q1 = -3.33333333333331316428e-02;
    private const double Q2 = 1.58730158725481460165e-03;
    private const double Q3 = -7.93650757867487942473e-05;
    private const double Q4 = 4.00821782732936239552e-06;
    private const double Q5 = -2.01099218183624371326e-07;

    /// <summary>expm1 by the fdlibm method (x = k ln2 + r, a rational approximation on the
    /// reduced argument), for systems without glibc's libm.</summary>
    internal static double ExpM1(double x)
    {
        var hx = HighWord(x);
        var negative = hx < 0;
        hx &= 0x7fffffff;
        if (hx >= 0x4043687A)
        {
            if (hx >= 0x40862E42)
            {
                if (hx >= 0x7ff00000)
                {
                    return double.IsNaN(x) ? x : negative ? -1.0 : x;
                }
                if (x > OThreshold)
                {
                    return double.PositiveInfinity;
                }
            }
            if (negative)
            {
                return -1.0;
            }
        }
        double c = 0, hi, lo;
        int k;
        if (hx > 0x3fd62e42)
        {
            if (hx < 0x3FF0A2B2)
            {
                (hi, lo, k) = negative ? (x + Ln2Hi, -Ln2Lo, -1) : (x - Ln2Hi, Ln2Lo, 1);
            }
            else
            {
                k = (int)(InvLn2 * x + (negative ? -0.5 : 0.5));
                double t = k;
                hi = x - t * Ln2Hi;
                lo = t * Ln2Lo;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        }
        else if (hx < 0x3c900000)
        {
            return x;
        }
        else
        {
            k = 0;
        }
        var hfx = 0.5 * x;
        var hxs = x * hfx;
        var r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        var t1 = 3.0 - r1 * hfx;
        var e = hxs * ((r1 - t1) / (6.0 - x * t1));
        if (k == 0)
        {
            return x - (x * e - hxs);
        }
        e = x * (e - c) - c;
        e -= hxs;
        if (k == -1)
        {
            return 0.5 * (x - e) - 0.5;
        }
        if (k == 1)
        {
            return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1.0 + 2.0 * (x - e);
        }
        if (k <= -2 || k > 56)
        {
            var y0 = 1.0 - (e - x);
            y0 = k == 1024 ? y0 * 2.0 * Math.ScaleB(1.0, 1023) : Math.ScaleB(y0, k);
            return y0 - 1.0;
        }
        double y;
        if (k < 20)
        {
            var t = BitConverter.Int64BitsToDouble((long)(0x3ff00000 - (0x200000 >> k)) << 32);
            y = t - (e - x);
        }
        else
        {
            var t = BitConverter.Int64BitsToDouble((long)((0x3ff - k) << 20) << 32);
            y = x - (e + t);
            y += 1.0;
        }
        return Math.ScaleB(y, k);
    }

    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Lp1 = 6.666666666666735130e-01;
    private const double Lp2 = 3.999999999940941908e-01;
    private const double Lp3 = 2.857142874366239149e-01;
    private const double Lp4 = 2.222219843214978396e-01;
    private const double Lp5 = 1.818357216161805012e-01;
    private const double Lp6 = 1.531383769920937332e-01;
    private const double Lp7 = 1.479819860511658591e-01;

    private static int HighWord(double d) => (int)(BitConverter.DoubleToInt64Bits(d) >> 32);

    private static double WithHighWord(double d, int high) =>
        BitConverter.Int64BitsToDouble(((long)high << 32) | (BitConverter.DoubleToInt64Bits(d) & 0xffffffffL));

    /// <summary>log1p by the fdlibm method (1 + x = 2**k * (1 + f) with a correction term,
    /// log(1 + f) by a minimax polynomial in s = f/(2 + f)), for systems without glibc's libm.</summary>
    internal static double Log1P(double x)
    {
        var hx = HighWord(x);
        var ax = hx & 0x7fffffff;
        var k = 1;
        double f = 0, c = 0;
        var hu = 0;
        if (hx < 0x3FDA827A)
        {
            if (ax >= 0x3ff00000)
            {
                return x == -1.0 ? double.NegativeInfinity : double.NaN;
            }
            if (ax < 0x3e200000)
            {
                return ax < 0x3c900000 ? x : x - x * x * 0.5;
            }
            if (hx > 0 || hx <= unchecked((int)0xbfd2bec4))
            {
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= 0x7ff00000)
        {
            return x + x;
        }
        if (k != 0)
        {
            double u;
            if (hx < 0x43400000)
            {
                u = 1.0 + x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
                c /= u;
            }
            else
            {
                u = x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            if (hu < 0x6a09e)
            {
                u = WithHighWord(u, hu | 0x3ff00000);
            }
            else
            {
                k += 1;
                u = WithHighWord(u, hu | 0x3fe00000);
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        var hfsq = 0.5 * f * f;
        double r;
        if (hu == 0)
        {
            if (f == 0)
            {
                return k == 0 ? 0.0 : k * Ln2Hi + (c + k * Ln2Lo);
            }
            r = hfsq * (1.0 - 0.66666666666666666 * f);
            return k == 0 ? f - r : k * Ln2Hi - ((r - (k * Ln2Lo + c)) - f);
        }
        var s = f / (2.0 + f);
        var z = s * s;
        r = z * (Lp1 + z * (Lp2 + z * (Lp3 + z * (Lp4 + z * (Lp5 + z * (Lp6 + z * Lp7))))));
        return k == 0 ? f - (hfsq - s * (hfsq + r)) : k * Ln2Hi - ((hfsq - (s * (hfsq + r) + (k * Ln2Lo + c))) - f);
    }
}
