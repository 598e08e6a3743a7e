# Structural pattern matching.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

def describe(x):
    match x:
        case 0:
            return 'zero'
        case 1 | 2 | 3:
            return 'small'
        case int(n) if n < 0:
            return f'negative {n}'
        case int():
            return 'int'
        case str() as s if len(s) == 0:
            return 'empty string'
        case str(s):
            return 'string ' + s
        case []:
            return 'empty list'
        case [a]:
            return f'one {a}'
        case [a, b]:
            return f'two {a} {b}'
        case [a, *rest]:
            return f'first {a} rest {rest}'
        case {'type': 'point', 'x': x0, 'y': y0}:
            return f'point {x0},{y0}'
        case {'type': t0, **others}:
            return f'typed {t0} {others}'
        case {}:
            return 'mapping'
        case None:
            return 'none'
        case (True | False) as b:
            return f'bool {b}'
        case _:
            return 'other'

for v in [0, 2, -5, 42, '', 'hi', [], [1], (1, 2), [1, 2, 3], {'type': 'point', 'x': 1, 'y': 2},
          {'type': 'box', 'w': 3}, {'a': 1}, None, 1.5, range(2), range(3), {1}, True]:
    print(repr(v), '->', describe(v))

class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Other:
    pass

def where(p):
    match p:
        case Point(0, 0):
            return 'origin'
        case Point(x, 0):
            return f'x-axis {x}'
        case Point(x=0, y=y):
            return f'y-axis {y}'
        case Point(x, y) if x == y:
            return 'diagonal'
        case Point():
            return 'somewhere'
        case Other():
            return 'other'
        case _:
            return 'not a point'

for p in [Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 5), Other(), 5]:
    print(where(p))

def bad_positional(p):
    match p:
        case Point(1, 2, 3):
            return 'three'
t(lambda: bad_positional(Point(1, 2)))
def bad_other(p):
    match p:
        case Other(1):
            return 'one'
t(lambda: bad_other(Other()))
def not_class(p):
    match p:
        case describe():
            return 'x'
t(lambda: not_class(1))
def dup(p):
    match p:
        case Point(x, x=1):
            return 'dup'
t(lambda: dup(Point(1, 2)))

def seq(x):
    match x:
        case [1, [2, *inner], *tail]:
            return f'nested {inner} {tail}'
        case (a, b, *c) if c:
            return f'long {a} {b} {c}'
        case [*_, last]:
            return f'last {last}'
        case _:
            return 'no'

for v in [[1, [2, 3, 4], 5, 6], (7, 8, 9, 10), [4, 5], [], 'abc', [1, [3]]]:
    print(seq(v))

def literal(x):
    match x:
        case 'a' | 'b':
            return 'ab'
        case 1.5:
            return 'float'
        case -3:
            return 'minus three'
        case _:
            return 'nothing'

for v in ['a', 'b', 1.5, -3, 'c']:
    print(literal(v))

class Color:
    RED = 1
    GREEN = 2

def color(c):
    match c:
        case Color.RED:
            return 'red'
        case Color.GREEN:
            return 'green'
    return 'unknown'

print(color(1), color(2), color(3))
match {'k': [1, {'deep': 'v'}]}:
    case {'k': [_, {'deep': value}]}:
        print('deep', value)
match (1, 2):
    case (x, y) if x > y:
        print('gt')
    case (x, y):
        print('le', x, y)
