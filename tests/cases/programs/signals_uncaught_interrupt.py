# An uncaught KeyboardInterrupt prints its traceback, and the process ends by SIGINT itself
# (the shell sees status 130).
import _signal

print("before", flush=True)


def f():
    _signal.raise_signal(_signal.SIGINT)


f()
print("not reached")
