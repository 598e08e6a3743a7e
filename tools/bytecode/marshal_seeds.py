"""Seed inputs for the marshal tests of Taipan.Bytecode.Tests: marshal.dumps of assorted values
in every format version, plus a few small compiled modules, as a record stream (see
stdlib_code.py) on stdout; the name of a record says what it holds.
"""
import marshal
import struct
import sys


def code_samples():
    srcs = [
        "x = 1\n",
        "def f(a, /, b, *c, d=1, **e):\n    def g():\n        return a + d\n    return g\n",
        "class C:\n    def m(self):\n        try:\n            pass\n        except E as e:\n            raise\n",
        "async def h():\n    async with a as b:\n        await c\n    return [i async for i in d]\n",
        "s = {'a', 'b'}\nt = ('x', 1.5, 2j, b'z', None, ..., True, 10**30, -10**20)\nif x in {1, 2, 3}: pass\n",
        "lambda: (yield)\n",
    ]
    for i, s in enumerate(srcs):
        yield f"code{i}", compile(s, f"<seed{i}>", "exec")


VALUES = [
    ("none", None), ("true", True), ("false", False), ("ellipsis", ...), ("stopiter", StopIteration),
    ("int0", 0), ("int", 123456), ("intneg", -5), ("int32max", 2**31 - 1), ("int32min", -2**31),
    ("long", 2**31), ("longneg", -2**40), ("long15", 2**15), ("long30", 2**30 - 1), ("huge", 7**200),
    ("float", 1.5), ("negzero", -0.0), ("inf", float("inf")), ("nan", float("nan")), ("tiny", 5e-324),
    ("complex", 1 + 2j), ("bytes", b"abc\x00\xff"), ("emptybytes", b""),
    ("str", "hello"), ("emptystr", ""), ("unicode", "h\xe9llo \u20ac \U0001f600"), ("surrogate", "a\ud800b\udfff"),
    ("longascii", "x" * 300), ("longunicode", "\xe9" * 300), ("interned", sys.intern("identifier_name")),
    ("tuple", (1, "a", (2, 3), ())), ("bigtuple", tuple(range(300))), ("list", [1, [2, [3]], "x"]),
    ("dict", {"a": 1, 2: [3], (4, 5): {"b": None}}), ("set", {1, 2, "three"}), ("frozenset", frozenset({1, (2, 3)})),
    ("emptyfrozenset", frozenset()), ("emptyset", set()), ("emptydict", {}), ("emptylist", []),
    ("shared", (lambda s: [s, s, (s, s)])("shared string " * 3)),
    ("nested", [[[[[[[[["deep"]]]]]]]]]),
]


def main():
    out = sys.stdout.buffer
    for name, value in VALUES:
        for version in range(5):
            try:
                data = marshal.dumps(value, version)
            except ValueError:
                continue
            nb = f"{name}/v{version}".encode()
            out.write(struct.pack("<i", len(nb)) + nb + struct.pack("<i", len(data)) + data)
    for name, code in code_samples():
        data = marshal.dumps(code)
        nb = name.encode()
        out.write(struct.pack("<i", len(nb)) + nb + struct.pack("<i", len(data)) + data)


main()
