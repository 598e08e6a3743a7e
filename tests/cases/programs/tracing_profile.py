# sys.setprofile events (c_call/c_return/c_exception included), f_lineno jumps, generators.
import sys

events = []


def name_of(arg):
    return getattr(arg, "__name__", type(arg).__name__)


def profiler(frame, event, arg):
    if event.startswith("c_"):
        arg = name_of(arg)
    elif event == "return" and not isinstance(arg, (int, str, type(None))):
        arg = type(arg).__name__
    events.append((event, frame.f_code.co_name, arg))


def work(items):
    items.append(len(items))
    total = sum(items)
    try:
        int("x")
    except ValueError:
        pass
    return total


def gen():
    yield 1
    yield 2


def consume():
    g = gen()
    a = next(g)
    b = next(g)
    rest = list(g)
    return a + b


events.clear()
sys.setprofile(profiler)
work([1, 2])
consume()
sorted([3, 1, 2], key=abs)
sys.setprofile(None)
for e in events:
    print(e)
print(sys.getprofile())


# A profile function that raises is removed.
def bad_profiler(frame, event, arg):
    raise ValueError("profiler failed")


def victim():
    return 1


try:
    sys.setprofile(bad_profiler)
    victim()
except ValueError as e:
    print("ValueError", e, sys.getprofile())
sys.setprofile(None)


# Trace and profile together.
def tracer(frame, event, arg):
    events.append(("trace", event, frame.f_code.co_name))
    return tracer


events.clear()
sys.settrace(tracer)
sys.setprofile(profiler)
victim()
sys.setprofile(None)
sys.settrace(None)
print(events)


# Jumps by assigning f_lineno from a line event.
class Jumper:
    def __init__(self, func, source, target):
        self.code = func.__code__
        self.source = self.code.co_firstlineno + source
        self.target = self.code.co_firstlineno + target
        self.done = False

    def trace(self, frame, event, arg):
        if frame.f_code is not self.code:
            return self.trace
        if event == "line" and frame.f_lineno == self.source and not self.done:
            self.done = True
            try:
                frame.f_lineno = self.target
            except ValueError as e:
                out.append("ValueError: " + str(e))
        return self.trace


def jump_forward():
    out.append(1)
    out.append(2)
    out.append(3)


def jump_backward():
    out.append(1)
    out.append(2)
    out.append(3)


def jump_out_of_loop():
    for i in range(3):
        out.append(i)
        out.append("in loop")
    out.append("after")


def jump_into_loop():
    out.append(0)
    for i in range(2):
        out.append(i)
    out.append("after")


def jump_before():
    out.append(1)


def jump_after():
    out.append(1)


for func, source, target in [
    (jump_forward, 1, 3),
    (jump_backward, 3, 1),
    (jump_out_of_loop, 3, 4),
    (jump_into_loop, 1, 3),
    (jump_before, 1, -5),
    (jump_after, 1, 100),
]:
    out = []
    j = Jumper(func, source, target)
    sys.settrace(j.trace)
    func()
    sys.settrace(None)
    print(func.__name__, out)


# Jumps from other events are refused.
def refuse(frame, event, arg):
    if frame.f_code.co_name == "victim":
        try:
            frame.f_lineno = frame.f_lineno
        except ValueError as e:
            events.append((event, str(e)))
    return refuse


events.clear()
sys.settrace(refuse)
victim()
sys.settrace(None)
print(events)


# Tracing generators: each resumption is a call event, each yield a return.
def tgen():
    x = yield 1
    yield x


events.clear()
sys.settrace(tracer)
g = tgen()
next(g)
g.send(5)
g.close()
sys.settrace(None)
print(events)
