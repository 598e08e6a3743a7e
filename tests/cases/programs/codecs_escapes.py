# _codecs: utf-7, unicode_escape, raw_unicode_escape, escape_encode/escape_decode,
# readbuffer_encode, and the error handlers themselves.
import codecs
import _codecs as c
import warnings

warnings.simplefilter('ignore', DeprecationWarning)


def show(f, *args):
    try:
        print(f.__name__, ascii(args)[:70], ascii(f(*args)))
    except (UnicodeError, TypeError, ValueError, IndexError) as e:
        print(f.__name__, ascii(args)[:70], type(e).__name__, e, getattr(e, 'start', None), getattr(e, 'end', None))


texts = ['', 'abc', 'a+b', 'Hi Mom -\u263a-!', '\u65e5\u672c\u8a9e', '~\\', 'x\U0001f600y', 'A\u2262\u0391.', '+-', '1 + 2 = 3',
         'tab\there\nnew', '\x00\x7f\x80\xff', 'a\ud800b', '--', 'z\u00e9-', '\u00e9a', 'a\u00e9/']
for t in texts:
    for enc in ('utf-7', 'unicode_escape', 'raw_unicode_escape'):
        b = t.encode(enc)
        print(enc, ascii(t), b, ascii(b.decode(enc)), b.decode(enc) == t)

utf7 = [b'+', b'+-', b'a+b', b'+AGE', b'+AGE-', b'+AGEA', b'+AGEAZQ', b'+AGEAZQ-x', b'+2D3cAA-', b'+2D0-', b'+2D3cAA', b'+2D0',
        b'a\x80b', b'+\x80', b'+!', b'+AG', b'+AGF-', b'+ZeVnLIqe-', b'~', b'\\', b'+2D3cAA+AGE-', b'+AAA-', b'+AB-']
for data in utf7:
    for errors in ('strict', 'replace', 'ignore', 'backslashreplace'):
        show(c.utf_7_decode, data, errors, True)
    show(c.utf_7_decode, data, 'strict', False)
d = codecs.getincrementaldecoder('utf-7')()
src = 'Hi Mom -\u263a-! \U0001f600 \u65e5\u672c'.encode('utf-7')
print(src, ascii(''.join(d.decode(src[i:i + 1]) for i in range(len(src))) + d.decode(b'', True)))

esc = [b'\\n\\t\\\\', b'\\x41\\u0042\\U00000043', b'\\101\\7\\777', b'\\N{DIGIT ONE}\\N{latin small letter a}', b'\\N{NO SUCH}', b'\\N',
       b'\\N{', b'\\N{}', b'\\N{DIGIT ONE', b'\\x4', b'\\x4g', b'\\u12', b'\\U12345678', b'\\U0010ffff', b'\\', b'a\\', b'\\q\\w',
       b'\\\nx', b'caf\xe9', b'\\a\\b\\f\\v\\\'\\"', b'\\N{BYTE ORDER MARK}', b'\\N{HANGUL SYLLABLE GA}', b'\\N{CJK UNIFIED IDEOGRAPH-4E00}']
for data in esc:
    for errors in ('strict', 'replace', 'ignore', 'backslashreplace'):
        show(c.unicode_escape_decode, data, errors)
    show(c.unicode_escape_decode, data, 'strict', False)
    show(c.raw_unicode_escape_decode, data)
show(c.unicode_escape_decode, '\\x41\u00e9')
show(c.raw_unicode_escape_decode, b'\\u12', 'strict', False)
show(c.raw_unicode_escape_decode, b'\\\\u0041 \\U00110000 \\u004', 'replace')
show(c.unicode_escape_encode, 'a\\b\'"\t\x00\x7f\xe9\u20ac\U0001f600')
show(c.raw_unicode_escape_encode, 'a\\b\'"\t\x00\x7f\xe9\u20ac\U0001f600')

for data in [b'', b'abc', b'\'"\\\t\n\r\x00\x7f\x80\xff', bytes(range(32))]:
    show(c.escape_encode, data)
for data in [b'\\x41\\n', b'\\x4', b'\\xzz', b'\\', b'a\\q', b'\\101\\777', '\\x41', b'\\x4g', b'x\\x']:
    for errors in ('strict', 'replace', 'ignore', 'foo'):
        show(c.escape_decode, data, errors)
