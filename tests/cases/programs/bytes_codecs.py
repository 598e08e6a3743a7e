# bytes.decode / str.encode / str(b, encoding): utf-8, ascii, latin-1 and error handlers.

def show(f):
    try:
        print(ascii(f()))
    except Exception as e:
        print(type(e).__name__, e)

samples = [b"plain", b"h\xc3\xa9llo", b"\xe2\x82\xac", b"\xf0\x9f\x98\x80", b"a\xffb", b"\xc3", b"\xe2\x82",
           b"\xe2\x82x", b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xf0\x9f\x98", b"\x80\x81"]
for s in samples:
    for errors in ["strict", "ignore", "replace", "surrogateescape", "backslashreplace"]:
        show(lambda: s.decode("utf-8", errors))
    show(lambda: s.decode("ascii"))
    show(lambda: s.decode("ascii", "replace"))
    show(lambda: s.decode("latin-1"))
show(lambda: b"abc".decode())
show(lambda: b"abc".decode(encoding="UTF8"))
show(lambda: b"abc".decode("Latin1"))
show(lambda: b"abc".decode("nope"))
show(lambda: b"\xff".decode("utf-8", "nope"))
show(lambda: b"abc".decode("utf-8", "nope"))
show(lambda: b"abc".decode(1))
try:
    b"a\xffb".decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)

strs = ["plain", "héllo", "€uro", "\U0001f600", "a\udc80b", "\ud800\udfff"[0] + "x", "ab\udcff\udc80", "ÿĀ", "\udc41"]
for s in strs:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "surrogatepass"]:
        show(lambda: s.encode("utf-8", errors))
        show(lambda: s.encode("ascii", errors))
        show(lambda: s.encode("latin-1", errors))
show(lambda: "abc".encode())
show(lambda: "é".encode(encoding="latin1"))
show(lambda: "abc".encode("nope"))
show(lambda: "é".encode("ascii", "nope"))
show(lambda: "abc".encode(errors=1))
try:
    "xéé€y".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, ascii(e.object), e.start, e.end, e.reason)
show(lambda: str(b"h\xc3\xa9", "utf-8"))
show(lambda: str(b"h\xe9", "latin-1"))
show(lambda: str(b"h\xe9", encoding="utf-8", errors="replace"))
show(lambda: str(b"h\xe9", errors="ignore"))
show(lambda: str("abc", "utf-8"))
show(lambda: str(1, "utf-8"))
show(lambda: str(b"abc"))
show(lambda: str(encoding="utf-8"))
show(lambda: "héllo".encode().decode())
