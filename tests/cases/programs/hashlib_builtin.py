# The builtin digest modules (_md5, _sha1, _sha256, _sha512): names, sizes, digests of many
# lengths (block boundaries), incremental updates, copies, and argument errors.
import _md5, _sha1, _sha256, _sha512

ctors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512]
data = bytes(range(256)) * 5

for f in ctors:
    h = f()
    print(f.__name__, type(h).__name__, type(h).__module__, h.name, h.digest_size, h.block_size)
    print(' empty', h.hexdigest())
    for n in (1, 3, 55, 56, 57, 63, 64, 65, 111, 112, 119, 120, 127, 128, 129, 255, 1000, 1280):
        print(' ', n, f(data[:n]).hexdigest())
    # incremental in uneven pieces equals one shot
    h = f()
    i = 0
    for step in (1, 2, 60, 7, 64, 200, 3, 500):
        h.update(data[i:i + step])
        i += step
    print(' pieces', h.hexdigest() == f(data[:i]).hexdigest(), h.digest() == f(data[:i]).digest())
    # copies are independent and digest() does not end the object
    c = h.copy()
    c.update(b'more')
    print(' copy', h.hexdigest() == f(data[:i]).hexdigest(), c.hexdigest() == f(data[:i] + b'more').hexdigest(), type(c) is type(h))
    print(' kw', f(string=b'abc').hexdigest(), f(b'abc', usedforsecurity=False).hexdigest())
    print(' views', f(bytearray(b'abc')).hexdigest() == f(memoryview(b'xabc')[1:]).hexdigest())

print(_sha256.SHA224Type, _sha256.SHA256Type, _sha512.SHA384Type, _md5.MD5Type, _sha1.SHA1Type)
print(sorted(n for n in dir(_sha512) if not n.startswith('__')))
print(sorted(n for n in dir(_sha256.sha224()) if not n.startswith('__')))

def err(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

err(_sha256.sha224, 'abc')
err(_sha256.sha224, 1)
err(_sha256.sha224, b'', b'')
err(_sha256.sha224, data=b'')
err(_sha512.sha384, b'', usedforsecurity=True, x=1)
h = _sha256.sha224()
err(h.update)
err(h.update, 'x')
err(h.update, None)
err(h.digest, 1)
err(_sha256.SHA224Type)
err(type, 'X', (_sha256.SHA224Type,), {})
