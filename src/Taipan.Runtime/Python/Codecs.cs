// Python/codecs.c
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>The built-in codecs (utf-8, ascii, latin-1) with the standard error handlers,
/// raising CPython's UnicodeDecodeError / UnicodeEncodeError.</summary>
public static class Codecs
{
    private enum Codec { Utf8, Ascii, Latin1 }

    /// <summary>A str argument of an encoding function, with CPython's message otherwise.</summary>
    public static string StrArg(string function, string name, int position, PyObject o) =>
        o is PyStr s ? s.Value : throw PyErr.TypeError($"{function}() argument '{name}' must be str, not {o.Type.Name}");

    /// <summary>The codecs implemented here; other names go through the codec registry
    /// (<c>_codecs.lookup</c>, filled by the <c>encodings</c> package).</summary>
    private static Codec? Lookup(string encoding)
    {
        var n = encoding.ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        return n switch
        {
            "utf_8" or "utf8" or "u8" or "utf" or "cp65001" => Codec.Utf8,
            "ascii" or "us_ascii" or "646" or "us" => Codec.Ascii,
            "latin_1" or "latin1" or "latin" or "l1" or "iso_8859_1" or "iso8859_1" or "8859" or "cp819" or "iso_ir_100" => Codec.Latin1,
            _ => null,
        };
    }

    private static string Name(Codec c) => c switch
    {
        Codec.Utf8 => "utf-8",
        Codec.Ascii => "ascii",
        _ => "latin-1",
    };


    public static string Decode(ReadOnlySpan<byte> data, string encoding, string errors)
    {
        if (Lookup(encoding) is not { } codec)
        {
            var decoded = CodecsModule.Decode(new PyBytes(data.ToArray()), encoding, errors);
            return decoded is PyStr s ? s.Value
                : throw PyErr.TypeError($"'{encoding}' decoder returned '{decoded.Type.Name}' instead of 'str'; use codecs.decode() to decode to arbitrary types");
        }
        if (codec == Codec.Latin1)
        {
            return Encoding.Latin1.GetString(data);
        }
        var sb = new StringBuilder(data.Length);
        PyBytes? input = null;
        var i = 0;
        while (i < data.Length)
        {
            var c = data[i];
            if (c < 0x80)
            {
                sb.Append((char)c);
                i++;
                continue;
            }
            int end;
            string reason;
            if (codec == Codec.Ascii)
            {
                (end, reason) = (i + 1, "ordinal not in range(128)");
            }
            else if (Utf8Sequence(data, i, out var cp, out end, out reason))
            {
                sb.Append(char.ConvertFromUtf32(cp));
                i = end;
                continue;
            }
            switch (errors)
            {
                case "strict":
                    throw DecodeError(codec, data, i, end, reason);
                case "ignore":
                    break;
                case "replace":
                    sb.Append('\uFFFD');
                    break;
                case "surrogateescape":
                    for (var k = i; k < end; k++)
                    {
                        if (data[k] < 0x80)
                        {
                            throw DecodeError(codec, data, i, end, reason);
                        }
                        sb.Append((char)(0xDC00 + data[k]));
                    }
                    break;
                case "backslashreplace":
                    for (var k = i; k < end; k++)
                    {
                        sb.Append("\\x").Append(data[k].ToString("x2"));
                    }
                    break;
                default:
                    input ??= new PyBytes(data.ToArray());
                    i = CallDecodeHandler(errors, sb, Name(codec), input, i, end, reason);
                    continue;
            }
            i = end;
        }
        return sb.ToString();
    }

