# sys.settrace: call, line, return and exception events, local trace functions, f_trace.
import sys

events = []


def tracer(frame, event, arg):
    if event == "exception":
        arg = (arg[0].__name__, str(arg[1]))
    elif event == "return" and not isinstance(arg, (int, str, type(None))):
        arg = type(arg).__name__
    events.append((event, frame.f_code.co_name, frame.f_lineno, arg))
    return tracer


def run(label, fn, *args):
    events.clear()
    sys.settrace(tracer)
    try:
        result = fn(*args)
    except Exception as e:
        result = "raised " + type(e).__name__
    finally:
        sys.settrace(None)
    print(label, result)
    for e in events:
        print("   ", e)


def simple(a):
    b = a * 2
    if b > 3:
        b += 1
    return b


def loop(n):
    total = 0
    for i in range(n):
        total += i
    while n > 0:
        n -= 1
    return total


def callee(x):
    return x + 1


def caller():
    y = callee(1)
    z = callee(y)
    return z


def raises():
    raise KeyError("k")


def catches():
    try:
        raises()
    except KeyError:
        pass
    try:
        1 / 0
    except ZeroDivisionError as e:
        msg = str(e)
    return msg


def uncaught():
    x = 1
    raises()
    return x


def gen(n):
    for i in range(n):
        yield i
    return "done"


def use_gen():
    return list(gen(2))


def comp():
    return [x * 2 for x in range(2)]


def with_lambda():
    f = lambda v: v + 1
    return f(1)


class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True


def with_block():
    with Ctx():
        raise ValueError("swallowed")
    return "after"


def multi_line_call():
    return max(
        1,
        2,
    )


def finally_block():
    try:
        return 1
    finally:
        x = 2


run("simple", simple, 2)
run("loop", loop, 2)
run("caller", caller)
run("catches", catches)
run("uncaught", uncaught)
run("use_gen", use_gen)
run("comp", comp)
run("with_lambda", with_lambda)
run("with_block", with_block)
run("multi_line_call", multi_line_call)
run("finally_block", finally_block)


# A local trace function returning None stops line events for that frame only.
def quiet_tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name))
    if frame.f_code.co_name == "caller":
        return None
    return quiet_tracer


events.clear()
sys.settrace(quiet_tracer)
caller()
sys.settrace(None)
print("quiet", events)


# The global function sees only call events; what it returns traces the frame.
def global_only(frame, event, arg):
    events.append(("global", event, frame.f_code.co_name))
    return local_only if frame.f_code.co_name == "callee" else None


def local_only(frame, event, arg):
    events.append(("local", event, frame.f_code.co_name))
    return local_only


events.clear()
sys.settrace(global_only)
caller()
sys.settrace(None)
print("split", events)


# f_trace_lines = False turns line events off; gettrace; settrace inside a function.
def no_lines(frame, event, arg):
    frame.f_trace_lines = False
    events.append((event, frame.f_code.co_name))
    return no_lines


events.clear()
sys.settrace(no_lines)
print(sys.gettrace() is no_lines)
simple(5)
sys.settrace(None)
print("no lines", events, sys.gettrace())


def starts_tracing():
    sys.settrace(tracer)
    a = 1
    b = callee(a)
    sys.settrace(None)
    return b


events.clear()
starts_tracing()
print("mid-function", events)


# A trace function that raises is removed and its exception propagates.
def bad_tracer(frame, event, arg):
    if event == "line":
        raise RuntimeError("tracer failed")
    return bad_tracer


try:
    sys.settrace(bad_tracer)
    simple(1)
except RuntimeError as e:
    print("RuntimeError", e, sys.gettrace())
sys.settrace(None)


# Changing a local through f_locals in the trace function.
def changer(frame, event, arg):
    if event == "line" and frame.f_code.co_name == "victim" and frame.f_lineno == victim.__code__.co_firstlineno + 2:
        frame.f_locals["x"] = 100
    return changer


def victim():
    x = 1
    return x


sys.settrace(changer)
print("changed", victim())
sys.settrace(None)


# Opcode events.
def opcodes(frame, event, arg):
    if frame.f_code.co_name == "tiny":
        frame.f_trace_opcodes = True
        events.append((event, frame.f_lasti))
    return opcodes


def tiny(a):
    return a + 1


events.clear()
sys.settrace(opcodes)
tiny(1)
sys.settrace(None)
print("opcodes", events)
