# math: functions, constants and CPython's domain and range errors.
import math

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

inf = math.inf
nan = math.nan
t("constants", lambda: (math.pi, math.e, math.tau, math.inf, math.isnan(math.nan)))
t("sqrt", lambda: (math.sqrt(2), math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(inf), math.sqrt(4), math.sqrt(10**40)))
t("sqrt neg", lambda: math.sqrt(-1))
t("sqrt str", lambda: math.sqrt("x"))
t("sqrt args", lambda: math.sqrt(1, 2))
t("exp", lambda: (math.exp(0), math.exp(1), math.exp(-inf), math.exp(-1000), math.exp2(10), math.exp2(0.5)))
t("exp overflow", lambda: math.exp(1000))
t("exp2 overflow", lambda: math.exp2(2000))
t("expm1 log1p", lambda: (math.expm1(0.0), math.expm1(1e-10), math.log1p(0.0), math.log1p(1e-10)))
t("expm1 overflow", lambda: math.expm1(1000))
t("log1p domain", lambda: math.log1p(-1))
t("log", lambda: (math.log(1), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log(2**1000), math.log(10**400, 10), math.log2(8), math.log2(2**1100), math.log10(1000), math.log10(10**500)))
t("log zero", lambda: math.log(0))
t("log neg", lambda: math.log(-1.5))
t("log big neg", lambda: math.log(-(10**400)))
t("log base one", lambda: math.log(10, 1))
t("log2 zero", lambda: math.log2(0.0))
t("log10 neg", lambda: math.log10(-10))
t("log inf nan", lambda: (math.log(inf), math.isnan(math.log(nan))))
t("trig", lambda: (math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1), math.atan2(1, 1), math.atan2(-0.0, -1), math.atan(inf)))
t("sin inf", lambda: math.sin(inf))
t("asin 2", lambda: math.asin(2))
t("hyperbolic", lambda: (math.sinh(0), math.cosh(0), math.tanh(0), math.asinh(0), math.acosh(1), math.atanh(0), math.tanh(inf)))
t("cosh overflow", lambda: math.cosh(1000))
t("atanh 1", lambda: math.atanh(1))
t("acosh 0", lambda: math.acosh(0))
t("pow", lambda: (math.pow(2, 10), math.pow(2, -1), math.pow(1, nan), math.pow(nan, 0), math.pow(-2, 3), math.pow(inf, -1), math.pow(-inf, 3), math.pow(0.5, inf), math.pow(-1, inf), math.pow(0, 0)))
t("pow zero neg", lambda: math.pow(0, -1))
t("pow neg frac", lambda: math.pow(-8, 1 / 3))
t("pow overflow", lambda: math.pow(10, 400))
t("hypot", lambda: (math.hypot(3, 4), math.hypot(), math.hypot(5), math.hypot(-5), math.hypot(1, 2, 2), math.hypot(inf, nan), math.hypot(1e308, 1e308)))
t("dist", lambda: (math.dist((0, 0), (3, 4)), math.dist([1], [4]), math.dist((1, 2, 3), (1, 2, 3))))
t("dist dims", lambda: math.dist((1, 2), (1, 2, 3)))
t("floor ceil trunc", lambda: (math.floor(2.5), math.floor(-2.5), math.ceil(2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(5), math.ceil(10**30), math.floor(1e300) == 10**300, math.trunc(True)))
t("floor inf", lambda: math.floor(inf))
t("ceil nan", lambda: math.ceil(nan))
t("trunc str", lambda: math.trunc("x"))
t("floor str", lambda: math.floor("x"))

class Floored:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"
t("dunder methods", lambda: (math.floor(Floored()), math.ceil(Floored()), math.trunc(Floored())))
t("factorial", lambda: (math.factorial(0), math.factorial(5), math.factorial(30), len(str(math.factorial(1000)))))
t("factorial neg", lambda: math.factorial(-1))
t("factorial float", lambda: math.factorial(5.0))
t("comb perm", lambda: (math.comb(10, 3), math.comb(5, 7), math.comb(100, 50), math.perm(5), math.perm(5, 2), math.perm(5, 7), math.comb(10, 0)))
t("comb neg", lambda: math.comb(-1, 2))
t("comb neg k", lambda: math.comb(5, -2))
t("perm neg", lambda: math.perm(-3, 1))
t("gcd lcm", lambda: (math.gcd(), math.gcd(12), math.gcd(12, 18), math.gcd(-12, 18, 30), math.gcd(0, 0), math.gcd(2**100, 2**60 * 3), math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6)))
t("gcd float", lambda: math.gcd(1.5, 2))
t("isqrt", lambda: (math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**40), math.isqrt(2**127 - 1), math.isqrt(True)))
t("isqrt neg", lambda: math.isqrt(-1))
t("fsum", lambda: (math.fsum([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum([1, 2, 3]), math.fsum([inf, 1]), math.fsum([-0.0])))
t("fsum nan", lambda: math.isnan(math.fsum([nan, 1])))
t("fsum inf inf", lambda: math.fsum([inf, -inf]))
t("prod", lambda: (math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod([2, 3], start=10), math.prod(range(1, 21))))
t("isclose", lambda: (math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(inf, inf), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(nan, nan)))
t("isclose neg tol", lambda: math.isclose(1, 1, rel_tol=-1))
t("predicates", lambda: (math.isfinite(1.0), math.isfinite(inf), math.isinf(-inf), math.isinf(1e308), math.isnan(nan), math.isnan(1), math.isfinite(10**400 // 10**399)))
t("copysign fabs", lambda: (math.copysign(1, -0.0), math.copysign(-2, 3), math.copysign(inf, -1), math.fabs(-3), math.fabs(-inf)))
t("fmod", lambda: (math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5.5, 2), math.fmod(1, inf), math.fmod(-0.0, 1)))
t("fmod inf", lambda: math.fmod(inf, 1))
t("fmod zero", lambda: math.fmod(1, 0))
t("remainder", lambda: (math.remainder(7, 3), math.remainder(8, 3), math.remainder(5, 2), math.remainder(7, 2), math.remainder(-5, 2), math.remainder(1, inf), math.remainder(5.5, 2)))
t("remainder zero", lambda: math.remainder(1, 0))
t("frexp ldexp", lambda: (math.frexp(8), math.frexp(0.0), math.frexp(-0.1), math.frexp(5e-324), math.frexp(inf), math.ldexp(0.5, 4), math.ldexp(1, -1080), math.ldexp(1.0, -1074), math.ldexp(inf, -5)))
t("ldexp overflow", lambda: math.ldexp(1, 1024))
t("ldexp float exp", lambda: math.ldexp(1, 2.0))
t("modf", lambda: (math.modf(2.5), math.modf(-2.5), math.modf(inf), math.modf(-inf), math.modf(0.0)))
t("nextafter ulp", lambda: (math.nextafter(1, 2), math.nextafter(1, 0), math.nextafter(0, 1), math.nextafter(0.0, -1), math.nextafter(3, 3), math.ulp(1), math.ulp(0), math.ulp(-1e300), math.ulp(inf), math.ulp(1.7976931348623157e308)))
t("degrees radians", lambda: (math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(1)))
t("cbrt", lambda: (math.cbrt(27), math.cbrt(-8), math.cbrt(2)))
t("erf", lambda: [round(math.erf(x), 13) for x in (0, 0.1, 0.5, 1, 1.5, 2, 3, -1, 10)])
t("erfc", lambda: [round(math.erfc(x), 13) for x in (0, 0.1, 0.5, 1, 2, -1, 5)])
t("erf special", lambda: (math.erf(inf), math.erf(-inf), math.erfc(inf), math.erfc(-inf), math.erf(0.0), math.erf(-0.0)))
t("gamma", lambda: (math.gamma(1), math.gamma(5), math.gamma(0.5), math.gamma(-0.5), math.gamma(23), math.gamma(24), math.gamma(171), math.gamma(-170.5), math.gamma(1e-30), math.gamma(inf)))
t("gamma zero", lambda: math.gamma(0))
t("gamma neg int", lambda: math.gamma(-2))
t("gamma -inf", lambda: math.gamma(-inf))
t("gamma overflow", lambda: math.gamma(172))
t("lgamma", lambda: (math.lgamma(1), math.lgamma(2), math.lgamma(0.5), math.lgamma(10), math.lgamma(-0.5), math.lgamma(100), math.lgamma(inf), math.lgamma(-inf), math.lgamma(1e-30)))
t("lgamma zero", lambda: math.lgamma(0))
t("lgamma neg int", lambda: math.lgamma(-3))
t("lgamma overflow", lambda: math.lgamma(1e308))

class FloatLike:
    def __float__(self):
        return 16.0
class IndexLike:
    def __index__(self):
        return 9
t("conversions", lambda: (math.sqrt(FloatLike()), math.sqrt(IndexLike()), math.factorial(IndexLike()), math.isqrt(IndexLike())))
t("big int", lambda: math.sqrt(10**400))
t("bool", lambda: (math.sqrt(True), math.floor(False)))
t("log1p values", lambda: [math.log1p(x) for x in (-0.42, -0.9, 0.3, 0.5, 1.5, 1e10, -1e-5, 2.5e-8, 1e300, -0.25, 0.41, 0.42)])
t("expm1 values", lambda: [math.expm1(x) for x in (0.3, -0.7, 1e-5, 2.0, -20.0, 0.49, 0.51, 1e-8, 700.0)])
t("trig values", lambda: [(math.sin(x), math.cos(x), math.tan(x)) for x in (0.5, 1.0, 2.0, 100.0, 1e10)])
t("inverse values", lambda: [(math.asinh(x), math.atan(x), math.tanh(x), math.cbrt(x)) for x in (0.5, 3.0, -7.25, 1e-8)])