    /// <summary>Decodes the UTF-8 sequence at <paramref name="i"/>: true with its code point,
    /// or false with the end and reason of the invalid part, as CPython delimits it.</summary>
    private static bool Utf8Sequence(ReadOnlySpan<byte> data, int i, out int cp, out int end, out string reason)
    {
        var c = data[i];
        cp = 0;
        int need;
        byte lo = 0x80, hi = 0xBF;
        if (c is >= 0xC2 and <= 0xDF)
        {
            need = 1;
            cp = c & 0x1F;
        }
        else if (c is >= 0xE0 and <= 0xEF)
        {
            need = 2;
            cp = c & 0x0F;
            (lo, hi) = c == 0xE0 ? ((byte)0xA0, (byte)0xBF) : c == 0xED ? ((byte)0x80, (byte)0x9F) : (lo, hi);
        }
        else if (c is >= 0xF0 and <= 0xF4)
        {
            need = 3;
            cp = c & 0x07;
            (lo, hi) = c == 0xF0 ? ((byte)0x90, (byte)0xBF) : c == 0xF4 ? ((byte)0x80, (byte)0x8F) : (lo, hi);
        }
        else
        {
            end = i + 1;
            reason = "invalid start byte";
            return false;
        }
        var k = i + 1;
        for (var n = 0; n < need; n++, k++)
        {
            if (k >= data.Length)
            {
                end = k;
                reason = "unexpected end of data";
                return false;
            }
            var b = data[k];
            if (b < (n == 0 ? lo : 0x80) || b > (n == 0 ? hi : 0xBF))
            {
                end = k;
                reason = "invalid continuation byte";
                return false;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        end = k;
        reason = "";
        return true;
    }

    private static PyException DecodeError(Codec codec, ReadOnlySpan<byte> data, int start, int end, string reason)
    {
        var e = Ops.Call(PyExc.UnicodeDecodeError,
            [new PyStr(Name(codec)), new PyBytes(data.ToArray()), PyInt.From(start), PyInt.From(end), new PyStr(reason)], null);
        return new PyException((PyBaseException)e);
    }

    public static byte[] Encode(PyStr str, string encoding, string errors)
    {
        if (Lookup(encoding) is not { } codec)
        {
            var encoded = CodecsModule.Encode(str, encoding, errors);
            return encoded is PyBytes b ? b.Data.ToArray()
                : throw PyErr.TypeError($"'{encoding}' encoder returned '{encoded.Type.Name}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types");
        }
        var s = str.Value;
        var limit = codec switch { Codec.Ascii => 0x80, Codec.Latin1 => 0x100, _ => 0x110000 };
        var output = new List<byte>(s.Length);
        Span<byte> utf8 = stackalloc byte[4];
        var i = 0;
        var index = 0;
        while (i < s.Length)
        {
            var cp = PyStr.NextCodePoint(s, ref i);
            var bad = cp >= limit || (codec == Codec.Utf8 && cp is >= 0xD800 and <= 0xDFFF);
            if (!bad)
            {
                if (codec == Codec.Utf8 && cp >= 0x80)
                {
                    var n = new Rune(cp).EncodeToUtf8(utf8);
                    output.AddRange(utf8[..n]);
                }
                else
                {
                    output.Add((byte)cp);
                }
                index++;
                continue;
            }
            // The run of unencodable code points, reported as one range as CPython does.
            var run = new List<int> { cp };
            var j = i;
            while (j < s.Length)
            {
                var k = j;
                var next = PyStr.NextCodePoint(s, ref k);
                if (!(next >= limit || (codec == Codec.Utf8 && next is >= 0xD800 and <= 0xDFFF)))
                {
                    break;
                }
                run.Add(next);
                j = k;
            }
            var reason = codec switch
            {
                Codec.Ascii => "ordinal not in range(128)",
                Codec.Latin1 => "ordinal not in range(256)",
                _ => "surrogates not allowed",
            };
            switch (errors)
            {
                case "strict":
                    throw EncodeError(codec, str, index, index + run.Count, reason);
                case "ignore":
                    break;
                case "replace":
                    foreach (var _ in run)
                    {
                        output.Add((byte)'?');
                    }
                    break;
                case "backslashreplace":
                    foreach (var x in run)
                    {
                        var esc = x < 0x100 ? $"\\x{x:x2}" : x < 0x10000 ? $"\\u{x:x4}" : $"\\U{x:x8}";
                        output.AddRange(Encoding.ASCII.GetBytes(esc));
                    }
                    break;
                case "xmlcharrefreplace":
                    foreach (var x in run)
                    {
                        output.AddRange(Encoding.ASCII.GetBytes($"&#{x};"));
                    }
                    break;
                case "surrogateescape":
                    for (var k = 0; k < run.Count; k++)
                    {
                        if (run[k] is < 0xDC80 or > 0xDCFF)
                        {
                            throw EncodeError(codec, str, index, index + run.Count, reason);
                        }
                        output.Add((byte)(run[k] - 0xDC00));
                    }
                    break;
                case "surrogatepass" when codec == Codec.Utf8:
                    foreach (var x in run)
                    {
                        output.Add((byte)(0xE0 | (x >> 12)));
                        output.Add((byte)(0x80 | ((x >> 6) & 0x3F)));
                        output.Add((byte)(0x80 | (x & 0x3F)));
                    }
                    break;
                default:
                    {
                        var (rep, newPos) = CallEncodeHandler(errors, Name(codec), str, index, index + run.Count, reason);
                        if (rep is PyBytes repBytes)
                        {
                            output.AddRange(repBytes.Data);
                        }
                        else
                        {
                            foreach (var ch in ((PyStr)rep).Value)
                            {
                                if (ch >= limit || (codec == Codec.Utf8 && ch >= 0x80))
                                {
                                    throw EncodeError(codec, str, index, index + run.Count, reason);
                                }
                                output.Add((byte)ch);
                            }
                        }
                        index = newPos;
                        i = str.CharOffset(newPos);
                        continue;
                    }
            }
            index += run.Count;
            i = j;
        }
        return [.. output];
    }

    private static PyException EncodeError(Codec codec, PyStr str, int start, int end, string reason)
    {
        var e = Ops.Call(PyExc.UnicodeEncodeError,
            [new PyStr(Name(codec)), str, PyInt.From(start), PyInt.From(end), new PyStr(reason)], null);
        return new PyException((PyBaseException)e);
    }

    // ---- error handlers (PyCodec_*Errors) ----

    private static int ErrorInt(PyBaseException e, string name) => ArgParse.ToInt(Ops.GetAttr(e, PyStr.Intern(name)));

    private static PyObject ErrorObject(PyBaseException e) => Ops.GetAttr(e, PyStr.Intern("object"));

    private static PyException WrongExceptionType(PyObject exc) =>
        PyErr.TypeError($"don't know how to handle {exc.Type.Name} in error callback");

    private static PyBaseException UnicodeErrorArg(PyObject exc) =>
        exc is PyBaseException e && e.Type.IsSubtypeOf(PyExc.UnicodeError) ? e : throw WrongExceptionType(exc);

    private static bool IsEncode(PyBaseException e) => e.Type.IsSubtypeOf(PyExc.UnicodeEncodeError);

    private static bool IsDecode(PyBaseException e) => e.Type.IsSubtypeOf(PyExc.UnicodeDecodeError);

    private static bool IsTranslate(PyBaseException e) => e.Type.IsSubtypeOf(PyExc.UnicodeTranslateError);

    /// <summary>The code points <c>object[start:end]</c> of an encode or translate error.</summary>
    private static int[] ErrorCodePoints(PyBaseException e, out int end)
    {
        var obj = ErrorObject(e) as PyStr ?? throw PyErr.TypeError("object attribute must be unicode");
        var n = obj.CodePointCount;
        var start = Math.Clamp(ErrorInt(e, "start"), 0, n);
        end = Math.Clamp(ErrorInt(e, "end"), 0, n);
        var result = new int[Math.Max(0, end - start)];
        var i = obj.CharOffset(start);
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = PyStr.NextCodePoint(obj.Value, ref i);
        }
        return result;
    }

    private static byte[] ErrorBytes(PyBaseException e, out int start, out int end)
    {
        var obj = ErrorObject(e);
        if (!BufferProtocol.TryRead(obj, out var data))
        {
            throw PyErr.TypeError("object attribute must be bytes");
        }
        start = Math.Clamp(ErrorInt(e, "start"), 0, data.Length);
        end = Math.Clamp(ErrorInt(e, "end"), 0, data.Length);
        return data.ToArray();
    }

    public static PyObject StrictErrors(PyObject exc) =>
        exc is PyBaseException e ? throw new PyException(e) : throw PyErr.TypeError("codec must pass exception instance");

    public static PyObject IgnoreErrors(PyObject exc) =>
        new PyTuple([PyStr.Empty, PyInt.From(ErrorInt(UnicodeErrorArg(exc), "end"))]);

    public static PyObject ReplaceErrors(PyObject exc)
    {
        var e = UnicodeErrorArg(exc);
        if (IsDecode(e))
        {
            return new PyTuple([new PyStr("\uFFFD"), PyInt.From(ErrorInt(e, "end"))]);
        }
        if (!IsEncode(e) && !IsTranslate(e))
        {
            throw WrongExceptionType(exc);
        }
        var cps = ErrorCodePoints(e, out var end);
        return new PyTuple([new PyStr(new string(IsEncode(e) ? '?' : '\uFFFD', cps.Length)), PyInt.From(end)]);
    }

    public static PyObject XmlCharRefReplaceErrors(PyObject exc)
    {
        var e = UnicodeErrorArg(exc);
        if (!IsEncode(e))
        {
            throw WrongExceptionType(exc);
        }
        var sb = new StringBuilder();
        var cps = ErrorCodePoints(e, out var end);
        foreach (var cp in cps)
        {
            sb.Append("&#").Append(cp.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(';');
        }
        return new PyTuple([new PyStr(sb.ToString()), PyInt.From(end)]);
    }

    private static void AppendBackslashed(StringBuilder sb, int cp)
    {
        if (cp < 0x100)
        {
            sb.Append("\\x").Append(cp.ToString("x2"));
        }
        else if (cp < 0x10000)
        {
            sb.Append("\\u").Append(cp.ToString("x4"));
        }
        else
        {
            sb.Append("\\U").Append(cp.ToString("x8"));
        }
    }

    public static PyObject BackslashReplaceErrors(PyObject exc)
    {
        var e = UnicodeErrorArg(exc);
        var sb = new StringBuilder();
        int end;
        if (IsDecode(e))
        {
            var data = ErrorBytes(e, out var start, out end);
            for (var i = start; i < end; i++)
            {
                sb.Append("\\x").Append(data[i].ToString("x2"));
            }
        }
        else if (IsEncode(e) || IsTranslate(e))
        {
            foreach (var cp in ErrorCodePoints(e, out end))
            {
                AppendBackslashed(sb, cp);
            }
        }
        else
        {
            throw WrongExceptionType(exc);
        }
        return new PyTuple([new PyStr(sb.ToString()), PyInt.From(end)]);
    }

    public static PyObject NameReplaceErrors(PyObject exc)
    {
        var e = UnicodeErrorArg(exc);
        if (!IsEncode(e))
        {
            throw WrongExceptionType(exc);
        }
        var sb = new StringBuilder();
        var cps = ErrorCodePoints(e, out var end);
        foreach (var cp in cps)
        {
            if (Taipan.Syntax.Unicode.UnicodeNames.TryGetName(cp, out var name))
            {
                sb.Append("\\N{").Append(name).Append('}');
            }
            else
            {
                AppendBackslashed(sb, cp);
            }
        }
        return new PyTuple([new PyStr(sb.ToString()), PyInt.From(end)]);
    }

    /// <summary>The UTF codec an error names, as <c>get_standard_encoding</c> reads it:
    /// 8, 16 or 32 bits, and the byte order (native = little endian here).</summary>
    private static int StandardEncoding(PyBaseException e, out bool little)
    {
        little = true;
        var enc = (Ops.GetAttr(e, PyStr.Intern("encoding")) as PyStr)?.Value.ToLowerInvariant() ?? throw PyErr.TypeError("encoding must be a string");
        if (!enc.StartsWith("utf", StringComparison.Ordinal))
        {
            return 0;
        }
        var rest = enc[3..];
        if (rest.StartsWith('-') || rest.StartsWith('_'))
        {
            rest = rest[1..];
        }
        if (rest == "8")
        {
            return 8;
        }
        if (!rest.StartsWith("16", StringComparison.Ordinal) && !rest.StartsWith("32", StringComparison.Ordinal))
        {
            return 0;
        }
        var bits = rest.StartsWith("16", StringComparison.Ordinal) ? 16 : 32;
        rest = rest[2..];
        if (rest.Length == 0)
        {
            return bits;
        }
        if (rest.StartsWith('-') || rest.StartsWith('_'))
        {
            rest = rest[1..];
        }
        if (rest is "le" or "be")
        {
            little = rest == "le";
            return bits;
        }
        return 0;
    }

    public static PyObject SurrogatePassErrors(PyObject exc)
    {
        var e = UnicodeErrorArg(exc);
        if (IsEncode(e))
        {
            var cps = ErrorCodePoints(e, out var end);
            var bits = StandardEncoding(e, out var little);
            if (bits == 0)
            {
                throw new PyException(e);
            }
            var output = new List<byte>();
            foreach (var cp in cps)
            {
                if (cp is < 0xD800 or > 0xDFFF)
                {
                    throw new PyException(e);
                }
                switch (bits)
                {
                    case 8:
                        output.Add((byte)(0xE0 | (cp >> 12)));
                        output.Add((byte)(0x80 | ((cp >> 6) & 0x3F)));
                        output.Add((byte)(0x80 | (cp & 0x3F)));
                        break;
                    default:
                        AppendUnit(output, cp, bits / 8, little);
                        break;
                }
            }
            return new PyTuple([new PyBytes([.. output]), PyInt.From(end)]);
        }
        if (IsDecode(e))
        {
            var data = ErrorBytes(e, out var start, out _);
            var bits = StandardEncoding(e, out var little);
            var length = bits == 8 ? 3 : bits / 8;
            if (bits == 0 || data.Length - start < length)
            {
                throw new PyException(e);
            }
            int ch;
            if (bits == 8)
            {
                if ((data[start] & 0xF0) != 0xE0 || (data[start + 1] & 0xC0) != 0x80 || (data[start + 2] & 0xC0) != 0x80)
                {
                    throw new PyException(e);
                }
                ch = ((data[start] & 0x0F) << 12) | ((data[start + 1] & 0x3F) << 6) | (data[start + 2] & 0x3F);
            }
            else
            {
                ch = ReadUnit(data, start, length, little);
            }
            if (ch is < 0xD800 or > 0xDFFF)
            {
                throw new PyException(e);
            }
            return new PyTuple([PyStr.FromCodePoint(ch), PyInt.From(start + length)]);
        }
        throw WrongExceptionType(exc);
    }

    public static PyObject SurrogateEscapeErrors(PyObject exc)
    {
        var e = UnicodeErrorArg(exc);
        if (IsEncode(e))
        {
            var cps = ErrorCodePoints(e, out var end);
            var output = new byte[cps.Length];
            for (var k = 0; k < cps.Length; k++)
            {
                if (cps[k] is < 0xDC80 or > 0xDCFF)
                {
                    throw new PyException(e);
                }
                output[k] = (byte)(cps[k] - 0xDC00);
            }
            return new PyTuple([new PyBytes(output), PyInt.From(end)]);
        }
        if (IsDecode(e))
        {
            var data = ErrorBytes(e, out var start, out var end);
            var sb = new StringBuilder(4);
            var consumed = 0;
            while (consumed < 4 && consumed < end - start && data[start + consumed] >= 128)
            {
                sb.Append((char)(0xDC00 + data[start + consumed]));
                consumed++;
            }
            if (consumed == 0)
            {
                throw new PyException(e);
            }
            return new PyTuple([new PyStr(sb.ToString()), PyInt.From(start + consumed)]);
        }
        throw WrongExceptionType(exc);
    }

    // ---- calling error handlers from the codecs ----

    /// <summary>Calls the <paramref name="errors"/> handler for undecodable bytes
    /// <c>input[start:end]</c>, appends its replacement, and returns where decoding resumes.</summary>
    internal static int CallDecodeHandler(string errors, StringBuilder output, string encoding, PyBytes input, int start, int end, string reason)
    {
        var exc = (PyBaseException)Ops.Call(PyExc.UnicodeDecodeError,
            [new PyStr(encoding), input, PyInt.From(start), PyInt.From(end), new PyStr(reason)], null);
        if (errors == "strict" && !CodecsModule.IsOverridden("strict"))
        {
            throw new PyException(exc);
        }
        var result = Ops.Call(CodecsModule.LookupError(errors), [exc], null);
        if (result is not PyTuple { Count: 2 } pair || pair[0] is not PyStr rep || pair[1] is not PyInt)
        {
            throw PyErr.TypeError("decoding error handler must return (str, int) tuple");
        }
        var length = input.Data.Length;
        var pos = ArgParse.ToLong(pair[1]);
        if (pos < 0)
        {
            pos += length;
        }
        if (pos < 0 || pos > length)
        {
            throw PyErr.IndexError($"position {ArgParse.ToLong(pair[1])} from error handler out of bounds");
        }
        output.Append(rep.Value);
        return (int)pos;
    }

    /// <summary>Calls the <paramref name="errors"/> handler for unencodable code points
    /// <c>input[start:end]</c>: the replacement (str or bytes) and the code point index where
    /// encoding resumes.</summary>
    internal static (PyObject Replacement, int NewPos) CallEncodeHandler(string errors, string encoding, PyStr input, int start, int end, string reason)
    {
        var exc = (PyBaseException)Ops.Call(PyExc.UnicodeEncodeError,
            [new PyStr(encoding), input, PyInt.From(start), PyInt.From(end), new PyStr(reason)], null);
        if (errors == "strict" && !CodecsModule.IsOverridden("strict"))
        {
            throw new PyException(exc);
        }
        var result = Ops.Call(CodecsModule.LookupError(errors), [exc], null);
        if (result is not PyTuple { Count: 2 } pair || pair[0] is not (PyStr or PyBytes) || pair[1] is not PyInt)
        {
            throw PyErr.TypeError("encoding error handler must return (str/bytes, int) tuple");
        }
        var length = input.CodePointCount;
        var pos = ArgParse.ToLong(pair[1]);
        if (pos < 0)
        {
            pos += length;
        }
        if (pos < 0 || pos > length)
        {
            throw PyErr.IndexError($"position {ArgParse.ToLong(pair[1])} from error handler out of bounds");
        }
        return (pair[0], (int)pos);
    }

    private static PyException EncodeErrorAt(string encoding, PyStr str, int start, int end, string reason) =>
        new((PyBaseException)Ops.Call(PyExc.UnicodeEncodeError,
            [new PyStr(encoding), str, PyInt.From(start), PyInt.From(end), new PyStr(reason)], null));

    internal static int[] CodePointsOf(PyStr s)
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

    private static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp < 0x10000)
        {
            sb.Append((char)cp);
        }
        else
        {
            sb.Append((char)(0xD800 + ((cp - 0x10000) >> 10)));
            sb.Append((char)(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        }
    }

    // ---- UTF-16 and UTF-32 ----

    private static void AppendUnit(List<byte> output, int unit, int size, bool little)
    {
        for (var k = 0; k < size; k++)
        {
            output.Add((byte)(unit >> (8 * (little ? k : size - 1 - k))));
        }
    }

    private static int ReadUnit(byte[] data, int pos, int size, bool little)
    {
        var v = 0;
        for (var k = 0; k < size; k++)
        {
            v |= data[pos + k] << (8 * (little ? k : size - 1 - k));
        }
        return v;
    }

    /// <summary>UTF-16 or UTF-32 encoding (<paramref name="size"/> 2 or 4); byteorder 0 writes a
    /// BOM and little endian, -1 little endian, 1 big endian. Surrogates go to the error
    /// handler one at a time, as in CPython.</summary>
    public static byte[] EncodeUtf16Or32(PyStr str, string? errors, int byteorder, int size)
    {
        var encoding = (size == 2 ? "utf-16" : "utf-32") + (byteorder < 0 ? "-le" : byteorder > 0 ? "-be" : "");
        var little = byteorder <= 0;
        var cps = CodePointsOf(str);
        var output = new List<byte>(cps.Length * size + 4);
        if (byteorder == 0)
        {
            AppendUnit(output, 0xFEFF, size, little);
        }
        for (var i = 0; i < cps.Length;)
        {
            var cp = cps[i];
            if (cp is < 0xD800 or > 0xDFFF)
            {
                AppendCodePointUnits(output, cp, size, little);
                i++;
                continue;
            }
            var (rep, newPos) = CallEncodeHandler(errors ?? "strict", encoding, str, i, i + 1, "surrogates not allowed");
            if (rep is PyBytes b)
            {
                if (b.Data.Length % size != 0)
                {
                    throw EncodeErrorAt(encoding, str, i, i + 1, "surrogates not allowed");
                }
                output.AddRange(b.Data);
            }
            else
            {
                foreach (var ch in ((PyStr)rep).Value)
                {
                    if (ch >= 0x80)
                    {
                        throw EncodeErrorAt(encoding, str, i, i + 1, "surrogates not allowed");
                    }
                    AppendUnit(output, ch, size, little);
                }
            }
            i = newPos;
        }
        return [.. output];
    }

    private static void AppendCodePointUnits(List<byte> output, int cp, int size, bool little)
    {
        if (size == 2 && cp >= 0x10000)
        {
            AppendUnit(output, 0xD800 + ((cp - 0x10000) >> 10), 2, little);
            AppendUnit(output, 0xDC00 + ((cp - 0x10000) & 0x3FF), 2, little);
        }
        else
        {
            AppendUnit(output, cp, size, little);
        }
    }

    /// <summary>With <paramref name="byteorder"/> 0, a byte order mark of <paramref name="size"/>
    /// bytes at the start sets it (-1 little endian, 1 big endian); returns the length of the
    /// mark read.</summary>
    private static int ReadByteOrderMark(byte[] data, int size, ref int byteorder)
    {
        if (byteorder != 0 || data.Length < size)
        {
            return 0;
        }
        var bom = ReadUnit(data, 0, size, little: true);
        if (bom == 0xFEFF)
        {
            byteorder = -1;
            return size;
        }
        if (bom == (size == 2 ? 0xFFFE : unchecked((int)0xFFFE0000)))
        {
            byteorder = 1;
            return size;
        }
        return 0;
    }

    /// <summary>UTF-16 or UTF-32 decoding (<paramref name="size"/> 2 or 4).
    /// <paramref name="byteorder"/> 0 reads a BOM at the start (and reports the order found),
    /// -1 is little endian, 1 big endian. Without <paramref name="final"/> an incomplete unit
    /// or pair at the end is left unconsumed.</summary>
    public static string DecodeUtf16Or32(byte[] data, string? errors, ref int byteorder, bool final, out int consumed, int size)
    {
        var input = new PyBytes(data);
        var pos = ReadByteOrderMark(data, size, ref byteorder);
        var little = byteorder <= 0;
        var encoding = size == 2 ? (little ? "utf-16-le" : "utf-16-be") : (little ? "utf-32-le" : "utf-32-be");
        var sb = new StringBuilder(data.Length / size);
        while (pos < data.Length)
        {
            if (data.Length - pos < size)
            {
                if (!final)
                {
                    break;
                }
                pos = CallDecodeHandler(errors ?? "strict", sb, encoding, input, pos, data.Length, "truncated data");
                continue;
            }
            var u = (uint)ReadUnit(data, pos, size, little);
            string reason;
            if (size == 4)
            {
                if (u < 0x110000 && u is < 0xD800 or > 0xDFFF)
                {
                    AppendCodePoint(sb, (int)u);
                    pos += 4;
                    continue;
                }
                reason = u >= 0x110000 ? "code point not in range(0x110000)" : "code point in surrogate code point range(0xd800, 0xe000)";
            }
            else if (u is < 0xD800 or > 0xDFFF)
            {
                sb.Append((char)u);
                pos += 2;
                continue;
            }
            else if (u >= 0xDC00)
            {
                reason = "illegal encoding";
            }
            else if (data.Length - pos < 4)
            {
                if (!final)
                {
                    break;
                }
                pos = CallDecodeHandler(errors ?? "strict", sb, encoding, input, pos, data.Length, "unexpected end of data");
                continue;
            }
            else if (ReadUnit(data, pos + 2, 2, little) is var u2 and >= 0xDC00 and <= 0xDFFF)
            {
                sb.Append((char)u).Append((char)u2);
                pos += 4;
                continue;
            }
            else
            {
                reason = "illegal UTF-16 surrogate";
            }
            pos = CallDecodeHandler(errors ?? "strict", sb, encoding, input, pos, pos + size, reason);
        }
        consumed = pos;
        return sb.ToString();
    }

    // ---- UTF-7 (RFC 2152) ----

    private const string Base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private static bool IsBase64(int c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/';

    private static int FromBase64(int c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' => 62,
        _ => 63,
    };

    /// <summary>Characters written as themselves: RFC 2152's set D, set O and white space (not
    /// '+', '\', '~' or other controls).</summary>
    private static bool EncodeDirect(int c) =>
        c is > 0 and < 128 && c is not ('+' or '\\' or '~') && (c >= 0x20 ? c != 0x7F : c is '\t' or '\n' or '\r');

    private static bool DecodeDirect(int c) => c <= 127 && c != '+';

    public static byte[] EncodeUtf7(PyStr str)
    {
        var output = new List<byte>(str.Value.Length + 8);
        var inShift = false;
        var bits = 0;
        var buffer = 0L;
        foreach (var unit in str.Value)
        {
            int ch = unit;
            if (inShift)
            {
                if (EncodeDirect(ch))
                {
                    if (bits > 0)
                    {
                        output.Add((byte)Base64Chars[(int)((buffer << (6 - bits)) & 0x3F)]);
                        buffer = 0;
                        bits = 0;
                    }
                    inShift = false;
                    if (IsBase64(ch) || ch == '-')
                    {
                        output.Add((byte)'-');
                    }
                    output.Add((byte)ch);
                    continue;
                }
            }
            else if (ch == '+')
            {
                output.Add((byte)'+');
                output.Add((byte)'-');
                continue;
            }
            else if (EncodeDirect(ch))
            {
                output.Add((byte)ch);
                continue;
            }
            else
            {
                output.Add((byte)'+');
                inShift = true;
            }
            // Astral characters are already two UTF-16 units in the .NET string.
            buffer = (buffer << 16) | (uint)ch;
            bits += 16;
            while (bits >= 6)
            {
                output.Add((byte)Base64Chars[(int)((buffer >> (bits - 6)) & 0x3F)]);
                bits -= 6;
            }
            buffer &= (1L << bits) - 1;
        }
        if (bits > 0)
        {
            output.Add((byte)Base64Chars[(int)((buffer << (6 - bits)) & 0x3F)]);
        }
        if (inShift)
        {
            output.Add((byte)'-');
        }
        return [.. output];
    }

    public static string DecodeUtf7(byte[] data, string? errors, bool final, out int consumed)
    {
        var input = new PyBytes(data);
        var sb = new StringBuilder(data.Length);
        var inShift = false;
        var startInPos = 0;
        var shiftOutStart = 0;
        var bits = 0;
        var buffer = 0L;
        var surrogate = 0;
        var s = 0;
        while (s < data.Length)
        {
            int ch = data[s];
            string reason;
            if (inShift)
            {
                if (IsBase64(ch))
                {
                    buffer = (buffer << 6) | (uint)FromBase64(ch);
                    bits += 6;
                    s++;
                    if (bits >= 16)
                    {
                        var outCh = (int)((buffer >> (bits - 16)) & 0xFFFF);
                        bits -= 16;
                        buffer &= (1L << bits) - 1;
                        if (surrogate != 0)
                        {
                            if (outCh is >= 0xDC00 and <= 0xDFFF)
                            {
                                sb.Append((char)surrogate).Append((char)outCh);
                                surrogate = 0;
                                continue;
                            }
                            sb.Append((char)surrogate);
                            surrogate = 0;
                        }
                        if (outCh is >= 0xD800 and <= 0xDBFF)
                        {
                            surrogate = outCh;
                        }
                        else
                        {
                            sb.Append((char)outCh);
                        }
                    }
                    continue;
                }
                inShift = false;
                if (bits > 0)
                {
                    if (bits >= 6)
                    {
                        s++;
                        reason = "partial character in shift sequence";
                        goto Error;
                    }
                    if (buffer != 0)
                    {
                        s++;
                        reason = "non-zero padding bits in shift sequence";
                        goto Error;
                    }
                }
                if (surrogate != 0 && DecodeDirect(ch))
                {
                    sb.Append((char)surrogate);
                }
                surrogate = 0;
                if (ch == '-')
                {
                    s++;
                }
                continue;
            }
            if (ch == '+')
            {
                startInPos = s;
                s++;
                if (s < data.Length && data[s] == '-')
                {
                    s++;
                    sb.Append('+');
                }
                else if (s < data.Length && !IsBase64(data[s]))
                {
                    s++;
                    reason = "ill-formed sequence";
                    goto Error;
                }
                else
                {
                    inShift = true;
                    surrogate = 0;
                    shiftOutStart = sb.Length;
                    bits = 0;
                    buffer = 0;
                }
                continue;
            }
            if (DecodeDirect(ch))
            {
                sb.Append((char)ch);
                s++;
                continue;
            }
            startInPos = s;
            s++;
            reason = "unexpected special character";
        Error:
            s = CallDecodeHandler(errors ?? "strict", sb, "utf7", input, startInPos, s, reason);
        }
        if (inShift && final)
        {
            inShift = false;
            if (surrogate != 0 || bits >= 6 || (bits > 0 && buffer != 0))
            {
                CallDecodeHandler(errors ?? "strict", sb, "utf7", input, startInPos, data.Length, "unterminated shift sequence");
            }
        }
        if (!final && inShift)
        {
            consumed = startInPos;
            sb.Length = shiftOutStart;
        }
        else
        {
            consumed = s;
        }
        return sb.ToString();
    }

    // ---- unicode_escape and raw_unicode_escape ----

    private static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    public static byte[] EncodeUnicodeEscape(PyStr str, bool raw)
    {
        var output = new List<byte>(str.Value.Length + 8);
        var s = str.Value;
        for (var i = 0; i < s.Length;)
        {
            var cp = PyStr.NextCodePoint(s, ref i);
            if (raw)
            {
                if (cp >= 0x10000)
                {
                    AppendAscii(output, "\\U" + cp.ToString("x8"));
                }
                else if (cp >= 0x100)
                {
                    AppendAscii(output, "\\u" + cp.ToString("x4"));
                }
                else
                {
                    output.Add((byte)cp);
                }
                continue;
            }
            switch (cp)
            {
                case '\\':
                    AppendAscii(output, "\\\\");
                    break;
                case '\t':
                    AppendAscii(output, "\\t");
                    break;
                case '\n':
                    AppendAscii(output, "\\n");
                    break;
                case '\r':
                    AppendAscii(output, "\\r");
                    break;
                case >= 0x20 and < 0x7F:
                    output.Add((byte)cp);
                    break;
                case < 0x100:
                    AppendAscii(output, "\\x" + cp.ToString("x2"));
                    break;
                case < 0x10000:
                    AppendAscii(output, "\\u" + cp.ToString("x4"));
                    break;
                default:
                    AppendAscii(output, "\\U" + cp.ToString("x8"));
                    break;
            }
        }
        return [.. output];
    }

    private static void AppendAscii(List<byte> output, string s)
    {
        foreach (var c in s)
        {
            output.Add((byte)c);
        }
    }

    /// <summary>The escapes unicode_escape and escape_decode share: the one-letter ones and
    /// up to three octal digits, as their value; -1 for another character. <paramref name="s"/>
    /// is just past <paramref name="c"/> and moves past the further octal digits.</summary>
    private static int SimpleEscape(ReadOnlySpan<byte> data, ref int s, byte c)
    {
        switch (c)
        {
            case (byte)'\\' or (byte)'\'' or (byte)'"':
                return c;
            case (byte)'b':
                return '\b';
            case (byte)'f':
                return '\f';
            case (byte)'t':
                return '\t';
            case (byte)'n':
                return '\n';
            case (byte)'r':
                return '\r';
            case (byte)'v':
                return '\v';
            case (byte)'a':
                return '\a';
            case >= (byte)'0' and <= (byte)'7':
                var x = c - '0';
                for (var digits = 1; digits < 3 && s < data.Length && data[s] is >= (byte)'0' and <= (byte)'7'; digits++)
                {
                    x = (x << 3) + data[s++] - '0';
                }
                return x;
            default:
                return -1;
        }
    }

    /// <summary>unicode_escape decoding: the escapes of a string literal, other bytes as
    /// Latin-1. Without <paramref name="final"/> an incomplete escape at the end is left
    /// unconsumed. <paramref name="firstInvalidEscape"/> is the offset of the first unknown
    /// escape (or -1), for the DeprecationWarning.</summary>
    public static string DecodeUnicodeEscape(byte[] data, string? errors, bool final, out int consumed, out int firstInvalidEscape)
    {
        var input = new PyBytes(data);
        var sb = new StringBuilder(data.Length);
        firstInvalidEscape = -1;
        var s = 0;
        var end = data.Length;
        consumed = end;
        while (s < end)
        {
            if (data[s] != '\\')
            {
                sb.Append((char)data[s++]);
                continue;
            }
            var startInPos = s;
            s++;
            string message;
            if (s >= end)
            {
                message = "\\ at end of string";
                goto Incomplete;
            }
            var c = data[s++];
            if (SimpleEscape(data, ref s, c) is var simple and >= 0)
            {
                sb.Append((char)simple);
                continue;
            }
            switch (c)
            {
                case (byte)'\n':
                    continue;
                case (byte)'x' or (byte)'u' or (byte)'U':
                    {
                        var count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                        message = c == 'x' ? "truncated \\xXX escape" : c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                        long ch = 0;
                        for (; count > 0; s++, count--)
                        {
                            if (s >= end)
                            {
                                goto Incomplete;
                            }
                            var h = HexValue(data[s]);
                            if (h < 0)
                            {
                                goto Error;
                            }
                            ch = (ch << 4) | (uint)h;
                        }
                        if (ch > 0x10FFFF)
                        {
                            message = "illegal Unicode character";
                            goto Error;
                        }
                        AppendCodePoint(sb, (int)ch);
                        continue;
                    }
                case (byte)'N':
                    {
                        message = "malformed \\N character escape";
                        if (s >= end)
                        {
                            goto Incomplete;
                        }
                        if (data[s] == '{')
                        {
                            var nameStart = ++s;
                            while (s < end && data[s] != '}')
                            {
                                s++;
                            }
                            if (s >= end)
                            {
                                goto Incomplete;
                            }
                            var nameLength = s - nameStart;
                            if (nameLength > 0)
                            {
                                s++;
                                var name = Encoding.Latin1.GetString(data, nameStart, nameLength);
                                if (Taipan.Syntax.Unicode.UnicodeNames.TryLookup(name, out var named))
                                {
                                    AppendCodePoint(sb, named);
                                    continue;
                                }
                                message = "unknown Unicode character name";
                            }
                        }
                        goto Error;
                    }
                default:
                    if (firstInvalidEscape < 0)
                    {
                        firstInvalidEscape = s - 1;
                    }
                    sb.Append('\\').Append((char)c);
                    continue;
            }
        Incomplete:
            if (!final)
            {
                consumed = startInPos;
                break;
            }
        Error:
            s = CallDecodeHandler(errors ?? "strict", sb, "unicodeescape", input, startInPos, Math.Min(s, end), message);
        }
        return sb.ToString();
    }

    /// <summary>raw_unicode_escape decoding: only \uXXXX and \UXXXXXXXX are escapes; every
    /// other byte is Latin-1.</summary>
    public static string DecodeRawUnicodeEscape(byte[] data, string? errors, bool final, out int consumed)
    {
        var input = new PyBytes(data);
        var sb = new StringBuilder(data.Length);
        var s = 0;
        var end = data.Length;
        consumed = end;
        while (s < end)
        {
            var c = data[s++];
            if (c != '\\')
            {
                sb.Append((char)c);
                continue;
            }
            if (s >= end)
            {
                sb.Append('\\');
                continue;
            }
            c = data[s++];
            if (c is not ((byte)'u' or (byte)'U'))
            {
                sb.Append('\\').Append((char)c);
                continue;
            }
            var startInPos = s - 2;
            var count = c == 'u' ? 4 : 8;
            var message = c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
            long ch = 0;
            for (; count > 0; s++, count--)
            {
                if (s >= end)
                {
                    if (!final)
                    {
                        consumed = startInPos;
                        return sb.ToString();
                    }
                    goto Error;
                }
                var h = HexValue(data[s]);
                if (h < 0)
                {
                    goto Error;
                }
                ch = (ch << 4) | (uint)h;
            }
            if (ch > 0x10FFFF)
            {
                message = "\\Uxxxxxxxx out of range";
                goto Error;
            }
            AppendCodePoint(sb, (int)ch);
            continue;
        Error:
            s = CallDecodeHandler(errors ?? "strict", sb, "rawunicodeescape", input, startInPos, s, message);
        }
        return sb.ToString();
    }

    // ---- escape_encode / escape_decode (bytes) ----

    public static byte[] EscapeEncode(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>(data.Length + 8);
        foreach (var b in data)
        {
            switch (b)
            {
                case (byte)'\\' or (byte)'\'':
                    output.Add((byte)'\\');
                    output.Add(b);
                    break;
                case (byte)'\t':
                    AppendAscii(output, "\\t");
                    break;
                case (byte)'\n':
                    AppendAscii(output, "\\n");
                    break;
                case (byte)'\r':
                    AppendAscii(output, "\\r");
                    break;
                case < 0x20 or >= 0x7F:
                    AppendAscii(output, "\\x" + b.ToString("x2"));
                    break;
                default:
                    output.Add(b);
                    break;
            }
        }
        return [.. output];
    }

    /// <summary>The escapes of a bytes literal (<c>_PyBytes_DecodeEscape</c>); errors may be
    /// strict, ignore or replace. <paramref name="firstInvalidEscape"/> as in
    /// <see cref="DecodeUnicodeEscape"/>.</summary>
    public static byte[] EscapeDecode(ReadOnlySpan<byte> data, string? errors, out int firstInvalidEscape)
    {
        var output = new List<byte>(data.Length);
        firstInvalidEscape = -1;
        var s = 0;
        var end = data.Length;
        while (s < end)
        {
            if (data[s] != '\\')
            {
                output.Add(data[s++]);
                continue;
            }
            s++;
            if (s == end)
            {
                throw PyErr.ValueError("Trailing \\ in string");
            }
            var c = data[s++];
            if (SimpleEscape(data, ref s, c) is var simple and >= 0)
            {
                output.Add((byte)simple);
                continue;
            }
            switch (c)
            {
                case (byte)'\n':
                    break;
                case (byte)'x':
                    if (s + 1 < end && HexValue(data[s]) >= 0 && HexValue(data[s + 1]) >= 0)
                    {
                        output.Add((byte)((HexValue(data[s]) << 4) | HexValue(data[s + 1])));
                        s += 2;
                        break;
                    }
                    switch (errors ?? "strict")
                    {
                        case "strict":
                            throw PyErr.ValueError($"invalid \\x escape at position {s - 2}");
                        case "replace":
                            output.Add((byte)'?');
                            break;
                        case "ignore":
                            break;
                        default:
                            throw PyErr.ValueError($"decoding error; unknown error handling code: {errors}");
                    }
                    // The malformed digits are skipped, as CPython does.
                    if (s < end && HexValue(data[s]) >= 0)
                    {
                        s++;
                    }
                    break;
                default:
                    if (firstInvalidEscape < 0)
                    {
                        firstInvalidEscape = s - 1;
                    }
                    output.Add((byte)'\\');
                    output.Add(c);
                    break;
            }
        }
        return [.. output];
    }
}
