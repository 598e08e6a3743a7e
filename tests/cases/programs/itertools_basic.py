# itertools: every iterator type, their arguments, reprs and __reduce__ results.
import itertools as it
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress, count,
                       cycle, dropwhile, filterfalse, groupby, islice, pairwise, permutations, product,
                       repeat, starmap, takewhile, tee, zip_longest)
import operator


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# count
t("count", lambda: list(islice(count(), 5)))
t("count start", lambda: list(islice(count(10), 3)))
t("count step", lambda: list(islice(count(1, 3), 4)))
t("count neg", lambda: list(islice(count(5, -2), 4)))
t("count float", lambda: list(islice(count(0.5, 0.25), 4)))
t("count big", lambda: list(islice(count(2 ** 63 - 2), 4)))
t("count repr", lambda: (repr(count()), repr(count(3)), repr(count(3, 2)), repr(count(1.5)), repr(count(1, 1.0))))
t("count repr kw", lambda: repr(count(step=2)))
t("count bool", lambda: (repr(count(True)), next(count(True))))
t("count complex", lambda: list(islice(count(1j, 1), 2)))
t("count str", lambda: count('a'))
t("count str step", lambda: count(1, 'a'))
t("count args", lambda: count(1, 2, 3))
t("count reduce", lambda: (count(1).__reduce__(), count(1, 2).__reduce__(), count(1.5).__reduce__()))
c = count(7)
next(c)
t("count advanced", lambda: (repr(c), c.__reduce__()))
t("count big repr", lambda: repr(count(2 ** 70, 3)))

# cycle
t("cycle", lambda: list(islice(cycle('abc'), 8)))
t("cycle empty", lambda: list(cycle([])))
t("cycle args", lambda: cycle())
t("cycle kw", lambda: cycle(a=1))
t("cycle int", lambda: cycle(1))

# repeat
t("repeat", lambda: list(repeat('x', 3)))
t("repeat inf", lambda: list(islice(repeat(1), 4)))
t("repeat neg", lambda: list(repeat(1, -5)))
t("repeat repr", lambda: (repr(repeat('a')), repr(repeat('a', 2)), repr(repeat(1, -3))))
t("repeat kw", lambda: list(repeat(object='z', times=2)))
t("repeat hint", lambda: (repeat(1, 4).__length_hint__(), repeat(1, -4).__length_hint__()))
t("repeat hint inf", lambda: repeat(1).__length_hint__())
t("repeat none", lambda: repeat())
t("repeat many", lambda: repeat(1, 2, 3))
t("repeat badkw", lambda: repeat(1, x=2))
t("repeat str", lambda: repeat(1, 'a'))
t("repeat reduce", lambda: (repeat('a', 3).__reduce__(), repeat('a').__reduce__()))
r = repeat(5, 3)
next(r)
t("repeat after", lambda: (repr(r), r.__length_hint__(), list(r), repr(r)))
t("repeat len", lambda: len(list(map(pow, range(5), repeat(2)))))

# accumulate
t("accumulate", lambda: list(accumulate([1, 2, 3, 4])))
t("accumulate func", lambda: list(accumulate([3, 1, 4, 1, 5], max)))
t("accumulate mul", lambda: list(accumulate([1, 2, 3, 4], operator.mul)))
t("accumulate initial", lambda: list(accumulate([1, 2, 3], initial=100)))
t("accumulate initial empty", lambda: list(accumulate([], initial=100)))
t("accumulate initial none", lambda: list(accumulate([1, 2], initial=None)))
t("accumulate empty", lambda: list(accumulate([])))
t("accumulate strs", lambda: list(accumulate('abc')))
t("accumulate noargs", lambda: accumulate())
t("accumulate many", lambda: accumulate([1], None, None))
t("accumulate kw", lambda: list(accumulate(iterable=[1, 2], func=operator.sub)))
t("accumulate type", lambda: list(accumulate([1, 'a'])))

# chain
t("chain", lambda: list(chain('ab', [1, 2], (), range(2))))
t("chain empty", lambda: list(chain()))
t("chain from_iterable", lambda: list(chain.from_iterable(['ab', 'cd'])))
t("chain from_iterable gen", lambda: list(islice(chain.from_iterable(repeat([1, 2])), 5)))
t("chain kw", lambda: chain(a=1))
t("chain bad", lambda: list(chain([1], 2)))
t("chain from none", lambda: chain.from_iterable())
t("chain setstate", lambda: chain().__setstate__(1))
ch = chain([1, 2], [3])
t("chain partial", lambda: (next(ch), list(ch), list(ch)))
ch2 = chain()
ch2.__setstate__((iter([[7, 8], [9]]),))
t("chain restored", lambda: list(ch2))
t("chain reduce empty", lambda: chain().__reduce__()[0])

