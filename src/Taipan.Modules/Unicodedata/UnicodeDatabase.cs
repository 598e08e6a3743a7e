// Modules/unicodedata.c (database records, decomposition, normalization)
using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Taipan.Modules.Unicodedata;

/// <summary>The Unicode 14.0.0 character database of CPython 3.11's <c>unicodedata</c>, and the
/// view of it as Unicode 3.2.0 (<c>ucd_3_2_0</c>). The tables are the resource written by
/// <c>tools/gen/gen_unicodedata.py</c>: records of properties reached through two-level tables
/// (one per version), decompositions, primary composites, and named sequences. Names come from
/// <see cref="Taipan.Syntax.Unicode.UnicodeNames"/>, which the tokenizer shares.</summary>
internal sealed class UnicodeDatabase
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    /// <summary>More than the longest full decomposition of one character (U+FDFA: 18).</summary>
    private const int MaxDecomposition = 32;

    private static UnicodeDatabase? s_instance;

    public static UnicodeDatabase Instance => s_instance ??= Load();

    public readonly string[] Categories, Bidirectionals, Widths, Tags;
    private readonly double[] _numerics;
    private readonly byte[] _decompTag;
    private readonly int[] _decompStart;
    private readonly int[] _decompData;

    // One entry per record.
    private readonly byte[] _category, _bidi, _width, _mirrored, _combining, _decimal, _digit;
    private readonly ushort[] _numeric, _decomp;

    private readonly Table _current, _v320;
    private readonly Dictionary<long, int> _compose;

    /// <summary>The characters that compose with a preceding one (second halves of primary
    /// composites, Hangul vowels and trailing consonants).</summary>
    private readonly HashSet<int> _composesAfter = [];
    private readonly Dictionary<int, int> _corrections320;
    private readonly Dictionary<string, string> _namedSequences;
    private readonly int _unassigned320Category;

    private sealed class Table(int shift, ushort[] index1, ushort[] index2)
    {
        private readonly int _shift = shift, _mask = (1 << shift) - 1;
        private readonly ushort[] _index1 = index1, _index2 = index2;

        public int Record(int cp) =>
            (uint)cp >= 0x110000 ? 0 : _index2[(_index1[cp >> _shift] << _shift) + (cp & _mask)];
    }

    private UnicodeDatabase(ReadOnlySpan<byte> data)
    {
        if (!data.StartsWith("TPUD1"u8))
        {
            throw new InvalidOperationException("the Unicode database resource is corrupt");
        }
        var pos = 5;
        Categories = ReadStrings(data, ref pos);
        Bidirectionals = ReadStrings(data, ref pos);
        Widths = ReadStrings(data, ref pos);
        Tags = ReadStrings(data, ref pos);
        _numerics = new double[ReadVarint(data, ref pos)];
        for (var i = 0; i < _numerics.Length; i++)
        {
            _numerics[i] = BinaryPrimitives.ReadDoubleLittleEndian(data[pos..]);
            pos += 8;
        }
        var decompCount = ReadVarint(data, ref pos);
        _decompTag = new byte[decompCount];
        _decompStart = new int[decompCount + 1];
        var decompData = new List<int>(decompCount * 2);
        for (var i = 0; i < decompCount; i++)
        {
            _decompTag[i] = data[pos++];
            var n = data[pos++];
            _decompStart[i] = decompData.Count;
            for (var j = 0; j < n; j++)
            {
                decompData.Add(ReadVarint(data, ref pos));
            }
        }
        _decompStart[decompCount] = decompData.Count;
        _decompData = [.. decompData];
        var records = ReadVarint(data, ref pos);
        _category = new byte[records];
        _bidi = new byte[records];
        _width = new byte[records];
        _mirrored = new byte[records];
        _combining = new byte[records];
        _decimal = new byte[records];
        _digit = new byte[records];
        _numeric = new ushort[records];
        _decomp = new ushort[records];
        for (var i = 0; i < records; i++)
        {
            _category[i] = data[pos];
            _bidi[i] = data[pos + 1];
            _width[i] = data[pos + 2];
            _mirrored[i] = data[pos + 3];
            _combining[i] = data[pos + 4];
            _decimal[i] = data[pos + 5];
            _digit[i] = data[pos + 6];
            _numeric[i] = BinaryPrimitives.ReadUInt16LittleEndian(data[(pos + 7)..]);
            _decomp[i] = BinaryPrimitives.ReadUInt16LittleEndian(data[(pos + 9)..]);
            pos += 11;
        }
        _current = ReadTable(data, ref pos);
        _v320 = ReadTable(data, ref pos);
        var comps = ReadVarint(data, ref pos);
        _compose = new Dictionary<long, int>(comps);
        for (var i = 0; i < comps; i++)
        {
            var a = ReadVarint(data, ref pos);
            var b = ReadVarint(data, ref pos);
            _compose[PairKey(a, b)] = ReadVarint(data, ref pos);
            _composesAfter.Add(b);
        }
        var corrections = ReadVarint(data, ref pos);
        _corrections320 = new Dictionary<int, int>(corrections);
        for (var i = 0; i < corrections; i++)
        {
            var cp = ReadVarint(data, ref pos);
            _corrections320[cp] = ReadVarint(data, ref pos);
        }
        var sequences = ReadVarint(data, ref pos);
        _namedSequences = new Dictionary<string, string>(sequences, StringComparer.Ordinal);
        var sb = new StringBuilder();
        for (var i = 0; i < sequences; i++)
        {
            var name = ReadString(data, ref pos);
            var n = ReadVarint(data, ref pos);
            sb.Clear();
            for (var j = 0; j < n; j++)
            {
                AppendCodePoint(sb, ReadVarint(data, ref pos));
            }
            _namedSequences[name] = sb.ToString();
        }
        _unassigned320Category = Array.IndexOf(Categories, "Cn");
        for (var v = VBase; v < VBase + VCount; v++)
        {
            _composesAfter.Add(v);
        }
        for (var t = TBase + 1; t < TBase + TCount; t++)
        {
            _composesAfter.Add(t);
        }
    }

    private static long PairKey(int a, int b) => ((long)a << 21) | (uint)b;

    private int Record(int cp, bool v320) => v320 ? _v320.Record(cp) : _current.Record(cp);

    public int Category(int cp, bool v320) => _category[Record(cp, v320)];

    public int Bidirectional(int cp, bool v320) => _bidi[Record(cp, v320)];

    public int EastAsianWidth(int cp, bool v320) => _width[Record(cp, v320)];

    public int Mirrored(int cp, bool v320) => _mirrored[Record(cp, v320)];

    public int Combining(int cp, bool v320) => _combining[Record(cp, v320)];

    /// <summary>The decimal value, or -1.</summary>
    public int Decimal(int cp, bool v320) => _decimal[Record(cp, v320)] - 1;

    /// <summary>The digit value, or -1.</summary>
    public int Digit(int cp, bool v320) => _digit[Record(cp, v320)] - 1;

    public bool TryNumeric(int cp, bool v320, out double value)
    {
        var n = _numeric[Record(cp, v320)];
        value = n == 0 ? 0 : _numerics[n - 1];
        return n != 0;
    }

    /// <summary>Whether the character was assigned in Unicode 3.2.0 (CPython's
    /// <c>category_changed != 0</c>).</summary>
    public bool AssignedIn320(int cp) => _category[_v320.Record(cp)] != _unassigned320Category;

    /// <summary>The decomposition as <c>unicodedata.decomposition</c> formats it.</summary>
    public string Decomposition(int cp, bool v320)
    {
        var d = _decomp[Record(cp, v320)];
        var start = _decompStart[d];
        var end = _decompStart[d + 1];
        if (start == end)
        {
            return "";
        }
        var sb = new StringBuilder(Tags[_decompTag[d]]);
        for (var i = start; i < end; i++)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }
            sb.Append(_decompData[i].ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    public bool TryNamedSequence(string upperName, out string value) => _namedSequences.TryGetValue(upperName, out value!);

    // ---- normalization ----

    /// <summary>The normal form of <paramref name="s"/>: NFD/NFKD decompose fully (canonically,
    /// or with compatibility mappings too for <paramref name="compat"/>) and order marks
    /// canonically; NFC/NFKC then compose primary composites and Hangul syllables. As in
    /// CPython, the 3.2.0 view leaves characters unassigned in 3.2.0 alone and applies the
    /// normalization corrections, with the current combining classes and composites.</summary>
    public string Normalize(string s, bool compose, bool compat, bool v320)
    {
        // Below U+00A0 (U+00C0 for the canonical forms) nothing decomposes, composes or
        // combines: most strings leave here.
        var limit = compat ? '\u00A0' : '\u00C0';
        if (!s.AsSpan().ContainsAnyExceptInRange('\0', (char)(limit - 1)) || IsStable(s, compose, compat, v320))
        {
            return s;
        }
        var buffer = ArrayPool<int>.Shared.Rent(s.Length * 2 + MaxDecomposition);
        try
        {
            var count = 0;
            for (var i = 0; i < s.Length;)
            {
                if (count + MaxDecomposition > buffer.Length)
                {
                    var bigger = ArrayPool<int>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, count).CopyTo(bigger);
                    ArrayPool<int>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var cp = Taipan.Runtime.Objects.PyStr.NextCodePoint(s, ref i);
                Decompose(cp, compat, v320, buffer, ref count);
            }
            SortCanonically(buffer.AsSpan(0, count));
            if (compose)
            {
                count = Compose(buffer.AsSpan(0, count));
            }
            var sb = new StringBuilder(count + 8);
            for (var i = 0; i < count; i++)
            {
                AppendCodePoint(sb, buffer[i]);
            }
            var result = sb.ToString();
            return result == s ? s : result;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    /// <summary>A quick check: true when no character decomposes, has a combining class, or
    /// may combine with the one before it, so the string is its own normal form.</summary>
    private bool IsStable(string s, bool compose, bool compat, bool v320)
    {
        for (var i = 0; i < s.Length;)
        {
            var cp = Taipan.Runtime.Objects.PyStr.NextCodePoint(s, ref i);
            if (cp < 0xA0)
            {
                continue;
            }
            if (cp is >= SBase and < SBase + SCount || (v320 && _corrections320.ContainsKey(cp)))
            {
                return false;
            }
            var r = _current.Record(cp);
            var d = _decomp[r];
            if (_combining[r] != 0 || (_decompStart[d] != _decompStart[d + 1] && (compat || _decompTag[d] == 0)) ||
                (compose && _composesAfter.Contains(cp)))
            {
                return false;
            }
        }
        return true;
    }

    private void Decompose(int cp, bool compat, bool v320, int[] buffer, ref int count)
    {
        if (cp is >= SBase and < SBase + SCount)
        {
            var sIndex = cp - SBase;
            buffer[count++] = LBase + sIndex / NCount;
            buffer[count++] = VBase + sIndex % NCount / TCount;
            var t = TBase + sIndex % TCount;
            if (t != TBase)
            {
                buffer[count++] = t;
            }
            return;
        }
        if (v320)
        {
            if (_corrections320.TryGetValue(cp, out var corrected))
            {
                Decompose(corrected, compat, v320, buffer, ref count);
                return;
            }
            if (!AssignedIn320(cp))
            {
                buffer[count++] = cp;
                return;
            }
        }
        var d = _decomp[_current.Record(cp)];
        var start = _decompStart[d];
        var end = _decompStart[d + 1];
        if (start == end || (_decompTag[d] != 0 && !compat))
        {
            buffer[count++] = cp;
            return;
        }
        for (var i = start; i < end; i++)
        {
            Decompose(_decompData[i], compat, v320, buffer, ref count);
        }
    }

    /// <summary>Canonical ordering: a stable sort of each run of non-starters by combining class.</summary>
    private void SortCanonically(Span<int> cps)
    {
        for (var i = 1; i < cps.Length; i++)
        {
            var c = _combining[_current.Record(cps[i])];
            if (c == 0)
            {
                continue;
            }
            var j = i;
            var cp = cps[i];
            while (j > 0)
            {
                var p = _combining[_current.Record(cps[j - 1])];
                if (p <= c)
                {
                    break;
                }
                cps[j] = cps[j - 1];
                j--;
            }
            cps[j] = cp;
        }
    }

    /// <summary>Canonical composition in place (UAX #15): each character not blocked from the
    /// last starter combines with it where a primary composite exists; returns the new length.</summary>
    private int Compose(Span<int> cps)
    {
        if (cps.IsEmpty)
        {
            return 0;
        }
        var starter = _combining[_current.Record(cps[0])] == 0 ? 0 : -1;
        var lastClass = starter == 0 ? 0 : 256;
        var o = 1;
        for (var i = 1; i < cps.Length; i++)
        {
            var cp = cps[i];
            int cls = _combining[_current.Record(cp)];
            if (starter >= 0 && (o - 1 == starter || (lastClass != 0 && lastClass < cls)) && TryCompose(cps[starter], cp, out var composite))
            {
                cps[starter] = composite;
                continue;
            }
            if (cls == 0)
            {
                starter = o;
            }
            lastClass = cls;
            cps[o++] = cp;
        }
        return o;
    }

    private bool TryCompose(int a, int b, out int composite)
    {
        if (a is >= LBase and < LBase + LCount && b is >= VBase and < VBase + VCount)
        {
            composite = SBase + ((a - LBase) * VCount + (b - VBase)) * TCount;
            return true;
        }
        if (a is >= SBase and < SBase + SCount && (a - SBase) % TCount == 0 && b is > TBase and < TBase + TCount)
        {
            composite = a + (b - TBase);
            return true;
        }
        return _compose.TryGetValue(PairKey(a, b), out composite);
    }

    // ---- loading ----

    private static UnicodeDatabase Load()
    {
        using var resource = typeof(UnicodeDatabase).Assembly.GetManifestResourceStream("Taipan.Modules.Unicodedata.UnicodeData.bin")
            ?? throw new InvalidOperationException("the Unicode database resource is missing");
        using var inflate = new DeflateStream(resource, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        inflate.CopyTo(buffer);
        return new UnicodeDatabase(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static Table ReadTable(ReadOnlySpan<byte> data, ref int pos)
    {
        var shift = data[pos++];
        var index1 = ReadUInt16s(data, ref pos);
        var index2 = ReadUInt16s(data, ref pos);
        return new Table(shift, index1, index2);
    }

    private static ushort[] ReadUInt16s(ReadOnlySpan<byte> data, ref int pos)
    {
        var a = new ushort[ReadVarint(data, ref pos)];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = BinaryPrimitives.ReadUInt16LittleEndian(data[(pos + 2 * i)..]);
        }
        pos += 2 * a.Length;
        return a;
    }

    private static string[] ReadStrings(ReadOnlySpan<byte> data, ref int pos)
    {
        var a = new string[ReadVarint(data, ref pos)];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = ReadString(data, ref pos);
        }
        return a;
    }

    private static int ReadVarint(ReadOnlySpan<byte> data, ref int pos)
    {
        var result = 0;
        var shift = 0;
        while (true)
        {
            var b = data[pos++];
            result |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
            shift += 7;
        }
    }

    private static string ReadString(ReadOnlySpan<byte> data, ref int pos)
    {
        var end = data[pos..].IndexOf((byte)0);
        var s = Encoding.ASCII.GetString(data.Slice(pos, end));
        pos += end + 1;
        return s;
    }

    /// <summary>Appends a code point; lone surrogates stay single chars.</summary>
    internal static void AppendCodePoint(StringBuilder sb, int cp)
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
}
