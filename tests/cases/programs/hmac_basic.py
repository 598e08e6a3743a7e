# hmac: new/digest/compare_digest through _hashlib, the pure-Python fallback for
# constructors OpenSSL does not take, copies, and CPython's errors.
import hashlib
import hmac
import re

def addr(r):
    return re.sub(r'0x[0-9a-f]+', '0x?', r)

msg = b'what do ya want for nothing?'
for dm in ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_256', 'sha512_256', hashlib.sha256, hashlib.md5, hashlib.blake2b, hashlib.sha3_512):
    h = hmac.new(b'Jefe', msg, dm)
    label = dm if isinstance(dm, str) else dm.__name__
    print(label, h.name, h.digest_size, h.block_size, h.hexdigest(), type(h._hmac).__name__ if h._hmac else None)
    print('  digest', hmac.digest(b'Jefe', msg, dm) == h.digest())
    c = h.copy()
    c.update(b'!')
    print('  copy', c.hexdigest() == hmac.new(b'Jefe', msg + b'!', dm).hexdigest(), h.hexdigest() == hmac.new(b'Jefe', msg, dm).hexdigest())
for key in (b'', b'k' * 64, b'k' * 65, b'k' * 200, bytearray(b'ba')):
    print(len(key), hmac.new(key, b'data', 'sha256').hexdigest(), hmac.new(key, digestmod='sha512').hexdigest()[:32])
h = hmac.new(b'key', digestmod='sha1')
h.update(b'part1')
h.update(b'part2')
print(h.hexdigest() == hmac.new(b'key', b'part1part2', 'sha1').hexdigest(), addr(repr(h)))
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('abc', 'abd'), hmac.compare_digest(b'a', b'ab'))
print(hmac.trans_5C[:4], hmac.trans_36[:4], hmac.digest_size)

def err(f, *a, **k):
    try:
        print(addr(repr(f(*a, **k))))
    except Exception as e:
        print(type(e).__name__, e)

err(hmac.new, 'str key', b'm', 'sha256')
err(hmac.new, b'k', b'm')
err(hmac.new, b'k', b'm', 'nope')
err(hmac.new, b'k', 'str msg', 'sha256')
err(hmac.digest, b'k', b'm', 'nope')
err(hmac.compare_digest, 'a', b'a')
err(hmac.compare_digest, '\xe9', '\xe9')
