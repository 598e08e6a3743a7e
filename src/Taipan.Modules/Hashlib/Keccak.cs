// Modules/_sha3/kcp/KeccakP-1600-inplace32BI.c (the permutation and sponge, written afresh)
using System.Buffers.Binary;
using System.Numerics;

namespace Taipan.Modules.Hashlib;

/// <summary>The Keccak sponge over Keccak-f[1600] (FIPS 202): SHA-3 with domain suffix 0x06,
/// SHAKE with 0x1f. Absorbing XORs whole lanes into the state; squeezing runs on a copy.</summary>
internal sealed class KeccakState : HashState
{
    private static readonly ulong[] s_roundConstants =
    [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ];

    private static readonly int[] s_rotations =
    [
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    ];

    private readonly ulong[] _a = new ulong[25];
    private readonly byte[] _buffer;
    private int _buffered;

    public KeccakState(int rateBytes, byte suffix, int digestSize)
    {
        RateBytes = rateBytes;
        Suffix = suffix;
        DigestSize = digestSize;
        _buffer = new byte[rateBytes];
    }

    public int RateBytes { get; }

    public byte Suffix { get; }

    /// <summary>The fixed output length; 0 for SHAKE, whose length the caller gives.</summary>
    public override int DigestSize { get; }

    public override HashState Clone()
    {
        var c = new KeccakState(RateBytes, Suffix, DigestSize) { _buffered = _buffered };
        _a.CopyTo(c._a, 0);
        _buffer.CopyTo(c._buffer, 0);
        return c;
    }

    public override void Update(ReadOnlySpan<byte> data)
    {
        if (_buffered > 0)
        {
            var take = Math.Min(RateBytes - _buffered, data.Length);
            data[..take].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += take;
            data = data[take..];
            if (_buffered < RateBytes)
            {
                return;
            }
            Absorb(_a, _buffer);
            _buffered = 0;
        }
        while (data.Length >= RateBytes)
        {
            Absorb(_a, data[..RateBytes]);
            data = data[RateBytes..];
        }
        data.CopyTo(_buffer);
        _buffered = data.Length;
    }

    public override void Final(Span<byte> output)
    {
        Span<ulong> a = stackalloc ulong[25];
        _a.CopyTo(a);
        Span<byte> block = stackalloc byte[RateBytes];
        block.Clear();
        _buffer.AsSpan(0, _buffered).CopyTo(block);
        block[_buffered] ^= Suffix;
        block[RateBytes - 1] ^= 0x80;
        Absorb(a, block);
        while (true)
        {
            for (var i = 0; i < RateBytes / 8; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(block[(i * 8)..], a[i]);
            }
            var n = Math.Min(RateBytes, output.Length);
            block[..n].CopyTo(output);
            output = output[n..];
            if (output.IsEmpty)
            {
                return;
            }
            Permute(a);
        }
    }

    private void Absorb(Span<ulong> a, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < RateBytes / 8; i++)
        {
            a[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }
        Permute(a);
    }

    private static void Permute(Span<ulong> a)
    {
        Span<ulong> c = stackalloc ulong[5];
        Span<ulong> b = stackalloc ulong[25];
        for (var round = 0; round < 24; round++)
        {
            // theta
            for (var x = 0; x < 5; x++)
            {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (var x = 0; x < 5; x++)
            {
                var d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5)
                {
                    a[y + x] ^= d;
                }
            }
            // rho and pi: lane (x, y) moves to (y, 2x + 3y)
            for (var x = 0; x < 5; x++)
            {
                for (var y = 0; y < 5; y++)
                {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = BitOperations.RotateLeft(a[x + 5 * y], s_rotations[x + 5 * y]);
                }
            }
            // chi
            for (var y = 0; y < 25; y += 5)
            {
                for (var x = 0; x < 5; x++)
                {
                    a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
                }
            }
            // iota
            a[0] ^= s_roundConstants[round];
        }
    }
}
