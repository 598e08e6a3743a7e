# ast.parse + ast.dump(include_attributes=True) of snippets covering every node kind.
import ast

SNIPPETS = [
    "x = 1",
    "a, *b = c[1:2, ::3] = d.e",
    "x += 1; y: int = 2; z: 'T'",
    "del a, b[0], c.d",
    "def f(a, /, b=1, *c, d, e=2, **f) -> int:\n    '''doc'''\n    return a",
    "@dec\nasync def g():\n    await x\n    async for i in y: pass\n    async with a as b, c: pass",
    "class C(B, metaclass=M):\n    x: int\n    def m(self): yield; yield from z",
    "for i in range(3):\n    continue\nelse:\n    break",
    "while x:\n    pass\nelse:\n    y",
    "if a: b\nelif c: d\nelse: e",
    "with open(f) as g, h: pass",
    "try:\n    pass\nexcept E as e:\n    raise X from e\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass",
    "try:\n    pass\nexcept* ValueError:\n    pass",
    "assert x, 'msg'",
    "import a.b as c, d\nfrom .e import (f as g, h)\nfrom . import *",
    "global x\nnonlocal y" if False else "global x",
    "def f():\n    nonlocal_ = 1\n    def g():\n        nonlocal nonlocal_",
    "a and b or not c",
    "-x + ~y * z @ w // v % u ** t << s >> r | q ^ p & o - n / m",
    "a < b <= c == d != e > f >= g is h is not i in j not in k",
    "lambda x, *y, z=1, **k: (x, y)",
    "a if b else c",
    "{1: 2, **d}; {1, 2}; [1, 2]; (1,); ()",
    "[x for x in y if x for z in w]; {x for x in y}; {k: v for k, v in d}; (x async for x in y)",
    "f(a, *b, c=d, **e)",
    "f'{x!r:>{w}} {y=} {z:.2f}' 'lit'",
    "b'bytes' + 'str' + r'\\d' + '\\ud800'",
    "1; 1.5; 2j; 10**100; True; False; None; ...",
    "x[1]; x[1:2]; x[::]; x[a, b:c]",
    "(y := 10)",
    "match p:\n    case 1 | 2: pass\n    case [a, *rest]: pass\n    case {'k': v, **kw}: pass\n    case Point(x=0, y=yy) if yy > 0: pass\n    case str() as s: pass\n    case None: pass\n    case -1+2j: pass\n    case _: pass",
    "é = 'ünïcode'; x = 'é' + é",
    "# comment\n\n\nx = (\n  1 +\n  2\n)",
]

for src in SNIPPETS:
    print(ast.dump(ast.parse(src), include_attributes=True))

print(ast.dump(ast.parse("x + 1", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1", mode="single"), include_attributes=True))
print(ast.dump(ast.parse("(int, str) -> bool", mode="func_type")))
print(ast.dump(ast.parse("x = 1", type_comments=True)))
print(ast.dump(ast.parse("x = 1", feature_version=(3, 8))))
print(ast.dump(ast.parse(b"x = '\xc3\xa9'")))
print(ast.dump(ast.parse("match x:\n case 1: pass").body[0], indent=1))
for bad in ["x = ", "def f(:", "a b", "\0"]:
    try:
        ast.parse(bad)
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, e)
