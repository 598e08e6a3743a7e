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
[PyType("_md5.md5", Module = "_md5", FromSpec = true)]
public sealed partial class Md5Object : HashObject
{
    internal Md5Object(HashState state, PyObject? data) : base(state, "md5", 64, data)
    {
    }
}
