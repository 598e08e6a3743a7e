"""Generates tests/Taipan.Syntax.Tests/ParserCases.json: small sources in every parse mode
with what /usr/bin/python3.11 makes of them: ast.dump(..., include_attributes=True), or the
error as "Type: msg @ lineno:offset-end_lineno:end_offset".

usage: /usr/bin/python3.11 tools/parser/gen_parser_cases.py
"""
import ast
import json
import os
import warnings

EXEC = r'''
pass
x = 1
x = y = z
a, b = b, a
[a, *b] = c
(a, b), c = d
x: int
x: int = 5
(x): int = 5
a.b: int
a[0]: int = 1
x += 1
x -= 1; y *= 2; z @= 3; w /= 4; v //= 5; u %= 6; t **= 7; s >>= 8; r <<= 9; q &= 1; p |= 2; o ^= 3
x = yield
del x
del x, y[0], z.a
del (a, b), [c]
del (a)
assert x
assert x, "msg"
raise
raise E
raise E from e
return
global a, b
nonlocal a
break
continue
import a
import a.b.c as d, e
from a import b
from a import (b, c,)
from a import b as c, d as e
from . import a
from .. import a
from ... import a
from .... import a
from .a.b import c
from ...a import *
from a import *
if a: pass
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
while x: pass
while x:
    break
else:
    pass
for x in y: pass
for x, y in z: pass
for x in y, z: pass
for x in y:
    continue
else:
    pass
async def f():
    async for x in y: pass
    async with a as b: pass
    await x
    return await y
    [x async for x in y]
with a: pass
with a as b, c as d: pass
with (a, b): pass
with (a as b, c as d,): pass
with (a as b): pass
with a as (b, c): pass
with (a): pass
try:
    pass
except:
    pass
try:
    pass
except E:
    pass
except (E, F) as e:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
except* (E, F) as g:
    pass
def f(): pass
def f(a, b=1, *args, c, d=2, **kw): pass
def f(a, /, b, *, c): pass
def f(a=1, /, b=2, *, c=3): pass
def f(a, b, /): pass
def f(*, a): pass
def f(*args: *Ts): pass
def f(a: int, b: str = "x") -> None: pass
def f(**kw): pass
@dec
@dec.attr(1)
def f(): pass
@dec
class C: pass
class C(B, metaclass=M, **kw): pass
class C(): pass
class C(*bases): pass
lambda: 0
lambda x, y=1, *a, z, **k: x
lambda x, /, y: x
lambda *, k: k
x = a if b else c
x = (yield)
x = yield from y
x = not a
x = a and b and c or d or e
x = a < b <= c == d != e > f >= g
x = a is b is not c in d not in e
x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** n
x = -a + +b - ~c
x = a ** -b ** c
x = await_ = 1
x = a.b.c
x = a[b]
x = a[b:c]
x = a[b:c:d]
x = a[:]
x = a[::]
x = a[b, c]
x = a[b:c, d]
x = a[*b]
x = a[b, *c]
x = a(b)(c)
x = f(a, *b, c=1, **d)
x = f(a for a in b)
x = f(*a, b)
x = f(**a, b=1)
x = f(a, b=1, *c, d=2, **e)
x = f(x := 1)
x = [1, 2, *a]
x = (1,)
x = ()
x = (1)
x = {}
x = {1: 2, **a, 3: 4}
x = {1, 2, *a}
x = [a for b in c if d if e for f in g]
x = {a for b in c}
x = {a: b for c, d in e}
x = (a for b in c)
x = [(y := 1) for a in b]
x = 1 if (y := 2) else 3
x = ...
x = None, True, False
x = 1, 2.5, 3j, 0x1f, 1_000, 1e10, 0o17, 0b101
x = 'a' 'b'
x = b'a' b'b'
x = u'a'
x = f'{a}'
x = f'a{b!r:>{c}}d' 'e'
x = f'{a=}'
x = f"""{
a}"""
print(*a, sep='')
x = a.b(c).d[e]
x = *a, *b
x = *a,
a.b = 1
a[b] = 1
a.b.c[d](e).f = 1
(a) = 1
[a] = 1
() = x
[] = x
x = y = (z := 1)
if (n := len(a)) > 10: pass
while chunk := f.read(): pass
match x:
    case 1:
        pass
    case -1 | 1.5 | -2j | 1 + 2j | 1 - 2j | "s" | b"b":
        pass
    case None | True | False:
        pass
    case a.b.c:
        pass
    case [a, b, *rest]:
        pass
    case (a, b, *_):
        pass
    case [] | ():
        pass
    case {"a": 1, **rest}:
        pass
    case {a.b: 1, 2: _}:
        pass
    case {}:
        pass
    case Point(x, y=0) | Point():
        pass
    case Point(1, 2, a=3, b=4,):
        pass
    case a.B(x=[1, 2]):
        pass
    case (a as b) | c:
        pass
    case [a, b] as c if c:
        pass
    case _:
        pass
match a, b:
    case x, y:
        pass
match (a):
    case x:
        pass
match = 1
case = 2
_ = match + case
match(x)
match[x]
match.x = 1
match -x:
    case 1: pass
def match(): pass
x = \
    1
if x:
    if y:
        pass
    # comment
        # comment
    z = 1
class C:
    """doc"""
    def f(self):
        return self.x
x = 'é' + 'ü'
é = 1
ｗｉｄｔｈ = 1
x = "€" ; y = é
'''

