# sys.getsizeof and __sizeof__: CPython 3.11's sizes for the common builtin objects.
import sys


def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


class C:
    pass


tests = [object(), 0, 1, 2 ** 30, 2 ** 60, 2 ** 100, -1, True, False, 1.5, 1j, "", "a", "abc", "\xe9", "\xe9\xe9",
         "\u0100", "\u0100a", "\U00010000", b"", b"abc", bytearray(), bytearray(b"abc"), (), (1,), (1, 2, 3), [],
         {}, {"a": 1}, {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}, dict.fromkeys(range(10)), set(), {1},
         set(range(10)), frozenset(), frozenset(range(100)), None, ..., NotImplemented, C(), range(10), slice(1),
         memoryview(b"abc"), len]
for t in tests:
    print(type(t).__name__, sys.getsizeof(t), t.__sizeof__())


class D:
    def __sizeof__(self):
        return -1


class E:
    def __sizeof__(self):
        return "x"


class F:
    def __sizeof__(self):
        return 5


class G(int):
    def __sizeof__(self):
        return 100


attempt(lambda: sys.getsizeof(D()))
attempt(lambda: sys.getsizeof(E()))
print(sys.getsizeof(E(), 99), sys.getsizeof(F()), sys.getsizeof(G(3)), sys.getsizeof(F(), "unused"))
attempt(lambda: sys.getsizeof(1, 2, 3))
attempt(lambda: sys.getsizeof())
attempt(lambda: object.__sizeof__(1, 2))
print(object.__sizeof__(object()), int.__sizeof__(5) if hasattr(int, "__sizeof__") else None)
