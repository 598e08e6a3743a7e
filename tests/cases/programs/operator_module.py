# _operator: the functions, itemgetter, attrgetter and methodcaller, with CPython's errors.
import _operator as o


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


t("add args", lambda: o.add(1))
t("neg args", lambda: o.neg())
t("arith", lambda: (o.add(1, 2), o.sub(5, 3), o.mul('ab', 2), o.truediv(7, 2), o.floordiv(7, 2), o.mod(7, 3), o.pow(2, 10), o.matmul.__name__))
t("bits", lambda: (o.and_(6, 3), o.or_(6, 3), o.xor(6, 3), o.lshift(1, 5), o.rshift(64, 2), o.inv(5), o.invert(0)))
t("unary", lambda: (o.neg(3), o.pos(-3), o.abs(-4.5), o.index(7), o.truth([]), o.truth([0]), o.not_(0)))
t("abs str", lambda: o.abs('a'))
t("pos str", lambda: o.pos('a'))
t("inv str", lambda: o.inv('a'))
t("index float", lambda: o.index(1.5))
t("compare", lambda: (o.lt(1, 2), o.le(2, 2), o.eq(1, 1.0), o.ne(1, 2), o.gt(1, 2), o.ge(3, 2)))
t("compare err", lambda: o.lt(1, 'a'))
t("identity", lambda: (o.is_(None, None), o.is_not(1, None)))
t("contains", lambda: (o.contains([1, 2], 2), o.contains('abc', 'bc'), o.contains(iter([1, 2]), 3)))
t("countOf", lambda: (o.countOf([1, 1, 2], 1), o.indexOf('abc', 'c')))
t("indexOf missing", lambda: o.indexOf([1], 2))
t("items", lambda: (lambda l: (o.setitem(l, 0, 'x'), o.delitem(l, 1), o.getitem(l, 0), l))([1, 2, 3]))
t("delitem range", lambda: o.delitem([1], 5))
t("setitem tuple", lambda: o.setitem((1,), 0, 2))
t("delitem tuple", lambda: o.delitem((1,), 0))
t("concat", lambda: (o.concat([1], [2]), o.concat('a', 'b'), o.concat((1,), (2,))))
t("concat int", lambda: o.concat(1, 2))
t("concat mixed", lambda: o.concat([1], (2,)))
t("iconcat int", lambda: o.iconcat(1, 2))
l = [1]
t("iconcat list", lambda: (o.iconcat(l, [2]) is l, l))
t("inplace", lambda: (o.iadd(1, 2), o.isub(5, 1), o.imul(3, 3), o.itruediv(1, 2), o.ifloordiv(7, 2), o.imod(7, 4), o.ipow(2, 3), o.ilshift(1, 1), o.irshift(8, 1), o.iand(3, 1), o.ior(1, 2), o.ixor(3, 1)))
l = [1]
t("imul list", lambda: (o.imul(l, 2) is l, l, o.iadd(l, [5]) is l))
class Acc:
    def __init__(self):
        self.v = []
    def __iadd__(self, other):
        self.v.append(other)
        return self
    def __ifloordiv__(self, other):
        return 'ifloordiv'
a = Acc()
t("iadd class", lambda: (o.iadd(a, 1) is a, a.v, o.ifloordiv(a, 2)))
t("length_hint", lambda: (o.length_hint([1, 2]), o.length_hint(iter([1, 2, 3])), o.length_hint(1), o.length_hint(1, 5)))
t("length_hint str", lambda: o.length_hint(1, 'a'))
class H:
    def __length_hint__(self):
        return -1
t("length_hint neg", lambda: o.length_hint(H()))
class H2:
    def __length_hint__(self):
        return 'x'
t("length_hint str result", lambda: o.length_hint(H2()))
class H3:
    def __length_hint__(self):
        return NotImplemented
t("length_hint notimpl", lambda: o.length_hint(H3(), 9))
t("compare_digest", lambda: (o._compare_digest('abc', 'abc'), o._compare_digest(b'ab', bytearray(b'ab')), o._compare_digest(b'a', b'b')))
t("compare_digest mixed", lambda: o._compare_digest('a', b'a'))
t("compare_digest nonascii", lambda: o._compare_digest('é', 'é'))
t("compare_digest int", lambda: o._compare_digest(1, 2))
t("call", lambda: (o.call(len, [1]), o.call(dict, a=1)))
t("call none", lambda: o.call())

# itemgetter
t("itemgetter none", lambda: o.itemgetter())
t("itemgetter two", lambda: o.itemgetter(1)(1, 2))
t("itemgetter repr", lambda: o.itemgetter(1, 'a'))
t("itemgetter reduce", lambda: (o.itemgetter(1, 2).__reduce__(), o.itemgetter(1).__reduce__()))
t("itemgetter call", lambda: (o.itemgetter(1)('abc'), o.itemgetter(0, -1)('abc'), o.itemgetter('k')({'k': 5}), o.itemgetter(slice(1, None))('abc')))
t("itemgetter missing", lambda: o.itemgetter(5)('abc'))
t("itemgetter sorted", lambda: sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=o.itemgetter(1)))
t("itemgetter kw", lambda: o.itemgetter(x=1))
t("itemgetter base", lambda: type('X', (o.itemgetter,), {}))
# attrgetter
t("attrgetter none", lambda: o.attrgetter())
t("attrgetter int", lambda: o.attrgetter(1))
t("attrgetter repr", lambda: o.attrgetter('a', 'b.c'))
t("attrgetter reduce", lambda: o.attrgetter('a', 'b.c').__reduce__())
t("attrgetter noargs call", lambda: o.attrgetter('a')())
t("attrgetter trailing dot", lambda: o.attrgetter('a.')(1))
t("attrgetter leading dot", lambda: o.attrgetter('.a'))
class N:
    pass
n = N()
n.a = N()
n.a.b = 'deep'
n.c = 3
t("attrgetter call", lambda: (o.attrgetter('c')(n), o.attrgetter('a.b', 'c')(n), o.attrgetter('real')(5)))
t("attrgetter missing", lambda: o.attrgetter('a.zz')(n))
# methodcaller
t("methodcaller none", lambda: o.methodcaller())
t("methodcaller int", lambda: o.methodcaller(1))
t("methodcaller repr", lambda: o.methodcaller('f', 1, x=2))
t("methodcaller reduce kw", lambda: o.methodcaller('f', 1, x=2).__reduce__())
t("methodcaller reduce", lambda: o.methodcaller('f', 1).__reduce__())
t("methodcaller two", lambda: o.methodcaller('f')(1, 2))
t("methodcaller call", lambda: (o.methodcaller('upper')('ab'), o.methodcaller('split', ',', maxsplit=1)('a,b,c'), o.methodcaller('count', 'a')('banana')))
t("methodcaller missing", lambda: o.methodcaller('nope')(1))
t("types", lambda: (repr(o.itemgetter), o.attrgetter.__module__, o.methodcaller.__name__))
t("dir", lambda: sorted(n for n in dir(o) if not n.startswith('__')))
