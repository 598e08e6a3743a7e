# asyncio without the network: tasks, sleep, gather, queues, locks, events, cancellation,
# timeouts, async generators and threads (deterministic)
import asyncio
import contextvars
import sys

var = contextvars.ContextVar('var', default='unset')


async def add(a, b, delay=0):
    await asyncio.sleep(delay)
    return a + b


async def boom():
    await asyncio.sleep(0)
    raise ValueError('boom')


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def worker(name, q, out):
    while True:
        item = await q.get()
        await asyncio.sleep(0.001 * (item % 3))
        out.append((name, item))
        q.task_done()


async def main():
    print(await add(1, 2))
    print(await asyncio.sleep(0.01, result='slept'))
    print(await asyncio.gather(add(1, 1, 0.02), add(2, 2, 0.01), add(3, 3)))
    print(await asyncio.gather(boom(), add(1, 1), return_exceptions=True))
    try:
        await asyncio.gather(boom(), add(1, 1))
    except ValueError as e:
        print('gather raised', e)

    # tasks
    t = asyncio.create_task(add(5, 5, 0.01), name='adder')
    print(t.get_name(), t.done())
    print(await t, t.done(), t.result())
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    print(t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled', t.cancelled())

    # timeouts
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError as e:
        print('wait_for', type(e).__name__, asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(add(2, 3), 1))
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print('timeout context')
    done, pending = await asyncio.wait([asyncio.create_task(add(i, i, 0.001 * i)) for i in range(3)])
    print(sorted(d.result() for d in done), pending)
    results = []
    for fut in asyncio.as_completed([add(3, 0, 0.03), add(1, 0, 0.01), add(2, 0, 0.02)]):
        results.append(await fut)
    print(results)

    # queues
    q = asyncio.Queue()
    out = []
    workers = [asyncio.create_task(worker(f'w{i}', q, out)) for i in range(3)]
    for i in range(12):
        q.put_nowait(i)
    await q.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(sorted(i for _, i in out), q.empty(), q.qsize())
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        await pq.put(x)
    print([pq.get_nowait() for _ in range(5)])
    lq = asyncio.LifoQueue(maxsize=2)
    await lq.put(1)
    await lq.put(2)
    print(lq.full())
    try:
        lq.put_nowait(3)
    except asyncio.QueueFull:
        print('QueueFull')
    print(lq.get_nowait(), lq.get_nowait())
    try:
        lq.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')

    # synchronization
    lock = asyncio.Lock()
    order = []

    async def locked(i):
        async with lock:
            order.append(('in', i))
            await asyncio.sleep(0.001)
            order.append(('out', i))

    await asyncio.gather(*(locked(i) for i in range(3)))
    print(order)
    ev = asyncio.Event()

    async def waiter():
        await ev.wait()
        return 'event set'

    wt = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await wt)
    sem = asyncio.Semaphore(2)
    active = []
    peak = [0]

    async def limited(i):
        async with sem:
            active.append(i)
            peak[0] = max(peak[0], len(active))
            await asyncio.sleep(0.001)
            active.remove(i)

    await asyncio.gather(*(limited(i) for i in range(6)))
    print('peak', peak[0])
    cond = asyncio.Condition()
    box = []

    async def consumer():
        async with cond:
            await cond.wait_for(lambda: box)
            return box.pop()

    ct = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    async with cond:
        box.append('item')
        cond.notify()
    print(await ct)

    # async generators and comprehensions
    print([i async for i in agen(4)])
    g = agen(10)
    print(await g.__anext__(), await g.__anext__())
    await g.aclose()
    print(sys.get_asyncgen_hooks().firstiter is not None)

    # futures and callbacks
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 'from call_soon')
    print(await fut)
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 'from call_later')
    print(await fut)
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print('callback saw', f.result()))
    fut.set_result(42)
    await asyncio.sleep(0)

    # threads
    print(await asyncio.to_thread(sum, [1, 2, 3]))
    print(await loop.run_in_executor(None, pow, 2, 10))
    fut = loop.create_future()
    import threading
    threading.Thread(target=lambda: loop.call_soon_threadsafe(fut.set_result, 'threadsafe')).start()
    print(await fut)

    # context variables follow tasks
    var.set('main')

    async def read_var():
        return var.get()

    print(await asyncio.create_task(read_var()))
    shielded = asyncio.shield(add(1, 2))
    print(await shielded)
    return 'done'


print(asyncio.run(main()))
try:
    asyncio.run(boom())
except ValueError as e:
    print('run raised', e)
print(asyncio.run(add(40, 2)))
