# symtable and _symtable: the symbol tables of several sources, walked through the public API.
import symtable
import _symtable

SOURCES = {
    "functions": '''
import os, sys as system
from collections import OrderedDict as OD
x = 1
def f(a, b=2, *args, c, d=4, **kw):
    y = a + b
    return y + x + len(args)
async def g(p, /, q):
    await p
    async for i in q:
        yield i
def h():
    yield 1
''',
    "closures": '''
def outer(n):
    count = 0
    def inner(m):
        nonlocal count
        count += m
        return count + n
    def other():
        return n
    return inner, other
def gl():
    global G, H
    G = 1
    return H
''',
    "classes": '''
class A:
    attr = 1
    def method(self):
        return __class__, attr
    class Inner:
        def deep(self):
            return super().deep()
class B(A, metaclass=type):
    __slots__ = ('__x',)
    def __private(self, __y):
        self.__x = __y
        return __z
''',
    "comprehensions": '''
data = [1, 2, 3]
squares = [v * v for v in data if v]
pairs = {k: w for k in data for w in range(k)}
uniq = {s for s in data}
gen = (t for t in data)
def f(seq):
    return [y := e for e in seq], y
nested = [[a * b for a in data] for b in data]
''',
    "lambdas": '''
f = lambda a, *b, **c: a + len(b) + len(c) + z
g = lambda: (lambda q: q + f)(1)
def h(k=lambda: 0):
    return lambda: k
''',
    "annotations": '''
x: int = 1
y: "str"
def f(a: int, b: list[int] = None) -> dict:
    c: float = 1.0
    d: bytes
    return {}
class C:
    field: int
    other: str = "s"
''',
    "future_annotations": '''
from __future__ import annotations
def f(a: Undefined) -> Other:
    v: Local = 1
    return v
''',
    "misc": '''
import a.b.c
from m import *
try:
    pass
except Exception as err:
    pass
with open("f") as fh, open("g") as (p, q):
    pass
for i, (j, k) in enumerate([]):
    del i
match x:
    case [first, *rest]:
        pass
    case {"k": value, **others}:
        pass
    case Point(x=px) | Point(y=px):
        pass
    case str() as s:
        pass
def dec(fn): return fn
@dec
def decorated(arg=default_value):
    try:
        pass
    except* ValueError as eg:
        return eg
''',
}

KINDS = ("referenced", "imported", "parameter", "global", "nonlocal", "declared_global",
         "local", "annotated", "free", "assigned", "namespace")


def show_symbol(sym, indent):
    flags = [k for k in KINDS if getattr(sym, "is_" + k)()]
    line = f"{indent}  {sym.get_name()!r}: {' '.join(flags)}"
    if sym.is_namespace():
        line += " ns=" + ",".join(f"{n.get_type()}:{n.get_name()}" for n in sym.get_namespaces())
        if len(sym.get_namespaces()) == 1:
            line += " one=" + sym.get_namespace().get_name()
    print(line)


def walk(table, depth=0):
    indent = "  " * depth
    print(f"{indent}{table.get_type()} {table.get_name()!r} line {table.get_lineno()} "
          f"optimized={table.is_optimized()} nested={table.is_nested()} children={table.has_children()}")
    print(f"{indent}  identifiers: {sorted(table.get_identifiers())}")
    raw = table._table
    print(f"{indent}  raw: type={raw.type} nested={raw.nested} lineno={raw.lineno} "
          f"symbols={raw.symbols} varnames={raw.varnames}")
    if isinstance(table, symtable.Function):
        print(f"{indent}  parameters={table.get_parameters()} locals={table.get_locals()} "
              f"globals={table.get_globals()} nonlocals={table.get_nonlocals()} frees={table.get_frees()}")
    if isinstance(table, symtable.Class):
        print(f"{indent}  methods={table.get_methods()}")
    for sym in table.get_symbols():
        show_symbol(sym, indent)
    for name in sorted(table.get_identifiers()):
        assert table.lookup(name).get_name() == name
    for child in table.get_children():
        walk(child, depth + 1)


for name, source in SOURCES.items():
    print("==", name)
    top = symtable.symtable(source, name + ".py", "exec")
    walk(top)

print("== eval and single")
walk(symtable.symtable("a + (lambda b: b)(c)", "<eval>", "eval"))
walk(symtable.symtable("d = e\n", "<single>", "single"))
walk(symtable.symtable(b"# coding: latin-1\nv = '\xe9'\n", "<bytes>", "exec"))
walk(symtable.symtable("w = 1", b"bytes-name", "exec"))

print("== repr")
top = symtable.symtable("def f(x): pass", "r.py", "exec")
print(repr(top), repr(top.get_children()[0]))
print(repr(top.lookup("f")))
print(top.get_id() == top._table.id, top.get_id() != top.get_children()[0].get_id())
entry = top._table
print(type(entry).__name__, type(entry).__module__, repr(entry).split("(")[0], repr(entry).endswith(", line 0>"))
print(entry.symbols is entry.symbols, entry.children is entry.children, entry.varnames is entry.varnames)
print(sorted(a for a in dir(entry) if not a.startswith("__")))
try:
    type(entry)()
except Exception as e:
    print(type(e).__name__, e)
try:
    entry.name = "x"
except Exception as e:
    print(type(e).__name__)
try:
    top.lookup("nope")
except Exception as e:
    print(type(e).__name__, e)

print("== constants")
print(sorted((k, v) for k, v in vars(_symtable).items() if k.isupper()))

print("== errors")
def attempt(*args):
    try:
        t = _symtable.symtable(*args)
        print("ok", t.name, t.type, sorted(t.symbols))
    except SyntaxError as e:
        print(type(e).__name__, e.args, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except Exception as e:
        print(type(e).__name__, e)

attempt(1, "f", "exec")
attempt("x", "f", "foo")
attempt("x", 1, "exec")
attempt("x", "f", b"exec")
attempt("x", "f")
attempt("x\0", "f", "exec")
attempt(b"x\0", "f", "exec")
attempt(bytearray(b"ba = 1"), "f", "exec")
attempt(memoryview(b"mv = 1"), "f", "exec")
attempt("def f(:", "f", "exec")
attempt("global x\nx = 1\ndef g(): x = 1; global x", "f", "exec")
attempt("def g(a):\n    global a", "f", "exec")
attempt("def g(a, a): pass", "f", "exec")
attempt("nonlocal x", "f", "exec")
attempt("def g():\n    nonlocal q", "f", "exec")
attempt("1 +", "f", "eval")
attempt("x = 1", "f", "eval")
attempt("  x", "f", "exec")
attempt(b"\xff", "f", "exec")
attempt("return 1", "f", "exec")
attempt("yield 1", "f", "exec")
attempt("[i := 0 for i in range(3)]", "f", "exec")
attempt("class C:\n    [j := 0 for k in range(3)]", "f", "exec")
attempt("def f():\n    from os import *", "f", "exec")

print("== parser warnings")
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    _symtable.symtable('x = "\\d"\nif x is 1: pass\n', "w.py", "exec")
    attempt('y = "\\q"\ndef (', "w.py", "exec")
print([(w.category.__name__, str(w.message), w.filename, w.lineno) for w in caught])

print("== bytes-like file names")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    attempt("pass", bytearray(b"spam"), "exec")
    attempt("def f(x): global x", memoryview(b"sp\xffam"), "exec")
    attempt("pass", list(b"spam"), "exec")
print([(w.category.__name__, str(w.message)) for w in caught])
