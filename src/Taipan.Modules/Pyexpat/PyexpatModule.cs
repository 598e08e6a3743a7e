// Modules/pyexpat.c
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Pyexpat;

[PyModule("pyexpat", Doc = "Python wrapper for Expat parser.")]
public static unsafe partial class PyexpatModule
{
    private static readonly string[] s_errorNames =
    [
        "XML_ERROR_NO_MEMORY", "XML_ERROR_SYNTAX", "XML_ERROR_NO_ELEMENTS", "XML_ERROR_INVALID_TOKEN",
        "XML_ERROR_UNCLOSED_TOKEN", "XML_ERROR_PARTIAL_CHAR", "XML_ERROR_TAG_MISMATCH",
        "XML_ERROR_DUPLICATE_ATTRIBUTE", "XML_ERROR_JUNK_AFTER_DOC_ELEMENT", "XML_ERROR_PARAM_ENTITY_REF",
        "XML_ERROR_UNDEFINED_ENTITY", "XML_ERROR_RECURSIVE_ENTITY_REF", "XML_ERROR_ASYNC_ENTITY",
        "XML_ERROR_BAD_CHAR_REF", "XML_ERROR_BINARY_ENTITY_REF", "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF",
        "XML_ERROR_MISPLACED_XML_PI", "XML_ERROR_UNKNOWN_ENCODING", "XML_ERROR_INCORRECT_ENCODING",
        "XML_ERROR_UNCLOSED_CDATA_SECTION", "XML_ERROR_EXTERNAL_ENTITY_HANDLING", "XML_ERROR_NOT_STANDALONE",
        "XML_ERROR_UNEXPECTED_STATE", "XML_ERROR_ENTITY_DECLARED_IN_PE", "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
        "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING", "XML_ERROR_UNBOUND_PREFIX", "XML_ERROR_UNDECLARING_PREFIX",
        "XML_ERROR_INCOMPLETE_PE", "XML_ERROR_XML_DECL", "XML_ERROR_TEXT_DECL", "XML_ERROR_PUBLICID",
        "XML_ERROR_SUSPENDED", "XML_ERROR_NOT_SUSPENDED", "XML_ERROR_ABORTED", "XML_ERROR_FINISHED",
        "XML_ERROR_SUSPEND_PE", "XML_ERROR_RESERVED_PREFIX_XML", "XML_ERROR_RESERVED_PREFIX_XMLNS",
        "XML_ERROR_RESERVED_NAMESPACE_URI", "XML_ERROR_INVALID_ARGUMENT", "XML_ERROR_NO_BUFFER",
        "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
    ];

    private static PyType? s_error;

    /// <summary><c>xml.parsers.expat.ExpatError</c>.</summary>
    internal static PyType ExpatError => s_error ??= MakeError();

    private static PyType MakeError()
    {
        var ns = new PyDict();
        ns[PyStr.Intern("__module__")] = new PyStr("xml.parsers.expat");
        return (PyType)Ops.Call(PyType.TypeObject, [new PyStr("ExpatError"), PyTuple.Create(PyExc.Exception), ns], null);
    }

