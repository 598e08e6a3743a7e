# _random.Random: the Mersenne Twister, seeded as CPython seeds it, bit for bit.
import _random


def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


for seed in [0, 1, 5, -5, 42, 2 ** 32 - 1, 2 ** 32, 2 ** 100 + 12345, 10 ** 50, 123456789]:
    r = _random.Random(seed)
    print(seed, [r.random() for _ in range(3)], r.getrandbits(1), r.getrandbits(31), r.getrandbits(32),
          r.getrandbits(33), r.getrandbits(100), r.getrandbits(0))

r = _random.Random(7)
vals = [r.random() for _ in range(2000)]
print(sum(vals), min(vals), max(vals), vals[-1])
print(r.getrandbits(1000))

# getstate / setstate round trip
r = _random.Random(99)
r.random()
st = r.getstate()
print(len(st), st[-1], st[0], st[1], st[623])
a = [r.random() for _ in range(5)]
r.setstate(st)
print(a == [r.random() for _ in range(5)])
r2 = _random.Random()
r2.setstate(st)
print(r2.random() == a[0])
r.seed(3)
x = r.random()
r.seed(3)
print(x == r.random(), _random.Random(3).random() == x)
r.seed(None)
r.seed()
print(0.0 <= r.random() < 1.0, r.getrandbits(8) < 256)

# A subclass, as random.Random is.
class R(_random.Random):
    def __init__(self, x=None, extra=None):
        self.extra = extra
        self.seed(x)

    def randbelow(self, n):
        k = n.bit_length()
        v = self.getrandbits(k)
        while v >= n:
            v = self.getrandbits(k)
        return v

s = R(11, extra="e")
print(type(s).__name__, s.extra, [s.randbelow(10) for _ in range(20)], isinstance(s, _random.Random))
deck = list(range(10))
for i in reversed(range(1, len(deck))):
    j = s.randbelow(i + 1)
    deck[i], deck[j] = deck[j], deck[i]
print(deck)
print(_random.Random.__module__, _random.Random.__name__)

attempt(lambda: _random.Random(1, 2))
attempt(lambda: _random.Random(x=1))
attempt(lambda: r.getrandbits(-1))
attempt(lambda: r.setstate([1]))
attempt(lambda: r.setstate((1,)))
attempt(lambda: r.setstate((1,) * 624 + (700,)))
attempt(lambda: r.setstate((-1,) * 624 + (1,)))
attempt(lambda: r.seed([]))
attempt(lambda: r.random(1))
r.seed(b"\x01" if False else 2 ** 64 + 1)
print(r.random())
r.seed(1.0)
print(r.random())
r.seed(True)
print(r.random())
