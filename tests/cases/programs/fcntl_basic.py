# fcntl: flags, descriptor duplication, buffer arguments, locks, ioctl, and errors.
import fcntl
import os
import tempfile

# termios.FIONREAD and termios.TIOCGWINSZ on Linux.
FIONREAD = 0x541B
TIOCGWINSZ = 0x5413


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(sorted(k for k in dir(fcntl) if not k.startswith("_")))
print(fcntl.F_GETFD, fcntl.F_SETFL, fcntl.FD_CLOEXEC, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.F_DUPFD_CLOEXEC, fcntl.F_OFD_SETLK)

r, w = os.pipe()
show("cloexec", lambda: fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fcntl.fcntl(r, fcntl.F_SETFD, 0)
show("cleared", lambda: fcntl.fcntl(r, fcntl.F_GETFD))
show("inheritable", lambda: os.get_inheritable(r))
flags = fcntl.fcntl(w, fcntl.F_GETFL)
show("nonblock before", lambda: bool(flags & os.O_NONBLOCK))
fcntl.fcntl(w, fcntl.F_SETFL, flags | os.O_NONBLOCK)
show("nonblock after", lambda: bool(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK))
show("blocking", lambda: os.get_blocking(w))
d = fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, 100)
show("dupfd >= 100", lambda: d >= 100)
os.close(d)
show("pipe size", lambda: fcntl.fcntl(r, fcntl.F_GETPIPE_SZ) > 0)


class F:
    def fileno(self):
        return r


show("fileno object", lambda: fcntl.fcntl(F(), fcntl.F_GETFD))
show("bytes arg", lambda: fcntl.fcntl(r, fcntl.F_GETFD, b"abcd"))
show("str arg", lambda: fcntl.fcntl(r, fcntl.F_GETFD, "ab"))
show("too long", lambda: fcntl.fcntl(r, fcntl.F_GETFD, b"x" * 2000))
show("float arg", lambda: fcntl.fcntl(r, fcntl.F_GETFD, 1.5))
show("negative fd", lambda: fcntl.fcntl(-1, fcntl.F_GETFD))
show("bad object", lambda: fcntl.fcntl("x", fcntl.F_GETFD))
show("bad cmd", lambda: fcntl.fcntl(r, 99999))
os.close(r)
os.close(w)

with tempfile.TemporaryFile() as f:
    f.write(b"0123456789")
    f.flush()
    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    print("flock ok")
    fcntl.lockf(f, fcntl.LOCK_EX)
    fcntl.lockf(f, fcntl.LOCK_UN)
    fcntl.lockf(f, fcntl.LOCK_SH | fcntl.LOCK_NB, 5, 2, os.SEEK_SET)
    fcntl.lockf(f, fcntl.LOCK_UN, 5, 2)
    print("lockf ok")
    show("lockf bad", lambda: fcntl.lockf(f, fcntl.LOCK_NB))
    show("flock bad op", lambda: fcntl.flock(f, 0))
    show("FIONREAD on file", lambda: fcntl.ioctl(f, FIONREAD, b"\0\0\0\0") is not None)

r, w = os.pipe()
os.write(w, b"hello")
buf = bytearray(4)
show("ioctl mutate", lambda: fcntl.ioctl(r, FIONREAD, buf))
print("FIONREAD", int.from_bytes(buf, "little"))
show("ioctl bytes", lambda: int.from_bytes(fcntl.ioctl(r, FIONREAD, b"\0\0\0\0"), "little"))
buf2 = bytearray(4)
show("ioctl no mutate", lambda: int.from_bytes(fcntl.ioctl(r, FIONREAD, buf2, False), "little"))
print("untouched", buf2)
show("ioctl notty", lambda: fcntl.ioctl(r, TIOCGWINSZ, b"\0" * 8))
os.close(r)
os.close(w)
show("ioctl closed", lambda: fcntl.ioctl(r, FIONREAD, 0))
show("flock closed", lambda: fcntl.flock(r, fcntl.LOCK_EX))
