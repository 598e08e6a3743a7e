# collections, functools and itertools as the standard library uses them: namedtuple, Counter,
# OrderedDict, ChainMap, lru_cache/cache/cached_property, partialmethod, total_ordering, wraps.
import collections, functools, itertools, operator
from collections import namedtuple, Counter, OrderedDict, deque, defaultdict, ChainMap, UserDict
P = namedtuple('P', 'x y', defaults=[0])
p = P(1)
print(p, p.x, p.y, p._replace(y=5), p._asdict(), P._fields, P.x.__doc__)
try:
    p.x = 3
except AttributeError as e:
    print('AttributeError', e)
c = Counter('abracadabra')
print(c, c.most_common(2), sorted(c.elements()), c['zz'])
c.update('aaa'); print(c['a'], c.total())
print(Counter(a=3, b=1) - Counter(a=1), Counter(a=1) | Counter(a=2, b=1))
od = OrderedDict(a=1, b=2); od.move_to_end('a'); print(od, list(reversed(od)))
print(deque('abc', maxlen=2), defaultdict(list))
print(ChainMap({'a': 1}, {'a': 2, 'b': 3})['b'])
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(100), fib.cache_info(), fib.__name__, fib.__wrapped__.__name__, fib.cache_parameters())
@functools.lru_cache
def sq(x): return x * x
print(sq(3), sq(3), sq.cache_info())
@functools.cache
def cube(x): return x ** 3
print(cube(2), cube.cache_info())
class A:
    @functools.lru_cache(maxsize=2)
    def m(self, x): return x + 1
    @functools.cached_property
    def cp(self): return 'cached'
a = A(); print(a.m(1), a.m(1), A.m.cache_info(), a.cp)
print(functools.partial(int, base=2)('101'), functools.reduce(operator.add, range(5)))
print(sorted(['b', 'A', 'c'], key=functools.cmp_to_key(lambda x, y: (x.lower() > y.lower()) - (x.lower() < y.lower()))))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2))
class B:
    def g(self, a, b): return (a, b)
    h = functools.partialmethod(g, 1)
print(B().h(2))
w = functools.wraps(len)(lambda *a: 0); print(w.__name__)
print(list(itertools.islice(itertools.count(), 3)), list(itertools.accumulate([1,2,3])))
