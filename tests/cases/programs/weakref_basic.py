# _weakref: references, callbacks, proxies and which objects can be weakly referenced.
import _weakref
import gc
import sys

ref = _weakref.ref
proxy = _weakref.proxy


def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


class C:
    def __init__(self, v=0):
        self.v = v

    def method(self):
        return self.v

    def __repr__(self):
        return f"C({self.v})"


o = C(1)
r = ref(o)
print(r() is o, ref(o) is r, r.__callback__, type(r).__name__, type(r).__module__)
print(_weakref.ReferenceType is ref, isinstance(r, ref))
print(hash(r) == hash(o), r == ref(o), r != ref(o))
log = []
r1 = ref(o, lambda w: log.append(("cb1", w is r1)))
r2 = ref(o, lambda w: log.append(("cb2", w is r2)))
print(r1 is not r, r1.__callback__ is not None, r1 == r, r1 == r2)
p = proxy(o)
print(proxy(o) is p, _weakref.getweakrefcount(o), len(_weakref.getweakrefs(o)))
print(_weakref.getweakrefs(o) == [r, p, r2, r1])
print(repr(r).startswith("<weakref at 0x"), f"to 'C' at 0x{id(o):x}>" in repr(r))
print(p.v, str(p), p.__class__.__name__)
p.w = 5
print(o.w)
del p.w
print(hasattr(o, "w"))
del o
gc.collect()
print(r(), r1(), r2(), sorted(log), repr(r).endswith("; dead>"))
attempt(lambda: p.v)
attempt(lambda: str(p))
print(r == r, r == r1, r != r1)
attempt(lambda: hash(r1))
print(_weakref.getweakrefcount(1), _weakref.getweakrefs(1))

# Callbacks in reverse order of creation, each called once.
order = []
a = C(2)
refs = [ref(a, lambda w, i=i: order.append(i)) for i in range(4)]
del a
gc.collect()
gc.collect()
print(order)

# An exception in a callback is reported and does not stop the others.
b = C(3)
class Bad:
    def __call__(self, w):
        raise ValueError("boom")
    def __repr__(self):
        return "<bad callback>"
rb = ref(b, Bad())
rg = ref(b, lambda w: print("good callback ran"))
del b
gc.collect()

# A reference dropped before its referent: its callback never runs.
c = C(4)
rc = ref(c, lambda w: print("should not run"))
del rc
gc.collect()
del c
gc.collect()
print("dropped reference: no callback")

# Hash survives death once computed.
d = C(5)
rd = ref(d)
h = hash(rd)
del d
gc.collect()
print(hash(rd) == h)

# Subclasses (weakref.KeyedRef does this).
class KeyedRef(ref):
    __slots__ = ("key",)

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)

e = C(6)
k = KeyedRef(e, None, "the key")
print(type(k).__name__, k.key, k() is e, k is not ref(e), isinstance(k, ref))
class R2(ref):
    pass
print(R2(e) is not R2(e), R2(e)() is e)

# Proxies forward operations.
class N:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return N(self.v + (o.v if isinstance(o, N) else o))
    def __radd__(self, o):
        return N(o + self.v)
    def __iadd__(self, o):
        self.v += o
        return self
    def __lt__(self, o):
        return self.v < o
    def __eq__(self, o):
        return isinstance(o, N) and self.v == o.v
    __hash__ = None
    def __len__(self):
        return self.v
    def __getitem__(self, i):
        return i * 2
    def __setitem__(self, i, v):
        print("set", i, v)
    def __delitem__(self, i):
        print("del", i)
    def __contains__(self, x):
        return x == 1
    def __iter__(self):
        return iter(range(self.v))
    def __bool__(self):
        return False
    def __call__(self, *a, **k):
        return ("called", a, k)
    def __neg__(self):
        return -self.v
    def __index__(self):
        return self.v
    def __bytes__(self):
        return b"N"
n = N(3)
pn = proxy(n)
print(type(pn).__name__, (pn + 1).v, (1 + pn).v, pn < 5, pn == N(3), len(pn), pn[4], 1 in pn, 2 in pn)
pn[1] = 2
del pn[0]
print(list(pn), bool(pn), pn(1, x=2), -pn, [0, 1, 2, 3, 4][pn], bytes(pn), pn.__len__())
pn += 10
print(type(pn).__name__, n.v)
try:
    hash(proxy(n))
except TypeError as e:
    print("TypeError", "unhashable" in str(e))
lst = [1, 2]
attempt(lambda: ref(lst))
s = {1, 2}
ps = proxy(s)
print(len(ps), 1 in ps, sorted(ps), type(ps).__name__, ps | {3})
it = iter([1, 2])
class It:
    def __iter__(self):
        return self
    def __next__(self):
        return 7
it_obj = It()
pi = proxy(it_obj)
attempt(lambda: next(pi))
c9 = C(9)
pc = proxy(c9)
attempt(lambda: next(pc))
gc.collect()

def f():
    return 42
pf = proxy(f)
print(type(pf).__name__, pf(), pf.__name__, isinstance(pf, _weakref.ProxyType), _weakref.CallableProxyType is type(pf), _weakref.ProxyType is type(proxy(C())))
cb_log = []
g = C(10)
pg = proxy(g, lambda w: cb_log.append(type(w).__name__))
print(pg is not proxy(g))
del g
gc.collect()
print(cb_log)

# What can be weakly referenced.
def gen():
    yield 1
class I(int): pass
class T(tuple): pass
class S(str): pass
class L(list): pass
class D(dict): pass
class E(Exception): pass
candidates = [("int", 1), ("str", "s"), ("tuple", ()), ("list", []), ("dict", {}), ("None", None),
              ("float", 1.5), ("bytes", b""), ("bytearray", bytearray()), ("object", object()),
              ("Exception", Exception()), ("set", set()), ("frozenset", frozenset()), ("type", int),
              ("function", f), ("builtin", len), ("method", C().method), ("module", sys),
              ("generator", gen()), ("code", f.__code__), ("memoryview", memoryview(b"")),
              ("I", I(1)), ("T", T()), ("S", S()), ("L", L()), ("D", D()), ("E", E()),
              ("range", range(1)), ("slice", slice(1)), ("property", property()),
              ("ref", ref(C)), ("proxy", proxy(C)), ("bool", True)]
for name, obj in candidates:
    try:
        ref(obj)
        print(name, "yes")
    except TypeError as e:
        print(name, e)

# _remove_dead_weakref
h1 = C(11)
dct = {"live": ref(C), "dead": ref(h1)}
del h1
gc.collect()
_weakref._remove_dead_weakref(dct, "dead")
_weakref._remove_dead_weakref(dct, "live")
_weakref._remove_dead_weakref(dct, "missing")
print(sorted(dct))
attempt(lambda: _weakref._remove_dead_weakref({"x": 1}, "x"))

attempt(lambda: ref())
attempt(lambda: ref(C, None, 3))
attempt(lambda: ref(C)(1))
attempt(lambda: ref(1))
attempt(lambda: proxy(1))
print(ref(C, None) is ref(C))
