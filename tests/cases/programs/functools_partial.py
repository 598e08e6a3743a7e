# _functools: partial, reduce, cmp_to_key and the C lru cache wrapper.
import _functools as F
from _functools import partial, reduce, cmp_to_key, _lru_cache_wrapper


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


def show(*args, **kwargs):
    return args, sorted(kwargs.items())


# partial
t("noargs", lambda: partial())
t("not callable", lambda: partial(1))
t("repr", lambda: partial(max, 1, a=2))
t("repr kw", lambda: repr(partial(max, 'a', x='b', **{'y': 1})))
t("reduce", lambda: partial(max, 1, a=2).__reduce__())
t("flatten", lambda: partial(partial(max, 1, a=2), 3, b=4))
class P(partial):
    pass
t("subclass repr", lambda: P(max, 1))
t("subclass inner", lambda: partial(P(max, 1), 2))
t("subclass outer", lambda: P(partial(max, 1), 2).args)
t("setstate int", lambda: partial(max).__setstate__(1))
t("setstate bad", lambda: partial(max).__setstate__((1, 2, 3, 4)))
t("no __get__", lambda: partial.__get__)
t("func", lambda: partial(max, 1).func)
t("args", lambda: partial(max, 1).args)
t("keywords", lambda: partial(max, 1).keywords)
t("readonly", lambda: setattr(partial(max), 'func', 1))
t("module", lambda: (partial.__module__, partial.__name__, partial.__qualname__, repr(partial)))
t("call", lambda: partial(show, 1, 2, a=3)(4, b=5))
t("call override", lambda: partial(show, a=1, b=2)(a=10))
t("call plain", lambda: partial(show)(1, x=2))
t("call only stored", lambda: partial(show, 1, k=2)())
t("call error", lambda: partial(len, 1, 2)())
p = partial(show, 1, z=0)
p.keywords['w'] = 9
t("keywords mutable", lambda: p(2))
p.attr = 'x'
t("attr", lambda: (p.attr, p.__dict__, p.__reduce__()[2][3]))
t("no flatten with dict", lambda: partial(p, 3).func is p)
q = partial(show)
q.__setstate__((max, (1, 2), {'k': 3}, None))
t("setstate", lambda: (q.func, q.args, q.keywords, q.__dict__))
t("setstate list", lambda: q.__setstate__((min, [5], None, None)))
q.__setstate__((min, (5,), None, {'d': 1}))
t("setstate dict", lambda: (q.args, q.keywords, q.d))
class C:
    method = partial(show, 'bound?')
t("in class", lambda: C().method(1))
rec = partial(show)
rec.__setstate__((show, (), {}, None))
t("partial of partial of partial", lambda: partial(partial(partial(show, 1), 2), 3).args)
class Q(partial):
    def __call__(self, *args):
        return 'Q called'
t("override call", lambda: (Q(show, 1)(), partial(Q(show, 1), 2).args))

# reduce
t("reduce sum", lambda: reduce(lambda a, b: a + b, [1, 2, 3, 4]))
t("reduce initial", lambda: reduce(lambda a, b: a * b, [1, 2, 3, 4], 10))
t("reduce noargs", lambda: reduce())
t("reduce one", lambda: reduce(max))
t("reduce empty", lambda: reduce(max, []))
t("reduce notiter", lambda: reduce(max, 1))
t("reduce empty init", lambda: reduce(max, [], 7))
t("reduce many", lambda: reduce(max, [1], 7, 8))
t("reduce kw", lambda: reduce(function=max, sequence=[1]))
t("reduce single", lambda: reduce(max, [5]))
t("reduce strs", lambda: reduce(lambda a, b: b + a, 'abc'))
t("reduce error", lambda: reduce(lambda a, b: a + b, [1, 'a']))

