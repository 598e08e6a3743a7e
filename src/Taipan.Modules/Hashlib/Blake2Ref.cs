// Modules/_blake2/impl/blake2b-ref.c and blake2s-ref.c: one implementation over the word size
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Taipan.Modules.Hashlib;

/// <summary>What distinguishes BLAKE2b from BLAKE2s (RFC 7693 section 2.1): the word, the
/// rounds, the rotations and the initial vector; the state's class supplies them.</summary>
internal interface IBlake2Variant<TWord>
{
    static abstract Blake2Sizes Sizes { get; }

    static abstract int Rounds { get; }

    /// <summary>G's rotation distances R1 to R4.</summary>
    static abstract (int R1, int R2, int R3, int R4) Rotations { get; }

    static abstract ReadOnlySpan<TWord> IV { get; }
}

/// <summary>BLAKE2 (RFC 7693) with the full parameter block (salt, personalization, tree
/// hashing fields), generic over the word so that blake2b and blake2s share it, as CPython
/// generates blake2s_impl.c from blake2b_impl.c; the JIT specialises it for each.</summary>
internal abstract class Blake2State<TWord, TVariant> : HashState
    where TWord : unmanaged, IBinaryInteger<TWord>, IUnsignedNumber<TWord>
    where TVariant : IBlake2Variant<TWord>
{
    private static ReadOnlySpan<byte> Sigma =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    ];

    private static int WordBytes => Unsafe.SizeOf<TWord>();

    private static int BlockBytes => TVariant.Sizes.BlockBytes;

    private readonly TWord[] _h = new TWord[8];
    private readonly byte[] _buffer = new byte[BlockBytes];
    private int _buffered;
    private TWord _t0;
    private TWord _t1;
    private readonly int _outLength;
    private readonly bool _lastNode;

    private protected Blake2State(ReadOnlySpan<byte> parameters, bool lastNode)
    {
        var iv = TVariant.IV;
        for (var i = 0; i < 8; i++)
        {
            _h[i] = iv[i] ^ TWord.ReadLittleEndian(parameters.Slice(i * WordBytes, WordBytes), isUnsigned: true);
        }
        _outLength = parameters[0];
        _lastNode = lastNode;
    }

    private protected Blake2State(Blake2State<TWord, TVariant> other)
    {
        other._h.CopyTo(_h, 0);
        other._buffer.CopyTo(_buffer, 0);
        _buffered = other._buffered;
        _t0 = other._t0;
        _t1 = other._t1;
        _outLength = other._outLength;
        _lastNode = other._lastNode;
    }

    public override int DigestSize => _outLength;

    public override void Update(ReadOnlySpan<byte> data)
    {
        // The last block is compressed by Final with the finalization flag, so a full buffer
        // is kept until more data arrives.
        if (data.IsEmpty)
        {
            return;
        }
        var free = BlockBytes - _buffered;
        if (data.Length > free)
        {
            data[..free].CopyTo(_buffer.AsSpan(_buffered));
            Increment(BlockBytes);
            Compress(_h, _buffer, _t0, _t1, TWord.Zero, TWord.Zero);
            _buffered = 0;
            data = data[free..];
            while (data.Length > BlockBytes)
            {
                Increment(BlockBytes);
                Compress(_h, data[..BlockBytes], _t0, _t1, TWord.Zero, TWord.Zero);
                data = data[BlockBytes..];
            }
        }
        data.CopyTo(_buffer.AsSpan(_buffered));
        _buffered += data.Length;
    }

    private void Increment(int n)
    {
        var add = TWord.CreateTruncating(n);
        _t0 += add;
        if (_t0 < add)
        {
            _t1++;
        }
    }

    public override void Final(Span<byte> output)
    {
        Span<TWord> h = stackalloc TWord[8];
        _h.CopyTo(h);
        var buffered = TWord.CreateTruncating(_buffered);
        var t0 = _t0 + buffered;
        var t1 = t0 < buffered ? _t1 + TWord.One : _t1;
        Span<byte> block = stackalloc byte[BlockBytes];
        block.Clear();
        _buffer.AsSpan(0, _buffered).CopyTo(block);
        Compress(h, block, t0, t1, TWord.AllBitsSet, _lastNode ? TWord.AllBitsSet : TWord.Zero);
        Span<byte> full = stackalloc byte[8 * WordBytes];
        for (var i = 0; i < 8; i++)
        {
            h[i].WriteLittleEndian(full[(i * WordBytes)..]);
        }
        full[.._outLength].CopyTo(output);
    }

    private static void Compress(Span<TWord> h, ReadOnlySpan<byte> block, TWord t0, TWord t1, TWord f0, TWord f1)
    {
        Span<TWord> m = stackalloc TWord[16];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, TWord>(block)[..16].CopyTo(m);
        }
        else
        {
            for (var i = 0; i < 16; i++)
            {
                m[i] = TWord.ReadLittleEndian(block.Slice(i * WordBytes, WordBytes), isUnsigned: true);
            }
        }
        var iv = TVariant.IV;
        // The working vector lives in locals so the rounds run in registers.
        TWord v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        TWord v8 = iv[0], v9 = iv[1], v10 = iv[2], v11 = iv[3];
        TWord v12 = iv[4] ^ t0, v13 = iv[5] ^ t1, v14 = iv[6] ^ f0, v15 = iv[7] ^ f1;
        var sigma = Sigma;
        for (var r = 0; r < TVariant.Rounds; r++)
        {
            var s = sigma.Slice(r % 10 * 16, 16);
            G(ref v0, ref v4, ref v8, ref v12, m[s[0]], m[s[1]]);
            G(ref v1, ref v5, ref v9, ref v13, m[s[2]], m[s[3]]);
            G(ref v2, ref v6, ref v10, ref v14, m[s[4]], m[s[5]]);
            G(ref v3, ref v7, ref v11, ref v15, m[s[6]], m[s[7]]);
            G(ref v0, ref v5, ref v10, ref v15, m[s[8]], m[s[9]]);
            G(ref v1, ref v6, ref v11, ref v12, m[s[10]], m[s[11]]);
            G(ref v2, ref v7, ref v8, ref v13, m[s[12]], m[s[13]]);
            G(ref v3, ref v4, ref v9, ref v14, m[s[14]], m[s[15]]);
        }
        h[0] ^= v0 ^ v8;
        h[1] ^= v1 ^ v9;
        h[2] ^= v2 ^ v10;
        h[3] ^= v3 ^ v11;
        h[4] ^= v4 ^ v12;
        h[5] ^= v5 ^ v13;
        h[6] ^= v6 ^ v14;
        h[7] ^= v7 ^ v15;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void G(ref TWord a, ref TWord b, ref TWord c, ref TWord d, TWord x, TWord y)
    {
        var (r1, r2, r3, r4) = TVariant.Rotations;
        a = a + b + x;
        d = TWord.RotateRight(d ^ a, r1);
        c += d;
        b = TWord.RotateRight(b ^ c, r2);
        a = a + b + y;
        d = TWord.RotateRight(d ^ a, r3);
        c += d;
        b = TWord.RotateRight(b ^ c, r4);
    }
}
