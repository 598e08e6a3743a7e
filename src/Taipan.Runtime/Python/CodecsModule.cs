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
        var result = Ops.Call(info[index], [obj, new PyStr(errors)], null);
        return result is PyTuple { Count: 2 } pair ? pair[0] : throw PyErr.TypeError($"{what} must return a tuple (object, integer)");
    }

    [PyMethod("register_error")]
    public static void RegisterError(string errors, PyObject handler)
    {
        if (handler.Type.Slots.Call is null)
        {
            throw PyErr.TypeError("handler must be callable");
        }
        s_errorHandlers[errors] = handler;
    }

    [PyMethod("lookup_error")]
    public static PyObject LookupError(string name)
    {
        if (s_errorHandlers.TryGetValue(name, out var handler))
        {
            return handler;
        }
        MethodSlot? builtin = name switch
        {
            "strict" => static (_, args, _) => throw new PyException(ErrorArg(args)),
            "ignore" => static (_, args, _) => new PyTuple([PyStr.Empty, Ops.GetAttr(ErrorArg(args), PyStr.Intern("end"))]),
            "replace" => static (_, args, _) => Replace(ErrorArg(args)),
            _ => null,
        };
        return builtin is null
            ? throw PyErr.New(PyExc.LookupError, $"unknown error handler name '{name}'")
            : s_errorHandlers[name] = new PyBuiltinFunction(name + "_errors", "_codecs", builtin, null);
    }

    private static PyBaseException ErrorArg(ReadOnlySpan<PyObject> args) =>
        args.Length == 1 && args[0] is PyBaseException e ? e : throw PyErr.TypeError("error handler takes exactly one exception argument");

    private static PyTuple Replace(PyBaseException e)
    {
        var start = ArgParse.ToInt(Ops.GetAttr(e, PyStr.Intern("start")));
        var end = ArgParse.ToInt(Ops.GetAttr(e, PyStr.Intern("end")));
        if (e.Type.IsSubtypeOf(PyExc.UnicodeDecodeError))
        {
            return new PyTuple([new PyStr("\ufffd"), PyInt.From(end)]);
        }
        if (e.Type.IsSubtypeOf(PyExc.UnicodeEncodeError) || e.Type.IsSubtypeOf(PyExc.UnicodeTranslateError))
        {
            return new PyTuple([new PyStr(new string(e.Type.IsSubtypeOf(PyExc.UnicodeEncodeError) ? '?' : '\ufffd', Math.Max(0, end - start))), PyInt.From(end)]);
        }
        throw PyErr.TypeError($"don't know how to handle {e.Type.Name} in error callback");
    }

    // ---- the codecs themselves: (result, length consumed) ----

    private static byte[] BytesArg(PyObject data) => data switch
    {
        PyBytes b => b.Data.ToArray(),
        PyByteArray ba => ba.Data.ToArray(),
        _ => throw PyErr.TypeError($"a bytes-like object is required, not '{data.Type.Name}'"),
    };

    private static PyTuple Encoded(PyObject str, string encoding, string? errors)
    {
        var s = str as PyStr ?? throw PyErr.TypeError($"{encoding}_encode() argument 1 must be str, not {str.Type.Name}");
        return new PyTuple([new PyBytes(Codecs.Encode(s, encoding, errors ?? "strict")), PyInt.From(s.CodePointCount)]);
    }

    private static PyTuple Decoded(byte[] data, string encoding, string? errors) =>
        new([new PyStr(Codecs.Decode(data, encoding, errors ?? "strict")), PyInt.From(data.Length)]);

    [PyMethod("utf_8_encode")]
    public static PyTuple Utf8Encode(PyObject str, string? errors = null) => Encoded(str, "utf-8", errors);

    /// <summary>Without <paramref name="final"/>, an incomplete sequence at the end is left for
    /// the next call (incremental decoders).</summary>
    [PyMethod("utf_8_decode")]
    public static PyTuple Utf8Decode(PyObject data, string? errors = null, bool final = false)
    {
        var bytes = BytesArg(data);
        var length = final ? bytes.Length : bytes.Length - IncompleteUtf8Tail(bytes);
        return Decoded(bytes[..length], "utf-8", errors);
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
    public static PyTuple AsciiEncode(PyObject str, string? errors = null) => Encoded(str, "ascii", errors);

    [PyMethod("ascii_decode")]
    public static PyTuple AsciiDecode(PyObject data, string? errors = null) => Decoded(BytesArg(data), "ascii", errors);

    [PyMethod("latin_1_encode")]
    public static PyTuple Latin1Encode(PyObject str, string? errors = null) => Encoded(str, "latin-1", errors);

    [PyMethod("latin_1_decode")]
    public static PyTuple Latin1Decode(PyObject data, string? errors = null) => Decoded(BytesArg(data), "latin-1", errors);

    /// <summary><c>charmap_decode</c>: each byte through a 256-character str (U+FFFE marks an
    /// undefined byte) or a mapping; latin-1 without one.</summary>
    [PyMethod("charmap_decode")]
    public static PyTuple CharmapDecode(PyObject data, string? errors = null, PyObject? mapping = null)
    {
        var bytes = BytesArg(data);
        if (mapping is null or PyNone)
        {
            return Decoded(bytes, "latin-1", errors);
        }
        var table = mapping is PyStr t ? CodePoints(t) : null;
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
                    PyStr s when CodePoints(s) is [var only] => only,
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
                var handled = HandleError(errors, PyExc.UnicodeDecodeError, "charmap", new PyBytes(bytes), i, i + 1, "character maps to <undefined>");
                sb.Append(handled);
                continue;
            }
            sb.Append(char.ConvertFromUtf32(cp));
        }
        return new PyTuple([new PyStr(sb.ToString()), PyInt.From(bytes.Length)]);
    }

    private static int[] CodePoints(PyStr s)
    {
        var result = new int[s.CodePointCount];
        var v = s.Value;
        var j = 0;
        for (var i = 0; i < v.Length;)
        {
            result[j++] = PyStr.NextCodePoint(v, ref i);
        }
        return result;
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
        var cps = CodePoints(map);
        for (var i = 0; i < cps.Length; i++)
        {
            dict.SetItem(PyInt.From(cps[i]), PyInt.From(i));
        }
        return dict;
    }

    [PyMethod("charmap_encode")]
    public static PyTuple CharmapEncode(PyObject str, string? errors = null, PyObject? mapping = null)
    {
        var s = str as PyStr ?? throw PyErr.TypeError($"charmap_encode() argument 1 must be str, not {str.Type.Name}");
        if (mapping is null or PyNone)
        {
            return Encoded(s, "latin-1", errors);
        }
        var cps = CodePoints(s);
        var output = new List<byte>(cps.Length);
        var n = cps.Length;
        for (var i = 0; i < n; i++)
        {
            if (!EncodeOne(output, mapping, cps[i]))
            {
                foreach (var cp in HandleError(errors, PyExc.UnicodeEncodeError, "charmap", s, i, i + 1, "character maps to <undefined>").EnumerateRunes())
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
