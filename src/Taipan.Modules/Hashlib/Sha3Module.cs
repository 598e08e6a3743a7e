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

/// <summary><c>_sha3.sha3_224</c>.</summary>
[PyType("_sha3.sha3_224", Module = "_sha3", Doc = "sha3_224([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 28 bytes.")]
public sealed partial class Sha3_224Object : PyObject
{
    private readonly KeccakState _state;

    private Sha3_224Object(KeccakState state) => _state = state;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Sha3_224Object(Sha3Module.New("sha3_224", 144, 6, 28, args, kwnames));

    [PyMethod(Doc = "Update this hash object's state with the provided bytes-like object.")]
    public void Update(PyObject data) => _state.LockedUpdate(HashArgs.Data(data));

    [PyMethod(Doc = "Return the digest value as a bytes object.")]
    public PyBytes Digest() => new(_state.LockedDigest());

    [PyMethod(Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr Hexdigest() => HashArgs.Hex(_state.LockedDigest());

    [PyMethod(Doc = "Return a copy of the hash object.")]
    public Sha3_224Object Copy() => new((KeccakState)_state.LockedClone());

    [PyGetter("name")]
    public string Name() => "sha3_224";

    [PyGetter("digest_size")]
    public long DigestSize() => 28;

    [PyGetter("block_size")]
    public long BlockSize() => 144;

    [PyGetter("_capacity_bits")]
    public long CapacityBits() => 448;

    [PyGetter("_rate_bits")]
    public long RateBits() => 1152;

    [PyGetter("_suffix")]
    public PyBytes Suffix() => new([6]);
}

/// <summary><c>_sha3.sha3_256</c>.</summary>
[PyType("_sha3.sha3_256", Module = "_sha3", Doc = "sha3_256([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 32 bytes.")]
public sealed partial class Sha3_256Object : PyObject
{
    private readonly KeccakState _state;

    private Sha3_256Object(KeccakState state) => _state = state;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Sha3_256Object(Sha3Module.New("sha3_256", 136, 6, 32, args, kwnames));

    [PyMethod(Doc = "Update this hash object's state with the provided bytes-like object.")]
    public void Update(PyObject data) => _state.LockedUpdate(HashArgs.Data(data));

    [PyMethod(Doc = "Return the digest value as a bytes object.")]
    public PyBytes Digest() => new(_state.LockedDigest());

    [PyMethod(Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr Hexdigest() => HashArgs.Hex(_state.LockedDigest());

    [PyMethod(Doc = "Return a copy of the hash object.")]
    public Sha3_256Object Copy() => new((KeccakState)_state.LockedClone());

    [PyGetter("name")]
    public string Name() => "sha3_256";

    [PyGetter("digest_size")]
    public long DigestSize() => 32;

    [PyGetter("block_size")]
    public long BlockSize() => 136;

    [PyGetter("_capacity_bits")]
    public long CapacityBits() => 512;

    [PyGetter("_rate_bits")]
    public long RateBits() => 1088;

    [PyGetter("_suffix")]
    public PyBytes Suffix() => new([6]);
}

/// <summary><c>_sha3.sha3_384</c>.</summary>
[PyType("_sha3.sha3_384", Module = "_sha3", Doc = "sha3_384([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 48 bytes.")]
public sealed partial class Sha3_384Object : PyObject
{
    private readonly KeccakState _state;

    private Sha3_384Object(KeccakState state) => _state = state;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Sha3_384Object(Sha3Module.New("sha3_384", 104, 6, 48, args, kwnames));

    [PyMethod(Doc = "Update this hash object's state with the provided bytes-like object.")]
    public void Update(PyObject data) => _state.LockedUpdate(HashArgs.Data(data));

    [PyMethod(Doc = "Return the digest value as a bytes object.")]
    public PyBytes Digest() => new(_state.LockedDigest());

    [PyMethod(Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr Hexdigest() => HashArgs.Hex(_state.LockedDigest());

    [PyMethod(Doc = "Return a copy of the hash object.")]
    public Sha3_384Object Copy() => new((KeccakState)_state.LockedClone());

    [PyGetter("name")]
    public string Name() => "sha3_384";

    [PyGetter("digest_size")]
    public long DigestSize() => 48;

    [PyGetter("block_size")]
    public long BlockSize() => 104;

    [PyGetter("_capacity_bits")]
    public long CapacityBits() => 768;

    [PyGetter("_rate_bits")]
    public long RateBits() => 832;

    [PyGetter("_suffix")]
    public PyBytes Suffix() => new([6]);
}

/// <summary><c>_sha3.sha3_512</c>.</summary>
[PyType("_sha3.sha3_512", Module = "_sha3", Doc = "sha3_512([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 64 bytes.")]
public sealed partial class Sha3_512Object : PyObject
{
    private readonly KeccakState _state;

    private Sha3_512Object(KeccakState state) => _state = state;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Sha3_512Object(Sha3Module.New("sha3_512", 72, 6, 64, args, kwnames));

    [PyMethod(Doc = "Update this hash object's state with the provided bytes-like object.")]
    public void Update(PyObject data) => _state.LockedUpdate(HashArgs.Data(data));

    [PyMethod(Doc = "Return the digest value as a bytes object.")]
    public PyBytes Digest() => new(_state.LockedDigest());

    [PyMethod(Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr Hexdigest() => HashArgs.Hex(_state.LockedDigest());

    [PyMethod(Doc = "Return a copy of the hash object.")]
    public Sha3_512Object Copy() => new((KeccakState)_state.LockedClone());

    [PyGetter("name")]
    public string Name() => "sha3_512";

    [PyGetter("digest_size")]
    public long DigestSize() => 64;

    [PyGetter("block_size")]
    public long BlockSize() => 72;

    [PyGetter("_capacity_bits")]
    public long CapacityBits() => 1024;

    [PyGetter("_rate_bits")]
    public long RateBits() => 576;

    [PyGetter("_suffix")]
    public PyBytes Suffix() => new([6]);
}

/// <summary><c>_sha3.shake_128</c>.</summary>
[PyType("_sha3.shake_128", Module = "_sha3", Doc = "shake_128([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object.")]
public sealed partial class Shake128Object : PyObject
{
    private readonly KeccakState _state;

    private Shake128Object(KeccakState state) => _state = state;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Shake128Object(Sha3Module.New("shake_128", 168, 31, 0, args, kwnames));

    [PyMethod(Doc = "Update this hash object's state with the provided bytes-like object.")]
    public void Update(PyObject data) => _state.LockedUpdate(HashArgs.Data(data));

    [PyMethod(Doc = "Return the digest value as a bytes object.")]
    public PyBytes Digest(PyObject length) => new(Sha3Module.ShakeDigest(_state, length));

    [PyMethod(Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr Hexdigest(PyObject length) => HashArgs.Hex(Sha3Module.ShakeDigest(_state, length));

    [PyMethod(Doc = "Return a copy of the hash object.")]
    public Shake128Object Copy() => new((KeccakState)_state.LockedClone());

    [PyGetter("name")]
    public string Name() => "shake_128";

    [PyGetter("digest_size")]
    public long DigestSize() => 0;

    [PyGetter("block_size")]
    public long BlockSize() => 168;

    [PyGetter("_capacity_bits")]
    public long CapacityBits() => 256;

    [PyGetter("_rate_bits")]
    public long RateBits() => 1344;

    [PyGetter("_suffix")]
    public PyBytes Suffix() => new([31]);
}

/// <summary><c>_sha3.shake_256</c>.</summary>
[PyType("_sha3.shake_256", Module = "_sha3", Doc = "shake_256([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object.")]
public sealed partial class Shake256Object : PyObject
{
    private readonly KeccakState _state;

    private Shake256Object(KeccakState state) => _state = state;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        new Shake256Object(Sha3Module.New("shake_256", 136, 31, 0, args, kwnames));

    [PyMethod(Doc = "Update this hash object's state with the provided bytes-like object.")]
    public void Update(PyObject data) => _state.LockedUpdate(HashArgs.Data(data));

    [PyMethod(Doc = "Return the digest value as a bytes object.")]
    public PyBytes Digest(PyObject length) => new(Sha3Module.ShakeDigest(_state, length));

    [PyMethod(Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr Hexdigest(PyObject length) => HashArgs.Hex(Sha3Module.ShakeDigest(_state, length));

    [PyMethod(Doc = "Return a copy of the hash object.")]
    public Shake256Object Copy() => new((KeccakState)_state.LockedClone());

    [PyGetter("name")]
    public string Name() => "shake_256";

    [PyGetter("digest_size")]
    public long DigestSize() => 0;

    [PyGetter("block_size")]
    public long BlockSize() => 136;

    [PyGetter("_capacity_bits")]
    public long CapacityBits() => 512;

    [PyGetter("_rate_bits")]
    public long RateBits() => 1088;

    [PyGetter("_suffix")]
    public PyBytes Suffix() => new([31]);
}
