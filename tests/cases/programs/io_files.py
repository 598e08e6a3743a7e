# Reading and writing files through open(): text and binary, newline modes, encodings,
# seek/tell, iteration, context managers.
# The files live in /tmp under fixed names; they are removed at the end where os imports.
P = "/tmp/taipan_io_files_case.txt"


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


with open(P, "w") as f:
    print(type(f).__name__, f.mode, f.encoding, f.errors, f.line_buffering, f.closed)
    print(f.write("first line\n"), f.write("second\r\nthird\rfourth\n"), f.write("no newline"))
    print(f.writable(), f.readable(), f.seekable())
print(f.closed)

with open(P, "rb") as f:
    data = f.read()
    print(data, len(data), type(f).__name__, f.mode)

with open(P) as f:
    print(f.readline(), end="|")
    print(repr(f.readline()))
    print(f.readlines())
    print(repr(f.read()), f.newlines)

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(P, newline=nl) as f:
        print(repr(nl), list(f))

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(P, "w", newline=nl) as f:
        f.write("a\nb\r\nc")
    with open(P, "rb") as f:
        print(repr(nl), f.read())

with open(P, "w", encoding="latin-1") as f:
    f.write("caf\xe9 \xff\n")
with open(P, "rb") as f:
    print(f.read())
with open(P, encoding="latin-1") as f:
    print(ascii(f.read()))
show(lambda: open(P, encoding="utf-8").read())
with open(P, encoding="utf-8", errors="replace") as f:
    print(ascii(f.read()))
with open(P, encoding="ascii", errors="ignore") as f:
    print(ascii(f.read()))
with open(P, "w", encoding="ascii", errors="backslashreplace") as f:
    f.write("snow \u2603 done\n")
with open(P, "rb") as f:
    print(f.read())
show(lambda: open(P, "w", encoding="ascii").write("\u2603"))
show(lambda: open(P, encoding="no-such-codec"))

with open(P, "w", encoding="utf-8") as f:
    f.write("h\xe9llo\nw\u00f6rld \u2603\nend\n")
with open(P, encoding="utf-8") as f:
    print(f.tell(), repr(f.readline()), f.tell())
    pos = f.tell()
    print(repr(f.readline()), f.tell())
    f.seek(pos)
    print(repr(f.read(3)), repr(f.readline(2)))
    f.seek(0)
    print(repr(f.read()))
    print(f.seek(0, 2), repr(f.read()))
    show(lambda: f.seek(1, 1))
    show(lambda: f.seek(-3))

with open(P, "rb") as f:
    print(f.read(3), f.tell(), f.peek(2)[:2], f.read1(4), f.tell())
    print(f.seek(-4, 2), f.read(), f.seek(2), f.readline(), f.tell())
    b = bytearray(5)
    f.seek(0)
    print(f.readinto(b), b)
    print(list(f))

with open(P, "wb") as f:
    print(f.write(b"0123456789"), f.tell())
    f.seek(3)
    f.write(b"abc")
    print(f.tell(), f.truncate(8))
with open(P, "rb") as f:
    print(f.read())

with open(P, "r+b") as f:
    print(f.read(2))
    f.write(b"XY")
    print(f.tell(), f.read())
    f.seek(0)
    print(f.read())

with open(P, "a") as f:
    print(f.tell())
    f.write("++")
with open(P) as f:
    print(f.read())

with open(P, "w+") as f:
    f.write("one\ntwo\n")
    f.seek(0)
    print(f.read(), f.tell())

show(lambda: open(P, "x"))
with open(P, "wb") as f:
    print(f.mode, type(f).__name__, f.raw.mode)
    f.write(b"one\ntwo\n")

f = open(P, "rb", buffering=0)
print(type(f).__name__, f.read(2), f.readall(), f.closefd, f.fileno() > 2, f.isatty())
f.close()
print(f.closed, repr(f))
show(lambda: f.read())

f = open(P)
raw = f.buffer.raw
print(type(f.buffer).__name__, type(raw).__name__, raw.name == P, f.name == P)
f.close()
show(lambda: f.read())
show(lambda: f.readline())
show(lambda: f.write("x"))
show(lambda: next(iter(f)))
f = open(P)
b = f.detach()
print(type(b).__name__, repr(f).startswith("<_io.TextIOWrapper"))
show(lambda: f.read())
show(lambda: f.buffer)
b.close()

raw = open(P, "rb", buffering=0)
with open(raw.fileno(), closefd=False) as f:
    print(repr(f.read(3)), f.name == raw.fileno())
print(raw.closed, raw.read(2))
raw.close()

with open(P, "w") as f:
    print("printed", 1, 2, sep="-", end="!\n", file=f)
    print(file=f)
    f.writelines(["x\n", "y\n"])
with open(P) as f:
    print(repr(f.read()))

show(lambda: open("/tmp/taipan_io_no_such_dir/missing.txt"))
show(lambda: open("/tmp"))
show(lambda: open("/tmp", "w"))
show(lambda: open("", "r"))
show(lambda: open(P, "rw"))
show(lambda: open(P, "rbt"))
show(lambda: open(P, "rr"))
show(lambda: open(P, "+"))
show(lambda: open(P, "z"))
show(lambda: open(P, "b"))
show(lambda: open(P, "rb", encoding="utf-8"))
show(lambda: open(P, "rb", newline=""))
show(lambda: open(P, "r", buffering=0))
show(lambda: open(P, newline="x"))
show(lambda: open(3.5))
show(lambda: open(P, "r", opener=lambda path, flags: -1))

try:
    import os
    os.remove(P)
except ImportError:
    pass
