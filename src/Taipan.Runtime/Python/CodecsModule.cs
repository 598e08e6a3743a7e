// Modules/_codecsmodule.c
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary><c>_codecs</c>: the codec registry the <c>encodings</c> package fills, the error
/// handler registry, and the codec functions written in C in CPython that <c>encodings</c>
/// calls (utf-8, ascii, latin-1 and charmap here).</summary>
[PyModule("_codecs")]
public static partial class CodecsModule
{
    private static readonly List<PyObject> s_searchFunctions = [];
    private static readonly Dictionary<string, PyObject> s_cache = [];
    private static readonly Dictionary<string, PyObject> s_errorHandlers = [];

    [PyMethod]
    public static void Register(PyObject searchFunction)
    {
        if (searchFunction.Type.Slots.Call is null)
        {
            throw PyErr.TypeError("argument must be callable");
        }
        s_searchFunctions.Add(searchFunction);
    }

    [PyMethod]
    public static void Unregister(PyObject searchFunction)
    {
        s_searchFunctions.Remove(searchFunction);
        s_cache.Clear();
    }

    /// <summary><c>normalizestring</c>: lower case, spaces as underscores.</summary>
    private static string Normalize(string encoding) => encoding.ToLowerInvariant().Replace(' ', '_');

    /// <summary><c>_PyCodec_Lookup</c>: the CodecInfo the first search function finds, cached.</summary>
    [PyMethod]
    public static PyObject Lookup(PyObject encoding)
    {
        var name = Normalize(Codecs.StrArg("lookup", "encoding", 1, encoding));
        if (s_cache.TryGetValue(name, out var cached))
        {
            return cached;
        }
        if (s_searchFunctions.Count == 0)
        {
            // The registry fills itself on first use, as CPython's does at start-up.
            Import.ImportModuleLevel(PyStr.Intern("encodings"), null, null, 0);
        }
        var key = new PyStr(name);
        foreach (var search in s_searchFunctions.ToArray())
        {
            var result = Ops.Call(search, [key], null);
            if (result is PyNone)
            {
                continue;
            }
            if (result is not PyTuple { Count: 4 })
            {
                throw PyErr.TypeError("codec search functions must return 4-tuples");
            }
            s_cache[name] = result;
            return result;
        }
        throw PyErr.New(PyExc.LookupError, $"unknown encoding: {name}");
    }

    [PyMethod(Keywords = true)]
    public static PyObject Encode(PyObject obj, string encoding = "utf-8", string errors = "strict") =>
        RunCodec(obj, encoding, errors, 0, "encoder");

    [PyMethod(Keywords = true)]
    public static PyObject Decode(PyObject obj, string encoding = "utf-8", string errors = "strict") =>
        RunCodec(obj, encoding, errors, 1, "decoder");

    private static PyObject RunCodec(PyObject obj, string encoding, string errors, int index, string what)
    {
        var info = (PyTuple)Lookup(new PyStr(encoding));
        PyObject result;
        try
        {
            result = Ops.Call(info[index], [obj, new PyStr(errors)], null);
        }
        catch (PyException e) when (Wrappable(e.Value))
        {
            // wrap_codec_error (_PyErr_TrySetFromCause): the same type, naming the codec.
            var wrapped = PyBaseException.Create(e.Value.Type,
                $"{(index == 0 ? "encoding" : "decoding")} with '{encoding}' codec failed ({e.Value.Type.Name}: {Ops.Str(e.Value).Value})");
            wrapped.Cause = e.Value;
            throw new PyException(wrapped);
        }
        return result is PyTuple { Count: 2 } pair ? pair[0] : throw PyErr.TypeError($"{what} must return a tuple (object, integer)");
    }

