# xml.dom.minidom and pulldom over pyexpat.
from xml.dom import minidom, pulldom
import xml.dom

DOC = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE doc [<!ENTITY who "world">]>
<doc xmlns:h="urn:h" lang="en">
  <h:greeting kind="warm">Hello, &who;!</h:greeting>
  <!-- note -->
  <list><item n="1">one</item><item n="2">two</item><item/></list>
  <![CDATA[<cdata> & stuff]]>
  <?app run?>
</doc>"""

d = minidom.parseString(DOC)
root = d.documentElement
print(root.tagName, root.getAttribute("lang"), root.hasAttribute("nope"))
print(d.doctype.name if d.doctype else None)
g = root.getElementsByTagName("h:greeting")[0]
print(g.namespaceURI, g.prefix, g.localName, g.getAttribute("kind"), g.firstChild.data)
print([i.getAttribute("n") for i in d.getElementsByTagName("item")])
print([n.nodeType for n in root.childNodes])
print([n.nodeName for n in root.childNodes])
print(d.toxml())
print(d.toprettyxml(indent="  "))
print(root.toxml())
print(d.getElementsByTagNameNS("urn:h", "greeting")[0].tagName)

new = d.createElement("added")
new.setAttribute("a", "1 & 2")
new.appendChild(d.createTextNode("<text>"))
root.appendChild(new)
print(new.toxml())
print(minidom.parseString(root.toxml()).documentElement.lastChild.toxml())

impl = minidom.getDOMImplementation()
doc2 = impl.createDocument(None, "top", None)
top = doc2.documentElement
for i in range(3):
    c = doc2.createElement("c")
    c.setAttribute("i", str(i))
    c.appendChild(doc2.createTextNode("v%d" % i))
    top.appendChild(c)
print(doc2.toprettyxml(indent=" ", encoding="utf-8"))

print(minidom.parseString(b"<a><b>  text  </b><c/></a>").toprettyxml())

for bad in ["<a>", "<a><b></a>", "no xml"]:
    try:
        minidom.parseString(bad)
    except Exception as e:
        print(type(e).__name__, e)

print("-- pulldom")
events = pulldom.parseString("<r><a x='1'>t</a><b/></r>")
for ev, node in events:
    if ev == pulldom.START_ELEMENT and node.tagName == "a":
        events.expandNode(node)
        print("expanded", node.toxml())
    else:
        print(ev, node.nodeName)
