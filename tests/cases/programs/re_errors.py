# re.error messages and positions from the parser, and other failures around the engine.
import re

BAD = [
    '[', '[a', 'a)', '(a', '(?P<n>a)(?P<n>b)', '(?P<1>a)', r'\1', '(?<=a+)b', 'a**', '*a', '+',
    'a{3,2}', r'\x', r'\u12', r'\U1234567', '(?z)', '(?', '(?P', '(?P=', '(?P=x)',
    '(?(1)a|b|c)', '[z-a]', r'[\d-z]', '(?i', '(?#', 'a{1,2', '(?<!a|bc)', r'\8', '(?x', '(?-x:a)',
    '(?ia)', '(?L)a', '(?au)a', r'\p{L}', 'a|*', '(?P<a b>x)', '(?:)?*', 'x{99999999999}',
]
for p in BAD:
    try:
        re.compile(p)
        print(repr(p), 'ok')
    except re.error as e:
        print(repr(p), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(repr(p), type(e).__name__, e)
for p, flags in ((b'(?u)a', 0), ('a', re.L), (b'a', re.U), ('a', re.A | re.U)):
    try:
        re.compile(p, flags)
    except Exception as e:
        print(type(e).__name__, e)
try:
    re.compile('(a\n)b)', re.X)
except re.error as e:
    print(e, e.lineno, e.colno)
m = re.match('(a)(b)?', 'a')
for g in (3, -1, 'x', None):
    try:
        m.group(g)
    except Exception as e:
        print(type(e).__name__, e)
print(m.group(2), m.groups('-'), m.span(2), m.expand(r'[\2]'))
print(re.error('msg'), re.error('msg', 'pat', 1), repr(re.error('m', 'p', 0).pos))
