// Modules/_json.c
using System.Globalization;
using System.Text;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Json;

/// <summary><c>_json</c>: the scanner, string scanning and the one-shot encoder behind
/// <c>json</c>, working on the .NET string of a str directly.</summary>
[PyModule("_json", Doc = "json speedups\n")]
public static partial class JsonModule
{
    private static PyObject? s_decodeError;

    /// <summary>json.decoder.JSONDecodeError, imported when first needed as CPython does.</summary>
    private static PyObject DecodeError
    {
        get
        {
            if (s_decodeError is null)
            {
                var module = Import.ImportModuleLevel(new PyStr("json.decoder"), null, PyTuple.Create(new PyStr("JSONDecodeError")), 0);
                s_decodeError = Ops.GetAttr(module, PyStr.Intern("JSONDecodeError"));
            }
            return s_decodeError;
        }
    }

    internal static PyException Error(string message, PyStr doc, long pos)
    {
        var e = Ops.Call(DecodeError, [new PyStr(message), doc, PyInt.From(pos)], null);
        return new PyException((PyBaseException)e);
    }

    internal static PyException StopIteration(long idx) =>
        new((PyBaseException)Ops.Call(PyExc.StopIteration, [PyInt.From(idx)], null));

    [PyMethod("scanstring", Doc = "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON string. End is the index of the\ncharacter in s after the quote that started the JSON string.\nUnescapes all valid JSON string escape sequences and raises ValueError\non attempt to decode an invalid string. If strict is False then literal\ncontrol characters are allowed in the string.\n\nReturns a tuple of the decoded string and the index of the character in s\nafter the end quote.")]
    public static PyTuple ScanString(PyObject pystr, long end, bool strict = true)
    {
        if (pystr is not PyStr s)
        {
            throw PyErr.TypeError($"first argument must be a string, not {pystr.Type.Name}");
        }
        var text = s.Value;
        if (!s.IsSimple)
        {
            // Indexes count code points; scan the code-point-indexed form.
            var (value, next) = ScanStringCore(new CodePoints(text), s, end, strict);
            return PyTuple.Create(value, PyInt.From(next));
        }
        var (v, n) = ScanStringCore(new Utf16(text), s, end, strict);
        return PyTuple.Create(v, PyInt.From(n));
    }

    [PyMethod("encode_basestring_ascii", Doc = "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string")]
    public static PyStr EncodeBasestringAscii(PyObject pystr)
    {
        if (pystr is not PyStr s)
        {
            throw PyErr.TypeError($"first argument must be a string, not {pystr.Type.Name}");
        }
        var sb = new StringBuilder(s.Value.Length + 2);
        AppendAscii(sb, s.Value);
        return new PyStr(sb.ToString());
    }

    [PyMethod("encode_basestring", Doc = "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string")]
    public static PyStr EncodeBasestring(PyObject pystr)
    {
        if (pystr is not PyStr s)
        {
            throw PyErr.TypeError($"first argument must be a string, not {pystr.Type.Name}");
        }
        var sb = new StringBuilder(s.Value.Length + 2);
        AppendUnicode(sb, s.Value);
        return new PyStr(sb.ToString());
    }

    private const string Hex = "0123456789abcdef";

    private static void AppendEscapeU(StringBuilder sb, char c)
    {
        sb.Append('\\').Append('u').Append(Hex[c >> 12]).Append(Hex[(c >> 8) & 15]).Append(Hex[(c >> 4) & 15]).Append(Hex[c & 15]);
    }

