# The io module over _io: its abstract classes, and Python subclasses of the _io classes whose
# overridden methods the C# code calls.
import io

print(io.IOBase.__mro__[1:], io.RawIOBase.__mro__[1].__name__)


class Source(io.RawIOBase):
    def __init__(self, data):
        self.data = data

    def readable(self):
        return True

    def readinto(self, b):
        n = min(len(b), 5, len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n


r = Source(b"hello\nworld\n")
print(isinstance(r, io.IOBase), isinstance(r, io.RawIOBase), r.readable(), r.seekable(), r.closed)
print(r.read(3), r.readline(), r.readall())
t = io.TextIOWrapper(io.BufferedReader(Source(b"one\ntwo\nthree")), encoding="utf-8")
print(list(t), t.closed)
t.close()
print(t.closed)


class Log(io.StringIO):
    def write(self, s):
        return super().write("[" + s + "]")


log = Log()
print("a", "b", file=log)
log.writelines(["x", "y"])
print(repr(log.getvalue()), isinstance(log, io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))


class Wrapper(io.TextIOWrapper):
    def readline(self, size=-1):
        return super().readline(size).upper()


w = Wrapper(io.BytesIO(b"x\ny"), encoding="ascii")
print(list(w), repr(w))


class Counting(io.BytesIO):
    reads = 0

    def read(self, n=-1):
        Counting.reads += 1
        return super().read(n)


c = Counting(b"abc\ndef\n")
print(c.readline(), list(c), Counting.reads, c.__dict__)

for cls in [io.FileIO, io.BufferedReader, io.BufferedWriter, io.BufferedRandom, io.BufferedRWPair, io.TextIOWrapper, io.StringIO, io.BytesIO]:
    print(cls.__name__, issubclass(cls, io.IOBase), cls.__module__)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE, io.text_encoding(None))
try:
    io.BytesIO().fileno()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
