# Python subclasses of int, float, str and tuple: __new__ makes the value, operations return the base type.

class Color(int):
    def describe(self): return f"color {int(self)}"
c = Color(5)
print(c, repr(c), type(c).__name__, c.describe(), c + 1, type(c + 1).__name__, c == 5, hash(c) == hash(5), -c, type(-c).__name__)
print(isinstance(c, int), int(c), type(int(c)).__name__, str(c), f"{c}", f"{c:03d}", {c: 1}[5], [1,2,3,4,5,6][c])
class Hex(int):
    def __repr__(self): return hex(self)
    def __str__(self): return "H" + int.__repr__(self)
print(Hex(255), repr(Hex(255)), [Hex(16)], Hex("ff", 16))
class F(float):
    pass
f = F(1.5)
print(f, type(f).__name__, f * 2, type(f * 2).__name__, F(), F("2.5"))
class Name(str):
    def shout(self): return self.upper() + "!"
n = Name("bob")
print(n, repr(n), n.shout(), type(n).__name__, n + "x", type(n + "x").__name__, n == "bob", {"bob": 1}[n], n[0], type(n[0]).__name__, len(n))
print(type(n.upper()).__name__, "%s" % n, f"{n}", str(n), type(str(n)).__name__, Name())
class P(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def x(self): return self[0]
    @property
    def y(self): return self[1]
p = P(1, 2)
print(p, p.x, p.y, type(p).__name__, len(p), p + (3,), type(p + (3,)).__name__, p == (1, 2), hash(p) == hash((1, 2)), p[:1])
a, b = p
print(a, b, tuple(p), type(tuple(p)).__name__, list(p))
class T(tuple): pass
print(T(), T([1, 2]), T("ab"))
try:
    class B(bool): pass
except Exception as e: print(type(e).__name__, e)
class Pt(tuple):
    __slots__ = ()
    def __new__(cls, x, y): return tuple.__new__(cls, (x, y))
    def __repr__(self): return f"Pt(x={self[0]}, y={self[1]})"
print(Pt(1, 2), [Pt(3, 4)])
class I2(int):
    def __new__(cls, v, extra):
        self = super().__new__(cls, v)
        self.extra = extra
        return self
i2 = I2(7, "e")
print(i2, i2.extra, i2 * 2)
class Add(int):
    def __add__(self, o): return "added"
print(Add(1) + 2, 2 + Add(1), Add(3) - 1)

print(int.__new__(Color, 3), type(int.__new__(Color, 3)).__name__, float.__new__(F, 2), str.__new__(Name, "x").shout(), tuple.__new__(T, [1]))
for call in [lambda: int.__new__(str), lambda: int.__new__(list, 1), lambda: tuple.__new__(int), lambda: Color("x"), lambda: P(1), lambda: F("nope")]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

class Weekday(int):
    names = ["Mon", "Tue", "Wed"]
    def __new__(cls, value):
        if not 0 <= value < 3:
            raise ValueError(f"bad day {value}")
        return super().__new__(cls, value)
    @property
    def name(self):
        return self.names[self]
    def __repr__(self):
        return f"<Weekday.{self.name}: {int(self)}>"
days = [Weekday(2), Weekday(0), Weekday(1)]
print(sorted(days), max(days), days[0] > days[1], sum(days), days[0].name, range(5)[days[0]], bin(days[0]))
try:
    Weekday(7)
except ValueError as e:
    print("ValueError", e)

class Caseless(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()
    def __hash__(self):
        return hash(self.lower())
k = Caseless("Key")
print(k == "KEY", k != "key", {Caseless("a"): 1}.get(Caseless("A")), k.lower(), k.split("e"), k.startswith("K"), "ey" in k)
print(sorted([Name("b"), Name("a")]), Name("a,b").split(","), Name("x") * 3, "-".join([Name("a"), Name("b")]), Name("ab").replace("a", "z"))

class Record(tuple):
    _fields = ("name", "age")
    def __new__(cls, name, age):
        return tuple.__new__(cls, (name, age))
    name = property(lambda self: self[0])
    age = property(lambda self: self[1])
    def _asdict(self):
        return dict(zip(self._fields, self))
    def __repr__(self):
        return "Record(" + ", ".join(f"{f}={v!r}" for f, v in zip(self._fields, self)) + ")"
r = Record("ann", 30)
print(r, r.name, r.age, r._asdict(), r == ("ann", 30), r < ("bob", 0), r.count(30), r.index("ann"), sorted([Record("z", 1), Record("a", 2)]))
try:
    r.name = "x"
except AttributeError as e:
    print("AttributeError", e)
print({r: 1}[("ann", 30)], isinstance(r, tuple), len(r), r * 2, type(r[0:1]).__name__)

class Money(float):
    def __str__(self):
        return f"${self:.2f}"
m = Money(3.14159)
print(m, str(m), repr(m), m + 1, round(m, 2), int(m), m > 3, f"{m:.1f}", "%.3f" % m)
try:
    class B2(bool): pass
except TypeError as e:
    print("TypeError", e)
class Big(int): pass
print(Big(2 ** 100), Big(2 ** 100) + 1, Big(-3) // 2, Big(10) % 3, abs(Big(-4)), type(abs(Big(-4))).__name__, Big("0x10", 16), Big(True), type(Big(True)).__name__)
