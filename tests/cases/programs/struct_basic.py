# struct: formats, byte orders, alignment, half floats, buffers and error messages.
import struct


def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


for fmt in ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "e", "f", "d", "?", "c", "P", "x", "5s", "5p",
            "ci", "ic", "llh0l", "c0i", "bhiqd", "@e?P", "3s i", "<ci", ">qh", "!hhl", "=bl", "2x3b", "0s", ""]:
    print(repr(fmt), struct.calcsize(fmt))

values = {"b": -5, "B": 250, "h": -300, "H": 65000, "i": -70000, "I": 4000000000, "l": -2 ** 40, "L": 2 ** 63,
          "q": -2 ** 62, "Q": 2 ** 64 - 1, "n": -7, "N": 7, "e": 1.5, "f": 0.1, "d": 1e100, "?": True, "c": b"z", "P": 1234}
for order in "@=<>!":
    for code, v in values.items():
        if order != "@" and code in "nNP":
            continue
        if order != "@" and code in "lL":
            v = v >> 33 if code == "L" else -2 ** 20
        packed = struct.pack(order + code, v)
        print(order, code, packed.hex(), struct.unpack(order + code, packed))

print(struct.pack("5s", b"ab"), struct.pack("2s", b"abcdef"), struct.pack("5p", b"abcdefg"), struct.pack("3p", b"a"))
print(struct.unpack("5p", b"\x09abcd"), struct.pack("s", bytearray(b"xy")))
print(struct.pack("<hxxi", 1, 2), struct.pack("@bi", 1, 2), struct.pack("@bq", 1, 2), struct.pack("<?h?", 5, -1, 0))
print(struct.unpack("<2h3s", b"\x01\x00\x02\x00abc"), struct.unpack(">d", bytes.fromhex("3ff8000000000000")))
for x in [0.0, -0.0, 65504.0, 6.1e-05, 5.96e-08, 1e-8, 0.333, float("inf"), -float("inf"), 2.0 ** -24, 65519.0]:
    print(x, struct.pack("<e", x).hex(), struct.unpack("<e", struct.pack("<e", x)))
print(struct.unpack("<e", b"\x00\x7e")[0], struct.unpack("<f", struct.pack("<f", float("nan")))[0])
print(struct.pack("<f", 3), struct.pack("<d", 2), struct.pack("f", 1e300))

buf = bytearray(12)
struct.pack_into("<hi", buf, 2, 7, -1)
print(buf)
struct.pack_into("<h", buf, -2, 0x4142)
print(buf, struct.unpack_from("<i", buf, 4), struct.unpack_from("<h", buf, offset=-2), struct.unpack_from("b", buf))
mv = memoryview(buf)
struct.pack_into("B", mv, 0, 99)
print(buf[0], struct.unpack_from("<h", mv, 2), struct.unpack("<3i", mv))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")))
it = struct.iter_unpack("b", b"abc")
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))

s = struct.Struct("<hH")
print(s.format, s.size, s.pack(-1, 1), s.unpack(b"\xff\xff\x01\x00"), s.unpack_from(b"\x00\x01\x00\x02\x00", 1))
print(struct.Struct(b">i").format, struct.Struct(format="i").size)
class MyStruct(struct.Struct):
    def __init__(self, fmt):
        super().__init__(fmt)
        self.extra = "extra"
m = MyStruct("<q")
print(type(m).__name__, m.size, m.extra, m.unpack(m.pack(5)), isinstance(m, struct.Struct))
print(struct.error.__module__, struct.error.__name__, issubclass(struct.error, Exception))

for fmt, v in [("b", 128), ("b", -129), ("B", -1), ("B", 256), ("h", 2 ** 15), ("H", -1), ("i", 2 ** 31), ("I", -1),
               ("I", 2 ** 32), ("l", 2 ** 63), ("L", -1), ("q", 2 ** 63), ("Q", -1), ("Q", 2 ** 64), ("<i", 2 ** 31),
               ("<l", 2 ** 31), ("<L", 2 ** 32), ("<i", 2 ** 63), ("P", 2 ** 64), ("b", 1.5), ("b", "1"),
               ("c", b"ab"), ("c", 1), ("c", bytearray(b"a")), ("s", "x"), ("p", 1), ("f", "x"), ("d", None),
               ("e", 1e10), ("<f", 1e300), ("e", 65520.0)]:
    attempt(lambda: struct.pack(fmt, v))
class Idx:
    def __index__(self):
        return 7
print(struct.pack("b", Idx()), struct.pack("d", Idx()) if False else "")
for fmt in ["3", "y", "n<", "<n", "<P", "i 3", "99999999999999999999i", "z"]:
    attempt(lambda: struct.calcsize(fmt))
attempt(lambda: struct.Struct(1))
attempt(lambda: struct.pack())
attempt(lambda: struct.pack("ii", 1))
attempt(lambda: struct.pack("i", 1, 2))
attempt(lambda: struct.unpack("i", b"abc"))
attempt(lambda: struct.unpack("i", "abcd"))
attempt(lambda: struct.unpack_from("i", b"abcdef", 4))
attempt(lambda: struct.unpack_from("i", b"abcdef", -8))
attempt(lambda: struct.pack_into("i", bytearray(4), 2, 1))
attempt(lambda: struct.pack_into("i", bytearray(4), -8, 1))
attempt(lambda: struct.pack_into("i", bytearray(8), -2, 1))
attempt(lambda: struct.pack_into("i", b"abcd", 0, 1))
attempt(lambda: struct.pack_into("i", bytearray(4)))
attempt(lambda: struct.pack_into("i"))
attempt(lambda: struct.pack_into("i", bytearray(4), 0))
attempt(lambda: struct.iter_unpack("i", b"abcde"))
attempt(lambda: struct.iter_unpack("", b""))
b2 = bytearray(4)
attempt(lambda: struct.pack_into("bb", b2, 0, 1, 1000))
print(b2)
