# zlib over the system library: the compressed bytes must be CPython's exactly, for every
# level, window size, memory level and strategy; incremental objects with flush modes,
# copies, max_length, unconsumed_tail/unused_data, dictionaries; checksums; error messages.
import zlib


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def sample(n, seed):
    x = seed
    out = bytearray()
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(x >> 16 & 0x3F | 0x40)
    return bytes(out)


text = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(300))
inputs = [b"", b"a", b"hello world", bytes(range(256)) * 4, text, sample(5000, 3)]

print("== one-shot")
for data in inputs:
    for level in (-1, 0, 1, 5, 9):
        c = zlib.compress(data, level)
        print(len(data), level, len(c), c[:12].hex(), zlib.crc32(c), zlib.decompress(c) == data)
for wbits in (9, 12, 15, -9, -15, 25, 31):
    c = zlib.compress(text, 6, wbits)
    print(wbits, len(c), zlib.crc32(c), zlib.decompress(c, wbits) == text, zlib.decompress(c, wbits, 1) == text)
print(zlib.decompress(zlib.compress(text, wbits=31), 47) == text, zlib.decompress(zlib.compress(text), 32 + 15) == text)
print(zlib.compress(b"abc", level=9, wbits=-15), zlib.decompress(zlib.compress(b"x"), wbits=15, bufsize=0))

print("== compressobj")
for memlevel in (1, 8, 9):
    for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
        co = zlib.compressobj(6, zlib.DEFLATED, 15, memlevel, strategy)
        c = co.compress(text) + co.flush()
        print(memlevel, strategy, len(c), zlib.crc32(c))
co = zlib.compressobj(level=9, wbits=-12, zdict=b"the quick brown fox")
parts = [co.compress(text[:1000]), co.flush(zlib.Z_SYNC_FLUSH), co.compress(text[1000:2000]), co.flush(zlib.Z_FULL_FLUSH),
         co.compress(b"x" * 100), co.flush(zlib.Z_PARTIAL_FLUSH), co.flush(zlib.Z_BLOCK), co.flush(zlib.Z_NO_FLUSH),
         co.compress(text[2000:]), co.flush()]
print([len(p) for p in parts], zlib.crc32(b"".join(parts)))
stream = b"".join(parts)
do = zlib.decompressobj(-12, zdict=b"the quick brown fox")
print(do.decompress(stream) == text[:2000] + b"x" * 100 + text[2000:], do.eof)
co = zlib.compressobj()
head = co.compress(text[:500])
cp = co.copy()
a = head + co.compress(b"one") + co.flush()
b = head + cp.compress(b"two") + cp.flush()
print(zlib.decompress(a)[-10:], zlib.decompress(b)[-10:])
import copy
cp2 = copy.copy(zlib.compressobj())
print(type(cp2).__name__, zlib.decompress(cp2.compress(b"z") + cp2.flush()))

print("== decompressobj")
c = zlib.compress(text, 9)
do = zlib.decompressobj()
out = do.decompress(c, 100)
print(len(out), len(do.unconsumed_tail), do.unused_data, do.eof)
n = 1
while do.unconsumed_tail:
    out += do.decompress(do.unconsumed_tail, 1000)
    n += 1
out += do.flush()
print(n, out == text, do.eof, do.unconsumed_tail, do.unused_data)
do = zlib.decompressobj()
out = b"".join(do.decompress(c[i:i + 7]) for i in range(0, len(c), 7))
print(out == text, do.eof, do.unused_data)
do = zlib.decompressobj()
print(do.decompress(c + b"TRAILER") == text, do.unused_data, do.unconsumed_tail, do.eof)
print(do.decompress(b"more"), do.unused_data, do.flush())
do = zlib.decompressobj()
do.decompress(c[:200])
dc = do.copy()
print(len(do.decompress(c[200:]) + do.flush()), len(dc.decompress(c[200:]) + dc.flush()))
do = zlib.decompressobj()
print(len(do.decompress(c[:-4])), do.eof, len(do.flush()), do.eof)
do = zlib.decompressobj()
print(len(do.flush()), do.eof)
d2 = zlib.decompressobj(zdict=b"hello")
ch = zlib.compressobj(zdict=b"hello")
print(d2.decompress(ch.compress(b"hello hello") + ch.flush()))
print(zlib.decompressobj(wbits=-15).decompress(zlib.compress(b"raw?", wbits=-15)))