EXEC_SNIPPETS = [
    "x = 1\n",
    "x = 1",
    "",
    "\n\n",
    "# only a comment",
    "if x:\n    pass\n",
    "if x:\n    pass",
    "def f():\n    return 1\n\n\n",
    "x = (1,\n     2)\n",
    "x = [\n    1,\n    2,\n]\n",
    "x = '''a\nb'''\n",
    "x = f'''{\na\n}'''\n",
    "if a:\n\tpass\n",
    "for x in y:\n  pass\nelse:\n  pass\n",
    "try:\n  pass\nexcept E as e:\n  pass\n",
    "@a\n@b\nasync def f(): pass\n",
    "class A(B):\n    x: int = 1\n    def f(self, *, a): ...\n",
    "x = [i for i in range(3) if i async for j in k]\n",
    "await x\n",
    "async with a: pass\n",
    "x = 1;\n",
    "x = 1; y = 2;\n",
    "f(a)(b)(c)\n",
    "a = b = c = d\n",
    "x = {**a}\n",
    "x = {**a, 'b': 1}\n",
    "print(end='')\n",
    "x = (yield a, b)\n",
    "def f():\n    x = yield a, b\n",
    "x = a[1:2, ::3, ...]\n",
    "x = a if b else c if d else e\n",
    "x = lambda: (yield)\n",
    "x = not not a\n",
    "x = a < b < c\n",
    "x = -1 ** 2\n",
    "x = (-1) ** 2\n",
    "x = 'é' 'ü'\n",
    "x = 1 # comment\n",
    "if x: # comment\n    pass\n",
    "f(x for x in y)\n",
    "f((x for x in y), z)\n",
    "x = [*a, *b]\n",
    "del a[1:2]\n",
    "for [a, b] in c: pass\n",
    "for (a, b) in c: pass\n",
    "for a.b in c: pass\n",
    "for a[0] in c: pass\n",
    "x = u'\\u00e9'\n",
    "x = rb'\\d'\n",
    "x = 0\nx = 00\nx = 0_0\n",
    "global x\n",
    "x = (a := 1, b := 2)\n",
    "x = [y := 1, y ** 2]\n",
    "f(a, b, c,)\n",
    "f(a=1,)\n",
    "def f(a,): pass\n",
    "def f(*a,): pass\n",
    "def f(**a,): pass\n",
    "lambda a,: a\n",
    "class C(a, b,): pass\n",
    "import a.b\n",
    "from a.b.c import d\n",
    "with a, b: pass\n",
    "with (yield): pass\n",
    "with (a, b) as c: pass\n",
    "with (a, b as c): pass\n",
    "with (a for a in b): pass\n",
    "x = a.b.c.d.e\n",
    "x = a[b][c][d]\n",
    "x = ((((a))))\n",
    "x = [[[[a]]]]\n",
    "if a:\n    pass\nelif b:\n    pass\n",
    "while 1:\n    pass\nelse:\n    x = 1\n",
    "try:\n    pass\nexcept* A:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
    "match x:\n    case {1: a, **b}: pass\n",
    "match x:\n    case [*_]: pass\n",
    "match x:\n    case A.B.C(): pass\n",
    "match x:\n    case 0 | 1 | 2 as y: pass\n",
    "match x, *y:\n    case _: pass\n",
    "match *x, y:\n    case _: pass\n",
    "match x,:\n    case _: pass\n",
    "match (x := 1):\n    case _: pass\n",
    "match x:\n    case -0j: pass\n",
    "match x:\n    case 'a' 'b': pass\n",
    "match x:\n    case f'{a}': pass\n",
    "match x:\n    case True: pass\n",
    "match x:\n    case (x): pass\n",
    "match x:\n    case (): pass\n",
    "match x:\n    case (1,): pass\n",
    "match x:\n  case a if (b := 1): pass\n",
    "x = (\n  a\n  ,\n  b\n)\n",
    "x = f(\n a,\n b\n)\n",
    "if True:\n    x = (\n1)\n",
    "x = 1 +\\\n 2\n",
    "type = 1\ntype(x)\n",
    "print\n",
    "exec\n",
    "x = 1 if 2 else 3\n",
    "x = [1 for x in y for z in w if a if b]\n",
    "a @ b\n",
    "a @= b\n",
    "x: 'int'\n",
    "x: list[int] = []\n",
    "(x.y): int\n",
    "x.y: int\n",
    "x[0]: int\n",
    "f()()\n",
    "f(*(a,))\n",
    "f(**{'a': 1})\n",
    "x = 10000000000000000000000000000\n",
    "x = 1.0e-5\n",
    "x = 1J\n",
    "x = 0xffffffffffffffffffffffff\n",
    "x = .5\n",
    "x = 5.\n",
    "x = 1_2.3_4e5_6\n",
    "\ufeffx = 1\n",
    "x = 'a\\\nb'\n",
    "@property\ndef f(self): pass\n",
    "@(lambda f: f)\ndef g(): pass\n",
    "@a[0].b\ndef g(): pass\n",
    "@x := y\ndef g(): pass\n",
]

