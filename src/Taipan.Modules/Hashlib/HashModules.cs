// Modules/md5module.c, sha1module.c, sha256module.c, sha512module.c
using System.Security.Cryptography;
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Hashlib;

/// <summary>A running message digest. The digests are .NET's (the platform's OpenSSL on
/// Linux), so the type takes the name of CPython's OpenSSL-backed <c>_hashlib.HASH</c>, which
/// is what <c>hashlib.sha256()</c> returns on a CPython built with OpenSSL.</summary>
[PyType("_hashlib.HASH", Module = "_hashlib")]
public sealed partial class PyHashObject(string name, HashAlgorithmName algorithm, int digestSize, int blockSize, IncrementalHash hash) : PyObject
{
    private readonly IncrementalHash _hash = hash;

    internal static PyHashObject Create(string name, HashAlgorithmName algorithm, int digestSize, int blockSize, PyObject? data)
    {
        var h = new PyHashObject(name, algorithm, digestSize, blockSize, IncrementalHash.CreateHash(algorithm));
        if (data is not null)
        {
            h.Update(data);
        }
        return h;
    }

    [PyMethod]
    public void Update(PyObject data)
    {
        if (data is PyStr)
        {
            throw PyErr.TypeError("Strings must be encoded before hashing");
        }
        if (!BufferProtocol.TryRead(data, out var bytes))
        {
            throw PyErr.TypeError("object supporting the buffer API required");
        }
        _hash.AppendData(bytes);
    }

    [PyMethod]
    public PyBytes Digest() => new(_hash.GetCurrentHash());

    [PyMethod]
    public PyStr Hexdigest() => new(Convert.ToHexStringLower(_hash.GetCurrentHash()));

    [PyMethod]
    public PyHashObject Copy() => new(name, algorithm, digestSize, blockSize, _hash.Clone());

    [PyGetter("name")]
    public string Name() => name;

    [PyGetter("digest_size")]
    public long DigestSize() => digestSize;

    [PyGetter("block_size")]
    public long BlockSize() => blockSize;

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<{name} _hashlib.HASH object @ 0x{PyHash.Pointer(this) & 0xffffffffffffL:x}>");
}

[PyModule("_md5")]
public static partial class Md5Module
{
    [PyMethod(Keywords = true)]
    public static PyHashObject Md5(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) =>
        PyHashObject.Create("md5", HashAlgorithmName.MD5, 16, 64, @string);
}

[PyModule("_sha1")]
public static partial class Sha1Module
{
    [PyMethod(Keywords = true)]
    public static PyHashObject Sha1(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) =>
        PyHashObject.Create("sha1", HashAlgorithmName.SHA1, 20, 64, @string);
}

[PyModule("_sha256")]
public static partial class Sha256Module
{
    [PyMethod(Keywords = true)]
    public static PyHashObject Sha256(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) =>
        PyHashObject.Create("sha256", HashAlgorithmName.SHA256, 32, 64, @string);
}

[PyModule("_sha512")]
public static partial class Sha512Module
{
    [PyMethod(Keywords = true)]
    public static PyHashObject Sha512(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) =>
        PyHashObject.Create("sha512", HashAlgorithmName.SHA512, 64, 128, @string);

    [PyMethod(Keywords = true)]
    public static PyHashObject Sha384(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) =>
        PyHashObject.Create("sha384", HashAlgorithmName.SHA384, 48, 128, @string);
}
