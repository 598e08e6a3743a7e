# _bz2 over the system libbzip2 and the bz2 module on top: compressed bytes identical to
# CPython's, incremental decompression with max_length/needs_input/unused_data, errors.
import bz2
import _bz2
import io


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


data = b"hello world " * 500 + bytes(range(256)) * 3
text = b"".join(b"record %d\n" % i for i in range(3000))
for lvl in (1, 5, 9):
    for d in (b"", b"x", data, text):
        c = bz2.compress(d, lvl)
        print(lvl, len(d), len(c), c[:24].hex(), c[-12:].hex(), bz2.decompress(c) == d)
co = _bz2.BZ2Compressor(3)
parts = [co.compress(text[:5000]), co.compress(b""), co.compress(memoryview(text[5000:])), co.flush()]
print([len(p) for p in parts], bz2.decompress(b"".join(parts)) == text)

c = bz2.compress(data)
d = _bz2.BZ2Decompressor()
out = d.decompress(c[:100], 10)
print(out, d.needs_input, d.eof)
out += d.decompress(c[100:] + b"extra", 50)
print(len(out), d.needs_input, d.eof, d.unused_data)
while not d.eof and not d.needs_input:
    out += d.decompress(b"", 1000)
print(len(out), out == data, d.eof, d.unused_data, d.needs_input)
t(lambda: d.decompress(b"x"))
d = _bz2.BZ2Decompressor()
print(d.decompress(c, 0), d.needs_input, len(d.decompress(b"")), d.eof)
d = _bz2.BZ2Decompressor()
print(b"".join(d.decompress(c[i:i + 33]) for i in range(0, len(c), 33)) == data, d.eof)
print(bz2.decompress(c + c) == data + data, bz2.decompress(b""))
print(bz2.BZ2Decompressor is _bz2.BZ2Decompressor, type(co).__name__, type(co).__module__)

f = io.BytesIO()
with bz2.BZ2File(f, "wb", compresslevel=2) as w:
    w.write(text)
    w.write(b"tail\n")
print(len(f.getvalue()), f.getvalue()[:10])
with bz2.BZ2File(io.BytesIO(f.getvalue())) as r:
    print(r.readline(), len(r.read()), r.tell())
with bz2.open(io.BytesIO(f.getvalue()), "rt", encoding="ascii") as r:
    print(sum(1 for _ in r))

t(lambda: bz2.decompress(b"BZh9garbage"))
t(lambda: bz2.decompress(b"not bzip2 data"))
t(lambda: bz2.decompress(c[:-5]))
t(lambda: _bz2.BZ2Compressor(10))
t(lambda: _bz2.BZ2Compressor(0))
t(lambda: _bz2.BZ2Compressor(compresslevel=5))
t(lambda: _bz2.BZ2Compressor().compress("str"))
t(lambda: _bz2.BZ2Decompressor(1))
t(lambda: _bz2.BZ2Decompressor().decompress(b"", max_length=-1))
co = _bz2.BZ2Compressor()
co.compress(b"x")
co.flush()
t(lambda: co.compress(b"x"))
t(lambda: co.flush())
d = _bz2.BZ2Decompressor()
t(lambda: d.decompress(b"BZh9" + b"\x00" * 40))
import copy
import pickle
for o in (_bz2.BZ2Compressor(), _bz2.BZ2Decompressor()):
    t(lambda: pickle.dumps(o))
    t(lambda: copy.copy(o))
try:
    class Sub(_bz2.BZ2Compressor):
        pass
except TypeError as e:
    print(e)

big = b"".join(b"%08d|" % (i * 7919 % 100000000) for i in range(300000))
cb = bz2.compress(big, 9)
d = _bz2.BZ2Decompressor()
sizes = []
while not d.eof:
    sizes.append(len(d.decompress(cb if not sizes else b"", 600000)))
print(len(cb), sizes, bz2.decompress(cb) == big)
