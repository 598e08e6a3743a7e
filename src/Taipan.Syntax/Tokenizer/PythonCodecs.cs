// Lib/encodings/__init__.py (codec name lookup, as far as source decoding needs it)
using System.Text;
using Taipan.Syntax.Errors;

namespace Taipan.Syntax.Tokenizer;

/// <summary>Finds the .NET decoder for a Python codec name given in a coding cookie and decodes
/// strictly, with Python's error messages. Only text codecs that .NET provides are known.</summary>
internal static class PythonCodecs
{
    internal sealed record Codec(string Name, Encoding Encoding);

    static PythonCodecs() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The codec for <paramref name="name"/>, or null when Python would raise
    /// <c>LookupError: unknown encoding</c> (or the codec is not available here). A codec that
    /// is not a text encoding raises <c>LookupError</c> with Python's message.</summary>
    public static Codec? Lookup(string name)
    {
        string norm = Normalize(name);
        if (norm.Length == 0)
            return null;
        string canonical = Canonical(norm);
        if (NotText.Contains(canonical))
            throw new PythonException("LookupError",
                $"'{name}' is not a text encoding; use codecs.decode() to handle arbitrary codecs");
        var enc = DotNetEncoding(canonical);
        return enc == null ? null : new Codec(canonical, enc);
    }

    // The bytes-to-bytes and str-to-str codecs (encodings/*_codec.py, rot_13).
    private static readonly HashSet<string> NotText =
    [
        "base64", "base_64", "base64_codec", "bz2", "bz2_codec", "hex", "hex_codec", "quopri",
        "quotedprintable", "quoted_printable", "quopri_codec", "uu", "uu_codec", "zip", "zlib",
        "zlib_codec", "rot13", "rot_13",
    ];

