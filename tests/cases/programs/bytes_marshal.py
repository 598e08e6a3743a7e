# marshal: dumps/loads round trips, exact bytes for simple values, errors.
import marshal

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(marshal.version)
values = [None, True, False, ..., 0, 1, -1, 2**31 - 1, 2**31, -2**31 - 1, 2**70, -2**70, 1.5, -0.0, float("inf"),
          1 + 2j, "", "abc", "héllo", "\U0001f600", b"", b"bytes\x00\xff", (), (1, "a"), [1, [2, 3]], {"a": 1},
          frozenset(), frozenset({1}), {1}, StopIteration]
for v in values:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    # The exact bytes depend on CPython's reference counts (FLAG_REF), so only round trips
    # are compared.
    print(repr(v), back == v, type(back).__name__, marshal.loads(marshal.dumps(v, 2)) == v)
t = ("shared",)
pair = marshal.loads(marshal.dumps([t, t]))
print(pair, pair[0] is pair[1])
print(marshal.loads(marshal.dumps(bytearray(b"ba"))))
print(marshal.loads(b"i\x05\x00\x00\x00extra"))
show(lambda: marshal.dumps(len))
show(lambda: marshal.dumps([1, len]))
show(lambda: marshal.loads(b""))
show(lambda: marshal.loads(b"i\x01"))
show(lambda: marshal.loads(b"\x01"))
show(lambda: marshal.loads("i"))
nested = []
for _ in range(3000):
    nested = [nested]
show(lambda: marshal.dumps(nested))

def f(x, y=2):
    return x * y + len("abc")

code = marshal.loads(marshal.dumps(f.__code__))
print(type(code).__name__)
