# _collections.defaultdict, _tuplegetter and _count_elements.
from _collections import defaultdict, _tuplegetter, _count_elements
import _collections


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


t("bad factory", lambda: defaultdict(1))
t("none factory", lambda: defaultdict(None, {1: 2}))
t("kwargs", lambda: defaultdict(list, a=1))
t("pairs", lambda: defaultdict(int, [(1, 2), (3, 4)], x=5))
t("empty", lambda: defaultdict())
t("reduce empty", lambda: defaultdict().__reduce__()[:4])
t("reduce", lambda: (defaultdict(list, {1: 2}).__reduce__()[:4], list(defaultdict(list, {1: 2}).__reduce__()[4])))
t("missing list", lambda: defaultdict(list)[3])
t("missing none", lambda: defaultdict()[3])
t("or int", lambda: defaultdict(list) | 1)
t("or dict", lambda: defaultdict(list, {0: 1}) | {1: 2})
t("ror dict", lambda: {1: 2, 0: 5} | defaultdict(list, {0: 1}))
t("ior", lambda: (lambda d: (d.__ior__({3: 4}), d)[1])(defaultdict(set)))
t("missing descr", lambda: defaultdict.__missing__)
t("missing args", lambda: defaultdict(list).__missing__(1, 2))
t("copy", lambda: defaultdict(list).copy())
t("factory attr", lambda: defaultdict(list).default_factory)
t("factory none attr", lambda: defaultdict().default_factory)
t("__copy__", lambda: defaultdict(list, {1: [1]}).__copy__())
t("isinstance", lambda: (isinstance(defaultdict(), dict), issubclass(defaultdict, dict), defaultdict.__module__, defaultdict.__mro__))

d = defaultdict(list)
d['a'].append(1)
d['a'].append(2)
d['b'].append(3)
print(d, len(d), 'a' in d, 'c' in d, d.get('c'), len(d))
d.default_factory = None
t("after none", lambda: d['zz'])
d.default_factory = lambda: 'dflt'
print(d['q'], sorted(d.items()))
c = defaultdict(int)
for ch in 'mississippi':
    c[ch] += 1
print(sorted(c.items()), c.setdefault('m', 9), c.pop('m'), c)
print(defaultdict(int) == {}, defaultdict(int, {1: 1}) == {1: 1})
rec = defaultdict(list)
rec.default_factory = rec.__len__
print(rec['x'])
class Deep(defaultdict):
    def __repr__(self):
        return 'Deep!'
dd = defaultdict(Deep)
print(dd)
x = defaultdict(lambda: 0)
x[1]
print(x.keys(), type(x.copy()) is defaultdict)

class Sub(defaultdict):
    def __missing__(self, key):
        return key * 2
s = Sub(list)
print(s['ab'], s, type(s).__name__)
class Sub2(defaultdict):
    pass
s2 = Sub2(list, {1: 2})
s2[5].append(1)
print(s2, type(s2.copy()).__name__, type(s2 | {}).__name__)
s2.attr = 3
print(s2.attr, s2.__dict__)

# _tuplegetter
t("tg", lambda: _tuplegetter(1, 'doc'))
t("tg reduce", lambda: _tuplegetter(1, 'doc').__reduce__())
t("tg get", lambda: _tuplegetter(1, 'doc').__get__((1, 2)))
t("tg range", lambda: _tuplegetter(5, 'doc').__get__((1, 2)))
t("tg list", lambda: _tuplegetter(0, 'doc').__get__([1, 2]))
t("tg set", lambda: _tuplegetter(0, 'doc').__set__((1, 2), 3))
t("tg delete", lambda: _tuplegetter(0, 'doc').__delete__((1, 2)))
t("tg doc", lambda: _tuplegetter(0, 'doc').__doc__)
t("tg none", lambda: _tuplegetter(0, 'doc').__get__(None, tuple))
class P(tuple):
    x = _tuplegetter(0, 'the x')
    y = _tuplegetter(1, 'the y')
p = P((3, 4))
print(p.x, p.y, P.x.__doc__, P.y)
t("tg assign", lambda: setattr(p, 'x', 1))
t("tg del", lambda: delattr(p, 'x'))
g = _tuplegetter(0, None)
g.__doc__ = 'changed'
print(g.__doc__, g)

# _count_elements
m = {}
_count_elements(m, 'abracadabra')
print(m)
_count_elements(m, ['a', 'z'])
print(m)
class Counting(dict):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v)
cm = Counting()
_count_elements(cm, 'aba')
print(cm)
t("count bad", lambda: _count_elements({}, 1))
t("count types", lambda: _count_elements(1, [1]))
t("dir", lambda: sorted(n for n in dir(_collections) if not n.startswith('__') and n != 'OrderedDict'))
t("class_getitem", lambda: (repr(defaultdict[str, int]), repr(_collections.deque[int])))
