// Modules/_blake2/blake2s_impl.c
using System.Buffers.Binary;
using System.Numerics;
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Hashlib;

/// <summary><c>_blake2.blake2b</c>.</summary>
[PyType("blake2s", Module = "_blake2", Doc = "Return a new BLAKE2s hash object.")]
public sealed partial class Blake2sObject : PyObject
{
    private readonly Blake2sState _state;

    private Blake2sObject(Blake2sState state) => _state = state;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var a = Blake2Args.Parse("blake2s", Blake2sState.OutBytes, args, kwnames);
        Span<byte> p = stackalloc byte[32];
        a.FillParameters(p, Blake2sState.OutBytes, Blake2sState.SaltBytes, Blake2sState.PersonalBytes, Blake2sState.KeyBytes, small: true);
        var state = new Blake2sState(p, a.LastNode);
        if (a.Key.Length > 0)
        {
            Span<byte> block = stackalloc byte[Blake2sState.BlockBytes];
            block.Clear();
            a.Key.CopyTo(block);
            state.Update(block);
        }
        if (a.Data is not null)
        {
            state.Update(HashArgs.Data(a.Data));
        }
        return new Blake2sObject(state);
    }

    [PyMethod(Doc = "Update this hash object's state with the provided bytes-like object.")]
    public void Update(PyObject data) => _state.Update(HashArgs.Data(data));

    [PyMethod(Doc = "Return the digest value as a bytes object.")]
    public PyBytes Digest() => new(_state.Digest());

    [PyMethod(Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr Hexdigest() => HashArgs.Hex(_state.Digest());

    [PyMethod(Doc = "Return a copy of the hash object.")]
    public Blake2sObject Copy() => new((Blake2sState)_state.Clone());

    [PyGetter("name")]
    public string Name() => "blake2s";

    [PyGetter("block_size")]
    public long BlockSize() => Blake2sState.BlockBytes;

    [PyGetter("digest_size")]
    public long DigestSize() => _state.DigestSize;
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
        Span<uint> v = stackalloc uint[16];
        for (var i = 0; i < 16; i++)
        {
            m[i] = BinaryPrimitives.ReadUInt32LittleEndian(block[(i * 4)..]);
        }
        h.CopyTo(v);
        s_iv.CopyTo(v[8..]);
        v[12] ^= t0;
        v[13] ^= t1;
        v[14] ^= f0;
        v[15] ^= f1;
        var sigma = Blake2bState.Sigma.AsSpan();
        for (var r = 0; r < 10; r++)
        {
            var s = sigma.Slice(r * 16, 16);
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

    private static void G(Span<uint> v, int a, int b, int c, int d, uint x, uint y)
    {
        v[a] = v[a] + v[b] + x;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 12);
        v[a] = v[a] + v[b] + y;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 8);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 7);
    }
}
