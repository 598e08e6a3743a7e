// Modules/sha512module.c
using System.Security.Cryptography;
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Hashlib;

[PyModule("_sha512")]
public static partial class Sha512Module
{
    // CPython 3.11 registers the sha512 type under the name SHA384Type (and has no SHA512Type).
    static partial void Initialize(PyModule module) => module.AddBuiltin("SHA384Type", Sha512Object.TypeObject);

    [PyMethod(Keywords = true, Doc = "Return a new SHA-512 hash object; optionally initialized with a string.")]
    public static PyObject Sha512(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) =>
        new Sha512Object(new DotNetHashState(HashAlgorithmName.SHA512, 64), @string);

    [PyMethod(Keywords = true, Doc = "Return a new SHA-384 hash object; optionally initialized with a string.")]
    public static PyObject Sha384(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) =>
        new Sha384Object(new DotNetHashState(HashAlgorithmName.SHA384, 48), @string);
}

/// <summary><c>_sha512.sha512</c>.</summary>
[PyType("_sha512.sha512", Module = "_sha512")]
public sealed partial class Sha512Object : PyObject
{
    private readonly HashState _state;

    // Py_TPFLAGS_DISALLOW_INSTANTIATION: only the module's constructor functions make these.
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw Taipan.Runtime.Errors.PyErr.TypeError("cannot create '_sha512.sha512' instances");

    internal Sha512Object(HashState state, PyObject? data)
    {
        _state = state;
        if (data is not null)
        {
            _state.LockedUpdate(HashArgs.Data(data));
        }
    }

    [PyMethod(Doc = "Update this hash object's state with the provided string.")]
    public void Update(PyObject data) => _state.LockedUpdate(HashArgs.Data(data));

    [PyMethod(Doc = "Return the digest value as a bytes object.")]
    public PyBytes Digest() => new(_state.LockedDigest());

    [PyMethod(Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr Hexdigest() => HashArgs.Hex(_state.LockedDigest());

    [PyMethod(Doc = "Return a copy of the hash object.")]
    public Sha512Object Copy() => new(_state.LockedClone(), null);

    [PyGetter("name")]
    public string Name() => "sha512";

    [PyGetter("digest_size")]
    public long DigestSize() => 64;

    // A read-only member (T_INT) in CPython, hence its message.
    [PySetter("digest_size")]
    public void SetDigestSize(PyObject? value) => throw Taipan.Runtime.Errors.PyErr.AttributeError("readonly attribute");

    [PyGetter("block_size")]
    public long BlockSize() => 128;
}

/// <summary><c>_sha512.sha384</c>.</summary>
[PyType("_sha512.sha384", Module = "_sha512")]
public sealed partial class Sha384Object : PyObject
{
    private readonly HashState _state;

    // Py_TPFLAGS_DISALLOW_INSTANTIATION: only the module's constructor functions make these.
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw Taipan.Runtime.Errors.PyErr.TypeError("cannot create '_sha512.sha384' instances");

    internal Sha384Object(HashState state, PyObject? data)
    {
        _state = state;
        if (data is not null)
        {
            _state.LockedUpdate(HashArgs.Data(data));
        }
    }

    [PyMethod(Doc = "Update this hash object's state with the provided string.")]
    public void Update(PyObject data) => _state.LockedUpdate(HashArgs.Data(data));

    [PyMethod(Doc = "Return the digest value as a bytes object.")]
    public PyBytes Digest() => new(_state.LockedDigest());

    [PyMethod(Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr Hexdigest() => HashArgs.Hex(_state.LockedDigest());

    [PyMethod(Doc = "Return a copy of the hash object.")]
    public Sha384Object Copy() => new(_state.LockedClone(), null);

    [PyGetter("name")]
    public string Name() => "sha384";

    [PyGetter("digest_size")]
    public long DigestSize() => 48;

    // A read-only member (T_INT) in CPython, hence its message.
    [PySetter("digest_size")]
    public void SetDigestSize(PyObject? value) => throw Taipan.Runtime.Errors.PyErr.AttributeError("readonly attribute");

    [PyGetter("block_size")]
    public long BlockSize() => 128;
}