print("== checksums")
for data in inputs:
    print(zlib.crc32(data), zlib.adler32(data), zlib.crc32(data, 99), zlib.adler32(data, 99))
print(zlib.crc32(b"abc", -1), zlib.adler32(b"abc", 2 ** 40 + 7), zlib.crc32(memoryview(b"abc")), zlib.adler32(bytearray(b"abc")))
run = 0
for i in range(0, len(text), 100):
    run = zlib.crc32(text[i:i + 100], run)
print(run == zlib.crc32(text))

print("== errors")
t(lambda: zlib.decompress(b"abc"))
t(lambda: zlib.decompress(b""))
t(lambda: zlib.decompress(zlib.compress(b"hello")[:-3]))
t(lambda: zlib.decompress(zlib.compress(b"hello")[:-1] + b"\x00"))
t(lambda: zlib.decompress(b"x\x9c" + b"\xff" * 10))
t(lambda: zlib.decompress(b"x", wbits=99))
t(lambda: zlib.decompress(b"x", bufsize=-1))
t(lambda: zlib.compress(b"a", 12))
t(lambda: zlib.compress(b"a", wbits=99))
t(lambda: zlib.compress("text"))
t(lambda: zlib.crc32("text"))
t(lambda: zlib.compressobj(level=12))
t(lambda: zlib.compressobj(wbits=7))
t(lambda: zlib.compressobj(method=9))
t(lambda: zlib.compressobj(memLevel=0))
t(lambda: zlib.compressobj(strategy=9))
t(lambda: zlib.compressobj(zdict="x"))
t(lambda: zlib.decompressobj(zdict="x"))
t(lambda: zlib.decompressobj(wbits=99))
co = zlib.compressobj()
co.compress(b"a")
co.flush()
t(lambda: co.compress(b"b"))
t(lambda: co.flush())
t(lambda: co.copy())
print(co.flush(zlib.Z_NO_FLUSH))
do = zlib.decompressobj()
t(lambda: do.decompress(b"abc"))
t(lambda: do.flush(0))
t(lambda: do.decompress(b"", -1))
do = zlib.decompressobj()
do.decompress(zlib.compress(b"x"))
print(do.flush(), do.eof)
t(lambda: do.copy())
t(lambda: do.flush())
t(lambda: zlib.decompressobj(zdict=b"abc").decompress(zlib.compressobj(zdict=b"xyz").compress(b"abc")))
t(lambda: zlib.decompressobj().decompress(zlib.compressobj(zdict=b"xyz").compress(b"abc") + zlib.compressobj(zdict=b"xyz").flush()))
print(zlib.error.__mro__, zlib.error.__module__, type(zlib.compressobj()), type(zlib.decompressobj()))
print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, sorted(n for n in dir(zlib) if not n.startswith("_")))
print([getattr(zlib, n) for n in sorted(dir(zlib)) if n.isupper() and isinstance(getattr(zlib, n), int)])
t(lambda: zlib.compress(data=b"x"))
t(lambda: zlib.compress(b"x", data=b"y"))
t(lambda: zlib.compress())
t(lambda: zlib.decompress(b"x", 1, 2, 3))
t(lambda: zlib.decompressobj().decompress(data=b""))
t(lambda: zlib.compress(b"x", level="a"))
print(zlib.decompressobj().decompress(zlib.compress(b"kw"), max_length=1), zlib.compress(b"k", wbits=-9, level=1))
import pickle
for o in (zlib.compressobj(), zlib.decompressobj()):
    t(lambda: pickle.dumps(o))
    print(type(copy.deepcopy(o)).__name__)

print("== large")
big = b"".join(b"%08d|" % (i * 7919 % 100000000) for i in range(400000))
cb = zlib.compress(big, 1)
print(len(big), len(cb), zlib.crc32(cb), zlib.decompress(cb) == big, zlib.decompress(cb, 15, 1) == big)
do = zlib.decompressobj()
sizes = []
chunk = do.decompress(cb, 300000)
got = [chunk]
while not do.eof:
    chunk = do.decompress(do.unconsumed_tail, 700001)
    sizes.append(len(chunk))
    got.append(chunk)
print(sizes, b"".join(got) == big)
co = zlib.compressobj(1)
pieces = [co.compress(big[i:i + 1000003]) for i in range(0, len(big), 1000003)] + [co.flush()]
print([len(p) for p in pieces], b"".join(pieces) == cb)