    /// <summary>Whether an exception holds nothing but its type and message, so a codec error
    /// can be re-raised as the same type with a longer message: its type and the Python classes
    /// above it keep BaseException's __init__ and __new__, it carries no extra fields, no
    /// attributes, and at most one str argument.</summary>
    private static bool Wrappable(PyBaseException e)
    {
        var type = e.Type;
        foreach (var t in type.Mro)
        {
            if (!t.HasFlag(TypeFlags.HeapType))
            {
                foreach (var stateful in s_statefulExceptions)
                {
                    if (t.IsSubtypeOf(stateful))
                    {
                        return false;
                    }
                }
                break;
            }
            if (t.Dict.ContainsKey(PyStr.Intern("__init__")) || t.Dict.ContainsKey(PyStr.Intern("__new__")))
            {
                return false;
            }
        }
        return e.Args.Count switch
        {
            0 => true,
            1 => e.Args[0].GetType() == typeof(PyStr),
            _ => false,
        } && e.InstanceDict is not { Count: > 0 };
    }

    /// <summary>Builtin exceptions with their own __init__ (and so extra state).</summary>
    private static readonly PyType[] s_statefulExceptions =
    [
        PyExc.AttributeError, PyExc.NameError, PyExc.StopIteration, PyExc.StopAsyncIteration, PyExc.SystemExit,
        PyExc.ImportError, PyExc.OSError, PyExc.SyntaxError, PyExc.UnicodeEncodeError, PyExc.UnicodeDecodeError,
        PyExc.UnicodeTranslateError, PyExc.BaseExceptionGroup,
    ];

    [PyMethod("register_error")]
    public static void RegisterError(string errors, PyObject handler)
    {
        if (handler.Type.Slots.Call is null)
        {
            throw PyErr.TypeError("handler must be callable");
        }
        s_errorHandlers[errors] = handler;
        s_overridden.Add(errors);
    }

    /// <summary>Names whose handler Python code registered (the codecs then call it even for
    /// the names they handle themselves).</summary>
    private static readonly HashSet<string> s_overridden = [];

    internal static bool IsOverridden(string name) => s_overridden.Contains(name);

    [PyMethod("lookup_error")]
    public static PyObject LookupError(string name)
    {
        if (s_errorHandlers.TryGetValue(name, out var handler))
        {
            return handler;
        }
        (string, Func<PyObject, PyObject>)? builtin = name switch
        {
            "strict" => ("strict_errors", Codecs.StrictErrors),
            "ignore" => ("ignore_errors", Codecs.IgnoreErrors),
            "replace" => ("replace_errors", Codecs.ReplaceErrors),
            "xmlcharrefreplace" => ("xmlcharrefreplace_errors", Codecs.XmlCharRefReplaceErrors),
            "backslashreplace" => ("backslashreplace_errors", Codecs.BackslashReplaceErrors),
            "namereplace" => ("namereplace_errors", Codecs.NameReplaceErrors),
            "surrogateescape" => ("surrogateescape", Codecs.SurrogateEscapeErrors),
            "surrogatepass" => ("surrogatepass", Codecs.SurrogatePassErrors),
            _ => null,
        };
        if (builtin is not var (functionName, function))
        {
            throw PyErr.New(PyExc.LookupError, $"unknown error handler name '{name}'");
        }
        return s_errorHandlers[name] = new PyBuiltinFunction(functionName, "_codecs", (_, args, kwnames) =>
        {
            ArgParse.NoKeywords(functionName, kwnames);
            ArgParse.ExactlyOne(functionName, args.Length);
            return function(args[0]);
        }, null);
    }

    // ---- the codecs themselves: (result, length consumed) ----

    private static byte[] BytesArg(PyObject data) =>
        data is not PyStr && BufferProtocol.TryRead(data, out var bytes)
            ? bytes.ToArray()
            : throw PyErr.TypeError($"a bytes-like object is required, not '{data.Type.Name}'");

    /// <summary>A bytes-like object, or a str as its UTF-8 (Argument Clinic's
    /// <c>Py_buffer(accept={str, buffer})</c>).</summary>
    private static byte[] BytesOrStrArg(PyObject data) =>
        data is PyStr s ? Codecs.Encode(s, "utf-8", "strict") : BytesArg(data);

    /// <summary>The errors argument: a str or None (Argument Clinic's <c>str(accept={str, NoneType})</c>).</summary>
    private static string? ErrorsArg(string function, PyObject? errors) => errors switch
    {
        null or PyNone => null,
        PyStr s => s.Value,
        _ => throw PyErr.TypeError($"{function}() argument 2 must be str or None, not {errors.Type.Name}"),
    };

