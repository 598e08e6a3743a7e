// Modules/_math.c and mathmodule.c (gamma, lgamma, erf, erfc)
namespace Taipan.Modules.Mathematics;

/// <summary>The special functions .NET lacks. Gamma and lgamma use Lanczos' approximation with
/// the same parameters as CPython (g = 6.0246..., 13 terms), so results agree with it; erf and
/// erfc use a power series near zero and a continued fraction beyond.</summary>
internal static class SpecialFunctions
{
    private const double LanczosG = 6.024680040776729583740234375;
    private const double LanczosGMinusHalf = 5.524680040776729583740234375;
    private const double LogPi = 1.144729885849400174143427351353058711647;
    private const double SqrtPi = 1.772453850905516027298167483341145182798;

    private static readonly double[] s_num =
    [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ];

    // The denominator x*(x+1)*...*(x+11) as a polynomial.
    private static readonly double[] s_den =
    [
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
        13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    ];

    private static double LanczosSum(double x)
    {
        double num = 0, den = 0;
        if (x < 5.0)
        {
            for (var i = s_num.Length - 1; i >= 0; i--)
            {
                num = num * x + s_num[i];
                den = den * x + s_den[i];
            }
        }
        else
        {
            // In powers of 1/x, so large x cannot overflow.
            for (var i = 0; i < s_num.Length; i++)
            {
                num = num / x + s_num[i];
                den = den / x + s_den[i];
            }
        }
        return num / den;
    }

    /// <summary>sin(pi * x), exact at the integers and half-integers.</summary>
    private static double SinPi(double x)
    {
        var y = Math.Abs(x) % 2.0;
        var n = (int)Math.Round(2.0 * y, MidpointRounding.AwayFromZero);
        var r = n switch
        {
            0 => Math.Sin(Math.PI * y),
            1 => Math.Cos(Math.PI * (y - 0.5)),
            2 => Math.Sin(Math.PI * (1.0 - y)),
            3 => -Math.Cos(Math.PI * (y - 1.5)),
            _ => Math.Sin(Math.PI * (y - 2.0)),
        };
        return Math.CopySign(1.0, x) * r;
    }

    /// <summary>Gamma for finite x that is not zero or a negative integer; infinity on overflow.</summary>
    public static double Gamma(double x)
    {
        if (x == Math.Floor(x) && x > 0 && x <= 23)
        {
            double f = 1;
            for (var k = 2; k < (int)x; k++)
            {
                f *= k;
            }
            return f;
        }
        var absx = Math.Abs(x);
        if (absx < 1e-20)
        {
            return 1.0 / x;
        }
        if (absx > 200.0)
        {
            return x < 0 ? 0.0 / SinPi(x) : double.PositiveInfinity;
        }
        var y = absx + LanczosGMinusHalf;
        // The rounding error of y, used to correct the power below.
        var z = absx > LanczosGMinusHalf ? (y - absx) - LanczosGMinusHalf : (y - LanczosGMinusHalf) - absx;
        z = z * LanczosG / y;
        double r;
        if (x < 0)
        {
            r = -Math.PI / SinPi(absx) / absx * Math.Exp(y) / LanczosSum(absx);
            r -= z * r;
            if (absx < 140.0)
            {
                r /= Math.Pow(y, absx - 0.5);
            }
            else
            {
                var sqrtpow = Math.Pow(y, absx / 2.0 - 0.25);
                r /= sqrtpow;
                r /= sqrtpow;
            }
        }
        else
        {
            r = LanczosSum(absx) / Math.Exp(y);
            r += z * r;
            if (absx < 140.0)
            {
                r *= Math.Pow(y, absx - 0.5);
            }
            else
            {
                var sqrtpow = Math.Pow(y, absx / 2.0 - 0.25);
                r *= sqrtpow;
                r *= sqrtpow;
            }
        }
        return r;
    }

    /// <summary>log|Gamma(x)| for finite x that is not zero or a negative integer.</summary>
    public static double LGamma(double x)
    {
        if (x == Math.Floor(x) && x <= 2.0)
        {
            return 0.0;
        }
        var absx = Math.Abs(x);
        if (absx < 1e-20)
        {
            return -Math.Log(absx);
        }
        var r = Math.Log(LanczosSum(absx)) - LanczosG;
        r += (absx - 0.5) * (Math.Log(absx + LanczosG - 0.5) - 1);
        if (x < 0)
        {
            // Reflection formula.
            r = LogPi - Math.Log(Math.Abs(SinPi(absx))) - Math.Log(absx) - r;
        }
        return r;
    }

    private const double ErfSeriesCutoff = 1.5;
    private const int ErfSeriesTerms = 25;
    private const double ErfcContFracCutoff = 30.0;
    private const int ErfcContFracTerms = 50;

    /// <summary>erf(x) = 2x exp(-x²)/√π · Σ (2x²)^k / (1·3·…·(2k+1)).</summary>
    private static double ErfSeries(double x)
    {
        var x2 = x * x;
        var acc = 0.0;
        var fk = ErfSeriesTerms + 0.5;
        for (var i = 0; i < ErfSeriesTerms; i++)
        {
            acc = 2.0 + x2 * acc / fk;
            fk -= 1.0;
        }
        return acc * x * Math.Exp(-x2) / SqrtPi;
    }

    /// <summary>erfc(x) for x &gt; 0 by its continued fraction, evaluated forwards.</summary>
    private static double ErfcContFrac(double x)
    {
        if (x >= ErfcContFracCutoff)
        {
            return 0.0;
        }
        var x2 = x * x;
        double a = 0, da = 0.5, p = 1, pLast = 0, q = da + x2, qLast = 1;
        for (var i = 0; i < ErfcContFracTerms; i++)
        {
            a += da;
            da += 2.0;
            var b = da + x2;
            (p, pLast) = (b * p - a * pLast, p);
            (q, qLast) = (b * q - a * qLast, q);
        }
        return p / q * x * Math.Exp(-x2) / SqrtPi;
    }

    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        var absx = Math.Abs(x);
        if (absx < ErfSeriesCutoff)
        {
            return ErfSeries(x);
        }
        var cf = ErfcContFrac(absx);
        return x > 0 ? 1.0 - cf : cf - 1.0;
    }

    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        var absx = Math.Abs(x);
        if (absx < ErfSeriesCutoff)
        {
            return 1.0 - ErfSeries(x);
        }
        var cf = ErfcContFrac(absx);
        return x > 0 ? cf : 2.0 - cf;
    }
}
