# Coroutines driven by hand: send/throw/close, await chains, awaitables, errors.
class Suspend:
    """An awaitable that suspends once, handing a value to the driver."""

    def __init__(self, value):
        self.value = value

    def __await__(self):
        received = yield self.value
        return ('resumed', received)


def run(coro, sends=()):
    """Drives a coroutine: prints what it yields, sends the given values, returns its result."""
    sends = iter(sends)
    value = None
    while True:
        try:
            yielded = coro.send(value)
        except StopIteration as stop:
            print('  done ->', stop.value)
            return stop.value
        print('  yielded', yielded)
        value = next(sends, None)


async def leaf(n):
    r = await Suspend(n)
    return (n, r)


async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]


print('middle')
run(middle(), ['x', 'y'])


async def no_await():
    return 42


c = no_await()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await)
run(c)
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError', e)


async def raiser():
    await Suspend('before')
    raise ValueError('inside')


try:
    run(raiser())
except ValueError as e:
    print('ValueError', e)


async def catcher():
    try:
        await Suspend('waiting')
    except KeyError as e:
        print('  caught thrown', repr(e))
        return 'handled'


c = catcher()
print(c.send(None))
try:
    c.throw(KeyError('k'))
except StopIteration as s:
    print('stop value', s.value)

c = catcher()
c.send(None)
try:
    c.throw(TypeError, 'typed')
except TypeError as e:
    print('TypeError', e)


async def deep_catch():
    try:
        await middle()
    except IndexError:
        return 'deep handled'


c = deep_catch()
print(c.send(None))
print('cr_await', type(c.cr_await).__name__)
try:
    c.throw(IndexError)
except StopIteration as s:
    print('stop value', s.value)


async def closer():
    try:
        await Suspend(1)
    finally:
        print('  finally on close')


c = closer()
c.send(None)
print(c.close())
print(c.close())


async def ignores_exit():
    try:
        await Suspend(1)
    except GeneratorExit:
        await Suspend(2)


c = ignores_exit()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print('RuntimeError', e)


async def stop_inside():
    raise StopIteration('oops')


try:
    stop_inside().send(None)
except RuntimeError as e:
    print('RuntimeError', e, repr(e.__cause__))

c = no_await()
try:
    c.send(1)
except TypeError as e:
    print('TypeError', e)
c.close()


async def await_bad(x):
    return await x


for bad in (1, None, 'str'):
    try:
        await_bad(bad).send(None)
    except TypeError as e:
        print('TypeError', e)


pending = no_await()


class AwaitReturnsCoroutine:
    def __await__(self):
        return pending


class AwaitReturnsNonIterator:
    def __await__(self):
        return 5


for bad in (AwaitReturnsCoroutine(), AwaitReturnsNonIterator()):
    try:
        await_bad(bad).send(None)
    except TypeError as e:
        print('TypeError', e)


class IterAwaitable:
    def __await__(self):
        return iter([10, 20])


run(await_bad(IterAwaitable()))

inner = leaf(5)
outer = await_bad(inner)
outer.send(None)
try:
    await_bad(inner).send(None)
except RuntimeError as e:
    print('RuntimeError', e)
outer.close()


def plain_gen():
    yield from pending


try:
    next(plain_gen())
except TypeError as e:
    print('TypeError', e)
pending.close()

w = no_await().__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as s:
    print('wrapper stop', s.value)


async def with_async_cm():
    class ACM:
        async def __aenter__(self):
            print('  aenter')
            await Suspend('in aenter')
            return 'resource'

        async def __aexit__(self, typ, value, tb):
            print('  aexit', typ.__name__ if typ else None, value)
            return True

    async with ACM() as r:
        print('  using', r)
        raise ValueError('suppressed')
    return 'after async with'


run(with_async_cm())


async def bad_async_with(obj):
    async with obj:
        pass


class OnlyAenter:
    async def __aenter__(self):
        return 1


class SyncCM:
    def __enter__(self):
        return 1

    def __exit__(self, *a):
        return False


class AenterNotAwaitable:
    def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 2


for obj in (1, OnlyAenter(), SyncCM(), AenterNotAwaitable()):
    try:
        bad_async_with(obj).send(None)
    except TypeError as e:
        print('TypeError', e)


async def recursive(n):
    if n == 0:
        return await Suspend('bottom')
    return await recursive(n - 1)


run(recursive(5), ['deep'])


async def exc_state():
    try:
        raise KeyError('a')
    except KeyError:
        await Suspend('in handler')
        try:
            raise
        except KeyError as e:
            return 'reraised ' + repr(e)


run(exc_state())
c = no_await()
print('<coroutine object no_await at 0x' in repr(c))
c.close()
