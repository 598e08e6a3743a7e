# _thread._local (threading.local): attributes per thread, subclasses whose __init__ runs again
# in each thread with the creation arguments, and the errors.
import _thread


def in_thread(fn):
    done = _thread.allocate_lock()
    done.acquire()
    out = []

    def body():
        try:
            out.append(fn())
        except Exception as e:
            out.append((type(e).__name__, str(e)))
        finally:
            done.release()

    _thread.start_new_thread(body, ())
    done.acquire()
    return out[0]


loc = _thread._local()
loc.x = 1
loc.y = [1, 2]
print(type(loc), loc.x, loc.y, sorted(loc.__dict__))
print(in_thread(lambda: hasattr(loc, "x")))
print(in_thread(lambda: loc.__dict__))


def set_in_thread():
    loc.x = "thread"
    loc.z = 3
    return loc.x, loc.z, sorted(loc.__dict__)


print(in_thread(set_in_thread))
print(loc.x, hasattr(loc, "z"))
del loc.y
print(hasattr(loc, "y"))
try:
    del loc.nope
except AttributeError as e:
    print("AttributeError")
try:
    loc.__dict__ = {}
except AttributeError as e:
    print(type(e).__name__, e)
try:
    _thread._local(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    _thread._local(a=1)
except TypeError as e:
    print(type(e).__name__, e)


class Counter(_thread._local):
    created = 0

    def __init__(self, start, step=1):
        Counter.created += 1
        self.value = start
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value


c = Counter(10, step=5)
print(c.bump(), c.bump(), Counter.created)
print(in_thread(lambda: (c.value, c.bump(), Counter.created)))
print(c.value, Counter.created)
print(isinstance(c, _thread._local), type(c).__mro__[1])


class Plain(_thread._local):
    kind = "plain"


p = Plain()
p.a = 1
print(p.kind, p.a, in_thread(lambda: (p.kind, hasattr(p, "a"))))
try:
    Plain(1)
except TypeError as e:
    print(type(e).__name__, e)


class Slotted(_thread._local):
    def __init__(self):
        self.items = []


s = Slotted()
s.items.append("main")
print(in_thread(lambda: (s.items.append("t") or s.items)), s.items)
