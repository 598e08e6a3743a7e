// Modules/md5module.c
using System.Security.Cryptography;
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Hashlib;

[PyModule("_md5")]
public static partial class Md5Module
{
    static partial void Initialize(PyModule module) => module.AddBuiltin("MD5Type", Md5Object.TypeObject);

    [PyMethod(Keywords = true, Doc = "Return a new MD5 hash object; optionally initialized with a string.")]
    public static PyObject Md5(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) =>
        new Md5Object(new DotNetHashState(HashAlgorithmName.MD5, 16), @string);
}

/// <summary><c>_md5.md5</c>.</summary>
[PyType("_md5.md5", Module = "_md5")]
public sealed partial class Md5Object : PyObject
{
    private readonly HashState _state;

    // Py_TPFLAGS_DISALLOW_INSTANTIATION: only the module's constructor functions make these.
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw Taipan.Runtime.Errors.PyErr.TypeError("cannot create '_md5.md5' instances");

    internal Md5Object(HashState state, PyObject? data)
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
    public Md5Object Copy() => new(_state.LockedClone(), null);

    [PyGetter("name")]
    public string Name() => "md5";

    [PyGetter("digest_size")]
    public long DigestSize() => 16;

    [PyGetter("block_size")]
    public long BlockSize() => 64;
}
