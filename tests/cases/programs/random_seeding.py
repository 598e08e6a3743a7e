import random, _random
r = random.Random(bytearray(b'abc')); print(r.random())
print(random.Random("hello").random(), random.Random(b"hello").random())
class R(_random.Random): pass
print(R(5).random() == R(5).random())
for f in (lambda: R(bytearray(b'x')), lambda: R(1, 2), lambda: _random.Random(1, 2), lambda: R(x=1), lambda: _random.Random(bytearray(b'x'))):
    try: f(); print("ok")
    except Exception as e: print(type(e).__name__, e)
