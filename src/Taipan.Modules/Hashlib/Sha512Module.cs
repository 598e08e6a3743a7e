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
[PyType("_sha512.sha512", Module = "_sha512", FromSpec = true)]
public sealed partial class Sha512Object : Sha2Object
{
    internal Sha512Object(HashState state, PyObject? data) : base(state, "sha512", 128, data)
    {
    }
}

/// <summary><c>_sha512.sha384</c>.</summary>
[PyType("_sha512.sha384", Module = "_sha512", FromSpec = true)]
public sealed partial class Sha384Object : Sha2Object
{
    internal Sha384Object(HashState state, PyObject? data) : base(state, "sha384", 128, data)
    {
    }
}
