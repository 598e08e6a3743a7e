# Async generators driven by hand: asend/athrow/aclose, async for, async comprehensions.
class Suspend:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        received = yield self.value
        return received


def run(coro):
    """Drives a coroutine to the end, printing what it passes to the 'event loop'."""
    while True:
        try:
            yielded = coro.send(None)
        except StopIteration as stop:
            return stop.value
        print('  loop got', yielded)


def step(awaitable):
    """Runs one asend/athrow/aclose awaitable: its result or exception."""
    try:
        while True:
            print('  loop got', awaitable.send(None))
    except StopIteration as stop:
        return ('value', stop.value)
    except BaseException as e:
        return ('raised', type(e).__name__, str(e))


async def agen(n):
    for i in range(n):
        await Suspend('tick' + repr(i))
        yield i
    print('  agen finished')


g = agen(2)
print(type(g).__name__, g.__name__, g.__qualname__, g.ag_running, g.ag_await)
print(g.__aiter__() is g)
print(step(g.__anext__()))
print(step(g.__anext__()))
print(step(g.__anext__()))
print(step(g.__anext__()))


async def consume():
    out = []
    async for x in agen(3):
        out.append(x)
    return out


print('async for', run(consume()))


async def comprehensions():
    a = [x async for x in agen(3)]
    b = [x * 10 async for x in agen(4) if x % 2]
    c = [(x, y) async for x in agen(2) for y in range(x + 1)]
    d = [y async for y in (x * 2 async for x in agen(3))]
    return a, b, c, d


print('comprehensions', run(comprehensions()))


async def echo():
    received = 'start'
    while True:
        received = yield received
        if received == 'stop':
            return


e = echo()
print(step(e.asend(None)))
print(step(e.asend('hello')))
print(step(e.asend('world')))
print(step(e.asend('stop')))
print(step(e.asend('again')))


async def catches():
    try:
        yield 1
    except ValueError as err:
        print('  caught', err)
        yield 'recovered'
    yield 'end'


c = catches()
print(step(c.asend(None)))
print(step(c.athrow(ValueError('boom'))))
print(step(c.athrow(KeyError('unhandled'))))
print(step(c.asend(None)))


async def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print('  cleanup')


f = with_finally()
print(step(f.asend(None)))
print(step(f.aclose()))
print(step(f.aclose()))
print(step(f.asend(None)))


async def ignores():
    try:
        yield 1
    except GeneratorExit:
        yield 2


i = ignores()
print(step(i.asend(None)))
print(step(i.aclose()))


async def awaits_in_finally():
    try:
        yield 1
    finally:
        await Suspend('async cleanup')
        print('  cleaned')


a = awaits_in_finally()
print(step(a.asend(None)))
print(step(a.aclose()))

aw = agen(1).asend(None)
print(step(aw))
print(step(aw))


async def raises_stop():
    yield 1
    raise StopAsyncIteration


r = raises_stop()
print(step(r.asend(None)))
print(step(r.asend(None)))


async def raises_stopiteration():
    yield 1
    raise StopIteration


r = raises_stopiteration()
print(step(r.asend(None)))
print(step(r.asend(None)))


class AsyncIterable:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Suspend('anext')
        return self.n


async def use_class():
    total = []
    async for v in AsyncIterable(3):
        total.append(v)
    else:
        total.append('else')
    return total


print(run(use_class()))


async def bad_for(obj):
    async for _ in obj:
        pass


class NoAnext:
    def __aiter__(self):
        return 1


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


for obj in ([], NoAnext(), BadAnext()):
    try:
        run(bad_for(obj))
    except TypeError as err:
        print('TypeError', err, repr(err.__cause__))


async def break_out():
    async for x in agen(5):
        if x == 1:
            break
    return x


print(run(break_out()))


async def exception_in_body():
    try:
        async for x in agen(3):
            raise KeyError(x)
    except KeyError as err:
        return 'caught ' + repr(err)


print(run(exception_in_body()))
print('<async_generator object agen at 0x' in repr(agen(0)))
