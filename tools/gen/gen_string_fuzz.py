#!/usr/bin/python3.11
"""Writes COUNT random source files of string literals (all prefixes, escapes, replacement
fields, implicit concatenation) into DIR, for a differential test against CPython:

    tools/gen/gen_string_fuzz.py DIR [SEED] [COUNT] && tools/parity ast DIR

Every file starts with a coding cookie so that CPython reports error columns in characters
(without one, compile(bytes) reports them in bytes)."""
import os
import random
import sys

out = sys.argv[1]
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
os.makedirs(out, exist_ok=True)
for f in os.listdir(out):
    if f.endswith(".py"):
        os.remove(os.path.join(out, f))
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
def lit():
    pre = random.choice(PREFIXES)
    q = random.choice(['"', "'", '"""', "'''"])
    body = ''.join(random.choice(PIECES) for _ in range(random.randint(0, 10)))
    if len(q) == 1:
        body = body.replace('\n', '')
        body = body.replace(q, '')
    else:
        body = body.replace(q[0]*3, '')
        if body.endswith(q[0]) or body.endswith('\\'): body += 'z'
    if body.endswith('\\') and not body.endswith('\\\\'): body += 'z'
    return pre + q + body + q
for i in range(int(sys.argv[3]) if len(sys.argv) > 3 else 1500):
    n = random.randint(1, 3)
    sep = random.choice([' ', '\n ', ' '])
    lits = sep.join(lit() for _ in range(n))
    pre = random.choice(['', 'x = ', 'print(', 'é = '])
    src = pre + ('(' + lits + ')' if pre != 'print(' else lits + ')') + '\n'
    with open(os.path.join(out, f'f{i}.py'), 'w', encoding='utf-8') as f:
        f.write('# -*- coding: utf-8 -*-\n' + src)
