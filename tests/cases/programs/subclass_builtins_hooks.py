# Class creation hooks: __set_name__, __init_subclass__, __class_getitem__, property names, __dict__.

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, owner=None):
        return self if obj is None else obj.__dict__.get(self.name)
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value

class Model:
    x = Field()
    y = Field()
m = Model()
m.x = 3
print(m.x, m.y, m.__dict__, type(Model.__dict__["x"]).__name__)

class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("boom")
try:
    class HasBad:
        b = Bad()
except Exception as e:
    print(type(e).__name__, e, repr(e.__cause__))

class Plugin:
    registry = []
    def __init_subclass__(cls, /, key=None, **kw):
        super().__init_subclass__(**kw)
        cls.key = key
        Plugin.registry.append(cls.__name__)
class A(Plugin, key="a"): pass
class B(Plugin): pass
class C(A, key="c"): pass
print(Plugin.registry, A.key, B.key, C.key, type(Plugin.__dict__["__init_subclass__"]).__name__)
try:
    class D(key="d"): pass
except TypeError as e:
    print("TypeError", e)
try:
    class E(Plugin, other=1): pass
except TypeError as e:
    print("TypeError", e)
try:
    object.__init_subclass__(1)
except TypeError as e:
    print("TypeError", e)
print(object.__init_subclass__(), type(object.__dict__["__init_subclass__"]).__name__)

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"
print(Box[int], type(Box.__dict__["__class_getitem__"]).__name__)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(kw))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class WithMeta(metaclass=Meta, flag=1):
    def __init_subclass__(cls, **kw):
        print("sub", cls.__name__, kw)
class Sub(WithMeta, flag=2): pass

class P:
    x = property(lambda self: 1)
    @property
    def y(self):
        return 2
    @y.setter
    def y(self, v):
        pass
p = P()
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    del p.x
except AttributeError as e:
    print("AttributeError", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError", e)
P.z = property()
try:
    p.z
except AttributeError as e:
    print("AttributeError", e)

class Plain:
    pass
o = Plain()
o.a = 1
print(o.__dict__, type(Plain.__dict__).__name__, "a" in o.__dict__, o.__class__.__name__)
o.__dict__ = {"b": 2}
print(o.b, o.__dict__)
try:
    o.__dict__ = 5
except TypeError as e:
    print("TypeError", e)
class Other:
    pass
o.__class__ = Other
print(type(o).__name__, o.b, isinstance(o, Other))
try:
    o.__class__ = int
except TypeError as e:
    print("TypeError", e)

class Singleton(type):
    instances = {}
    def __call__(cls, *args, **kw):
        if cls not in Singleton.instances:
            Singleton.instances[cls] = super().__call__(*args, **kw)
        return Singleton.instances[cls]
    def __repr__(cls):
        return f"<class {cls.__name__} via Singleton>"
    @property
    def label(cls):
        return cls.__name__.lower()
class Conf(metaclass=Singleton):
    def __init__(self, v=0):
        self.v = v
c1 = Conf(1)
c2 = Conf(2)
print(c1 is c2, c1.v, Conf, type(Conf).__name__, Conf.label, isinstance(Conf, type), type(Conf).__mro__)

class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"order": []}
    def __new__(mcls, name, bases, ns):
        ns["fields"] = [k for k in ns if not k.startswith("_") and k != "order"]
        return super().__new__(mcls, name, bases, ns)
class Rec(metaclass=Ordered):
    b = 1
    a = 2
print(Rec.fields, type(Rec).__name__)
T2 = type("T2", (list,), {"extra": lambda self: len(self)})
print(T2([1, 2]).extra(), T2.__name__, T2.__base__)
