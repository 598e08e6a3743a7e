# json: larger documents through the _json encoder and scanner, hooks, subclasses and errors.
import json, collections, random

rng = random.Random(11)
def value(depth):
    k = rng.randrange(9 if depth < 4 else 6)
    if k == 0: return rng.randrange(-10**6, 10**6)
    if k == 1: return rng.random() * 10 ** rng.randrange(-5, 20)
    if k == 2: return ''.join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(160, 0x3000), 0x1f600, 10, 34, 92])) for _ in range(rng.randrange(8)))
    if k == 3: return rng.choice([True, False, None])
    if k == 4: return 10 ** rng.randrange(15, 40) * rng.choice([1, -1])
    if k == 5: return -rng.random()
    if k == 6: return [value(depth + 1) for _ in range(rng.randrange(5))]
    if k == 7: return tuple(value(depth + 1) for _ in range(rng.randrange(3)))
    return {f'k{rng.randrange(50)}': value(depth + 1) for _ in range(rng.randrange(5))}
docs = [value(0) for _ in range(300)]
text = json.dumps(docs)
print(len(text), hash(text) == hash(json.dumps(docs)))
print(text[:400])
back = json.loads(text)
print(json.dumps(back) == text, len(back))
print(json.dumps(docs, sort_keys=True, ensure_ascii=False)[:300])
print(json.dumps(docs[:5], indent=1)[:300])
od = json.loads('{"b": 1, "a": {"d": 2, "c": 3}}', object_pairs_hook=collections.OrderedDict)
print(od, json.dumps(od))
class D(dict):
    def items(self):
        return sorted(super().items(), reverse=True)
print(json.dumps(D(a=1, b=2, c=3)), json.dumps(D()))
class L(list): pass
class T(tuple): pass
print(json.dumps([L([1, 2]), T((3,)), L()]))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)
print(json.dumps({'s': {3, 1, 2}, 'c': 1 + 2j, 'n': [{1}]}, cls=Enc))
try:
    json.dumps({'x': 1j}, cls=json.JSONEncoder)
except TypeError as e:
    print('TypeError', e)
print(json.dumps([float('nan'), 1.0, 1e16, 1.5e-7, 123456789.125, 2**53 + 1]))
print(json.loads('[1e16, 1.5E-7, -0, 0.1, 1E+2, 5e-324, 1.7976931348623157e308]'))
print(json.loads('12345678901234567890123456789'), json.loads('-98765432109876543210'), json.loads('   3   '))
dec = json.JSONDecoder(object_hook=lambda d: {k.upper(): v for k, v in d.items()})
print(dec.decode('[{"a": {"b": [1, {"c": 2}]}}]'))
for bad in ['{"a": 1', '[1, 2', '{"a" "b"}', '[true, fals]', '{"x": [1, 2,]}', '"abc', '[1]]', '{}x', 'True']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), e.msg, e.pos, e.lineno, e.colno)
x = []
for i in range(50):
    x = {'n': i, 'c': [x]}
print(len(json.dumps(x)), json.loads(json.dumps(x))['n'])