    private static PyStr StrArg(string function, PyObject str) =>
        str as PyStr ?? throw PyErr.TypeError($"{function}() argument 1 must be str, not {str.Type.Name}");

    private static PyTuple EncodeUtf(string function, PyObject str, string? errors, int byteorder, int size)
    {
        var s = StrArg(function, str);
        return new PyTuple([new PyBytes(Codecs.EncodeUtf16Or32(s, errors, byteorder, size)), PyInt.From(s.CodePointCount)]);
    }

    [PyMethod("utf_16_encode")]
    public static PyTuple Utf16Encode(PyObject str, PyObject? errors = null, int byteorder = 0) => EncodeUtf("utf_16_encode", str, ErrorsArg("utf_16_encode", errors), byteorder, 2);

    [PyMethod("utf_16_le_encode")]
    public static PyTuple Utf16LeEncode(PyObject str, PyObject? errors = null) => EncodeUtf("utf_16_le_encode", str, ErrorsArg("utf_16_le_encode", errors), -1, 2);

    [PyMethod("utf_16_be_encode")]
    public static PyTuple Utf16BeEncode(PyObject str, PyObject? errors = null) => EncodeUtf("utf_16_be_encode", str, ErrorsArg("utf_16_be_encode", errors), 1, 2);

    [PyMethod("utf_32_encode")]
    public static PyTuple Utf32Encode(PyObject str, PyObject? errors = null, int byteorder = 0) => EncodeUtf("utf_32_encode", str, ErrorsArg("utf_32_encode", errors), byteorder, 4);

    [PyMethod("utf_32_le_encode")]
    public static PyTuple Utf32LeEncode(PyObject str, PyObject? errors = null) => EncodeUtf("utf_32_le_encode", str, ErrorsArg("utf_32_le_encode", errors), -1, 4);

    [PyMethod("utf_32_be_encode")]
    public static PyTuple Utf32BeEncode(PyObject str, PyObject? errors = null) => EncodeUtf("utf_32_be_encode", str, ErrorsArg("utf_32_be_encode", errors), 1, 4);

    /// <summary>The UTF-16/32 decoders; the <c>_ex</c> ones also report the byte order: the
    /// one given, or the one a BOM announced (0 when none was read).</summary>
    private static PyTuple DecodeUtf(PyObject data, string? errors, int byteorder, bool final, int size, bool ex)
    {
        var bytes = BytesArg(data);
        var text = Codecs.DecodeUtf16Or32(bytes, errors, ref byteorder, final, out var consumed, size);
        return ex
            ? new PyTuple([new PyStr(text), PyInt.From(consumed), PyInt.From(byteorder)])
            : new PyTuple([new PyStr(text), PyInt.From(consumed)]);
    }

    [PyMethod("utf_16_decode")]
    public static PyTuple Utf16Decode(PyObject data, PyObject? errors = null, bool final = false) => DecodeUtf(data, ErrorsArg("utf_16_decode", errors), 0, final, 2, false);

    [PyMethod("utf_16_le_decode")]
    public static PyTuple Utf16LeDecode(PyObject data, PyObject? errors = null, bool final = false) => DecodeUtf(data, ErrorsArg("utf_16_le_decode", errors), -1, final, 2, false);

    [PyMethod("utf_16_be_decode")]
    public static PyTuple Utf16BeDecode(PyObject data, PyObject? errors = null, bool final = false) => DecodeUtf(data, ErrorsArg("utf_16_be_decode", errors), 1, final, 2, false);

    [PyMethod("utf_16_ex_decode")]
    public static PyTuple Utf16ExDecode(PyObject data, PyObject? errors = null, int byteorder = 0, bool final = false) =>
        DecodeUtf(data, ErrorsArg("utf_16_ex_decode", errors), byteorder, final, 2, true);

    [PyMethod("utf_32_decode")]
    public static PyTuple Utf32Decode(PyObject data, PyObject? errors = null, bool final = false) => DecodeUtf(data, ErrorsArg("utf_32_decode", errors), 0, final, 4, false);

    [PyMethod("utf_32_le_decode")]
    public static PyTuple Utf32LeDecode(PyObject data, PyObject? errors = null, bool final = false) => DecodeUtf(data, ErrorsArg("utf_32_le_decode", errors), -1, final, 4, false);

