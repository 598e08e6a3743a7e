// Objects/unicodeobject.c (_string: formatter_parser, formatter_field_name_split)
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.String;

/// <summary>The <c>_string</c> module that <c>string.Formatter</c> parses with; it walks format
/// strings with the same parser as <c>str.format</c> (<see cref="UnicodeFormat"/>).</summary>
[PyModule("_string", Doc = "string helper module")]
public static partial class StringModule
{
    [PyMethod("formatter_parser")]
    public static PyObject FormatterParser(PyObject str) =>
        new FormatterIterator(str as PyStr ?? throw PyErr.TypeError($"expected str, got {str.Type.Name}"));

    [PyMethod("formatter_field_name_split")]
    public static PyObject FieldNameSplit(PyObject str)
    {
        var s = (str as PyStr ?? throw PyErr.TypeError($"expected str, got {str.Type.Name}")).Value;
        var end = UnicodeFormat.FirstFieldPartEnd(s, 0, s.Length);
        var first = s[..end];
        var index = UnicodeFormat.Integer(first);
        PyObject firstObj = index != -1 ? PyInt.From(index) : new PyStr(first);
        return PyTuple.Create(firstObj, new FieldNameIterator(s, end));
    }
}

/// <summary>The iterator of <c>formatter_parser</c>: (literal, field name, format spec,
/// conversion) for each piece; the last three are None where there is no field.</summary>
[PyType("formatteriterator")]
public sealed partial class FormatterIterator(PyStr str) : PyObject
{
    private int _pos;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        var s = str.Value;
        if (!UnicodeFormat.NextMarkup(s, ref _pos, out var m))
        {
            return null;
        }
        var literal = new PyStr(s[m.LiteralStart..m.LiteralEnd]);
        if (!m.FieldPresent)
        {
            return PyTuple.Create(literal, PyNone.Value, PyNone.Value, PyNone.Value);
        }
        PyObject conversion = m.Conversion == '\0' ? PyNone.Value : new PyStr(m.Conversion.ToString());
        return PyTuple.Create(literal, new PyStr(s[m.NameStart..m.NameEnd]), new PyStr(s[m.SpecStart..m.SpecEnd]), conversion);
    }
}

/// <summary>The iterator of the rest of a field name: (is_attribute, name or index).</summary>
[PyType("fieldnameiterator")]
public sealed partial class FieldNameIterator(string name, int start) : PyObject
{
    private int _pos = start;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (!UnicodeFormat.NextFieldPart(name, ref _pos, name.Length, out var isAttribute, out var part))
        {
            return null;
        }
        var index = isAttribute ? -1 : UnicodeFormat.Integer(part);
        return PyTuple.Create(PyBool.From(isAttribute), index != -1 ? PyInt.From(index) : new PyStr(part));
    }
}
