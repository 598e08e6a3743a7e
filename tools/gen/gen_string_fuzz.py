#!/usr/bin/python3.11
"""Random sources of string literals (all prefixes, escapes, replacement fields, implicit
concatenation) for differential tests against CPython.

    tools/gen/gen_string_fuzz.py DIR [SEED] [COUNT] && tools/parity ast DIR

writes COUNT files into DIR. Each starts with a coding cookie so that CPython reports error
columns in characters (compile(bytes) without one reports bytes). gen_string_cases.py also
uses random_source for its end-to-end cases."""
import os
import random
import sys

PIECES = ['a', 'é', '日', '😀', ' ', '\\n', '\\t', '\\\\', "\\'", '\\"', '\\x41', '\\x4', '\\xg', '\\u00e9', '\\u12',
          '\\U0001F600', '\\U00110000', '\\N{EM DASH}', '\\N{foo}', '\\N', '\\d', '\\8', '\\777', '\\0', '\\12',
          '\\ud800', '\\udc00', '{', '}', '{{', '}}', '{x}', '{x!r}', '{x=}', '{x:>{y}}', '{x:{y}.{z}}', '{ x }',
          '{x + y}', '{"s"}', "{'s'}", '{x:%H}', '{!r}', '{x#}', '{x\\n}', '{(x}', '{x)}', '{[x]}', '{x!z}', '\\{',
          '\\é', '{f"{x}"}', "{f'{x}'}", '\\N{LATIN SMALL LETTER A}', '\\\n', '\n', '{\nx\n}', '{x:\n}', '{a.b}',
          '{ä}', '{ä + é}', 'ü', '{x = }', '{x=!s:>{w}}', '{\n  x = \n}', '{x:{\ny}}', '{\t x}', '{x\n.y}',
          '{x!r:{y}{z}}', '{(\n x)}', '{x:{{y}}}', '{x:{y!r}}', '{x:{y:{z}}}', '{x:a{y}b{z}c}', '{"é"}', "{'é' 'ü'}",
          '{x if y else z}', '{lambda: 1}', '{(lambda: 1)}', '{x:=1}', '{(x:=1)}', '{x,}', '{*x}', '{**x}',
          '{x!=y}', '{x<y}', '{x>=y}', '{x==y}', '{x[1:2]}', '{x[{1}]}', '{ {1} }', '{{1}}', '\\N{EM DASH}{x}']
PREFIXES = ['', 'r', 'b', 'u', 'f', 'rb', 'br', 'fr', 'rf', 'U', 'B', 'F', 'R', 'Rb', 'fR']


def lit(rng):
    pre = rng.choice(PREFIXES)
    q = rng.choice(['"', "'", '"""', "'''"])
    body = ''.join(rng.choice(PIECES) for _ in range(rng.randint(0, 10)))
    if len(q) == 1:
        body = body.replace('\n', '')
        body = body.replace(q, '')
    else:
        body = body.replace(q[0]*3, '')
        if body.endswith(q[0]) or body.endswith('\\'): body += 'z'
    if body.endswith('\\') and not body.endswith('\\\\'): body += 'z'
    return pre + q + body + q


def random_source(rng, statement_prefixes=("", "x = ", "print(", "é = ")):
    n = rng.randint(1, 3)
    sep = rng.choice([" ", "\n ", " "])
    lits = sep.join(lit(rng) for _ in range(n))
    pre = rng.choice(statement_prefixes)
    return pre + ("(" + lits + ")" if pre != "print(" else lits + ")") + "\n"


def main():
    out = sys.argv[1]
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.endswith(".py"):
            os.remove(os.path.join(out, f))
    for i in range(int(sys.argv[3]) if len(sys.argv) > 3 else 1500):
        with open(os.path.join(out, f"f{i}.py"), "w", encoding="utf-8") as f:
            f.write("# -*- coding: utf-8 -*-\n" + random_source(rng))


if __name__ == "__main__":
    main()