    [PyMethod("utf_32_be_decode")]
    public static PyTuple Utf32BeDecode(PyObject data, PyObject? errors = null, bool final = false) => DecodeUtf(data, ErrorsArg("utf_32_be_decode", errors), 1, final, 4, false);

    [PyMethod("utf_32_ex_decode")]
    public static PyTuple Utf32ExDecode(PyObject data, PyObject? errors = null, int byteorder = 0, bool final = false) =>
        DecodeUtf(data, ErrorsArg("utf_32_ex_decode", errors), byteorder, final, 4, true);

    [PyMethod("utf_7_encode")]
    public static PyTuple Utf7Encode(PyObject str, PyObject? errors = null)
    {
        var s = StrArg("utf_7_encode", str);
        return new PyTuple([new PyBytes(Codecs.EncodeUtf7(s)), PyInt.From(s.CodePointCount)]);
    }

    [PyMethod("utf_7_decode")]
    public static PyTuple Utf7Decode(PyObject data, PyObject? errors = null, bool final = false)
    {
        var text = Codecs.DecodeUtf7(BytesArg(data), ErrorsArg("utf_7_decode", errors), final, out var consumed);
        return new PyTuple([new PyStr(text), PyInt.From(consumed)]);
    }

    [PyMethod("unicode_escape_encode")]
    public static PyTuple UnicodeEscapeEncode(PyObject str, PyObject? errors = null)
    {
        var s = StrArg("unicode_escape_encode", str);
        return new PyTuple([new PyBytes(Codecs.EncodeUnicodeEscape(s, false)), PyInt.From(s.CodePointCount)]);
    }

    [PyMethod("raw_unicode_escape_encode")]
    public static PyTuple RawUnicodeEscapeEncode(PyObject str, PyObject? errors = null)
    {
        var s = StrArg("raw_unicode_escape_encode", str);
        return new PyTuple([new PyBytes(Codecs.EncodeUnicodeEscape(s, true)), PyInt.From(s.CodePointCount)]);
    }

    [PyMethod("unicode_escape_decode")]
    public static PyTuple UnicodeEscapeDecode(PyObject data, PyObject? errors = null, bool final = true)
    {
        var bytes = BytesOrStrArg(data);
        var text = Codecs.DecodeUnicodeEscape(bytes, ErrorsArg("unicode_escape_decode", errors), final, out var consumed, out var invalid);
        if (invalid >= 0)
        {
            Warnings.Warn(PyExc.DeprecationWarning, $"invalid escape sequence '\\{(char)bytes[invalid]}'");
        }
        return new PyTuple([new PyStr(text), PyInt.From(consumed)]);
    }

    [PyMethod("raw_unicode_escape_decode")]
    public static PyTuple RawUnicodeEscapeDecode(PyObject data, PyObject? errors = null, bool final = true)
    {
        var text = Codecs.DecodeRawUnicodeEscape(BytesOrStrArg(data), ErrorsArg("raw_unicode_escape_decode", errors), final, out var consumed);
        return new PyTuple([new PyStr(text), PyInt.From(consumed)]);
    }

    [PyMethod("escape_encode")]
    public static PyTuple EscapeEncode(PyObject data, PyObject? errors = null)
    {
        var bytes = data as PyBytes ?? throw PyErr.TypeError($"escape_encode() argument 1 must be bytes, not {data.Type.Name}");
        return new PyTuple([new PyBytes(Codecs.EscapeEncode(bytes.Data)), PyInt.From(bytes.Data.Length)]);
    }

    [PyMethod("escape_decode")]
    public static PyTuple EscapeDecode(PyObject data, PyObject? errors = null)
    {
        var bytes = BytesOrStrArg(data);
        var result = Codecs.EscapeDecode(bytes, ErrorsArg("escape_decode", errors), out var invalid);
        if (invalid >= 0)
        {
            Warnings.Warn(PyExc.DeprecationWarning, $"invalid escape sequence '\\{(char)bytes[invalid]}'");
        }
        return new PyTuple([new PyBytes(result), PyInt.From(bytes.Length)]);
    }

