# sys._getframe: the caller's frame, its code, line, locals, globals and callers.
import sys

g = "module global"


def inner(a, b=2):
    c = a + b
    f = sys._getframe()
    print(f.f_code is inner.__code__, f.f_lineno)
    loc = f.f_locals
    print(loc["a"], loc["b"], loc["c"], "f" in loc, "loc" in loc)
    print(f.f_globals["g"], f is sys._getframe())
    back = sys._getframe(1)
    print(back.f_lineno, back is f.f_back, back.f_code is outer.__code__)
    return back


def outer():
    x = "outer local"

    def closure():
        return x

    return inner(1), closure


back, closure = outer()
print(back.f_locals["x"])
top = sys._getframe()
print(top.f_back, top.f_lineno, top.f_locals["g"])
try:
    sys._getframe(100)
except ValueError as e:
    print(type(e).__name__, e)
