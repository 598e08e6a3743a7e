# Slices: the slice type, slicing of list, tuple, str and range, slice assignment and deletion.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step)
print(slice(5), slice(None), slice(1, 2))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(7))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3))
t(lambda: {slice(1)})
t(lambda: slice())
t(lambda: slice(1, 2, 3, 4))
t(lambda: slice(1).indices(-1))
t(lambda: slice(None, None, 0).indices(3))

a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::2], a[::-1], a[-3:], a[:-3], a[1:8:3], a[8:1:-2])
print(a[100:], a[-100:2], a[5:2], a[::-3], a[10:0:-1])
t(lambda: a[::0])
t(lambda: a['x':])
t(lambda: a[1.5])
t(lambda: a[10])
t(lambda: a['a'])
print(a[True], a[-1])

b = list(range(10))
b[2:5] = ['x', 'y']
print(b)
b[:0] = [100, 101]
print(b)
b[len(b):] = 'ab'
print(b)
b[::2] = range(len(b[::2]))
print(b)
t(lambda: b.__setitem__(slice(None, None, 2), [1, 2]))
def assign_noniter():
    b[1:2] = 5
t(assign_noniter)
def assign_ext_noniter():
    b[::2] = 5
t(assign_ext_noniter)
del b[::3]
print(b)
del b[1:3]
print(b)
del b[::-2]
print(b)
c = [1, 2, 3]
c[1:] = c
print(c)
c[5:1] = [9]
print(c)
c[:] = []
print(c)

tu = tuple(range(8))
print(tu[1:4], tu[::-1], tu[::3], tu[:], tu[:] is tu, tu[5:1])
t(lambda: tu[10])
t(lambda: tu['a'])

st = 'hello world'
print(st[0], st[-1], st[2:7], st[::-1], st[::2], st[100:], repr(st[5:2]))
t(lambda: st[20])
t(lambda: st['a'])
astral = 'a\U0001F600b\U0001F601c'
print(len(astral), astral[1] == '\U0001F600', astral[3] == '\U0001F601', astral[::-1] == 'c\U0001F601b\U0001F600a')
print(astral[1:4] == '\U0001F600b\U0001F601', astral[::2], astral[-2] == '\U0001F601', len(astral[1:3]), astral[0:5:2] == 'abc')
lone = 'x\ud800y\udc00\U0001F600'
print(len(lone), lone[1] == '\ud800', lone[3] == '\udc00', lone[4] == '\U0001F600', len(lone[::-1]), lone[::-1][0] == '\U0001F600')

r = range(0, 20, 3)
print(r[2], r[-1], r[1:4], r[::-1], r[::2], r[100:], r[-100:3])
print(range(10)[3:8:2], list(range(10)[3:8:2]), range(10, 0, -2)[1:3])
t(lambda: r[10])
t(lambda: r['x'])
print(range(10**20)[10**19], range(10**20)[::10**19])
print(list(reversed(range(1, 10, 3))), list(reversed(range(5, 0, -2))), list(reversed(range(0))))
print(range(3).index(2), range(0, 10, 2).count(4), range(0, 10, 2).count(5))
t(lambda: range(3).index(7))
print(range(0) == range(5, 1), range(1, 5, 2) == range(1, 6, 2), range(3) == range(4))
print(range(0).__hash__() == range(5, 1).__hash__(), range(1, 2).__hash__() == range(1, 2, 5).__hash__())
print(bool(range(0)), bool(range(2)), 5 in range(10), 5.0 in range(10), 11 in range(10))
# Iterating a str yields its code points.
print([c for c in astral] == ['a', '\U0001F600', 'b', '\U0001F601', 'c'], list('xyz'), list(''), [len(c) for c in lone])
it = iter('ab')
print(next(it), next(it), next(it, 'end'), type(iter('abc')).__name__)
