# binascii: base64, hex, quoted-printable, uuencode, crc32 and crc_hqx over many inputs,
# strict-mode and error cases, with CPython's results and messages.
import binascii


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def sample(n, seed):
    # Deterministic pseudo-random bytes (no dependency on the random module).
    x = seed
    out = bytearray()
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(x >> 16 & 0xFF)
    return bytes(out)


inputs = [b"", b"a", b"ab", b"abc", b"abcd", b"\x00", b"\xff\xfe\xfd", bytes(range(256))]
inputs += [sample(n, n + 7) for n in (5, 17, 45, 57, 58, 100, 1000)]

print("== base64")
for data in inputs:
    enc = binascii.b2a_base64(data)
    print(len(data), enc[:80], binascii.b2a_base64(data, newline=False)[-8:])
    assert binascii.a2b_base64(enc) == data
    assert binascii.a2b_base64(enc.decode()) == data
    assert binascii.a2b_base64(enc[:-1], strict_mode=True) == data
for s in [b"YWJj", b"YWI=", b"YQ==", b"YQ", b"YWJ", b"Y", b"YWJjZ", b"YW Jj\n", b"Y!W@J#j", b"YQ==YWJj",
          b"YQ=", b"=YQ==", b"YQ===", b"YQ==\n", b"YWJjZA==x", b"YW=J", b"", b"====", b"YWJj=", b"YQ=\n=",
          b"\xffYWJj", b"YW\x00Jj", "YWJj", bytearray(b"YWJj"), memoryview(b"YWJj")]:
    t(lambda: binascii.a2b_base64(s))
    t(lambda: binascii.a2b_base64(s, strict_mode=True))
t(lambda: binascii.a2b_base64("é"))
t(lambda: binascii.a2b_base64(5))
t(lambda: binascii.b2a_base64("abc"))
t(lambda: binascii.b2a_base64(b"abc", True))

print("== hex")
for data in inputs[:10]:
    h = binascii.hexlify(data)
    print(h[:60], binascii.b2a_hex(data) == h, binascii.unhexlify(h) == data, binascii.a2b_hex(h.upper()) == data)
for args in [(b"\x01\x02\x03\x04\x05", "-"), (b"\x01\x02\x03\x04\x05", b":", 2), (b"\x01\x02\x03\x04\x05", ".", -2),
             (b"\x01\x02\x03\x04\x05", " ", 10), (b"", "-"), (b"\xab", "-", 1)]:
    t(lambda: binascii.hexlify(*args))
for n in range(8):
    print(n, [binascii.hexlify(bytes(range(1, n + 1)), ":", g) for g in range(-4, 5)])
t(lambda: binascii.hexlify(b"abc", sep="ab"))
t(lambda: binascii.hexlify(b"abc", sep="é"))
t(lambda: binascii.hexlify(b"abc", sep=1))
t(lambda: binascii.b2a_hex(data=b"abc", sep="|", bytes_per_sep=1))
for s in [b"abc", b"0g", "zz", "0a0B", b"", "é0", b"12 34"]:
    t(lambda: binascii.unhexlify(s))

print("== qp")
qp_inputs = [b"hello world", b"a=b", b"tab\tend\t", b"space at end ", b"line1\nline2 \nline3\t\n", b"crlf\r\nline\r\n",
             b"." , b".\n", b"x.\n.", b"under_score", b"\x00\x01\x7f\x80\xff", b"a" * 200, (b"word " * 40).strip(),
             b"=" * 30, b"\r", b"\r\r\n", b"mixed\r\nthen\nlf", b"tail\n ", b"x" * 75 + b"\n" + b"y" * 76 + b"=",
             bytes(range(256))]
for data in qp_inputs:
    for kw in ({}, {"quotetabs": True}, {"istext": False}, {"header": True}):
        enc = binascii.b2a_qp(data, **kw)
        print(kw, enc[:100])
        dec = binascii.a2b_qp(enc, header=kw.get("header", False))
        if kw.get("istext", True) is False:
            assert dec == data, (data, kw)
for s in [b"a=3Db", b"a=3db", b"=", b"a=\nb", b"a=\r\nb", b"a=  \nb", b"a==b", b"=4", b"=zz", b"a_b", "=41=42"]:
    t(lambda: binascii.a2b_qp(s))
    t(lambda: binascii.a2b_qp(s, header=True))

print("== uu")
for data in inputs[:12]:
    if len(data) > 45:
        t(lambda: binascii.b2a_uu(data))
        continue
    enc = binascii.b2a_uu(data)
    print(enc, binascii.b2a_uu(data, backtick=True))
    assert binascii.a2b_uu(enc) == data
    assert binascii.a2b_uu(binascii.b2a_uu(data, backtick=True)) == data
for s in [b"", b"\n", b"!80``\n", b"#86)C\n", b"#86)C", b"#86)C  \n", b"#86)Cxx", b"#8\x016)C", b"$86)C", "!80``"]:
    t(lambda: binascii.a2b_uu(s))

print("== crc")
for data in inputs:
    print(binascii.crc32(data), binascii.crc32(data, 12345), binascii.crc_hqx(data, 0), binascii.crc_hqx(data, 0xFFFF))
crc = 0
for chunk in (b"abc", b"def", b"ghi"):
    crc = binascii.crc32(chunk, crc)
print(crc == binascii.crc32(b"abcdefghi"))
t(lambda: binascii.crc32(b"abc", -1))
t(lambda: binascii.crc32(b"abc", 2 ** 40 + 1))
t(lambda: binascii.crc32(b"abc", 1.5))
t(lambda: binascii.crc32("abc"))
t(lambda: binascii.crc_hqx(b"abc"))
t(lambda: binascii.crc_hqx(b"abc", -1))
t(lambda: binascii.crc_hqx(b"abc", 0x12345))

print("== module")
print(binascii.Error.__mro__, binascii.Incomplete.__mro__)
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__)
print(sorted(n for n in dir(binascii) if not n.startswith("_")))
try:
    binascii.a2b_base64(b"a")
except ValueError as e:
    print("caught as ValueError:", type(e).__name__)
t(lambda: binascii.b2a_base64(b"x", True))
t(lambda: binascii.a2b_base64(data=b"x"))
t(lambda: binascii.b2a_uu())
t(lambda: binascii.b2a_uu(b"x", backtick=True, extra=1))
print(binascii.b2a_base64(b"x", newline=False), binascii.a2b_base64("eA", strict_mode=False) if False else "")
