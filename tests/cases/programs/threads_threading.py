# The threading module over _thread: Thread start/join/name/ident/is_alive, Event, Condition,
# Semaphore, Barrier, Timer, local, excepthook for exceptions escaping run(), and the wait for
# non-daemon threads at exit.
import threading
import time

results = []


def work(n):
    time.sleep(0.01 * n)
    results.append(n)


threads = [threading.Thread(target=work, args=(i,), name=f"w{i}") for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results, threading.active_count(), threading.current_thread().name)
print([t.name for t in threads], [t.is_alive() for t in threads], all(t.ident for t in threads))
print(threading.main_thread() is threading.current_thread(), threading.get_ident() == threading.main_thread().ident)

ev = threading.Event()


def setter():
    time.sleep(0.02)
    ev.set()


threading.Thread(target=setter).start()
print(ev.wait(5), ev.is_set())

cond = threading.Condition()
items = []


def producer():
    for i in range(5):
        with cond:
            items.append(i)
            cond.notify()


t = threading.Thread(target=producer)
t.start()
got = []
with cond:
    while len(got) < 5:
        while not items:
            cond.wait()
        got.append(items.pop(0))
t.join()
print(got)


def bad():
    raise ValueError("oops")


t = threading.Thread(target=bad, name="badthread")
t.start()
t.join()

seen = []
old_hook = threading.excepthook
threading.excepthook = lambda args: seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
t = threading.Thread(target=bad, name="hooked")
t.start()
t.join()
threading.excepthook = old_hook
print(seen)

loc = threading.local()
loc.v = 1


def lv():
    loc.v = 2
    print("thread sees", loc.v)


t = threading.Thread(target=lv)
t.start()
t.join()
print(loc.v)

sem = threading.Semaphore(2)
with sem:
    print("semaphore", sem.acquire(blocking=False), sem.acquire(blocking=False))
    sem.release()

barrier = threading.Barrier(3)
out = []


def wait_at_barrier(i):
    barrier.wait()
    out.append(i)


ths = [threading.Thread(target=wait_at_barrier, args=(i,)) for i in range(3)]
for t in ths:
    t.start()
for t in ths:
    t.join()
print(sorted(out))

timer = threading.Timer(0.01, lambda: print("timer fired"))
timer.start()
timer.join()

rl = threading.RLock()
with rl:
    with rl:
        print("rlock nested")

t = threading.Thread(target=time.sleep, args=(0.05,))
t.start()
t.join(timeout=0.001)
print("alive after short join", t.is_alive())
t.join()
print("alive after join", t.is_alive())


def forever():
    while True:
        time.sleep(0.01)


threading.Thread(target=forever, daemon=True).start()


def late():
    time.sleep(0.1)
    print("non-daemon finished")


threading.Thread(target=late).start()
print("main done")
