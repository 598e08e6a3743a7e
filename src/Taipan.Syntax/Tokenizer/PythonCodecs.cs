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
    /// <c>LookupError: unknown encoding</c> (or the codec is not available here).</summary>
    public static Codec? Lookup(string name)
    {
        string norm = Normalize(name);
        if (norm.Length == 0)
            return null;
        string canonical = Canonical(norm);
        var enc = DotNetEncoding(canonical);
        return enc == null ? null : new Codec(canonical, enc);
    }

    /// <summary>Decodes with errors='strict'; a failure raises <c>UnicodeDecodeError</c> with
    /// the message Python's codec gives.</summary>
    public static string Decode(Codec codec, ReadOnlySpan<byte> bytes)
    {
        var enc = (Encoding)codec.Encoding.Clone();
        enc.DecoderFallback = DecoderFallback.ExceptionFallback;
        try
        {
            if (PythonCodecTables.UndefinedBytes.TryGetValue(codec.Name, out var undefined))
            {
                int bad = bytes.IndexOfAny(undefined);
                if (bad >= 0)
                    throw new DecoderFallbackException("undefined", [bytes[bad]], bad);
            }
            return enc.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            int pos = e.Index >= 0 ? e.Index : 0;
            var bad = e.BytesUnknown;
            byte b = bad is { Length: > 0 } ? bad[0] : (pos < bytes.Length ? bytes[pos] : (byte)0);
            string reason = codec.Name switch
            {
                "ascii" => "ordinal not in range(128)",
                "utf_8" => "invalid start byte",
                _ when codec.Encoding.IsSingleByte => "character maps to <undefined>",
                _ => "illegal multibyte sequence",
            };
            string name = codec.Name switch
            {
                "ascii" => "ascii",
                "utf_8" => "utf-8",
                _ when codec.Encoding.IsSingleByte && !codec.Name.StartsWith("iso8859", StringComparison.Ordinal) => "charmap",
                _ => codec.Name,
            };
            throw new PythonException("UnicodeDecodeError",
                $"'{name}' codec can't decode byte 0x{b:x2} in position {pos}: {reason}");
        }
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
