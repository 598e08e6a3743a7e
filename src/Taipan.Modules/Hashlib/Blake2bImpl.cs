// Modules/_blake2/blake2b_impl.c
using System.Buffers.Binary;
using System.Numerics;
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Hashlib;

/// <summary><c>_blake2.blake2b</c>.</summary>
[PyType("_blake2.blake2b", Module = "_blake2", FromSpec = true, Doc = "Return a new BLAKE2b hash object.")]
public sealed partial class Blake2bObject : BytesHashObject
{
    private Blake2bObject(HashState state) : base(state, "blake2b", Blake2bState.BlockBytes, null)
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Blake2bObject(Blake2Args.NewState("blake2b", Blake2bState.Sizes, static (p, lastNode) => new Blake2bState(p, lastNode), args, kwnames));
}

/// <summary>BLAKE2b (RFC 7693) with the full parameter block (salt, personalization, tree
/// hashing fields).</summary>
internal sealed class Blake2bState : HashState
{
    public const int BlockBytes = 128;
    public const int OutBytes = 64;
    public const int KeyBytes = 64;
    public const int SaltBytes = 16;
    public const int PersonalBytes = 16;

    public static readonly Blake2Sizes Sizes = new(BlockBytes, OutBytes, KeyBytes, SaltBytes, PersonalBytes, Small: false);

    private static readonly ulong[] s_iv =
    [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];

    internal static ReadOnlySpan<byte> Sigma =>
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

    private readonly ulong[] _h = new ulong[8];
    private readonly byte[] _buffer = new byte[BlockBytes];
    private int _buffered;
    private ulong _t0;
    private ulong _t1;
    private readonly int _outLength;
    private readonly bool _lastNode;

    public Blake2bState(ReadOnlySpan<byte> parameters, bool lastNode)
    {
        for (var i = 0; i < 8; i++)
        {
            _h[i] = s_iv[i] ^ BinaryPrimitives.ReadUInt64LittleEndian(parameters[(i * 8)..]);
        }
        _outLength = parameters[0];
        _lastNode = lastNode;
    }

    private Blake2bState(Blake2bState other)
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

    public override HashState Clone() => new Blake2bState(this);

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
            Compress(_h, _buffer, _t0, _t1, 0, 0);
            _buffered = 0;
            data = data[free..];
            while (data.Length > BlockBytes)
            {
                Increment(BlockBytes);
                Compress(_h, data[..BlockBytes], _t0, _t1, 0, 0);
                data = data[BlockBytes..];
            }
        }
        data.CopyTo(_buffer.AsSpan(_buffered));
        _buffered += data.Length;
    }

    private void Increment(int n)
    {
        _t0 += (ulong)n;
        if (_t0 < (ulong)n)
        {
            _t1++;
        }
    }

    public override void Final(Span<byte> output)
    {
        Span<ulong> h = stackalloc ulong[8];
        _h.CopyTo(h);
        var t0 = _t0 + (ulong)_buffered;
        var t1 = _t1 + (t0 < (ulong)_buffered ? 1UL : 0UL);
        Span<byte> block = stackalloc byte[BlockBytes];
        block.Clear();
        _buffer.AsSpan(0, _buffered).CopyTo(block);
        Compress(h, block, t0, t1, ulong.MaxValue, _lastNode ? ulong.MaxValue : 0);
        Span<byte> full = stackalloc byte[OutBytes];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(full[(i * 8)..], h[i]);
        }
        full[.._outLength].CopyTo(output);
    }

    private static void Compress(Span<ulong> h, ReadOnlySpan<byte> block, ulong t0, ulong t1, ulong f0, ulong f1)
    {
        Span<ulong> m = stackalloc ulong[16];
        for (var i = 0; i < 16; i++)
        {
            m[i] = BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }
        // The working vector lives in locals so the rounds run in registers.
        ulong v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        ulong v8 = s_iv[0], v9 = s_iv[1], v10 = s_iv[2], v11 = s_iv[3];
        ulong v12 = s_iv[4] ^ t0, v13 = s_iv[5] ^ t1, v14 = s_iv[6] ^ f0, v15 = s_iv[7] ^ f1;
        var sigma = Sigma;
        for (var r = 0; r < 12; r++)
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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void G(ref ulong a, ref ulong b, ref ulong c, ref ulong d, ulong x, ulong y)
    {
        a = a + b + x;
        d = BitOperations.RotateRight(d ^ a, 32);
        c += d;
        b = BitOperations.RotateRight(b ^ c, 24);
        a = a + b + y;
        d = BitOperations.RotateRight(d ^ a, 16);
        c += d;
        b = BitOperations.RotateRight(b ^ c, 63);
    }
}