    static partial void Initialize(PyModule module)
    {
        var version = Zlib.ZlibNative.Load(ExpatNative.Lib, () => ExpatNative.Utf8(ExpatNative.ExpatVersion()));
        module.AddBuiltin("XMLParserType", PyXmlParser.TypeObject);
        module.AddBuiltin("ExpatError", ExpatError);
        module.AddBuiltin("error", ExpatError);
        module.AddBuiltin("EXPAT_VERSION", new PyStr(version));
        var parts = version["expat_".Length..].Split('.');
        module.AddBuiltin("version_info", PyTuple.Create(PyInt.From(int.Parse(parts[0])), PyInt.From(int.Parse(parts[1])), PyInt.From(int.Parse(parts[2]))));
        module.AddBuiltin("native_encoding", new PyStr("UTF-8"));
        var features = new PyList();
        for (var f = ExpatNative.GetFeatureList(); f->Kind != 0; f++)
        {
            features.Append(PyTuple.Create(new PyStr(ExpatNative.Utf8(f->Name)), PyInt.From(f->Value)));
        }
        module.AddBuiltin("features", features);
        module.AddBuiltin("XML_PARAM_ENTITY_PARSING_NEVER", PyInt.From(0));
        module.AddBuiltin("XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", PyInt.From(1));
        module.AddBuiltin("XML_PARAM_ENTITY_PARSING_ALWAYS", PyInt.From(2));

        var errors = Submodule("pyexpat.errors", "Constants used to describe error conditions.");
        var codes = new PyDict();
        var messages = new PyDict();
        for (var i = 0; i < s_errorNames.Length; i++)
        {
            var code = PyInt.From(i + 1);
            var message = ExpatNative.StrOrNone(ExpatNative.ErrorString(i + 1));
            errors.AddBuiltin(s_errorNames[i], message);
            codes[message] = code;
            messages[code] = message;
        }
        errors.AddBuiltin("codes", codes);
        errors.AddBuiltin("messages", messages);
        module.AddBuiltin("errors", errors);
        Import.Modules[new PyStr("pyexpat.errors")] = errors;

        var model = Submodule("pyexpat.model", "Constants used to interpret content model information.");
        string[] ctypes = ["XML_CTYPE_EMPTY", "XML_CTYPE_ANY", "XML_CTYPE_MIXED", "XML_CTYPE_NAME", "XML_CTYPE_CHOICE", "XML_CTYPE_SEQ"];
        for (var i = 0; i < ctypes.Length; i++)
        {
            model.AddBuiltin(ctypes[i], PyInt.From(i + 1));
        }
        string[] quants = ["XML_CQUANT_NONE", "XML_CQUANT_OPT", "XML_CQUANT_REP", "XML_CQUANT_PLUS"];
        for (var i = 0; i < quants.Length; i++)
        {
            model.AddBuiltin(quants[i], PyInt.From(i));
        }
        module.AddBuiltin("model", model);
        Import.Modules[new PyStr("pyexpat.model")] = model;
    }

    /// <summary>A plain module object (PyModule_New): its repr has no "(built-in)".</summary>
    private static PyModule Submodule(string name, string doc) =>
        (PyModule)Ops.Call(PyModule.TypeObject, [new PyStr(name), new PyStr(doc)], null);

    [PyMethod("ParserCreate", Keywords = true, Doc = "Return a new XML parser object.")]
    public static PyObject ParserCreate(PyObject? encoding = null, PyObject? namespace_separator = null, PyObject? intern = null)
    {
        string? enc = encoding switch
        {
            null or PyNone => null,
            PyStr s => s.Value,
            _ => throw PyErr.TypeError($"ParserCreate() argument 'encoding' must be str or None, not {encoding.Type.Name}"),
        };
        string? sep = namespace_separator switch
        {
            null or PyNone => null,
            PyStr s => s.Value,
            _ => throw PyErr.TypeError($"ParserCreate() argument 'namespace_separator' must be str or None, not {namespace_separator.Type.Name}"),
        };
        if (sep is not null && System.Text.Encoding.UTF8.GetByteCount(sep) > 1)
        {
            throw PyErr.ValueError("namespace_separator must be at most one character, omitted, or None");
        }
        PyDict? internDict;
        if (intern is null)
        {
            internDict = new PyDict();
        }
        else if (intern is PyNone)
        {
            internDict = null;
        }
        else
        {
            internDict = intern as PyDict ?? throw PyErr.TypeError("intern must be a dictionary");
        }
        return PyXmlParser.Create(enc, sep, internDict);
    }

    [PyMethod("ErrorString", Doc = "Returns string error for given number.")]
    public static PyObject ErrorString(long code) =>
        code is < int.MinValue or > int.MaxValue ? PyNone.Value : ExpatNative.StrOrNone(ExpatNative.ErrorString((int)code));
}
