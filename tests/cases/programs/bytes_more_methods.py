# bytes and bytearray: partition, splitlines, padding, zfill, expandtabs, istitle, removeprefix.

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for t in [bytes, bytearray]:
    v = t(b"key=value=x")
    print(v.partition(b"="), v.rpartition(b"="), v.partition(b"#"), v.rpartition(b"#"))
    show(lambda: v.partition(b""))
    show(lambda: v.partition("="))
    print(t(b"a\nb\r\nc\rd\n\n").splitlines(), t(b"a\nb\r\nc\rd\n\n").splitlines(True), t(b"").splitlines(), t(b"x").splitlines(keepends=True))
    w = t(b"abc")
    print(w.ljust(6), w.rjust(6, b"*"), w.center(6, b"-"), w.center(7), w.center(2), w.ljust(-1))
    print(t(b"ab").center(5, b"."), t(b"ab").center(6, b"."), t(b"a").center(4, b"."))
    show(lambda: w.ljust(5, b"ab"))
    show(lambda: w.ljust(5, "a"))
    print(t(b"42").zfill(5), t(b"-42").zfill(5), t(b"+4").zfill(4), t(b"").zfill(3), t(b"abc").zfill(2))
    print(t(b"a\tbc\td\n\tx").expandtabs(), t(b"a\tb").expandtabs(4), t(b"a\tb").expandtabs(0), t(b"a\tb").expandtabs(tabsize=2))
    for s in [b"Hello World", b"hello", b"HeLLo", b"A1 B2", b"", b"123", b"Ab Cd"]:
        print(s, t(s).istitle())
    print(t(b"prefix-body").removeprefix(b"prefix-"), t(b"body").removeprefix(b"x"), t(b"body.py").removesuffix(b".py"), t(b"a").removesuffix(b""))
    print(t(b"Hello World").swapcase(), t(b"hello world").title(), t(b"hELLO").capitalize(), t(b"ABC").isupper(), t(b"abc1").islower(), t(b"ab1").isalnum())

# maketrans / translate
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), table[97:100], bytearray.maketrans(b"a", b"b")[97])
for t in [bytes, bytearray]:
    print(t(b"aabbcc-abc").translate(table), t(b"hello").translate(None, b"l"), t(b"hello").translate(table, delete=b"eo"))
    show(lambda: t(b"x").translate(b"short"))
show(lambda: bytes.maketrans(b"ab", b"c"))
show(lambda: bytes.maketrans("a", "b"))
