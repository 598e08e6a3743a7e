# The format-spec mini-language (format(), f-strings) for str, int and float, and
# str.format / str.format_map with field names, conversions and nested specs.
INF = 1e400
NAN = INF - INF

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)
    def __str__(self):
        return '(%s, %s)' % (self.x, self.y)

class Custom:
    def __format__(self, spec):
        return 'custom[' + spec + ']'

class BadFormat:
    def __format__(self, spec):
        return 42

class Plain:
    pass

# str
for spec in ['', 's', '10', '<10', '>10', '^10', '^9', '*^9', '.2', '10.2', '-<6', '0>5', '05', '\U0001F600^5', 'x<0', '=^3']:
    t('str ' + spec, lambda: format('héllo', spec))
t('str astral width', lambda: format('\U0001F600', '>3'))
for spec in ['d', '+', ' ', '#', '=10', ',', '_', 'z', 'abc', '.', '10.', 'ss']:
    t('str bad ' + spec, lambda: format('abc', spec))

# int
for spec in ['', 'd', '5', '<5', '^5', '=+5', '+', '-', ' ', ',', '_', 'b', '#b', 'o', '#o', 'x', '#x', 'X', '#X', '_b', '_x', '#_x', 'c', 'n', '08', '08,', '07,', '09_', '+09,', '#010x', '#010_x', '*^+9', 'e', '.2f', '%', 'g', 'E', '.0%', ',.1f', '=10']:
    t('int ' + spec, lambda: (format(1234567, spec), format(-42, spec) if spec not in ['c'] else format(9731, spec), format(0, spec)))
t('int big', lambda: (format(1180591620717411303424, ','), format(-1180591620717411303424, '#x'), format(18446744073709551616, '_b')))
t('bool', lambda: (format(True), format(True, 'd'), format(False, '>5'), format(True, '#x')))
for spec in ['.2', '.2d', '+c', '#c', ',c', ',n', ',b', ',,', ',_', '_,', 'z', 'zd', 's', 'q', '99999999999999999999']:
    t('int bad ' + spec, lambda: format(5, spec))
t('int c range', lambda: format(0x110000, 'c'))
t('int c negative', lambda: format(-1, 'c'))

# float
values = [0.0, -0.0, 1.5, -2.25, 1234567.891, 1e-7, 1e16, 123456789.0, 0.1, 2.5, 3.0, INF, -INF, NAN]
for spec in ['', 'f', '.2f', 'e', '.3e', 'E', 'g', '.3g', 'G', '%', '.1%', '10.3f', '<10.2f', '^12.3e', '=+12.2f', '012.3f', ',', ',.2f', '_.3f', '+', ' ', '#', '#.0f', '#.0e', '#g', '.0', '.3', '.10', 'n', '.3n', 'z', 'z.1f', 'F', '.0f', '015,.2f', '.20f', '.17g']:
    t('float ' + spec, lambda: [format(v, spec) for v in values])
for spec in ['d', 'x', 'c', 's', ',n', 'abc', '.']:
    t('float bad ' + spec, lambda: format(1.5, spec))

# f-strings go through the same protocol
width = 8
prec = 3
name = 'Ann'
t('fstring', lambda: f'{name!r:>{width}}|{3.14159:{width}.{prec}f}|{255:#x}|{name!s:^7}|{"é"!a}|{12345:,}')
t('fstring custom', lambda: f'{Custom():abc}|{Custom()}')
t('fstring plain', lambda: f'{Plain()!s:.0}' + f'{Point(1, 2)}')
t('fstring bad spec', lambda: f'{Plain():>10}')
t('fstring bad format', lambda: f'{BadFormat():x}')

# str.format
t('positional', lambda: '{} and {}'.format('a', 'b'))
t('numbered', lambda: '{1} {0} {1}'.format('a', 'b'))
t('keywords', lambda: '{name} is {age}'.format(name='Bob', age=5))
t('mixed', lambda: '{0} {x} {1}'.format(1, 2, x=3))
t('attribute', lambda: '{0.x}-{0.y} {p.x}'.format(Point(1, 2), p=Point(3, 4)))
t('index', lambda: '{0[1]} {0[0]} {d[key]} {d[1]}'.format([10, 20], d={'key': 'v', 1: 'one'}))
t('chained', lambda: '{0[0].x} {0[1][0]}'.format([Point(7, 8), 'xyz']))
t('conversions', lambda: '{0!r} {0!s} {0!a} {1!r:>12}'.format('é', Point(1, 2)))
t('nested spec', lambda: '{0:{1}{2}}|{:{}}'.format(3.14159, '>10', '.2f') if False else '{0:{1}}|{0:{w}.{p}f}'.format(3.14159, '>10', w=9, p=2))
t('auto nested', lambda: '{:{}}|{:{}.{}}'.format('ab', 5, 1.23456, 8, 3))
t('escapes', lambda: '{{}} {{{0}}} }}{{'.format('x'))
t('custom', lambda: '{0:spec!}|{0}'.format(Custom()))
t('format_map', lambda: '{a} {b[0]}'.format_map({'a': 1, 'b': [2]}))
t('empty', lambda: ''.format(1, 2))
t('no fields', lambda: 'abc'.format())
t('unicode digits index', lambda: '{\u0661}'.format('a', 'b'))
t('spaces key', lambda: '{ 0}'.format(1))
t('negative key', lambda: '{-1}'.format(1))
t('int index on str', lambda: '{0[-1]}'.format({'-1': 'neg'}))
for fmt in ['{', '}', '{0', '{0!x}', '{0!r', '{0!}', '{!}', '{0!rr}', '{:', '{0:{', '{0[}', '{0[0]x}', '{0.}', '{0[]}', '{} {0}', '{0} {}', '{2}', '{a}', '{0:{1:{2}}}', '{0.nope}', '{0[5]}', 'a{0:d}', '{0!', '{0{}', 'x}y', '{0:{}}', '{0[0]]}', '{0.x[}']:
    t('format error ' + fmt, lambda: fmt.format('abc', 'def', 3))
t('format_map positional', lambda: '{0}'.format_map({}))
t('format_map missing', lambda: '{x}'.format_map({}))
t('format_map auto', lambda: '{}'.format_map({}))
t('format bad spec obj', lambda: '{0:>10}'.format(Plain()))
t('format bad result', lambda: '{0:x}'.format(BadFormat()))

# format() builtin
t('format builtin', lambda: (format(5), format('x'), format(2.5), format(None), format(Point(1, 2)), format([1], '')))
t('format none spec', lambda: format(None, 'x'))
t('format list spec', lambda: format([1], '>5'))
