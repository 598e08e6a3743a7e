# bytes: construction, repr, sequence protocol, comparisons, hashing.

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: bytes())
show(lambda: bytes(3))
show(lambda: bytes([65, 66, 67]))
show(lambda: bytes(range(250, 256)))
show(lambda: bytes((i for i in [1, 2])))
show(lambda: bytes("héllo", "utf-8"))
show(lambda: bytes("abc", encoding="ascii"))
show(lambda: bytes("é", "latin-1"))
show(lambda: bytes("abc"))
show(lambda: bytes(b"xyz"))
show(lambda: bytes([256]))
show(lambda: bytes([-1]))
show(lambda: bytes(["a"]))
show(lambda: bytes(-1))
show(lambda: bytes(1.5))
show(lambda: bytes(3, "ascii"))
show(lambda: bytes(errors="strict"))
show(lambda: bytes("x", "nope"))

class B:
    def __bytes__(self):
        return b"from dunder"

class Bad:
    def __bytes__(self):
        return 42

show(lambda: bytes(B()))
show(lambda: bytes(Bad()))

for b in [b"", b"a'b", b'a"b', b"a'\"b", b"\x00\x7f\x80\xff\t\n\r\\", b"plain text"]:
    print(repr(b), str(b), len(b))

b = b"hello world"
print(b[0], b[-1], b[1:4], b[::-1], b[::2], b[100:], b[-3:])
show(lambda: b[11])
show(lambda: b[-12])
show(lambda: b["x"])
print(list(b"abc"), [x for x in b"\x00\xff"])
print(104 in b, b"wor" in b, b"" in b, 0 in b, b"xyz" in b)
show(lambda: 300 in b)
show(lambda: "h" in b)
print(b"ab" + b"cd", b"ab" * 3, 2 * b"x", b"ab" * 0, b"ab" * -1)
show(lambda: b"ab" + "cd")
show(lambda: b"ab" * 1.5)
print(b"a" < b"b", b"ab" < b"a", b"abc" == b"abc", b"abc" != b"abd", b"" <= b"", b"b" >= b"abc")
print(b"a" == "a", b"a" != 1)
show(lambda: b"a" < "a")
print(hash(b""), hash(b"a") == hash("a"), hash(b"hello") == hash("hello"), hash(b"\xff\x00") == hash(b"\xff\x00"))
d = {b"k": 1}
print(d[b"k"], b"k" in {b"k"}, type(b), type(b).__name__)
print(isinstance(b, bytes), bytes.__name__)
x = b"const"
print(x == b"const", x.__bytes__())
print(b"%s" if False else b"ok")

# Builtins over bytes, formatting, huge sizes.
b = b"hello"
print(list(reversed(b)), sorted(b), max(b), sum(b), set([b"a", b"a"]), [b"a"].index(b"a"))
print(f"{b}", "%s %r" % (b, b), format(b), str(bytearray(b"q")))
print(b"".join([b"a"]) is not None, len(bytearray(5)), bytes(bytearray(b"x")) == b"x")
print(bytes.__hash__(b"a") == hash(b"a"))

try:
    bytes(2**40)
except Exception as e:
    print(type(e).__name__, e)
try:
    bytes(10**30)
except Exception as e:
    print(type(e).__name__, e)
print(b"a" == bytearray(b"a"), bytearray(b"a") == b"a", b"abc"[1:] == bytearray(b"bc"))
print(dict.fromkeys(b"ab"), b"x".decode("utf-8", errors="strict"), b"ab".count(97))
print(isinstance(bytearray(), bytes), type(b"")(b"z"))
print(hash(b"\xff\x00abc"), hash(b"x" * 100), hash(bytes(range(256))), hash(bytearray(b"q").decode()))
