// Parser/tokenizer.c (decoding of the source: PEP 263, BOM, UTF-8)
namespace Taipan.Syntax.Tokenizer;

/// <summary>Source code as the tokenizer reads it: UTF-8 bytes, whatever the file's declared
/// encoding was, with a table of line starts.</summary>
public sealed class SourceText
{
    /// <summary>The UTF-8 source. Its declared encoding (PEP 263 cookie or BOM) has already
    /// been applied; invalid input was reported as CPython reports it.</summary>
    public byte[] Utf8 { get; }

    public string Filename { get; }

    private SourceText(byte[] utf8, string filename)
    {
        Utf8 = utf8;
        Filename = filename;
    }

    /// <summary>Reads a file's bytes as <c>compile(bytes, ...)</c> and the import system do:
    /// BOM, coding cookie on line 1 or 2, UTF-8 default. Raises <c>SyntaxError</c> for an
    /// unknown encoding or undecodable bytes, with CPython's message.</summary>
    public static SourceText FromBytes(byte[] bytes, string filename) => throw new NotImplementedException();

    /// <summary>Source given as a str (<c>compile(str, ...)</c>): encoded as UTF-8; a coding
    /// cookie is ignored as CPython ignores it for str input.</summary>
    public static SourceText FromString(string source, string filename) => throw new NotImplementedException();

    /// <summary>The text of line <paramref name="lineno"/> (1-based) including its newline, or
    /// null past the end.</summary>
    public string? LineText(int lineno) => throw new NotImplementedException();

    /// <summary>Converts a 0-based UTF-8 byte column of a line to a 0-based character
    /// (code point) column, as <c>_PyPegen_byte_offset_to_character_offset</c> does.</summary>
    public int ByteToCharColumn(int lineno, int byteColumn) => throw new NotImplementedException();
}
