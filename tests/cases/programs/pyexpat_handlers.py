# pyexpat: every handler, attributes, namespaces, buffering, errors.
import io
import pyexpat
from xml.parsers import expat

print(expat.EXPAT_VERSION.startswith("expat_"), type(expat.version_info), len(expat.version_info))
print(expat.native_encoding, expat.error is expat.ExpatError, expat.ExpatError.__module__)
print([name for name, value in expat.features][:2])
print(len(expat.errors.codes), len(expat.errors.messages))
print(expat.errors.XML_ERROR_SYNTAX, expat.errors.codes[expat.errors.XML_ERROR_TAG_MISMATCH])
print(expat.errors.messages[4], expat.ErrorString(4), expat.ErrorString(1000))
print(expat.model.XML_CTYPE_EMPTY, expat.model.XML_CTYPE_SEQ, expat.model.XML_CQUANT_PLUS)
print(expat.XML_PARAM_ENTITY_PARSING_NEVER, expat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE, expat.XML_PARAM_ENTITY_PARSING_ALWAYS)
print(type(expat.ParserCreate()).__name__, expat.XMLParserType.__name__)

HANDLERS = [
    "StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler",
    "CharacterDataHandler", "UnparsedEntityDeclHandler", "NotationDeclHandler",
    "StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "CommentHandler",
    "StartCdataSectionHandler", "EndCdataSectionHandler", "DefaultHandler",
    "NotStandaloneHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler",
    "EntityDeclHandler", "XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler",
    "SkippedEntityHandler",
]

DOC = b"""<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE root [
  <!ELEMENT root (item+, empty?, (a|b)*)>
  <!ELEMENT item (#PCDATA|em)*>
  <!ELEMENT empty EMPTY>
  <!ELEMENT any ANY>
  <!ATTLIST item id ID #REQUIRED kind (x|y) "x" note CDATA #IMPLIED>
  <!ENTITY ent "entity &amp; text">
  <!ENTITY ext SYSTEM "ext.xml">
  <!ENTITY pic SYSTEM "pic.gif" NDATA gif>
  <!NOTATION gif PUBLIC "-//gif//EN" "viewer">
]>
<root xmlns="http://default/" xmlns:p="http://p/">
  <!-- a comment -->
  <?target some data?>
  <item id="i1">text &ent; &#65;&#x42; <em>x</em></item>
  <p:item id="i2" kind="y" p:attr="v">two</p:item>
  <![CDATA[raw <stuff> & more]]>
  <empty/>
</root>
"""


def record(parser, names):
    events = []
    for name in names:
        def handler(*args, name=name):
            events.append((name.replace("Handler", ""),) + args)
            if name == "NotStandaloneHandler":
                return 1
        setattr(parser, name, handler)
    return events


p = expat.ParserCreate()
events = record(p, HANDLERS)
print(p.Parse(DOC, True))
for e in events:
    if e[0] != "Default":
        print(e)
print([e for e in events if e[0] == "Default"][:6])

print("-- namespaces")
p = expat.ParserCreate(namespace_separator="}")
events = record(p, ["StartElementHandler", "EndElementHandler", "StartNamespaceDeclHandler", "EndNamespaceDeclHandler"])
p.Parse(b'<a xmlns="urn:d" xmlns:q="urn:q"><q:b q:x="1" y="2"/><c/></a>', True)
for e in events:
    print(e)
p = expat.ParserCreate(namespace_separator=" ")
p.namespace_prefixes = True
print(p.namespace_prefixes)
events = record(p, ["StartElementHandler", "EndElementHandler"])
p.Parse(b'<q:a xmlns:q="urn:q" q:z="3"><q:b/></q:a>', True)
for e in events:
    print(e)
p = expat.ParserCreate(namespace_separator="")
events = record(p, ["StartElementHandler"])
p.Parse(b'<a xmlns="urn:x"/>', True)
print(events)

print("-- attributes")
doc = b'<!DOCTYPE r [<!ATTLIST e d CDATA "dflt">]><r><e b="2" a="1"/></r>'
for ordered in (False, True):
    for specified in (False, True):
        p = expat.ParserCreate()
        p.ordered_attributes = ordered
        p.specified_attributes = specified
        events = record(p, ["StartElementHandler"])
        p.Parse(doc, True)
        print(ordered, specified, p.ordered_attributes, p.specified_attributes, events)

print("-- buffering")
p = expat.ParserCreate()
print(p.buffer_text, p.buffer_size, p.buffer_used)
events = record(p, ["CharacterDataHandler", "StartElementHandler"])
p.Parse(b"<a>one\ntwo &amp; three<b/>four</a>", True)
print(events)
p = expat.ParserCreate()
p.buffer_text = True
events = record(p, ["CharacterDataHandler", "StartElementHandler"])
p.Parse(b"<a>one\ntwo &amp; three<b/>four</a>", True)
print(p.buffer_text, events)
p = expat.ParserCreate()
p.buffer_text = 1
p.buffer_size = 4
events = record(p, ["CharacterDataHandler"])
p.Parse(b"<a>abcdefghij", False)
print(p.buffer_size, p.buffer_used, events)
p.Parse(b"kl</a>", True)
print(p.buffer_used, events)
for bad in (0, -1, "x", 2**40):
    try:
        p.buffer_size = bad
    except Exception as e:
        print(type(e).__name__, e)

