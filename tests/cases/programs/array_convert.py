# array: every typecode's item conversion, its range checks and CPython's messages.
import array

values = (0, 1, 2**7 - 1, 2**7, -2**7, -2**7 - 1, 2**8 - 1, 2**8, -1, 2**15 - 1, 2**15, -2**15 - 1,
          2**16 - 1, 2**16, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**32 - 1, 2**32, 2**63 - 1, 2**63,
          -2**63, -2**63 - 1, 2**64 - 1, 2**64, 1.5, -0.0, float('inf'), 'a', 'ab', '', '\U0001f600',
          None, True, 10**400, b'x')
for tc in array.typecodes:
    for v in values:
        try:
            a = array.array(tc, [v])
            r = repr(a[0])
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(tc, repr(v)[:24], r)

class Idx:
    def __index__(self):
        return 42
for tc in 'bBhHiIlLqQ':
    a = array.array(tc, [Idx()])
    a.append(Idx())
    a[0] = 7
    print(tc, a, a.itemsize, a.typecode, len(a))
class Fl:
    def __float__(self):
        return 2.5
print(array.array('d', [Fl(), 1, True]), array.array('f', [Fl(), 3]))
for tc in array.typecodes:
    a = array.array(tc)
    print(tc, repr(a), a.itemsize, a.buffer_info()[1], a.tobytes())
    try:
        a.fromlist([1, 2, 3] if tc != 'u' else ['x', 'y', 'z'])
    except Exception as e:
        print(type(e).__name__, e)
    print(a, a.tobytes(), a.tolist())
    b = array.array(tc, a.tobytes())
    print(b == a, b.tolist() == a.tolist())
    a.byteswap()
    print(a.tobytes())
    a.byteswap()
    print(a.tobytes() == b.tobytes())
a = array.array('i', [1, 2, 3])
try:
    a.fromlist([4, 5, 'x'])
except Exception as e:
    print(type(e).__name__, e)
print(a)
a = array.array('b', [1, 2])
try:
    a.extend([3, 4, 300, 5])
except Exception as e:
    print(type(e).__name__, e)
print(a)
print(array.array('L', [2**64 - 1]), array.array('Q', [2**64 - 1]), array.array('q', [-2**63]))
print(array.array('f', [1e39, -1e39, 1e-50]), array.array('d', [float('nan')]))
print(array.array('u', 'a\U0001f600b'), len(array.array('u', 'a\U0001f600b')), array.array('u', 'a\U0001f600b').tounicode())
a = array.array('u', 'ab')
a.frombytes(b'\x00\x00\x11\x00')
try:
    print(a)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(a[2])
except Exception as e:
    print(type(e).__name__, e)
print(a[:2])
