# mmap: file-backed and anonymous maps, item/slice access, file-like methods, errors.
import mmap
import os
import tempfile


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(sorted(k for k in dir(mmap) if k.isupper()))
print(mmap.PAGESIZE, mmap.ALLOCATIONGRANULARITY, mmap.error is OSError)
print(sorted(k for k in dir(mmap.mmap) if not k.startswith("__")))

fd, path = tempfile.mkstemp()
try:
    os.write(fd, b"hello\nworld\nabc\n")
    m = mmap.mmap(fd, 0)
    print(repr(m))
    print(len(m), m.size(), m[0], m[-1], m[:5], m[::2], m[::-1], m[100:], m[3:1])
    print(m.readline(), m.tell(), m.readline(), m.read(2), m.read(), m.read(), m.tell())
    m.seek(0)
    print(m.read_byte(), m.tell(), m.find(b"world"), m.find(b"o", 5), m.rfind(b"o"), m.find(b"zz"))
    print(m.find(b""), m.rfind(b""), m.find(b"", 50), m.rfind(b"l", -12, -5), m.find(bytearray(b"abc")))
    m[0] = ord("H")
    m[6:11] = b"WORLD"
    m[12::2] = b"XY"
    print(m[:], bytes(m))
    m.seek(0, 2)
    print(m.tell())
    m.seek(-4, 1)
    print(m.tell(), m.read(100))
    m.seek(0)
    print(m.write(b"J"), m.tell(), m.write_byte(ord("E")), m[:3])
    m.move(0, 6, 5)
    print(m[:])
    m.flush()
    print(m.flush(0, len(m)))
    m.resize(20)
    print(len(m), m.size(), os.path.getsize(path), m[16:])
    m.resize(10)
    print(len(m), os.fstat(fd).st_size, m[:])
    print(list(m)[:3], b"W" in list(m))
    with memoryview(m) as v:
        print(v[0], bytes(v)[1:4], v.readonly, v.nbytes)
        t("close exported", m.close)
        t("resize exported", lambda: m.resize(5))
    print(bytes(m[1:3]), bytearray(m)[:2])
    with m as mm:
        print(mm is m, mm.closed)
    print(m.closed, repr(m))
    for name, f in [("getitem", lambda: m[0]), ("read", m.read), ("len", lambda: len(m)),
                    ("size", m.size), ("tell", m.tell), ("write", lambda: m.write(b"a")),
                    ("memoryview", lambda: memoryview(m)), ("enter", lambda: m.__enter__()),
                    ("bytes", lambda: bytes(m))]:
        t(name, f)
    m.close()

    with open(path, "r+b") as f:
        r = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        print(repr(r), r[:5])
        t("ro setitem", lambda: r.__setitem__(0, 65))
        t("ro slice", lambda: r.__setitem__(slice(0, 1), b"A"))
        t("ro write", lambda: r.write(b"a"))
        t("ro write_byte", lambda: r.write_byte(65))
        t("ro move", lambda: r.move(0, 1, 1))
        t("ro resize", lambda: r.resize(3))
        t("ro flush", lambda: r.flush())
        with memoryview(r) as v:
            print(v.readonly)
        r.close()
        c = mmap.mmap(f.fileno(), 5, access=mmap.ACCESS_COPY)
        c[0] = ord("z")
        print(repr(c), c[:5], open(path, "rb").read(5))
        t("copy resize", lambda: c.resize(2))
        c.close()
        w = mmap.mmap(f.fileno(), 4, access=mmap.ACCESS_WRITE, offset=0)
        w[:4] = b"abcd"
        w.close()
        print(open(path, "rb").read())
        p = mmap.mmap(f.fileno(), 3, prot=mmap.PROT_READ)
        print(repr(p))
        p.close()
        t("offset", lambda: mmap.mmap(f.fileno(), 0, offset=mmap.PAGESIZE * 10))
        t("odd offset", lambda: mmap.mmap(f.fileno(), 0, offset=3))
        t("too long", lambda: mmap.mmap(f.fileno(), 100))
        t("neg length", lambda: mmap.mmap(f.fileno(), -1))
        t("neg offset", lambda: mmap.mmap(f.fileno(), 0, offset=-1))
        t("bad access", lambda: mmap.mmap(f.fileno(), 0, access=7))
        t("both", lambda: mmap.mmap(f.fileno(), 0, access=1, prot=1))
        t("both flags", lambda: mmap.mmap(f.fileno(), 0, flags=mmap.MAP_PRIVATE, access=2))
    with open(path, "wb"):
        pass
    with open(path, "rb") as f:
        t("empty", lambda: mmap.mmap(f.fileno(), 0))
