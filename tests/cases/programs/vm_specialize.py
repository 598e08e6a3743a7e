# The specialising interpreter's caches must never change results: each loop below runs one
# instruction many times, then changes what it depends on (class attributes, instance dicts,
# globals shadowing builtins, __getattr__, __init__) and runs it again.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return self.x - self.y


def read_x(objs):
    return [o.x for o in objs]


def call_norm(objs):
    return [o.norm1() for o in objs]


pts = [Point(i, -i) for i in range(5)]
print(read_x(pts), call_norm(pts))

# An instance attribute shadows the method for one instance only.
pts[2].norm1 = lambda: "shadowed"
print(call_norm(pts))

# Replacing the method on the class reaches every instance.
Point.norm1 = lambda self: self.x * 10
print(call_norm(pts))

# Attributes stored in another order, and deleted, still read correctly.
q = Point.__new__(Point)
q.y = 1
q.x = 2
print(read_x(pts + [q]))
del q.x
try:
    read_x([q])
except AttributeError as e:
    print(type(e).__name__, e)

# A class attribute is found when the instance has none, and stops being found when deleted.
Point.x = "class x"
print(read_x([q, pts[0]]))
del Point.x
try:
    read_x([q])
except AttributeError as e:
    print(type(e).__name__, e)

# __getattr__ added later is consulted.
Point.__getattr__ = lambda self, name: "getattr " + name
print(read_x([q, pts[1]]))
del Point.__getattr__

# A property (data descriptor) takes precedence over the instance dict.
class Temp:
    def __init__(self):
        self.c = 1

    @property
    def f(self):
        return self.c * 9 / 5 + 32


temps = [Temp() for _ in range(3)]
print([t.f for t in temps])
Temp.f = 5
print([t.f for t in temps])

# Stores: a store through a cached site goes to the right instance dict.
def set_all(objs, v):
    for o in objs:
        o.x = v


set_all([pts[1], pts[2], pts[3], pts[4]], 7)
print(read_x([pts[1], pts[2], pts[3], pts[4]]))


# Globals shadowing builtins, then removed again.
def use_len():
    return len("abc")


print([use_len() for _ in range(3)])
len = lambda s: "global len"
print(use_len())
del len
print(use_len())


def use_global():
    return counter


counter = 1
print([use_global() for _ in range(3)])
counter = 2
print(use_global())
del counter
try:
    use_global()
except NameError as e:
    print(type(e).__name__, e)


# Class calls run __init__ inline: its result, its errors and a changed __init__.
class Bad:
    def __init__(self, v):
        self.v = v
        if v == 3:
            return 5


made = []
for i in range(3):
    made.append(Bad(i).v)
print(made)
try:
    Bad(3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Bad()
except TypeError as e:
    print(type(e).__name__, e)


def new_init(self, a, b=2):
    self.v = a + b


Bad.__init__ = new_init
print([Bad(i).v for i in range(3)])


class WithNew(Bad):
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.extra = len(args)
        return obj


w = [WithNew(i) for i in range(2)]
print([(o.v, o.extra) for o in w])


class Raises:
    def __init__(self):
        raise ValueError("in init")


for _ in range(2):
    try:
        Raises()
    except ValueError as e:
        print(type(e).__name__, e)


# One method-call site seeing a builtin type and a class defining the same method.
class Appends:
    def append(self, x):
        print("own append", x)


for o in [[1], [], Appends(), [2, 3], Appends()]:
    o.append(9)
    print(o if isinstance(o, list) else "Appends")
