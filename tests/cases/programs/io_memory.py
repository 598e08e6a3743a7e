# StringIO and BytesIO, the base classes of _io, and subclasses defined in Python.
import _io


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


s = _io.StringIO("hello\nworld\n")
print(s.read(3), repr(s.readline()), s.tell(), repr(s.read()), s.tell())
s.seek(0)
print(list(s), s.getvalue() == "hello\nworld\n")
s.seek(2)
print(s.write("LL"), s.getvalue(), s.tell())
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(10)
s.write("x")
print(repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.line_buffering, s.closed, s.newlines)
s.close()
print(s.closed)
for f in [s.read, s.getvalue, lambda: s.write("x"), s.tell, lambda: s.seek(0)]:
    show(f)

for nl in [None, "", "\n", "\r", "\r\n"]:
    s = _io.StringIO("a\nb\r\nc\rd", newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)

s = _io.StringIO()
print(s.write("sn\u2603w \U0001f40d!"), s.tell(), repr(s.getvalue()))
s.seek(5)
print(repr(s.read(1)), s.tell())
show(lambda: s.write(3))
show(lambda: s.seek(-1))
show(lambda: s.seek(1, 1))
show(lambda: s.seek(0, 7))
show(lambda: _io.StringIO(5))
show(lambda: _io.StringIO("", "x"))
print(s.seek(0, 2), s.seek(0, 1))

with _io.StringIO() as s:
    print("to a", "StringIO", sep=", ", file=s)
    print(repr(s.getvalue()))
print(s.closed)

b = _io.BytesIO(b"line1\nline2\nrest")
print(b.read(2), b.readline(), b.tell(), b.read1(2), b.readlines())
b.seek(0)
print(list(b), b.getvalue())
print(b.seek(3), b.write(b"XX"), b.getvalue(), b.seek(0, 2), b.seek(-2, 1), b.read())
b.seek(20)
b.write(b"!")
print(b.getvalue())
print(b.truncate(5), b.getvalue(), b.tell())
ba = bytearray(3)
b.seek(1)
print(b.readinto(ba), ba)
b.writelines([b"a", bytearray(b"b")])
print(b.getvalue(), b.readable(), b.writable(), b.seekable(), b.isatty())
show(lambda: b.write("str"))
show(lambda: b.seek(-1))
show(lambda: b.seek(0, 3))
show(lambda: _io.BytesIO("x"))
b.close()
show(b.getvalue)
show(b.read)
show(lambda: b.write(b""))

# A raw stream written in Python under a BufferedReader: its readinto is what is called.
class Source(_io._RawIOBase):
    def __init__(self, data):
        self.data = data
        self.calls = 0

    def readable(self):
        return True

    def readinto(self, b):
        self.calls += 1
        n = min(len(b), 3, len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n


src = Source(b"abcdefgh\nijk\n")
r = _io.BufferedReader(src, 4)
print(r.read(5), r.readline(), r.read(), src.calls)
print(Source(b"xyz").read(2), Source(b"xyz").readall(), Source(b"").read())


class Sink(_io._RawIOBase):
    def __init__(self):
        self.chunks = []

    def writable(self):
        return True

    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)


sink = Sink()
w = _io.BufferedWriter(sink, 4)
w.write(b"ab")
print(sink.chunks)
w.write(b"cdefgh")
w.flush()
print(sink.chunks)
t = _io.TextIOWrapper(_io.BufferedWriter(Sink()), encoding="utf-8", newline="\r\n")
t.write("x\ny\n")
t.flush()
print(t.buffer.raw.chunks, t.encoding, t.errors, t.line_buffering)

t = _io.TextIOWrapper(_io.BytesIO(b"one\r\ntwo\rthree\n"), encoding="ascii")
print(t.readlines(), t.newlines)
t = _io.TextIOWrapper(_io.BytesIO(b"\xffbad"), encoding="ascii", errors="replace")
print(ascii(t.read()))
t = _io.TextIOWrapper(_io.BytesIO(b""), encoding="utf-8")
t.write("caf\xe9")
t.seek(0)
print(t.read(), t.buffer.getvalue())
t.reconfigure(line_buffering=True)
print(t.line_buffering)


class Upper(_io.StringIO):
    def write(self, s):
        return super().write(s.upper())


u = Upper()
print("shout", file=u)
print(repr(u.getvalue()), isinstance(u, _io._TextIOBase), type(u).__mro__[1].__name__)

d = _io.IncrementalNewlineDecoder(None, True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("", final=True)), d.newlines)
print(d.getstate())
d.reset()
print(d.newlines)

base = _io._IOBase()
print(base.readable(), base.writable(), base.seekable(), base.closed)
for f in [base.fileno, lambda: base.seek(0), base.tell, base.truncate]:
    show(f)
with base as entered:
    print(entered is base)
print(base.closed)
show(base.flush)
show(lambda: iter(base))
print(issubclass(_io.UnsupportedOperation, OSError), issubclass(_io.UnsupportedOperation, ValueError))
print(_io.DEFAULT_BUFFER_SIZE, _io.text_encoding(None), _io.text_encoding("latin-1"))
print(_io.BlockingIOError is BlockingIOError)
print(open is _io.open)
show(lambda: _io.TextIOWrapper(_io.BytesIO(), newline="x"))
show(lambda: _io.TextIOWrapper(_io.BytesIO()).reconfigure(newline="y"))
show(lambda: _io._IOBase().readline())
show(lambda: _io.StringIO().nonexistent)
