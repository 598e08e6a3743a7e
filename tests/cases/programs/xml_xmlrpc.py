# xmlrpc.client marshalling and unmarshalling (its parser is pyexpat).
import datetime
import xmlrpc.client as xc

params = (1, -2, 3.5, "text <&>", True, [1, [2, "x"]], {"a": 1, "b": {"c": None.__class__ is type(None)}},
          xc.Binary(b"\x00\xffbin"), xc.DateTime(datetime.datetime(2020, 1, 2, 3, 4, 5)))
req = xc.dumps(params, "method.name")
print(req)
back, method = xc.loads(req)
print(method, back[:7])
print(back[7].data, back[8])
back2, _ = xc.loads(req, use_builtin_types=True)
print(back2[7], back2[8])
resp = xc.dumps(({"ok": [1, 2]},), methodresponse=True)
print(resp)
print(xc.loads(resp))
fault = xc.dumps(xc.Fault(4, "Too many"), methodresponse=True)
print(fault)
try:
    xc.loads(fault)
except xc.Fault as f:
    print("Fault", f.faultCode, f.faultString)
print(xc.dumps((None,), allow_none=True))
print(xc.loads(xc.dumps((None,), allow_none=True)))
print(xc.loads("<params><param><value><i8>12345678901</i8></value></param></params>"))
print(xc.loads("<params><param><value>bare string</value></param></params>"))
for bad in ["<params><param><value><int>x</int></value></param></params>", "<not xml", "<params><param><value><foo>1</foo></value></param></params>"]:
    try:
        print(xc.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
p, u = xc.getparser()
p.feed("<methodResponse><params><param><value><string>hi</string></value></param></params></methodResponse>")
p.close()
print(u.close(), u.getmethodname())
