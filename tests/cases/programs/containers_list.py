# Lists and tuples: methods, operators, comparisons, sorting and repr.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

a = [3, 1, 2]
a.append(4)
a.extend((5, 6))
a.extend(x * 10 for x in range(2))
a.insert(0, 'first')
a.insert(-1, 'second-last')
a.insert(100, 'end')
a.insert(-100, 'start')
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
t(lambda: [].pop())
t(lambda: [1].pop(5))
a.remove(3)
print(a)
t(lambda: a.remove(99))
print(a.index(1), a.index(6, 2), a.index(5, -5, -1))
t(lambda: a.index(99))
t(lambda: a.index(1, 5))
print([1, 2, 1, 1].count(1), [].count(0))
b = a.copy()
b.reverse()
print(b, a)
b.clear()
print(b, a)

nums = [5, 2, 9, 1, 5, 6]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ['banana', 'Apple', 'cherry', 'date', 'Elder', 'fig']
words.sort(key=lambda w: w[0] in "AE")
print(words)
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')] * 3
print(sorted(pairs, key=lambda p: p[0]))
big = [(i * 7919) % 1000 for i in range(1000)]
sb = sorted(big)
print(sb[:10], sb[-5:], sb == sorted(big, reverse=True)[::-1])
stab = sorted([(i % 7, i) for i in range(200)], key=lambda p: p[0])
print(all(stab[i][1] < stab[i + 1][1] for i in range(199) if stab[i][0] == stab[i + 1][0]))
t(lambda: [1, 'a', 2].sort())
def mod_sort():
    l = [3, 2, 1]
    l.sort(key=lambda x: l.append(x) or x)
t(mod_sort)
t(lambda: [].sort(1))
t(lambda: [2, 1].sort(foo=1))

print([1, 2] + [3], [0] * 3, 2 * [1, 2], [1] * -1, [1, 2] * 0)
t(lambda: [1] + (2,))
t(lambda: [1] * 1.5)
t(lambda: [1] * 'a')
x = [1]
y = x
x += [2, 3]
x += (4,)
x += 'ab'
print(x, y, x is y)
x *= 2
print(y)
y *= 0
print(x)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [1] != [1], [] <= [], [1, [2]] == [1, [2]])
t(lambda: [1] < ['a'])
r = [1, 2]
r.append(r)
print(r, [r, [r]])
print(list(reversed([1, 2, 3])), list(reversed([])))
it = reversed([1, 2])
print(next(it), next(it), next(it, 'done'))
print(list('abc'), list(range(3)), list({'a': 1, 'b': 2}), list((1, 2)))
t(lambda: list(1))
t(lambda: list([1], [2]))
print(3 in [1, 2, 3], 4 not in [1, 2])

tu = (1, 2, 3, 2)
print(tu.index(2), tu.index(2, 2), tu.count(2), tu + (4,), tu * 2, 2 * (), (1,) * 1)
t(lambda: tu.index(9))
t(lambda: (1,) + [2])
print((1, 2) < (1, 2, 3), (1, 'a') == (1, 'a'), (2,) > (1, 5), () < (0,))
print((1, 2).__hash__() == (1, 2).__hash__(), ().__hash__() == tuple().__hash__(), (1, (2, 3)).__hash__() == (1, (2, 3)).__hash__())
t(lambda: {(1, [2])})
print(tuple('ab'), tuple([1, 2]), tuple(), (1,), repr((1,)))
# Augmented assignment: __iadd__ first, then __add__; sets and dicts in place.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
class OnlyAdd:
    def __add__(self, other):
        return 'added'
acc = Acc()
alias = acc
acc += 5
acc += 'x'
print(acc is alias, alias.items)
oa = OnlyAdd()
oa += 1
print(oa)
s1 = {1}
s2 = s1
s1 |= {2}
s1 &= {2, 3}
s1 ^= {4}
s1 -= {4}
print(s1, s1 is s2)
d1 = {}
d2 = d1
d1 |= {'a': 1}
print(d1 is d2, d2)
t1 = (1,)
t2 = t1
t1 += (2,)
print(t1, t2)
def bad_iadd():
    z = [1]
    z -= [1]
t(bad_iadd)
def bad_imul():
    z = {1}
    z *= 2
t(bad_imul)
# Deep nesting raises RecursionError instead of overflowing the stack.
deep1, deep2 = [], []
for i in range(20000):
    deep1, deep2 = [deep1], [deep2]
t(lambda: repr(deep1))
t(lambda: deep1 == deep2)
deept = ()
for i in range(20000):
    deept = (deept,)
t(lambda: repr(deept))
deepd = {}
for i in range(20000):
    deepd = {1: deepd}
t(lambda: repr(deepd))
