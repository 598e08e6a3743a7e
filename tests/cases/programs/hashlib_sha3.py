# _sha3: SHA-3 and SHAKE (Keccak written in C#), their attributes, variable-length SHAKE
# output, copies, and CPython's errors.
import _sha3

print(_sha3.implementation, _sha3.keccakopt)
data = bytes(range(256)) * 4
for name in ('sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256'):
    C = getattr(_sha3, name)
    h = C()
    print(C, h.name, h.digest_size, h.block_size, h._capacity_bits, h._rate_bits, h._suffix)
    print(sorted(n for n in dir(h) if not n.startswith('__')))
    shake = name.startswith('shake')
    hx = (lambda h: h.hexdigest(40)) if shake else (lambda h: h.hexdigest())
    for n in (0, 1, 3, 71, 72, 73, 103, 104, 105, 135, 136, 137, 143, 144, 145, 167, 168, 169, 335, 336, 337, 1024):
        print(' ', n, hx(C(data[:n])))
    h = C()
    i = 0
    for step in (1, 2, 60, 7, 200, 3, 136, 0, 300):
        h.update(data[i:i + step])
        i += step
    print(' pieces', hx(h) == hx(C(data[:i])))
    c = h.copy()
    c.update(b'more')
    print(' copy', type(c) is C, hx(h) == hx(C(data[:i])), hx(c) == hx(C(data[:i] + b'more')))
    print(' kw', hx(C(b'abc', usedforsecurity=False)), hx(C(bytearray(b'abc'))) == hx(C(memoryview(b'abc'))))
    if shake:
        for n in (0, 1, 100, 167, 168, 169, 337, 1000):
            d = h.digest(n)
            print(' len', n, len(d), d[-8:].hex(), h.hexdigest(n)[-16:])
        print(' prefix', h.digest(500)[:100] == h.digest(100))
        print(' bool', h.digest(True))

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print(r if isinstance(r, (bytes, str)) else r.name)
    except Exception as e:
        print(type(e).__name__, e)

err(_sha3.sha3_224, string=b'a')
err(_sha3.sha3_224, data=b'a')
err(_sha3.sha3_224, b'a', b'b')
err(_sha3.sha3_224, 'a')
err(_sha3.sha3_224, 1)
err(_sha3.sha3_224, b'a', usedforsecurity=False, x=1)
err(_sha3.sha3_256().update, 'x')
err(_sha3.sha3_256().digest, 1)
s = _sha3.shake_128(b'abc')
err(s.digest)
err(s.hexdigest)
err(s.digest, -1)
err(s.digest, 2**29)
err(s.digest, 2**64)
err(s.digest, 'a')
err(s.digest, 1.0)
err(s.digest, length=3)
err(s.hexdigest, 2**31)
try:
    class X(_sha3.sha3_224):
        pass
except TypeError as e:
    print('subclass', e)
