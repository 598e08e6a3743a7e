// Modules/_sha3/sha3module.c
using Taipan.Runtime;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Hashlib;

[PyModule("_sha3")]
public static partial class Sha3Module
{
    private static readonly string[] s_newNames = ["", "usedforsecurity"];

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

    /// <summary><c>py_sha3_new</c>'s arguments: <c>(data=b'', /, *, usedforsecurity=True)</c>.</summary>
    internal static KeccakState New(string name, int rateBytes, byte suffix, int digestSize, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Span<PyObject?> a = [null, null];
        ArgParse.UnpackKeywords(name, args, kwnames, s_newNames, 0, 1, 0, a);
        if (a[1] is { } used)
        {
            Taipan.Runtime.Abstract.Ops.IsTrue(used);
        }
        var state = new KeccakState(rateBytes, suffix, digestSize);
        if (a[0] is { } data)
        {
            state.LockedUpdate(HashArgs.Data(data));
        }
        return state;
    }

    /// <summary>The length argument of SHAKE's <c>digest</c> and <c>hexdigest</c>.</summary>
    internal static byte[] ShakeDigest(KeccakState state, PyObject length)
    {
        var n = HashArgs.UnsignedLong(length);
        if (n >= 1UL << 29)
        {
            throw Taipan.Runtime.Errors.PyErr.ValueError("length is too large");
        }
        var result = new byte[n];
        if (n > 0)
        {
            state.LockedFinal(result);
        }
        return result;
    }
}

/// <summary>The members the sha3 and shake types share.</summary>
public abstract class KeccakObject : BytesHashObject
{
    private protected KeccakObject(KeccakState state, string name) : base(state, name, state.RateBytes, null)
    {
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
    private protected ShakeObject(KeccakState state, string name) : base(state, name)
    {
    }

    [PyMethod("digest", Doc = "Return the digest value as a bytes object.")]
    public PyBytes ShakeDigest(PyObject length) => new(Sha3Module.ShakeDigest((KeccakState)State, length));

    [PyMethod("hexdigest", Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr ShakeHexdigest(PyObject length) => HashArgs.Hex(Sha3Module.ShakeDigest((KeccakState)State, length));
}

/// <summary><c>_sha3.sha3_224</c>.</summary>
[PyType("_sha3.sha3_224", Module = "_sha3", FromSpec = true, Doc = "sha3_224([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 28 bytes.")]
public sealed partial class Sha3_224Object : KeccakObject
{
    private Sha3_224Object(KeccakState state) : base(state, "sha3_224")
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Sha3_224Object(Sha3Module.New("sha3_224", 144, 6, 28, args, kwnames));
}

/// <summary><c>_sha3.sha3_256</c>.</summary>
[PyType("_sha3.sha3_256", Module = "_sha3", FromSpec = true, Doc = "sha3_256([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 32 bytes.")]
public sealed partial class Sha3_256Object : KeccakObject
{
    private Sha3_256Object(KeccakState state) : base(state, "sha3_256")
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Sha3_256Object(Sha3Module.New("sha3_256", 136, 6, 32, args, kwnames));
}

/// <summary><c>_sha3.sha3_384</c>.</summary>
[PyType("_sha3.sha3_384", Module = "_sha3", FromSpec = true, Doc = "sha3_384([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 48 bytes.")]
public sealed partial class Sha3_384Object : KeccakObject
{
    private Sha3_384Object(KeccakState state) : base(state, "sha3_384")
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Sha3_384Object(Sha3Module.New("sha3_384", 104, 6, 48, args, kwnames));
}

/// <summary><c>_sha3.sha3_512</c>.</summary>
[PyType("_sha3.sha3_512", Module = "_sha3", FromSpec = true, Doc = "sha3_512([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 64 bytes.")]
public sealed partial class Sha3_512Object : KeccakObject
{
    private Sha3_512Object(KeccakState state) : base(state, "sha3_512")
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Sha3_512Object(Sha3Module.New("sha3_512", 72, 6, 64, args, kwnames));
}

/// <summary><c>_sha3.shake_128</c>.</summary>
[PyType("_sha3.shake_128", Module = "_sha3", FromSpec = true, Doc = "shake_128([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object.")]
public sealed partial class Shake128Object : ShakeObject
{
    private Shake128Object(KeccakState state) : base(state, "shake_128")
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Shake128Object(Sha3Module.New("shake_128", 168, 31, 0, args, kwnames));
}

/// <summary><c>_sha3.shake_256</c>.</summary>
[PyType("_sha3.shake_256", Module = "_sha3", FromSpec = true, Doc = "shake_256([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object.")]
public sealed partial class Shake256Object : ShakeObject
{
    private Shake256Object(KeccakState state) : base(state, "shake_256")
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Shake256Object(Sha3Module.New("shake_256", 136, 31, 0, args, kwnames));
}
