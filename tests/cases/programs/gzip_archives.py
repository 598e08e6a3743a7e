# gzip, zipfile, tarfile and shutil archives over zlib, _bz2 and _lzma: a round trip in a
# temporary directory; archives written with fixed times must be byte-identical to CPython's.
import bz2
import codecs
import gzip
import io
import lzma
import os
import shutil
import tarfile
import tempfile
import zipfile
import zlib

data = b"".join(b"line %d of the test file\n" % i for i in range(2000))
g = gzip.compress(data, mtime=0)
print(len(g), g[:20].hex(), zlib.crc32(g), gzip.decompress(g) == data)
print(gzip.decompress(g + gzip.compress(b"second", 1, mtime=0))[-20:])
for level in (0, 1, 9):
    print(level, zlib.crc32(gzip.compress(data, level, mtime=12345)))
try:
    gzip.decompress(g[:-6])
except EOFError as e:
    print("EOFError", e)
try:
    gzip.decompress(b"\x1f\x8b\x08\x00" + b"\x00" * 20)
except Exception as e:
    print(type(e).__name__, e)
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="name.txt") as f:
    f.write(data[:500])
    f.write(data[500:])
print(len(buf.getvalue()), buf.getvalue()[:24])
with gzip.GzipFile(fileobj=io.BytesIO(buf.getvalue())) as f:
    print(f.read(30), f.seek(1000), len(f.read()), f.name if hasattr(f, "name") else None)
print(codecs.decode(codecs.encode(data, "zlib"), "zlib") == data, len(codecs.encode(data, "zlib")))
print(codecs.encode(b"hello", "base64"), codecs.encode(b"hello", "hex"), codecs.encode(b"hi there", "uu"))

with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "a.txt.gz")
    with gzip.GzipFile(p, "wb", mtime=0) as f:
        f.write(data)
    with open(p, "rb") as f:
        raw = f.read()
    print(len(raw), zlib.crc32(raw))
    with gzip.open(p, "rt") as f:
        print(f.readline(), sum(1 for _ in f))
    src = os.path.join(d, "src")
    os.mkdir(src)
    for i in range(3):
        with open(os.path.join(src, f"f{i}.txt"), "wb") as f:
            f.write(data[: 1000 * (i + 1)])
    zp = os.path.join(d, "z.zip")
    with zipfile.ZipFile(zp, "w") as z:
        for comp in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
            info = zipfile.ZipInfo(f"m{comp}.txt", date_time=(2020, 1, 2, 3, 4, 6))
            info.compress_type = comp
            z.writestr(info, data)
        z.writestr(zipfile.ZipInfo("level1.txt", date_time=(2021, 5, 6, 7, 8, 10)), data, zipfile.ZIP_DEFLATED, 1)
    with open(zp, "rb") as f:
        raw = f.read()
    print("zip", len(raw), zlib.crc32(raw))
    with zipfile.ZipFile(zp) as z:
        for i in z.infolist():
            print(i.filename, i.compress_type, i.file_size, i.compress_size, i.CRC, z.read(i) == data)
        print(z.testzip())
        with z.open("m8.txt") as f:
            print(f.read(12), f.seek(500), f.read(10))
    zp2 = os.path.join(d, "w.zip")
    with zipfile.ZipFile(zp2, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(os.path.join(src, "f1.txt"), "dir/f1.txt")
        with z.open("streamed.bin", "w") as f:
            f.write(data)
    with zipfile.ZipFile(zp2) as z:
        print(z.namelist(), [z.getinfo(n).file_size for n in z.namelist()], z.read("streamed.bin") == data)
        z.extractall(os.path.join(d, "zout"))
    print(sorted(os.listdir(os.path.join(d, "zout"))))
    for mode in ("w:gz", "w:bz2", "w:xz"):
        tp = os.path.join(d, "t.tar." + mode[2:])
        with tarfile.open(tp, mode) as t:
            for i in range(3):
                t.add(os.path.join(src, f"f{i}.txt"), arcname=f"f{i}.txt")
        with tarfile.open(tp) as t:
            names = t.getnames()
            out = os.path.join(d, "out" + mode[2:])
            t.extractall(out)
        print(mode, names, [os.path.getsize(os.path.join(out, n)) for n in names])
    tb = io.BytesIO()
    with tarfile.open(fileobj=tb, mode="w:gz") as t:
        ti = tarfile.TarInfo("fixed.txt")
        ti.size = len(data)
        ti.mtime = 1000000000
        t.addfile(ti, io.BytesIO(data))
    print("tar.gz bytes", len(tb.getvalue()))
    with tarfile.open(fileobj=io.BytesIO(tb.getvalue()), mode="r|gz") as t:
        for m in t:
            print(m.name, m.size, t.extractfile(m).read() == data)
    for fmt in ("zip", "gztar", "bztar", "xztar", "tar"):
        a = shutil.make_archive(os.path.join(d, "arch"), fmt, src)
        dest = os.path.join(d, "un" + fmt)
        shutil.unpack_archive(a, dest)
        print(fmt, os.path.basename(a), sorted(os.listdir(dest)))
    with bz2.open(os.path.join(d, "x.bz2"), "wt") as f:
        f.write("hello bz2\n" * 100)
    with bz2.open(os.path.join(d, "x.bz2"), "rt") as f:
        print(len(f.read()))
    with lzma.open(os.path.join(d, "x.xz"), "wb") as f:
        f.write(data)
    with lzma.open(os.path.join(d, "x.xz")) as f:
        print(f.read() == data)