# cmp_to_key
t("cmp_to_key noargs", lambda: cmp_to_key())
K = cmp_to_key(lambda a, b: (a > b) - (a < b))
t("types", lambda: (type(K).__name__, type(K(1)).__name__, type(K).__module__, repr(type(K))))
t("compare", lambda: (K(1) < K(2), K(2) < K(1), K(1) == K(1), K(1) != K(1), K(3) >= K(2), K(3) <= K(2)))
t("sorted", lambda: sorted([5, 1, 4, 2], key=cmp_to_key(lambda a, b: b - a)))
t("kw", lambda: cmp_to_key(mycmp=len)(1).obj)
t("non K", lambda: cmp_to_key(len)(1) < 2)
t("hash", lambda: hash(cmp_to_key(len)(1)))
t("call none", lambda: cmp_to_key(len)())
t("call two", lambda: cmp_to_key(len)(1, 2))
t("call kw", lambda: cmp_to_key(len)(obj=7).obj)
t("obj none", lambda: cmp_to_key(len).obj)
k = K(4)
k.obj = 8
t("obj set", lambda: k.obj)
t("cmp error", lambda: cmp_to_key(len)(1) < cmp_to_key(len)(2))
t("cmp result", lambda: cmp_to_key(lambda a, b: 'x')(1) < cmp_to_key(lambda a, b: 'x')(2))

# _lru_cache_wrapper
class CI(tuple):
    def __new__(cls, *args):
        return tuple.__new__(cls, args)
calls = []
def f(*args, **kwargs):
    calls.append((args, sorted(kwargs.items())))
    return len(calls)

t("missing", lambda: _lru_cache_wrapper(len))
t("bad maxsize", lambda: _lru_cache_wrapper(len, 'a', 2, 3))
t("not callable", lambda: _lru_cache_wrapper(1, 1, 2, 3))
t("info type error", lambda: _lru_cache_wrapper(len, None, 2, 3).cache_info())
t("dict", lambda: _lru_cache_wrapper(len, None, 2, 3).__dict__)
t("no wrapped", lambda: _lru_cache_wrapper(len, None, 2, 3).__wrapped__)
t("module", lambda: (_lru_cache_wrapper.__module__, _lru_cache_wrapper.__name__))

w = _lru_cache_wrapper(f, None, False, CI)
print(w(1), w(1), w(2), w('a'), w('a'), w(1, 2), w(1, 2), w(x=1), w(x=1), w(1.0), w(True))
print(w.cache_info())
w.cache_clear()
print(w.cache_info(), w(1), w.cache_info())

calls.clear()
w = _lru_cache_wrapper(f, 2, False, CI)
print([w(i) for i in (1, 2, 1, 3, 2, 1, 1)], w.cache_info())
calls.clear()
w = _lru_cache_wrapper(f, 0, False, CI)
print(w(1), w(1), w.cache_info())
calls.clear()
w = _lru_cache_wrapper(f, -5, False, CI)
print(w(1), w(1), w.cache_info())
calls.clear()
w = _lru_cache_wrapper(f, None, True, CI)
print(w(1), w(1.0), w(1), w(x=1), w(x=1.0), w.cache_info())
calls.clear()
w = _lru_cache_wrapper(f, 3, True, CI)
print(w(1), w(1.0), w(True), w(1), w(2), w(1.0), w.cache_info())

def fib(n):
    return n if n < 2 else cfib(n - 1) + cfib(n - 2)
cfib = _lru_cache_wrapper(fib, 10, False, CI)
print(cfib(80), cfib.cache_info())
cfib2 = _lru_cache_wrapper(fib, None, False, CI)
cfib = cfib2
print(cfib(90), cfib.cache_info())

class Obj:
    def method(self, x):
        return (self.name, x)
    method = _lru_cache_wrapper(method, 16, False, CI)
o = Obj()
o.name = 'o'
print(o.method(1), o.method(1), Obj.method.cache_info(), Obj.method is Obj.__dict__['method'])
w = _lru_cache_wrapper(f, None, False, CI)
w.__wrapped__ = f
w.__doc__ = 'docs'
print(w.__wrapped__ is f, w.__doc__, sorted(w.__dict__))
t("copy", lambda: (w.__copy__() is w, w.__deepcopy__({}) is w))
w.__qualname__ = 'some.name'
t("reduce", lambda: w.__reduce__())
t("unhashable arg", lambda: w([1]))
def boom(x):
    raise ValueError(x)
wb = _lru_cache_wrapper(boom, 4, False, CI)
t("raises", lambda: wb(3))
t("after raise", lambda: wb.cache_info())
t("dir", lambda: sorted(n for n in dir(F) if not n.startswith('__')))
t("class_getitem", lambda: repr(partial[int]))
