# plistlib: XML and binary plists round trip (the XML reader uses pyexpat).
import datetime
import plistlib

data = {
    "string": "hello <world> & \u00e9\u20ac",
    "int": 42,
    "neg": -7,
    "big": 2**62,
    "float": 3.25,
    "true": True,
    "false": False,
    "bytes": b"\x00\x01binary\xff",
    "date": datetime.datetime(2024, 5, 6, 7, 8, 9),
    "list": [1, "two", [3.0], {"k": "v"}],
    "dict": {"nested": {"deep": [True, False]}},
    "empty": {},
    "emptylist": [],
}

xml = plistlib.dumps(data)
print(xml.decode())
back = plistlib.loads(xml)
print(back == data, sorted(back))
print(plistlib.dumps(data, sort_keys=False)[:200])
binary = plistlib.dumps(data, fmt=plistlib.FMT_BINARY)
print(len(binary), binary[:8])
print(plistlib.loads(binary) == data)
print(plistlib.loads(binary, fmt=plistlib.FMT_BINARY) == data)
print(plistlib.loads(xml, fmt=plistlib.FMT_XML)["date"])
print(plistlib.dumps([1, 2]).decode())
print(plistlib.loads(plistlib.dumps("just a string")))
print(plistlib.loads(b"""<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict><key>a</key><integer>0x10</integer><key>b</key><real>1e3</real>
<key>c</key><data>AAEC</data><key>d</key><date>2020-01-02T03:04:05Z</date><key>u</key><string>x</string></dict></plist>"""))
uid = plistlib.UID(5)
print(plistlib.loads(plistlib.dumps({"u": uid}, fmt=plistlib.FMT_BINARY)))

for bad in [b"<plist><dict><key>a</key></dict></plist>", b"<plist><integer>x</integer></plist>", b"<plist><unknown/></plist>", b"<plist>", b"garbage"]:
    try:
        print(plistlib.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    plistlib.dumps({1: 2})
except TypeError as e:
    print("TypeError", e)
