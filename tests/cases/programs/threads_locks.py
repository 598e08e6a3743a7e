# _thread.lock and _thread.RLock: acquiring with and without blocking and timeouts, releasing,
# context managers, repr, argument errors, and waits released from another thread.
import _thread
import time

l = _thread.allocate_lock()
print(type(l), type(l) is _thread.LockType)
print(repr(l).split(" object")[0])
print(l.acquire(), l.locked(), repr(l).split(" object")[0])
print(l.acquire(False), l.acquire(blocking=False), l.acquire(timeout=0.01), l.acquire(True, 0))
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print(type(e).__name__, e)
for args, kwargs in [((False, 1), {}), ((True, -2), {}), ((True, 1e30), {}), ((), {"timeout": "x"}),
                     ((1, 2, 3), {}), ((), {"blocking": False, "timeout": 0.5}), ((), {"bogus": 1})]:
    try:
        print(l.acquire(*args, **kwargs))
    except Exception as e:
        print(type(e).__name__, e)
print(l.locked())
print(l.acquire(True, -1), l.locked())
l.release()
print(l.acquire_lock(), l.locked_lock(), l.release_lock(), l.locked())
with l:
    print("inside", l.locked())
print("outside", l.locked())
print(l.__enter__(), l.__exit__(None, None, None), l.locked())
l.acquire()
l._at_fork_reinit()
print("reinit", l.locked())
print(sorted(n for n in dir(l) if not n.startswith("__")))

# A lock released by another thread wakes the waiter.
gate = _thread.allocate_lock()
gate.acquire()
order = []


def opener():
    time.sleep(0.05)
    order.append("release")
    gate.release()


_thread.start_new_thread(opener, ())
print(gate.acquire(timeout=10))
order.append("acquired")
print(order)

# A timeout expires when nobody releases.
t0 = time.monotonic()
print(gate.acquire(timeout=0.05), time.monotonic() - t0 >= 0.04)

# RLock
r = _thread.RLock()
print(type(r), repr(r).split(" at ")[0])
print(r.acquire(), r.acquire(), r._is_owned())
print(repr(r).split(" at ")[0].split(" owner=")[0], "count=2" in repr(r))
r.release()
print("count=1" in repr(r))
r.release()
print(r._is_owned(), repr(r).split(" at ")[0])
try:
    r.release()
except RuntimeError as e:
    print(type(e).__name__, e)
with r:
    with r:
        print("nested", r._is_owned())
print(r._is_owned())
r.acquire()
r.acquire()
state = r._release_save()
print(state[0], type(state[1]).__name__, r._is_owned())
r._acquire_restore(state)
print(r._is_owned(), "count=2" in repr(r))
r.release()
r.release()
try:
    r._release_save()
except RuntimeError as e:
    print(type(e).__name__, e)
for args in [(False, 1), (True, -2)]:
    try:
        r.acquire(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(sorted(n for n in dir(r) if not n.startswith("__")))

# Another thread cannot release an RLock it does not own, nor take it while it is held.
r.acquire()
out = []
done = _thread.allocate_lock()
done.acquire()


def other():
    try:
        r.release()
    except RuntimeError as e:
        out.append(str(e))
    out.append(r.acquire(False))
    out.append(r.acquire(timeout=0.02))
    out.append(r._is_owned())
    done.release()


_thread.start_new_thread(other, ())
done.acquire()
print(out)
r.release()


class MyRLock(_thread.RLock):
    pass


m = MyRLock()
with m:
    print(type(m).__name__, m._is_owned())

# Locks hand work back and forth between two threads (a ping-pong of 100 rounds).
ping = _thread.allocate_lock()
pong = _thread.allocate_lock()
ping.acquire()
pong.acquire()
log = []


def player():
    for i in range(100):
        ping.acquire()
        log.append(("b", i))
        pong.release()


_thread.start_new_thread(player, ())
for i in range(100):
    log.append(("a", i))
    ping.release()
    pong.acquire()
print(len(log), log[:4], log[-2:])
print(all(log[2 * i] == ("a", i) and log[2 * i + 1] == ("b", i) for i in range(100)))
