# ast.unparse round trips and ast.literal_eval.
import ast

SOURCES = [
    "x = 1 + 2 * (3 - 4) ** -5",
    "def f(a, /, b=1, *c, d, e=2, **f) -> 'int':\n    return [i async for i in a] if b else {k: v for k, v in c}",
    "class C(B, metaclass=M):\n    @property\n    def x(self):\n        yield from (await y)",
    "try:\n    pass\nexcept (A, B) as e:\n    raise\nfinally:\n    del x[1:2, ...]",
    "with a as (b, c), d:\n    print(f'{x!r:>10} {y=}', sep='')",
    "match p:\n    case [1, *r] | {'a': 2, **kw} if kw:\n        pass\n    case C(x=1) as y:\n        pass",
    "lambda: (yield)",
    "global a, b\nimport os.path as p\nfrom .. import x",
    "x = ('it''s' \"q\", b'\\x00', 1e100, 1j)",
    "a = b = c if d else (e := f)",
    "assert not a < b in c, 'm'",
    "while 1:\n    break\nelse:\n    continue",
    "x: list[int] = []",
    "print(*a, **b)",
    "(a for b in c if d if e)",
]
for s in SOURCES:
    u = ast.unparse(ast.parse(s))
    print(u)
    print(ast.dump(ast.parse(u)) == ast.dump(ast.parse(s)))

for s in ["1", "-1.5", "1+2j", "'s'", "b'b'", "(1, [2, {3: 4}], {5})", "None", "True", "set()",
          "{'a': -0.0}", "  42", "1e309", "-(1)"]:
    print(repr(ast.literal_eval(s)))
for s in ["x", "1 + x", "f()", "[1, 2][0]", "{1: 2}[1]", "a.b", "1 +"]:
    try:
        print(ast.literal_eval(s))
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, str(e).split(" object at ")[0])
print(ast.literal_eval(ast.parse("(1, 2)", mode="eval")))
print(ast.get_source_segment("a = (1 +\n  2)", ast.parse("a = (1 +\n  2)").body[0].value))
print([n.__class__.__name__ for n in ast.iter_child_nodes(ast.parse("a + b").body[0].value)])
print([(k, type(v).__name__) for k, v in ast.iter_fields(ast.parse("a").body[0])])
print(ast.increment_lineno(ast.parse("x"), 5).body[0].lineno)
