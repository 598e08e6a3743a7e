// Modules/hashlib.h
using System.Numerics;
using System.Security.Cryptography;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Hashlib;

/// <summary>The running state of one message digest: fed with spans, finished on a copy so the
/// object can go on being updated after <c>digest()</c>, as every hashlib object can.</summary>
internal abstract class HashState
{
    public abstract int DigestSize { get; }

    public abstract void Update(ReadOnlySpan<byte> data);

    /// <summary>Writes the digest of what was fed so far without changing the state.</summary>
    public abstract void Final(Span<byte> output);

    public abstract HashState Clone();

    public byte[] Digest()
    {
        var result = new byte[DigestSize];
        Final(result);
        return result;
    }

    // The object's lock (CPython's ENTER_HASHLIB): big updates run with the GIL released, so
    // other threads may reach the same object meanwhile.
    private readonly Lock _sync = new();

    /// <summary><c>update</c>: inputs of <see cref="HashLock.GilMinSize"/> bytes or more are
    /// hashed with the GIL released, as CPython does.</summary>
    public void LockedUpdate(ReadOnlySpan<byte> data)
    {
        if (data.Length >= HashLock.GilMinSize)
        {
            using (Gil.Release())
            {
                _sync.Enter();
                try
                {
                    Update(data);
                }
                finally
                {
                    _sync.Exit();
                }
            }
            return;
        }
        HashLock.Enter(_sync);
        try
        {
            Update(data);
        }
        finally
        {
            _sync.Exit();
        }
    }

    public void LockedFinal(Span<byte> output)
    {
        HashLock.Enter(_sync);
        try
        {
            Final(output);
        }
        finally
        {
            _sync.Exit();
        }
    }

    public byte[] LockedDigest()
    {
        var result = new byte[DigestSize];
        LockedFinal(result);
        return result;
    }

    public HashState LockedClone()
    {
        HashLock.Enter(_sync);
        try
        {
            return Clone();
        }
        finally
        {
            _sync.Exit();
        }
    }
}

/// <summary>CPython's hashlib.h locking: HASHLIB_GIL_MINSIZE and ENTER_HASHLIB.</summary>
internal static class HashLock
{
    public const int GilMinSize = 2048;

    /// <summary>Takes an object's lock; when another thread holds it (hashing with the GIL
    /// released), waits with the GIL released so that thread can finish.</summary>
    public static void Enter(Lock sync)
    {
        if (!sync.TryEnter())
        {
            using (Gil.Release())
            {
                sync.Enter();
            }
        }
    }
}

/// <summary>A digest that .NET implements (on Linux, through the platform's OpenSSL).</summary>
internal sealed class DotNetHashState(IncrementalHash hash, int digestSize) : HashState
{
    public DotNetHashState(HashAlgorithmName algorithm, int digestSize) : this(IncrementalHash.CreateHash(algorithm), digestSize)
    {
    }

    public override int DigestSize => digestSize;

    public override void Update(ReadOnlySpan<byte> data) => hash.AppendData(data);

    public override void Final(Span<byte> output) => hash.GetCurrentHash(output);

    public override HashState Clone() => new DotNetHashState(hash.Clone(), digestSize);
}

/// <summary>The argument checks every hash module shares.</summary>
internal static class HashArgs
{
    /// <summary><c>GET_BUFFER_VIEW_OR_ERROUT</c>: the bytes of the data to hash.</summary>
    public static ReadOnlySpan<byte> Data(PyObject data)
    {
        if (data is PyStr)
        {
            throw PyErr.TypeError("Strings must be encoded before hashing");
        }
        if (!BufferProtocol.TryRead(data, out var bytes))
        {
            throw PyErr.TypeError("object supporting the buffer API required");
        }
        CheckContiguous(data);
        return bytes;
    }

    /// <summary>A <c>Py_buffer</c> argument (key, salt, person, password).</summary>
    public static ReadOnlySpan<byte> Buffer(PyObject o)
    {
        if (!BufferProtocol.TryRead(o, out var bytes))
        {
            throw PyErr.TypeError($"a bytes-like object is required, not '{o.Type.Name}'");
        }
        CheckContiguous(o);
        return bytes;
    }

    /// <summary>A simple buffer request (PyBUF_SIMPLE) refuses a strided view rather than
    /// hashing a copy.</summary>
    private static void CheckContiguous(PyObject o)
    {
        if (o is PyMemoryView mv && !mv.CContiguous())
        {
            throw PyErr.New(PyExc.BufferError, "memoryview: underlying buffer is not C-contiguous");
        }
    }

    /// <summary>Argument Clinic's <c>unsigned_long</c> converter.</summary>
    public static ulong UnsignedLong(PyObject o)
    {
        var v = UnsignedValue(o);
        if (v > ulong.MaxValue)
        {
            throw PyErr.OverflowError("Python int too large to convert to C unsigned long");
        }
        return (ulong)v;
    }

    /// <summary>Argument Clinic's <c>unsigned_long_long</c> converter.</summary>
    public static ulong UnsignedLongLong(PyObject o)
    {
        var v = UnsignedValue(o);
        if (v > ulong.MaxValue)
        {
            throw PyErr.OverflowError("int too big to convert");
        }
        return (ulong)v;
    }

    private static BigInteger UnsignedValue(PyObject o)
    {
        if (o is not PyInt i)
        {
            throw PyErr.TypeError("an integer is required");
        }
        if (i.IsSmall ? i.Small < 0 : i.Value.Sign < 0)
        {
            throw PyErr.ValueError("value must be positive");
        }
        return i.IsSmall ? i.Small : i.Value;
    }

    public static PyStr Hex(ReadOnlySpan<byte> digest) => new(Convert.ToHexStringLower(digest));
}