    private static bool AppendShortEscape(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '"': sb.Append("\\\""); return true;
            case '\\': sb.Append("\\\\"); return true;
            case '\n': sb.Append("\\n"); return true;
            case '\r': sb.Append("\\r"); return true;
            case '\t': sb.Append("\\t"); return true;
            case '\b': sb.Append("\\b"); return true;
            case '\f': sb.Append("\\f"); return true;
            default: return false;
        }
    }

    /// <summary>ascii_escape_unicode: astral characters come out as their surrogate pair,
    /// which is how the .NET string holds them already.</summary>
    internal static void AppendAscii(StringBuilder sb, string text)
    {
        sb.Append('"');
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= ' ' && c <= '~' && c != '"' && c != '\\')
            {
                continue;
            }
            sb.Append(text, start, i - start);
            start = i + 1;
            if (!AppendShortEscape(sb, c))
            {
                AppendEscapeU(sb, c);
            }
        }
        sb.Append(text, start, text.Length - start);
        sb.Append('"');
    }

    internal static void AppendUnicode(StringBuilder sb, string text)
    {
        sb.Append('"');
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= ' ' && c != '"' && c != '\\')
            {
                continue;
            }
            sb.Append(text, start, i - start);
            start = i + 1;
            if (!AppendShortEscape(sb, c))
            {
                AppendEscapeU(sb, c);
            }
        }
        sb.Append(text, start, text.Length - start);
        sb.Append('"');
    }

    /// <summary>Read access to a str by code point index: direct for strings without astral
    /// characters, through an int array otherwise.</summary>
    internal interface IText
    {
        int Length { get; }

        int this[int i] { get; }

        string Slice(int start, int length);
    }

    internal readonly struct Utf16(string s) : IText
    {
        public int Length => s.Length;

        public int this[int i] => s[i];

        public string Slice(int start, int length) => s.Substring(start, length);
    }

    internal sealed class CodePoints : IText
    {
        private readonly int[] _cps;

        public CodePoints(string s)
        {
            _cps = new int[PyStr.CountCodePoints(s)];
            for (int i = 0, k = 0; i < s.Length; k++)
            {
                _cps[k] = PyStr.NextCodePoint(s, ref i);
            }
        }

        public int Length => _cps.Length;

        public int this[int i] => _cps[i];

        public string Slice(int start, int length)
        {
            var sb = new StringBuilder(length);
            for (var i = start; i < start + length; i++)
            {
                AppendCodePoint(sb, _cps[i]);
            }
            return sb.ToString();
        }
    }

    internal static void AppendCodePoint(StringBuilder sb, int c)
    {
        if (c > 0xFFFF)
        {
            sb.Append(char.ConvertFromUtf32(c));
        }
        else
        {
            sb.Append((char)c);
        }
    }

    private static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>scanstring_unicode: <paramref name="end"/> is the index after the opening quote.</summary>
    internal static (PyStr Value, long Next) ScanStringCore<T>(T s, PyStr doc, long end, bool strict)
        where T : IText
    {
        var len = s.Length;
        if (end < 0 || len < end)
        {
            throw PyErr.ValueError("end is out of bounds");
        }
        var begin = end - 1;
        StringBuilder? sb = null;
        var pos = (int)end;
        while (true)
        {
            var c = 0;
            var next = pos;
            for (; next < len; next++)
            {
                c = s[next];
                if (c == '"' || c == '\\')
                {
                    break;
                }
                if (c <= 0x1f && strict)
                {
                    throw Error("Invalid control character at", doc, next);
                }
            }
            if (next >= len)
            {
                throw Error("Unterminated string starting at", doc, begin);
            }
            if (c == '"' && sb is null)
            {
                // The common case: no escapes at all.
                return (new PyStr(s.Slice(pos, next - pos)), next + 1);
            }
            sb ??= new StringBuilder();
            sb.Append(s.Slice(pos, next - pos));
            next++;
            if (c == '"')
            {
                return (new PyStr(sb.ToString()), next);
            }
            if (next == len)
            {
                throw Error("Unterminated string starting at", doc, begin);
            }
            c = s[next];
            if (c != 'u')
            {
                pos = next + 1;
                c = c switch
                {
                    '"' or '\\' or '/' => c,
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => -1,
                };
                if (c < 0)
                {
                    throw Error("Invalid \\escape", doc, pos - 2);
                }
                sb.Append((char)c);
                continue;
            }
            next++;
            pos = next + 4;
            if (pos >= len)
            {
                throw Error("Invalid \\uXXXX escape", doc, next - 1);
            }
            c = 0;
            for (; next < pos; next++)
            {
                var h = HexValue(s[next]);
                if (h < 0)
                {
                    throw Error("Invalid \\uXXXX escape", doc, pos - 5);
                }
                c = (c << 4) | h;
            }
            if (c is >= 0xD800 and <= 0xDBFF && pos + 6 < len && s[next] == '\\' && s[next + 1] == 'u')
            {
                next += 2;
                var c2 = 0;
                for (var k = 0; k < 4; k++, next++)
                {
                    var h = HexValue(s[next]);
                    if (h < 0)
                    {
                        throw Error("Invalid \\uXXXX escape", doc, pos + 1);
                    }
                    c2 = (c2 << 4) | h;
                }
                if (c2 is >= 0xDC00 and <= 0xDFFF)
                {
                    c = 0x10000 + (((c - 0xD800) << 10) | (c2 - 0xDC00));
                    pos += 6;
                }
            }
            AppendCodePoint(sb, c);
        }
    }

    /// <summary><c>float.__repr__</c> of a finite double without allocating more than the
    /// result: .NET's default format is the shortest round-trip one, laid out here as Python
    /// lays it out (fixed notation for exponents -4..15, else d.ddde+XX).</summary>
    internal static string FloatRepr(double d)
    {
        Span<char> buf = stackalloc char[40];
        // .NET's shortest form does not round-trip for a few values (2**-25): those take the
        // runtime's slower exact path.
        if (d == 0 || !double.IsFinite(d) || !d.TryFormat(buf, out var n, default, CultureInfo.InvariantCulture)
            || !double.TryParse(buf[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out var back) || back != d)
        {
            return Taipan.Syntax.Ast.PyRepr.Float(d);
        }
        Span<char> digits = stackalloc char[24];
        var count = 0;
        var intLen = -1;
        var exp = 0;
        var negative = false;
        for (var i = 0; i < n; i++)
        {
            var c = buf[i];
            if (c == '-')
            {
                negative = true;
            }
            else if (c == '.')
            {
                intLen = count;
            }
            else if (c is 'E' or 'e')
            {
                exp = int.Parse(buf[(i + 1)..n], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else if (count < digits.Length)
            {
                digits[count++] = c;
            }
            else
            {
                return Taipan.Syntax.Ast.PyRepr.Float(d);
            }
        }
        if (intLen < 0)
        {
            intLen = count;
        }
        var start = 0;
        while (start < count - 1 && digits[start] == '0')
        {
            start++;
        }
        var decpt = intLen - start + exp;
        while (count - 1 > start && digits[count - 1] == '0')
        {
            count--;
        }
        var ds = digits[start..count];
        var sb = new StringBuilder(32);
        if (negative)
        {
            sb.Append('-');
        }
        if (decpt is > -4 and <= 16)
        {
            if (decpt <= 0)
            {
                sb.Append("0.").Append('0', -decpt).Append(ds);
            }
            else if (decpt >= ds.Length)
            {
                sb.Append(ds).Append('0', decpt - ds.Length).Append(".0");
            }
            else
            {
                sb.Append(ds[..decpt]).Append('.').Append(ds[decpt..]);
            }
        }
        else
        {
            sb.Append(ds[0]);
            if (ds.Length > 1)
            {
                sb.Append('.').Append(ds[1..]);
            }
            var e = decpt - 1;
            sb.Append('e').Append(e < 0 ? '-' : '+');
            e = Math.Abs(e);
            if (e < 10)
            {
                sb.Append('0');
            }
            sb.Append(e);
        }
        return sb.ToString();
    }

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("make_scanner", PyJsonScanner.TypeObject);
        module.AddBuiltin("make_encoder", PyJsonEncoder.TypeObject);
    }
}

/// <summary><c>_json.Scanner</c> (json's c_make_scanner): scans one JSON value of a str.</summary>
[PyType("_json.Scanner", Module = "_json", FromSpec = true, Doc = "JSON scanner object")]
public sealed partial class PyJsonScanner : PyObject
{
    private readonly bool _strict;
    private readonly PyObject _objectHook;
    private readonly PyObject _pairsHook;
    private readonly PyObject _parseFloat;
    private readonly PyObject _parseInt;
    private readonly PyObject _parseConstant;
    private readonly PyDict _memo = new();

    private PyJsonScanner(PyObject ctx)
    {
        _strict = Ops.IsTrue(Ops.GetAttr(ctx, PyStr.Intern("strict")));
        _objectHook = Ops.GetAttr(ctx, PyStr.Intern("object_hook"));
        _pairsHook = Ops.GetAttr(ctx, PyStr.Intern("object_pairs_hook"));
        _parseFloat = Ops.GetAttr(ctx, PyStr.Intern("parse_float"));
        _parseInt = Ops.GetAttr(ctx, PyStr.Intern("parse_int"));
        _parseConstant = Ops.GetAttr(ctx, PyStr.Intern("parse_constant"));
    }

    private static readonly string[] s_newNames = ["context"];
    private static readonly string[] s_callNames = ["string", "idx"];

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[1];
        ArgParse.UnpackKeywords("make_scanner", args, kwnames, s_newNames, 1, 1, 0, buffer);
        return new PyJsonScanner(buffer[0]!);
    }

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords("scan_once", args, kwnames, s_callNames, 2, 2, 0, buffer);
        var idx = ArgParse.ToLong(buffer[1]!);
        if (buffer[0] is not PyStr s)
        {
            throw PyErr.TypeError($"first argument must be a string, not {buffer[0]!.Type.Name}");
        }
        try
        {
            long next;
            PyObject value;
            if (s.IsSimple)
            {
                value = new Scan<JsonModule.Utf16>(this, new JsonModule.Utf16(s.Value), s).Once(idx, out next);
            }
            else
            {
                value = new Scan<JsonModule.CodePoints>(this, new JsonModule.CodePoints(s.Value), s).Once(idx, out next);
            }
            return PyTuple.Create(value, PyInt.From(next));
        }
        finally
        {
            _memo.Clear();
        }
    }

    /// <summary>One scan over one string (scan_once_unicode and its helpers).</summary>
    private readonly struct Scan<T>(PyJsonScanner owner, T s, PyStr doc)
        where T : JsonModule.IText
    {
        private static bool IsWhitespace(int c) => c is ' ' or '\t' or '\n' or '\r';

        private int SkipWhitespace(int idx)
        {
            while (idx < s.Length && IsWhitespace(s[idx]))
            {
                idx++;
            }
            return idx;
        }

        private bool Matches(long idx, string word)
        {
            if (idx + word.Length > s.Length)
            {
                return false;
            }
            for (var k = 0; k < word.Length; k++)
            {
                if (s[(int)idx + k] != word[k])
                {
                    return false;
                }
            }
            return true;
        }

        public PyObject Once(long idx, out long next)
        {
            if (idx < 0)
            {
                throw PyErr.ValueError("idx cannot be negative");
            }
            if (idx >= s.Length)
            {
                throw JsonModule.StopIteration(idx);
            }
            var i = (int)idx;
            switch (s[i])
            {
                case '"':
                {
                    var (value, n) = JsonModule.ScanStringCore(s, doc, i + 1, owner._strict);
                    next = n;
                    return value;
                }
                case '{':
                {
                    using var guard = RecursionGuard.Enter(" while decoding a JSON object from a unicode string");
                    return ParseObject(i + 1, out next);
                }
                case '[':
                {
                    using var guard = RecursionGuard.Enter(" while decoding a JSON array from a unicode string");
                    return ParseArray(i + 1, out next);
                }
                case 'n' when Matches(i, "null"):
                    next = i + 4;
                    return PyNone.Value;
                case 't' when Matches(i, "true"):
                    next = i + 4;
                    return PyBool.True;
                case 'f' when Matches(i, "false"):
                    next = i + 5;
                    return PyBool.False;
                case 'N' when Matches(i, "NaN"):
                    next = i + 3;
                    return Ops.Call(owner._parseConstant, [new PyStr("NaN")], null);
                case 'I' when Matches(i, "Infinity"):
                    next = i + 8;
                    return Ops.Call(owner._parseConstant, [new PyStr("Infinity")], null);
                case '-' when Matches(i, "-Infinity"):
                    next = i + 9;
                    return Ops.Call(owner._parseConstant, [new PyStr("-Infinity")], null);
                default:
                    return MatchNumber(i, out next);
            }
        }

        private static bool IsDigit(int c) => c is >= '0' and <= '9';

        private PyObject MatchNumber(int start, out long next)
        {
            var idx = start;
            var end = s.Length;
            if (s[idx] == '-')
            {
                idx++;
                if (idx >= end)
                {
                    throw JsonModule.StopIteration(start);
                }
            }
            if (s[idx] is >= '1' and <= '9')
            {
                idx++;
                while (idx < end && IsDigit(s[idx]))
                {
                    idx++;
                }
            }
            else if (s[idx] == '0')
            {
                idx++;
            }
            else
            {
                throw JsonModule.StopIteration(start);
            }
            var isFloat = false;
            if (idx + 1 < end && s[idx] == '.' && IsDigit(s[idx + 1]))
            {
                isFloat = true;
                idx += 2;
                while (idx < end && IsDigit(s[idx]))
                {
                    idx++;
                }
            }
            if (idx < end && s[idx] is 'e' or 'E')
            {
                var eStart = idx;
                idx++;
                if (idx < end && s[idx] is '-' or '+')
                {
                    idx++;
                }
                while (idx < end && IsDigit(s[idx]))
                {
                    idx++;
                }
                if (IsDigit(s[idx - 1]))
                {
                    isFloat = true;
                }
                else
                {
                    idx = eStart;
                }
            }
            next = idx;
            if (!isFloat && idx - start <= 18 && ReferenceEquals(owner._parseInt, PyInt.TypeObject))
            {
                // Up to 18 digits fit a long: no string needed.
                long v = 0;
                var k = s[start] == '-' ? start + 1 : start;
                for (; k < idx; k++)
                {
                    v = v * 10 + (s[k] - '0');
                }
                return PyInt.From(s[start] == '-' ? -v : v);
            }
            var text = s.Slice(start, idx - start);
            if (isFloat)
            {
                if (!ReferenceEquals(owner._parseFloat, PyFloat.TypeObject))
                {
                    return Ops.Call(owner._parseFloat, [new PyStr(text)], null);
                }
                return new PyFloat(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            }
            if (!ReferenceEquals(owner._parseInt, PyInt.TypeObject))
            {
                return Ops.Call(owner._parseInt, [new PyStr(text)], null);
            }
            return Ops.Call(PyInt.TypeObject, [new PyStr(text)], null);
        }

        private PyObject ParseObject(int idx, out long next)
        {
            var end = s.Length;
            var usePairs = owner._pairsHook is not PyNone;
            List<PyObject>? pairs = usePairs ? [] : null;
            var dict = usePairs ? null : new PyDict();
            idx = SkipWhitespace(idx);
            if (idx >= end || s[idx] != '}')
            {
                while (true)
                {
                    if (idx >= end || s[idx] != '"')
                    {
                        throw JsonModule.Error("Expecting property name enclosed in double quotes", doc, idx);
                    }
                    var (rawKey, afterKey) = JsonModule.ScanStringCore(s, doc, idx + 1, owner._strict);
                    var key = owner._memo.SetDefault(rawKey, rawKey);
                    idx = SkipWhitespace((int)afterKey);
                    if (idx >= end || s[idx] != ':')
                    {
                        throw JsonModule.Error("Expecting ':' delimiter", doc, idx);
                    }
                    idx = SkipWhitespace(idx + 1);
                    var value = Once(idx, out var afterValue);
                    if (usePairs)
                    {
                        pairs!.Add(PyTuple.Create(key, value));
                    }
                    else
                    {
                        dict!.SetItem(key, value);
                    }
                    idx = SkipWhitespace((int)afterValue);
                    if (idx < end && s[idx] == '}')
                    {
                        break;
                    }
                    if (idx >= end || s[idx] != ',')
                    {
                        throw JsonModule.Error("Expecting ',' delimiter", doc, idx);
                    }
                    idx = SkipWhitespace(idx + 1);
                }
            }
            next = idx + 1;
            if (usePairs)
            {
                return Ops.Call(owner._pairsHook, [new PyList(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pairs))], null);
            }
            return owner._objectHook is PyNone ? dict! : Ops.Call(owner._objectHook, [dict!], null);
        }

        private PyObject ParseArray(int idx, out long next)
        {
            var end = s.Length;
            var list = new PyList();
            idx = SkipWhitespace(idx);
            if (idx >= end || s[idx] != ']')
            {
                while (true)
                {
                    list.Append(Once(idx, out var afterValue));
                    idx = SkipWhitespace((int)afterValue);
                    if (idx < end && s[idx] == ']')
                    {
                        break;
                    }
                    if (idx >= end || s[idx] != ',')
                    {
                        throw JsonModule.Error("Expecting ',' delimiter", doc, idx);
                    }
                    idx = SkipWhitespace(idx + 1);
                }
            }
            next = idx + 1;
            return list;
        }
    }
}

