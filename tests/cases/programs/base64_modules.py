# base64, quopri and uu over binascii: encodings, decodings and their error cases.
import base64
import io
import quopri
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import uu


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256)), b"\xfb\xff\xbf" * 7]
for data in samples:
    print(base64.b64encode(data)[:60], base64.urlsafe_b64encode(data)[-8:], base64.b32encode(data)[:40],
          base64.b16encode(data)[:40], base64.b85encode(data)[:40], base64.a85encode(data)[:40])
    assert base64.b64decode(base64.b64encode(data)) == data
    assert base64.b64decode(base64.b64encode(data), validate=True) == data
    assert base64.urlsafe_b64decode(base64.urlsafe_b64encode(data)) == data
    assert base64.b32decode(base64.b32encode(data)) == data
    assert base64.b32hexdecode(base64.b32hexencode(data)) == data
    assert base64.b16decode(base64.b16encode(data)) == data
    assert base64.b85decode(base64.b85encode(data)) == data
    assert base64.a85decode(base64.a85encode(data)) == data
print(base64.encodebytes(bytes(range(120))))
print(base64.decodebytes(base64.encodebytes(bytes(range(120)))) == bytes(range(120)))
print(base64.standard_b64encode(b"x"), base64.b64encode(b"\xff\xfe", altchars=b"-_"))
t(lambda: base64.b64decode(b"YQ"))
t(lambda: base64.b64decode(b"Y!Q==", validate=True))
t(lambda: base64.b64decode("YWJj\u00e9"))
t(lambda: base64.b32decode(b"MZXW6==="))
t(lambda: base64.b32decode(b"mzxw6===", casefold=True))
t(lambda: base64.b32decode(b"MZXW6"))
t(lambda: base64.b16decode(b"0g"))
t(lambda: base64.b85decode(b"|NsC0~"))
src = io.BytesIO(b"line one\nline two\n" * 10)
out = io.BytesIO()
base64.encode(src, out)
print(out.getvalue()[:80])

print("== quopri")
for data in [b"hello", b"a=b\tc \n", b"\xe9t\xe9\n", b"x" * 100 + b"\n", b"trailing space \n", b"under_score"]:
    enc = quopri.encodestring(data)
    print(enc, quopri.encodestring(data, quotetabs=True), quopri.encodestring(data, header=True))
    assert quopri.decodestring(enc) == data
print(quopri.decodestring(b"a=3Db=\nc=20_d", header=True))
i, o = io.BytesIO(b"caf\xc3\xa9 = ok\n"), io.BytesIO()
quopri.encode(i, o, quotetabs=False)
print(o.getvalue())

print("== uu")
i, o = io.BytesIO(bytes(range(200))), io.BytesIO()
uu.encode(i, o, name="data.bin", mode=0o644)
print(o.getvalue()[:120])
back = io.BytesIO()
uu.decode(io.BytesIO(o.getvalue()), back)
print(back.getvalue() == bytes(range(200)))
t(lambda: uu.decode(io.BytesIO(b"no begin line\n"), io.BytesIO()))
