// Modules/sha1module.c
using System.Security.Cryptography;
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Hashlib;

[PyModule("_sha1")]
public static partial class Sha1Module
{
    static partial void Initialize(PyModule module) => module.AddBuiltin("SHA1Type", Sha1Object.TypeObject);

    [PyMethod(Keywords = true, Doc = "Return a new SHA1 hash object; optionally initialized with a string.")]
    public static PyObject Sha1(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) =>
        new Sha1Object(new DotNetHashState(HashAlgorithmName.SHA1, 20), @string);
}

/// <summary><c>_sha1.sha1</c>.</summary>
[PyType("_sha1.sha1", Module = "_sha1")]
public sealed partial class Sha1Object : PyObject
{
    private readonly HashState _state;

    // Py_TPFLAGS_DISALLOW_INSTANTIATION: only the module's constructor functions make these.
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw Taipan.Runtime.Errors.PyErr.TypeError("cannot create '_sha1.sha1' instances");

    internal Sha1Object(HashState state, PyObject? data)
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
    public Sha1Object Copy() => new(_state.LockedClone(), null);

    [PyGetter("name")]
    public string Name() => "sha1";

    [PyGetter("digest_size")]
    public long DigestSize() => 20;

    [PyGetter("block_size")]
    public long BlockSize() => 64;
}
