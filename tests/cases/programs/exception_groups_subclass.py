# Exception group subclasses (__new__, derive), bare re-raise in except*, nesting, BaseExceptionGroup parts.
class MyEG(ExceptionGroup):
    def __new__(cls, message, excs, extra):
        self = super().__new__(cls, message, excs)
        self.extra = extra
        return self

    def __init__(self, message, excs, extra):
        super().__init__(message, excs)

    def derive(self, excs):
        return MyEG(self.message, excs, self.extra)

eg = MyEG('mine', [ValueError(1), TypeError(2)], 'x')
print(repr(eg), eg.extra, eg.args)
m, r = eg.split(ValueError)
print(repr(m), m.extra, repr(r))
try:
    try:
        raise ValueError(1)
    except* ValueError:
        raise
except BaseException as e:
    print('bare reraise of naked:', repr(e))
try:
    try:
        raise eg
    except* ValueError as g:
        print('handler got', type(g).__name__, repr(g))
except BaseException as e:
    print('rest', repr(e), type(e).__name__)
for i in range(2):
    try:
        raise ExceptionGroup('loop', [KeyError(i)])
    except* KeyError as g:
        print('loop', i, repr(g))
def nested():
    try:
        raise ExceptionGroup('n', [ValueError('a'), TypeError('b')])
    except* ValueError:
        try:
            raise KeyError('inner')
        except KeyError:
            print('inner handled')
    except* TypeError as t:
        print('types', repr(t))
nested()
class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 5
try:
    BadDerive('b', [ValueError(), TypeError()]).split(ValueError)
except TypeError as e:
    print('TypeError', e)
print(type(ExceptionGroup("x", [ValueError()]).exceptions).__name__)
b = BaseExceptionGroup('b', [KeyboardInterrupt(), ValueError(1)])
print(repr(b.subgroup(Exception)), repr(b.split(KeyboardInterrupt)))
print(repr(b.derive([ValueError(3)])))
