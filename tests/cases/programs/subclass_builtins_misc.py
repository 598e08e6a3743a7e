# __mro_entries__, complex subclasses, object.__new__ on builtin layouts, type() with builtin bases.

class Generic:
    def __init__(self, *args):
        self.args = args
    def __mro_entries__(self, bases):
        return (list,)
class Alias(Generic(int), dict.__class__ and object):
    pass
print(Alias.__mro__, type(Alias.__orig_bases__[0]).__name__, Alias.__orig_bases__[1], Alias([1]))

class Plain:
    pass
print("__orig_bases__" in Plain.__dict__)

class BadEntries:
    def __mro_entries__(self, bases):
        return [list]
try:
    class B(BadEntries()):
        pass
except TypeError as e:
    print("TypeError", e)

class Two:
    def __mro_entries__(self, bases):
        return (dict, )
class FromTwo(Two()):
    pass
print(FromTwo(a=1), FromTwo.__base__)

class Z(complex):
    def norm(self):
        return abs(self)
z = Z(3, 4)
print(z, z.norm(), type(z).__name__, z + 1, type(z + 1).__name__, z == 3 + 4j, Z("1+2j"), Z())

for cls in [list, dict, int, str, tuple]:
    sub = type("Sub" + cls.__name__, (cls,), {})
    try:
        object.__new__(sub)
    except TypeError as e:
        print("TypeError", e)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError", e)

class MyList(list):
    def __new__(cls, *args):
        self = super().__new__(cls)
        self.created = True
        return self
ml = MyList([1, 2])
print(ml, ml.created, list.__new__(MyList), dict.__new__(type("D", (dict,), {})))
try:
    list.__new__(int)
except TypeError as e:
    print("TypeError", e)

class ErrList(Exception):
    pass
try:
    raise ErrList("x")
except ErrList as e:
    print(type(e).__name__, e, e.__dict__)

class FS(frozenset):
    def biggest(self):
        return max(self)
fs = FS([3, 1, 2])
print(fs, FS(), fs.biggest(), type(fs).__name__, type(fs.copy()).__name__, type(fs | {9}).__name__, hash(fs) == hash(frozenset([1, 2, 3])), fs == {1, 2, 3})
print({fs: 1}[frozenset({1, 2, 3})], frozenset(fs) is fs, type(frozenset(fs)).__name__, isinstance(fs, frozenset))
f0 = frozenset([1])
print(f0.copy() is f0, frozenset(f0) is f0)