show(c.escape_encode, 'str')
show(c.readbuffer_encode, b'abc')
show(c.readbuffer_encode, 'h\u00e9')
show(c.readbuffer_encode, bytearray(b'xy'))

# The error handlers as functions.
enc_err = UnicodeEncodeError('ascii', 'a\u00e9\u20ac\U0001f600\udc80\udcff z', 1, 7, 'nope')
dec_err = UnicodeDecodeError('ascii', b'a\xe9\x80\xff\x41z', 1, 5, 'nope')
tr_err = UnicodeTranslateError('a\u00e9\u20acz', 1, 3, 'nope')
for name in ('strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'surrogateescape', 'surrogatepass'):
    h = codecs.lookup_error(name)
    print(name, h.__name__)
    for e in (enc_err, dec_err, tr_err, ValueError('x'), 5):
        try:
            print(' ', type(e).__name__, ascii(h(e)))
        except Exception as x:
            print(' ', type(e).__name__, type(x).__name__, x)
for enc in ('utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'UTF8', 'utf_16_LE', 'latin-1', 'cp65001'):
    e = UnicodeEncodeError(enc, 'a\udc00\ud800b', 1, 3, 'nope')
    try:
        print(enc, ascii(codecs.surrogatepass_errors(e) if hasattr(codecs, 'surrogatepass_errors') else codecs.lookup_error('surrogatepass')(e)))
    except Exception as x:
        print(enc, type(x).__name__, x)
    data = '\ud800'.encode(enc, 'surrogatepass') if enc not in ('latin-1',) else b'\xed\xa0\x80'
    d = UnicodeDecodeError(enc, data + b'zz', 0, 1, 'nope')
    try:
        print(enc, ascii(codecs.lookup_error('surrogatepass')(d)))
    except Exception as x:
        print(enc, type(x).__name__, x)
try:
    codecs.lookup_error('no such handler')
except LookupError as e:
    print(e)

# The handlers through the utf-8, ascii and latin-1 codecs.
for enc in ('ascii', 'latin-1', 'utf-8'):
    for errors in ('strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'surrogateescape', 'surrogatepass'):
        try:
            print(enc, errors, 'a\u00e9\u20ac\U0001f600\udc80z'.encode(enc, errors))
        except (UnicodeError, TypeError) as e:
            print(enc, errors, type(e).__name__, e)
        try:
            print(enc, errors, ascii(b'a\xe9\xed\xa0\x80\x80z'.decode(enc, errors)))
        except (UnicodeError, TypeError) as e:
            print(enc, errors, type(e).__name__, e)
codecs.register_error('test.codecs', lambda e: ('[%s:%d-%d]' % (type(e).__name__, e.start, e.end), e.end))
print('x\u20acy'.encode('ascii', 'test.codecs'), ascii(b'x\xffy'.decode('utf-8', 'test.codecs')))

# Errors a codec raises are wrapped (same type, naming the codec) when they carry nothing
# but a message.
import codecs as _c


class Plain(Exception):
    pass


class WithInit(Exception):
    def __init__(self, m):
        super().__init__(m)


def search(name):
    if not name.startswith('test_wrap_'):
        return None
    kind = name[len('test_wrap_'):]

    def enc(s, errors='strict'):
        if kind == 'plain':
            raise Plain('p')
        if kind == 'withinit':
            raise WithInit('w')
        if kind == 'two':
            raise ValueError('a', 'b')
        if kind == 'attr':
            e = ValueError('v')
            e.x = 1
            raise e
        if kind == 'unicode':
            raise UnicodeEncodeError('x', 'y', 0, 1, 'z')
        if kind == 'key':
            raise KeyError('k')
        raise TypeError('t')
    return _c.CodecInfo(enc, enc, name=name)


_c.register(search)
for kind in ('plain', 'withinit', 'two', 'attr', 'unicode', 'key', 'type'):
    for op in ('encode', 'decode'):
        try:
            getattr('abc' if op == 'encode' else b'abc', op)('test_wrap_' + kind)
        except Exception as e:
            print(kind, op, type(e).__name__, e, '| cause:', type(e.__cause__).__name__, e.__cause__)
        try:
            getattr(_c, op)('abc', 'test_wrap_' + kind)
        except Exception as e:
            print(kind, op, type(e).__name__, e, '| cause:', type(e.__cause__).__name__, e.__cause__)
