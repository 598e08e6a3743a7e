# cmath: functions on finite arguments, constants, conversions and errors.
import cmath

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

zs = (1 + 2j, -1.5 + 0.5j, 0.3 - 0.7j, 2, -3.0, 1j, 0.5, -0.25j, 1e-320 + 1e-320j, 1e300 + 1e300j)
funcs = (("sqrt", cmath.sqrt), ("exp", cmath.exp), ("log", cmath.log), ("log10", cmath.log10), ("sin", cmath.sin), ("cos", cmath.cos), ("tan", cmath.tan), ("asin", cmath.asin), ("acos", cmath.acos), ("atan", cmath.atan), ("sinh", cmath.sinh), ("cosh", cmath.cosh), ("tanh", cmath.tanh), ("asinh", cmath.asinh), ("acosh", cmath.acosh), ("atanh", cmath.atanh))
for name, f in funcs:
    for z in zs:
        t(name + " " + repr(z), lambda: f(z))
t("constants", lambda: (cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nanj.imag != cmath.nanj.imag))
t("phase polar rect", lambda: (cmath.phase(-1), cmath.phase(-1 - 0j), cmath.phase(complex(-1, -0.0)), cmath.polar(1j), cmath.polar(-2), cmath.rect(2, 0.5), cmath.rect(1, 0)))
t("log base", lambda: (cmath.log(8, 2), cmath.log(1j, 1j), cmath.log(10, 10)))
t("log zero", lambda: cmath.log(0))
t("log base one", lambda: cmath.log(2, 1))
t("atanh one", lambda: cmath.atanh(1))
t("exp overflow", lambda: cmath.exp(1000))
t("cosh overflow", lambda: cmath.cosh(1000 + 1j))
t("sqrt neg", lambda: (cmath.sqrt(-1), cmath.sqrt(-4 + 0j), cmath.sqrt(complex(-4, -0.0)), cmath.sqrt(0j), cmath.sqrt(-0.0)))
t("predicates", lambda: (cmath.isfinite(1 + 1j), cmath.isinf(complex(1, cmath.inf)), cmath.isnan(cmath.nanj), cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 2j), cmath.isclose(1, 1.1, rel_tol=0.2)))
t("isclose neg", lambda: cmath.isclose(1, 1, abs_tol=-1))
t("str arg", lambda: cmath.sqrt("x"))

class C:
    def __complex__(self):
        return 3 + 4j
t("dunder complex", lambda: (cmath.sqrt(C()), cmath.phase(C()), cmath.polar(C())))
