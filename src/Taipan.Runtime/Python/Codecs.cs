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

    private static PyException UnknownHandler(string errors) => PyErr.New(PyExc.LookupError, $"unknown error handler name '{errors}'");

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
                    throw UnknownHandler(errors);
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
                case "surrogatepass":
                    throw EncodeError(codec, str, index, index + run.Count, reason);
                default:
                    throw UnknownHandler(errors);
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
}
