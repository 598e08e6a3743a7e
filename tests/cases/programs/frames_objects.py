# Frame, traceback, generator and coroutine frame attributes.
import sys


def show(label, f):
    print(label, f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name if f.f_back else None)


def inner(a, b=2):
    c = a + b
    f = sys._getframe()
    show("inner", f)
    print(sorted(f.f_locals), f.f_locals['a'], f.f_locals['c'])
    print(f.f_locals is f.f_locals, f.f_globals is globals(), f.f_builtins['len'] is len)
    print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes, type(f.f_lasti).__name__)
    print(f.f_code is inner.__code__, repr(f).startswith("<frame at 0x"))
    return f


def outer():
    return inner(1)


f = outer()
print("after return", f.f_code.co_name, f.f_back.f_code.co_name)
f.f_trace_lines = False
f.f_trace_opcodes = True
print(f.f_trace_lines, f.f_trace_opcodes)
try:
    f.f_trace_lines = 1
except Exception as e:
    print(type(e).__name__, e)
f.f_trace = print
print(f.f_trace is print)
f.f_trace = None
print(f.f_trace)
f.clear()
print(sorted(f.f_locals))
try:
    sys._getframe().clear()
except Exception as e:
    print(type(e).__name__, e)
try:
    sys._getframe().f_lineno = 3
except Exception as e:
    print(type(e).__name__, e)


def closure():
    x = 10

    def g():
        return x + 1

    return sys._getframe().f_locals, g


loc, g = closure()
print(sorted(loc))


# Generators.
def gen():
    fr = sys._getframe()
    print("running inside", me.gi_running, me.gi_frame is fr)
    yield 1
    yield from sub()
    return 5


def sub():
    yield 2
    yield 3


me = gen()
print(me.gi_running, me.gi_frame.f_lineno, me.gi_code.co_name, me.gi_yieldfrom)
print(me.gi_frame.f_back)
print(next(me), me.gi_frame.f_lineno, me.gi_frame.f_back)
print(next(me), type(me.gi_yieldfrom).__name__, me.gi_yieldfrom.gi_code.co_name)
print(next(me))
try:
    next(me)
except StopIteration as e:
    print("stop", e.value, me.gi_frame, me.gi_running, me.gi_yieldfrom)

# Clearing a suspended generator's frame closes the generator.
g2 = gen()
next(g2) if False else None
g3 = sub()
next(g3)
g3.gi_frame.clear()
print(g3.gi_frame, list(g3))


# Coroutines.
async def coro():
    return 7


class Awaitable:
    def __await__(self):
        yield "waiting"
        return 3


async def waiter():
    x = await Awaitable()
    return x


c = coro()
print(c.cr_running, c.cr_frame.f_code.co_name, c.cr_await, c.cr_code.co_name)
try:
    c.send(None)
except StopIteration as e:
    print("coro result", e.value, c.cr_frame)
w = waiter()
print(w.send(None), type(w.cr_await).__name__)
try:
    w.send(None)
except StopIteration as e:
    print("waiter result", e.value)


# Async generators.
async def agen():
    yield 1


a = agen()
print(a.ag_running, a.ag_frame.f_code.co_name, a.ag_await, a.ag_code.co_name)
try:
    a.asend(None).send(None)
except StopIteration as e:
    print("ag yielded", e.value)


# Tracebacks.
def fail(n):
    if n == 0:
        raise ValueError("deep")
    fail(n - 1)


try:
    fail(2)
except ValueError as e:
    tb = e.__traceback__
    chain = []
    while tb is not None:
        chain.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti % 2, tb.tb_frame.f_lineno))
        tb = tb.tb_next
    print(chain)
    tb = e.__traceback__
    TB = type(tb)
    print(TB.__name__, type(tb.tb_frame).__name__)
    tb.tb_next = None
    print(tb.tb_next)
    try:
        tb.tb_next = tb
    except ValueError as err:
        print("ValueError", err)
    for bad in (1, "x"):
        try:
            tb.tb_next = bad
        except TypeError as err:
            print("TypeError", err)
    try:
        del tb.tb_next
    except TypeError as err:
        print("TypeError", err)
    made = TB(None, sys._getframe(), 6, 42)
    print(made.tb_lineno, made.tb_lasti, made.tb_next, made.tb_frame is sys._getframe())
    made2 = TB(tb_next=made, tb_frame=sys._getframe(), tb_lasti=0, tb_lineno=7)
    print(made2.tb_next is made, made2.tb_lineno)
    for args in ((1, sys._getframe(), 0, 0), (None, 1, 0, 0), (None, sys._getframe(), "a", 0), (None,)):
        try:
            TB(*args)
        except TypeError as err:
            print("TypeError", err)
    try:
        made.tb_next = made2
    except ValueError as err:
        print("ValueError", err)
    e2 = KeyError("k").with_traceback(made)
    print(e2.__traceback__.tb_lineno)
