# unicodedata.normalize / is_normalized: every code point alone in the four forms (only those
# that change are printed), and random combining sequences, for 14.0.0 and ucd_3_2_0.
import random
import unicodedata as u

forms = ('NFC', 'NFD', 'NFKC', 'NFKD')
for db in (u, u.ucd_3_2_0):
    changed = 0
    for cp in range(0x110000):
        c = chr(cp)
        r = [db.normalize(f, c) for f in forms]
        if r != [c] * 4:
            changed += 1
            if changed % 37 == 0:
                print(hex(cp), [ascii(x) for x in r], [db.is_normalized(f, c) for f in forms])
    print(db.unidata_version, 'changed', changed)

rnd = random.Random(5)
marks = [chr(c) for c in range(0x300, 0x370)] + list('\u0f71\u0f72\u0f74\u0f80\u05b0\u0591\u1dc0\u20d0\u302a\u3099\u309a\U0001d165\U0001d16d')
bases = list('aeoAu\u0391\u03c9\u0418\u304b\u30cf\u1100\u1161\u11a8\u11a7\uac00\uac01\u0f40\u05d0\ufb01\u2460\u212b\u1e9b\u0b47\u0b3e\u0d46\u0d3e\U0001d15e\U000110a5\u00c5\u1e0a\u0107')
for i in range(250):
    s = ''.join(rnd.choice(bases if rnd.random() < 0.5 else marks) for _ in range(rnd.randint(1, 7)))
    for db in (u, u.ucd_3_2_0):
        print(ascii(s), [ascii(db.normalize(f, s)) for f in forms], [db.is_normalized(f, s) for f in forms])

# Texts, the empty string, Hangul, surrogates, the 3.2.0 corrections.
for s in ['', 'abc', 'Ångström', 'ﬁance', '한국어', '\u1112\u1161\u11ab', '\u1100\u1161\u11a7', 'x\ud800y', '\U0002f868', '\uf951',
          '\u0344', '\u0958', 'A\u030a\u0301', '\u1e9b\u0323', 'ｶﾞ', '\u2126', '①②', '\U0001d400', '\u00a0\u00a8']:
    for db in (u, u.ucd_3_2_0):
        print(ascii(s), [ascii(db.normalize(f, s)) for f in forms], [db.is_normalized(f, s) for f in forms])

s = 'plain ascii'
print(u.normalize('NFC', s) == s, u.normalize('X', ''), u.is_normalized('X', ''))
for args in [('X', 'a'), (1, 'a'), ('NFC', 1), ('nfc', 'a'), ('NFC',), ()]:
    for f in (u.normalize, u.is_normalized, u.ucd_3_2_0.normalize):
        try:
            print(f.__name__, ascii(f(*args)))
        except (TypeError, ValueError) as e:
            print(f.__name__, type(e).__name__, e)
try:
    u.normalize(form='NFC', unistr='a')
except TypeError as e:
    print(e)
