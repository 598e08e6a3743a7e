# xml.sax over pyexpat: handlers, namespaces, errors, saxutils.
import io
import xml.sax
from xml.sax import handler, saxutils
from xml.sax.xmlreader import InputSource

DOC = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY e "ENT">]>
<r xmlns:p="urn:p" a="1">
  text &e; <p:x p:y="2">inner</p:x>
  <!-- c --><?pi data?>
  <![CDATA[cd]]>
</r>"""


class Logger(handler.ContentHandler, handler.ErrorHandler, handler.DTDHandler):
    def __init__(self):
        super().__init__()
        self.log = []
        self.locator = None
    def setDocumentLocator(self, locator):
        self.locator = locator
    def startDocument(self):
        self.log.append("startDocument")
    def endDocument(self):
        self.log.append("endDocument")
    def startElement(self, name, attrs):
        self.log.append(("start", name, sorted(attrs.items()), self.locator and self.locator.getLineNumber(), self.locator and self.locator.getColumnNumber()))
    def endElement(self, name):
        self.log.append(("end", name))
    def startElementNS(self, name, qname, attrs):
        self.log.append(("startNS", name, qname, sorted(attrs.items()), sorted(attrs.getQNames())))
    def endElementNS(self, name, qname):
        self.log.append(("endNS", name, qname))
    def startPrefixMapping(self, prefix, uri):
        self.log.append(("prefix", prefix, uri))
    def endPrefixMapping(self, prefix):
        self.log.append(("endprefix", prefix))
    def characters(self, content):
        self.log.append(("chars", content))
    def ignorableWhitespace(self, ws):
        self.log.append(("ws", ws))
    def processingInstruction(self, target, data):
        self.log.append(("pi", target, data))


h = Logger()
xml.sax.parseString(DOC, h)
for entry in h.log:
    print(entry)

print("-- namespaces")
parser = xml.sax.make_parser()
parser.setFeature(handler.feature_namespaces, True)
h = Logger()
parser.setContentHandler(h)
parser.parse(io.BytesIO(DOC))
for entry in h.log:
    print(entry)
print(parser.getFeature(handler.feature_namespaces))

print("-- incremental")
parser = xml.sax.make_parser()
h = Logger()
parser.setContentHandler(h)
for chunk in [b"<a>", b"x<b/>", b"y</a>"]:
    parser.feed(chunk)
parser.close()
print(h.log)

print("-- errors")
for bad in [b"<a>", b"<a></b>", b"<a>\n<b x=></b></a>"]:
    try:
        xml.sax.parseString(bad, handler.ContentHandler())
    except xml.sax.SAXParseException as e:
        print(type(e).__name__, e, e.getLineNumber(), e.getColumnNumber(), e.getMessage())
class Raiser(handler.ContentHandler):
    def startElement(self, name, attrs):
        raise RuntimeError("stop at " + name)
try:
    xml.sax.parseString(b"<a><b/></a>", Raiser())
except RuntimeError as e:
    print("RuntimeError", e)

print("-- InputSource and system id")
src = InputSource("file:///x.xml")
src.setByteStream(io.BytesIO(b"<q>1</q>"))
h = Logger()
parser = xml.sax.make_parser()
parser.setContentHandler(h)
parser.parse(src)
print(h.log, h.locator.getSystemId())

print("-- saxutils")
out = io.StringIO()
gen = saxutils.XMLGenerator(out, "utf-8")
xml.sax.parseString(b"<a x='1&amp;2'>t &lt; u<b/><!--c--></a>", gen)
print(out.getvalue())
out = io.StringIO()
gen = saxutils.XMLGenerator(out, short_empty_elements=True)
xml.sax.parseString(b"<a><b></b></a>", gen)
print(out.getvalue())
print(saxutils.escape("<&>"), saxutils.unescape("&lt;&amp;&gt;"), saxutils.quoteattr('a"b'))
