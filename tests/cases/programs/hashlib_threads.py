# Hash objects shared between threads: big updates run with the GIL released under the
# object's lock, so concurrent updates of equal chunks give the digest of their concatenation,
# and digest()/copy() from other threads meanwhile see a consistent state.
import threading
import hashlib
import hmac
import _blake2, _md5, _sha3, _sha256

chunk = bytes(range(256)) * 400
small = b'abc' * 100
THREADS, ROUNDS = 4, 25

makers = [
    ('openssl sha256', lambda: hashlib.sha256(), lambda d: hashlib.sha256(d)),
    ('openssl shake_128', lambda: hashlib.shake_128(), lambda d: hashlib.shake_128(d)),
    ('blake2b', lambda: _blake2.blake2b(key=b'k'), lambda d: _blake2.blake2b(d, key=b'k')),
    ('blake2s', lambda: _blake2.blake2s(), lambda d: _blake2.blake2s(d)),
    ('sha3_256', lambda: _sha3.sha3_256(), lambda d: _sha3.sha3_256(d)),
    ('sha224', lambda: _sha256.sha224(), lambda d: _sha256.sha224(d)),
    ('md5', lambda: _md5.md5(), lambda d: _md5.md5(d)),
    ('hmac', lambda: hmac.new(b'key', digestmod='sha512'), lambda d: hmac.new(b'key', d, 'sha512')),
]

def hexof(h):
    return h.hexdigest(16) if 'shake' in h.name else h.hexdigest()

for label, make, whole in makers:
    h = make()
    errors = []
    def work(data):
        try:
            for _ in range(ROUNDS):
                h.update(data)
                h.copy()
                hexof(h)
        except Exception as e:
            errors.append(e)
    threads = [threading.Thread(target=work, args=(chunk if i % 2 else small,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(label, errors)
    g = make()
    threads = [threading.Thread(target=lambda: [g.update(chunk) for _ in range(ROUNDS)]) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(' same chunks', hexof(g) == hexof(whole(chunk * (THREADS * ROUNDS))))

results = [None] * THREADS
def derive(i):
    results[i] = hashlib.pbkdf2_hmac('sha256', b'password', b'salt%d' % i, 2000)
threads = [threading.Thread(target=derive, args=(i,)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print([r == hashlib.pbkdf2_hmac('sha256', b'password', b'salt%d' % i, 2000) for i, r in enumerate(results)])
