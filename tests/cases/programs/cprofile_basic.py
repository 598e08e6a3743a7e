# _lsprof / cProfile / pstats: call counts, callers and callees; timings are masked.
import _lsprof
import cProfile
import io
import os
import pstats
import re
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def helper(x):
    return [x] * 2


def work():
    out = []
    for i in range(4):
        out.append(len(helper(i)))
    try:
        int("x")
    except ValueError:
        pass
    return fib(7), sorted(out)


def name(code):
    return code if isinstance(code, str) else code.co_name


def show(entries):
    for e in sorted(entries, key=lambda e: name(e.code)):
        calls = sorted((name(s.code), s.callcount, s.reccallcount) for s in (e.calls or []))
        print(" ", name(e.code), e.callcount, e.reccallcount, e.totaltime >= 0, e.inlinetime >= 0, calls)


print(sorted(k for k in dir(_lsprof) if not k.startswith("__")))
print(_lsprof.profiler_entry.n_fields, _lsprof.profiler_subentry.n_fields)
print(sorted(k for k in dir(_lsprof.Profiler) if not k.startswith("__")))

p = _lsprof.Profiler()
p.enable()
result = work()
p.disable()
print(result)
show(p.getstats())
e = p.getstats()[0]
print(type(e).__name__, len(e), type(e.totaltime).__name__)

print("no subcalls, no builtins")
p = _lsprof.Profiler(subcalls=False, builtins=False)
p.enable()
work()
p.disable()
show(p.getstats())
p.clear()
print("cleared", p.getstats())

print("re-enable with options")
p.enable(subcalls=True, builtins=False)
fib(3)
p.disable()
show(p.getstats())

ticks = iter(range(0, 10000, 10))
p = _lsprof.Profiler(lambda: next(ticks), 0.5)
p.enable()
helper(1)
p.disable()
for e in sorted(p.getstats(), key=lambda e: name(e.code)):
    print(" ", name(e.code), e.callcount, e.totaltime, e.inlinetime)

for bad in [lambda: _lsprof.Profiler(1, 2, 3, 4, 5), lambda: _lsprof.Profiler(timeunit="x"),
            lambda: _lsprof.Profiler().enable(1, 2, 3)]:
    try:
        bad()
    except Exception as exc:
        print(type(exc).__name__, exc)

print("cProfile.Profile")
prof = cProfile.Profile()
print(prof.runcall(fib, 5))
prof.create_stats()
for (filename, line, func), (cc, nc, tt, ct, callers) in sorted(prof.stats.items(), key=lambda kv: kv[0][2]):
    print(" ", os.path.basename(filename), line, func, cc, nc, sorted(c[2] for c in callers))

with cProfile.Profile() as prof2:
    helper(2)
    helper(3)
st = pstats.Stats(prof2, stream=io.StringIO())
print(st.total_calls, st.prim_calls)
print(sorted(f[2] for f in st.stats))


def masked(text):
    text = re.sub(r"\d+\.\d+", "T", text)
    text = text.replace(os.path.dirname(os.path.abspath(__file__)), "DIR")
    return text


print("print_stats")
out = io.StringIO()
st = pstats.Stats(prof, stream=out)
st.sort_stats("calls", "name").print_stats()
print(masked(out.getvalue()))

print("cProfile.run")
old = sys.stdout
sys.stdout = buf = io.StringIO()
try:
    cProfile.run("fib(4)", sort="ncalls")
finally:
    sys.stdout = old
lines = [line for line in masked(buf.getvalue()).splitlines() if "fib" in line or "function calls" in line]
print("\n".join(lines))

print("getprofile, generators, exceptions")


def gen():
    yield 1
    yield 2


def boom():
    raise ValueError


p = _lsprof.Profiler()
p.enable()
inside = sys.getprofile()
list(gen())
try:
    boom()
except ValueError:
    pass
try:
    len(5)
except TypeError:
    pass
p.disable()
print(inside is p, sys.getprofile())
show(p.getstats())
