// Modules/_math.c and mathmodule.c (gamma, lgamma, erf, erfc)
namespace Taipan.Modules.Mathematics;

/// <summary>The special functions .NET lacks. Gamma and lgamma use Lanczos' approximation with
/// the same parameters as CPython (g = 6.0246..., 13 terms), so results agree with it; erf and
/// erfc follow the C library's method, which CPython 3.11 calls.</summary>
internal static class SpecialFunctions
{
    private const double LanczosG = 6.024680040776729583740234375;
    private const double LanczosGMinusHalf = 5.524680040776729583740234375;
    private const double LogPi = 1.144729885849400174143427351353058711647;

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

    // erf and erfc as the C library computes them (fdlibm's rational approximations on
    // [0, 0.84375), [0.84375, 1.25), [1.25, 1/0.35), [1/0.35, 28)), so results agree with
    // CPython 3.11's, which calls the C library.
    private const double Erx = 8.45062911510467529297e-01;
    private const double Efx = 1.28379167095512586316e-01;
    private const double Efx8 = 1.02703333676410069053e+00;
    private static readonly double[] s_pp = [1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05];
    private static readonly double[] s_qq = [1.0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06];
    private static readonly double[] s_pa = [-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02, -2.16637559486879084300e-03];
    private static readonly double[] s_qa = [1.0, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02];
    private static readonly double[] s_ra = [-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01, -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02, -8.12874355063065934246e+01, -9.81432934416914548592e+00];
    private static readonly double[] s_sa = [1.0, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02, 6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02, 6.57024977031928170135e+00, -6.04244152148580987438e-02];
    private static readonly double[] s_rb = [-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01, -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03, -4.83519191608651397019e+02];
    private static readonly double[] s_sb = [1.0, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03, 3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02, -2.24409524465858183362e+01];

    /// <summary>c[0] + z*(c[1] + z*(...)), innermost last, as the C source nests it.</summary>
    private static double Poly(double[] c, double z)
    {
        var r = c[^1];
        for (var i = c.Length - 2; i >= 0; i--)
        {
            r = c[i] + z * r;
        }
        return r;
    }

    /// <summary>exp(-x²-0.5625 + R/S)/x-style tail for |x| in [1.25, 28): x² split so the
    /// large part is exact.</summary>
    private static double Tail(double ax, bool beyond)
    {
        var s = 1.0 / (ax * ax);
        var rs = beyond ? Poly(s_rb, s) / Poly(s_sb, s) : Poly(s_ra, s) / Poly(s_sa, s);
        var z = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(ax) & unchecked((long)0xffffffff00000000UL));
        return Math.Exp(-z * z - 0.5625) * Math.Exp((z - ax) * (z + ax) + rs);
    }

    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        if (double.IsInfinity(x))
        {
            return x > 0 ? 1.0 : -1.0;
        }
        var ax = Math.Abs(x);
        if (ax < 0.84375)
        {
            if (ax < 3.725290298461914e-09)
            {
                return ax < 2.848094538889218e-306 ? 0.125 * (8.0 * x + Efx8 * x) : x + Efx * x;
            }
            var z = x * x;
            var y = Poly(s_pp, z) / Poly(s_qq, z);
            return x + x * y;
        }
        if (ax < 1.25)
        {
            var s = ax - 1.0;
            var pq = Poly(s_pa, s) / Poly(s_qa, s);
            return x >= 0 ? Erx + pq : -Erx - pq;
        }
        if (ax >= 6)
        {
            return x > 0 ? 1.0 : -1.0;
        }
        var r = Tail(ax, ax >= 1 / 0.35);
        return x >= 0 ? 1.0 - r / ax : r / ax - 1.0;
    }

    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        if (double.IsInfinity(x))
        {
            return x > 0 ? 0.0 : 2.0;
        }
        var ax = Math.Abs(x);
        if (ax < 0.84375)
        {
            if (ax < 1.3877787807814457e-17)
            {
                return 1.0 - x;
            }
            var z = x * x;
            var y = Poly(s_pp, z) / Poly(s_qq, z);
            if (x < 0.25)
            {
                return 1.0 - (x + x * y);
            }
            var r0 = x * y;
            r0 += x - 0.5;
            return 0.5 - r0;
        }
        if (ax < 1.25)
        {
            var s = ax - 1.0;
            var pq = Poly(s_pa, s) / Poly(s_qa, s);
            return x >= 0 ? (1.0 - Erx) - pq : 1.0 + (Erx + pq);
        }
        if (ax < 28)
        {
            if (x < 0 && ax >= 6)
            {
                return 2.0;
            }
            var r = Tail(ax, ax >= 1 / 0.35);
            return x > 0 ? r / ax : 2.0 - r / ax;
        }
        return x > 0 ? 0.0 : 2.0;
    }
}