# compress
t("compress", lambda: list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
t("compress short", lambda: list(compress('ABCDEF', [1, 1])))
t("compress kw", lambda: list(compress(data='AB', selectors=[0, 1])))
t("compress missing", lambda: compress([1]))

# dropwhile / takewhile
t("dropwhile", lambda: list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
t("takewhile", lambda: list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
t("dropwhile args", lambda: dropwhile(len))
t("takewhile args", lambda: takewhile(len, [1], 3))
t("takewhile err", lambda: list(takewhile(len, [1])))
tw = takewhile(lambda x: x < 2, [1, 2, 1])
t("takewhile stops", lambda: (list(tw), list(tw)))

# filterfalse
t("filterfalse", lambda: list(filterfalse(lambda x: x % 2, range(10))))
t("filterfalse none", lambda: list(filterfalse(None, [0, 1, '', 'a', None, [], [0]])))
t("filterfalse bool", lambda: list(filterfalse(bool, [0, 1, 2, 0])))
t("filterfalse args", lambda: filterfalse(None))

# groupby
t("groupby", lambda: [(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
t("groupby keys", lambda: [k for k, g in groupby('AAAABBBCCD')])
t("groupby key", lambda: [(k, list(g)) for k, g in groupby(range(10), lambda x: x // 3)])
t("groupby kw", lambda: [(k, list(g)) for k, g in groupby(iterable=[1, 1, 2], key=None)])
t("groupby empty", lambda: list(groupby([])))
t("groupby missing", lambda: groupby())
gb = groupby('aabbc')
k1, g1 = next(gb)
k2, g2 = next(gb)
t("groupby stale", lambda: (k1, list(g1), k2, list(g2)))
gb = groupby('aabbc')
k1, g1 = next(gb)
t("groupby partial", lambda: (next(g1), next(gb)[0], list(g1)))
t("groupby types", lambda: (type(next(groupby('a'))[1]).__name__, type(next(groupby('a'))[1]).__module__))

# islice
t("islice stop", lambda: list(islice('ABCDEFG', 2)))
t("islice start stop", lambda: list(islice('ABCDEFG', 2, 4)))
t("islice step", lambda: list(islice('ABCDEFG', 2, None, 2)))
t("islice nones", lambda: list(islice('ABCDEFG', None)))
t("islice nones3", lambda: list(islice('ABCDEFG', None, None, None)))
t("islice step3", lambda: list(islice(range(100), 0, 20, 7)))
t("islice zero", lambda: list(islice('abc', 0)))
t("islice beyond", lambda: list(islice('abc', 5, 10)))
t("islice count", lambda: list(islice(count(), 3, 10, 3)))
t("islice args1", lambda: islice([1]))
t("islice args5", lambda: islice([1], 1, 2, 3, 4))
t("islice neg stop", lambda: islice([1], -1))
t("islice neg stop2", lambda: islice([1], -5))
t("islice str stop", lambda: islice([1], 'a'))
t("islice neg start", lambda: islice([1], -1, 3))
t("islice str start", lambda: islice([1], 'a', 3))
t("islice zero step", lambda: islice([1], 1, 3, 0))
t("islice neg step", lambda: islice([1], 1, 3, -1))
t("islice kw", lambda: islice([1], stop=3))
t("islice big", lambda: islice([1], 2 ** 70))
t("islice notiter", lambda: islice(1, 2))
it1 = iter(range(10))
t("islice consumes", lambda: (list(islice(it1, 2, 4)), next(it1)))
sl = islice(range(20), 2, 12, 3)
next(sl)
t("islice reduce", lambda: (sl.__reduce__()[1][1:], sl.__reduce__()[2]))
t("islice reduce none", lambda: islice([], None).__reduce__()[1][1:])

# pairwise
t("pairwise", lambda: list(pairwise('ABCDE')))
t("pairwise short", lambda: (list(pairwise('A')), list(pairwise(''))))
t("pairwise args", lambda: pairwise())
t("pairwise args2", lambda: pairwise([1], [2]))
t("pairwise kw", lambda: pairwise(a=1))

# starmap
t("starmap", lambda: list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
t("starmap lists", lambda: list(starmap(operator.add, [[1, 2], 'ab'])))
t("starmap bad", lambda: list(starmap(len, [1])))
t("starmap args", lambda: starmap(len))

# tee
a, b = tee([1, 2, 3])
t("tee", lambda: (list(a), list(b)))
t("tee types", lambda: (type(a).__name__, type(a).__module__))
a, b, c = tee(iter(range(5)), 3)
t("tee interleaved", lambda: (next(a), next(a), next(b), list(c), list(a), list(b)))
t("tee zero", lambda: tee([1], 0))
t("tee neg", lambda: tee([], -1))
t("tee args", lambda: tee([1], 2, 3))
t("tee kw", lambda: tee([1], n=2))
t("tee int", lambda: tee(1))
a, b = tee(range(200))
t("tee long", lambda: (sum(a), sum(b)))
a, = tee('xyz', 1)
next(a)
a2 = a.__copy__()
t("tee copy", lambda: (list(a), list(a2)))
a, b = tee('abc')
c, d = tee(a)
t("tee of tee", lambda: (type(c) is type(a), list(c), list(d), list(b)))
t("tee new", lambda: list(it._tee([4, 5])))
def gen():
    yield 1
    yield next(ta)
ta, tb = tee(gen())
t("tee reenter", lambda: list(ta))

# zip_longest
t("zip_longest", lambda: list(zip_longest('ABCD', 'xy')))
t("zip_longest fill", lambda: list(zip_longest('ABCD', 'xy', fillvalue='-')))
t("zip_longest three", lambda: list(zip_longest([1], [2, 3], [4, 5, 6], fillvalue=0)))
t("zip_longest none", lambda: list(zip_longest()))
t("zip_longest one", lambda: list(zip_longest('ab')))
t("zip_longest kw", lambda: zip_longest([1], foo=1))
t("zip_longest int", lambda: zip_longest(1))
t("zip_longest reduce", lambda: zip_longest([1], fillvalue=9).__reduce__()[2])

# product
t("product", lambda: list(product('AB', 'xy')))
t("product repeat", lambda: list(product(range(2), repeat=3)))
t("product repeat2", lambda: list(product('ab', [0], repeat=2)))
t("product empty", lambda: list(product()))
t("product one empty", lambda: list(product('ab', [])))
t("product repeat0", lambda: list(product('ab', repeat=0)))
t("product neg", lambda: product([1], repeat=-1))
t("product badkw", lambda: product([1], foo=1))
t("product twokw", lambda: product([1], repeat=1, foo=2))
t("product int", lambda: product(1))
t("product reduce", lambda: product('ab', 'c').__reduce__())
p = product('ab', 'cd')
next(p)
next(p)
t("product reduce2", lambda: p.__reduce__())
p2 = product('ab', 'cd')
p2.__setstate__((1, 0))
t("product setstate", lambda: list(p2))

# combinations
t("combinations", lambda: list(combinations('ABCD', 2)))
t("combinations r0", lambda: list(combinations('ABC', 0)))
t("combinations big r", lambda: list(combinations('ABC', 4)))
t("combinations all", lambda: list(combinations(range(4), 4)))
t("combinations count", lambda: len(list(combinations(range(10), 3))))
t("combinations neg", lambda: combinations([1], -1))
t("combinations kw", lambda: list(combinations(iterable='ab', r=1)))
t("combinations missing", lambda: combinations('ab'))
cb = combinations('abcd', 2)
next(cb)
t("combinations reduce", lambda: cb.__reduce__())
t("cwr", lambda: list(combinations_with_replacement('ABC', 2)))
t("cwr r0", lambda: list(combinations_with_replacement('ABC', 0)))
t("cwr empty", lambda: (list(combinations_with_replacement('', 2)), list(combinations_with_replacement('', 0))))
t("cwr count", lambda: len(list(combinations_with_replacement(range(6), 3))))
t("cwr neg", lambda: combinations_with_replacement([1], -1))

# permutations
t("permutations", lambda: list(permutations('ABC')))
t("permutations r", lambda: list(permutations(range(4), 2)))
t("permutations r0", lambda: list(permutations('AB', 0)))
t("permutations big r", lambda: list(permutations('AB', 3)))
t("permutations empty", lambda: list(permutations([])))
t("permutations count", lambda: len(list(permutations(range(6)))))
t("permutations neg", lambda: permutations([1], -1))
t("permutations str", lambda: permutations([1], 'a'))
t("permutations none", lambda: list(permutations('ab', None)))
pm = permutations('abc', 2)
next(pm)
next(pm)
t("permutations reduce", lambda: pm.__reduce__())

# subclasses
class MyChain(chain):
    pass
t("subclass chain", lambda: (type(MyChain('ab', 'c')).__name__, list(MyChain('ab', 'c'))))
class MyCount(count):
    def extra(self):
        return 'extra'
mc = MyCount(5)
t("subclass count", lambda: (repr(mc), next(mc), mc.extra(), isinstance(mc, count)))
t("subclass from_iterable", lambda: type(MyChain.from_iterable(['a'])).__name__)
class MyRepeat(repeat):
    def __init__(self, *args, **kwargs):
        self.args = args
t("subclass repeat", lambda: (repr(MyRepeat(1, 2)), MyRepeat(1, 2).args))
class MyCycle(cycle):
    def __init__(self, iterable, extra=None):
        self.extra = extra
t("subclass cycle kw", lambda: MyCycle('ab', extra=3).extra)
t("subclass cycle nokw", lambda: type(cycle)('x', (cycle,), {})('ab', extra=3))

# module contents and types
t("dir", lambda: sorted(n for n in dir(it) if not n.startswith('__')))
t("module", lambda: (count.__module__, chain.__name__, repr(count), repr(it._tee_dataobject)))
t("iter self", lambda: all(iter(x) is x for x in (count(), cycle('a'), repeat(1), chain(), islice('', 1), pairwise(''))))
t("class_getitem", lambda: (repr(chain[int]), hasattr(count, '__class_getitem__')))
