# xml.etree.ElementTree over pyexpat: parse, iterparse, pull parser, tostring, errors.
import io
import xml.etree.ElementTree as ET

DOC = """<?xml version="1.0"?>
<catalog xmlns="urn:cat" xmlns:x="urn:x">
  <!-- books -->
  <book id="b1" x:lang="en">
    <title>Dive &amp; Swim</title>
    <price currency="EUR">12.50</price>
  </book>
  <book id="b2">
    <title><![CDATA[<Raw> Title]]></title>
    <price>7</price>
    <?proc inst?>
  </book>
</catalog>
"""

root = ET.fromstring(DOC)
print(root.tag, root.attrib, len(root))
for book in root:
    print(book.tag, sorted(book.attrib.items()), [(c.tag, c.text, c.attrib) for c in book])
ns = {"c": "urn:cat"}
print([t.text for t in root.findall("c:book/c:title", ns)])
print(root.find("c:book[@id='b2']/c:price", ns).text)
print([e.tag for e in root.iter()])
print(repr(root[0].tail), repr(root[0][0].tail))
print(ET.tostring(root))
print(ET.tostring(root, encoding="unicode", method="text"))
print(ET.tostring(root[0], encoding="unicode", short_empty_elements=False))

tree = ET.parse(io.BytesIO(DOC.encode()))
print(tree.getroot().tag)
out = io.BytesIO()
tree.write(out, encoding="utf-8", xml_declaration=True)
print(out.getvalue()[:80])

print("-- iterparse")
for event, elem in ET.iterparse(io.BytesIO(DOC.encode()), events=("start", "end", "start-ns", "end-ns", "comment", "pi")):
    if event in ("start", "end"):
        print(event, elem.tag)
    elif event == "start-ns":
        print(event, elem)
    else:
        print(event, elem if event == "end-ns" else elem.text)

print("-- pull parser")
pp = ET.XMLPullParser(events=("start", "end"))
for chunk in ["<r><a>1</a>", "<b x='2'>", "two</b></r>"]:
    pp.feed(chunk)
    print([(ev, el.tag, el.text) for ev, el in pp.read_events()])
pp.close()

print("-- TreeBuilder with comments and pis")
parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
parser.feed("<r><!--c--><?p d?><e/></r>")
r = parser.close()
print([("Comment" if c.tag is ET.Comment else "PI" if c.tag is ET.PI else c.tag, c.text) for c in r])
print(ET.tostring(r))

print("-- entities and doctype")
r = ET.fromstring('<!DOCTYPE r [<!ENTITY e "ent value">]><r a="&e;">&e; and &#233;</r>')
print(r.attrib, r.text)
class Target:
    def __init__(self):
        self.log = []
    def start(self, tag, attrib):
        self.log.append(("start", tag, attrib))
    def end(self, tag):
        self.log.append(("end", tag))
    def data(self, data):
        self.log.append(("data", data))
    def doctype(self, name, pubid, system):
        self.log.append(("doctype", name, pubid, system))
    def close(self):
        return self.log
p = ET.XMLParser(target=Target())
p.feed('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html><body>hi</body></html>')
print(p.close())

print("-- building and serialising")
e = ET.Element("root", {"k": "v<&>\""})
s = ET.SubElement(e, "child")
s.text = "text & <more>"
s.tail = "tail"
ET.SubElement(e, "{urn:n}q", {"{urn:n}a": "1"})
print(ET.tostring(e, encoding="unicode"))
back = ET.fromstring(ET.tostring(e))
print(back.attrib, back[0].text, back[0].tail, back[1].tag, back[1].attrib)
ET.indent(e)
print(ET.tostring(e, encoding="unicode"))
print(ET.tostring(ET.fromstring("<a>\u00e9\u20ac</a>"), encoding="us-ascii"))
print(ET.tostring(ET.fromstring("<a>x</a>"), encoding="iso-8859-1"))
print(ET.canonicalize("<r b='2' a='1'><!--c--><e/></r>"))

print("-- errors")
for bad in ["<a>", "<a></b>", "<a x='1' x='2'/>", "", "<a>&nope;</a>", "<a>\n <b>\n</a>", "<a/>junk"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as err:
        print(type(err).__name__, err, err.code, err.position)
try:
    list(ET.iterparse(io.BytesIO(b"<a><b></a>")))
except ET.ParseError as err:
    print(err, err.position)
