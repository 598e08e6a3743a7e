// Modules/binascii.c
using System.Text;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using Taipan.Modules.Zlib;

namespace Taipan.Modules.Binascii;

/// <summary><c>binascii</c>: conversions between binary data and ASCII encodings (base64,
/// hex, quoted-printable, uuencode) and the crc32/crc_hqx checksums, with CPython's
/// tolerances and messages.</summary>
[PyModule("binascii", Doc = "Conversion between binary data and ASCII")]
public static partial class BinasciiModule
{
    private const int MaxLineSize = 76;

    private static PyType? s_error;
    private static PyType? s_incomplete;

    internal static PyType Error => s_error ??= MakeException("Error", PyExc.ValueError);

    internal static PyType Incomplete => s_incomplete ??= MakeException("Incomplete", PyExc.Exception);

    private static PyType MakeException(string name, PyType baseType)
    {
        var ns = new PyDict();
        ns.SetItem(new PyStr("__module__"), new PyStr("binascii"));
        return (PyType)Ops.Call(PyType.TypeObject, [new PyStr(name), PyTuple.Create(baseType), ns], null);
    }

    private static PyException Fail(string message) => PyErr.New(Error, message);

    private static readonly sbyte[] s_base64Decode = MakeBase64Decode();
    private static readonly ushort[] s_crcHqx = MakeCrcHqx();

    private static ReadOnlySpan<byte> Base64Alphabet => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8;

    private static ReadOnlySpan<byte> HexUpper => "0123456789ABCDEF"u8;

    private static sbyte[] MakeBase64Decode()
    {
        var t = new sbyte[256];
        Array.Fill(t, (sbyte)-1);
        for (var i = 0; i < 64; i++)
        {
            t[Base64Alphabet[i]] = (sbyte)i;
        }
        return t;
    }

