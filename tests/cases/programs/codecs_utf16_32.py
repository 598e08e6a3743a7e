# _codecs UTF-16 and UTF-32: round trips, BOMs and byte orders, incremental decoding, and
# errors (messages, positions, handlers).
import codecs
import _codecs as c


def show(f, *args):
    try:
        print(f.__name__, ascii(args)[:60], ascii(f(*args)))
    except (UnicodeError, TypeError, ValueError, IndexError, LookupError) as e:
        print(f.__name__, ascii(args)[:60], type(e).__name__, e, getattr(e, 'start', None), getattr(e, 'end', None))


texts = ['', 'a', 'abc\u00e9', '\u20ac\U0001f600x', '\U0010ffff\U00010000', 'mixed \ufeff bom', '\ud7ff\ue000\uffff']
for t in texts:
    for enc in ('utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be'):
        b = t.encode(enc)
        print(enc, ascii(t), b.hex(), b.decode(enc) == t)

for f in (c.utf_16_encode, c.utf_32_encode):
    for bo in (0, -1, 1):
        show(f, 'a\U00010000', 'strict', bo)
for f in (c.utf_16_encode, c.utf_16_le_encode, c.utf_16_be_encode, c.utf_32_encode, c.utf_32_le_encode, c.utf_32_be_encode):
    for errors in ('strict', 'replace', 'ignore', 'surrogatepass', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'surrogateescape'):
        show(f, 'a\udfff\ud800b\udc80', errors)
    show(f, b'x')

cases16 = [b'a\x00b', b'\x00\xd8a\x00', b'\x00\xd8', b'\x00\xdca\x00', b'\x00\xd8\x00\xd8\x00\xdc', b'\x00\xd8a',
           b'\xff\xfea\x00', b'\xfe\xff\x00a', b'\x00\xd8\x00\xdc', b'\x00\xdc\x00\xd8']
for data in cases16:
    for f in (c.utf_16_decode, c.utf_16_le_decode, c.utf_16_be_decode):
        for errors in ('strict', 'replace', 'ignore', 'surrogatepass', 'backslashreplace', 'surrogateescape'):
            show(f, data, errors, True)
        show(f, data, 'strict', False)
    for bo in (0, -1, 1):
        show(c.utf_16_ex_decode, data, 'strict', bo, False)
        show(c.utf_16_ex_decode, data, 'replace', bo, True)

cases32 = [b'\x00\x00\x11\x00\x00\xd8\x00\x00a', b'\x00\xd8\x00\x00', b'a\x00\x00\x00b', b'\xff\xfe\x00\x00a\x00\x00\x00',
           b'\x00\x00\xfe\xff\x00\x00\x00a', b'\x00\x00\x01\x00']
for data in cases32:
    for f in (c.utf_32_decode, c.utf_32_le_decode, c.utf_32_be_decode):
        for errors in ('strict', 'replace', 'ignore', 'surrogatepass', 'backslashreplace'):
            show(f, data, errors, True)
        show(f, data, 'strict', False)
    for bo in (0, -1, 1):
        show(c.utf_32_ex_decode, data, 'strict', bo, False)

show(c.utf_16_decode, 'str')
show(c.utf_16_decode, bytearray(b'a\x00'), None, True)
print(c.utf_16_decode(memoryview(b'a\x00'), None, True))
show(c.utf_16_decode, b'a\x00', 1, True)

# Incremental decoders and stream readers (Lib/encodings uses the functions above).
import io
for enc in ('utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be'):
    data = 'h\u00e9llo \U0001f600 w\u00f6rld'.encode(enc)
    d = codecs.getincrementaldecoder(enc)()
    out = ''.join(d.decode(data[i:i + 1]) for i in range(len(data))) + d.decode(b'', True)
    print(enc, ascii(out))
    r = codecs.getreader(enc)(io.BytesIO(data))
    print(enc, ascii(r.read()))
    e = codecs.getincrementalencoder(enc)()
    print(enc, (e.encode('ab') + e.encode('c', True)).hex())
    w = io.BytesIO()
    sw = codecs.getwriter(enc)(w)
    sw.write('x')
    sw.write('y')
    print(enc, w.getvalue().hex())
try:
    codecs.getincrementaldecoder('utf-16')().decode(b'a', True)
except UnicodeDecodeError as e:
    print(e)


# A handler of one's own.
def handler(e):
    print('handler', type(e).__name__, e.encoding, e.start, e.end, e.reason)
    return ('<%d>' % e.start, e.end)


codecs.register_error('test.mine', handler)
show(c.utf_16_le_decode, b'a\x00\x00\xdcb\x00', 'test.mine', True)
show(c.utf_32_le_encode, 'a\ud800b', 'test.mine')
show(c.utf_16_le_encode, 'a\ud800b', 'test.mine')
codecs.register_error('test.back', lambda e: ('<back>', -2) if e.start == 2 else ('', e.end))
show(c.utf_16_le_decode, b'a\x00\x00\xdcb\x00', 'test.back', True)
codecs.register_error('test.far', lambda e: ('', 100))
show(c.utf_16_le_decode, b'a\x00\x00\xdcb\x00', 'test.far', True)
codecs.register_error('test.bad', lambda e: 3)
show(c.utf_16_le_decode, b'a\x00\x00\xdcb\x00', 'test.bad', True)
show(c.utf_16_le_encode, 'a\ud800b', 'test.bad')
codecs.register_error('test.bytes', lambda e: (b'XY', e.end))
show(c.utf_16_le_encode, 'a\ud800b', 'test.bytes')
codecs.register_error('test.odd', lambda e: (b'XYZ', e.end))
show(c.utf_16_le_encode, 'a\ud800b', 'test.odd')
show(c.utf_16_le_encode, 'a\ud800b', 'no.such.handler')
