# dir() of instances, classes, scopes and __dir__; id() identity.
class A:
    x = 1
    def m(self): pass
class B(A):
    y = 2
b = B(); b.z = 3
print([n for n in dir(b) if not n.startswith('__')])
print([n for n in dir(B) if not n.startswith('__')])
print('__class__' in dir(b), '__init__' in dir(b), '__mro__' in dir(B))
def f():
    q = 1; r = 2
    print(dir())
f()
class D:
    def __dir__(self): return ['b', 'a', 'c']
print(dir(D()))
print(id(b) == id(b), id(b) != id(B()), type(id(b)).__name__)
print(dir(1)[:5] == sorted(dir(1))[:5])
class O:
    def __init__(self):
        self.u = 1
print(vars(O()))
