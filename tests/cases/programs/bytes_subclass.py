class B(bytes):
    def hi(self): return "hi " + self.decode()
b = B(b"abc")
print(b, type(b).__name__, b.hi(), len(b), b == b"abc", b + b"d", type(b + b"d").__name__, isinstance(b, bytes))
print(b[1:], b.upper(), type(b.upper()).__name__, bytes(b), type(bytes(b)).__name__, hash(b) == hash(b"abc"))
b.x = 5; print(b.x, repr(b))
class C(bytes):
    def __new__(cls, v): return super().__new__(cls, v * 2)
print(C(b"xy"), {B(b"k"): 1}[b"k"])
import pickle; print(pickle.loads(pickle.dumps(B(b"q"))), type(pickle.loads(pickle.dumps(B(b"q")))).__name__)
import string
print(b"".join([B(b"a"), B(b"b")]), B(b"  x ").strip(), type(B(b"x").strip()).__name__, type(B(b"ab")[:]).__name__, type(B(b"ab").ljust(1)).__name__)
