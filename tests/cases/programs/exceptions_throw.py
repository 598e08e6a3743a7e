# Exceptions thrown into generators (yield from delegation), throw() argument forms, raise errors.
def sub():
    try:
        yield 1
    except ValueError as e:
        print('sub caught', e)
        yield 'sub recovered'
    finally:
        print('sub finally')
    return 'sub done'

def outer():
    r = yield from sub()
    print('outer got', r)
    yield 'outer next'

g = outer()
print(next(g))
print(g.throw(ValueError('v')))
print(next(g))
print(next(g, 'end'))
g = outer()
next(g)
g.close()
print('closed')
g = outer(); next(g)
try: g.throw(KeyError('k'))
except KeyError as e: print('propagated', repr(e))
def simple():
    try:
        yield 1
    except Exception as e:
        print('got', repr(e), e.args)
        yield 2
for args in [(ValueError, 5), (ValueError, (1, 2)), (ValueError(3),), (ValueError, ValueError(4)), (ValueError(1), 2), (1,), (ValueError, None, 5)]:
    g = simple(); next(g)
    try: print(g.throw(*args))
    except Exception as e: print(type(e).__name__, e)
for c in [1, 'x']:
    try: raise ValueError from c
    except TypeError as e: print('TypeError', e)
try: raise 5
except TypeError as e: print('TypeError', e)
class E(Exception):
    def __init__(self, a, *, kw=None):
        super().__init__(a)
        self.kw = kw
e = E(1, kw=2); print(repr(e), e.kw, e.args)
class F(Exception):
    def __new__(cls, *args, **kw):
        return super().__new__(cls, *args)
print(repr(F(1, 2)))
print(repr(BaseException.__new__(ValueError, 1, 2)))
e = ValueError(1); e.__init__(2, 3); print(e.args)
def gen_ctx():
    try:
        raise KeyError('inner')
    except KeyError:
        yield 1
        raise ValueError('after yield')
g = gen_ctx(); next(g)
try: next(g)
except ValueError as e: print(repr(e), repr(e.__context__))
print(StopIteration().value, SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code)
