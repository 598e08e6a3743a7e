# The object model's protocols: __instancecheck__/__subclasscheck__, __abstractmethods__,
# __dir__, __format__, __reduce_ex__/__getstate__, class-level attributes of type.

class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == 5
    def __subclasscheck__(cls, sub):
        return sub is int
class X(metaclass=Meta): pass
print(isinstance(5, X), isinstance(4, X), issubclass(int, X), issubclass(str, X))
print(isinstance(5, (str, X)), issubclass(int, (str, X)))

class Proxy:
    @property
    def __class__(self):
        return int
print(isinstance(Proxy(), int), isinstance(Proxy(), Proxy), type(Proxy()).__name__)

class NotAType:
    __bases__ = ()
na = NotAType()
try:
    isinstance(1, 3)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(3, int)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(int, 3)
except TypeError as e:
    print("TypeError", e)

class A: pass
class B(A): pass
print(type.__flags__ & (1 << 9), A.__flags__ & (1 << 9) != 0, A.mro(), [c.__name__ for c in A.__subclasses__()])
print(type.__instancecheck__(A, B()), type.__subclasscheck__(A, B))
print(type.__prepare__('N', (), x=1), Meta.__prepare__('M', ()))

class AB:
    def f(self): pass
AB.__abstractmethods__ = frozenset({'f', 'g'})
try:
    AB()
except TypeError as e:
    print("TypeError", e)
AB.__abstractmethods__ = frozenset({'f'})
try:
    AB()
except TypeError as e:
    print("TypeError", e)
AB.__abstractmethods__ = frozenset()
print(type(AB()).__name__, AB.__abstractmethods__)
del AB.__abstractmethods__
try:
    AB.__abstractmethods__
except AttributeError as e:
    print("AttributeError", e)
try:
    type.__abstractmethods__
except AttributeError as e:
    print("AttributeError", e)

A.__name__ = 'Renamed'; A.__qualname__ = 'Outer.Renamed'
print(A, A.__name__, A.__qualname__)
for target, attr, value in ((int, '__name__', 'x'), (A, '__name__', 3), (A, '__qualname__', None)):
    try:
        setattr(target, attr, value)
    except TypeError as e:
        print("TypeError", e)
A.__module__ = 'elsewhere'
print(A, int.__module__, type.__module__)
class Ann:
    x: int
print(Ann.__annotations__, A.__annotations__)

# __dir__ and dir()
class D:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
print([n for n in dir(D()) if not n.startswith('__')], [n for n in dir(D) if not n.startswith('__')])
class CustomDir:
    def __dir__(self):
        return ['b', 'a', 'c']
print(dir(CustomDir()))
import sys
print('argv' in dir(sys), 'path' in sys.__dir__(), '__dir__' in dir(object))
print(object.__dir__(D())[:0], type.__dir__(D) == sorted(type.__dir__(D)) or 'unsorted')

# __format__
d0 = D()
print(format(d0, '') == str(d0), object.__format__(1, ''))
try:
    format(D(), 'x')
except TypeError as e:
    print("TypeError", e)

# __getstate__ and __reduce_ex__
d = D()
print(d.__getstate__(), D.__new__(D).__getstate__())
class S:
    __slots__ = ('p', 'q')
import copyreg
r = d.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1], r[2], r[3], r[4])
r = d.__reduce_ex__(1)
print(r[0] is copyreg._reconstructor, r[1], r[2])
print(d.__reduce__()[1])
class L(list): pass
l = L([1, 2]); l.y = 3
r = l.__reduce_ex__(2)
print(r[1], r[2], list(r[3]), r[4])
r = {1: 2}.__reduce_ex__(2)
print(r[1], r[2], r[3], list(r[4]))
r = (5).__reduce_ex__(2)
print(r[1], r[2])
class NewArgs:
    def __init__(self, a): self.a = a
    def __getnewargs__(self): return (self.a,)
print(NewArgs(7).__reduce_ex__(2)[1:3])
class NewArgsEx:
    def __getnewargs_ex__(self): return ((1,), {'k': 2})
r = NewArgsEx().__reduce_ex__(4)
print(r[0] is copyreg.__newobj_ex__, r[1])
class OwnReduce:
    def __reduce__(self): return (OwnReduce, ())
print(OwnReduce().__reduce_ex__(2))
class BadNewArgs:
    def __getnewargs__(self): return [1]
try:
    BadNewArgs().__reduce_ex__(2)
except TypeError as e:
    print("TypeError", e)
try:
    (x for x in ()).__reduce_ex__(2)
except TypeError as e:
    print("TypeError", e)
print(object.__subclasshook__(), A.__subclasshook__(int))