    /// <summary>Decodes with errors='strict'; a failure raises <c>UnicodeDecodeError</c> with
    /// the message Python's codec gives.</summary>
    public static string Decode(Codec codec, ReadOnlySpan<byte> bytes)
    {
        if (codec.Name is "utf_8" or "utf_8_sig")
        {
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                int i = 0;
                while (Rune.DecodeFromUtf8(bytes[i..], out _, out int n) == System.Buffers.OperationStatus.Done)
                    i += n;
                var (reason, end) = Tokenizer.Utf8Error(bytes, i);
                throw DecodeError("utf-8", bytes, i, end, reason);
            }
        }
        else if (PythonCodecTables.UndefinedBytes.TryGetValue(codec.Name, out var undefined))
        {
            int bad = bytes.IndexOfAny(undefined);
            if (bad >= 0)
                throw DecodeError("charmap", bytes, bad, bad + 1, "character maps to <undefined>");
        }
        var enc = (Encoding)codec.Encoding.Clone();
        enc.DecoderFallback = DecoderFallback.ExceptionFallback;
        try
        {
            return enc.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            int pos = Math.Clamp(e.Index, 0, Math.Max(0, bytes.Length - 1));
            int unknown = e.BytesUnknown?.Length ?? 1;
            string name = codec.Name;
            string reason;
            int end = pos + 1;
            switch (codec.Name)
            {
                case "ascii":
                    reason = "ordinal not in range(128)";
                    break;
                case "utf_16" or "utf_16_le" or "utf_16_be" or "utf_32" or "utf_32_le" or "utf_32_be":
                    bool big = codec.Name.EndsWith("_be", StringComparison.Ordinal) ||
                        (codec.Name.Length == 6 && bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF);
                    name = (codec.Name.StartsWith("utf_16", StringComparison.Ordinal) ? "utf-16" : "utf-32") + (big ? "-be" : "-le");
                    bool utf16 = codec.Name.StartsWith("utf_16", StringComparison.Ordinal);
                    if (pos + unknown >= bytes.Length)
                    {
                        reason = "truncated data";
                    }
                    else
                    {
                        reason = utf16 ? "illegal UTF-16 surrogate" : "code point not in range(0x110000)";
                        end = Math.Min(bytes.Length, pos + (utf16 ? 2 : 4));
                    }
                    break;
                default:
                    if (codec.Encoding.IsSingleByte)
                    {
                        name = "charmap";
                        reason = "character maps to <undefined>";
                    }
                    else
                    {
                        reason = pos + unknown >= bytes.Length ? "incomplete multibyte sequence" : "illegal multibyte sequence";
                    }
                    break;
            }
            throw DecodeError(name, bytes, pos, end, reason);
        }
    }

    private static PythonException DecodeError(string codec, ReadOnlySpan<byte> bytes, int start, int end, string reason)
    {
        string what = end - start > 1 ? $"bytes in position {start}-{end - 1}" : $"byte 0x{bytes[start]:x2} in position {start}";
        return new PythonException("UnicodeDecodeError", $"'{codec}' codec can't decode {what}: {reason}");
    }

    /// <summary><c>encodings.normalize_encoding</c> plus lower-casing: runs of characters other
    /// than letters, digits and '.' become one '_'.</summary>
    private static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool punct = false;
        foreach (char ch in name)
        {
            if (char.IsAsciiLetterOrDigit(ch) || ch == '.')
            {
                if (punct && sb.Length > 0)
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(ch));
                punct = false;
            }
            else
            {
                punct = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>The most common of Python's aliases, mapped to its codec module names.</summary>
    private static string Canonical(string n)
    {
        switch (n)
        {
            case "utf8": case "u8": case "utf": case "utf8_ucs2": case "utf8_ucs4": case "cp65001": return "utf_8";
            case "utf_8_sig": return "utf_8_sig";
            case "646": case "ansi_x3.4_1968": case "ansi_x3_4_1968": case "ansi_x3.4_1986": case "cp367": case "csascii":
            case "ibm367": case "iso646_us": case "iso_646.irv_1991": case "iso_ir_6": case "us": case "us_ascii":
                return "ascii";
            case "latin": case "latin1": case "l1": case "iso_8859_1": case "iso8859": case "8859": case "cp819":
            case "iso_ir_100": case "csisolatin1": case "ibm819": case "iso_8859_1_1987":
                return "latin_1";
            case "u16": case "utf16": return "utf_16";
            case "utf_16be": case "unicodebigunmarked": return "utf_16_be";
            case "utf_16le": case "unicodelittleunmarked": return "utf_16_le";
            case "u32": case "utf32": return "utf_32";
            case "utf_32be": return "utf_32_be";
            case "utf_32le": return "utf_32_le";
            case "sjis": case "s_jis": case "shiftjis": case "csshiftjis": return "shift_jis";
            case "eucjp": case "ujis": case "u_jis": return "euc_jp";
            case "euckr": case "korean": case "ksc5601": case "ks_c_5601": case "ks_c_5601_1987": case "ksx1001": case "ks_x_1001": return "euc_kr";
            case "uhc": case "ms949": return "cp949";
            case "chinese": case "csiso58gb231280": case "euc_cn": case "euccn": case "eucgb2312_cn": case "gb2312_1980": case "gb2312_80": case "iso_ir_58": return "gb2312";
            case "936": case "cp936": case "ms936": return "gbk";
            case "gb18030_2000": return "gb18030";
            case "big5_tw": case "csbig5": return "big5";
            case "koi8r": return "koi8_r";
            case "koi8u": return "koi8_u";
            case "macroman": case "macintosh": return "mac_roman";
            case "437": case "ibm437": return "cp437";
            case "850": case "ibm850": return "cp850";
            case "866": case "ibm866": return "cp866";
        }
        if (n.StartsWith("windows_", StringComparison.Ordinal) && int.TryParse(n.AsSpan(8), out int w))
            return "cp" + w;
        // latin2..latin10, l2..l10 and the iso_8859_N spellings.
        foreach (var prefix in new[] { "iso_8859_", "iso8859_", "iso_8859" })
        {
            if (n.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = n.AsSpan(prefix.Length);
                int cut = rest.IndexOf('_');
                if (cut >= 0)
                    rest = rest[..cut];
                if (int.TryParse(rest, out int part))
                    return part == 1 ? "latin_1" : "iso8859_" + part;
            }
        }
        int[] latinParts = [0, 1, 2, 3, 4, 9, 10, 13, 14, 15, 16];
        var lat = n.StartsWith("latin", StringComparison.Ordinal) ? n.AsSpan(5) : n.StartsWith('l') ? n.AsSpan(1) : default;
        if (!lat.IsEmpty && int.TryParse(lat, out int li) && li >= 2 && li <= 10)
            return "iso8859_" + latinParts[li];
        return n;
    }

    private static Encoding? DotNetEncoding(string canonical)
    {
        switch (canonical)
        {
            case "utf_8": return new UTF8Encoding(false, true);
            case "utf_8_sig": return new UTF8Encoding(true, true);
            case "ascii": return new ASCIIEncoding();
            case "latin_1": return Encoding.Latin1;
            case "utf_16": return new UnicodeEncoding(false, true, true);
            case "utf_16_le": return new UnicodeEncoding(false, false, true);
            case "utf_16_be": return new UnicodeEncoding(true, false, true);
            case "utf_32": return new UTF32Encoding(false, true, true);
            case "utf_32_le": return new UTF32Encoding(false, false, true);
            case "utf_32_be": return new UTF32Encoding(true, false, true);
        }
        try
        {
            if (canonical.StartsWith("cp", StringComparison.Ordinal) && int.TryParse(canonical.AsSpan(2), out int cp))
                return Encoding.GetEncoding(cp);
            if (canonical.StartsWith("iso8859_", StringComparison.Ordinal))
                return Encoding.GetEncoding("iso-8859-" + canonical[8..]);
            if (canonical == "mac_roman")
                return Encoding.GetEncoding("macintosh");
            return Encoding.GetEncoding(canonical.Replace('_', '-'));
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
