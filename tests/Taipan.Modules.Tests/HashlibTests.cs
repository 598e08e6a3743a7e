using Taipan.Modules.Hashlib;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Tests;

/// <summary>The digests written in C# (SHA-224, BLAKE2b/s, Keccak) against published test
/// vectors and against OpenSSL, fed whole and in pieces.</summary>
public class HashlibTests
{
    private static byte[] Data(int n)
    {
        var data = new byte[n];
        for (var i = 0; i < n; i++)
        {
            data[i] = (byte)(i * 7 + 3);
        }
        return data;
    }

    private static Blake2bState Blake2b(int digestSize, ReadOnlySpan<byte> key)
    {
        Span<byte> p = stackalloc byte[64];
        p.Clear();
        p[0] = (byte)digestSize;
        p[1] = (byte)key.Length;
        p[2] = 1;
        p[3] = 1;
        var s = new Blake2bState(p, lastNode: false);
        if (!key.IsEmpty)
        {
            var block = new byte[Blake2bState.BlockBytes];
            key.CopyTo(block);
            s.Update(block);
        }
        return s;
    }

    private static Blake2sState Blake2s(int digestSize, ReadOnlySpan<byte> key)
    {
        Span<byte> p = stackalloc byte[32];
        p.Clear();
        p[0] = (byte)digestSize;
        p[1] = (byte)key.Length;
        p[2] = 1;
        p[3] = 1;
        var s = new Blake2sState(p, lastNode: false);
        if (!key.IsEmpty)
        {
            var block = new byte[Blake2sState.BlockBytes];
            key.CopyTo(block);
            s.Update(block);
        }
        return s;
    }

    private static string Hex(HashState s) => Convert.ToHexStringLower(s.Digest());

    private static string Hex(HashState s, ReadOnlySpan<byte> data)
    {
        s.Update(data);
        return Hex(s);
    }

    /// <summary>OpenSSL's digest of <paramref name="data"/> (an independent implementation),
    /// through <c>_hashlib</c>.</summary>
    private static byte[] OpenSsl(string name, byte[] data, int length)
    {
        StandardModules.Register();
        var module = Taipan.Runtime.Python.Inittab.Find("_hashlib")!();
        var h = Ops.Call(Ops.GetAttr(module, PyStr.Intern("new")), [new PyStr(name), new PyBytes(data)], null);
        var digest = Ops.GetAttr(h, PyStr.Intern("digest"));
        var result = h is EvpXofObject ? Ops.Call(digest, [PyInt.From(length)], null) : Ops.Call(digest, [], null);
        return ((PyBytes)result).Data.ToArray();
    }

    [Fact]
    public void KnownAnswers()
    {
        var abc = "abc"u8;
        // FIPS 180-4 / RFC 7693 appendix A / FIPS 202 examples, and the BLAKE2 keyed KAT.
        Assert.Equal("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7", Hex(new Sha224State(), abc));
        Assert.Equal("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923", Hex(Blake2b(64, []), abc));
        Assert.Equal("508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982", Hex(Blake2s(32, []), abc));
        Assert.Equal("10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568",
            Hex(Blake2b(64, Enumerable.Range(0, 64).Select(i => (byte)i).ToArray())));
        Assert.Equal("48a8997da407876b3d79c0d92325ad3b89cbb754d86ab71aee047ad345fd2c49",
            Hex(Blake2s(32, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray())));
        Assert.Equal("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532", Hex(new KeccakState(136, 0x06, 32), abc));
        var shake = new KeccakState(168, 0x1f, 0);
        var output = new byte[32];
        shake.Final(output);
        Assert.Equal("7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26", Convert.ToHexStringLower(output));
    }

    public static TheoryData<string> Algorithms => ["sha224", "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256", "blake2b", "blake2s"];

    private static HashState Make(string name) => name switch
    {
        "sha224" => new Sha224State(),
        "sha3_224" => new KeccakState(144, 0x06, 28),
        "sha3_256" => new KeccakState(136, 0x06, 32),
        "sha3_384" => new KeccakState(104, 0x06, 48),
        "sha3_512" => new KeccakState(72, 0x06, 64),
        "shake_128" => new KeccakState(168, 0x1f, 0),
        "shake_256" => new KeccakState(136, 0x1f, 0),
        "blake2b" => Blake2b(64, []),
        "blake2s" => Blake2s(32, []),
        _ => throw new ArgumentException(name),
    };

    private static byte[] Finish(HashState s, int xofLength)
    {
        var output = new byte[s.DigestSize == 0 ? xofLength : s.DigestSize];
        s.Final(output);
        return output;
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void AgreesWithOpenSslOnEveryLengthAcrossBlocks(string name)
    {
        for (var n = 0; n <= 600; n++)
        {
            var data = Data(n);
            var s = Make(name);
            s.Update(data);
            // SHAKE output longer than one rate block checks the squeezing.
            var length = s.DigestSize == 0 ? 200 + n % 7 : s.DigestSize;
            Assert.Equal(OpenSsl(name, data, length), Finish(s, length));
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void PiecesCopiesAndRepeatedDigestsAgree(string name)
    {
        var data = Data(700);
        var whole = Make(name);
        whole.Update(data);
        var expected = Finish(whole, 50);
        Assert.Equal(expected, Finish(whole, 50));
        foreach (var step in (int[])[1, 3, 63, 64, 65, 127, 128, 129, 136, 168, 333])
        {
            var s = Make(name);
            HashState? copy = null;
            for (var i = 0; i < data.Length; i += step)
            {
                s.Update(data.AsSpan(i, Math.Min(step, data.Length - i)));
                if (copy is null && i >= 300)
                {
                    copy = s.Clone();
                }
            }
            Assert.Equal(expected, Finish(s, 50));
            copy!.Update([1, 2, 3]);
            Assert.NotEqual(expected, Finish(copy, 50));
            Assert.Equal(expected, Finish(s, 50));
        }
    }

    [Fact]
    public void Blake2ParameterErrorsAreCPythons()
    {
        StandardModules.Register();
        var module = Taipan.Runtime.Python.Inittab.Find("_blake2")!();
        var blake2s = Ops.GetAttr(module, PyStr.Intern("blake2s"));
        PyObject Call(string kw, PyObject value) => Ops.Call(blake2s, [value], PyTuple.Create(new PyStr(kw)));
        var e = Assert.Throws<PyException>(() => Call("digest_size", PyInt.From(33)));
        Assert.Equal("digest_size must be between 1 and 32 bytes", Ops.Str(e.Value).Value);
        e = Assert.Throws<PyException>(() => Call("node_offset", PyInt.From(1L << 48)));
        Assert.Equal("node_offset is too large", Ops.Str(e.Value).Value);
        e = Assert.Throws<PyException>(() => Call("leaf_size", PyInt.From(-1)));
        Assert.Equal("value must be positive", Ops.Str(e.Value).Value);
        Assert.Equal(20L, ((PyInt)Ops.GetAttr(Call("digest_size", PyInt.From(20)), PyStr.Intern("digest_size"))).Small);
    }
}
