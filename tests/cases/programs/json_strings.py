# _json: escapes, surrogates and code point positions in scanstring and the scanner.
import json, _json

def err(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'pos', None))

cases = ['"\\ud800\\udc00"', '"\\ud83d\\ude00x"', '"\\udc00\\ud800"', '"\\ud800\\uZZZZ"', '"\\ud800\\u12"', '"\\ud800\\', '"\\ud800\\x"',
         '"\\u00e9\\u00E9"', '"\\uD834\\uDD1E"', '"a\\u0"', '"\\u"', '"\\', '"abc\\"', '"\U0001f600"', '"\U0001f600\\n\U0001f600"',
         '["\U0001f600", "x\\u12G4"]', '{"\U0001f600": 1, "k": bad}', '["\U0001f600\U0001f600", 1 2]', '"\x7f\x80"', '"tab\there"']
for c in cases:
    err(json.loads, c)
    err(json.loads, c, strict=False)
for s, i in [('"\U0001f600"', 1), ('x"\U0001f600ab"', 2), ('"é"', 1), ('"\U0001f600\\u00e9"  ', 1)]:
    err(_json.scanstring, s, i)
sc = _json.make_scanner(json.JSONDecoder())
for s, i in [('\U0001f600 [1]', 2), ('\U0001f600"a\U0001f600"', 1), ('[1, 2]', 3), ('  true', 2), ('-', 0), ('-5', 0), ('1.5e3x', 0), ('1e', 0), ('1.e5', 0), ('0123', 0), ('-0.0', 0), ('NaNx', 0), ('-Inf', 0), ('nul', 0), ('[1,]', 0)]:
    err(sc, s, i)
words = ['plain', 'quote"d', 'back\\slash', 'new\nline', 'ctrl\x01\x1f', 'del\x7f', 'latin é', 'cjk 漢字', 'astral \U0001f600\U00010000', 'lone \ud800 \udfff', '']
for w in words:
    print(json.dumps(w), ascii(json.dumps(w, ensure_ascii=False)), _json.encode_basestring(w) == json.dumps(w, ensure_ascii=False))
    print(json.loads(json.dumps(w)) == w, json.loads(json.dumps(w, ensure_ascii=False)) == w)
print(json.dumps({w: i for i, w in enumerate(words)}, sort_keys=True))
print(ascii(json.dumps({w: i for i, w in enumerate(words)}, ensure_ascii=False, separators=(',', ':'))))
