# _heapq: the C accelerator behind heapq, results and error messages.
import _heapq
import heapq
import random

print(heapq.heappush is _heapq.heappush, heapq._heapify_max is _heapq._heapify_max)
rng = random.Random(7)
data = [rng.randrange(100) for _ in range(40)]
h = []
for v in data:
    _heapq.heappush(h, v)
print(h)
print([_heapq.heappop(h) for _ in range(len(data))])
h = list(data)
_heapq.heapify(h)
print(h)
print(_heapq.heapreplace(h, 50), _heapq.heappushpop(h, -1), _heapq.heappushpop(h, 1000), h[:5])
m = list(data)
_heapq._heapify_max(m)
print(m)
print(_heapq._heappop_max(m), _heapq._heappop_max(m), _heapq._heapreplace_max(m, 1), m[:6])
print(_heapq.heappushpop([], 3), _heapq.heappop([7]), _heapq._heappop_max([8]))
fl = [3.5, 1.25, float('inf'), -2.0, 0.0]
_heapq.heapify(fl)
print(fl)
words = 'the quick brown fox jumps over the lazy dog'.split()
_heapq.heapify(words)
print([_heapq.heappop(words) for _ in range(len(words))])
tuples = [(rng.randrange(5), i) for i in range(12)]
_heapq.heapify(tuples)
print([_heapq.heappop(tuples) for _ in range(12)])
print(heapq.nsmallest(4, data), heapq.nlargest(4, data), list(heapq.merge([1, 4, 9], [2, 3, 10], [0])))
big = [rng.random() for _ in range(5000)]
hb = list(big)
_heapq.heapify(hb)
print(all(hb[k] <= hb[c] for k in range(len(hb)) for c in (2 * k + 1, 2 * k + 2) if c < len(hb)))
print([_heapq.heappop(hb) for _ in range(len(hb))] == sorted(big))

class L(list):
    pass
lh = L([5, 3, 1])
_heapq.heapify(lh)
print(lh, type(lh).__name__)

class Shrink:
    def __init__(self, v, heap): self.v, self.heap = v, heap
    def __lt__(self, other):
        self.heap.clear()
        return self.v < other.v
sh = []
sh.extend([Shrink(i, sh) for i in range(6)])
try:
    _heapq.heapify(sh)
except Exception as e:
    print(type(e).__name__, e)
sp = []
sp.extend([Shrink(3, sp)])
try:
    print(_heapq.heappushpop(sp, Shrink(5, sp)).v)
except Exception as e:
    print(type(e).__name__, e)

def err(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)

err(_heapq.heappush, (), 1)
err(_heapq.heappop, [])
err(_heapq.heapify, 3)
err(_heapq.heapreplace, [], 1)
err(_heapq.heappushpop, (), 1)
err(_heapq._heappop_max, [])
err(_heapq._heapify_max, ())
err(_heapq._heapreplace_max, [], 1)
err(_heapq._heapreplace_max, (), 1)
err(_heapq.heappush, [1, 'a'], 2)
err(_heapq.heappush, [1])
err(_heapq.heappush, heap=[1], item=2)
err(_heapq.heapify, [3, None, 1])
err(_heapq.heappop)