print("-- incremental and str input")
p = expat.ParserCreate()
events = record(p, ["StartElementHandler", "CharacterDataHandler", "EndElementHandler"])
for chunk in [b"<ro", b"ot a='1'>t", b"ext</root", b">"]:
    print(p.Parse(chunk), len(events))
print(p.Parse(b"", True), events)
p = expat.ParserCreate()
events = record(p, ["StartElementHandler", "CharacterDataHandler"])
p.Parse("<r>h\u00e9llo \u20ac \U0001f600</r>", True)
print(events)
p = expat.ParserCreate("iso-8859-1")
events = record(p, ["CharacterDataHandler"])
p.Parse(b"<r>caf\xe9</r>", True)
print(events)
p = expat.ParserCreate()
events = record(p, ["CharacterDataHandler"])
p.Parse(b"<?xml version='1.0' encoding='latin-1'?><r>\xe9t\xe9</r>", True)
print(events)

print("-- positions")
p = expat.ParserCreate()
pos = []
p.StartElementHandler = lambda n, a: pos.append((n, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex))
p.EndElementHandler = lambda n: pos.append(("/" + n, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex))
p.Parse(b"<a>\n  <b>\n\t<c/></b>\n</a>", True)
print(pos)
print(p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex, p.ErrorCode)

print("-- errors")
bad_docs = [b"<a>", b"<a></b>", b"<a><b></a>", b"<a x='1' x='2'/>", b"<a/><b/>", b"", b"text",
            b"<a>&undefined;</a>", b"<a>&#0;</a>", b"<a>\n\n  <b x=></b></a>", b"<?xml version='1.0'?><?xml version='1.0'?><a/>",
            b"<a:b xmlns:a=''/>", b"<a><![CDATA[x</a>", b"\xff\xfe<\x00"]
for doc in bad_docs:
    p = expat.ParserCreate(namespace_separator="!")
    try:
        p.Parse(doc, True)
        print("ok", doc)
    except expat.ExpatError as e:
        print(type(e).__name__, e, e.code, e.lineno, e.offset, expat.errors.messages[e.code] == str(e).split(":")[0])
        print(p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
p = expat.ParserCreate()
p.Parse(b"<a/>", True)
try:
    p.Parse(b"<b/>", True)
except expat.ExpatError as e:
    print(e, e.code)

print("-- exceptions in handlers")
p = expat.ParserCreate()
def boom(name, attrs):
    if name == "b":
        raise ValueError("boom in " + name)
seen = []
p.StartElementHandler = boom
p.EndElementHandler = seen.append
p.CharacterDataHandler = seen.append
try:
    p.Parse(b"<a>x<b>y</b>z</a>", True)
except ValueError as e:
    print("ValueError", e, e.__traceback__ is not None)
print(seen, p.StartElementHandler, p.EndElementHandler, p.ErrorCode)
p = expat.ParserCreate()
p.buffer_text = True
def bad_chars(data):
    raise KeyError(data)
p.CharacterDataHandler = bad_chars
try:
    p.Parse(b"<a>text</a>", True)
except KeyError as e:
    print("KeyError", e)
p = expat.ParserCreate()
p.StartElementHandler = lambda n, a: 1 / 0
try:
    p.Parse(b"<a>", False)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

print("-- ParseFile")
p = expat.ParserCreate()
events = record(p, ["StartElementHandler", "CharacterDataHandler"])
print(p.ParseFile(io.BytesIO(b"<a>" + b"x" * 5000 + b"<b/></a>")))
print(len(events), events[0], events[-1], sum(len(e[1]) for e in events if e[0] == "CharacterData"))
for f in (3, io.StringIO("<a/>")):
    try:
        expat.ParserCreate().ParseFile(f)
    except Exception as e:
        print(type(e).__name__, e)
try:
    expat.ParserCreate().ParseFile(io.BytesIO(b"<a><b></a>"))
except expat.ExpatError as e:
    print(e)

print("-- misc")
p = expat.ParserCreate()
print(p.GetBase())
p.SetBase("http://base/")
print(p.GetBase())
ctx = []
p.StartElementHandler = lambda n, a: ctx.append(p.GetInputContext())
p.Parse(b"<a x='1'><b/></a>", True)
print(ctx[0][:9], ctx[1][:4], p.GetInputContext())
print(p.intern)
d = {}
p = expat.ParserCreate(intern=d)
p.StartElementHandler = lambda n, a: None
p.Parse(b"<a x='1'><a/></a>", True)
print(sorted(d))
p = expat.ParserCreate(intern=None)
print(p.intern)
for args, kw in [((), {"namespace_separator": "ab"}), ((), {"intern": 3}), ((3,), {}), ((), {"namespace_separator": 1})]:
    try:
        expat.ParserCreate(*args, **kw)
    except Exception as e:
        print(type(e).__name__, e)
try:
    p.nonexistent = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    p.nonexistent
except AttributeError as e:
    print("AttributeError", e)
print(p.StartElementHandler)
p.StartElementHandler = print
print(p.StartElementHandler is print)
p.StartElementHandler = None
print(p.StartElementHandler)
print(p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_ALWAYS))
for name in HANDLERS + ["DefaultHandlerExpand", "ExternalEntityRefHandler", "buffer_text", "Parse", "ParseFile"]:
    if name not in dir(p):
        print("missing", name)

