# What the hash functions accept as data, key and password: bytes-like objects, C-contiguous
# views only, any object as the usedforsecurity flag.
import hashlib, _blake2, _sha3, _sha256, _hashlib
def err(f, *a, **k):
    try:
        r = f(*a, **k); print(r.hexdigest() if hasattr(r, 'hexdigest') and not isinstance(r, _sha3.shake_128) else r)
    except Exception as e:
        print(type(e).__name__, e)
for f in (hashlib.sha256, _blake2.blake2b, _sha3.sha3_256, _sha256.sha224, hashlib.md5):
    err(f, b'x', usedforsecurity=[])
    err(f, b'x', usedforsecurity=None)
    err(f, memoryview(b'abcdef')[::2])
    err(f, memoryview(b'abcdef').cast('B', (2, 3)))
    err(f, b'x', usedforsecurity=True)
    err(f, usedforsecurity=False)
    err(f, None)
err(_blake2.blake2b, key=memoryview(b'abcdef')[::2])
err(_hashlib.compare_digest, memoryview(b'abcdef')[::2], b'ace')
err(_hashlib.pbkdf2_hmac, 'sha1', memoryview(b'abcdef')[::2], b'x', 1)