/// <summary><c>_json.Encoder</c> (json's c_make_encoder): encodes a value in one pass into a
/// single string.</summary>
[PyType("_json.Encoder", Module = "_json", FromSpec = true, Doc = "_iterencode(obj, _current_indent_level) -> iterable")]
public sealed partial class PyJsonEncoder : PyObject
{
    private readonly PyDict? _markers;
    private readonly PyObject _default;
    private readonly PyObject _encoder;
    private readonly string _keySeparator;
    private readonly string _itemSeparator;
    private readonly bool _sortKeys;
    private readonly bool _skipKeys;
    private readonly bool _allowNan;
    private readonly int _fastEncode;

    private PyJsonEncoder(PyDict? markers, PyObject dflt, PyObject encoder, string keySep, string itemSep, bool sortKeys, bool skipKeys, bool allowNan)
    {
        _markers = markers;
        _default = dflt;
        _encoder = encoder;
        _keySeparator = keySep;
        _itemSeparator = itemSep;
        _sortKeys = sortKeys;
        _skipKeys = skipKeys;
        _allowNan = allowNan;
        // The module's own string encoders are called directly, without a Python call.
        _fastEncode = encoder is PyBuiltinFunction { ModuleName: "_json", Name: "encode_basestring_ascii" } ? 1
            : encoder is PyBuiltinFunction { ModuleName: "_json", Name: "encode_basestring" } ? 2 : 0;
    }