finally:
    os.close(fd)
    os.unlink(path)

a = mmap.mmap(-1, 8)
print(repr(a), a[:], a.size() if False else len(a))
t("anon size", a.size)
t("index", lambda: a[8])
t("neg index", lambda: a[-9])
t("str index", lambda: a["x"])
t("float index", lambda: a[1.0])
t("set big", lambda: a.__setitem__(0, 256))
t("set neg", lambda: a.__setitem__(0, -1))
t("set bytes", lambda: a.__setitem__(0, b"a"))
t("set out", lambda: a.__setitem__(8, 1))
t("slice size", lambda: a.__setitem__(slice(0, 2), b"abc"))
t("slice str", lambda: a.__setitem__(slice(0, 2), "ab"))
t("ext slice size", lambda: a.__setitem__(slice(None, None, 3), b"ab"))
t("del item", lambda: a.__delitem__(0))
t("del slice", lambda: a.__delitem__(slice(0, 1)))
t("seek far", lambda: a.seek(9))
t("seek neg", lambda: a.seek(-1))
t("seek how", lambda: a.seek(0, 3))
t("seek end", lambda: a.seek(1, 2))
t("write far", lambda: a.write(b"x" * 9))
t("write str", lambda: a.write("x"))
t("find str", lambda: a.find("x"))
t("read str", lambda: a.read("x"))
t("read neg", lambda: a.read(-5))
t("write_byte big", lambda: a.write_byte(300))
t("write_byte neg", lambda: a.write_byte(-1))
t("write_byte bytes", lambda: a.write_byte(b"a"))
t("move out", lambda: a.move(0, 4, 5))
t("move neg", lambda: a.move(-1, 0, 1))
t("flush out", lambda: a.flush(0, 9))
t("flush neg", lambda: a.flush(0, -1))
t("madvise", lambda: a.madvise(mmap.MADV_NORMAL))
t("madvise start", lambda: a.madvise(mmap.MADV_NORMAL, 8))
t("madvise len", lambda: a.madvise(mmap.MADV_NORMAL, 0, -1))
t("madvise big len", lambda: a.madvise(mmap.MADV_NORMAL, 0, 1000))
t("madvise bad", lambda: a.madvise(999))
t("anon zero", lambda: mmap.mmap(-1, 0))
t("add", lambda: a + b"")
t("mul", lambda: a * 2)
t("contains", lambda: b"\x00" in a)
a.seek(8)
t("read_byte end", a.read_byte)
t("write_byte end", lambda: a.write_byte(1))
t("readline end", a.readline)
a.resize(16)
print(len(a), a.tell(), a[:])
a.resize(4)
print(len(a), a.tell(), a.read(), a.readline(), a.find(b"\x00"))
t("write past", lambda: a.write(b"x"))
a.close()
a.close()
print(a.closed)


class Sub(mmap.mmap):
    pass


s = Sub(-1, 4)
s.extra = 1
print(type(s).__name__, len(s), s.extra, isinstance(s, mmap.mmap))
s.close()

t("no args", lambda: mmap.mmap())
t("one arg", lambda: mmap.mmap(-1))
t("seven args", lambda: mmap.mmap(-1, 1, 1, 3, 0, 0, 9))
t("bad keyword", lambda: mmap.mmap(-1, 1, x=1))
t("keywords", lambda: len(mmap.mmap(fileno=-1, length=3, access=mmap.ACCESS_WRITE)))
t("str fileno", lambda: mmap.mmap("a", 1))
t("str length", lambda: mmap.mmap(-1, "1"))
t("huge length", lambda: mmap.mmap(-1, 2 ** 63))
