// Modules/_blake2/blake2s_impl.c
using System.Buffers.Binary;
using System.Numerics;
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Hashlib;

/// <summary><c>_blake2.blake2s</c>.</summary>
[PyType("_blake2.blake2s", Module = "_blake2", FromSpec = true, Doc = "Return a new BLAKE2s hash object.")]
public sealed partial class Blake2sObject : BytesHashObject
{
    private Blake2sObject(HashState state) : base(state, "blake2s", Blake2sState.BlockBytes, null)
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Blake2sObject(Blake2Args.NewState("blake2s", Blake2sState.Sizes, static (p, lastNode) => new Blake2sState(p, lastNode), args, kwnames));
}

/// <summary>BLAKE2s (RFC 7693) with the full parameter block (salt, personalization, tree
/// hashing fields).</summary>
internal sealed class Blake2sState : HashState
{
    public const int BlockBytes = 64;
    public const int OutBytes = 32;
    public const int KeyBytes = 32;
    public const int SaltBytes = 8;
    public const int PersonalBytes = 8;

    public static readonly Blake2Sizes Sizes = new(BlockBytes, OutBytes, KeyBytes, SaltBytes, PersonalBytes, Small: true);

    private static readonly uint[] s_iv =
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    private readonly uint[] _h = new uint[8];
    private readonly byte[] _buffer = new byte[BlockBytes];
    private int _buffered;
    private uint _t0;
    private uint _t1;
    private readonly int _outLength;
    private readonly bool _lastNode;

    public Blake2sState(ReadOnlySpan<byte> parameters, bool lastNode)
    {
        for (var i = 0; i < 8; i++)
        {
            _h[i] = s_iv[i] ^ BinaryPrimitives.ReadUInt32LittleEndian(parameters[(i * 4)..]);
        }
        _outLength = parameters[0];
        _lastNode = lastNode;
    }

    private Blake2sState(Blake2sState other)
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

    public override HashState Clone() => new Blake2sState(this);

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
        _t0 += (uint)n;
        if (_t0 < (uint)n)
        {
            _t1++;
        }
    }

    public override void Final(Span<byte> output)
    {
        Span<uint> h = stackalloc uint[8];
        _h.CopyTo(h);
        var t0 = _t0 + (uint)_buffered;
        var t1 = _t1 + (t0 < (uint)_buffered ? 1U : 0U);
        Span<byte> block = stackalloc byte[BlockBytes];
        block.Clear();
        _buffer.AsSpan(0, _buffered).CopyTo(block);
        Compress(h, block, t0, t1, uint.MaxValue, _lastNode ? uint.MaxValue : 0);
        Span<byte> full = stackalloc byte[OutBytes];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(full[(i * 4)..], h[i]);
        }
        full[.._outLength].CopyTo(output);
    }

    private static void Compress(Span<uint> h, ReadOnlySpan<byte> block, uint t0, uint t1, uint f0, uint f1)
    {
        Span<uint> m = stackalloc uint[16];
        for (var i = 0; i < 16; i++)
        {
            m[i] = BinaryPrimitives.ReadUInt32LittleEndian(block[(i * 4)..]);
        }
        // The working vector lives in locals so the rounds run in registers.
        uint v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        uint v8 = s_iv[0], v9 = s_iv[1], v10 = s_iv[2], v11 = s_iv[3];
        uint v12 = s_iv[4] ^ t0, v13 = s_iv[5] ^ t1, v14 = s_iv[6] ^ f0, v15 = s_iv[7] ^ f1;
        var sigma = Blake2bState.Sigma;
        for (var r = 0; r < 10; r++)
        {
            var s = sigma.Slice(r * 16, 16);
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
    private static void G(ref uint a, ref uint b, ref uint c, ref uint d, uint x, uint y)
    {
        a = a + b + x;
        d = BitOperations.RotateRight(d ^ a, 16);
        c += d;
        b = BitOperations.RotateRight(b ^ c, 12);
        a = a + b + y;
        d = BitOperations.RotateRight(d ^ a, 8);
        c += d;
        b = BitOperations.RotateRight(b ^ c, 7);
    }
}
