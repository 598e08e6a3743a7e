# select: select(), poll() and epoll on pipes, their errors, and selectors built on them.
import os
import select
import selectors


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(sorted(k for k in dir(select) if k.isupper()))
print(select.POLLIN, select.POLLOUT, select.POLLHUP, select.POLLNVAL, select.EPOLLET, select.EPOLL_CLOEXEC, select.PIPE_BUF)
print(select.error is OSError)

r, w = os.pipe()


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd

    def __repr__(self):
        return f"F({'r' if self.fd == r else 'w'})"


show("empty pipe", lambda: select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"data")
show("readable", lambda: select.select([r], [], [], 0) == ([r], [], []))
show("fileno objects", lambda: select.select([F(r)], [F(w)], [F(r)], 0.01))
show("tuple args", lambda: select.select((r,), (), ()) == ([r], [], []))
show("bad timeout type", lambda: select.select([], [], [], "x"))
show("negative timeout", lambda: select.select([], [], [], -1))
show("not sequences", lambda: select.select(1, [], []))
show("bad item", lambda: select.select(["a"], [], [], 0))
show("negative fd", lambda: select.select([-1], [], [], 0))
show("fd too big", lambda: select.select([5000], [], [], 0))
show("timeout only", lambda: select.select([], [], [], 0.01))

p = select.poll()
p.register(r)
p.register(F(w), select.POLLOUT)
show("poll", lambda: sorted((("r" if fd == r else "w"), ev) for fd, ev in p.poll(0)))
p.modify(w, select.POLLIN)
show("poll modified", lambda: sorted((("r" if fd == r else "w"), ev) for fd, ev in p.poll(0)))
p.unregister(w)
try:
    p.unregister(w)
except KeyError:
    print("KeyError on second unregister")
show("modify missing", lambda: p.modify(w, select.POLLIN))
show("register negative", lambda: p.register(-1))
show("bad mask", lambda: p.register(r, -1))
show("mask too big", lambda: p.register(r, 1 << 16))
show("poll bad timeout", lambda: p.poll("x"))
show("poll float timeout", lambda: len(p.poll(1.5)))
show("poll None", lambda: len(p.poll(None)))

e = select.epoll()
print("epoll closed", e.closed, type(e.fileno()).__name__)
e.register(r, select.EPOLLIN)
e.register(F(w), select.EPOLLOUT)
show("epoll poll", lambda: sorted((("r" if fd == r else "w"), ev) for fd, ev in e.poll(0)))
show("epoll maxevents 1", lambda: len(e.poll(0, 1)))
show("epoll maxevents 0", lambda: e.poll(0, 0))
show("epoll bad timeout", lambda: e.poll("x"))
show("register twice", lambda: e.register(r))
e.modify(r, select.EPOLLOUT)
e.unregister(w)
show("epoll after modify", lambda: e.poll(0))
show("unregister missing", lambda: e.unregister(w))
show("register bad fd", lambda: e.register(F(-5)))
e.close()
e.close()
print("epoll closed", e.closed)
show("poll closed", lambda: e.poll(0))
show("fileno closed", lambda: e.fileno())
show("bad flags", lambda: select.epoll(flags=5))
show("bad sizehint", lambda: select.epoll(0))
with select.epoll(10, select.EPOLL_CLOEXEC) as e2:
    print("with", e2.closed)
print("after with", e2.closed)

os.read(r, 100)
os.close(w)
show("hangup", lambda: select.select([r], [], [], 0) == ([r], [], []))
p = select.poll()
p.register(r, select.POLLIN)
show("poll hangup", lambda: [ev & select.POLLHUP != 0 for fd, ev in p.poll(0)])
os.close(r)

# selectors picks epoll here; the poll and select ones work as well.
for cls in (selectors.DefaultSelector, selectors.PollSelector, selectors.SelectSelector, selectors.EpollSelector):
    r, w = os.pipe()
    with cls() as sel:
        sel.register(r, selectors.EVENT_READ, "reader")
        print(cls.__name__, sel.select(0))
        os.write(w, b"x")
        print(cls.__name__, [(k.data, ev) for k, ev in sel.select(1)])
        sel.modify(r, selectors.EVENT_READ, "changed")
        print(cls.__name__, [(k.data, ev) for k, ev in sel.select(1)])
        sel.unregister(r)
        print(cls.__name__, len(sel.get_map()))
    os.close(r)
    os.close(w)
print(selectors.DefaultSelector.__name__)
