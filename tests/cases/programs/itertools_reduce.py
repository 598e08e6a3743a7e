# itertools' __reduce__/__setstate__: each iterator rebuilt from its reduce value, part-way
# through, continues where the original was (the protocol pickle and copy use).
import itertools as it
import operator


def rebuild(obj):
    r = obj.__reduce__()
    func, args = r[0], r[1]
    new = func(*args)
    if len(r) > 2 and r[2] is not None:
        new.__setstate__(r[2])
    return new


def check(label, make, advance):
    try:
        a = make()
        taken = [next(a) for _ in range(advance)]
        b = rebuild(a)
        print(label, taken, list(it.islice(b, 12)), list(it.islice(a, 12)))
    except Exception as e:
        print(label, type(e).__name__, e)


check("count", lambda: it.count(3), 2)
check("count step", lambda: it.count(1.5, 0.5), 2)
check("repeat", lambda: it.repeat('x', 5), 2)
check("cycle", lambda: it.cycle('abc'), 4)
check("cycle first pass", lambda: it.cycle('abcd'), 2)
check("accumulate", lambda: it.accumulate([1, 2, 3, 4, 5]), 2)
check("accumulate initial", lambda: it.accumulate([1, 2, 3], initial=10), 0)
check("accumulate func", lambda: it.accumulate([3, 1, 4, 1, 5], max), 3)
check("accumulate none total", lambda: it.accumulate([None, 1], lambda a, b: b if a is None else a + b), 1)
check("chain", lambda: it.chain('ab', 'cd', 'ef'), 3)
check("chain fresh", lambda: it.chain('ab', 'cd'), 0)
check("compress", lambda: it.compress('abcdef', [1, 0, 1, 1, 0, 1]), 1)
check("dropwhile", lambda: it.dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1]), 1)
check("takewhile", lambda: it.takewhile(lambda x: x < 3, [1, 2, 3, 4, 1]), 1)
check("filterfalse", lambda: it.filterfalse(None, [0, 1, 0, 2, 3]), 1)
check("starmap", lambda: it.starmap(operator.add, [(1, 2), (3, 4), (5, 6)]), 1)
check("islice", lambda: it.islice(range(30), 2, 20, 3), 2)
check("islice done", lambda: it.islice(range(3), 5), 0)
check("zip_longest", lambda: it.zip_longest('abc', 'd', fillvalue='-'), 2)
check("product", lambda: it.product('ab', range(3)), 2)
check("product fresh", lambda: it.product('ab', 'c'), 0)
check("combinations", lambda: it.combinations(range(5), 3), 4)
check("cwr", lambda: it.combinations_with_replacement('abc', 2), 3)
check("permutations", lambda: it.permutations(range(4), 3), 5)
check("permutations full", lambda: it.permutations('abc'), 2)
g = it.groupby('aaabbcc')
k, grp = next(g)
next(grp)
h = rebuild(g)
print("groupby mid", [(k2, list(v)) for k2, v in h], [(k2, list(v)) for k2, v in g])
a, b = it.tee(range(100))
for _ in range(60):
    next(a)
c = rebuild(a)
print("tee", next(a), next(c), list(c)[-1], next(b))
d = it._tee_dataobject(iter([4, 5]), [1, 2, 3], None)
print("teedata", d.__reduce__()[1][1:])
t = it._tee(iter([]))
t.__setstate__((d, 1))
print("tee setstate", list(t))
for bad in [(1,), (d, 99), (d, 'x'), 5]:
    try:
        it._tee(iter([])).__setstate__(bad)
    except Exception as e:
        print("tee bad", type(e).__name__, e)
for bad in [((1,),), 1, (iter([]), 1), ()]:
    try:
        it.chain().__setstate__(bad)
    except Exception as e:
        print("chain bad", type(e).__name__, e)
p = it.product('ab', 'cd')
p.__setstate__((5, -3))
print("product clamp", list(p))
cb = it.combinations('abcd', 2)
cb.__setstate__((0, 9))
print("combinations clamp", list(cb))
pm = it.permutations('abc', 2)
pm.__setstate__(((2, 1, 0), (1, 1)))
print("permutations state", list(pm))
try:
    it.permutations('abc', 2).__setstate__(((0, 1), (1, 1)))
except Exception as e:
    print("permutations bad", type(e).__name__, e)
