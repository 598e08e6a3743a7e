// Objects/codeobject.c (co_positions, Objects/locations.md)
namespace Taipan.Bytecode;

/// <summary>One item of <c>co_lines()</c>: byte offsets [<see cref="Start"/>, <see cref="End"/>)
/// of <c>co_code</c> and their line, null for none.</summary>
public readonly record struct LineRange(int Start, int End, int? Line);

/// <summary>Codes of the 3.11 location table entries (<c>_PyCodeLocationInfoKind</c>).</summary>
public enum LocationInfoKind
{
    /// <summary>Codes 0..9: same line, column = code * 8 + high 3 bits of the next byte.</summary>
    Short0 = 0,
    /// <summary>Codes 10..12: line delta 0..2, then start and end column bytes.</summary>
    OneLine0 = 10,
    OneLine1 = 11,
    OneLine2 = 12,
    /// <summary>Signed varint line delta, no columns.</summary>
    NoColumns = 13,
    /// <summary>Signed varint line delta, varint end-line delta, varint columns + 1.</summary>
    Long = 14,
    /// <summary>No location at all.</summary>
    None = 15,
}

/// <summary>Decoder of <c>co_linetable</c>. Each entry starts with a byte
/// <c>1kkkklll</c>: kind k (<see cref="LocationInfoKind"/>) and length l + 1 code units.
/// Varints here are little-endian 6-bit chunks with 0x40 as continuation bit; signed ones keep
/// the sign in bit 0. Truncated or malformed tables end the decoding quietly.</summary>
public static class LocationTable
{
    /// <summary><c>list(co_lines())</c>: one range per table entry (not merged), in bytes.</summary>
    public static LineRange[] DecodeLines(ReadOnlySpan<byte> table, int firstLineNo)
    {
        var result = new List<LineRange>();
        var line = firstLineNo;
        var offset = 0;
        var p = 0;
        while (p < table.Length)
        {
            var first = table[p++];
            var code = (first >> 3) & 15;
            var end = offset + ((first & 7) + 1) * 2;
            switch (code)
            {
                case (int)LocationInfoKind.Long:
                case (int)LocationInfoKind.NoColumns:
                    if (!TryReadSignedVarint(table, ref p, out var delta))
                    {
                        return [.. result];
                    }

                    line += delta;
                    break;
                case (int)LocationInfoKind.OneLine1:
                case (int)LocationInfoKind.OneLine2:
                    line += code - (int)LocationInfoKind.OneLine0;
                    break;
            }

            result.Add(new LineRange(offset, end, code == (int)LocationInfoKind.None ? null : line));
            offset = end;

            // The rest of the entry: every byte up to the next one with the high bit set.
            while (p < table.Length && (table[p] & 0x80) == 0)
            {
                p++;
            }
        }

        return [.. result];
    }

    public static SourcePosition[] DecodePositions(ReadOnlySpan<byte> table, int firstLineNo)
    {
        var result = new List<SourcePosition>(table.Length);
        var line = firstLineNo;
        var p = 0;
        while (p < table.Length)
        {
            var first = table[p++];
            var code = (first >> 3) & 15;
            var length = (first & 7) + 1;
            SourcePosition pos;
            switch (code)
            {
                case (int)LocationInfoKind.None:
                    pos = default;
                    break;
                case (int)LocationInfoKind.Long:
                {
                    if (!TryReadSignedVarint(table, ref p, out var delta) || !TryReadVarint(table, ref p, out var endDelta)
                        || !TryReadVarint(table, ref p, out var col) || !TryReadVarint(table, ref p, out var endCol))
                    {
                        return [.. result];
                    }

                    line += delta;
                    pos = new SourcePosition(line, line + endDelta, Column(col - 1), Column(endCol - 1));
                    break;
                }

                case (int)LocationInfoKind.NoColumns:
                {
                    if (!TryReadSignedVarint(table, ref p, out var delta))
                    {
                        return [.. result];
                    }

                    line += delta;
                    pos = new SourcePosition(line, line, null, null);
                    break;
                }

                case (int)LocationInfoKind.OneLine0:
                case (int)LocationInfoKind.OneLine1:
                case (int)LocationInfoKind.OneLine2:
                    if (p + 2 > table.Length)
                    {
                        return [.. result];
                    }

                    line += code - (int)LocationInfoKind.OneLine0;
                    pos = new SourcePosition(line, line, table[p], table[p + 1]);
                    p += 2;
                    break;
                default:
                {
                    if (p >= table.Length)
                    {
                        return [.. result];
                    }

                    var second = table[p++];
                    var col = (code << 3) | ((second >> 4) & 7);
                    pos = new SourcePosition(line, line, col, col + (second & 15));
                    break;
                }
            }

            for (var i = 0; i < length; i++)
            {
                result.Add(pos);
            }
        }

        return [.. result];
    }

    private static int? Column(int value) => value < 0 ? null : value;

    private static bool TryReadVarint(ReadOnlySpan<byte> table, ref int p, out int value)
    {
        value = 0;
        var shift = 0;
        while (p < table.Length)
        {
            var b = table[p++];
            if (shift < 31)
            {
                value |= (b & 63) << shift;
            }

            shift += 6;
            if ((b & 64) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryReadSignedVarint(ReadOnlySpan<byte> table, ref int p, out int value)
    {
        if (!TryReadVarint(table, ref p, out var raw))
        {
            value = 0;
            return false;
        }

        value = (raw & 1) != 0 ? -(int)((uint)raw >> 1) : (int)((uint)raw >> 1);
        return true;
    }
}

/// <summary>Decoder of <c>co_exceptiontable</c>: entries of four varints (start, length, target,
/// depth &lt;&lt; 1 | lasti), each varint big-endian 6-bit chunks with 0x40 as continuation bit;
/// the first byte of an entry also has 0x80 set. Truncated tables end the decoding quietly.</summary>
public static class ExceptionTableReader
{
    public static ExceptionTableEntry[] Decode(ReadOnlySpan<byte> table)
    {
        var result = new List<ExceptionTableEntry>();
        var p = 0;
        while (p < table.Length)
        {
            if (!TryRead(table, ref p, out var start) || !TryRead(table, ref p, out var length)
                || !TryRead(table, ref p, out var target) || !TryRead(table, ref p, out var depthLasti))
            {
                break;
            }

            result.Add(new ExceptionTableEntry(start, start + length, target, depthLasti >> 1, (depthLasti & 1) != 0));
        }

        return [.. result];
    }

    private static bool TryRead(ReadOnlySpan<byte> table, ref int p, out int value)
    {
        value = 0;
        while (p < table.Length)
        {
            var b = table[p++];
            value = (value << 6) | (b & 63);
            if ((b & 64) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
