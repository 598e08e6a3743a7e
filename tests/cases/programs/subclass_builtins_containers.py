# Python subclasses of list, dict and set: real containers that carry their class and a __dict__.

class L(list):
    def total(self):
        return sum(self)

l = L([1, 2, 3])
print(l, type(l).__name__, isinstance(l, list), l.total(), len(l))
l.append(4)
l.tag = "t"
print(l, l.tag, l.__dict__, l[1:], type(l[1:]).__name__, type(l + [1]).__name__, type(l * 2).__name__)
print(l == [1, 2, 3, 4], sorted(L([3, 1, 2])), L() == [], bool(L()), bool(l))
l.sort(reverse=True)
print(l, type(l).__name__, l.pop(), l, 3 in l, l.index(2), list(reversed(l)))

class L2(list):
    def __init__(self, *args):
        super().__init__(args)
    def __repr__(self):
        return "L2" + super().__repr__()
    def __len__(self):
        return 42
    def __iter__(self):
        return iter(["it"])
    def __getitem__(self, i):
        return ("get", i)
    def __setitem__(self, i, v):
        super().__setitem__(i, v * 2)
    def __contains__(self, x):
        return x == "yes"

x = L2(1, 2)
print(x, repr(x), str(x), len(x), list(x), [i for i in x], x[0], list.__getitem__(x, 0))
x[0] = 5
print(list.__repr__(x), "yes" in x, 1 in x, list.__len__(x))
a, = x
print(a, tuple(x), set(x), sorted(x))

class Stack(list):
    def push(self, v):
        self.append(v)
        return self
print(Stack().push(1).push(2), Stack(range(3)))

class D(dict):
    def __missing__(self, key):
        return key * 2
d = D(a=1)
print(d, d["a"], d["zz"], type(d).__name__, d.get("q"), "zz" in d, d)
try:
    dict()["nope"]
except Exception as e:
    print(type(e).__name__, e)

class D2(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v * 10)
    def __getitem__(self, k):
        return super().__getitem__(k) + 1
d2 = D2()
d2["a"] = 1
print(d2["a"], d2, dict.__getitem__(d2, "a"), d2.get("a"), type(d2.copy()).__name__)
d2.update(b=2)
print(d2, D2({"x": 1}), D2(x=1) == {"x": 1})

class DefaultDict(dict):
    def __init__(self, factory, *args, **kw):
        super().__init__(*args, **kw)
        self.factory = factory
    def __missing__(self, key):
        value = self[key] = self.factory()
        return value
dd = DefaultDict(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"].append(3)
print(dd, dd.factory, len(dd), list(dd.items()))

class Counter(dict):
    def __missing__(self, key):
        return 0
    def count(self, items):
        for i in items:
            self[i] += 1
        return self
print(Counter().count("abracadabra"))

class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
ad = AttrDict(x=1, y=2)
print(ad.x, ad.y, ad)
try:
    ad.z
except AttributeError as e:
    print("AttributeError", e)

class S(set):
    def evens(self):
        return {v for v in self if v % 2 == 0}
s = S([1, 2, 3, 4])
print(sorted(s), type(s).__name__, sorted(s.evens()), S(), type(s | {5}).__name__, type(s.copy()).__name__)
s.add(10)
print(sorted(s), 10 in s, len(s), s == {1, 2, 3, 4, 10}, isinstance(s, set))
print(S([1]), repr(S()))

class Nested(list):
    pass
n = Nested()
n.append(n)
print(n)

class WithSlotsRepr(dict):
    def __repr__(self):
        return f"{type(self).__name__}({dict.__repr__(self)})"
print(WithSlotsRepr(a=1), [WithSlotsRepr()])

class C1(list): pass
class C2(list): pass
c = C1([1])
c.__class__ = C2
print(type(c).__name__, c)
try:
    c.__class__ = D
except Exception as e:
    print(type(e).__name__, e)
try:
    c.__class__ = list
except Exception as e:
    print(type(e).__name__, e)
try:
    class Bad(list, dict): pass
except Exception as e:
    print(type(e).__name__, e)
print(L.__mro__, D.__mro__[1:], S.__base__)
