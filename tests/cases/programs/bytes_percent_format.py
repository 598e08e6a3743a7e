# bytes % args (PEP 461).

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class B:
    def __bytes__(self):
        return b"dunder"

show(lambda: b"%s and %b" % (b"x", bytearray(b"y")))
show(lambda: b"%d %i %5d %-5d| %05d %+d %x %X %#o" % (1, -2, 3, 4, 5, 6, 255, 255, 8))
show(lambda: b"%.2f %e %g %10.3f" % (3.14159, 1e10, 0.5, -2.5))
show(lambda: b"%r %a" % (b"q", "\xe9"))
show(lambda: b"%c%c%c" % (65, b"B", bytearray(b"C")))
show(lambda: b"%s" % B())
show(lambda: b"%5s|%-5s|%.2s" % (b"ab", b"cd", b"efgh"))
show(lambda: b"%(a)s %(b)d" % {b"a": b"A", b"b": 2})
show(lambda: b"100%%" % ())
show(lambda: b"%s" % b"single")
show(lambda: b"\xff%s" % (b"\xfe",))
show(lambda: bytearray(b"%d-%s") % (7, b"z"))
show(lambda: b"%s" % "str")
show(lambda: b"%b" % 1)
show(lambda: b"%c" % 256)
show(lambda: b"%c" % b"ab")
show(lambda: b"%c" % "a")
show(lambda: b"%s %s" % (b"x",))
show(lambda: b"%s" % (b"x", b"y"))
show(lambda: b"%y" % 1)
show(lambda: b"%d" % b"1")
