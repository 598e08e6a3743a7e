# _bisect: the C accelerator behind bisect, results and error messages.
import _bisect
import bisect

print(bisect.bisect_left is _bisect.bisect_left, bisect.insort is _bisect.insort_right)
a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 1, 2, 3, 4, 8, 9):
    print(x, _bisect.bisect_left(a, x), _bisect.bisect_right(a, x), bisect.bisect(a, x))
print(_bisect.bisect_left(a, 2, 2), _bisect.bisect_right(a, 2, 0, 3), _bisect.bisect_left(a, 2, hi=2))
print(_bisect.bisect_left(a, 2, lo=5), _bisect.bisect_right(a, 2, 1, None), _bisect.bisect_left(a, 9, 0, -3))
print(_bisect.bisect_left([1.5, 2.5, float('nan')], 2.0), _bisect.bisect_right(['a', 'c', 'e'], 'd'))
print(_bisect.bisect_left(range(0, 100, 3), 50), _bisect.bisect_right((1, 2, 3), 2), _bisect.bisect_left([10**30, 10**31], 10**30 + 1))
print(_bisect.bisect_left([True, False], 0), _bisect.bisect_left([1, 2.5, 3], 2))
records = [('a', 1), ('b', 3), ('c', 5)]
print(_bisect.bisect_left(records, 3, key=lambda r: r[1]), _bisect.bisect_right(records, 3, key=lambda r: r[1]))
print(_bisect.bisect_right(records, 4, key=lambda r: r[1], lo=1, hi=2), _bisect.bisect_left(records, ('b', 3), key=None))
b = []
for v in (5, 1, 4, 1, 5, 9, 2, 6):
    _bisect.insort_left(b, v)
    _bisect.insort_right(b, v + 0.5)
print(b)
c = []
for r in [('x', 3), ('y', 1), ('z', 3), ('w', 2)]:
    _bisect.insort_right(c, r, key=lambda t: t[1])
print(c)
d = []
for r in [('x', 3), ('y', 1), ('z', 3), ('w', 2)]:
    _bisect.insort_left(d, r, key=lambda t: t[1])
print(d)

class L(list):
    def insert(self, i, x):
        print('insert', i, x)
        list.insert(self, i, x)
l = L([1, 3])
bisect.insort(l, 2)
print(l)

class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if not 0 <= i < self.n: raise IndexError(i)
        return i * 10
    def insert(self, i, x): print('Seq.insert', i, x)
print(_bisect.bisect_left(Seq(100), 455), _bisect.bisect_right(Seq(100), 450))
_bisect.insort_left(Seq(5), 25)

class Cmp:
    calls = 0
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        Cmp.calls += 1
        return self.v < other.v
    def __repr__(self): return f'C{self.v}'
cs = [Cmp(i) for i in range(64)]
print(_bisect.bisect_left(cs, Cmp(40)), Cmp.calls)

def err(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)

err(_bisect.bisect_right, 3, 1)
err(_bisect.bisect_right, [1], 1, -1)
err(_bisect.insort_left, [1], 1, -1)
err(_bisect.bisect_right, [1], 1, 'a')
err(_bisect.bisect_right, [1], 1, 0, 'a')
err(_bisect.bisect_right, [1], 1, 1.5)
err(_bisect.insort_right, (), 1)
err(_bisect.bisect_right, [1], 1, 0, 10)
err(_bisect.bisect_right)
err(_bisect.bisect_left, [1])
err(_bisect.bisect_right, [1], 1, key=1)
err(_bisect.bisect_right, [1], 1, 2 ** 70)
err(_bisect.insort_left, [1], 1, 0, 2 ** 65)
err(_bisect.bisect_left, [1, 2], 1, x=3)
err(_bisect.bisect_left, [1, 2], 1, 0, 1, None)
err(_bisect.bisect_left, [1, 'a'], 2)
err(_bisect.bisect_left, [1, 2], 1, foo=3)
print(_bisect.bisect_left([1], 1, 0, -5), _bisect.bisect_left([3, 4], 1, 5))
