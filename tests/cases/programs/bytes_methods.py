# bytes methods: search, split/join/strip/replace, case, predicates, hex/fromhex.

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = b"hello world, hello bytes"
for args in [(b"hello",), (b"hello", 1), (b"hello", 1, 10), (b"zz",), (ord("o"),), (b"",), (b"", 30), (b"o", -5), (b"", 5, 2)]:
    print(args, b.find(*args), b.rfind(*args), b.count(*args))
show(lambda: b.index(b"zz"))
show(lambda: b.rindex(b"zz"))
print(b.index(b"o"), b.rindex(b"o"))
show(lambda: b.find("o"))
show(lambda: b.find(256))
print(b.startswith(b"hello"), b.startswith(b"world", 6), b.endswith(b"bytes"), b.endswith(b"hello", 0, 5))
print(b.startswith((b"x", b"he")), b.endswith((b"x",)), b.startswith(b""), b.startswith(b"h", 30))
show(lambda: b.startswith("h"))
show(lambda: b.endswith(["h"]))
show(lambda: b.startswith((b"h", "x")))
print(b.split(), b.split(b", "), b.split(b"l"), b.split(b"l", 2), b.rsplit(b"l", 2))
print(b"  a  b   c ".split(), b"  a  b   c ".split(maxsplit=1), b"  a  b   c ".rsplit(None, 1), b"".split(), b"".split(b"x"))
show(lambda: b.split(b""))
show(lambda: b.split("l"))
print(b"-".join([b"a", b"b", b"c"]), b"".join([]), b", ".join((b"x",)), b"/".join(iter([b"1", b"2"])))
show(lambda: b"-".join([b"a", "b"]))
show(lambda: b"-".join([b"a", 1]))
print(b"  hi \n".strip(), b"  hi \n".lstrip(), b"  hi \n".rstrip(), b"xxhixx".strip(b"x"), b"abcba".strip(b"ab"))
show(lambda: b"x".strip("x"))
print(b"aaa".replace(b"a", b"b"), b"aaa".replace(b"a", b"bb", 2), b"abc".replace(b"", b"-"), b"abc".replace(b"", b"-", 2), b"abc".replace(b"x", b"y"))
print(b"Hello World".upper(), b"Hello World".lower(), b"Hello World".swapcase(), b"hello world".capitalize(), b"hello wORLD x1y".title())
print(b"\xe9a".upper())
for t in [b"", b"123", b"abc", b"ABC", b"aB1", b" \t\n", b"a b", b"\x80", b"Abc"]:
    print(t, t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isascii(), t.isupper(), t.islower())
print(b"\x00\xff\x10abc".hex(), b"".hex(), b"abcdef".hex(":"), b"abcdef".hex("-", 2), b"abcde".hex(" ", 2), b"abcde".hex(" ", -2), b"abc".hex(b"|"))
show(lambda: b"ab".hex("::"))
show(lambda: bytes.fromhex("00ff 10 AB"))
show(lambda: bytes.fromhex(""))
show(lambda: bytes.fromhex("0"))
show(lambda: bytes.fromhex("0g"))
show(lambda: bytes.fromhex("zz"))
show(lambda: bytes.fromhex(b"00"))
print(b"abc".__len__(), b"abc".__getitem__(1), b"abc".__contains__(b"b"))
