// Python/pyhash.c (siphash13, _Py_KeyedHash)
using System.Buffers.Binary;
using System.Numerics;

namespace Taipan.Bytecode;

/// <summary>SipHash-1-3 (one compression round, three finalization rounds), as CPython 3.11's
/// <c>_Py_KeyedHash</c> computes it for <c>_imp.source_hash</c>.</summary>
public static class SipHash
{
    public static ulong Hash13(ulong k0, ulong k1, ReadOnlySpan<byte> data)
    {
        var v0 = k0 ^ 0x736f6d6570736575UL;
        var v1 = k1 ^ 0x646f72616e646f6dUL;
        var v2 = k0 ^ 0x6c7967656e657261UL;
        var v3 = k1 ^ 0x7465646279746573UL;
        var b = (ulong)data.Length << 56;

        while (data.Length >= 8)
        {
            var m = BinaryPrimitives.ReadUInt64LittleEndian(data);
            data = data[8..];
            v3 ^= m;
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= m;
        }

        ulong tail = 0;
        for (var i = data.Length - 1; i >= 0; i--)
        {
            tail = (tail << 8) | data[i];
        }

        b |= tail;
        v3 ^= b;
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= b;
        v2 ^= 0xff;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1;
        v2 += v3;
        v1 = BitOperations.RotateLeft(v1, 13) ^ v0;
        v3 = BitOperations.RotateLeft(v3, 16) ^ v2;
        v0 = BitOperations.RotateLeft(v0, 32);
        v2 += v1;
        v0 += v3;
        v1 = BitOperations.RotateLeft(v1, 17) ^ v2;
        v3 = BitOperations.RotateLeft(v3, 21) ^ v0;
        v2 = BitOperations.RotateLeft(v2, 32);
    }
}