ERRORS = [
    "x = (",
    "x = [1, 2",
    "x = {",
    "f(a, b",
    "x = )",
    "x = ]",
    "(]",
    "if x\n    pass\n",
    "if x:\npass\n",
    "while x\n    pass\n",
    "for x in y\n    pass\n",
    "def f()\n    pass\n",
    "def f():\npass\n",
    "class C\n    pass\n",
    "class C:\npass\n",
    "try:\n    pass\n",
    "try:\npass\n",
    "try:\n    pass\nexcept:\npass\n",
    "try:\n    pass\nfinally:\npass\n",
    "with a\n    pass\n",
    "with a:\npass\n",
    "for x in y:\npass\n",
    "while x:\npass\n",
    "if x:\n    pass\nelse:\npass\n",
    "if x:\n    pass\nelif y:\npass\n",
    "if x:\n    pass\nelif y\n    pass\n",
    "match x:\ncase 1: pass\n",
    "match x:\n    case 1:\n    pass\n",
    "match x\n    case 1: pass\n",
    "match x:\n    case 1\n        pass\n",
    "  x = 1\n",
    "if x:\n    a\n  b\n",
    "if x:\n    a\n        b\n",
    "x = 1 +",
    "f(a b)",
    "[a b]",
    "{a b}",
    "(a b c)",
    "f(a, b c)",
    "x = 1 2",
    "print 'hello'",
    "print x",
    "exec 'x'",
    "f() = 1",
    "1 = x",
    "a + b = c",
    "(a, b()) = c",
    "[a, 1] = c",
    "None = 1",
    "True = 1",
    "... = 1",
    "a if b else c = 1",
    "lambda: x = 1",
    "x.y() += 1",
    "(a, b) += 1",
    "[a] += 1",
    "f() += 1",
    "del f()",
    "del a + b",
    "del (a, 1)",
    "del *a",
    "for 1 in x: pass",
    "for f() in x: pass",
    "for a, b() in x: pass",
    "with a as 1: pass",
    "with a as f(): pass",
    "if x = 1: pass",
    "while x = 1: pass",
    "if x.y = 1: pass",
    "if x[0] = 1: pass",
    "if f() = 1: pass",
    "f(x for x in y, 1)",
    "f(1, x for x in y)",
    "f(a=1, b)",
    "f(**a, b)",
    "f(**a, *b)",
    "f(a=1, *b, c)",
    "f(True=1)",
    "f(None=1)",
    "f(a.b=1)",
    "f(a + 1=2)",
    "f(a=1 for a in b)",
    "def f(a=1, b): pass",
    "def f(a, a): pass",
    "def f(*): pass",
    "def f(*, **k): pass",
    "def f(/, a): pass",
    "def f(a, /, b, /): pass",
    "def f(*a, /): pass",
    "def f(*a=1): pass",
    "def f(**a=1): pass",
    "def f(**a, b): pass",
    "def f(**a, *b): pass",
    "def f(*a, *b): pass",
    "def f(a=): pass",
    "def f((a, b)): pass",
    "def f(a, (b)): pass",
    "lambda a=1, b: 0",
    "lambda *: 0",
    "lambda (a): 0",
    "lambda *a=1: 0",
    "lambda **a=1: 0",
    "lambda /: 0",
    "[*a for a in b]",
    "{*a for a in b}",
    "{**a for a in b}",
    "[a, b for a in c]",
    "{a, b for a in c}",
    "[a, for a in c]",
    "(*a)",
    "(**a)",
    "x = *a",
    "print(*)",
    "x = {a: *b}",
    "x = {a:}",
    "x = {a, b: 1}",
    "x = {1: 2, 3}",
    "x = {1: 2, 3 4}",
    "from a import b,",
    "from a import (b",
    "import a as",
    "from a import",
    "import",
    "x = 1 if 2",
    "x = a if b else",
    "a := 1",
    "(a.b := 1)",
    "(a[0] := 1)",
    "((a, b) := 1)",
    "x = (yield) = 1",
    "f(x=1 y=2)",
    "class C(x for x in y): pass",
    "x = a.1",
    "x = 1.a",
    "x = 0777",
    "x = 1__0",
    "x = 0x",
    "x = 1e",
    "x = 'abc",
    'x = """abc',
    "x = $",
    "x = a ? b",
    "x = a ! b",
    "x = `a`",
    "a <> b",
    "a = 1\n  b = 2\n",
    "def f():\n  x = 1\n   y = 2\n",
    "if True:\n        x = 1\n    y = 2\n",
    "x = 1\\ y",
    "try:\n    pass\nexcept A, B:\n    pass\n",
    "try:\n    pass\nexcept A\n    pass\n",
    "try:\n    pass\nexcept\n    pass\n",
    "try:\n    pass\nexcept *:\n    pass\n",
    "try:\n    pass\nexcept E:\n    pass\nexcept* F:\n    pass\n",
    "try:\n    pass\nexcept* E:\n    pass\nexcept F:\n    pass\n",
    "try:\n    pass\nexcept* E:\n    pass\nexcept:\n    pass\n",
    "match x:\n    case a as _: pass\n",
    "match x:\n    case a as 1: pass\n",
    "match x:\n    case A(a=1, b): pass\n",
    "match x:\n    case {**a, b: 1}: pass\n",
    "match x:\n    case 1 + 1: pass\n",
    "match x:\n    case 1j + 1: pass\n",
    "match x:\n    case -a: pass\n",
    "match x:\n    case f(): pass\n",
    "async = 1",
    "await = 1",
    "def f():\n    x = yield = 1\n",
    "else: pass",
    "elif x: pass",
    "except: pass",
    "finally: pass",
    "return = 1",
    "x = [1, 2,, 3]",
    "x = (1, 2,, 3)",
    "f(,)",
    "f(a,,b)",
    "x = a b c d",
    "x = a.b c",
    "x = 1 if True else 2 3",
    "for x in range(10):\n    pass\n  pass\n",
    "def f(\n",
    "x = [\n1,\n2\n",
    "(1, 2\nx = 3\n",
    "if x:\n    y = (1,\n",
    "x = 'a' f",
    "x = f'{a b}'",
    "x = f'{}'",
    "x = f'{a!}'",
    "x = f'{a:{b:{c}}}'",
    "x = f'{a'",
    "x = f'{a:}'",
    "x = f'{=}'",
    "x = 1\n)\n",
    "x = ((1)\n",
    "\\",
    "x = 1\n\\",
    "with (a as b, c as d) e: pass",
    "with (a as b\n",
    "f'{x:{y!r}}'",
    "class C(a=1, b): pass",
    "import a.b as c.d",
    "from a import b.c",
    "from .a import (b, c) as d",
    "global a.b",
    "nonlocal",
    "del",
    "assert",
    "raise from e",
    "x = yield from",
    "@\ndef f(): pass",
    "@a b\ndef f(): pass",
    "def f() -> : pass",
    "def f() -> int\n    pass",
    "def f[T](): pass",
    "type X = int",
    "x = 1 = 2",
    "x = y := 1",
    "(x = 1)",
    "[x = 1]",
    "{x = 1}",
    "f(x := 1 = 2)",
]

