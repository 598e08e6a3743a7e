# Class namespaces from __prepare__ see every store; type(name, bases, ns) builds an instance
# of the most derived metaclass (what enum's _simple_enum relies on).
class D(dict):
    def __setitem__(self, k, v):
        print('setitem', k)
        super().__setitem__(k, v)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwds):
        return D()

    def __new__(mcls, name, bases, ns, *, flag=None, **kwds):
        print('Meta.__new__', name, flag, sorted(ns))
        return super().__new__(mcls, name, bases, ns, **kwds)


class A(metaclass=Meta):
    x = 1

    def f(self):
        return 2


B = type('B', (A,), {'y': 3}, flag='on')
print(type(B).__name__, B.y, B.x, B().f())
C = type('C', (A,), {})
print(type(C).__name__)


class Other(type):
    pass


class O(metaclass=Other):
    pass


try:
    type('X', (A, O), {})
except TypeError as e:
    print(type(e).__name__, e)


class Plain(type):
    pass


P1 = type('P1', (type('Base', (), {}),), {})
print(type(P1).__name__)
P2 = Plain('P2', (), {})
P3 = type('P3', (P2,), {})
print(type(P3).__name__)
