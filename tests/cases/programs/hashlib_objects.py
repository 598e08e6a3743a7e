# Hash objects as objects: read-only attributes, no instance dict, not picklable or
# copyable through copy, hashable by identity; type names and modules.
import copy
import pickle
import _blake2, _hashlib, _md5, _sha1, _sha3, _sha256, _sha512
import hashlib

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print(type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

objects = [hashlib.sha256(), hashlib.shake_128(), hashlib.new('sha512_256'), _blake2.blake2b(), _blake2.blake2s(),
           _sha3.sha3_256(), _sha3.shake_256(), _sha256.sha224(), _sha256.sha256(), _sha512.sha384(), _sha512.sha512(),
           _md5.md5(), _sha1.sha1(), _hashlib.hmac_new(b'k', digestmod='sha1')]
for h in objects:
    t = type(h)
    print(t.__module__, t.__name__, t.__qualname__, repr(t))
    err(setattr, h, 'name', 'x')
    err(setattr, h, 'digest_size', 1)
    err(setattr, h, 'foo', 1)
    err(getattr, h, 'foo')
    err(copy.copy, h)
    err(pickle.dumps, h)
    print(hash(h) == hash(h), h == h, h == h.copy())
for t in (_hashlib.HASH, _hashlib.HASHXOF, _hashlib.HMAC, _sha256.SHA256Type, _md5.MD5Type, _sha1.SHA1Type, _sha512.SHA384Type):
    err(t)
for t in (_hashlib.HASH, _blake2.blake2s, _sha3.shake_128, _md5.MD5Type):
    try:
        class X(t):
            pass
    except TypeError as e:
        print(e)
