# _json: scanner, scanstring, encoder and string escaping; json's output and errors through them.
import json.decoder, json.scanner, json.encoder, _json
print(json.decoder.scanstring is _json.scanstring, json.scanner.make_scanner is _json.make_scanner, json.encoder.c_make_encoder is _json.make_encoder, json.encoder.encode_basestring_ascii is _json.encode_basestring_ascii)
import json, _json
def err(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e, getattr(e, 'pos', None))
for s in ['"abc', '"a\\x"', '"a\\u12"', '"a\\u12G4"', '"a\x01"', '"\\', '"\\ud800\\udc00"', '"\\ud800"', '"\\ud800\\u0041"', '{"a": }', '{"a" 1}', '{a:1}', '{"a":1,}', '[1,]', '[1 2]', '{"a":1 "b":2}', '', ' ', '[', '{', 'nul', 'tru', '-', '-a', '01', '1.', '1e', '1.5e+', 'NaN', '-Infinity', 'Infinity', '[1] x', '"\\u0000"', '[-0, -0.0, 1E5, 1e-5, 12345678901234567890, 1.7976931348623157e309]', '{"a":1,"a":2}', '"\\/\\b\\f\\n\\r\\t\\"\\\\"', '[[[]]]', '{"":{}}', '  {"x" : [ 1 , 2 ] }  ', '"\udcff"', '[1,\n2,\n 3', '\n\n  {"a":\n  x}', '[1e400, -1e400]', '"\\uDFFF"']:
    err(json.loads, s)
err(_json.scanstring, '"abc"', 1); err(_json.scanstring, 'x"abc"', 2); err(_json.scanstring, '"a\tb"', 1, False); err(_json.scanstring, '"a\tb"', 1)
err(_json.scanstring, '"abc"', 10); err(_json.scanstring, '"abc"', -1); err(_json.scanstring, b'"abc"', 1); err(_json.scanstring, '"abc"', 'x'); err(_json.scanstring, '"abc"', 0)
err(_json.encode_basestring_ascii, 'a\u00e9\U0001f600"\\\n\x00\x7f'); err(_json.encode_basestring, 'a\u00e9\U0001f600"\\\n\x00\x7f\x1f'); err(_json.encode_basestring_ascii, 1); err(_json.encode_basestring, b'x')
err(_json.encode_basestring_ascii, '\ud800')
print(json.dumps([1, 2.5, float('inf'), float('-inf'), float('nan'), True, False, None, 'x', {'a': [1, {}]}, [], {}, 1e100, -0.0, 10**30]))
err(json.dumps, float('nan'), allow_nan=False); err(json.dumps, {(1,2): 1}); print(json.dumps({(1,2): 1, 'a': 2}, skipkeys=True))
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd', False: 'e'}), json.dumps({'b': 1, 'a': 2, 'c': {'z': 0, 'y': 1}}, sort_keys=True))
err(json.dumps, {1: 'a', 'b': 2}, sort_keys=True)
l = []; l.append(l); err(json.dumps, l)
d = {}; d['d'] = d; err(json.dumps, d)
err(json.dumps, object()); err(json.dumps, {1, 2})
print(json.dumps(object(), default=lambda o: 'obj'), json.dumps([1, [2]], separators=(',', ':')), json.dumps('é\U0001f600', ensure_ascii=False), json.dumps('é\U0001f600'))
import decimal, enum
class E(enum.IntEnum): A = 1
class F(float): pass
class I(int):
    def __repr__(self): return 'I!'
class S(str): pass
class FE(float, enum.Enum): X = 1.5
print(json.dumps([E.A, F(2.5), I(3), S('s'), {E.A: 1, I(4): 2, F(1.5): 3}, FE.X, (1, 2)]))
err(json.dumps, decimal.Decimal('1.1'))
def deep(n):
    x = []
    for _ in range(n): x = [x]
    return x
err(lambda: len(json.dumps(deep(100))))
print(json.loads('{"a": 1.5, "b": [1, 2]}', parse_float=str, parse_int=lambda s: int(s) * 10, object_pairs_hook=list))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d)), json.loads('[NaN, Infinity]', parse_constant=lambda c: c.lower()))
print(json.loads('[1.5]', parse_float=float), json.loads(' [ "a" , "b" ] '))
dec = json.JSONDecoder(strict=False); print(dec.decode('"a\tb"'), dec.raw_decode('[1] extra'))
sc = _json.make_scanner(json.JSONDecoder())
err(sc, '[1]', 0); err(sc, 'x', 0); err(sc, '[1]', 5); err(sc, '"ab" ', 0); err(sc, '[1]', -1)
print(type(sc).__name__, _json.make_scanner.__name__, _json.make_encoder.__name__)
enc = _json.make_encoder(None, lambda o: 'D', _json.encode_basestring_ascii, None, ':', ',', False, False, True)
err(enc, [1, 'a', {'k': None}], 0)
err(json.loads, '[' * 100000)
err(json.dumps, deep(100000))
print(json.dumps({'a': 1}, indent=2), json.dumps([1], indent='\t'), json.dumps([1,{'a':[]}], indent=0))
