# __slots__: member descriptors, dict-less instances, inheritance, errors (typeobject.c).
class C:
    __slots__ = ('a', 'b')
c = C()
c.a = 1
print(c.a, C.a, type(C.__dict__['a']).__name__, C.__slots__, hasattr(c, '__dict__'))
for action in ("c.b", "c.z", "del c.b", "setattr(c, 'z', 1)"):
    try:
        exec(action)
    except AttributeError as e:
        print(action, "->", repr(e))
del c.a
print(hasattr(c, 'a'))

class D(C):
    pass
d = D(); d.a = 2; d.extra = 3
print(d.a, d.__dict__, D.__dict__.get('__dict__') is not None)

class E:
    __slots__ = ('__x', 'y', '__dict__')
    def f(self):
        self.__x = 1
        return self.__x
e = E(); e.y = 5; e.other = 6
print(E().f(), [k for k in E.__dict__ if not k.startswith('__')], e.__dict__)

class F(C):
    __slots__ = ('c',)
f = F(); f.a, f.b, f.c = 1, 2, 3
print(f.a, f.b, f.c, hasattr(f, '__dict__'))

class G:
    __slots__ = 'single'
g = G(); g.single = 'ok'; print(g.single, G.__slots__)

class H:
    __slots__ = {'p': 'doc of p', 'q': None}
print(H.p.__doc__, H.q.__doc__, H.p.__name__, H.p.__qualname__, H.p.__objclass__.__name__)

class Empty:
    __slots__ = ()
try:
    Empty().x = 1
except AttributeError as e:
    print("AttributeError", e)

for src in (
    "class F1:\n    __slots__ = ('a',)\n    a = 1",
    "class F2(int):\n    __slots__ = ('a',)",
    "class F3(C, E): pass",
    "class F4:\n    __slots__ = (1,)",
    "class F5:\n    __slots__ = ('1a',)",
    "class F6:\n    __slots__ = ('__dict__', '__dict__')",
    "class F7(D):\n    __slots__ = ('__dict__',)",
):
    try:
        exec(src)
        print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

class I(int):
    __slots__ = ()
print(I(5) + 1)

try:
    C.a.__get__(E())
except TypeError as e:
    print("TypeError", e)

class P:
    __slots__ = ('a',)
class Q:
    __slots__ = ('a',)
p = P()
try:
    p.__class__ = D
except TypeError as e:
    print("TypeError", e)


class R:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1

print(R().__getstate__())
