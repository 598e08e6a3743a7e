# Sets and frozensets: methods, operators, order and hashing.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

s = {3, 1, 2}
print(s, set(), frozenset(), frozenset([1, 2]), set('hello') == set('oleh'), len(s))
print({10, 20, 30, 40, 50, 7, 100, 1000, 64, 65}, set(range(20)), {-1, -2, 5})
print({'x'} | {'x'}, sorted({'a', 'b', 'c'} | {'d'}))
s.add(4)
s.add(1)
s.discard(10)
s.discard(1)
print(s)
t(lambda: s.remove(99))
s.remove(2)
print(s, s.pop(), s)
t(lambda: set().pop())
s.update([5, 6], (7,))
print(s)
s.clear()
print(s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9]), a.intersection(b, {4}), a.difference(b, {1}), a.symmetric_difference(b))
print(a.union(), a.intersection(), a.difference())
print(a.issubset(b), {3}.issubset(b), a.issuperset({1, 2}), a.isdisjoint({7}), a.isdisjoint(b), {3}.issubset([3, 4]))
print(a < b, {3} < b, {3, 4, 5} <= b, b >= {5}, b > b, a == {4, 3, 2, 1}, a != b)
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {1}
c ^= {2, 3}
print(c)
c2 = {1, 2, 3}
c2.intersection_update({2, 3, 4}, [3])
print(c2)
c2.difference_update([3])
print(c2)
c2.symmetric_difference_update({0, 5})
print(c2)
t(lambda: a | [1])
t(lambda: a - 1)
t(lambda: {[1]})
t(lambda: {1}.add([]))
t(lambda: set(1))
f = frozenset({1, 2, 3})
g = frozenset([3, 2, 1])
print(f == g, f.__hash__() == g.__hash__(), f | {4}, {4} | f, f & {1}, f - {1}, f ^ {9})
print(frozenset().__hash__(), frozenset({1}).__hash__(), frozenset({1, 2, 3}).__hash__(), frozenset({'a'}).__hash__() == frozenset({'a'}).__hash__())
print(frozenset({frozenset({1}), frozenset()}).__hash__(), frozenset(range(100)).__hash__())
print({f: 'frozen'}[g], f in {g}, {1, 2} == frozenset({1, 2}), frozenset(f) is f, f.copy() is f)
print({1, 2, 3} in {frozenset({1, 2, 3})}, {frozenset({1})}, set([frozenset()]))
t(lambda: f.add)
fs = {x for x in range(10) if x % 3}
print(fs, type(fs).__name__)
print(sorted({'b', 'a'}), 2 in fs, 3 in fs)
def change():
    for x in fs:
        fs.add(x * 100)
t(change)
rr = set(range(0, 50, 7))
rr2 = rr - {7, 14}
print(rr, rr2, rr2 | {1000, 3})
print({1, 2} | {2: 'x', 3: 'y'}.keys(), set({5: 1, 6: 2}))
big = set(range(1000))
for i in range(0, 1000, 3):
    big.discard(i)
print(len(big), min(big), max(big), sum(big))
print(list(frozenset('ab')) == list(frozenset('ab')), 1 in frozenset([1]))
x = 5 in {5, 6}
print(x, {1, 2, 3} - {2} == {1, 3})
# Order of sets of strs and of constant set displays (PYTHONHASHSEED=0).
print({'apple', 'banana', 'cherry', 'date'}, frozenset({'x', 'y', 'z'}))
words = ['w%d' % i for i in range(30)] if False else [str(i) + 'w' for i in range(30)]
ws = set(words)
print(ws)
print([ws.pop() for _ in range(5)], len(ws))
print({(1, 2), (3, 4), 1.5, 'x', True, 2.25, -7})
fs = frozenset(words)
print(fs == ws | {'0w', '1w', '2w', '3w', '4w'}, fs.__hash__() == frozenset(reversed(words)).__hash__())
print(frozenset({'a', 'b'}).__hash__(), frozenset({(1, 'a'), 2.5}).__hash__())
ss = {'k%d' % i for i in range(3)} if False else {c + c for c in 'abcdefghij'}
print(ss, ss - {'aa', 'jj'}, ss & {'bb', 'cc', 'zz'})
