# SIGALRM from alarm() interrupts a sleep and a lock wait in the main thread: the handler runs
# at once; the sleep goes on when the handler returns (PEP 475) and stops when it raises.
import _signal
import _thread
import time

log = []


def note(signum, frame):
    log.append(signum)


class Timeout(Exception):
    pass


def raise_timeout(signum, frame):
    raise Timeout("alarm")


_signal.signal(_signal.SIGALRM, note)
print(_signal.alarm(0))
t0 = time.monotonic()
_signal.alarm(1)
time.sleep(1.5)
print(log, time.monotonic() - t0 >= 1.4)

_signal.signal(_signal.SIGALRM, raise_timeout)
t0 = time.monotonic()
_signal.alarm(1)
try:
    time.sleep(30)
except Timeout as e:
    print(type(e).__name__, e, time.monotonic() - t0 < 10)

lock = _thread.allocate_lock()
lock.acquire()
_signal.alarm(1)
try:
    lock.acquire()
except Timeout as e:
    print("lock wait:", type(e).__name__, e)
print(lock.locked())

_signal.alarm(1)
try:
    while True:
        pass
except Timeout as e:
    print("busy loop:", type(e).__name__, e)

print(_signal.alarm(100) == 0, _signal.alarm(0) > 90)