EVAL = [
    "x", "1 + 2", "x, y", "x,", "(yield)", "lambda: 0", "[i for i in x]", "a if b else c",
    "x\n", "x\n\n", "\nx", "*a, b", "f(x) ; g(y)", "x = 1", "", "pass", "1 +", "(", "x y",
]

SINGLE = [
    "x = 1\n", "x = 1", "if x:\n    pass\n\n", "if x:\n    pass\n", "\n", "", "x; y\n", "x = 1\ny = 2\n",
    "x = 1\n# comment\n", "x = 1\n\n\n", "def f():\n    pass\n\n", "1 +\n", "class C: pass\n",
    "x = 1\n  # indented comment\n", "for x in y: pass\n", "@d\ndef f(): pass\n",
]

FUNC_TYPE = [
    "() -> int", "(int) -> str", "(int, str) -> None", "(*int) -> None", "(**int) -> None",
    "(int, *str) -> None", "(int, **str) -> None", "(int, *str, **bytes) -> None",
    "(*int, **str) -> None", "(a.b, c[d]) -> e", "() -> int\n", "(int,) -> str", "-> int",
    "(int) str", "() -> (yield)", "(int, *str, float) -> None",
]


INCOMPLETE = [
    ("single", "if x:"), ("single", "x = ("), ("single", "x = 1 +"), ("single", "def f():\n"),
    ("single", 'x = """abc'), ("single", "x = )"), ("single", "f("), ("single", "x = 1"),
    ("exec", "class C:\n"), ("exec", "x = [1,\n"), ("eval", "(a,"), ("single", "@d\n"),
]

