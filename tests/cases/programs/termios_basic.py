# termios: attributes and window size of a pseudo-terminal, and errors on non-terminals.
import os
import termios


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(len([k for k in dir(termios) if k.isupper()]), termios.NCCS, termios.VMIN, termios.VTIME, termios.TCSANOW, termios.B38400)
print(termios.error.__mro__[1:], termios.error.__module__)
master, slave = os.openpty()
print("isatty", os.isatty(slave), os.get_inheritable(master))
attrs = termios.tcgetattr(slave)
print("attrs", len(attrs), [type(a).__name__ for a in attrs], len(attrs[6]))
print("canonical", bool(attrs[3] & termios.ICANON), type(attrs[6][termios.VMIN]).__name__)
new = list(attrs)
new[3] &= ~(termios.ICANON | termios.ECHO)
cc = list(attrs[6])
cc[termios.VMIN] = 1
cc[termios.VTIME] = 0
new[6] = cc
termios.tcsetattr(slave, termios.TCSANOW, new)
raw = termios.tcgetattr(slave)
print("raw", bool(raw[3] & termios.ICANON), bool(raw[3] & termios.ECHO), raw[6][termios.VMIN], raw[6][termios.VTIME])
new[4] = new[5] = termios.B9600
termios.tcsetattr(slave, termios.TCSADRAIN, new)
print("speed", termios.tcgetattr(slave)[4:6] == [termios.B9600, termios.B9600])
termios.tcsetattr(slave, termios.TCSAFLUSH, attrs)
print("restored", termios.tcgetattr(slave) == attrs)
termios.tcsetwinsize(slave, (24, 80))
print("winsize", termios.tcgetwinsize(slave), termios.tcgetwinsize(master))
termios.tcsetwinsize(master, [50, 132])
print("winsize", termios.tcgetwinsize(slave), os.get_terminal_size(slave))
termios.tcflush(slave, termios.TCIOFLUSH)
termios.tcdrain(slave)
termios.tcflow(slave, termios.TCOON)
print("flush drain flow ok")
os.write(master, b"typed\n")
print("read", os.read(slave, 100))
show("not a list", lambda: termios.tcsetattr(slave, termios.TCSANOW, 5))
show("short list", lambda: termios.tcsetattr(slave, termios.TCSANOW, [0] * 6))
show("bad cc", lambda: termios.tcsetattr(slave, termios.TCSANOW, attrs[:6] + [[b"a"] * 3]))
show("bad cc item", lambda: termios.tcsetattr(slave, termios.TCSANOW, attrs[:6] + [["ab"] * 32]))
show("bad winsize", lambda: termios.tcsetwinsize(slave, 5))
show("winsize 3", lambda: termios.tcsetwinsize(slave, (1, 2, 3)))
os.close(master)
os.close(slave)

r, w = os.pipe()
for name, f in [("tcgetattr", lambda: termios.tcgetattr(r)), ("tcsetattr", lambda: termios.tcsetattr(r, 0, attrs)),
                ("tcgetwinsize", lambda: termios.tcgetwinsize(r)), ("tcdrain", lambda: termios.tcdrain(r)),
                ("tcflush", lambda: termios.tcflush(r, termios.TCIFLUSH)), ("negative", lambda: termios.tcgetattr(-1)),
                ("object", lambda: termios.tcgetattr(object()))]:
    try:
        f()
    except termios.error as e:
        print(name, "termios.error", e.args)
    except Exception as e:
        print(name, type(e).__name__, e)
os.close(r)
os.close(w)
