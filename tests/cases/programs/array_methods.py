# array: sequence protocol, slicing, slice assignment, methods, comparisons, files, iterators.
import array, io, pickle, copy

a = array.array('i', range(10))
print(a[0], a[-1], a[2:5], a[::-1], a[1:8:3], a[-3:], a[100:], a[::-4], len(a))
a[2:5] = array.array('i', [20, 30])
print(a)
a[1:1] = array.array('i', [7, 7, 7])
print(a)
a[::2] = array.array('i', range(100, 100 + len(a[::2])))
print(a)
del a[::3]
print(a)
del a[2:4]
print(a)
del a[-1]
print(a)
a[:] = a
print(a)
a[len(a):] = a
print(a)
del a[::-2]
print(a)
del a[5:1]
a[5:1] = array.array('i', [0])
print(a)
b = array.array('h', [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
print(b.count(5), b.count(7), b.index(5), b.index(5, 5), b.index(5, -3), 9 in b, 10 in b, 1.0 in b)
b.insert(0, -1); b.insert(100, 99); b.insert(-2, 42); b.insert(-100, -5)
print(b)
print(b.pop(), b.pop(0), b.pop(-2), b)
b.remove(1)
print(b)
b.reverse()
print(b)
b.extend(array.array('h', [8, 8]))
b.extend((1, 2))
b.extend(x for x in range(3))
b += array.array('h', [77])
print(b)
print(b + array.array('h', [1]), array.array('h', [1, 2]) * 3, 2 * array.array('h', [5]), array.array('h', [1]) * -1)
c = array.array('d', [1.5, 2.5])
c *= 2
print(c)
c *= 0
print(c, len(c))
print(array.array('i', [1, 2]) == array.array('i', [1, 2]), array.array('i', [1, 2]) != array.array('i', [1, 3]))
print(array.array('i', [1, 2]) < array.array('i', [1, 2, 0]), array.array('i', [2]) > array.array('d', [1.5, 9.0]))
print(array.array('b', [1, 2]) <= array.array('B', [1, 2]), array.array('d', [float('nan')]) == array.array('d', [float('nan')]))
print(array.array('u', 'abc') < array.array('u', 'abd'), array.array('i') == array.array('i'), array.array('i', [1]) == [1])
print(list(array.array('i', [4, 5, 6])), sorted(array.array('d', [3.0, 1.0, 2.0])), sum(array.array('L', [1, 2, 3])))
it = iter(array.array('i', [1, 2, 3]))
print(next(it), list(it), list(it))
arr = array.array('i', [1, 2])
it = iter(arr)
arr.append(3)
print(list(it))
it = iter(array.array('i', [1, 2, 3]))
next(it)
print(pickle.loads(pickle.dumps(it)).__next__())
for proto in range(1, pickle.HIGHEST_PROTOCOL + 1):
    for tc in array.typecodes:
        src = array.array(tc, 'xyz' if tc == 'u' else [1, 2, 3])
        back = pickle.loads(pickle.dumps(src, proto))
        print(proto, tc, back == src, type(back).__name__, end='; ')
    print()
class Sub(array.array):
    pass
s = Sub('i', [1, 2, 3])
s.note = 'kept'
back = pickle.loads(pickle.dumps(s, 4))
print(type(back).__name__, back, back.note, copy.copy(s), copy.deepcopy(s))
print(repr(Sub('d')), repr(s), s[1:], type(s[1:]).__name__, isinstance(s, array.array))
f = io.BytesIO()
array.array('H', [1, 2, 258]).tofile(f)
print(f.getvalue())
f.seek(0)
r = array.array('H')
r.fromfile(f, 2)
print(r)
try:
    r.fromfile(f, 5)
except EOFError as e:
    print('EOFError', e, r)
class NotBytes:
    def read(self, n):
        return 'str'
try:
    r.fromfile(NotBytes(), 1)
except Exception as e:
    print(type(e).__name__, e)
big = array.array('B', bytes(range(256)) * 300)
f = io.BytesIO()
big.tofile(f)
print(len(f.getvalue()), f.getvalue() == big.tobytes())
u = array.array('u', 'hello')
u.fromunicode(' world')
print(u, u.tounicode(), u.count('o'), u.index('w'))
m = memoryview(array.array('d', [1.0, 2.0]))
print(m.format, m.itemsize, m.shape, m.tolist(), m.tobytes(), bytes(array.array('b', [1, -1])))
arr = array.array('i', [1, 2, 3, 4])
mv = memoryview(arr)
mv[0] = 100
c = mv.cast('B')
print(arr, c.tolist()[:4])
c.release()
try:
    arr.extend([1])
except BufferError as e:
    print('BufferError', e)
mv.release()
arr.extend([5])
print(arr)
print(array.array('B', b'abc'), array.array('b', bytearray(b'xy')), array.array('i', memoryview(b'\x01\x00\x00\x00').tolist()))
x = array.array('B', b'hello')
print(x.tobytes().decode(), b'-'.join([x, b'!']), bytes(x), bytearray(x))
print(array.array('i', [1, 2]).__reduce_ex__(0)[1], array.array('i', [1]).buffer_info()[1])
print(array.array('i', [10, 20, 30]).index(30, 0, 3), array.array('i', [10]).index(10, -100, 100))
try:
    array.array('i', [10, 20, 30]).index(30, 0, 2)
except ValueError as e:
    print('ValueError', e)