    [PyMethod("readbuffer_encode")]
    public static PyTuple ReadbufferEncode(PyObject data, PyObject? errors = null)
    {
        var bytes = BytesOrStrArg(data);
        return new PyTuple([new PyBytes(bytes), PyInt.From(bytes.Length)]);
    }

    private static PyTuple Encoded(PyObject str, string encoding, string? errors)
    {
        var s = str as PyStr ?? throw PyErr.TypeError($"{encoding}_encode() argument 1 must be str, not {str.Type.Name}");
        return new PyTuple([new PyBytes(Codecs.Encode(s, encoding, errors ?? "strict")), PyInt.From(s.CodePointCount)]);
    }

    private static PyTuple Decoded(byte[] data, string encoding, string? errors) =>
        new([new PyStr(Codecs.Decode(data, encoding, errors ?? "strict")), PyInt.From(data.Length)]);

    [PyMethod("utf_8_encode")]
    public static PyTuple Utf8Encode(PyObject str, PyObject? errors = null) => Encoded(str, "utf-8", ErrorsArg("utf_8_encode", errors));

    /// <summary>Without <paramref name="final"/>, an incomplete sequence at the end is left for
    /// the next call (incremental decoders).</summary>
    [PyMethod("utf_8_decode")]
    public static PyTuple Utf8Decode(PyObject data, PyObject? errors = null, bool final = false)
    {
        var bytes = BytesArg(data);
        var length = final ? bytes.Length : bytes.Length - IncompleteUtf8Tail(bytes);
        return Decoded(bytes[..length], "utf-8", ErrorsArg("utf_8_decode", errors));
    }

    /// <summary>The number of bytes at the end that start a UTF-8 sequence not yet complete.</summary>
    private static int IncompleteUtf8Tail(byte[] b)
    {
        for (var back = 1; back <= Math.Min(3, b.Length); back++)
        {
            var c = b[^back];
            if ((c & 0xC0) == 0x80)
            {
                continue;
            }
            var need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return need > back ? back : 0;
        }
        return 0;
    }

    [PyMethod("ascii_encode")]
    public static PyTuple AsciiEncode(PyObject str, PyObject? errors = null) => Encoded(str, "ascii", ErrorsArg("ascii_encode", errors));

    [PyMethod("ascii_decode")]
    public static PyTuple AsciiDecode(PyObject data, PyObject? errors = null) => Decoded(BytesArg(data), "ascii", ErrorsArg("ascii_decode", errors));

    [PyMethod("latin_1_encode")]
    public static PyTuple Latin1Encode(PyObject str, PyObject? errors = null) => Encoded(str, "latin-1", ErrorsArg("latin_1_encode", errors));

    [PyMethod("latin_1_decode")]
    public static PyTuple Latin1Decode(PyObject data, PyObject? errors = null) => Decoded(BytesArg(data), "latin-1", ErrorsArg("latin_1_decode", errors));

