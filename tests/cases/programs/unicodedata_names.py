# unicodedata.name / lookup: names, aliases, named sequences, computed names (Hangul, CJK),
# and the errors, for 14.0.0 and ucd_3_2_0.
import unicodedata as u

for db in (u, u.ucd_3_2_0):
    named = mismatched = 0
    for cp in range(0x110000):
        nm = db.name(chr(cp), None)
        if nm is None:
            continue
        named += 1
        if named % 1999 == 0:
            print(hex(cp), nm)
        for v in (nm, nm.lower()):
            try:
                r = db.lookup(v)
            except KeyError as e:
                r = None
            if r != chr(cp):
                mismatched += 1
                if mismatched % 997 == 1:
                    print('lookup', hex(cp), v, ascii(r))
    print(db.unidata_version, named, mismatched)

sequences = ['LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'latin small letter e with vertical line below and acute',
             'KEYCAP NUMBER SIGN', 'TAMIL CONSONANT K', 'BENGALI LETTER KHINYA', 'GEORGIAN LETTER U-BRJGU']
aliases = ['BYTE ORDER MARK', 'byte order mark', 'NULL', 'LINE FEED', 'LF', 'EOF', 'KANNADA LETTER LLLA', 'BOM',
           'PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRAKCET', 'WEIERSTRASS ELLIPTIC FUNCTION', 'ZWNJ']
computed = ['HANGUL SYLLABLE GA', 'hangul syllable GA', 'HANGUL SYLLABLE ga', 'HANGUL SYLLABLE GAG', 'HANGUL SYLLABLE GAGX',
            'HANGUL SYLLABLE ', 'HANGUL SYLLABLE HIH', 'CJK UNIFIED IDEOGRAPH-4E00', 'CJK UNIFIED IDEOGRAPH-4e00',
            'cjk unified ideograph-4E00', 'CJK UNIFIED IDEOGRAPH-9FFF', 'CJK UNIFIED IDEOGRAPH-9FFFF', 'CJK UNIFIED IDEOGRAPH-3134A',
            'CJK UNIFIED IDEOGRAPH-3134B', 'CJK UNIFIED IDEOGRAPH-04E00', 'CJK UNIFIED IDEOGRAPH-2A6DF']
odd = ['x' * 257, 'x' * 256, 'é', 'A\0B', b'LATIN SMALL LETTER B', b'\xff\xfe', 'LATIN SMALL LETTER A ',
       ' LATIN SMALL LETTER A', 'latin small letter a', '', 3, bytearray(b'a'), None, '\ud800', 'a\udc00']
for name in sequences + aliases + computed + odd:
    for db in (u, u.ucd_3_2_0):
        try:
            print(ascii(name)[:40], ascii(db.lookup(name)))
        except Exception as e:
            print(ascii(name)[:40], type(e).__name__, ascii(str(e))[:80])

for c in ['a', '\uac00', '\ud7a3', '\u4e00', '\u9fff', '\U00020000', '\U0003134a', '\U0003134b', '\x00', '\ud800', '\U000e0001',
          '\u0221', '\u9fa6', '\U0001f600']:
    for db in (u, u.ucd_3_2_0):
        print(ascii(c), db.name(c, None))

# Argument errors, for functions with and without a default.
for f in ('category', 'bidirectional', 'combining', 'mirrored', 'east_asian_width', 'decomposition', 'name', 'decimal',
          'digit', 'numeric', 'lookup'):
    for db in (u, u.ucd_3_2_0):
        for args in [(), (1,), ('ab',), ('',), ('a', 'b', 'c')]:
            try:
                getattr(db, f)(*args)
                print(f, 'ok')
            except (TypeError, ValueError, KeyError) as e:
                print(f, type(e).__name__, e)
try:
    u.category(chr='a')
except TypeError as e:
    print(e)
try:
    u.UCD()
except TypeError as e:
    print(e)
print(u.UCD.__module__, u.UCD.__name__, repr(u.UCD))
