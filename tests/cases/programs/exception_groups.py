# Exception groups (PEP 654): construction, split/subgroup/derive, except*.
def show(eg, indent=''):
    if eg is None:
        print(indent + 'None')
        return
    print(indent + type(eg).__name__ + ' ' + repr(str(eg)))
    if isinstance(eg, BaseExceptionGroup):
        for e in eg.exceptions:
            show(e, indent + '  ')


eg = ExceptionGroup('many', [ValueError(1), TypeError(2), ValueError(3)])
show(eg)
print(repr(eg), eg.message, eg.exceptions, eg.args)
print(type(BaseExceptionGroup('x', [ValueError()])).__name__, type(BaseExceptionGroup('x', [KeyboardInterrupt()])).__name__)
print(repr(ExceptionGroup('one', (KeyError('k'),))), str(ExceptionGroup('one', [KeyError('k')])))

for args in [(), ('m',), (1, [ValueError()]), ('m', 5), ('m', []), ('m', [1]), ('m', [ValueError()], 3)]:
    try:
        BaseExceptionGroup(*args)
    except (TypeError, ValueError) as x:
        print(type(x).__name__, x)
try:
    ExceptionGroup('m', [KeyboardInterrupt()])
except TypeError as x:
    print('TypeError', x)


class MyEG(ExceptionGroup):
    pass


try:
    MyEG('m', [KeyboardInterrupt()])
except TypeError as x:
    print('TypeError', x)

# split and subgroup
match, rest = eg.split(ValueError)
show(match)
show(rest)
show(eg.subgroup(TypeError))
show(eg.subgroup(OSError))
m0, r0 = eg.split(Exception)
print(eg.subgroup(Exception) is eg, m0 is eg, r0)
show(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args == (3,)))
_, r1 = eg.split((TypeError, KeyError))
show(r1)
for bad in (5, (ValueError, 1), 'x'):
    try:
        eg.split(bad)
    except TypeError as x:
        print('TypeError', x)

nested = ExceptionGroup('outer', [ValueError('a'), ExceptionGroup('inner', [TypeError('b'), ValueError('c')]), KeyError('d')])
m, r = nested.split(ValueError)
show(m)
show(r)
first, second = m.exceptions
print(second.message)

# metadata is copied to the parts
eg2 = ExceptionGroup('meta', [ValueError(1), TypeError(2)])
eg2.add_note('a note')
eg2.__cause__ = KeyError('cause')
m, r = eg2.split(ValueError)
print(m.__notes__, r.__notes__, m.__notes__ is eg2.__notes__, repr(m.__cause__), m.__suppress_context__)


# derive on a subclass
class Tagged(ExceptionGroup):
    def derive(self, excs):
        return Tagged(self.message + '!', excs)


t = Tagged('tag', [ValueError(1), TypeError(2)])
m, r = t.split(ValueError)
print(type(m).__name__, m.message, type(r).__name__, r.message)
d = eg.derive([KeyError(1)])
print(type(d).__name__, d.message, d.exceptions)

# except*
def handle(exc):
    try:
        raise exc
    except* ValueError as g:
        print('  ValueError group', repr(g))
    except* TypeError as g:
        print('  TypeError group', repr(g))


handle(ExceptionGroup('both', [ValueError(1), TypeError(2), ValueError(3)]))
handle(ValueError('naked'))
try:
    handle(ExceptionGroup('partial', [ValueError(1), KeyError(2)]))
except ExceptionGroup as rest:
    print('rest', repr(rest))
try:
    handle(KeyError('naked unmatched'))
except KeyError as k:
    print('unmatched naked', repr(k))


def raise_in_handler():
    try:
        raise ExceptionGroup('src', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('new')
    except* TypeError:
        pass


try:
    raise_in_handler()
except ExceptionGroup as g:
    show(g)
    first, = g.exceptions
    print(repr(first.__context__))


def reraise_bare():
    try:
        raise ExceptionGroup('src', [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise
    except* TypeError:
        pass


try:
    reraise_bare()
except ExceptionGroup as g:
    show(g)


def raise_and_reraise():
    try:
        raise ExceptionGroup('src', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise IndexError('from handler')


try:
    raise_and_reraise()
except ExceptionGroup as g:
    show(g)


def naked_raise_new():
    try:
        raise ValueError('naked')
    except* ValueError:
        raise TypeError('replacement')


try:
    naked_raise_new()
except TypeError as e:
    print('replacement', repr(e), repr(e.__context__))

for bad in (int, ExceptionGroup, (ValueError, BaseExceptionGroup)):
    try:
        try:
            raise ValueError
        except* bad:
            pass
    except TypeError as x:
        print('TypeError', x)

try:
    try:
        raise ExceptionGroup('eg', [ValueError(1)])
    except* ValueError as g:
        print('in handler', type(g).__name__)
        print(g.exceptions)
    print('after')
except Exception as x:
    print('unexpected', x)


def else_finally():
    try:
        pass
    except* ValueError:
        print('no')
    else:
        print('else runs')
    finally:
        print('finally runs')


else_finally()
