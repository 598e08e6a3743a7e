// Python/ast_opt.c (safe_multiply, safe_power, ...) and the number semantics of Objects/longobject.c, floatobject.c, complexobject.c
using System.Numerics;
using Taipan.Bytecode;
using Taipan.Syntax.Ast;

namespace Taipan.Compiler.AstOpt;

/// <summary>Python's operators on constant values, as the AST optimizer applies them: a
/// result, or null where Python would raise (the expression is then left alone) or where
/// ast_opt.c refuses to build something too large.</summary>
internal static class ConstantFolding
{
    private const int MaxIntSize = 128;
    private const int MaxCollectionSize = 256;
    private const int MaxStrSize = 4096;
    private const int MaxTotalItems = 1024;

    private static bool IsInt(object v) => v is BigInteger or bool;

    private static BigInteger AsInt(object v) => v is bool b ? (b ? BigInteger.One : BigInteger.Zero) : (BigInteger)v;

    private static long NumBits(BigInteger v) => v.IsZero ? 0 : (long)BigInteger.Abs(v).GetBitLength();

    private static bool TryFloat(object v, out double d)
    {
        switch (v)
        {
            case double x:
                d = x;
                return true;
            case bool or BigInteger:
                var i = AsInt(v);
                d = (double)i;
                // int too large for a float: OverflowError.
                return !double.IsInfinity(d);
        }
        d = 0;
        return false;
    }

    private static bool TryComplex(object v, out Complex c)
    {
        if (v is Complex z)
        {
            c = z;
            return true;
        }
        if (TryFloat(v, out var d))
        {
            c = new Complex(d, 0);
            return true;
        }
        c = default;
        return false;
    }

    public static bool IsTrue(object v) => v switch
    {
        bool b => b,
        BigInteger i => !i.IsZero,
        double d => d != 0.0,
        Complex c => c.Real != 0.0 || c.Imaginary != 0.0,
        string s => s.Length > 0,
        CodePointStr => true,
        byte[] b => b.Length > 0,
        ConstantTuple t => t.Count > 0,
        ConstantFrozenSet f => f.Count > 0,
        _ => v != ConstantSingleton.None,
    };

    public static object? Unary(UnaryOpKind op, object v)
    {
        switch (op)
        {
            case UnaryOpKind.Not:
                return !IsTrue(v);
            case UnaryOpKind.Invert:
                return IsInt(v) ? -AsInt(v) - 1 : null;
            case UnaryOpKind.UAdd:
                return v switch
                {
                    bool or BigInteger => AsInt(v),
                    double or Complex => v,
                    _ => null,
                };
            default:
                return v switch
                {
                    bool or BigInteger => -AsInt(v),
                    double d => -d,
                    Complex c => new Complex(-c.Real, -c.Imaginary),
                    _ => null,
                };
        }
    }

    public static object? Binary(OperatorKind op, object l, object r) => op switch
    {
        OperatorKind.Add => Add(l, r),
        OperatorKind.Sub => Arith(op, l, r),
        OperatorKind.Mult => SafeMultiply(l, r),
        OperatorKind.Div => Arith(op, l, r),
        OperatorKind.FloorDiv => Arith(op, l, r),
        OperatorKind.Mod => l is string or CodePointStr or byte[] ? null : Arith(op, l, r),
        OperatorKind.Pow => SafePower(l, r),
        OperatorKind.LShift => SafeLShift(l, r),
        OperatorKind.RShift => IsInt(l) && IsInt(r) && AsInt(r).Sign >= 0
            ? AsInt(l) >> (int)BigInteger.Min(AsInt(r), int.MaxValue) : null,
        OperatorKind.BitOr or OperatorKind.BitXor or OperatorKind.BitAnd => Bitwise(op, l, r),
        _ => null,
    };

