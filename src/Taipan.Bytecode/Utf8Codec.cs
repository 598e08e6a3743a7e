// Objects/unicodeobject.c (UTF-8 codec with the surrogatepass error handler)
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Taipan.Syntax.Ast;
using Taipan.Syntax.Errors;

namespace Taipan.Bytecode;

/// <summary>UTF-8 with <c>surrogatepass</c>, the encoding of marshal's str data: lone surrogates
/// travel as their 3-byte forms. Decoding errors are CPython's <c>UnicodeDecodeError</c>s.
/// Decoding gives a <c>string</c>, or a <see cref="CodePointStr"/> when a lone high surrogate is
/// followed by a lone low one (which a .NET string would pair into one character).</summary>
public static class Utf8Codec
{
    public static object Decode(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return "";
        }

        if (Ascii.IsValid(data))
        {
            return Encoding.ASCII.GetString(data);
        }

        // Strict UTF-8 covers everything but surrogates and errors.
        char[]? rented = null;
        var buffer = data.Length <= 512 ? stackalloc char[data.Length] : (rented = ArrayPool<char>.Shared.Rent(data.Length));
        try
        {
            if (Utf8.ToUtf16(data, buffer, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                return new string(buffer[..written]);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        return DecodeSlow(data);
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    private static object DecodeSlow(ReadOnlySpan<byte> s)
    {
        var sb = new StringBuilder(s.Length);
        List<int>? lone = null;
        var i = 0;
        var end = s.Length;
        while (i < end)
        {
            int ch = s[i];
            if (ch < 0x80)
            {
                sb.Append((char)ch);
                i++;
                continue;
            }

            string reason;
            int errEnd;
            if (ch < 0xE0)
            {
                if (ch < 0xC2)
                {
                    throw Error(s, i, i + 1, "invalid start byte");
                }

                if (end - i < 2)
                {
                    throw Error(s, i, end, "unexpected end of data");
                }

                if (!IsContinuation(s[i + 1]))
                {
                    throw Error(s, i, i + 1, "invalid continuation byte");
                }

                sb.Append((char)(((ch & 0x1F) << 6) | (s[i + 1] & 0x3F)));
                i += 2;
                continue;
            }

            if (ch < 0xF0)
            {
                var bad = false;
                if (end - i < 3)
                {
                    if (end - i >= 2)
                    {
                        var c2 = s[i + 1];
                        bad = !IsContinuation(c2) || (c2 < 0xA0 ? ch == 0xE0 : ch == 0xED);
                    }

                    (reason, errEnd) = bad ? ("invalid continuation byte", i + 1) : ("unexpected end of data", end);
                }
                else
                {
                    var c2 = s[i + 1];
                    var c3 = s[i + 2];
                    if (!IsContinuation(c2) || (c2 < 0xA0 ? ch == 0xE0 : ch == 0xED))
                    {
                        (reason, errEnd) = ("invalid continuation byte", i + 1);
                    }
                    else if (!IsContinuation(c3))
                    {
                        (reason, errEnd) = ("invalid continuation byte", i + 2);
                    }
                    else
                    {
                        sb.Append((char)(((ch & 0x0F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F)));
                        i += 3;
                        continue;
                    }
                }

                // surrogatepass: a complete 3-byte encoding of U+D800..U+DFFF passes.
                if (end - i >= 3 && ch == 0xED && (s[i + 1] & 0xE0) == 0xA0 && IsContinuation(s[i + 2]))
                {
                    (lone ??= []).Add(sb.Length);
                    sb.Append((char)(0xD000 | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F)));
                    i += 3;
                    continue;
                }

                throw Error(s, i, errEnd, reason);
            }

            if (ch < 0xF5)
            {
                if (end - i < 4)
                {
                    if (end - i < 2)
                    {
                        throw Error(s, i, end, "unexpected end of data");
                    }

                    var c2 = s[i + 1];
                    if (!IsContinuation(c2) || (c2 < 0x90 ? ch == 0xF0 : ch == 0xF4))
                    {
                        throw Error(s, i, i + 1, "invalid continuation byte");
                    }

                    if (end - i == 3 && !IsContinuation(s[i + 2]))
                    {
                        throw Error(s, i, i + 2, "invalid continuation byte");
                    }

                    throw Error(s, i, end, "unexpected end of data");
                }

                var d2 = s[i + 1];
                if (!IsContinuation(d2) || (d2 < 0x90 ? ch == 0xF0 : ch == 0xF4))
                {
                    throw Error(s, i, i + 1, "invalid continuation byte");
                }

                if (!IsContinuation(s[i + 2]))
                {
                    throw Error(s, i, i + 2, "invalid continuation byte");
                }

                if (!IsContinuation(s[i + 3]))
                {
                    throw Error(s, i, i + 3, "invalid continuation byte");
                }

                var cp = ((ch & 0x07) << 18) | ((d2 & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
                sb.Append(char.ConvertFromUtf32(cp));
                i += 4;
                continue;
            }

            throw Error(s, i, i + 1, "invalid start byte");
        }

        return lone is null ? sb.ToString() : CodePointStr.FromUtf16(sb.ToString(), lone);
    }

    private static PythonException Error(ReadOnlySpan<byte> s, int start, int end, string reason)
    {
        var message = end - start == 1
            ? $"'utf-8' codec can't decode byte 0x{s[start].ToString("x2", CultureInfo.InvariantCulture)} in position {start}: {reason}"
            : $"'utf-8' codec can't decode bytes in position {start}-{end - 1}: {reason}";
        return new PythonException("UnicodeDecodeError", message);
    }

    /// <summary>The UTF-8 (surrogatepass) length of <paramref name="s"/>.</summary>
    public static int EncodedLength(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            int c = s[i];
            if (c < 0x80)
            {
                n += 1;
            }
            else if (c < 0x800)
            {
                n += 2;
            }
            else if (char.IsHighSurrogate((char)c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                n += 4;
                i++;
            }
            else
            {
                n += 3;
            }
        }

        return n;
    }

    /// <summary>Writes <paramref name="s"/> into <paramref name="dest"/>, which has
    /// <see cref="EncodedLength"/> bytes; returns that count.</summary>
    public static int Encode(string s, Span<byte> dest)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            int c = s[i];
            if (c < 0x80)
            {
                dest[n++] = (byte)c;
            }
            else if (c < 0x800)
            {
                dest[n++] = (byte)(0xC0 | (c >> 6));
                dest[n++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsHighSurrogate((char)c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                var cp = char.ConvertToUtf32((char)c, s[i + 1]);
                i++;
                dest[n++] = (byte)(0xF0 | (cp >> 18));
                dest[n++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                dest[n++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                dest[n++] = (byte)(0x80 | (cp & 0x3F));
            }
            else
            {
                dest[n++] = (byte)(0xE0 | (c >> 12));
                dest[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                dest[n++] = (byte)(0x80 | (c & 0x3F));
            }
        }

        return n;
    }

    /// <summary>The UTF-8 (surrogatepass) bytes of a str that only code points can hold.</summary>
    public static byte[] Encode(CodePointStr s)
    {
        var bytes = new List<byte>(s.CodePoints.Length * 3);
        foreach (var cp in s.CodePoints)
        {
            if (cp < 0x80)
            {
                bytes.Add((byte)cp);
            }
            else if (cp < 0x800)
            {
                bytes.Add((byte)(0xC0 | (cp >> 6)));
                bytes.Add((byte)(0x80 | (cp & 0x3F)));
            }
            else if (cp < 0x10000)
            {
                bytes.Add((byte)(0xE0 | (cp >> 12)));
                bytes.Add((byte)(0x80 | ((cp >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (cp & 0x3F)));
            }
            else
            {
                bytes.Add((byte)(0xF0 | (cp >> 18)));
                bytes.Add((byte)(0x80 | ((cp >> 12) & 0x3F)));
                bytes.Add((byte)(0x80 | ((cp >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (cp & 0x3F)));
            }
        }

        return bytes.ToArray();
    }

    public static byte[] Encode(string s)
    {
        var result = new byte[EncodedLength(s)];
        Encode(s, result);
        return result;
    }
}
