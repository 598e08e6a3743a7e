// Parser/tokenizer.c (decoding of the source: PEP 263, BOM, UTF-8)
using System.Text;
using Taipan.Syntax.Errors;

namespace Taipan.Syntax.Tokenizer;

/// <summary>Source code as the tokenizer reads it: UTF-8 bytes, whatever the file's declared
/// encoding was, with a table of line starts.</summary>
/// <remarks>
/// <para>Newlines are translated as CPython's tokenizer translates them (<c>\r\n</c> and a lone
/// <c>\r</c> become <c>\n</c>), so byte offsets refer to the translated text. No newline is
/// appended: the tokenizer supplies the implicit final newline itself (see
/// <see cref="Tokenizer.ImplicitNewline"/>).</para>
/// <para><see cref="FromBytes"/> follows <c>compile(bytes, ...)</c> (also used by the import
/// system): without a BOM or cookie the bytes are passed through undecoded, and invalid UTF-8
/// is reported later, by the tokenizer (identifiers) or the string parser, as a
/// "(unicode error) ..." SyntaxError. <see cref="FromFile"/> follows running a script
/// (<c>python3.11 file.py</c>), whose reader checks each line as it reads it ("Non-UTF-8 code
/// starting with ...", raised by the tokenizer when it reaches the line).</para>
/// <para>NUL bytes: <c>compile()</c> and <c>ast.parse()</c> of a str or bytes containing a NUL
/// raise <c>ValueError: source code string cannot contain null bytes</c> before tokenizing;
/// callers check <see cref="ContainsNul"/> (or call <see cref="ThrowIfContainsNul"/>).
/// <see cref="FromFile"/> instead drops the rest of a line after a NUL, as the C file reader
/// does, so the result never contains one.</para>
/// </remarks>
public sealed class SourceText
{
    /// <summary>The UTF-8 source. Its declared encoding (PEP 263 cookie or BOM) has already
    /// been applied; invalid input was reported as CPython reports it.</summary>
    public byte[] Utf8 { get; }

    public string Filename { get; }

    /// <summary>CPython's <c>tok-&gt;encoding</c>: null when the bytes carried neither a BOM nor
    /// a coding cookie (then the parser reports byte columns in errors, not characters, as
    /// CPython does), <c>"utf-8"</c> for a BOM, a utf-8 cookie or str input, otherwise the
    /// cookie's (normalised) name.</summary>
    public string? Encoding { get; }

    /// <summary>True when <see cref="Utf8"/> contains a NUL byte.</summary>
    public bool ContainsNul { get; }

    /// <summary>True for <see cref="FromFile"/>: CPython's file reader differs from string input
    /// in where errors at the end of the input point, and error texts come from the file.</summary>
    public bool IsFileInput { get; private init; }

    /// <summary>Whether the bytes started with a UTF-8 BOM (removed from <see cref="Utf8"/>).</summary>
    public bool HasBom { get; private init; }

    /// <summary>String input whose raw text ended with "\r\n": CPython's
    /// <c>translate_newlines</c> then gives exec input one more newline (an extra empty
    /// line, seen in "detected at line N" messages).</summary>
    internal bool EndsWithCrLf { get; private init; }

    /// <summary>File input without a declared encoding: the first line that is not valid
    /// UTF-8 (0 for none) and its first bad byte. The tokenizer raises "Non-UTF-8 code ..."
    /// when it reads that line, as CPython's file reader does.</summary>
    internal int BadUtf8Line { get; private init; }

    internal byte BadUtf8Byte { get; private init; }

    private static bool CrLfAtEnd(ReadOnlySpan<byte> raw) => raw.Length >= 2 && raw[^2] == '\r' && raw[^1] == '\n';

    // Start offset of each line (index 0 = line 1), built on first use.
    private int[]? _lineStarts;

    private SourceText(byte[] utf8, string filename, string? encoding)
    {
        Utf8 = utf8;
        Filename = filename;
        Encoding = encoding;
        ContainsNul = utf8.AsSpan().IndexOf((byte)0) >= 0;
    }