    private static object? Bitwise(OperatorKind op, object l, object r)
    {
        if (l is bool a && r is bool b)
        {
            return op switch
            {
                OperatorKind.BitOr => a | b,
                OperatorKind.BitXor => a ^ b,
                _ => a & b,
            };
        }
        if (!IsInt(l) || !IsInt(r))
        {
            return null;
        }
        var x = AsInt(l);
        var y = AsInt(r);
        return op switch
        {
            OperatorKind.BitOr => x | y,
            OperatorKind.BitXor => x ^ y,
            _ => x & y,
        };
    }

    private static object? Add(object l, object r)
    {
        switch (l)
        {
            case string or CodePointStr when CodePointStr.IsStr(r):
                return CodePointStr.Concat(l, r);
            case byte[] a when r is byte[] b:
                return a.Concat(b).ToArray();
            case ConstantTuple a when r is ConstantTuple b:
                return new ConstantTuple(a.Concat(b).ToArray());
        }
        return Arith(OperatorKind.Add, l, r);
    }

    private static object? Arith(OperatorKind op, object l, object r)
    {
        if (IsInt(l) && IsInt(r))
        {
            var a = AsInt(l);
            var b = AsInt(r);
            switch (op)
            {
                case OperatorKind.Add:
                    return a + b;
                case OperatorKind.Sub:
                    return a - b;
                case OperatorKind.Mult:
                    return a * b;
                case OperatorKind.Div:
                    return b.IsZero ? null : TrueDivide(a, b);
                case OperatorKind.FloorDiv:
                    return b.IsZero ? null : FloorDiv(a, b);
                case OperatorKind.Mod:
                    return b.IsZero ? null : a - b * FloorDiv(a, b);
            }
            return null;
        }
        if (l is Complex || r is Complex)
        {
            if (!TryComplex(l, out var a) || !TryComplex(r, out var b))
            {
                return null;
            }
            switch (op)
            {
                case OperatorKind.Add:
                    return new Complex(a.Real + b.Real, a.Imaginary + b.Imaginary);
                case OperatorKind.Sub:
                    return new Complex(a.Real - b.Real, a.Imaginary - b.Imaginary);
                case OperatorKind.Mult:
                    return new Complex(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real);
                case OperatorKind.Div:
                    return ComplexQuotient(a, b);
            }
            return null;
        }
        if (l is double || r is double)
        {
            if (!TryFloat(l, out var a) || !TryFloat(r, out var b))
            {
                return null;
            }
            switch (op)
            {
                case OperatorKind.Add:
                    return a + b;
                case OperatorKind.Sub:
                    return a - b;
                case OperatorKind.Mult:
                    return a * b;
                case OperatorKind.Div:
                    return b == 0.0 ? null : a / b;
                case OperatorKind.FloorDiv:
                    return b == 0.0 ? null : FloatDivMod(a, b).Div;
                case OperatorKind.Mod:
                    return b == 0.0 ? null : FloatDivMod(a, b).Mod;
            }
        }
        return null;
    }

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        var q = BigInteger.DivRem(a, b, out var rem);
        if (!rem.IsZero && (rem.Sign < 0) != (b.Sign < 0))
        {
            q -= 1;
        }
        return q;
    }

    /// <summary>float_divmod.</summary>
    private static (double Div, double Mod) FloatDivMod(double vx, double wx)
    {
        double mod = vx % wx;
        double div;
        if (mod != 0.0)
        {
            if ((wx < 0) != (mod < 0))
            {
                mod += wx;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, wx);
        }
        div = (vx - mod) / wx;
        double floordiv;
        if (div != 0.0)
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

    /// <summary>_Py_c_quot.</summary>
    private static object? ComplexQuotient(Complex a, Complex b)
    {
        double absBreal = Math.Abs(b.Real);
        double absBimag = Math.Abs(b.Imaginary);
        if (absBreal >= absBimag)
        {
            if (absBreal == 0.0)
            {
                return null;
            }
            double ratio = b.Imaginary / b.Real;
            double denom = b.Real + b.Imaginary * ratio;
            return new Complex((a.Real + a.Imaginary * ratio) / denom, (a.Imaginary - a.Real * ratio) / denom);
        }
        if (absBimag >= absBreal)
        {
            double ratio = b.Real / b.Imaginary;
            double denom = b.Real * ratio + b.Imaginary;
            return new Complex((a.Real * ratio + a.Imaginary) / denom, (a.Imaginary * ratio - a.Real) / denom);
        }
        return new Complex(double.NaN, double.NaN);
    }

    /// <summary>long_true_divide: the correctly rounded quotient of two ints.</summary>
    private static object? TrueDivide(BigInteger a, BigInteger b)
    {
        const long twoPow53 = 1L << 53;
        if (BigInteger.Abs(a) <= twoPow53 && BigInteger.Abs(b) <= twoPow53)
        {
            return (double)a / (double)b;
        }
        bool negative = (a.Sign < 0) != (b.Sign < 0);
        var n = BigInteger.Abs(a);
        var d = BigInteger.Abs(b);
        if (n.IsZero)
        {
            return negative ? -0.0 : 0.0;
        }
        // Scale so that the integer quotient has 54 or 55 bits, then round half to even.
        long shift = (long)d.GetBitLength() - (long)n.GetBitLength() + 55;
        if (shift < -2000 || shift > 2000)
        {
            return null;
        }
        var q = BigInteger.DivRem(shift >= 0 ? n << (int)shift : n >> (int)-shift, d, out var rem);
        if (shift < 0 && !(n & ((BigInteger.One << (int)-shift) - 1)).IsZero)
        {
            rem += 1;
        }
        int extra = (int)q.GetBitLength() - 53;
        var mant = q >> extra;
        var dropped = q & ((BigInteger.One << extra) - 1);
        var half = BigInteger.One << (extra - 1);
        if (dropped > half || (dropped == half && (!rem.IsZero || !mant.IsEven)))
        {
            mant += 1;
        }
        double result = Math.ScaleB((double)mant, (int)(extra - shift));
        if (double.IsInfinity(result) || result < 2.2250738585072014E-308)
        {
            return null;
        }
        return negative ? -result : result;
    }

    private static int CheckComplexity(object obj, int limit)
    {
        if (obj is ConstantTuple t)
        {
            limit -= t.Count;
            foreach (var item in t)
            {
                if (limit < 0)
                {
                    break;
                }
                limit = CheckComplexity(item!, limit);
            }
        }
        else if (obj is ConstantFrozenSet f)
        {
            limit -= f.Count;
            foreach (var item in f)
            {
                if (limit < 0)
                {
                    break;
                }
                limit = CheckComplexity(item!, limit);
            }
        }
        return limit;
    }

    private static object? SafeMultiply(object v, object w)
    {
        if (IsInt(v) && IsInt(w) && !AsInt(v).IsZero && !AsInt(w).IsZero)
        {
            if (NumBits(AsInt(v)) + NumBits(AsInt(w)) > MaxIntSize)
            {
                return null;
            }
        }
        else if (IsInt(v) && w is ConstantTuple or ConstantFrozenSet)
        {
            int size = w is ConstantTuple t ? t.Count : ((ConstantFrozenSet)w).Count;
            if (size > 0)
            {
                var n = AsInt(v);
                if (n < 0 || n > MaxCollectionSize / size)
                {
                    return null;
                }
                if (!n.IsZero && CheckComplexity(w, MaxTotalItems / (int)n) < 0)
                {
                    return null;
                }
            }
        }
        else if (IsInt(v) && w is string or CodePointStr or byte[])
        {
            int size = w is byte[] b ? b.Length : CodePointStr.Length(w);
            if (size > 0)
            {
                var n = AsInt(v);
                if (n < 0 || n > MaxStrSize / size)
                {
                    return null;
                }
            }
        }
        else if (IsInt(w) && v is ConstantTuple or ConstantFrozenSet or string or CodePointStr or byte[])
        {
            return SafeMultiply(w, v);
        }
        return Multiply(v, w);
    }

    private static object? Multiply(object v, object w)
    {
        if (IsInt(v))
        {
            int n = (int)BigInteger.Max(BigInteger.Zero, BigInteger.Min(AsInt(v), int.MaxValue));
            switch (w)
            {
                case string s when s.Length == 0 || !CodePointStr.JoinsPair(s[^1], s):
                    return string.Concat(Enumerable.Repeat(s, n));
                case string or CodePointStr:
                {
                    var cps = CodePointStr.ToCodePoints(w);
                    return CodePointStr.FromCodePoints(Enumerable.Repeat(cps, n).SelectMany(x => x).ToArray());
                }
                case byte[] b:
                    return Enumerable.Repeat(b, n).SelectMany(x => x).ToArray();
                case ConstantTuple t:
                    return new ConstantTuple(Enumerable.Repeat(t, n).SelectMany(x => x).ToArray());
                case ConstantFrozenSet:
                    return null;
            }
        }
        return Arith(OperatorKind.Mult, v, w);
    }

    private static object? SafePower(object v, object w)
    {
        if (IsInt(v) && IsInt(w))
        {
            var b = AsInt(v);
            var e = AsInt(w);
            if (e.Sign < 0)
            {
                return b.IsZero ? null : FloatPower((double)b, (double)e);
            }
            if (!b.IsZero && e.Sign > 0)
            {
                long vbits = NumBits(b);
                if (e > MaxIntSize || vbits > MaxIntSize / (long)e)
                {
                    return null;
                }
            }
            return BigInteger.Pow(b, (int)e);
        }
        if (v is Complex || w is Complex)
        {
            return TryComplex(v, out var a) && TryComplex(w, out var b) ? ComplexPower(a, b) : null;
        }
        if (TryFloat(v, out var x) && TryFloat(w, out var y) && (v is double || w is double))
        {
            return FloatPower(x, y);
        }
        return null;
    }

    /// <summary>complex_pow: c_powi for small integral exponents, _Py_c_pow otherwise; null
    /// where Python raises ZeroDivisionError or OverflowError.</summary>
    private static object? ComplexPower(Complex a, Complex b)
    {
        Complex? p;
        long intExponent = (long)b.Real;
        if (b.Imaginary == 0.0 && b.Real == intExponent)
        {
            p = intExponent > 100 || intExponent < -100
                ? CPow(a, new Complex(intExponent, 0))
                : intExponent > 0
                    ? CPowu(a, intExponent)
                    : ComplexQuotient(new Complex(1, 0), CPowu(a, -intExponent)) as Complex?;
        }
        else
        {
            p = CPow(a, b);
        }
        if (p is not { } r || double.IsInfinity(r.Real) || double.IsInfinity(r.Imaginary))
        {
            return null;
        }
        return r;
    }

    private static Complex Prod(Complex a, Complex b) =>
        new(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real);

    private static Complex CPowu(Complex x, long n)
    {
        var r = new Complex(1, 0);
        var p = x;
        long mask = 1;
        while (mask > 0 && n >= mask)
        {
            if ((n & mask) != 0)
            {
                r = Prod(r, p);
            }
            mask <<= 1;
            p = Prod(p, p);
        }
        return r;
    }

    private static Complex? CPow(Complex a, Complex b)
    {
        if (b.Real == 0.0 && b.Imaginary == 0.0)
        {
            return new Complex(1, 0);
        }
        if (a.Real == 0.0 && a.Imaginary == 0.0)
        {
            return b.Imaginary != 0.0 || b.Real < 0.0 ? null : new Complex(0, 0);
        }
        double vabs = Hypot(a.Real, a.Imaginary);
        double len = LibmPow(vabs, b.Real);
        double at = Math.Atan2(a.Imaginary, a.Real);
        double phase = at * b.Real;
        if (b.Imaginary != 0.0)
        {
            len /= Math.Exp(at * b.Imaginary);
            phase += b.Imaginary * Math.Log(vabs);
        }
        return new Complex(len * Math.Cos(phase), len * Math.Sin(phase));
    }

    private static double Hypot(double x, double y)
    {
        x = Math.Abs(x);
        y = Math.Abs(y);
        if (double.IsInfinity(x) || double.IsInfinity(y))
        {
            return double.PositiveInfinity;
        }
        double max = Math.Max(x, y), min = Math.Min(x, y);
        if (max == 0)
        {
            return 0;
        }
        double r = min / max;
        return max * Math.Sqrt(1 + r * r);
    }

    private static object? FloatPower(double iv, double iw)
    {
        if (double.IsNaN(iv) || double.IsNaN(iw) || double.IsInfinity(iv) || double.IsInfinity(iw))
        {
            return null;
        }
        if (iw == 0.0)
        {
            return 1.0;
        }
        if (iv == 0.0)
        {
            return iw < 0.0 ? null : LibmPow(iv, iw);
        }
        if (iv < 0.0 && iw != Math.Floor(iw))
        {
            // A negative number to a fractional power is complex in Python.
            return null;
        }
        double r = LibmPow(iv, iw);
        return double.IsInfinity(r) ? null : r;
    }

    private delegate double PowFunction(double x, double y);

    /// <summary>CPython folds with the C library's pow(); .NET's Math.Pow can differ from it
    /// in the last bit (2.0 ** -25, for one), so the platform's libm is used where it exists.</summary>
    private static readonly PowFunction LibmPow = LoadLibmPow();

    private static PowFunction LoadLibmPow()
    {
        foreach (var name in new[] { "libm.so.6", "libm.dylib", "libSystem.dylib", "ucrtbase.dll" })
        {
            if (System.Runtime.InteropServices.NativeLibrary.TryLoad(name, out var lib)
                && System.Runtime.InteropServices.NativeLibrary.TryGetExport(lib, "pow", out var fn))
            {
                return System.Runtime.InteropServices.Marshal.GetDelegateForFunctionPointer<PowFunction>(fn);
            }
        }
        return Math.Pow;
    }

    private static object? SafeLShift(object v, object w)
    {
        if (!IsInt(v) || !IsInt(w))
        {
            return null;
        }
        var a = AsInt(v);
        var b = AsInt(w);
        if (b.Sign < 0)
        {
            return null;
        }
        if (!a.IsZero && b.Sign > 0)
        {
            if (b > MaxIntSize || NumBits(a) > MaxIntSize - (long)b)
            {
                return null;
            }
        }
        return b > int.MaxValue ? (a.IsZero ? BigInteger.Zero : null) : a << (int)b;
    }

    /// <summary>PyObject_GetItem on constants (str, bytes, tuple by int index).</summary>
    public static object? Subscript(object value, object index)
    {
        if (!IsInt(index))
        {
            return null;
        }
        var i = AsInt(index);
        switch (value)
        {
            case string or CodePointStr:
            {
                var cps = CodePointStr.ToCodePoints(value);
                var k = Normalize(i, cps.Length);
                return k < 0 ? null : CodePointStr.FromCodePoint(cps[k]);
            }
            case byte[] b:
            {
                var k = Normalize(i, b.Length);
                return k < 0 ? null : new BigInteger(b[k]);
            }
            case ConstantTuple t:
            {
                var k = Normalize(i, t.Count);
                return k < 0 ? null : t[k];
            }
        }
        return null;
    }

    private static int Normalize(BigInteger i, int len)
    {
        if (i.Sign < 0)
        {
            i += len;
        }
        return i.Sign < 0 || i >= len ? -1 : (int)i;
    }
}
