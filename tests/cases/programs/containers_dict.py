# Dicts: construction, methods, views, operators and errors.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(dict(), dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({1: 2}, x=3), dict(zip('ab', (1, 2))))
print(dict([[1, 2], 'ab']), dict({'k': 1}.items()))
t(lambda: dict([(1, 2, 3)]))
t(lambda: dict([1]))
t(lambda: dict(1))
t(lambda: dict({}, {}))
d = {'a': 1, 'b': 2, 'c': 3}
print(d['a'], d.get('z'), d.get('z', 0), d.get('a', 0), len(d), 'a' in d, 'z' not in d)
t(lambda: d['z'])
t(lambda: d[(1, 2)])
t(lambda: d[[1]])
def delete_missing():
    del d['zz']
t(delete_missing)
print(d.pop('a'), d.pop('zz', 'dflt'), d)
t(lambda: d.pop('zz'))
print(d.setdefault('b', 100), d.setdefault('n', 100), d.setdefault('m'), d)
print(d.popitem(), d.popitem(), d)
t(lambda: {}.popitem())
d.update({'x': 1}, y=2)
d.update([('z', 3)])
d.update(w=4)
print(d)
t(lambda: d.update(1))
t(lambda: d.update({}, {}))
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), {}.fromkeys((3,), 'v'))
e = d.copy()
e['new'] = 1
print(d == e, len(d), len(e))
e.clear()
print(e, e == {})

k = {'one': 1, 'two': 2, 'three': 3}
ks, vs, its = k.keys(), k.values(), k.items()
print(ks, vs, its)
print(len(ks), len(vs), len(its), 'one' in ks, 1 in vs, ('one', 1) in its, ('one', 2) in its)
print(list(ks), list(vs), list(its), list(reversed(k)), list(reversed(ks)), list(reversed(vs)), list(reversed(its)))
k['four'] = 4
print(ks, list(vs))
print(ks & {'one', 'five'}, sorted(ks | {'five'}), sorted(ks - {'one'}), sorted(ks ^ {'one', 'six'}))
print(sorted(its & {('one', 1), ('two', 3)}), ks == {'one', 'two', 'three', 'four'}, ks < {'one', 'two', 'three', 'four', 5})
print(ks.isdisjoint({'x'}), ks.isdisjoint(['one']), ks.mapping, ks.mapping['one'])
print({1: 2}.keys() == {1: 2}.keys(), {1: 2}.values() == {1: 2}.values(), {1: 2}.items() == {1: 2}.items())
it = iter(k)
print(next(it), next(it))
def change_size():
    for key in k:
        k[key + '!'] = 0
t(change_size)
def change_size_values():
    for v in k.values():
        k.pop('one')
t(change_size_values)
print({1: 'a'} | {2: 'b'}, {1: 'a', 2: 'x'} | {2: 'b'})
m = {1: 1}
m2 = m
m |= {2: 2}
m |= [(3, 3)]
print(m, m2 is m)
t(lambda: {} | [])
print({1: 2} == {1: 2}, {1: 2} != {1: 3}, {1: 2, 3: 4} == {3: 4, 1: 2})
t(lambda: {} < {})
r = {}
r['self'] = r
print(r)
print({1: {2: [3, {4: 5}]}}, {(1, 2): None, 'a': 'b', 1.5: True})
print(list({x: x * x for x in range(5)}.items()), {c: c + c for c in 'ab'})
o = {}
for i in range(100):
    o[i] = i
for i in range(0, 100, 2):
    del o[i]
print(len(o), list(o)[:5], sum(o.values()))
print({True: 'a', 1: 'b', 1.0: 'c'})
# Mapping views of str keys, popitem order, deletion then insertion.
w = {}
for c in 'the quick brown fox':
    w[c] = w.get(c, 0) + 1
print(w, list(w.items())[:3])
del w['q']
w['q'] = 'again'
print(list(w)[-3:], w.popitem(), len(w))
print(sorted(w.keys() & set('aeiou')), w.keys() - set('the quick'))