BARRY = [("exec", "1 <> 2"), ("exec", "1 != 2"), ("eval", "a <> b <> c"), ("exec", "x = f'{a <> b}'")]

FLAG_VALUES = {"incomplete": 0x4000, "barry": 0x400000}


def describe(src, mode, flags=()):
    try:
        if flags:
            value = ast.PyCF_ONLY_AST
            for f in flags:
                value |= FLAG_VALUES[f]
            return ast.dump(compile(src, "<unknown>", mode, value, dont_inherit=True), include_attributes=True)
        return ast.dump(ast.parse(src, "<unknown>", mode), include_attributes=True)
    except SyntaxError as e:
        return f"{type(e).__name__}: {e.msg} @ {e.lineno}:{e.offset}-{e.end_lineno}:{e.end_offset}"
    except (ValueError, MemoryError, RecursionError) as e:
        return f"{type(e).__name__}: {e}"


def main():
    warnings.simplefilter("ignore")
    cases = []
    seen = set()

    def add(mode, src):
        if (mode, src) in seen:
            return
        seen.add((mode, src))
        cases.append({"mode": mode, "src": src, "expected": describe(src, mode)})

    # The EXEC block is one module, and each of its top-level statements is a case too.
    add("exec", EXEC.lstrip("\n"))
    tree = ast.parse(EXEC)
    lines = EXEC.lstrip("\n").splitlines(keepends=True)
    for stmt in tree.body:
        add("exec", "".join(lines[stmt.lineno - 2:stmt.end_lineno - 1]))
    for src in EXEC_SNIPPETS + ERRORS:
        add("exec", src)
    for src in EVAL:
        add("eval", src)
    for src in SINGLE:
        add("single", src)
    for src in FUNC_TYPE:
        add("func_type", src)
    for mode, src in INCOMPLETE:
        cases.append({"mode": mode, "src": src, "flags": ["incomplete"], "expected": describe(src, mode, ["incomplete"])})
    for mode, src in BARRY:
        cases.append({"mode": mode, "src": src, "flags": ["barry"], "expected": describe(src, mode, ["barry"])})
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "tests", "Taipan.Syntax.Tests", "ParserCases.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(cases, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(len(cases), "cases")


main()
