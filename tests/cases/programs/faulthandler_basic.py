# faulthandler: dump_traceback's format (written by descriptor), enable/disable state,
# dump_traceback_later's argument checks and cancellation, register/unregister checks.
import faulthandler
import os
import signal
import sys
import tempfile


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


def inner(fd):
    faulthandler.dump_traceback(fd, all_threads=False)


def outer(fd):
    inner(fd)


def read_dump(action):
    fd, path = tempfile.mkstemp()
    try:
        action(fd)
        os.lseek(fd, 0, 0)
        text = os.read(fd, 100000).decode()
    finally:
        os.close(fd)
        os.unlink(path)
    return text.replace(__file__, "FILE")


print(sorted(k for k in dir(faulthandler) if not k.startswith("_")))
print(read_dump(outer), end="")
lines = read_dump(lambda fd: faulthandler.dump_traceback(fd)).splitlines()
print(lines[0].startswith("Current thread 0x"), lines[0].endswith(" (most recent call first):"), len(lines[0]))
print(lines[1:])


def deep(n, fd):
    if n == 0:
        faulthandler.dump_traceback(fd, False)
    else:
        deep(n - 1, fd)


lines = read_dump(lambda fd: deep(120, fd)).splitlines()
print(len(lines), lines[0], lines[-1], lines[-2].strip())

sys.stdout.flush()
faulthandler.dump_traceback(sys.stdout, all_threads=False)
print("after")

print(faulthandler.is_enabled())
faulthandler.enable(file=sys.stdout)
print(faulthandler.is_enabled())
print(faulthandler.disable(), faulthandler.is_enabled(), faulthandler.disable())

t("bad file", lambda: faulthandler.dump_traceback("x"))
t("neg fd", lambda: faulthandler.dump_traceback(-1))
t("zero timeout", lambda: faulthandler.dump_traceback_later(0))
t("neg timeout", lambda: faulthandler.dump_traceback_later(-1.5))
t("huge timeout", lambda: faulthandler.dump_traceback_later(1e300))
t("str timeout", lambda: faulthandler.dump_traceback_later("1"))
t("later", lambda: faulthandler.dump_traceback_later(3600, file=sys.stdout))
t("later again", lambda: faulthandler.dump_traceback_later(7200, repeat=True, file=sys.stdout))
t("cancel", faulthandler.cancel_dump_traceback_later)
t("cancel twice", faulthandler.cancel_dump_traceback_later)
t("register segv", lambda: faulthandler.register(signal.SIGSEGV))
t("register abrt", lambda: faulthandler.register(signal.SIGABRT))
t("register range", lambda: faulthandler.register(0))
t("register big", lambda: faulthandler.register(100))
t("unregister none", lambda: faulthandler.unregister(signal.SIGUSR1))
t("unregister segv", lambda: faulthandler.unregister(signal.SIGSEGV))
t("register usr1", lambda: faulthandler.register(signal.SIGUSR1, file=sys.stdout))
t("unregister usr1", lambda: faulthandler.unregister(signal.SIGUSR1))
t("unregister again", lambda: faulthandler.unregister(signal.SIGUSR1))

import re
import time


def fire(fd):
    faulthandler.dump_traceback_later(0.05, file=fd)
    time.sleep(1.0)
    faulthandler.cancel_dump_traceback_later()


print(re.sub("0x[0-9a-f]{16}", "0xID", read_dump(fire)), end="")
