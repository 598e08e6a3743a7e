# The hashlib module on top of _hashlib and the builtin modules: which constructors it
# picks, algorithms_available/guaranteed, new(), file_digest, pbkdf2_hmac, scrypt.
import hashlib
import io
import re

def addr(r):
    return re.sub(r'0x[0-9a-f]+', '0x?', r)

print(sorted(hashlib.algorithms_guaranteed))
print(sorted(hashlib.algorithms_available))
print(hashlib.__all__)
for name in ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256', 'blake2b', 'blake2s'):
    f = getattr(hashlib, name)
    h = f(b'The quick brown fox')
    out = h.hexdigest(20) if name.startswith('shake') else h.hexdigest()
    print(name, addr(repr(f)), type(h).__module__, type(h).__name__, h.name, h.digest_size, h.block_size, out)
    n = hashlib.new(name, b'The quick brown fox')
    print('  new', type(n).__name__, (n.hexdigest(20) if name.startswith('shake') else n.hexdigest()) == out)
    print('  sec', (f(b'x', usedforsecurity=False).hexdigest(4) if name.startswith('shake') else f(b'x', usedforsecurity=False).hexdigest()))
for name in ('sha512_256', 'sha512_224', 'ripemd160', 'md5-sha1', 'sm3', 'SHA256', 'MD5'):
    h = hashlib.new(name, b'abc')
    print(name, h.name, addr(repr(h)), h.hexdigest())
print(hashlib.new('blake2b', b'abc', digest_size=8).hexdigest(), hashlib.blake2s(b'abc', key=b'k', person=b'p').hexdigest())
print(hashlib.file_digest(io.BytesIO(b'x' * 100000), 'sha256').hexdigest())
print(hashlib.file_digest(io.BytesIO(b'abc'), hashlib.sha3_256).hexdigest())
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1000).hex())
print(hashlib.pbkdf2_hmac('sha512', b'password', b'salt', 10, 80).hex())
print(hashlib.scrypt(b'password', salt=b'salt', n=16, r=4, p=2, dklen=24).hex())
h = hashlib.md5()
for chunk in (b'a', b'bc' * 100, memoryview(b'xyz'), bytearray(1000)):
    h.update(chunk)
print(h.hexdigest(), h.copy().hexdigest() == h.hexdigest())

def err(f, *a, **k):
    try:
        print(addr(repr(f(*a, **k))))
    except Exception as e:
        print(type(e).__name__, addr(str(e)))

err(hashlib.new, 'nope')
err(hashlib.new, 'sha256', 'text')
err(hashlib.sha256, 'text')
err(hashlib.blake2b, digest_size=100)
err(hashlib.file_digest, io.StringIO('x'), 'sha256')
err(hashlib.sha256().update, 5)