print("-- external entities")
p = expat.ParserCreate()
p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE)
out = []
p.StartElementHandler = lambda n, a: out.append(("start", n))
p.CharacterDataHandler = lambda d: out.append(("data", d))
def external(context, base, system_id, public_id):
    out.append(("ext", context, base, system_id, public_id))
    child = p.ExternalEntityParserCreate(context)
    child.Parse(b"<inner>from " + system_id.encode() + b"</inner>", True)
    return 1
p.ExternalEntityRefHandler = external
p.SetBase("file:///doc/")
p.Parse(b'<!DOCTYPE r [<!ENTITY e SYSTEM "e.xml">]><r>&e;</r>', True)
print(out)
p = expat.ParserCreate()
out = []
p.ExternalEntityRefHandler = lambda *a: out.append(a) or 0
try:
    p.Parse(b'<!DOCTYPE r [<!ENTITY e SYSTEM "e.xml">]><r>&e;</r>', True)
except expat.ExpatError as e:
    print(e, out)
p = expat.ParserCreate()
p.UseForeignDTD()
out = []
p.ExternalEntityRefHandler = lambda *a: out.append(a) or 1
p.Parse(b"<r/>", True)
print(out)
p = expat.ParserCreate()
events = record(p, ["SkippedEntityHandler", "StartElementHandler"])
p.Parse(b'<!DOCTYPE r SYSTEM "x.dtd"><r>&skipped;</r>', True)
print(events)
p = expat.ParserCreate()
events = record(p, ["DefaultHandlerExpand", "StartElementHandler"])
p.Parse(b'<!DOCTYPE r [<!ENTITY e "expanded">]><r>a&e;b</r>', True)
print(events)
p = expat.ParserCreate()
events = record(p, ["DefaultHandler"])
p.Parse(b'<!DOCTYPE r [<!ENTITY e "expanded">]><r>a&e;b</r>', True)
print(events)

print("-- encodings")
for enc, doc in [("cp1252", b"<r>\x80 \xe9</r>"), ("koi8-r", b"<r>\xc1\xc2</r>"), ("no-such-codec", b"<r/>"),
                 ("utf-16", b"<r/>"), (None, b"<?xml version='1.0' encoding='cp437'?><r>\x82</r>"),
                 (None, b"<?xml version='1.0' encoding='bogus'?><r/>")]:
    p = expat.ParserCreate(enc)
    events = record(p, ["CharacterDataHandler"])
    try:
        p.Parse(doc, True)
        print(enc, events)
    except Exception as e:
        print(enc, type(e).__name__, e)

print("-- argument errors")
p = expat.ParserCreate()
for f in [lambda: p.Parse(3), lambda: p.Parse(None), lambda: p.Parse(b"<a", isfinal=True), lambda: p.SetBase(3),
          lambda: p.ExternalEntityParserCreate(3), lambda: p.Parse(bytearray(b"<a>")), lambda: p.Parse(memoryview(b"</a>"), 1),
          lambda: p.UseForeignDTD(), lambda: p.SetParamEntityParsing(2), lambda: p.Parse(), lambda: p.Parse(b"", 1, 2),
          lambda: p.Parse("\ud800"), lambda: type(expat.ParserCreate(encoding="utf-8", namespace_separator=None, intern={})).__name__,
          lambda: expat.ParserCreate(foo=1), lambda: expat.ErrorString("x"), lambda: p.buffer_text, lambda: p.intern,
          lambda: setattr(p, "intern", {}), lambda: delattr(p, "StartElementHandler"), lambda: setattr(p, "ErrorCode", 1),
          lambda: p.GetInputContext(), lambda: repr(expat.errors), lambda: expat.errors.__name__, lambda: expat.model.__name__,
          lambda: __import__("xml.parsers.expat.errors").parsers.expat.errors.XML_ERROR_ABORTED,
          lambda: __import__("xml.parsers.expat.model").parsers.expat.model.XML_CQUANT_REP]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print("-- the type")
try:
    expat.XMLParserType()
except TypeError as e:
    print("TypeError", e)
try:
    class X(expat.XMLParserType):
        pass
except TypeError as e:
    print("TypeError", e)
print(expat.XMLParserType.__module__, expat.XMLParserType.__qualname__)
import copy, pickle
for f in (lambda: copy.copy(p), lambda: pickle.dumps(p)):
    try:
        f()
        print("copied")
    except Exception as e:
        print(type(e).__name__, e)
