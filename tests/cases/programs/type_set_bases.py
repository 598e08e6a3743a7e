class A:
    def f(self): return "A"
    def __len__(self): return 1
class B:
    def f(self): return "B"
    def __len__(self): return 2
class C(A): pass
class D(C): pass
c, d = C(), D()
print(c.f(), len(c), d.f(), C.__mro__)
C.__bases__ = (B,)
print(c.f(), len(c), d.f(), len(d), C.__bases__, D.__mro__, A.__subclasses__(), B.__subclasses__())
C.__bases__ = (A, B)
print(C.__mro__, c.f())
for v in [(), [A], (1,), (D,), None]:
    try:
        if v is None: del C.__bases__
        else: C.__bases__ = v
    except TypeError as e: print(type(e).__name__, e)
try: int.__bases__ = (object,)
except TypeError as e: print(e)
class T(tuple): pass
try: T.__bases__ = (object,)
except TypeError as e: print(e)
from typing import NamedTuple
class P(NamedTuple):
    x: int
    y: int = 2
print(P(1), P._fields, P.__bases__)
import tomllib
print(tomllib.loads('a = 1\n[t]\nb = "x"\nc = [1, 2]'))
try: import nosuchmodule_x
except ImportError as e: print(e.name, e.msg, e.path)
