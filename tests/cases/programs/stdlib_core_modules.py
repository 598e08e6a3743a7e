# Small C modules the standard library leans on: _md5/_sha1/_sha256/_sha512, _contextvars,
# _codecs (registry, charmap, incremental utf-8), and what they unlock (json, random, decimal).
import _md5, _sha1, _sha256, _sha512
for ctor in (_md5.md5, _sha1.sha1, _sha256.sha256, _sha512.sha384, _sha512.sha512):
    h = ctor(b'abc')
    c = h.copy(); c.update(b'def')
    print(h.name, h.digest_size, h.block_size, h.hexdigest(), c.hexdigest()[:16], len(h.digest()))
print(_sha256.sha256(memoryview(b'ab')).hexdigest()[:12], _sha256.sha256(string=bytearray(b'ab')).hexdigest()[:12])
for bad in ('x', 1):
    try:
        _sha1.sha1(bad)
    except TypeError as e:
        print("TypeError", e)

import contextvars as cv
v = cv.ContextVar('a', default=1)
w = cv.ContextVar('b')
print(v.name, v.get(), w.get(7), cv.ContextVar[int] is not None)
t = v.set(5)
print(t.var is v, t.old_value is cv.Token.MISSING, repr(cv.Token.MISSING))
ctx = cv.copy_context()
print(len(ctx), ctx[v], v in ctx, w in ctx, list(ctx.keys()) == [v], ctx.get(w, 'none'))
try:
    w.get()
except LookupError as e:
    print("LookupError", e.args[0] is w)
try:
    1 in ctx
except TypeError as e:
    print("TypeError", e)
v.reset(t)
print(v.get())
try:
    v.reset(t)
except RuntimeError as e:
    print("RuntimeError", str(e).endswith("has already been used once"))
try:
    class X(cv.ContextVar): pass
except TypeError as e:
    print("TypeError", e)
try:
    cv.ContextVar(1)
except TypeError as e:
    print("TypeError", e)
def f(x):
    v.set(x)
    return v.get()
print(ctx.run(f, 9), v.get(), ctx[v])
try:
    ctx.run(lambda: ctx.run(f, 1))
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("cannot enter context"))
other = cv.Context()
print(len(other), other.run(v.get), cv.copy_context() == cv.copy_context())

import codecs, json
print(codecs.lookup('UTF 8').name, codecs.lookup('latin_1').name, codecs.encode('hé', 'latin-1'), codecs.decode(b'h\xe9\x80', 'cp1252'))
print('€ and ü'.encode('cp1252'), b'\xfc'.decode('cp437'), 'x'.encode('iso8859_15'))
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'h\xc3')), repr(d.decode(b'\xa9', final=True)))
try:
    codecs.lookup('nope')
except LookupError as e:
    print("LookupError", e)
print(codecs.decode(b'\x81', 'cp1252', 'replace'), codecs.decode(b'a\x81b', 'cp1252', 'ignore'))
try:
    codecs.decode(b'\x81', 'cp1252')
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
try:
    'ǅ'.encode('cp1252')
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
print(json.dumps({'a': [1, 2.5, None, True], 'b': 'é\n'}, sort_keys=True), json.loads('{"x": [1, "\\u00e9", 3.5e2]}'))
print(json.dumps([1, {'k': (2, 3)}], indent=2))

import random, decimal, fractions
random.seed(12345)
print(random.random(), random.randint(1, 1000), random.choice('abcdef'), random.sample(range(100), 5))
random.seed('a string seed')
print(random.random(), random.getrandbits(70))
print(decimal.Decimal('1.1') + decimal.Decimal('2.2'), decimal.getcontext().prec, fractions.Fraction(3, 9) + 1)