    /// <summary><c>charmap_decode</c>: each byte through a 256-character str (U+FFFE marks an
    /// undefined byte) or a mapping; latin-1 without one.</summary>
    [PyMethod("charmap_decode")]
    public static PyTuple CharmapDecode(PyObject data, PyObject? errors = null, PyObject? mapping = null)
    {
        var bytes = BytesArg(data);
        if (mapping is null or PyNone)
        {
            return Decoded(bytes, "latin-1", ErrorsArg("charmap_decode", errors));
        }
        var table = mapping is PyStr t ? Codecs.CodePointsOf(t) : null;
        var sb = new StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            int cp = -1;
            if (table is not null)
            {
                if (bytes[i] < table.Length)
                {
                    cp = table[bytes[i]];
                }
            }
            else
            {
                var value = TryMap(mapping, PyInt.From(bytes[i]));
                cp = value switch
                {
                    null or PyNone => -1,
                    PyInt n => (int)ArgParse.ToLong(n),
                    PyStr s when Codecs.CodePointsOf(s) is [var only] => only,
                    PyStr s => AppendAndSkip(sb, s),
                    _ => throw PyErr.TypeError("character mapping must return integer, None or str"),
                };
                if (cp == -2)
                {
                    continue;
                }
            }
            if (cp is < 0 or 0xFFFE)
            {
                var handled = HandleError(ErrorsArg("charmap_decode", errors), PyExc.UnicodeDecodeError, "charmap", new PyBytes(bytes), i, i + 1, "character maps to <undefined>");
                sb.Append(handled);
                continue;
            }
            sb.Append(char.ConvertFromUtf32(cp));
        }
        return new PyTuple([new PyStr(sb.ToString()), PyInt.From(bytes.Length)]);
    }

    private static int AppendAndSkip(StringBuilder sb, PyStr s)
    {
        sb.Append(s.Value);
        return -2;
    }

    private static PyObject? TryMap(PyObject mapping, PyObject key)
    {
        try
        {
            return Ops.GetItem(mapping, key);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.LookupError))
        {
            return null;
        }
    }

    /// <summary>The replacement for an undecodable or unencodable range under the error
    /// handler: strict raises, ignore drops, replace substitutes, others are called.</summary>
    private static string HandleError(string? errors, PyType errorType, string encoding, PyObject obj, int start, int end, string reason)
    {
        var e = (PyBaseException)Ops.Call(errorType, [new PyStr(encoding), obj, PyInt.From(start), PyInt.From(end), new PyStr(reason)], null);
        var result = Ops.Call(LookupError(errors ?? "strict"), [e], null);
        if (result is not PyTuple { Count: 2 } pair || pair[0] is not PyStr replacement)
        {
            throw PyErr.TypeError("encoding error handler must return (str, int) tuple");
        }
        if (ArgParse.ToInt(pair[1]) != end)
        {
            throw PyErr.New(PyExc.NotImplementedError, "error handlers that resume elsewhere are not supported by the charmap codec");
        }
        return replacement.Value;
    }

    /// <summary><c>charmap_build</c>: the reverse of a decoding table, as a dict from code
    /// point to byte (CPython builds an opaque EncodingMap; a dict serves charmap_encode alike).</summary>
    [PyMethod("charmap_build")]
    public static PyDict CharmapBuild(PyStr map)
    {
        var dict = new PyDict();
        var cps = Codecs.CodePointsOf(map);
        for (var i = 0; i < cps.Length; i++)
        {
            dict.SetItem(PyInt.From(cps[i]), PyInt.From(i));
        }
        return dict;
    }

    [PyMethod("charmap_encode")]
    public static PyTuple CharmapEncode(PyObject str, PyObject? errors = null, PyObject? mapping = null)
    {
        var s = str as PyStr ?? throw PyErr.TypeError($"charmap_encode() argument 1 must be str, not {str.Type.Name}");
        if (mapping is null or PyNone)
        {
            return Encoded(s, "latin-1", ErrorsArg("charmap_encode", errors));
        }
        var cps = Codecs.CodePointsOf(s);
        var output = new List<byte>(cps.Length);
        var n = cps.Length;
        for (var i = 0; i < n; i++)
        {
            if (!EncodeOne(output, mapping, cps[i]))
            {
                foreach (var cp in HandleError(ErrorsArg("charmap_encode", errors), PyExc.UnicodeEncodeError, "charmap", s, i, i + 1, "character maps to <undefined>").EnumerateRunes())
                {
                    if (!EncodeOne(output, mapping, cp.Value))
                    {
                        throw PyErr.New(PyExc.UnicodeEncodeError, "charmap: the replacement maps to <undefined> too");
                    }
                }
            }
        }
        return new PyTuple([new PyBytes([.. output]), PyInt.From(n)]);
    }

    private static bool EncodeOne(List<byte> output, PyObject mapping, int cp)
    {
        switch (TryMap(mapping, PyInt.From(cp)))
        {
            case null or PyNone:
                return false;
            case PyInt b:
                var v = ArgParse.ToLong(b);
                if (v is < 0 or > 255)
                {
                    throw PyErr.TypeError("character mapping must be in range(256)");
                }
                output.Add((byte)v);
                return true;
            case PyBytes bytes:
                output.AddRange(bytes.Data);
                return true;
            default:
                throw PyErr.TypeError("character mapping must return integer, bytes or None, not str");
        }
    }
}
