# _thread: starting threads, passing arguments, locks as completion signals, the thread count,
# idents, and exceptions escaping a thread (reported as unraisable).
import _thread
import time


class Named:
    """A callable with a fixed repr, so the unraisable report is deterministic."""

    def __init__(self, name, fn):
        self.name = name
        self.fn = fn

    def __call__(self, *args, **kwargs):
        return self.fn(*args, **kwargs)

    def __repr__(self):
        return f"<{self.name}>"


def run_and_wait(fn, *args, **kwargs):
    done = _thread.allocate_lock()
    done.acquire()
    out = []

    def body():
        try:
            out.append(fn(*args, **kwargs))
        finally:
            done.release()

    _thread.start_new_thread(body, ())
    done.acquire()
    return out


print(run_and_wait(lambda a, b=2: a + b, 1))
print(run_and_wait(lambda a, b=2: a + b, 1, b=10))
print(run_and_wait(lambda: _thread.get_ident() != main_ident) if (main_ident := _thread.get_ident()) else None)
print(run_and_wait(lambda: _thread.get_native_id() > 0))
print(type(_thread.get_ident()).__name__, type(_thread.get_native_id()).__name__)

# Many threads appending under a lock; completion counted with a second lock.
lock = _thread.allocate_lock()
results = []
finished = []
all_done = _thread.allocate_lock()
all_done.acquire()
N = 8


def worker(n):
    for i in range(50):
        with lock:
            results.append((n, i))
    with lock:
        finished.append(n)
        if len(finished) == N:
            all_done.release()


for n in range(N):
    _thread.start_new_thread(worker, (n,))
all_done.acquire()
print(len(results), sorted(finished))
print(all(sorted(i for m, i in results if m == n) == list(range(50)) for n in range(N)))

# Each thread's frames and exception state are its own.
def recurse(n):
    return 0 if n == 0 else 1 + recurse(n - 1)


print(run_and_wait(recurse, 500))


def in_except():
    try:
        raise KeyError("t")
    except KeyError:
        time.sleep(0.01)
        import sys
        return repr(sys.exc_info()[1])


try:
    raise ValueError("main")
except ValueError:
    print(run_and_wait(in_except))
    import sys
    print(repr(sys.exc_info()[1]))

# Deep recursion in a thread ends in RecursionError, as in the main thread.
def deep(n):
    return deep(n + 1)


def catch_deep():
    try:
        deep(0)
    except RecursionError as e:
        return type(e).__name__


print(run_and_wait(catch_deep))

# SystemExit ends a thread quietly; _thread.exit raises it.
print(run_and_wait(lambda: 1))
done = _thread.allocate_lock()
done.acquire()


def exits():
    done.release()
    _thread.exit()


_thread.start_new_thread(exits, ())
done.acquire()
time.sleep(0.05)

# Another exception is reported on stderr as unraisable.
def boom():
    try:
        raise ValueError("boom in thread")
    finally:
        done.release()


_thread.start_new_thread(Named("boom", boom), ())
done.acquire()
time.sleep(0.1)
print("after boom")

# Argument errors.
for args in [(1, ()), (print, 1), (print, (), 1), (print, [])]:
    try:
        _thread.start_new_thread(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _thread.start_new_thread()
except TypeError as e:
    print("TypeError")

# The count of running threads drops back once they end.
time.sleep(0.05)
print(_thread._count())
print(_thread.stack_size())
try:
    _thread.stack_size(100)
except ValueError as e:
    print(type(e).__name__, e)
print(_thread.stack_size(1 << 22), _thread.stack_size(), _thread.stack_size(0))
print(run_and_wait(recurse, 200))
print(_thread.error is RuntimeError, _thread.LockType, _thread.RLock, _thread._local)
print(_thread.TIMEOUT_MAX)
