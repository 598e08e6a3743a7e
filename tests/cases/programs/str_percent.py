# printf-style formatting: str % args, every conversion, flags, width and precision,
# mapping keys, and CPython's errors.
INF = 1e400
NAN = INF - INF

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

class Idx:
    def __index__(self):
        return 42

class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5

class R:
    def __repr__(self):
        return 'R<é>'
    def __str__(self):
        return 'str-R'

t('s r a', lambda: '%s|%r|%a' % ('é', 'é', 'é'))
t('objects', lambda: '%s %r %a %s' % (R(), R(), R(), None))
t('s precision', lambda: '[%.2s] [%5.1s] [%-5s] [%5s]' % ('abc', 'xyz', 'ab', 'ab'))
t('s astral', lambda: '[%.2s] [%4s]' % ('\U0001F600\U0001F601x', '\U0001F600'))
t('ints', lambda: '%d %i %u %5d %-5d| %05d %+d % d %+05d' % (1, -2, 3, 42, 42, 42, 42, 42, -42))
t('int precision', lambda: '%.3d %8.4d %-8.4d| %08.3d' % (5, -5, 5, 7))
t('big int', lambda: '%d %x %o' % (1267650600228229401496703205376, 1267650600228229401496703205376, -1180591620717411303424))
t('hex oct', lambda: '%x %X %#x %#X %o %#o %#5x %#05x %-#6x|' % (255, 255, 255, 255, 8, 8, 15, 15, 15))
t('neg hex', lambda: '%x %#x %#o %+x' % (-255, -255, -8, 255))
t('bool int', lambda: '%d %s %r %x' % (True, True, False, True))
t('float to int', lambda: '%d %i %d' % (3.99, -3.99, 1e20))
t('index obj', lambda: '%x %o %d' % (Idx(), Idx(), Idx()))
t('int obj', lambda: '%d' % Num())
t('floats', lambda: '%f %F %e %E %g %G' % (3.14159, 2.5, 12345.678, 0.000123, 0.0001, 1e20))
t('float precision', lambda: '%.2f %.0f %.10f %.3e %.0e %.3g %.10g %.1g' % (2.675, 2.5, 0.1, 1234.5, 15.0, 1234567.0, 1.0 / 3, 0.05))
t('float flags', lambda: '%+.2f % .2f %08.2f %-8.2f| %+08.2f %#.0f %#.0e %#g %#.3g' % (1.5, 1.5, -1.5, 1.5, 1.5, 3.0, 3.0, 1.0, 2.0))
t('float special', lambda: '%f %F %e %g %5f %05f %+f %-6f|' % (INF, INF, NAN, -INF, INF, INF, INF, NAN))
t('float neg zero', lambda: '%f %g %e %.0f' % (-0.0, -0.0, -0.0, -0.4))
t('float from int', lambda: '%f %e %g' % (7, 10**20, 2**60))
t('float from obj', lambda: '%f %.1f' % (Num(), Idx()))
t('g switching', lambda: ' '.join('%g' % x for x in [0.0, 1e-5, 1e-4, 123456.0, 1234567.0, 1e16, 100.0, 1.5e-7]))
t('repr floats', lambda: '%r %s %r' % (0.1, 1e16, 1.0))
t('c', lambda: '%c%c%c|%3c|%-3c|' % (72, 'i', 0x1F600, 'x', 65))
t('percent', lambda: '100%% %s%%' % 'sure')
t('percent width', lambda: '[%5%]' % ())
t('percent width arg', lambda: '[%-5%]' % (1, 2))
t('percent key', lambda: '%(a)%' % {'a': 1})
t('star', lambda: '[%*d] [%-*d] [%.*f] [%*.*f] [%*s]' % (5, 42, 5, 42, 2, 3.14159, 8, 3, 2.0, -4, 'ab'))
t('length modifiers', lambda: '%ld %hd %Lf' % (1, 2, 3.0))
t('mapping', lambda: '%(name)s is %(age)d years, %(name)r' % {'name': 'Ann', 'age': 30})
t('mapping nested parens', lambda: '%((x))s' % {'(x)': 1})
t('mapping flags', lambda: '%(n)05d|%(n)-5d|%(n)+.1f' % {'n': 3})
t('mapping unused', lambda: 'plain' % {'a': 1})
t('mapping then plain', lambda: '%(a)s %s' % {'a': 1})
t('tuple arg', lambda: '%s' % ((1, 2),))
t('list arg', lambda: '%s' % [1, 2])
t('single', lambda: '%s!' % 'x')
t('empty tuple', lambda: 'abc' % ())
t('no conversions dict', lambda: 'abc' % {})

# errors
t('not enough', lambda: '%s %s' % ('a',))
t('not enough single', lambda: '%s %s' % 'a')
t('too many', lambda: '%s' % ('a', 'b'))
t('not all converted', lambda: 'abc' % 'x')
t('not all list', lambda: '%s %s' % [1, 2])
t('d str', lambda: '%d' % '3')
t('i list', lambda: '%i' % [1])
t('x float', lambda: '%x' % 3.0)
t('o str', lambda: '%o' % 'a')
t('X none', lambda: '%X' % None)
t('f str', lambda: '%f' % 'x')
t('e none', lambda: '%e' % None)
t('c long str', lambda: '%c' % 'ab')
t('c float', lambda: '%c' % 1.5)
t('c range', lambda: '%c' % 0x110000)
t('c negative', lambda: '%c' % -1)
t('unsupported', lambda: '%y' % 1)
t('unsupported later', lambda: 'ab %s %k' % (1, 2))
t('unsupported nonascii', lambda: '%\xe9' % 1)
t('incomplete', lambda: 'abc %' % ())
t('incomplete flags', lambda: '%-5' % (1,))
t('incomplete key', lambda: '%(abc' % {'abc': 1})
t('key no mapping', lambda: '%(a)s' % ('x',))
t('key missing', lambda: '%(b)s' % {'a': 1})
t('star not int', lambda: '%*d' % ('x', 1))
t('star missing', lambda: '%*d' % (5,))
t('d nan', lambda: '%d' % NAN)
t('d inf', lambda: '%d' % INF)
t('int mod', lambda: 5 % 3)
t('rmod not str', lambda: 3 % 'a')