    private static readonly string[] s_newNames =
        ["markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan"];

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var b = new PyObject?[9];
        ArgParse.UnpackKeywords("make_encoder", args, kwnames, s_newNames, 9, 9, 0, b);
        if (b[0] is not PyDict && b[0] is not PyNone)
        {
            throw PyErr.TypeError($"make_encoder() argument 1 must be dict or None, not {b[0]!.Type.Name}");
        }
        var keySep = b[4] as PyStr ?? throw PyErr.TypeError($"make_encoder() argument 5 must be str, not {b[4]!.Type.Name}");
        var itemSep = b[5] as PyStr ?? throw PyErr.TypeError($"make_encoder() argument 6 must be str, not {b[5]!.Type.Name}");
        return new PyJsonEncoder(b[0] as PyDict, b[1]!, b[2]!, keySep.Value, itemSep.Value, Ops.IsTrue(b[6]!), Ops.IsTrue(b[7]!), Ops.IsTrue(b[8]!));
    }

    private static readonly string[] s_callNames = ["obj", "_current_indent_level"];

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var b = new PyObject?[2];
        ArgParse.UnpackKeywords("_iterencode", args, kwnames, s_callNames, 2, 2, 0, b);
        ArgParse.ToLong(b[1]!);
        var sb = new StringBuilder();
        Encode(sb, b[0]!);
        return new PyList([new PyStr(sb.ToString())]);
    }

    private void EncodeString(StringBuilder sb, PyStr s)
    {
        switch (_fastEncode)
        {
            case 1:
                JsonModule.AppendAscii(sb, s.Value);
                return;
            case 2:
                JsonModule.AppendUnicode(sb, s.Value);
                return;
        }
        var r = Ops.Call(_encoder, [s], null);
        sb.Append(r is PyStr rs ? rs.Value : throw PyErr.TypeError($"encoder() must return a string, not {r.Type.Name}"));
    }

    private string FloatText(double v)
    {
        if (!double.IsFinite(v))
        {
            if (!_allowNan)
            {
                throw PyErr.ValueError("Out of range float values are not JSON compliant");
            }
            return double.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        }
        return JsonModule.FloatRepr(v);
    }

    /// <summary>The containers being encoded, when markers is given. The markers dict itself
    /// is json.encoder's private one: a reference set answers the same question without
    /// computing object ids.</summary>
    private readonly HashSet<PyObject> _active = new(ReferenceEqualityComparer.Instance);

    private PyObject? Mark(PyObject o)
    {
        if (_markers is null)
        {
            return null;
        }
        if (!_active.Add(o))
        {
            throw PyErr.ValueError("Circular reference detected");
        }
        return o;
    }

    private void Unmark(PyObject? marked)
    {
        if (marked is not null)
        {
            _active.Remove(marked);
        }
    }

    private void Encode(StringBuilder sb, PyObject o)
    {
        switch (o)
        {
            case PyNone:
                sb.Append("null");
                return;
            case PyBool b:
                sb.Append(b.IsTrue ? "true" : "false");
                return;
            case PyStr s:
                EncodeString(sb, s);
                return;
            case PyInt i:
                sb.Append(i.ToDecimalString());
                return;
            case PyFloat f:
                sb.Append(FloatText(f.Value));
                return;
            case PyList or PyTuple:
            {
                using var guard = RecursionGuard.Enter(" while encoding a JSON object");
                EncodeList(sb, o);
                return;
            }
            case PyDict d:
            {
                using var guard = RecursionGuard.Enter(" while encoding a JSON object");
                EncodeDict(sb, d);
                return;
            }
        }
        var ident = Mark(o);
        var replacement = Ops.Call(_default, [o], null);
        using (RecursionGuard.Enter(" while encoding a JSON object"))
        {
            Encode(sb, replacement);
        }
        Unmark(ident);
    }

    private void EncodeList(StringBuilder sb, PyObject seq)
    {
        var count = seq is PyList l0 ? l0.Count : ((PyTuple)seq).Count;
        if (count == 0)
        {
            sb.Append("[]");
            return;
        }
        var ident = Mark(seq);
        sb.Append('[');
        if (seq is PyList list)
        {
            // The list may change while its items' default() runs: read it live.
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(_itemSeparator);
                }
                Encode(sb, list[i]);
            }
        }
        else
        {
            var items = ((PyTuple)seq).Items;
            for (var i = 0; i < items.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(_itemSeparator);
                }
                Encode(sb, items[i]);
            }
        }
        sb.Append(']');
        Unmark(ident);
    }

    private void EncodeDict(StringBuilder sb, PyDict dict)
    {
        if (dict.Count == 0)
        {
            sb.Append("{}");
            return;
        }
        var ident = Mark(dict);
        sb.Append('{');
        PyObject items;
        if (dict.GetType() == typeof(PyDict))
        {
            var pairs = new List<PyObject>(dict.Count);
            foreach (var kv in dict.Items())
            {
                pairs.Add(PyTuple.Create(kv.Key, kv.Value));
            }
            items = new PyList(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pairs));
        }
        else
        {
            items = Ops.Call(PyList.TypeObject, [Ops.CallMethod(dict, "items")], null);
        }
        var itemList = (PyList)items;
        if (_sortKeys)
        {
            itemList.Sort();
        }
        var first = true;
        for (var i = 0; i < itemList.Count; i++)
        {
            if (itemList[i] is not PyTuple { Count: 2 } pair)
            {
                throw PyErr.ValueError("items must return 2-tuples");
            }
            var key = pair[0];
            string? keyText;
            switch (key)
            {
                case PyStr ks:
                    keyText = null;
                    if (!first)
                    {
                        sb.Append(_itemSeparator);
                    }
                    EncodeString(sb, ks);
                    break;
                case PyFloat kf:
                    keyText = FloatText(kf.Value);
                    break;
                case PyBool kb:
                    keyText = kb.IsTrue ? "true" : "false";
                    break;
                case PyNone:
                    keyText = "null";
                    break;
                case PyInt ki:
                    keyText = ki.ToDecimalString();
                    break;
                default:
                    if (_skipKeys)
                    {
                        continue;
                    }
                    throw PyErr.TypeError($"keys must be str, int, float, bool or None, not {key.Type.Name}");
            }
            if (keyText is not null)
            {
                if (!first)
                {
                    sb.Append(_itemSeparator);
                }
                EncodeString(sb, new PyStr(keyText));
            }
            first = false;
            sb.Append(_keySeparator);
            Encode(sb, pair[1]);
        }
        sb.Append('}');
        Unmark(ident);
    }
}