    /// <summary>Reads a file's bytes as <c>compile(bytes, ...)</c> and the import system do:
    /// BOM, coding cookie on line 1 or 2, UTF-8 default. Raises <c>SyntaxError</c> for an
    /// unknown encoding or undecodable bytes, with CPython's message.</summary>
    public static SourceText FromBytes(byte[] bytes, string filename)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var text = TranslateNewlines(bytes);
        int bom = HasUtf8Bom(text) ? 3 : 0;
        string? encoding = bom != 0 ? "utf-8" : null;
        var body = text.AsSpan(bom);
        string? cookie = FindCookie(body);
        if (cookie != null)
        {
            if (encoding != null)
            {
                if (cookie != "utf-8")
                    throw InitError($"encoding problem: {cookie} with BOM", filename);
            }
            else
            {
                encoding = cookie;
            }
        }
        if (encoding == null || encoding == "utf-8")
            return new SourceText(bom == 0 ? text : body.ToArray(), filename, encoding) { HasBom = bom != 0, EndsWithCrLf = CrLfAtEnd(bytes) };

        string decoded;
        try
        {
            var codec = PythonCodecs.Lookup(encoding) ?? throw InitError($"unknown encoding: {encoding}", filename);
            decoded = PythonCodecs.Decode(codec, body);
        }
        catch (PythonException e) when (e is not PythonSyntaxError)
        {
            throw InitError(e.Message, filename);
        }
        return new SourceText(System.Text.Encoding.UTF8.GetBytes(decoded), filename, encoding) { EndsWithCrLf = CrLfAtEnd(bytes) };
    }

    /// <summary>Reads a script's bytes as the C file reader does when running
    /// <c>python3.11 file.py</c>: like <see cref="FromBytes"/>, but every line must be valid
    /// UTF-8 when no encoding is declared ("Non-UTF-8 code starting with '\xff' in file X on
    /// line N, but no encoding declared; ...", raised by the tokenizer when it reaches that
    /// line, so that an error on an earlier line comes first) and a codec that is unknown or
    /// fails raises "encoding problem: NAME" here.</summary>
    public static SourceText FromFile(byte[] bytes, string filename)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var text = DropAfterNul(TranslateNewlines(bytes));
        int bom = HasUtf8Bom(text) ? 3 : 0;
        string? encoding = bom != 0 ? "utf-8" : null;
        var body = text.AsSpan(bom);
        string? cookie = FindCookie(body);
        if (cookie != null)
        {
            if (encoding != null)
            {
                if (cookie != "utf-8")
                    throw FileError($"encoding problem: {cookie} with BOM", filename);
            }
            else
            {
                // The reader checks line 1 before it reads the cookie on line 2.
                int nl1 = body.IndexOf((byte)'\n');
                if (nl1 >= 0 && GetCodingSpec(body[..nl1]) == null)
                {
                    var (line, b) = FirstInvalidUtf8(body[..nl1]);
                    if (line != 0)
                        throw NonUtf8Error(line, b, filename);
                }
                encoding = cookie;
            }
        }
        if (encoding == null)
        {
            // The reader checks each line as it reads it: an error on an earlier line wins.
            var (badLine, badByte) = FirstInvalidUtf8(body);
            return new SourceText(text, filename, null) { IsFileInput = true, BadUtf8Line = badLine, BadUtf8Byte = badByte };
        }
        if (encoding == "utf-8")
            return new SourceText(bom == 0 ? text : body.ToArray(), filename, encoding) { IsFileInput = true, HasBom = bom != 0 };
        string decoded;
        try
        {
            var codec = PythonCodecs.Lookup(encoding) ?? throw new PythonException("LookupError", encoding);
            decoded = PythonCodecs.Decode(codec, body);
        }
        catch (PythonException)
        {
            throw FileError($"encoding problem: {encoding}", filename);
        }
        return new SourceText(System.Text.Encoding.UTF8.GetBytes(decoded), filename, encoding) { IsFileInput = true };
    }

    /// <summary>Source given as a str (<c>compile(str, ...)</c>): encoded as UTF-8; a coding
    /// cookie is ignored as CPython ignores it for str input. A lone surrogate raises
    /// <c>UnicodeEncodeError</c> as <c>str.encode('utf-8')</c> does.</summary>
    public static SourceText FromString(string source, string filename)
    {
        ArgumentNullException.ThrowIfNull(source);
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(source);
        }
        catch (EncoderFallbackException e)
        {
            int pos = CodePointIndex(source, e.Index);
            throw new PythonException("UnicodeEncodeError",
                $"'utf-8' codec can't encode character '\\u{(int)e.CharUnknown:x4}' in position {pos}: surrogates not allowed");
        }
        return new SourceText(TranslateNewlines(utf8), filename, "utf-8") { EndsWithCrLf = CrLfAtEnd(utf8) };
    }

    /// <summary>Already-decoded UTF-8 source, taken as is apart from newline translation
    /// (CPython's <c>_PyTokenizer_FromUTF8</c>; used for f-string expressions).</summary>
    public static SourceText FromUtf8(byte[] utf8, string filename)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return new SourceText(TranslateNewlines(utf8), filename, "utf-8") { EndsWithCrLf = CrLfAtEnd(utf8) };
    }

    /// <summary>Raises <c>ValueError: source code string cannot contain null bytes</c>, as
    /// <c>compile()</c> does, when the source contains a NUL.</summary>
    public void ThrowIfContainsNul()
    {
        if (ContainsNul)
            throw new PythonException("ValueError", "source code string cannot contain null bytes");
    }

    /// <summary>Number of lines (a final line without newline counts; an empty source has 0).</summary>
    public int LineCount
    {
        get
        {
            var starts = LineStarts;
            int n = starts.Length - 1;
            return n;
        }
    }

    /// <summary>Byte offset where line <paramref name="lineno"/> (1-based) starts, or -1.</summary>
    public int LineStart(int lineno)
    {
        var starts = LineStarts;
        return lineno >= 1 && lineno < starts.Length ? starts[lineno - 1] : -1;
    }

    /// <summary>The text of line <paramref name="lineno"/> (1-based) including its newline, or
    /// null past the end. Invalid UTF-8 is decoded with U+FFFD replacement.</summary>
    public string? LineText(int lineno)
    {
        var starts = LineStarts;
        if (lineno < 1 || lineno >= starts.Length)
            return null;
        int s = starts[lineno - 1];
        return DecodeReplace(Utf8.AsSpan(s, starts[lineno] - s));
    }

    /// <summary>Converts a 0-based UTF-8 byte column of a line to a 0-based character
    /// (code point) column, as <c>_PyPegen_byte_offset_to_character_offset</c> does (a column
    /// past the end of the line, newline included, counts one more character: the C string's
    /// terminating NUL). Negative columns are returned unchanged.</summary>
    public int ByteToCharColumn(int lineno, int byteColumn)
    {
        var starts = LineStarts;
        if (lineno < 1 || lineno >= starts.Length || byteColumn <= 0)
            return byteColumn < 0 ? byteColumn : 0;
        int s = starts[lineno - 1];
        int len = starts[lineno] - s;
        if (byteColumn > len)
            return CharCount(Utf8.AsSpan(s, len)) + 1;
        return CharCount(Utf8.AsSpan(s, byteColumn));
    }

    private int[] LineStarts => _lineStarts ??= BuildLineStarts(Utf8);

    private static int[] BuildLineStarts(byte[] utf8)
    {
        var span = utf8.AsSpan();
        int count = span.Count((byte)'\n');
        bool partial = utf8.Length > 0 && utf8[^1] != '\n';
        var starts = new int[count + (partial ? 1 : 0) + 1];
        int n = 0, pos = 0;
        starts[n++] = 0;
        while (true)
        {
            int i = span[pos..].IndexOf((byte)'\n');
            if (i < 0)
                break;
            pos += i + 1;
            starts[n++] = pos;
        }
        if (partial)
            starts[n] = utf8.Length;
        return starts;
    }

    /// <summary>Decodes UTF-8 replacing invalid sequences with U+FFFD, as
    /// <c>PyUnicode_DecodeUTF8(..., "replace")</c> does.</summary>
    internal static string DecodeReplace(ReadOnlySpan<byte> utf8) => System.Text.Encoding.UTF8.GetString(utf8);

    /// <summary>Number of code points in <paramref name="utf8"/> decoded with replacement.</summary>
    internal static int CharCount(ReadOnlySpan<byte> utf8)
    {
        int i = 0;
        while (i < utf8.Length && utf8[i] < 0x80)
            i++;
        if (i == utf8.Length)
            return i;
        var s = DecodeReplace(utf8[i..]);
        int n = i;
        for (int k = 0; k < s.Length; k++)
        {
            if (char.IsHighSurrogate(s[k]) && k + 1 < s.Length && char.IsLowSurrogate(s[k + 1]))
                k++;
            n++;
        }
        return n;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static int CodePointIndex(string s, int charIndex)
    {
        int n = 0;
        for (int k = 0; k < charIndex && k < s.Length; k++)
        {
            if (char.IsHighSurrogate(s[k]) && k + 1 < s.Length && char.IsLowSurrogate(s[k + 1]))
                k++;
            n++;
        }
        return n;
    }

    private static bool HasUtf8Bom(byte[] b) => b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;

    /// <summary><c>translate_newlines</c>: \r\n and \r become \n. Returns the input itself when
    /// it has no \r.</summary>
    private static byte[] TranslateNewlines(byte[] src)
    {
        int first = src.AsSpan().IndexOf((byte)'\r');
        if (first < 0)
            return src;
        var dst = new byte[src.Length];
        src.AsSpan(0, first).CopyTo(dst);
        int j = first;
        for (int i = first; i < src.Length; i++)
        {
            byte c = src[i];
            if (c == '\r')
            {
                dst[j++] = (byte)'\n';
                if (i + 1 < src.Length && src[i + 1] == '\n')
                    i++;
            }
            else
            {
                dst[j++] = c;
            }
        }
        return dst.AsSpan(0, j).ToArray();
    }

    /// <summary>The C file reader stops a line at a NUL byte (it measures lines with
    /// <c>strlen</c>) and the next line is read in its place: the rest of the line, newline
    /// included, disappears.</summary>
    private static byte[] DropAfterNul(byte[] src)
    {
        if (src.AsSpan().IndexOf((byte)0) < 0)
            return src;
        var dst = new List<byte>(src.Length);
        for (int i = 0; i < src.Length; i++)
        {
            if (src[i] == 0)
            {
                int nl = src.AsSpan(i).IndexOf((byte)'\n');
                if (nl < 0)
                    break;
                i += nl;
                continue;
            }
            dst.Add(src[i]);
        }
        return dst.ToArray();
    }

    /// <summary>The coding cookie of line 1, or of line 2 when line 1 is blank or only a
    /// comment (<c>check_coding_spec</c>). Returns the normalised name or null.</summary>
    private static string? FindCookie(ReadOnlySpan<byte> text)
    {
        // The end of the input ends a line too: exec input and files get a final newline
        // before the cookie is looked for.
        int nl1 = text.IndexOf((byte)'\n');
        var line1 = nl1 < 0 ? text : text[..nl1];
        var cs = GetCodingSpec(line1);
        if (cs != null || nl1 < 0)
            return cs;
        if (!IsBlankOrComment(line1))
            return null;
        var rest = text[(nl1 + 1)..];
        int nl2 = rest.IndexOf((byte)'\n');
        return GetCodingSpec(nl2 < 0 ? rest : rest[..nl2]);
    }

    private static bool IsBlankOrComment(ReadOnlySpan<byte> line)
    {
        foreach (byte c in line)
        {
            if (c == '#')
                return true;
            if (c != ' ' && c != '\t' && c != '\f')
                return false;
        }
        return true;
    }

    /// <summary><c>get_coding_spec</c>: the line must be a comment; the name follows
    /// "coding" and ':' or '=' and optional blanks, made of ASCII letters, digits, '-', '_', '.'.</summary>
    private static string? GetCodingSpec(ReadOnlySpan<byte> s)
    {
        int size = s.Length;
        int i = 0;
        for (; i < size - 6; i++)
        {
            if (s[i] == '#')
                break;
            if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f')
                return null;
        }
        for (; i < size - 6; i++)
        {
            if (!s.Slice(i, 6).SequenceEqual("coding"u8))
                continue;
            int t = i + 6;
            if (s[t] != ':' && s[t] != '=')
                continue;
            do
                t++;
            while (t < size && (s[t] == ' ' || s[t] == '\t'));
            int begin = t;
            while (t < size && (char.IsAsciiLetterOrDigit((char)s[t]) || s[t] == '-' || s[t] == '_' || s[t] == '.'))
                t++;
            if (begin < t)
                return GetNormalName(System.Text.Encoding.ASCII.GetString(s[begin..t]));
        }
        return null;
    }

    /// <summary><c>get_normal_name</c>: only the utf-8 and latin-1 spellings are normalised.</summary>
    private static string GetNormalName(string s)
    {
        var b = new StringBuilder(12);
        for (int i = 0; i < s.Length && i < 12; i++)
            b.Append(s[i] == '_' ? '-' : char.ToLowerInvariant(s[i]));
        var buf = b.ToString();
        if (buf == "utf-8" || buf.StartsWith("utf-8-", StringComparison.Ordinal))
            return "utf-8";
        if (buf == "latin-1" || buf == "iso-8859-1" || buf == "iso-latin-1" ||
            buf.StartsWith("latin-1-", StringComparison.Ordinal) ||
            buf.StartsWith("iso-8859-1-", StringComparison.Ordinal) ||
            buf.StartsWith("iso-latin-1-", StringComparison.Ordinal))
            return "iso-8859-1";
        return s;
    }

    /// <summary>The first byte of <paramref name="text"/> that does not start a valid UTF-8
    /// sequence, with its line number, as the file reader's <c>ensure_utf8</c> finds it
    /// (3.11 checks strictly: no overlong forms, surrogates or code points past U+10FFFF).
    /// Returns (0, 0) when all is valid.</summary>
    private static (int Line, byte Byte) FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length)
        {
            int valid = text[i..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (valid < 0)
                return (0, 0);
            i += valid;
            if (System.Text.Rune.DecodeFromUtf8(text[i..], out _, out int n) != System.Buffers.OperationStatus.Done)
                return (1 + text[..i].Count((byte)'\n'), text[i]);
            i += n;
        }
        return (0, 0);
    }

    /// <summary>"Non-UTF-8 code starting with ..." for line <paramref name="line"/> of a file.</summary>
    internal PythonSyntaxError NonUtf8Error() => NonUtf8Error(BadUtf8Line, BadUtf8Byte, Filename);

    private static PythonSyntaxError NonUtf8Error(int line, byte b, string filename) =>
        FileError(
            $"Non-UTF-8 code starting with '\\x{b:x2}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            filename);

    /// <summary><c>_PyPegen_raise_tokenizer_init_error</c>: SyntaxError(msg, (filename, 0, -1,
    /// None)). CPython's end_lineno, end_offset and text are None; here 0, 0 and null.</summary>
    private static PythonSyntaxError InitError(string msg, string filename) =>
        new("SyntaxError", msg, filename, 0, -1, null, null, null);

    /// <summary>The file reader's decoding errors carry no location at all (lineno, offset,
    /// end_lineno, end_offset and text are None; here 0 and null).</summary>
    private static PythonSyntaxError FileError(string msg, string filename) =>
        new("SyntaxError", msg, filename, 0, 0, null, null, null);
}
