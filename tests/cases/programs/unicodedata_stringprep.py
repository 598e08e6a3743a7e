# ucd_3_2_0 at work: stringprep's tables (RFC 3454) over a sample of code points, and IDNA
# (nameprep + punycode) through the 'idna' codec.
import stringprep

tables = [n for n in dir(stringprep) if n.startswith('in_table_')]
for name in tables:
    f = getattr(stringprep, name)
    hits = [cp for cp in range(0, 0x30000, 7) if f(chr(cp))]
    print(name, len(hits), [hex(x) for x in hits[:5]], [hex(x) for x in hits[-3:]])
for cp in list(range(0x41, 0x5b)) + [0xc5, 0xdf, 0x130, 0x3a3, 0x1e9e, 0x2160, 0xfb01, 0x1d400, 0x10400]:
    print(hex(cp), ascii(stringprep.map_table_b2(chr(cp))), ascii(stringprep.map_table_b3(chr(cp))))

names = ['bücher.example', 'münchen.de', 'MÜNCHEN.DE', 'ﬁnance.com', 'straße.de', 'Ⅻ.example', 'παράδειγμα.δοκιμή',
         'пример.испытание', '例え.テスト', '한국.kr', 'xn--nxasmq6b.com', 'ascii.only', 'a\u00ad\u200bb.com',
         '\u0663\u0664.eg', 'ab\u0663.eg', 'x' * 64 + '.com', '', '.', 'a..b', 'e\u0301.fr', '\u2126.gr']
for n in names:
    try:
        b = n.encode('idna')
        print(ascii(n)[:50], b, ascii(b.decode('idna')))
    except UnicodeError as e:
        print(ascii(n)[:50], type(e).__name__, e)
for b in [b'xn--bcher-kva.example', b'XN--BCHER-KVA.EXAMPLE', b'xn--zz.com', b'xn--a.com', b'xn--ls8h.la']:
    try:
        print(b, ascii(b.decode('idna')))
    except UnicodeError as e:
        print(b, type(e).__name__, e)
import encodings.idna as idna
print(ascii(idna.nameprep('Ⅻ\u00adK\u0301')), idna.ToASCII('bücher'), ascii(idna.ToUnicode(b'xn--bcher-kva')))
