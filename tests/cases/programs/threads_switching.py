# The global interpreter lock is handed over after the switch interval: a thread that spins
# without blocking does not starve the others. sys.getswitchinterval/setswitchinterval.
import _thread
import sys

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
for bad in [0, -1, 0.0]:
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print(type(e).__name__, e)
sys.setswitchinterval(1e-9)
print(sys.getswitchinterval())
sys.setswitchinterval(0.005)

# The main thread spins until the other thread, which never blocks, has done its work.
flag = []
done = _thread.allocate_lock()
done.acquire()


def spinner():
    n = 0
    while n < 200000:
        n += 1
    flag.append(n)
    done.release()


_thread.start_new_thread(spinner, ())
i = 0
while not flag:
    i += 1
print(flag, i > 0)
done.acquire()

# Two spinning threads and the main thread all make progress.
counts = [0, 0]
stop = []
finished = _thread.allocate_lock()
finished.acquire()
left = [2]
guard = _thread.allocate_lock()


def count(k):
    while not stop:
        counts[k] += 1
    with guard:
        left[0] -= 1
        if left[0] == 0:
            finished.release()


_thread.start_new_thread(count, (0,))
_thread.start_new_thread(count, (1,))
while counts[0] < 1000 or counts[1] < 1000:
    pass
stop.append(True)
finished.acquire()
print(counts[0] >= 1000, counts[1] >= 1000)


# A recursive function call (RESUME) is a switch point too.
def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)


flag2 = []


def rec_worker():
    flag2.append(rec(100))


_thread.start_new_thread(rec_worker, ())
while not flag2:
    rec(10)
print(flag2)
