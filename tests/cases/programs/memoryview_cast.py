# memoryview.cast: formats, shapes, tolist, item access and comparisons of typed views.
def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

data = bytearray(range(1, 25))
m = memoryview(data)
for fmt in "BbcHhIiLlQqfd?":
    try:
        c = m.cast(fmt)
        print(fmt, c.format, c.itemsize, len(c), c.nbytes, c.shape, c.strides, c.tolist()[:3], c[0], c[-1])
    except Exception as e:
        print(fmt, type(e).__name__, e)
h = m.cast("H")
h[0] = 0xFFFF
print(data[:4], h[0], h[1:3].tolist())
attempt(lambda: h.__setitem__(0, 0x10000))
attempt(lambda: h.__setitem__(0, -1))
attempt(lambda: h.__setitem__(0, 1.5))
i = m.cast("i")
i[1] = -2
print(i.tolist(), data[4:8])
f = memoryview(bytearray(8)).cast("d")
f[0] = 1.5
print(f[0], f.tolist(), bytes(f))
attempt(lambda: f.__setitem__(0, "x"))
f[0] = 3
print(f[0])
q = memoryview(bytearray(16)).cast("q")
q[0] = -(2 ** 63)
q[1] = 2 ** 63 - 1
print(q.tolist())
attempt(lambda: q.__setitem__(0, 2 ** 63))
c = m.cast("c")
print(c[0], c[1:3].tolist())
c[0] = b"z"
attempt(lambda: c.__setitem__(0, b"zz"))
attempt(lambda: c.__setitem__(0, 1))
print(data[:2])
qb = memoryview(bytearray([0, 1, 2])).cast("?")
print(qb.tolist())
qb[0] = 5
print(qb.tolist())

g = m.cast("B", (4, 6))
print(g.ndim, g.shape, g.strides, len(g), g.tolist())
print(g[1, 2], g[-1, -1])
g[0, 0] = 99
print(data[0])
attempt(lambda: g[0])
attempt(lambda: g[0, 6])
attempt(lambda: (g[1:3].shape, g[1:3].tolist(), g[::2].strides))
attempt(lambda: g[1:2, 0:1])
g3 = m.cast("B", [2, 3, 4])
print(g3.shape, g3.strides, g3.tolist()[1][2], g3.tobytes()[:5], g3[1, 2, 3])
g2 = m.cast("H", [3, 4])
print(g2.tolist(), g2.nbytes, g2.cast("B").shape)
z = memoryview(b"a").cast("B", ())
print(z.shape, z.ndim, z.tolist(), z[()], z.strides)
attempt(lambda: m.cast("B", ()))
attempt(lambda: memoryview(b"ab").cast("H", ()).shape)
one = memoryview(b"ab").cast("H", [])
print(one.shape, one.ndim, one.tolist(), one[()])
attempt(lambda: len(one))

attempt(lambda: m.cast("H").cast("I"))
attempt(lambda: memoryview(b"abc").cast("H"))
attempt(lambda: m.cast("B", (5, 5)))
attempt(lambda: m.cast("x"))
attempt(lambda: m.cast("<H"))
attempt(lambda: m.cast("@H").format)
attempt(lambda: m[::2].cast("H"))
attempt(lambda: m.cast(1))
attempt(lambda: m.cast("B", 5))

print(m.cast("H") == m.cast("H"), m.cast("H") == m, m.cast("B") == m, m.cast("b") == m)
print(memoryview(b"\x01\x00").cast("H") == memoryview(b"\x01").cast("B"))
print(memoryview(bytes([1, 0, 0, 0])).cast("i") == memoryview(bytes([1, 0])).cast("h")[:1])
attempt(lambda: hash(memoryview(b"abcd").cast("H")))
print(hash(memoryview(b"abcd").cast("c")) == hash(b"abcd"))
print(memoryview(b"\x00\x00\xc0\x3f").cast("f").tolist(), memoryview(bytes(8)).cast("L").tolist())
print(m.cast("H").cast("B").tobytes() == bytes(data))
