// Modules/hashlib.h
using System.Numerics;
using System.Security.Cryptography;
using Taipan.Runtime;
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
        using (HashLock.EnterForUpdate(_sync, data.Length))
        {
            Update(data);
        }
    }

    public void LockedFinal(Span<byte> output)
    {
        using (HashLock.Enter(_sync))
        {
            Final(output);
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
        using (HashLock.Enter(_sync))
        {
            return Clone();
        }
    }
}

/// <summary>CPython's hashlib.h locking: HASHLIB_GIL_MINSIZE and ENTER_HASHLIB.</summary>
internal static class HashLock
{
    public const int GilMinSize = 2048;

    /// <summary>Takes an object's lock; when another thread holds it (hashing with the GIL
    /// released), waits with the GIL released so that thread can finish.</summary>
    public static Held Enter(Lock sync)
    {
        if (!sync.TryEnter())
        {
            using (Gil.Release())
            {
                sync.Enter();
            }
        }
        return new Held(sync, default);
    }

    /// <summary>Takes an object's lock to hash <paramref name="length"/> bytes: for
    /// <see cref="GilMinSize"/> bytes or more, with the GIL released until the lock is
    /// given back.</summary>
    public static Held EnterForUpdate(Lock sync, int length)
    {
        if (length < GilMinSize)
        {
            return Enter(sync);
        }
        var gil = Gil.Release();
        sync.Enter();
        return new Held(sync, gil);
    }

    /// <summary>The lock taken (LEAVE_HASHLIB when disposed), then the GIL taken back if it
    /// was released.</summary>
    public readonly ref struct Held(Lock sync, Gil.Released gil)
    {
        public void Dispose()
        {
            sync.Exit();
            gil.Dispose();
        }
    }
}

/// <summary>The members the hash objects of the algorithm modules (md5, sha1, sha256, sha512,
/// sha3, blake2) share, as their C files share hashlib.h: each module's types derive from it
/// and the generator gives each type these methods and attributes.</summary>
public abstract class HashObject : PyObject
{
    private readonly string _name;
    private readonly int _blockSize;

    /// <summary>An object over <paramref name="state"/>, fed the constructor's data argument
    /// when given.</summary>
    private protected HashObject(HashState state, string name, int blockSize, PyObject? data)
    {
        State = state;
        _name = name;
        _blockSize = blockSize;
        if (data is not null)
        {
            state.LockedUpdate(HashArgs.Data(data));
        }
    }

    internal HashState State { get; private set; }

    // Py_TPFLAGS_DISALLOW_INSTANTIATION: only the module's constructor functions make these.
    [PySlot("tp_new")]
    public static PyObject Uninstantiable(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyErr.TypeError($"cannot create '{type.Name}' instances");

    [PyMethod(Doc = "Update this hash object's state with the provided string.")]
    public void Update(PyObject data) => State.LockedUpdate(HashArgs.Data(data));

    [PyMethod(Doc = "Return the digest value as a bytes object.")]
    public PyBytes Digest() => new(State.LockedDigest());

    [PyMethod(Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr Hexdigest() => HashArgs.Hex(State.LockedDigest());

    [PyMethod(Doc = "Return a copy of the hash object.")]
    public PyObject Copy()
    {
        // The types keep all their state here, so a shallow copy with its own state is a copy
        // of the same type.
        var copy = (HashObject)MemberwiseClone();
        copy.State = State.LockedClone();
        return copy;
    }

    [PyGetter("name")]
    public string Name() => _name;

    [PyGetter("digest_size")]
    public long DigestSize() => State.DigestSize;

    [PyGetter("block_size")]
    public long BlockSize() => _blockSize;
}

/// <summary>The update method of sha3 and blake2, whose doc says "bytes-like object".</summary>
public abstract class BytesHashObject : HashObject
{
    private protected BytesHashObject(HashState state, string name, int blockSize, PyObject? data) : base(state, name, blockSize, data)
    {
    }

    [PyMethod(Doc = "Update this hash object's state with the provided bytes-like object.")]
    public new void Update(PyObject data) => base.Update(data);
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
