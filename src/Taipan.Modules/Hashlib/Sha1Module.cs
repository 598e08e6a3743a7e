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
[PyType("_sha1.sha1", Module = "_sha1", FromSpec = true)]
public sealed partial class Sha1Object : HashObject
{
    internal Sha1Object(HashState state, PyObject? data) : base(state, "sha1", 64, data)
    {
    }
}
