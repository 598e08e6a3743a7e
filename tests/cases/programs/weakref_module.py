# The weakref module over _weakref: WeakValueDictionary, WeakKeyDictionary, WeakSet,
# WeakMethod and finalize, with gc.collect() before observing deaths.
import gc
import weakref


class C:
    def __init__(self, name):
        self.name = name

    def method(self):
        return self.name

    def __repr__(self):
        return f"C({self.name})"


a, b, c = C("a"), C("b"), C("c")
wv = weakref.WeakValueDictionary()
wv["a"] = a
wv["b"] = b
wv["c"] = c
print(sorted(wv), wv["a"], len(wv), "b" in wv, wv.get("zz"))
del b
gc.collect()
print(sorted(wv), len(wv))

wk = weakref.WeakKeyDictionary()
wk[a] = 1
wk[c] = 3
print(len(wk), wk[a], sorted(v for v in wk.values()))
del c
gc.collect()
print(len(wk), list(wk.values()))

d1, d2 = C("d1"), C("d2")
ws = weakref.WeakSet([d1, d2])
print(len(ws), d1 in ws, C("x") in ws)
del d2
gc.collect()
print(len(ws), [x.name for x in ws])
ws.add(a)
ws.discard(d1)
print(sorted(x.name for x in ws))

m = weakref.WeakMethod(a.method)
print(m()(), m() == a.method)

log = []
# The first finalize registers with atexit; a finalizer on a live object keeps that apart.
keep = weakref.finalize(a, log.append, "never")
keep.detach()
e = C("e")
f = weakref.finalize(e, log.append, "finalized e")
print(f.alive, f.peek()[2:])
del e
gc.collect()
print(log, f.alive)
g = C("g")
f2 = weakref.finalize(g, log.append, "called early")
print(f2(), f2(), log)
del g
gc.collect()
print(log)

p = weakref.proxy(a)
print(p.name, weakref.getweakrefcount(a) >= 1, type(p) in weakref.ProxyTypes)
r = weakref.ref(a)
print(r() is a, weakref.ref(a) is r, isinstance(r, weakref.ReferenceType))
