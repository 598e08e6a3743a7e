# _lzma over the system liblzma and the lzma module on top: compressed bytes identical to
# CPython's for each format, preset, check and filter chain; filter properties; incremental
# decompression; errors.
import io
import lzma
import _lzma


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


data = b"hello world " * 500 + bytes(range(256)) * 3
for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    for preset in (0, 6, 9 | lzma.PRESET_EXTREME):
        x = lzma.compress(data, format=fmt, preset=preset)
        print(fmt, preset, len(x), x[:30].hex(), x[-20:].hex(), lzma.decompress(x) == data)
for chk in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    x = lzma.compress(data, check=chk)
    dd = lzma.LZMADecompressor()
    dd.decompress(x)
    print(chk, len(x), x[-16:].hex(), dd.check, lzma.is_check_supported(chk))
print(lzma.LZMADecompressor().check, lzma.is_check_supported(lzma.CHECK_ID_MAX), lzma.is_check_supported(lzma.CHECK_UNKNOWN))
filters = [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_X86, "start_offset": 0},
           {"id": lzma.FILTER_LZMA2, "preset": 7, "dict_size": 1 << 20, "lc": 2, "lp": 1, "pb": 1, "mode": lzma.MODE_FAST,
            "nice_len": 64, "mf": lzma.MF_HC4, "depth": 10}]
x = lzma.compress(data, format=lzma.FORMAT_RAW, filters=filters)
print(len(x), x[:30].hex(), lzma.decompress(x, format=lzma.FORMAT_RAW, filters=filters) == data)
x = lzma.compress(data, filters=filters)
print(len(x), x.hex()[:80], lzma.decompress(x) == data)
for fid in (lzma.FILTER_ARM, lzma.FILTER_ARMTHUMB, lzma.FILTER_SPARC, lzma.FILTER_POWERPC, lzma.FILTER_IA64):
    x = lzma.compress(data, filters=[{"id": fid}, {"id": lzma.FILTER_LZMA2, "preset": 1}])
    print(fid, len(x), lzma.decompress(x) == data)
x = lzma.compress(data, format=lzma.FORMAT_ALONE, filters=[{"id": lzma.FILTER_LZMA1, "preset": 2, "mf": lzma.MF_BT2}])
print(len(x), x[:13].hex(), lzma.decompress(x) == data)
print(lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1, "preset": 3}))
print(lzma._encode_filter_properties({"id": lzma.FILTER_LZMA2}), lzma._encode_filter_properties({"id": lzma.FILTER_DELTA, "dist": 9}))
print(lzma._encode_filter_properties({"id": lzma.FILTER_X86, "start_offset": 256}))
print(lzma._decode_filter_properties(lzma.FILTER_LZMA1, b"]\x00\x00\x80\x00"))
print(lzma._decode_filter_properties(lzma.FILTER_LZMA2, b"\x10"), lzma._decode_filter_properties(lzma.FILTER_DELTA, b"\x08"))
print(lzma._decode_filter_properties(lzma.FILTER_X86, b"\x00\x01\x00\x00"))

xz = lzma.compress(data)
dd = lzma.LZMADecompressor()
r = dd.decompress(xz, 100)
print(len(r), dd.needs_input, dd.eof, dd.check)
r += dd.decompress(b"", 0)
print(len(r), dd.needs_input)
while not dd.eof:
    r += dd.decompress(b"", 4000)
print(r == data, dd.unused_data, dd.needs_input)
t(lambda: dd.decompress(b"x"))
dd = lzma.LZMADecompressor()
print(len(dd.decompress(xz + b"junk")), dd.unused_data, dd.eof)
dd = lzma.LZMADecompressor()
print(b"".join(dd.decompress(xz[i:i + 50]) for i in range(0, len(xz), 50)) == data, dd.eof)
print(lzma.decompress(xz + xz) == data * 2)
co = lzma.LZMACompressor(preset=1)
parts = [co.compress(data[:1000]), co.compress(b""), co.compress(data[1000:]), co.flush()]
print([len(p) for p in parts], lzma.decompress(b"".join(parts)) == data)

f = io.BytesIO()
with lzma.LZMAFile(f, "w", preset=2) as w:
    w.write(data)
print(len(f.getvalue()), f.getvalue()[:12].hex())
with lzma.open(io.BytesIO(f.getvalue())) as rd:
    print(rd.read(5), len(rd.read()))

t(lambda: lzma.compress(b"x", filters=[{"id": 99}]))
t(lambda: lzma.compress(b"x", filters=[{"dist": 99}]))
t(lambda: lzma.compress(b"x", filters=[3]))
t(lambda: lzma.compress(b"x", filters=[{"id": lzma.FILTER_LZMA2, "foo": 1}]))
t(lambda: lzma.compress(b"x", filters=[{"id": lzma.FILTER_DELTA, "dist": "a"}]))
t(lambda: lzma.compress(b"x", filters=[{"id": lzma.FILTER_LZMA2, "preset": 99}]))
t(lambda: lzma.compress(b"x", filters=[{"id": lzma.FILTER_LZMA2}] * 5))
t(lambda: lzma.compress(b"x", filters=[{"id": lzma.FILTER_X86}]))
t(lambda: lzma.compress(b"x", preset=10))
t(lambda: lzma.compress(b"x", format=lzma.FORMAT_ALONE, preset=10))
t(lambda: lzma.compress(b"x", format=lzma.FORMAT_ALONE, filters=[{"id": lzma.FILTER_LZMA2}]))
t(lambda: lzma.compress(b"x", format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32))
t(lambda: lzma.compress(b"x", format=lzma.FORMAT_RAW))
t(lambda: lzma.compress(b"x", preset=1, filters=filters))
t(lambda: lzma.compress(b"x", format=9))
t(lambda: lzma.compress(b"x", check=99))
t(lambda: lzma.decompress(b"garbage data here"))
t(lambda: lzma.decompress(lzma.compress(data)[:-10]))
t(lambda: lzma.decompress(lzma.compress(data)[:50] + b"\x00" * 40 + lzma.compress(data)[90:]))
t(lambda: lzma.LZMADecompressor(memlimit=1).decompress(lzma.compress(data)))
t(lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, memlimit=5))
t(lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW))
t(lambda: lzma.LZMADecompressor(format=lzma.FORMAT_XZ, filters=filters))
t(lambda: lzma.LZMADecompressor(format=7))
t(lambda: lzma.LZMADecompressor().decompress(b"", -1))
t(lambda: lzma._decode_filter_properties(lzma.FILTER_LZMA1, b"\xff\x00"))
t(lambda: lzma._decode_filter_properties(12345, b""))
co = lzma.LZMACompressor()
co.flush()
t(lambda: co.compress(b"x"))
t(lambda: co.flush())
print(_lzma.LZMAError.__mro__, _lzma.LZMAError.__module__, sorted(n for n in dir(_lzma) if n.isupper()))
print([getattr(_lzma, n) for n in sorted(dir(_lzma)) if n.isupper()])
import copy
import pickle
for o in (lzma.LZMACompressor(), lzma.LZMADecompressor()):
    t(lambda: pickle.dumps(o))
    t(lambda: copy.deepcopy(o))
try:
    class Sub(lzma.LZMADecompressor):
        pass
except TypeError as e:
    print(e)

big = b"".join(b"%08d|" % (i * 7919 % 100000000) for i in range(300000))
xb = lzma.compress(big, preset=0)
dd = lzma.LZMADecompressor()
sizes = []
while not dd.eof:
    sizes.append(len(dd.decompress(xb if not sizes else b"", 600000)))
print(len(xb), sizes, lzma.decompress(xb) == big)
