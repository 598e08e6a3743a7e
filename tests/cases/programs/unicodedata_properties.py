# unicodedata: every property of every code point, for Unicode 14.0.0 and for ucd_3_2_0.
# Every 997th code point is printed; all of them are checked through an MD5 digest per
# 64K-code-point plane (an unequal digest names the plane to look at).
import unicodedata as u
from _md5 import md5

print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__, u.UCD is type(u.ucd_3_2_0))


def props(db, c):
    return (db.category(c), db.bidirectional(c), db.combining(c), db.east_asian_width(c), db.mirrored(c),
            db.decomposition(c), db.decimal(c, None), db.digit(c, None), db.numeric(c, None), db.name(c, None))


for db in (u, u.ucd_3_2_0):
    for cp in range(0, 0x110000, 997):
        print(hex(cp), *props(db, chr(cp)))
    for plane in range(17):
        h = md5()
        for cp in range(plane << 16, (plane + 1) << 16):
            h.update(repr(props(db, chr(cp))).encode())
        print(db.unidata_version, 'plane', plane, h.hexdigest())

# Values that need care: numeric fractions and large numbers, digits that are not decimals.
for c in '\u00bd\u2153\u216b\U00012432\u4e07\u5146\u00b2\u2460\u0f33\u3405\U0001f10c':
    print(ascii(c), u.numeric(c, None), u.digit(c, None), u.decimal(c, None), u.ucd_3_2_0.numeric(c, None))
for f in (u.decimal, u.digit, u.numeric, u.name):
    try:
        f('x' if f is not u.name else '\x00')
    except ValueError as e:
        print(f.__name__, 'ValueError', e)
    print(f.__name__, f('\ue000', 'dflt'), f('\ue000', None))
