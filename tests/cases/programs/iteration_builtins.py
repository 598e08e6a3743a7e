# Iteration builtins: enumerate, zip, map, filter, reversed, sorted, min, max, sum, any, all, iter.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(list(enumerate('abc')), list(enumerate('ab', 5)), list(enumerate('ab', start=-1)), list(enumerate([], 3)))
print(list(enumerate(range(2), 1180591620717411303424)))
t(lambda: enumerate())
t(lambda: enumerate(1))
print(list(zip('abc', range(5))), list(zip()), list(zip('a')), list(zip([1, 2], [3, 4], [5, 6])))
print(list(zip([1], [2], strict=True)))
t(lambda: list(zip([1], [1, 2], strict=True)))
t(lambda: list(zip([1, 2], [1], strict=True)))
t(lambda: list(zip([1, 2], [1, 2], [1], strict=True)))
t(lambda: list(zip([1], [1], [1, 2], strict=True)))
t(lambda: zip(1))
t(lambda: zip([], foo=1))
print(list(map(abs if False else (lambda x: -x), [1, 2])), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(map(str, [])))
t(lambda: map(len))
t(lambda: map(len, 1))
print(list(filter(None, [0, 1, '', 'a', [], [0]])), list(filter(lambda x: x % 2, range(10))), list(filter(bool, [0, 2])))
t(lambda: filter(None))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed('abc')), list(reversed(range(3))), list(reversed({1: 2, 3: 4})))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
class Rev:
    def __reversed__(self):
        return iter('zyx')
class NoRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
print(list(reversed(Seq())), list(reversed(Rev())), list(Seq().__getitem__(i) for i in range(2)))
t(lambda: reversed(3))
t(lambda: reversed({1}))
t(lambda: reversed(NoRev()))
print(sorted([3, 1, 2]), sorted('bca'), sorted([3, 1, 2], reverse=True), sorted(['bb', 'a', 'ccc'], key=len), sorted({3: 1, 1: 2}))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted([], key=len), sorted(range(5), key=lambda x: -x))
t(lambda: sorted())
t(lambda: sorted([1], None))
t(lambda: sorted([1, 'a']))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'), min([], default=None), max([], default='d'))
print(min(['bb', 'a', 'ccc'], key=len), max(['bb', 'a', 'ccc'], key=len), max([1, 3, 3.0, 2]), min([2, 1, 1.0]), max(1, 2, key=None))
print(max([(1, 'a'), (1, 'b')], key=lambda p: p[0]), min('cab', key=lambda c: -'abc'.index(c) if False else {'a': 1, 'b': 2, 'c': 0}[c]))
t(lambda: max())
t(lambda: max([]))
t(lambda: min(1))
t(lambda: max(1, 2, default=3))
t(lambda: max([1], foo=3))
t(lambda: min(1, 'a'))
print(sum([1, 2, 3]), sum([]), sum(range(101)), sum([1, 2], 10), sum([[1], [2]], []), sum([0.1] * 10), sum([1, 0.5, 2]))
print(sum([4611686018427387904] * 3), sum([1.5, 1180591620717411303424]), sum([True, True]), sum(x * x for x in range(10)), sum([], start=5))
print(sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]), sum((1, 2), start=0.5))
t(lambda: sum(['a'], 'b'))
t(lambda: sum([1], start=[]))
t(lambda: sum(1))
print(any([]), any([0, '', 1]), all([]), all([1, 0]), all(x < 5 for x in range(5)), any(x > 3 for x in range(3)))
t(lambda: any(1))
vals = iter([1, 2, 3, 0, 5])
print(list(iter(lambda: next(vals), 0)), list(vals))
count = [0]
def counter():
    count[0] += 1
    return count[0]
print(list(iter(counter, 4)))
t(lambda: iter(3, 4))
print(len(range(10)), len([1, 2]), len((1,)), len('abc'), len({1: 2}), len({1}), len(frozenset()), len({}.keys()))
t(lambda: len(iter([])))
t(lambda: len(5))
it = iter([1, 2])
print(next(it), next(it), next(it, 'end'))
a, *rest = [1, 2, 3, 4]
*init, last = 'abc'
first, *mid, end = range(5)
p, *q = [1]
print(a, rest, init, last, first, mid, end, p, q)
t(lambda: exec_unpack())
def exec_unpack():
    x, y, *z = [1]
print([*range(3), *'ab'], (*[1], 2), {*[1, 1], 2}, {**{'a': 1}, 'b': 2})
def unpack_int():
    a, b = 1
t(unpack_int)
def unpack_none():
    a, *b = None
t(unpack_none)
def unpack_many():
    a, b = [1, 2, 3]
t(unpack_many)
def unpack_few():
    a, b, c = 'ab'
t(unpack_few)
def unpack_star_few():
    a, b, *c, d = (1, 2)
t(unpack_star_few)
print([(a, b) for a, *b in ['xyz', (1,), range(3)]])
