// Python/pyhash.c
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Taipan.Runtime.Python;

/// <summary>
/// CPython's hashing: SipHash-1-3 for str and bytes, keyed by the hash secret that
/// <c>PYTHONHASHSEED</c> selects (unset or "random": random keys; 0: zero keys; N: keys from
/// the same linear congruential generator CPython uses), and the numeric hash (values modulo
/// the Mersenne prime 2**61 - 1) that makes <c>hash(1) == hash(1.0) == hash(True)</c>.
/// </summary>
public static class PyHash
{
    /// <summary>2**61 - 1, CPython's <c>_PyHASH_MODULUS</c> on 64-bit machines.</summary>
    public const long Modulus = (1L << 61) - 1;
    public const int Bits = 61;
    public const long Inf = 314159;
    public const long Imag = 1000003;

    private static readonly ulong K0;
    private static readonly ulong K1;

    static PyHash()
    {
        var seed = Environment.GetEnvironmentVariable("PYTHONHASHSEED");
        if (string.IsNullOrEmpty(seed) || seed == "random")
        {
            // The kernel's generator, read directly: RandomNumberGenerator would load OpenSSL,
            // 15 ms of every start-up.
            Span<byte> secret = stackalloc byte[16];
            using (var urandom = File.OpenHandle("/dev/urandom"))
                RandomAccess.Read(urandom, secret, 0);
            K0 = BinaryPrimitives.ReadUInt64LittleEndian(secret);
            K1 = BinaryPrimitives.ReadUInt64LittleEndian(secret[8..]);
        }
        else if (uint.TryParse(seed, out var x))
        {
            (K0, K1) = KeysForSeed(x);
        }
    }

    /// <summary>The SipHash keys that <c>PYTHONHASHSEED=seed</c> selects: zero for 0, else the
    /// first 16 bytes of CPython's <c>lcg_urandom</c> stream.</summary>
    public static (ulong K0, ulong K1) KeysForSeed(uint seed)
    {
        if (seed == 0)
        {
            return (0, 0);
        }
        Span<byte> secret = stackalloc byte[24];
        LcgFill(seed, secret);
        return (BinaryPrimitives.ReadUInt64LittleEndian(secret), BinaryPrimitives.ReadUInt64LittleEndian(secret[8..]));
    }

    private static void LcgFill(uint x, Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            x = unchecked(x * 214013 + 2531011);
            buffer[i] = (byte)((x >> 16) & 0xff);
        }
    }

    /// <summary>The hash of raw bytes (bytes objects, and str through its representation).</summary>
    public static long Bytes(ReadOnlySpan<byte> data) => BytesWithKeys(data, K0, K1);

    private static long BytesWithKeys(ReadOnlySpan<byte> data, ulong k0, ulong k1)
    {
        if (data.Length == 0)
        {
            return 0;
        }
        var h = (long)Taipan.Bytecode.SipHash.Hash13(k0, k1, data);
        return h == -1 ? -2 : h;
    }

    /// <summary>The hash of a str: SipHash over CPython's internal representation, one, two or
    /// four bytes per code point depending on the largest one (PEP 393).</summary>
    public static long Str(string s) => StrWithKeys(s, K0, K1);

    internal static long StrWithKeys(string s, ulong k0, ulong k1)
    {
        if (s.Length == 0)
        {
            return 0;
        }
        var max = 0;
        var astral = false;
        foreach (var c in s)
        {
            if (c > max)
            {
                max = c;
            }
            if (char.IsSurrogate(c))
            {
                astral = true;
            }
        }
        if (max < 0x100)
        {
            Span<byte> small = s.Length <= 256 ? stackalloc byte[s.Length] : new byte[s.Length];
            for (var i = 0; i < s.Length; i++)
            {
                small[i] = (byte)s[i];
            }
            return BytesWithKeys(small, k0, k1);
        }
        if (!astral || !HasSurrogatePair(s))
        {
            var ucs2 = System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.AsSpan());
            if (BitConverter.IsLittleEndian)
            {
                return BytesWithKeys(ucs2, k0, k1);
            }
        }
        var ucs4 = new List<byte>(s.Length * 4);
        for (var i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            ucs4.Add((byte)cp);
            ucs4.Add((byte)(cp >> 8));
            ucs4.Add((byte)(cp >> 16));
            ucs4.Add(0);
        }
        return BytesWithKeys(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ucs4), k0, k1);
    }

    private static bool HasSurrogatePair(string s)
    {
        for (var i = 0; i + 1 < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The hash of an int: its value modulo 2**61 - 1, with the sign; -1 becomes -2.</summary>
    public static long Int(long v)
    {
        var magnitude = v < 0 ? (ulong)(-(v + 1)) + 1 : (ulong)v;
        var h = (long)(magnitude % Modulus);
        if (v < 0)
        {
            h = -h;
        }
        return h == -1 ? -2 : h;
    }

    public static long Int(BigInteger v)
    {
        var m = (long)(BigInteger.Abs(v) % Modulus);
        var h = v.Sign < 0 ? -m : m;
        return h == -1 ? -2 : h;
    }

    /// <summary><c>_Py_HashDouble</c> for finite values and infinities; NaN hashes by identity,
    /// which the caller supplies.</summary>
    public static long Double(double v, object nanIdentity)
    {
        if (double.IsNaN(v))
        {
            return Pointer(nanIdentity);
        }
        if (double.IsInfinity(v))
        {
            return v > 0 ? Inf : -Inf;
        }
        var (m, e) = Frexp(v);
        var sign = 1;
        if (m < 0)
        {
            sign = -1;
            m = -m;
        }
        // Process 28 bits at a time, as CPython does, folding the exponent in afterwards.
        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & Modulus) | (x >> (Bits - 28));
            m *= 268435456.0;
            e -= 28;
            var y = (ulong)m;
            m -= y;
            x += y;
            if (x >= Modulus)
            {
                x -= Modulus;
            }
        }
        e = e >= 0 ? e % Bits : Bits - 1 - ((-1 - e) % Bits);
        x = ((x << e) & Modulus) | (x >> (Bits - e));
        var h = (long)x * sign;
        return h == -1 ? -2 : h;
    }

    /// <summary>C's <c>frexp</c>: v = m * 2**e with 0.5 &lt;= |m| &lt; 1.</summary>
    public static (double Mantissa, int Exponent) Frexp(double v)
    {
        if (v == 0 || double.IsNaN(v) || double.IsInfinity(v))
        {
            return (v, 0);
        }
        var bits = BitConverter.DoubleToInt64Bits(v);
        var exp = (int)((bits >> 52) & 0x7ff);
        if (exp == 0)
        {
            // Subnormal: scale into the normal range first.
            var (m, e) = Frexp(v * 18014398509481984.0); // 2**54
            return (m, e - 54);
        }
        var e2 = exp - 1022;
        var mbits = (bits & ~(0x7ffL << 52)) | (1022L << 52);
        return (BitConverter.Int64BitsToDouble(mbits), e2);
    }

    /// <summary><c>_Py_HashPointer</c>: identity hashes, rotated as CPython rotates addresses.</summary>
    public static long Pointer(object o)
    {
        var y = (ulong)(uint)RuntimeHelpers.GetHashCode(o) << 4;
        var h = (long)((y >> 4) | (y << 60));
        return h == -1 ? -2 : h;
    }
}
