# Coroutine and generator edge cases: throw into plain iterators, close chains, re-entrancy, running flags, asend/athrow reuse.
class IterAwaitable:
    def __await__(self):
        return iter([1, 2])

async def waits_iter():
    try:
        await IterAwaitable()
    except KeyError as e:
        return 'caught ' + repr(e)

c = waits_iter()
print(c.send(None))
try: c.throw(KeyError('x'))
except StopIteration as s: print('stop', s.value)

async def sub():
    try:
        await IterAwaitable()
    finally:
        print('sub finally')

async def top():
    try:
        await sub()
    finally:
        print('top finally')

c = top(); c.send(None); c.close(); print('closed', c.cr_await)

async def self_ref():
    print('running', me.cr_running)
    try:
        me.send(None)
    except ValueError as e:
        print('ValueError', e)
me = self_ref()
try: me.send(None)
except StopIteration: print('done')

def g():
    print('gi_running', gen.gi_running)
    try: next(gen)
    except ValueError as e: print('ValueError', e)
    yield 1
gen = g(); next(gen)

def inner():
    yield 1
def outer():
    yield from inner()
o = outer(); next(o); print(type(o.gi_yieldfrom).__name__, o.gi_running)

async def ag():
    yield 1
    yield 2
a = ag()
try: a.asend(None).send(None)
except StopIteration as s: print('first', s.value)
cl = a.aclose()
try: cl.send(None)
except StopIteration: print('aclose done')
try: a.asend(None).send(None)
except StopAsyncIteration: print('StopAsyncIteration after aclose')
try: cl.send(None)
except RuntimeError as e: print('RuntimeError', e)
a2 = ag()
x = a2.asend(None)
try: x.send(None)
except StopIteration: pass
th = a2.athrow(ValueError('v'))
try: th.send(None)
except ValueError as e: print('athrow raised', e)
try: th.send(None)
except RuntimeError as e: print('RuntimeError', e)
async def running_check():
    print('ag_running', r.ag_running)
    yield 1
r = running_check()
try: r.__anext__().send(None)
except StopIteration as s: print(s.value, r.ag_running)
try: r.asend(None).send(5)
except Exception as e: print(type(e).__name__, e)
print(type(r.asend(None)).__name__, type(r.athrow(ValueError)).__name__, type(ag().__anext__().__await__()).__name__)
async def f(): pass
try: f().throw(ValueError)
except ValueError as e: print('throw before start', repr(e))
c = f(); c.close()
try: c.send(None)
except RuntimeError as e: print('RuntimeError', e)
