// Modules/_sha3/sha3module.c
using Taipan.Runtime;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Hashlib;

[PyModule("_sha3")]
public static partial class Sha3Module
{
    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("sha3_224", Sha3_224Object.TypeObject);
        module.AddBuiltin("sha3_256", Sha3_256Object.TypeObject);
        module.AddBuiltin("sha3_384", Sha3_384Object.TypeObject);
        module.AddBuiltin("sha3_512", Sha3_512Object.TypeObject);
        module.AddBuiltin("shake_128", Shake128Object.TypeObject);
        module.AddBuiltin("shake_256", Shake256Object.TypeObject);
        // CPython 3.11 reports its bundled tiny_sha3 without the optimized Keccak code.
        module.AddBuiltin("implementation", new PyStr("tiny_sha3"));
        module.AddBuiltin("keccakopt", PyInt.From(0));
    }
}

/// <summary>The members the sha3 and shake types share.</summary>
public abstract class KeccakObject : BytesHashObject
{
    private static readonly string[] s_newNames = ["", "usedforsecurity"];

    private protected KeccakObject(string name, int rateBytes, byte suffix, int digestSize)
        : base(new KeccakState(rateBytes, suffix, digestSize), name, rateBytes, null)
    {
    }

    /// <summary><c>py_sha3_new</c>'s arguments: <c>(data=b'', /, *, usedforsecurity=True)</c>.</summary>
    private protected PyObject Init(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Span<PyObject?> a = [null, null];
        ArgParse.UnpackKeywords(Name(), args, kwnames, s_newNames, 0, 1, 0, a);
        if (a[1] is { } used)
        {
            Taipan.Runtime.Abstract.Ops.IsTrue(used);
        }
        if (a[0] is { } data)
        {
            State.LockedUpdate(HashArgs.Data(data));
        }
        return this;
    }

    private KeccakState Keccak => (KeccakState)State;

    [PyGetter("_capacity_bits")]
    public long CapacityBits() => 1600 - (Keccak.RateBytes * 8);

    [PyGetter("_rate_bits")]
    public long RateBits() => Keccak.RateBytes * 8;

    [PyGetter("_suffix")]
    public PyBytes Suffix() => new([Keccak.Suffix]);
}

/// <summary>SHAKE's digest length is the caller's.</summary>
public abstract class ShakeObject : KeccakObject
{
    private protected ShakeObject(string name, int rateBytes) : base(name, rateBytes, 31, 0)
    {
    }

    [PyMethod("digest", Doc = "Return the digest value as a bytes object.")]
    public PyBytes ShakeDigest(PyObject length) => new(Squeeze(length));

    [PyMethod("hexdigest", Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr ShakeHexdigest(PyObject length) => HashArgs.Hex(Squeeze(length));

    /// <summary>The length argument of SHAKE's <c>digest</c> and <c>hexdigest</c>.</summary>
    private byte[] Squeeze(PyObject length)
    {
        var n = HashArgs.UnsignedLong(length);
        if (n >= 1UL << 29)
        {
            throw Taipan.Runtime.Errors.PyErr.ValueError("length is too large");
        }
        var result = new byte[n];
        if (n > 0)
        {
            State.LockedFinal(result);
        }
        return result;
    }
}

/// <summary><c>_sha3.sha3_224</c>.</summary>
[PyType("_sha3.sha3_224", Module = "_sha3", FromSpec = true, Doc = "sha3_224([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 28 bytes.")]
public sealed partial class Sha3_224Object() : KeccakObject("sha3_224", 144, 6, 28)
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new Sha3_224Object().Init(args, kwnames);
}

/// <summary><c>_sha3.sha3_256</c>.</summary>
[PyType("_sha3.sha3_256", Module = "_sha3", FromSpec = true, Doc = "sha3_256([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 32 bytes.")]
public sealed partial class Sha3_256Object() : KeccakObject("sha3_256", 136, 6, 32)
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new Sha3_256Object().Init(args, kwnames);
}

/// <summary><c>_sha3.sha3_384</c>.</summary>
[PyType("_sha3.sha3_384", Module = "_sha3", FromSpec = true, Doc = "sha3_384([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 48 bytes.")]
public sealed partial class Sha3_384Object() : KeccakObject("sha3_384", 104, 6, 48)
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new Sha3_384Object().Init(args, kwnames);
}

/// <summary><c>_sha3.sha3_512</c>.</summary>
[PyType("_sha3.sha3_512", Module = "_sha3", FromSpec = true, Doc = "sha3_512([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 64 bytes.")]
public sealed partial class Sha3_512Object() : KeccakObject("sha3_512", 72, 6, 64)
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new Sha3_512Object().Init(args, kwnames);
}

/// <summary><c>_sha3.shake_128</c>.</summary>
[PyType("_sha3.shake_128", Module = "_sha3", FromSpec = true, Doc = "shake_128([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object.")]
public sealed partial class Shake128Object() : ShakeObject("shake_128", 168)
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new Shake128Object().Init(args, kwnames);
}

/// <summary><c>_sha3.shake_256</c>.</summary>
[PyType("_sha3.shake_256", Module = "_sha3", FromSpec = true, Doc = "shake_256([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object.")]
public sealed partial class Shake256Object() : ShakeObject("shake_256", 136)
{
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new Shake256Object().Init(args, kwnames);
}