    /// <summary>The CRC-CCITT table (polynomial 0x1021, most significant bit first).</summary>
    private static ushort[] MakeCrcHqx()
    {
        var t = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var c = i << 8;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
            }
            t[i] = (ushort)c;
        }
        return t;
    }

    /// <summary>Argument of the a2b_* functions: a bytes-like object or an ASCII-only str.</summary>
    internal static ReadOnlySpan<byte> AsciiBuffer(PyObject o)
    {
        if (o is PyStr s)
        {
            var v = s.Value;
            foreach (var c in v)
            {
                if (c > 127)
                {
                    throw PyErr.ValueError("string argument should contain only ASCII characters");
                }
            }
            return Encoding.Latin1.GetBytes(v);
        }
        if (BufferProtocol.TryRead(o, out var data))
        {
            return data;
        }
        throw PyErr.TypeError($"argument should be bytes, buffer or ASCII string, not '{o.Type.Name}'");
    }

    /// <summary>Argument Clinic's <c>unsigned_int(bitwise=True)</c>: any integer, masked to 32 bits.</summary>
    internal static uint UnsignedIntMask(PyObject o)
    {
        var i = Ops.Index(o);
        return i.IsSmall ? unchecked((uint)i.Small) : (uint)(i.Value & uint.MaxValue);
    }

    [PyMethod("a2b_uu", Doc = "Decode a line of uuencoded data.")]
    public static PyBytes A2bUu(PyObject data)
    {
        var ascii = AsciiBuffer(data);
        // The first character is the length; an empty line reads as a NUL there, as in C.
        var binLen = ((ascii.Length > 0 ? ascii[0] : 0) - ' ') & 0x3f;
        var pos = 1;
        var result = new byte[binLen];
        var outPos = 0;
        var leftChar = 0u;
        var leftBits = 0;
        while (outPos < binLen)
        {
            int ch = pos < ascii.Length ? ascii[pos] : 0;
            if (ch is '\n' or '\r' || pos >= ascii.Length)
            {
                // Whitespace eaten at the end of the line reads as zero bits.
                ch = 0;
            }
            else
            {
                // 64 rather than 63: some encoders write '`' for zero.
                if (ch < ' ' || ch > ' ' + 64)
                {
                    throw Fail("Illegal char");
                }
                ch = (ch - ' ') & 0x3f;
            }
            pos++;
            leftChar = (leftChar << 6) | (uint)ch;
            leftBits += 6;
            if (leftBits >= 8)
            {
                leftBits -= 8;
                result[outPos++] = (byte)(leftChar >> leftBits);
                leftChar &= (1u << leftBits) - 1;
            }
        }
        for (; pos < ascii.Length; pos++)
        {
            var ch = ascii[pos];
            if (ch != ' ' && ch != ' ' + 64 && ch != '\n' && ch != '\r')
            {
                throw Fail("Trailing garbage");
            }
        }
        return new PyBytes(result);
    }

    private static readonly string[] s_b2aUuNames = ["", "backtick"];

    [PyMethod("b2a_uu", Doc = "Uuencode line of data.")]
    public static PyObject B2aUuArgs(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ZlibModule.UnpackPositionalOnly("b2a_uu", args, kwnames, s_b2aUuNames, 1, 1, buffer);
        return B2aUu(buffer[0]!, buffer[1] is { } flag ? Ops.IsTrue(flag) : false);
    }

    internal static PyBytes B2aUu(PyObject data, bool backtick)
    {
        var bin = BufferProtocol.Read(data);
        if (bin.Length > 45)
        {
            // The 45 is a limit that appears in all uuencode's.
            throw Fail("At most 45 bytes at once");
        }
        var result = new byte[2 + (bin.Length + 2) / 3 * 4];
        var o = 0;
        result[o++] = backtick && bin.Length == 0 ? (byte)'`' : (byte)(' ' + bin.Length);
        var leftChar = 0u;
        var leftBits = 0;
        for (var i = 0; i < bin.Length || leftBits != 0; i++)
        {
            leftChar = i < bin.Length ? (leftChar << 8) | bin[i] : leftChar << 8;
            leftBits += 8;
            while (leftBits >= 6)
            {
                var c = (leftChar >> (leftBits - 6)) & 0x3f;
                leftBits -= 6;
                result[o++] = backtick && c == 0 ? (byte)'`' : (byte)(c + ' ');
            }
        }
        result[o++] = (byte)'\n';
        return new PyBytes(o == result.Length ? result : result.AsSpan(0, o).ToArray());
    }

    private static readonly string[] s_a2bBase64Names = ["", "strict_mode"];

    [PyMethod("a2b_base64", Doc = "Decode a line of base64 data.\n\n  strict_mode\n    When set to True, bytes that are not part of the base64 standard are not allowed.\n    The same applies to excess data after padding (= / ==).")]
    public static PyObject A2bBase64Args(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ZlibModule.UnpackPositionalOnly("a2b_base64", args, kwnames, s_a2bBase64Names, 1, 1, buffer);
        return A2bBase64(buffer[0]!, buffer[1] is { } flag ? Ops.IsTrue(flag) : false);
    }

    internal static PyBytes A2bBase64(PyObject data, bool strict_mode)
    {
        var ascii = AsciiBuffer(data);
        if (strict_mode && ascii.Length > 0 && ascii[0] == '=')
        {
            throw Fail("Leading padding not allowed");
        }
        var result = new byte[(ascii.Length + 3) / 4 * 3];
        var o = 0;
        var quadPos = 0;
        var leftChar = 0;
        var pads = 0;
        var paddingStarted = false;
        for (var i = 0; i < ascii.Length; i++)
        {
            var ch = ascii[i];
            if (ch == '=')
            {
                paddingStarted = true;
                // A full pad sequence ends the data; what follows is ignored unless strict.
                if (quadPos >= 2 && quadPos + ++pads >= 4)
                {
                    if (strict_mode && i + 1 < ascii.Length)
                    {
                        throw Fail("Excess data after padding");
                    }
                    return new PyBytes(result.AsSpan(0, o).ToArray());
                }
                continue;
            }
            int v = s_base64Decode[ch];
            if (v < 0)
            {
                if (strict_mode)
                {
                    throw Fail("Only base64 data is allowed");
                }
                continue;
            }
            if (strict_mode && paddingStarted)
            {
                throw Fail("Discontinuous padding not allowed");
            }
            pads = 0;
            switch (quadPos)
            {
                case 0:
                    quadPos = 1;
                    leftChar = v;
                    break;
                case 1:
                    quadPos = 2;
                    result[o++] = (byte)((leftChar << 2) | (v >> 4));
                    leftChar = v & 0x0f;
                    break;
                case 2:
                    quadPos = 3;
                    result[o++] = (byte)((leftChar << 4) | (v >> 2));
                    leftChar = v & 0x03;
                    break;
                default:
                    quadPos = 0;
                    result[o++] = (byte)((leftChar << 6) | v);
                    leftChar = 0;
                    break;
            }
        }
        if (quadPos == 1)
        {
            throw Fail($"Invalid base64-encoded string: number of data characters ({o / 3 * 4 + 1}) cannot be 1 more than a multiple of 4");
        }
        if (quadPos != 0)
        {
            throw Fail("Incorrect padding");
        }
        return new PyBytes(o == result.Length ? result : result.AsSpan(0, o).ToArray());
    }

    private static readonly string[] s_b2aBase64Names = ["", "newline"];

    [PyMethod("b2a_base64", Doc = "Base64-code line of data.")]
    public static PyObject B2aBase64Args(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ZlibModule.UnpackPositionalOnly("b2a_base64", args, kwnames, s_b2aBase64Names, 1, 1, buffer);
        return B2aBase64(buffer[0]!, buffer[1] is { } flag ? Ops.IsTrue(flag) : true);
    }

    internal static PyBytes B2aBase64(PyObject data, bool newline)
    {
        var bin = BufferProtocol.Read(data);
        var result = new byte[(bin.Length + 2) / 3 * 4 + (newline ? 1 : 0)];
        var o = 0;
        var i = 0;
        var alphabet = Base64Alphabet;
        for (; i + 2 < bin.Length; i += 3)
        {
            var n = (bin[i] << 16) | (bin[i + 1] << 8) | bin[i + 2];
            result[o++] = alphabet[n >> 18];
            result[o++] = alphabet[(n >> 12) & 0x3f];
            result[o++] = alphabet[(n >> 6) & 0x3f];
            result[o++] = alphabet[n & 0x3f];
        }
        var rest = bin.Length - i;
        if (rest == 1)
        {
            result[o++] = alphabet[bin[i] >> 2];
            result[o++] = alphabet[(bin[i] & 3) << 4];
            result[o++] = (byte)'=';
            result[o++] = (byte)'=';
        }
        else if (rest == 2)
        {
            result[o++] = alphabet[bin[i] >> 2];
            result[o++] = alphabet[((bin[i] & 3) << 4) | (bin[i + 1] >> 4)];
            result[o++] = alphabet[(bin[i + 1] & 0xf) << 2];
            result[o++] = (byte)'=';
        }
        if (newline)
        {
            result[o] = (byte)'\n';
        }
        return new PyBytes(result);
    }

    [PyMethod("crc_hqx", Doc = "Compute CRC-CCITT incrementally.")]
    public static long CrcHqx(PyObject data, PyObject crc)
    {
        var bin = BufferProtocol.Read(data);
        var c = UnsignedIntMask(crc) & 0xffff;
        var table = s_crcHqx;
        foreach (var b in bin)
        {
            c = ((c << 8) & 0xff00) ^ table[(c >> 8) ^ b];
        }
        return c;
    }

    [PyMethod("crc32", Doc = "Compute CRC-32 incrementally.")]
    public static long Crc32(PyObject data, PyObject? crc = null)
    {
        var bin = BufferProtocol.Read(data);
        return ZlibNative.Crc32(crc is null ? 0 : UnsignedIntMask(crc), bin);
    }

    [PyMethod("b2a_hex", Keywords = true, Doc = "Hexadecimal representation of binary data.")]
    public static PyBytes B2aHex(PyObject data, PyObject? sep = null, PyObject? bytes_per_sep = null) => Hexlify(data, sep, bytes_per_sep);

    [PyMethod("hexlify", Keywords = true, Doc = "Hexadecimal representation of binary data.")]
    public static PyBytes Hexlify(PyObject data, PyObject? sep = null, PyObject? bytes_per_sep = null)
    {
        var bin = BufferProtocol.Read(data);
        var digits = "0123456789abcdef"u8;
        var group = sep is null ? 0 : (bytes_per_sep is null ? 1 : ArgParse.ToInt(bytes_per_sep));
        var sepChar = sep is null ? (byte)0 : SeparatorByte(sep);
        var absGroup = Math.Abs((long)group);
        if (absGroup >= bin.Length)
        {
            group = 0;
        }
        var chunks = group == 0 || bin.Length == 0 ? 0 : (bin.Length - 1) / (int)absGroup;
        var result = new byte[bin.Length * 2 + chunks];
        var o = 0;
        // Groups are counted from the right for a positive bytes_per_sep, from the left otherwise.
        for (var i = 0; i < bin.Length; i++)
        {
            if (group != 0 && i > 0 && (group > 0 ? bin.Length - i : i) % absGroup == 0)
            {
                result[o++] = sepChar;
            }
            result[o++] = digits[bin[i] >> 4];
            result[o++] = digits[bin[i] & 0xf];
        }
        return new PyBytes(result);
    }

    /// <summary>The separator of hexlify, checked as _Py_strhex_impl checks it.</summary>
    private static byte SeparatorByte(PyObject sep)
    {
        if (Ops.Length(sep) != 1)
        {
            throw PyErr.ValueError("sep must be length 1.");
        }
        return sep switch
        {
            PyStr s when s.Value[0] < 256 => (byte)s.Value[0],
            PyStr => throw PyErr.ValueError("sep must be ASCII."),
            PyBytes b => b.Data[0],
            _ => throw PyErr.TypeError("sep must be str or bytes."),
        };
    }

    [PyMethod("a2b_hex", Doc = "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits (upper or lower case).\nThis function is also available as \"unhexlify()\".")]
    public static PyBytes A2bHex(PyObject hexstr) => Unhexlify(hexstr);

    [PyMethod("unhexlify", Doc = "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits (upper or lower case).")]
    public static PyBytes Unhexlify(PyObject hexstr)
    {
        var ascii = AsciiBuffer(hexstr);
        if ((ascii.Length & 1) != 0)
        {
            throw Fail("Odd-length string");
        }
        var result = new byte[ascii.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            var hi = HexValue(ascii[2 * i]);
            var lo = HexValue(ascii[2 * i + 1]);
            if ((hi | lo) < 0)
            {
                throw Fail("Non-hexadecimal digit found");
            }
            result[i] = (byte)((hi << 4) | lo);
        }
        return new PyBytes(result);
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    [PyMethod("a2b_qp", Keywords = true, Doc = "Decode a string of qp-encoded data.")]
    public static PyBytes A2bQp(PyObject data, bool header = false)
    {
        var ascii = AsciiBuffer(data);
        var result = new byte[ascii.Length];
        var o = 0;
        var i = 0;
        while (i < ascii.Length)
        {
            var c = ascii[i];
            if (c == '=')
            {
                i++;
                if (i >= ascii.Length)
                {
                    break;
                }
                if (ascii[i] is (byte)'\n' or (byte)'\r')
                {
                    // A soft line break: skip to the end of the line.
                    if (ascii[i] != '\n')
                    {
                        while (i < ascii.Length && ascii[i] != '\n')
                        {
                            i++;
                        }
                    }
                    if (i < ascii.Length)
                    {
                        i++;
                    }
                }
                else if (ascii[i] == '=')
                {
                    // "==" from broken encoders stands for '='.
                    result[o++] = (byte)'=';
                    i++;
                }
                else if (i + 1 < ascii.Length && HexValue(ascii[i]) >= 0 && HexValue(ascii[i + 1]) >= 0)
                {
                    result[o++] = (byte)((HexValue(ascii[i]) << 4) | HexValue(ascii[i + 1]));
                    i += 2;
                }
                else
                {
                    result[o++] = (byte)'=';
                }
            }
            else if (header && c == '_')
            {
                result[o++] = (byte)' ';
                i++;
            }
            else
            {
                result[o++] = c;
                i++;
            }
        }
        return new PyBytes(result.AsSpan(0, o).ToArray());
    }

    [PyMethod("b2a_qp", Keywords = true, Doc = "Encode a string using quoted-printable encoding.\n\nOn encoding, when istext is set, newlines are not encoded, and white\nspace at end of lines is.  When istext is not set, \\r and \\n (CR/LF)\nare both encoded.  When quotetabs is set, space and tabs are encoded.")]
    public static PyBytes B2aQp(PyObject data, bool quotetabs = false, bool istext = true, bool header = false)
    {
        var bin = BufferProtocol.Read(data);
        // The line ends of the output follow the first line end of the input.
        var nl = bin.IndexOf((byte)'\n');
        var crlf = nl > 0 && bin[nl - 1] == '\r';
        var output = new List<byte>(bin.Length + bin.Length / 2 + 8);
        var lineLen = 0;
        var i = 0;
        var n = bin.Length;
        while (i < n)
        {
            var c = bin[i];
            var mustQuote = c > 126
                || c == '='
                || (header && c == '_')
                || (c == '.' && lineLen == 0 && (i + 1 == n || bin[i + 1] is (byte)'\n' or (byte)'\r' or 0))
                || (!istext && c is (byte)'\r' or (byte)'\n')
                || (c is (byte)'\t' or (byte)' ' && i + 1 == n)
                || (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
            if (mustQuote)
            {
                if (lineLen + 3 >= MaxLineSize)
                {
                    SoftBreak(output, crlf);
                    lineLen = 0;
                }
                output.Add((byte)'=');
                output.Add(HexUpper[c >> 4]);
                output.Add(HexUpper[c & 0xf]);
                i++;
                lineLen += 3;
            }
            else if (istext && (c == '\n' || (i + 1 < n && c == '\r' && bin[i + 1] == '\n')))
            {
                lineLen = 0;
                // Whitespace at the end of a line is protected by quoting it.
                if (output.Count > 0 && output[^1] is (byte)' ' or (byte)'\t')
                {
                    var last = output[^1];
                    output[^1] = (byte)'=';
                    output.Add(HexUpper[last >> 4]);
                    output.Add(HexUpper[last & 0xf]);
                }
                if (crlf)
                {
                    output.Add((byte)'\r');
                }
                output.Add((byte)'\n');
                i += c == '\r' ? 2 : 1;
            }
            else
            {
                if (i + 1 != n && bin[i + 1] != '\n' && lineLen + 1 >= MaxLineSize)
                {
                    SoftBreak(output, crlf);
                    lineLen = 0;
                }
                lineLen++;
                output.Add(header && c == ' ' ? (byte)'_' : c);
                i++;
            }
        }
        return new PyBytes([.. output]);
    }

    private static void SoftBreak(List<byte> output, bool crlf)
    {
        output.Add((byte)'=');
        if (crlf)
        {
            output.Add((byte)'\r');
        }
        output.Add((byte)'\n');
    }

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("Error", Error);
        module.AddBuiltin("Incomplete", Incomplete);
    }
}
