// Objects/unicodeobject.c (_PyUnicode_DecodeUnicodeEscapeInternal), Objects/bytesobject.c (_PyBytes_DecodeEscape)
using System.Buffers;
using System.Globalization;
using System.Text;
using Taipan.Syntax.Unicode;

namespace Taipan.Syntax.Parser;

/// <summary>A decoding error of a literal: CPython's <c>UnicodeDecodeError</c> or
/// <c>ValueError</c>, which the parser reports as <c>SyntaxError: (kind) message</c>.</summary>
internal sealed class StringDecodeException(string kind, string message) : Exception(message)
{
    /// <summary><c>"unicode error"</c> or <c>"value error"</c>.</summary>
    public string Kind { get; } = kind;
}

/// <summary>Escape decoding of the body of a str or bytes literal (without prefix and quotes),
/// as <c>decode_unicode_with_escapes</c> and <c>decode_bytes_with_escapes</c> of
/// Parser/string_parser.c do it. Error positions are those CPython reports: for str they count
/// bytes of the buffer CPython builds, where every non-ASCII character is spelled
/// <c>\UXXXXXXXX</c> and a backslash before one is spelled <c>\u005c</c>.</summary>
internal static class StringEscapes
{
    /// <summary>Raw (or escape-free) str: UTF-8 decoding. The tokenizer has already turned
    /// CR LF and CR into LF, as CPython's does.</summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> s)
    {
        if (Ascii.IsValid(s))
        {
            return Encoding.Latin1.GetString(s);
        }
        CheckUtf8(s);
        return Encoding.UTF8.GetString(s);
    }

