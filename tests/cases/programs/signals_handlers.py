# _signal: installing handlers, running them at once for raise_signal, the handler's
# arguments, SIG_IGN and SIG_DFL, default_int_handler, errors, and interrupt_main.
import _signal
import _thread
import time

print(_signal.SIG_DFL, _signal.SIG_IGN, _signal.NSIG)
print(_signal.SIGINT, _signal.SIGTERM, _signal.SIGUSR1, _signal.SIGUSR2, _signal.SIGALRM, _signal.SIGCHLD,
      _signal.SIGKILL, _signal.SIGRTMIN, _signal.SIGRTMAX)
print(_signal.getsignal(_signal.SIGINT) is _signal.default_int_handler)
print(_signal.getsignal(_signal.SIGPIPE), _signal.getsignal(_signal.SIGUSR1), _signal.getsignal(_signal.SIGXFSZ))
print(_signal.default_int_handler)
try:
    _signal.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
try:
    _signal.default_int_handler()
except TypeError as e:
    print(type(e).__name__, e)

log = []


def handler(signum, frame):
    log.append((signum, type(frame).__name__, frame.f_code.co_name))


def caller():
    _signal.raise_signal(_signal.SIGUSR1)
    log.append("after raise")


print(_signal.signal(_signal.SIGUSR1, handler))
print(_signal.getsignal(_signal.SIGUSR1) is handler)
caller()
print(log)
log.clear()
_signal.raise_signal(_signal.SIGUSR1)
_signal.raise_signal(_signal.SIGUSR1)
print(log)
print(_signal.signal(_signal.SIGUSR1, _signal.SIG_IGN) is handler)
_signal.raise_signal(_signal.SIGUSR1)
print("ignored", _signal.getsignal(_signal.SIGUSR1))
print(_signal.signal(_signal.SIGUSR1, _signal.SIG_DFL))


# A handler's exception propagates from where the signal is handled.
class Alarm(Exception):
    pass


def raising(signum, frame):
    raise Alarm(f"signal {signum}")


_signal.signal(_signal.SIGUSR2, raising)
try:
    _signal.raise_signal(_signal.SIGUSR2)
    print("not reached")
except Alarm as e:
    print(type(e).__name__, e)

# SIGINT's default handler raises KeyboardInterrupt.
try:
    _signal.raise_signal(_signal.SIGINT)
except KeyboardInterrupt as e:
    print("caught", type(e).__name__)

# A handler that is a bound method or a builtin callable.
class Recorder:
    def __init__(self):
        self.seen = []

    def __call__(self, signum, frame):
        self.seen.append(signum)


rec = Recorder()
_signal.signal(_signal.SIGUSR1, rec)
_signal.raise_signal(_signal.SIGUSR1)
_signal.signal(_signal.SIGUSR2, rec.__call__)
_signal.raise_signal(_signal.SIGUSR2)
print(rec.seen)

# interrupt_main from another thread: the main thread's handler runs at its next check.
_signal.signal(_signal.SIGUSR1, handler)
log.clear()
done = _thread.allocate_lock()
done.acquire()


def interrupter():
    _thread.interrupt_main(_signal.SIGUSR1)
    done.release()


_thread.start_new_thread(interrupter, ())
done.acquire()
for i in range(1000):
    pass
print([entry[0] for entry in log])
try:
    done.release()
    _thread.interrupt_main()
    for i in range(1000):
        pass
    print("not reached")
except KeyboardInterrupt:
    print("interrupt_main raised KeyboardInterrupt")
done.acquire()
try:
    _thread.interrupt_main(99)
except ValueError as e:
    print(type(e).__name__, e)
# With SIG_IGN or SIG_DFL, interrupt_main does nothing.
_signal.signal(_signal.SIGUSR1, _signal.SIG_IGN)
_thread.interrupt_main(_signal.SIGUSR1)
for i in range(100):
    pass
print("still here")

# Errors.
for args in [(_signal.SIGKILL, handler), (_signal.SIGSTOP, _signal.SIG_IGN), (0, handler), (65, handler),
             (-1, handler), (_signal.SIGUSR1, 5), (_signal.SIGUSR1, None), ("x", handler)]:
    try:
        _signal.signal(*args)
    except Exception as e:
        print(type(e).__name__, e)
for n in [0, 65, "x"]:
    try:
        _signal.getsignal(n)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        _signal.raise_signal(n)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        _signal.strsignal(n)
    except Exception as e:
        print(type(e).__name__, e)
print(_signal.getsignal(_signal.SIGKILL))

# Signals from another thread may not be installed.
out = []


def from_thread():
    try:
        _signal.signal(_signal.SIGUSR1, handler)
    except ValueError as e:
        out.append(str(e))
    done.release()


_thread.start_new_thread(from_thread, ())
done.acquire()
print(out)

print(_signal.strsignal(_signal.SIGINT), _signal.strsignal(_signal.SIGTERM), _signal.strsignal(_signal.SIGUSR1))
print(_signal.strsignal(_signal.SIGRTMIN), _signal.strsignal(40), _signal.strsignal(_signal.SIGRTMAX))
valid = _signal.valid_signals()
print(type(valid).__name__, len(valid), min(valid), max(valid), 32 in valid, 33 in valid)
print(_signal.set_wakeup_fd(-1))
