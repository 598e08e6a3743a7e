# _blake2: blake2b and blake2s with every parameter, constants, copies and CPython's errors.
import _blake2
from _blake2 import blake2b, blake2s

print(sorted((n, getattr(_blake2, n)) for n in dir(_blake2) if n.isupper()))
for C in (blake2b, blake2s):
    print(C, C.SALT_SIZE, C.PERSON_SIZE, C.MAX_KEY_SIZE, C.MAX_DIGEST_SIZE)
    h = C()
    print(h.name, h.digest_size, h.block_size, h.hexdigest())
    print(sorted(n for n in dir(h) if not n.startswith('__')))

data = bytes(range(256)) * 3
for C in (blake2b, blake2s):
    for n in (0, 1, 3, 63, 64, 65, 127, 128, 129, 255, 256, 257, 768):
        print(C.__name__, n, C(data[:n]).hexdigest())
    for ds in (1, 16, 20, C.MAX_DIGEST_SIZE):
        h = C(b'abc', digest_size=ds)
        print(' ds', ds, h.digest_size, h.hexdigest())
    for key in (b'k', b'key' * 5, bytes(C.MAX_KEY_SIZE)):
        print(' key', len(key), C(b'msg', key=key).hexdigest(), C(key=key).hexdigest())
    print(' salt', C(b'x', salt=b'salt').hexdigest(), C(b'x', salt=bytes(range(C.SALT_SIZE))).hexdigest())
    print(' person', C(b'x', person=b'me').hexdigest(), C(b'x', person=b'p' * C.PERSON_SIZE).hexdigest())
    print(' tree', C(b'x', fanout=0, depth=255, leaf_size=4096, node_offset=5, node_depth=3, inner_size=C.MAX_DIGEST_SIZE, last_node=True).hexdigest())
    print(' tree2', C(b'x', fanout=2, depth=2, leaf_size=2**32 - 1, node_offset=2**48 - 1, node_depth=255, inner_size=0).hexdigest())
    print(' last', C(b'x', last_node=False).hexdigest(), C(b'x', last_node=1).hexdigest(), C(last_node='y').hexdigest())
    print(' all', C(data, digest_size=17, key=b'secret', salt=b'NaCl', person=b'me', fanout=3, depth=4, leaf_size=5, node_offset=6, node_depth=7, inner_size=8, last_node=True, usedforsecurity=False).hexdigest())
    print(' buffers', C(bytearray(b'ab'), key=bytearray(b'k'), salt=memoryview(b's'), person=b'').hexdigest())
    h = C(key=b'k', digest_size=10)
    i = 0
    for step in (1, 2, 60, 7, C.block_size if False else 64, 200, 3, 128, 0, 300):
        h.update(data[i:i + step])
        i += step
    print(' pieces', h.hexdigest() == C(data[:i], key=b'k', digest_size=10).hexdigest())
    c = h.copy()
    c.update(b'more')
    print(' copy', type(c) is C, c.digest_size, h.hexdigest() == C(data[:i], key=b'k', digest_size=10).hexdigest(), c.hexdigest() == C(data[:i] + b'more', key=b'k', digest_size=10).hexdigest())
    print(' twice', h.digest() == h.digest())

class I:
    def __index__(self):
        return 3

def err(f, *a, **k):
    try:
        print(f(*a, **k).hexdigest())
    except Exception as e:
        print(type(e).__name__, e)

for C in (blake2b, blake2s):
    for kw in (dict(digest_size=0), dict(digest_size=C.MAX_DIGEST_SIZE + 1), dict(key=b'x' * (C.MAX_KEY_SIZE + 1)),
               dict(salt=b'x' * (C.SALT_SIZE + 1)), dict(person=b'x' * (C.PERSON_SIZE + 1)), dict(fanout=-1), dict(fanout=256),
               dict(depth=0), dict(depth=256), dict(leaf_size=-1), dict(leaf_size=2**32), dict(leaf_size=2**64),
               dict(node_offset=-1), dict(node_offset=2**48), dict(node_offset=2**64), dict(node_depth=-1), dict(node_depth=256),
               dict(inner_size=-1), dict(inner_size=C.MAX_DIGEST_SIZE + 1), dict(digest_size='a'), dict(digest_size=1.5),
               dict(digest_size=2**40), dict(key='abc'), dict(salt=1), dict(person=None), dict(bogus=1), dict(data=b''),
               dict(string=b''), dict(leaf_size=1.5), dict(node_offset=I()), dict(digest_size=I()), dict(leaf_size=True),
               dict(digest_size=0, key='x'), dict(fanout=300, depth=0)):
        print(C.__name__, sorted(kw), end=' ')
        err(C, **kw)
    err(C, b'a', b'b')
    err(C, 'abc')
    err(C, 3)
    err(C, b'abc', digest_size=0)
    err(C().update, 'x')
    err(C().update, 1)
try:
    class X(blake2b):
        pass
except TypeError as e:
    print('subclass', e)
