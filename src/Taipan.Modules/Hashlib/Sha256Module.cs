// Modules/sha256module.c
using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Hashlib;

[PyModule("_sha256")]
public static partial class Sha256Module
{
    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("SHA224Type", Sha224Object.TypeObject);
        module.AddBuiltin("SHA256Type", Sha256Object.TypeObject);
    }

    [PyMethod(Keywords = true, Doc = "Return a new SHA-256 hash object; optionally initialized with a string.")]
    public static PyObject Sha256(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) =>
        new Sha256Object(new DotNetHashState(HashAlgorithmName.SHA256, 32), @string);

    [PyMethod(Keywords = true, Doc = "Return a new SHA-224 hash object; optionally initialized with a string.")]
    public static PyObject Sha224(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) =>
        new Sha224Object(new Sha224State(), @string);
}

/// <summary>What the SHA-2 types add to the shared members: their digest_size is a read-only
/// member (T_INT) in CPython, hence its message on assignment.</summary>
public abstract class Sha2Object : HashObject
{
    private protected Sha2Object(HashState state, string name, int blockSize, PyObject? data) : base(state, name, blockSize, data)
    {
    }

    [PySetter("digest_size")]
    public void SetDigestSize(PyObject? value) => throw Taipan.Runtime.Errors.PyErr.AttributeError("readonly attribute");
}

/// <summary><c>_sha256.sha256</c>.</summary>
[PyType("_sha256.sha256", Module = "_sha256", FromSpec = true)]
public sealed partial class Sha256Object : Sha2Object
{
    internal Sha256Object(HashState state, PyObject? data) : base(state, "sha256", 64, data)
    {
    }
}

/// <summary><c>_sha256.sha224</c>.</summary>
[PyType("_sha256.sha224", Module = "_sha256", FromSpec = true)]
public sealed partial class Sha224Object : Sha2Object
{
    internal Sha224Object(HashState state, PyObject? data) : base(state, "sha224", 64, data)
    {
    }
}

/// <summary>SHA-224 (FIPS 180-4): SHA-256's compression from another initial value, cut to 28
/// bytes. .NET has no SHA-224, so it is computed here.</summary>
internal sealed class Sha224State : HashState
{
    private static readonly uint[] s_k =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly uint[] _h = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4];
    private readonly byte[] _buffer = new byte[64];
    private int _buffered;
    private ulong _length;

    public override int DigestSize => 28;

    public override void Update(ReadOnlySpan<byte> data)
    {
        _length += (ulong)data.Length;
        if (_buffered > 0)
        {
            var take = Math.Min(64 - _buffered, data.Length);
            data[..take].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += take;
            data = data[take..];
            if (_buffered < 64)
            {
                return;
            }
            Compress(_h, _buffer);
            _buffered = 0;
        }
        while (data.Length >= 64)
        {
            Compress(_h, data[..64]);
            data = data[64..];
        }
        data.CopyTo(_buffer);
        _buffered = data.Length;
    }

    public override void Final(Span<byte> output)
    {
        Span<uint> h = stackalloc uint[8];
        _h.CopyTo(h);
        Span<byte> block = stackalloc byte[128];
        block.Clear();
        _buffer.AsSpan(0, _buffered).CopyTo(block);
        block[_buffered] = 0x80;
        var blocks = _buffered < 56 ? 1 : 2;
        BinaryPrimitives.WriteUInt64BigEndian(block.Slice(blocks * 64 - 8), _length * 8);
        for (var i = 0; i < blocks; i++)
        {
            Compress(h, block.Slice(i * 64, 64));
        }
        for (var i = 0; i < 7; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(output[(i * 4)..], h[i]);
        }
    }

    public override HashState Clone()
    {
        var c = new Sha224State { _buffered = _buffered, _length = _length };
        _h.CopyTo(c._h, 0);
        _buffer.CopyTo(c._buffer, 0);
        return c;
    }

    private static void Compress(Span<uint> h, ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[64];
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(i * 4)..]);
        }
        for (var i = 16; i < 64; i++)
        {
            var s0 = BitOperations.RotateRight(w[i - 15], 7) ^ BitOperations.RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[i - 2], 17) ^ BitOperations.RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (var i = 0; i < 64; i++)
        {
            var t1 = hh + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25))
                + ((e & f) ^ (~e & g)) + s_k[i] + w[i];
            var t2 = (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22))
                + ((a & b) ^ (a & c) ^ (b & c));
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }
}