    /// <summary>A source without an encoding declaration may hold bytes that are not UTF-8;
    /// CPython's strict decoder rejects them when it decodes the literal, with positions
    /// counted from the start of what it decodes.</summary>
    private static void CheckUtf8(ReadOnlySpan<byte> s)
    {
        if (System.Text.Unicode.Utf8.IsValid(s))
        {
            return;
        }
        var i = 0;
        while (i < s.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(s[i..], out _, out var used) == OperationStatus.Done)
            {
                i += used;
                continue;
            }
            var (reason, end) = Tokenizer.Tokenizer.Utf8Error(s, i);
            var text = end - i == 1
                ? $"'utf-8' codec can't decode byte 0x{s[i]:x2} in position {i}: {reason}"
                : $"'utf-8' codec can't decode bytes in position {i}-{end - 1}: {reason}";
            throw new StringDecodeException("unicode error", text);
        }
    }

    /// <summary>True when the body has no backslash, so decoding is plain UTF-8.</summary>
    public static bool HasNoEscapes(ReadOnlySpan<byte> s) => s.IndexOf((byte)'\\') < 0;

    /// <summary><c>decode_unicode_with_escapes</c>. <paramref name="warning"/> receives the
    /// message of the first invalid escape, if any. The result is a <c>string</c>, or a
    /// <see cref="Ast.CodePointStr"/> when escaped lone surrogates sit next to each other.</summary>
    public static object DecodeUnicode(ReadOnlySpan<byte> s, out string? warning)
    {
        warning = null;
        List<int>? lone = null;
        char[]? rented = null;
        var buf = s.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(s.Length));
        var n = 0;
        var i = 0;
        try
        {
            while (i < s.Length)
            {
                var b = s[i];
                if (b >= 0x80)
                {
                    if (System.Text.Rune.DecodeFromUtf8(s[i..], out var rune, out var used) != OperationStatus.Done)
                    {
                        // decode_utf8 decodes the run of non-ASCII bytes on its own.
                        var run = i;
                        while (run < s.Length && s[run] >= 0x80)
                        {
                            run++;
                        }
                        CheckUtf8(s[i..run]);
                    }
                    n += rune.EncodeToUtf16(buf[n..]);
                    i += used;
                    continue;
                }
                if (b != '\\')
                {
                    buf[n++] = (char)b;
                    i++;
                    continue;
                }
                var start = i;
                i++;
                if (i >= s.Length || s[i] >= 0x80)
                {
                    // CPython spells this backslash \u005c: a literal backslash.
                    buf[n++] = '\\';
                    continue;
                }
                var c = s[i++];
                switch (c)
                {
                    case (byte)'\n':
                        continue;
                    case (byte)'\\': buf[n++] = '\\'; continue;
                    case (byte)'\'': buf[n++] = '\''; continue;
                    case (byte)'"': buf[n++] = '"'; continue;
                    case (byte)'b': buf[n++] = '\b'; continue;
                    case (byte)'f': buf[n++] = '\f'; continue;
                    case (byte)'t': buf[n++] = '\t'; continue;
                    case (byte)'n': buf[n++] = '\n'; continue;
                    case (byte)'r': buf[n++] = '\r'; continue;
                    case (byte)'v': buf[n++] = '\v'; continue;
                    case (byte)'a': buf[n++] = '\a'; continue;
                    case >= (byte)'0' and <= (byte)'7':
                    {
                        var ch = c - '0';
                        if (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'7')
                        {
                            ch = (ch << 3) + s[i++] - '0';
                            if (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'7')
                            {
                                ch = (ch << 3) + s[i++] - '0';
                            }
                        }
                        if (ch > 0xFF)
                        {
                            warning ??= OctalWarning(s.Slice(i - 3, 3));
                        }
                        buf[n++] = (char)ch;
                        continue;
                    }
                    case (byte)'x':
                        n += HexEscape(s, ref i, start, 2, "truncated \\xXX escape", buf[n..], ref lone, n);
                        continue;
                    case (byte)'u':
                        n += HexEscape(s, ref i, start, 4, "truncated \\uXXXX escape", buf[n..], ref lone, n);
                        continue;
                    case (byte)'U':
                        n += HexEscape(s, ref i, start, 8, "truncated \\UXXXXXXXX escape", buf[n..], ref lone, n);
                        continue;
                    case (byte)'N':
                    {
                        const string malformed = "malformed \\N character escape";
                        if (i >= s.Length || s[i] != '{')
                        {
                            throw UnicodeError(s, start, i, malformed);
                        }
                        var nameStart = ++i;
                        while (i < s.Length && s[i] != '}')
                        {
                            i++;
                        }
                        if (i >= s.Length || i == nameStart)
                        {
                            throw UnicodeError(s, start, i, malformed);
                        }
                        var name = s[nameStart..i];
                        i++;
                        if (!LookupName(name, out var cp))
                        {
                            throw UnicodeError(s, start, i, "unknown Unicode character name");
                        }
                        n += new Rune(cp).EncodeToUtf16(buf[n..]);
                        continue;
                    }
                    default:
                        warning ??= $"invalid escape sequence '\\{(char)c}'";
                        buf[n++] = '\\';
                        buf[n++] = (char)c;
                        continue;
                }
            }
            return Ast.CodePointStr.FromUtf16(buf[..n], lone);
        }
        finally
        {
            if (rented != null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static string OctalWarning(ReadOnlySpan<byte> digits) =>
        $"invalid octal escape sequence '\\{Encoding.ASCII.GetString(digits)}'";

    private static bool LookupName(ReadOnlySpan<byte> name, out int cp)
    {
        cp = 0;
        if (name.Length > 256)
        {
            return false;
        }
        Span<char> chars = stackalloc char[name.Length];
        for (var k = 0; k < name.Length; k++)
        {
            if (name[k] >= 0x80)
            {
                return false;
            }
            chars[k] = (char)name[k];
        }
        return UnicodeNames.TryLookup(chars, out cp);
    }

    /// <summary><c>\xXX</c>, <c>\uXXXX</c>, <c>\UXXXXXXXX</c>: writes the character (lone
    /// surrogates kept, their index <paramref name="at"/> added to <paramref name="lone"/>) and
    /// returns the number of chars written.</summary>
    private static int HexEscape(ReadOnlySpan<byte> s, ref int i, int start, int count, string message, Span<char> dest,
        ref List<int>? lone, int at)
    {
        uint ch = 0;
        for (; count > 0; count--, i++)
        {
            if (i >= s.Length)
            {
                throw UnicodeError(s, start, i, message);
            }
            var c = s[i];
            ch <<= 4;
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                ch += (uint)(c - '0');
            }
            else if (c is >= (byte)'a' and <= (byte)'f')
            {
                ch += (uint)(c - 'a' + 10);
            }
            else if (c is >= (byte)'A' and <= (byte)'F')
            {
                ch += (uint)(c - 'A' + 10);
            }
            else
            {
                throw UnicodeError(s, start, i, message);
            }
        }
        if (ch > 0x10FFFF)
        {
            throw UnicodeError(s, start, i, "illegal Unicode character");
        }
        if (ch <= 0xFFFF)
        {
            dest[0] = (char)ch;
            if (char.IsSurrogate(dest[0]))
            {
                (lone ??= []).Add(at);
            }
            return 1;
        }
        dest[0] = (char)(0xD800 + ((ch - 0x10000) >> 10));
        dest[1] = (char)(0xDC00 + ((ch - 0x10000) & 0x3FF));
        return 2;
    }

    private static StringDecodeException UnicodeError(ReadOnlySpan<byte> s, int start, int end, string message)
    {
        var startPos = CPythonBufferPosition(s, start);
        var endPos = CPythonBufferPosition(s, end);
        var text = endPos - startPos == 1
            ? $"'unicodeescape' codec can't decode byte 0x{(int)'\\':x2} in position {startPos}: {message}"
            : $"'unicodeescape' codec can't decode bytes in position {startPos}-{endPos - 1}: {message}";
        return new StringDecodeException("unicode error", text);
    }

    /// <summary>The offset in CPython's rewritten buffer (see the class comment) of byte
    /// <paramref name="index"/> of <paramref name="s"/>.</summary>
    internal static int CPythonBufferPosition(ReadOnlySpan<byte> s, int index)
    {
        var pos = 0;
        var i = 0;
        while (i < index && i < s.Length)
        {
            if (s[i] == '\\')
            {
                pos++;
                i++;
                if (i >= s.Length || s[i] >= 0x80)
                {
                    pos += 5;
                    continue;
                }
                // The character after a backslash is copied as it is.
                pos++;
                i++;
                continue;
            }
            if (s[i] >= 0x80)
            {
                System.Text.Rune.DecodeFromUtf8(s[i..], out _, out var used);
                i += used;
                pos += 10;
                continue;
            }
            pos++;
            i++;
        }
        return pos;
    }

    /// <summary><c>_PyBytes_DecodeEscape</c> (the body is ASCII).</summary>
    public static byte[] DecodeBytes(ReadOnlySpan<byte> s, out string? warning)
    {
        warning = null;
        var result = new byte[s.Length];
        var n = 0;
        var i = 0;
        while (i < s.Length)
        {
            var b = s[i];
            if (b != '\\')
            {
                result[n++] = b;
                i++;
                continue;
            }
            i++;
            if (i >= s.Length)
            {
                throw new StringDecodeException("value error", "Trailing \\ in string");
            }
            var c = s[i++];
            switch (c)
            {
                case (byte)'\n': break;
                case (byte)'\\': result[n++] = (byte)'\\'; break;
                case (byte)'\'': result[n++] = (byte)'\''; break;
                case (byte)'"': result[n++] = (byte)'"'; break;
                case (byte)'b': result[n++] = 8; break;
                case (byte)'f': result[n++] = 12; break;
                case (byte)'t': result[n++] = 9; break;
                case (byte)'n': result[n++] = 10; break;
                case (byte)'r': result[n++] = 13; break;
                case (byte)'v': result[n++] = 11; break;
                case (byte)'a': result[n++] = 7; break;
                case >= (byte)'0' and <= (byte)'7':
                {
                    var ch = c - '0';
                    if (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'7')
                    {
                        ch = (ch << 3) + s[i++] - '0';
                        if (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'7')
                        {
                            ch = (ch << 3) + s[i++] - '0';
                        }
                    }
                    if (ch > 0xFF)
                    {
                        warning ??= OctalWarning(s.Slice(i - 3, 3));
                    }
                    result[n++] = (byte)ch;
                    break;
                }
                case (byte)'x':
                    if (i + 1 < s.Length && HexValue(s[i]) is var d1 and >= 0 && HexValue(s[i + 1]) is var d2 and >= 0)
                    {
                        result[n++] = (byte)((d1 << 4) + d2);
                        i += 2;
                        break;
                    }
                    throw new StringDecodeException("value error",
                        string.Create(CultureInfo.InvariantCulture, $"invalid \\x escape at position {i - 2}"));
                default:
                    warning ??= $"invalid escape sequence '\\{(char)c}'";
                    result[n++] = (byte)'\\';
                    i--;
                    break;
            }
        }
        return n == result.Length ? result : result.AsSpan(0, n).ToArray();
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
