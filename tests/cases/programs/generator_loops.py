# Generators driven by for loops, send, throw and close: the IL tier runs a generator's frame
# nested under the loop that iterates it and compiles its yields (conformance runs it both ways).
import sys
def g(n):
    for i in range(n):
        try:
            x = yield i
            if x: print('got', x)
        finally:
            pass
    return 'done'
it = g(3)
print(next(it), it.send('a'), next(it))
try: next(it)
except StopIteration as e: print('stop', e.value)
def h():
    yield 1
    yield from g(2)
    yield [1, (yield 5)]
print(list(h()))
gen = g(5); next(gen); print(gen.gi_frame.f_lineno, gen.gi_running)
print(gen.throw(ValueError) if False else 'x')
def w():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('exit')
        raise
a = w(); next(a); a.close()
print(sum(x*x for x in range(10) if x % 2))
def nested():
    for a in range(3):
        yield (a, [b for b in range(a)], (yield a * 10))
print(list(nested()))
def bad():
    yield 1
    raise StopIteration
try:
    for x in bad(): print(x)
except RuntimeError as e: print('RE', e, type(e.__cause__))
def boom():
    yield 1
    1/0
def consume():
    for x in boom():
        print('c', x)
try: consume()
except ZeroDivisionError:
    import traceback; traceback.print_exc()
def ret():
    yield 1
    return 5
print([x for x in ret()])
def deep(n):
    if n: 
        for x in deep(n-1): yield x
    else: yield 'bottom'
print(list(deep(300)))
def selfref():
    for x in g2: yield x
g2 = selfref()
try: list(g2)
except ValueError as e: print(e)
