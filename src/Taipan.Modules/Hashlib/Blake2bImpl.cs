// Modules/_blake2/blake2b_impl.c
using System.Buffers.Binary;
using System.Numerics;
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Hashlib;

/// <summary><c>_blake2.blake2b</c>.</summary>
[PyType("blake2b", Module = "_blake2", Doc = "Return a new BLAKE2b hash object.")]
public sealed partial class Blake2bObject : PyObject
{
    private readonly Blake2bState _state;

    private Blake2bObject(Blake2bState state) => _state = state;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var a = Blake2Args.Parse("blake2b", Blake2bState.OutBytes, args, kwnames);
        Span<byte> p = stackalloc byte[64];
        a.FillParameters(p, Blake2bState.OutBytes, Blake2bState.SaltBytes, Blake2bState.PersonalBytes, Blake2bState.KeyBytes, small: false);
        var state = new Blake2bState(p, a.LastNode);
        if (a.Key.Length > 0)
        {
            Span<byte> block = stackalloc byte[Blake2bState.BlockBytes];
            block.Clear();
            a.Key.CopyTo(block);
            state.Update(block);
        }
        if (a.Data is not null)
        {
            state.Update(HashArgs.Data(a.Data));
        }
        return new Blake2bObject(state);
    }

    [PyMethod(Doc = "Update this hash object's state with the provided bytes-like object.")]
    public void Update(PyObject data) => _state.Update(HashArgs.Data(data));

    [PyMethod(Doc = "Return the digest value as a bytes object.")]
    public PyBytes Digest() => new(_state.Digest());

    [PyMethod(Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr Hexdigest() => HashArgs.Hex(_state.Digest());

    [PyMethod(Doc = "Return a copy of the hash object.")]
    public Blake2bObject Copy() => new((Blake2bState)_state.Clone());

    [PyGetter("name")]
    public string Name() => "blake2b";

    [PyGetter("block_size")]
    public long BlockSize() => Blake2bState.BlockBytes;

    [PyGetter("digest_size")]
    public long DigestSize() => _state.DigestSize;
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

    private static readonly ulong[] s_iv =
    [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];

    internal static readonly byte[] Sigma =
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
        Span<ulong> v = stackalloc ulong[16];
        for (var i = 0; i < 16; i++)
        {
            m[i] = BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }
        h.CopyTo(v);
        s_iv.CopyTo(v[8..]);
        v[12] ^= t0;
        v[13] ^= t1;
        v[14] ^= f0;
        v[15] ^= f1;
        var sigma = Sigma.AsSpan();
        for (var r = 0; r < 12; r++)
        {
            var s = sigma.Slice(r % 10 * 16, 16);
            G(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
            G(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
            G(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
            G(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
            G(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
            G(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
            G(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
            G(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for (var i = 0; i < 8; i++)
        {
            h[i] ^= v[i] ^ v[i + 8];
        }
    }

    private static void G(Span<ulong> v, int a, int b, int c, int d, ulong x, ulong y)
    {
        v[a] = v[a] + v[b] + x;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 32);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 24);
        v[a] = v[a] + v[b] + y;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 63);
    }
}
