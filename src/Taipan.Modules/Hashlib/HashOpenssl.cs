// Modules/_hashopenssl.c
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Hashlib;

/// <summary><c>_hashlib</c>: every digest OpenSSL provides, HMAC, PBKDF2 and scrypt, through
/// libcrypto. hashlib prefers these constructors over the builtin modules, as CPython does.</summary>
[PyModule("_hashlib", Doc = "OpenSSL interface for hashlib module")]
public static unsafe partial class HashOpensslModule
{
    /// <summary>Python's names for the digests it knows, and OpenSSL's (<c>py_hashes</c>).</summary>
    private static readonly (string Py, string Ossl, int Nid)[] s_hashes =
    [
        ("md5", "md5", 4), ("sha1", "sha1", 64), ("sha224", "sha224", 675), ("sha256", "sha256", 672),
        ("sha384", "sha384", 673), ("sha512", "sha512", 674), ("sha512_224", "sha512-224", 1094),
        ("sha512_256", "sha512-256", 1095), ("sha3_224", "sha3-224", 1096), ("sha3_256", "sha3-256", 1097),
        ("sha3_384", "sha3-384", 1098), ("sha3_512", "sha3-512", 1099), ("shake_128", "shake128", 1100),
        ("shake_256", "shake256", 1101), ("blake2s", "blake2s256", 1057), ("blake2b", "blake2b512", 1056),
    ];

    private static readonly Dictionary<(string, bool), IntPtr> s_fetched = [];
    private static readonly object s_lock = new();
    private static PyType? s_unsupported;
    private static PyDict? s_constructors;

    /// <summary><c>UnsupportedDigestmodError</c>, a ValueError.</summary>
    internal static PyType UnsupportedDigestmodError => s_unsupported ??= MakeError();

    private static PyType MakeError()
    {
        var ns = new PyDict();
        ns.SetItem(new PyStr("__module__"), new PyStr("_hashlib"));
        return (PyType)Ops.Call(PyType.TypeObject, [new PyStr("UnsupportedDigestmodError"), PyTuple.Create(PyExc.ValueError), ns], null);
    }

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("HASH", EvpHashObject.TypeObject);
        module.AddBuiltin("HASHXOF", EvpXofObject.TypeObject);
        module.AddBuiltin("HMAC", HmacObject.TypeObject);
        module.AddBuiltin("UnsupportedDigestmodError", UnsupportedDigestmodError);
        module.AddBuiltin("openssl_md_meth_names", MethodNames());
        // hmac_new and hmac_digest accept these functions in place of a digest name.
        var constructors = new PyDict();
        foreach (var name in (string[])["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256"])
        {
            constructors.SetItem(module.Dict[PyStr.Intern("openssl_" + name)]!, new PyStr(name));
        }
        s_constructors = constructors;
        module.AddBuiltin("_constructors", constructors);
    }

    /// <summary><c>_setException</c>: the exception for OpenSSL's last queued error, or
    /// <paramref name="altMessage"/> when none is queued.</summary>
    internal static PyException Fail(PyType type, string? altMessage = null)
    {
        var code = LibCrypto.ERR_peek_last_error();
        if (code == 0)
        {
            return PyErr.New(type, altMessage ?? "no reason supplied");
        }
        LibCrypto.ERR_clear_error();
        var lib = Marshal.PtrToStringUTF8(LibCrypto.ERR_lib_error_string(code));
        var reason = Marshal.PtrToStringUTF8(LibCrypto.ERR_reason_error_string(code)) ?? "(null)";
        return PyErr.New(type, lib is null ? reason : $"[{lib}] {reason}");
    }

    /// <summary><c>py_digest_name</c>: Python's name for a digest, else OpenSSL's long name.</summary>
    internal static string DigestName(IntPtr md)
    {
        var nid = LibCrypto.EVP_MD_get_type(md);
        foreach (var (py, _, n) in s_hashes)
        {
            if (n == nid)
            {
                return py;
            }
        }
        return Marshal.PtrToStringUTF8(LibCrypto.OBJ_nid2ln(nid)) ?? Marshal.PtrToStringUTF8(LibCrypto.OBJ_nid2sn(nid)) ?? "";
    }

    /// <summary><c>py_digest_by_name</c>: the digest, fetched once per name for the ones
    /// Python knows; the caller frees the others (<paramref name="owned"/>).</summary>
    internal static IntPtr DigestByName(string name, bool usedForSecurity, out bool owned)
    {
        var properties = usedForSecurity ? null : "-fips";
        owned = false;
        foreach (var (py, ossl, _) in s_hashes)
        {
            if (py == name)
            {
                lock (s_lock)
                {
                    if (!s_fetched.TryGetValue((py, usedForSecurity), out var md))
                    {
                        md = LibCrypto.EVP_MD_fetch(0, ossl, properties);
                        if (md == 0)
                        {
                            throw Fail(PyExc.ValueError, $"unsupported hash type {name}");
                        }
                        s_fetched[(py, usedForSecurity)] = md;
                    }
                    return md;
                }
            }
        }
        var fetched = LibCrypto.EVP_MD_fetch(0, name, properties);
        if (fetched == 0)
        {
            throw Fail(PyExc.ValueError, $"unsupported hash type {name}");
        }
        owned = true;
        return fetched;
    }

    /// <summary><c>py_digest_by_digestmod</c>: a name or one of the openssl_* constructors.</summary>
    private static IntPtr DigestByDigestmod(PyObject digestmod, out bool owned)
    {
        string name;
        if (digestmod is PyStr s)
        {
            name = s.Value;
        }
        else if (s_constructors!.TryGetValue(digestmod, out var n))
        {
            name = ((PyStr)n).Value;
        }
        else
        {
            throw PyErr.New(UnsupportedDigestmodError, $"Unsupported digestmod {Ops.Repr(digestmod).Value}");
        }
        return DigestByName(name, true, out owned);
    }

    [UnmanagedCallersOnly]
    private static void CollectName(IntPtr md, IntPtr arg)
    {
        if (md == 0 || LibCrypto.EVP_MD_get_type(md) == 0)
        {
            return;
        }
        var names = (HashSet<string>)GCHandle.FromIntPtr(arg).Target!;
        names.Add(DigestName(md));
    }

    /// <summary><c>openssl_md_meth_names</c>: the names of every digest the providers offer.</summary>
    private static PyFrozenSet MethodNames()
    {
        var names = new HashSet<string>();
        var handle = GCHandle.Alloc(names);
        try
        {
            LibCrypto.EVP_MD_do_all_provided(0, &CollectName, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }
        var items = new PyObject[names.Count];
        var i = 0;
        foreach (var n in names)
        {
            items[i++] = new PyStr(n);
        }
        return PyFrozenSet.FromConstant(items);
    }

    private static EvpHashObject NewHash(IntPtr md, bool owned, ReadOnlySpan<byte> data)
    {
        var ctx = new MdContextHandle();
        bool xof;
        try
        {
            if (LibCrypto.EVP_DigestInit_ex(ctx.DangerousGetHandle(), md, 0) == 0)
            {
                ctx.Dispose();
                throw Fail(PyExc.ValueError);
            }
            xof = (LibCrypto.EVP_MD_get_flags(md) & LibCrypto.MdFlagXof) != 0;
        }
        finally
        {
            if (owned)
            {
                LibCrypto.EVP_MD_free(md);
            }
        }
        var h = xof ? new EvpXofObject(ctx) : new EvpHashObject(ctx);
        if (!data.IsEmpty)
        {
            h.Hash(data);
        }
        return h;
    }

    private static EvpHashObject FastNew(string name, PyObject? data, bool usedforsecurity)
    {
        // The data is checked before the digest is looked up, as EVP_fast_new does.
        var view = data is null ? default : HashArgs.Data(data);
        var md = DigestByName(name, usedforsecurity, out var owned);
        return NewHash(md, owned, view);
    }

    [PyMethod(Keywords = true, Doc = "Return a new hash object using the named algorithm.\n\nAn optional string argument may be provided and will be\nautomatically hashed.\n\nThe MD5 and SHA1 algorithms are always supported.")]
    public static PyObject New(PyObject name, PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true)
    {
        if (name is not PyStr s)
        {
            throw PyErr.TypeError("name must be a string");
        }
        var view = @string is null ? default : HashArgs.Data(@string);
        var md = DigestByName(s.Value, usedforsecurity, out var owned);
        return NewHash(md, owned, view);
    }

    [PyMethod("openssl_md5", Keywords = true, Doc = "Returns a md5 hash object; optionally initialized with a string")]
    public static PyObject OpensslMd5(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) => FastNew("md5", @string, usedforsecurity);

    [PyMethod("openssl_sha1", Keywords = true, Doc = "Returns a sha1 hash object; optionally initialized with a string")]
    public static PyObject OpensslSha1(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) => FastNew("sha1", @string, usedforsecurity);

    [PyMethod("openssl_sha224", Keywords = true, Doc = "Returns a sha224 hash object; optionally initialized with a string")]
    public static PyObject OpensslSha224(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) => FastNew("sha224", @string, usedforsecurity);

    [PyMethod("openssl_sha256", Keywords = true, Doc = "Returns a sha256 hash object; optionally initialized with a string")]
    public static PyObject OpensslSha256(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) => FastNew("sha256", @string, usedforsecurity);

    [PyMethod("openssl_sha384", Keywords = true, Doc = "Returns a sha384 hash object; optionally initialized with a string")]
    public static PyObject OpensslSha384(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) => FastNew("sha384", @string, usedforsecurity);

    [PyMethod("openssl_sha512", Keywords = true, Doc = "Returns a sha512 hash object; optionally initialized with a string")]
    public static PyObject OpensslSha512(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) => FastNew("sha512", @string, usedforsecurity);

    [PyMethod("openssl_sha3_224", Keywords = true, Doc = "Returns a sha3-224 hash object; optionally initialized with a string")]
    public static PyObject OpensslSha3_224(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) => FastNew("sha3_224", @string, usedforsecurity);

    [PyMethod("openssl_sha3_256", Keywords = true, Doc = "Returns a sha3-256 hash object; optionally initialized with a string")]
    public static PyObject OpensslSha3_256(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) => FastNew("sha3_256", @string, usedforsecurity);

    [PyMethod("openssl_sha3_384", Keywords = true, Doc = "Returns a sha3-384 hash object; optionally initialized with a string")]
    public static PyObject OpensslSha3_384(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) => FastNew("sha3_384", @string, usedforsecurity);

    [PyMethod("openssl_sha3_512", Keywords = true, Doc = "Returns a sha3-512 hash object; optionally initialized with a string")]
    public static PyObject OpensslSha3_512(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) => FastNew("sha3_512", @string, usedforsecurity);

    [PyMethod("openssl_shake_128", Keywords = true, Doc = "Returns a shake-128 variable hash object; optionally initialized with a string")]
    public static PyObject OpensslShake128(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) => FastNew("shake_128", @string, usedforsecurity);

    [PyMethod("openssl_shake_256", Keywords = true, Doc = "Returns a shake-256 variable hash object; optionally initialized with a string")]
    public static PyObject OpensslShake256(PyObject? @string = null, [KeywordOnly] bool usedforsecurity = true) => FastNew("shake_256", @string, usedforsecurity);

    [PyMethod("pbkdf2_hmac", Keywords = true, Doc = "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function.")]
    public static PyBytes Pbkdf2Hmac(PyObject hash_name, PyObject password, PyObject salt, PyObject iterations, PyObject? dklen = null)
    {
        if (hash_name is not PyStr name)
        {
            throw PyErr.TypeError($"pbkdf2_hmac() argument 'hash_name' must be str, not {hash_name.Type.Name}");
        }
        var pass = HashArgs.Buffer(password);
        var saltBytes = HashArgs.Buffer(salt);
        var iter = ArgParse.ToLong(iterations);
        var md = DigestByName(name.Value, true, out var owned);
        try
        {
            if (iter < 1)
            {
                throw PyErr.ValueError("iteration value must be greater than 0.");
            }
            if (iter > int.MaxValue)
            {
                throw PyErr.OverflowError("iteration value is too great.");
            }
            var length = dklen is null or PyNone ? LibCrypto.EVP_MD_get_size(md) : ArgParse.ToLong(dklen);
            if (length < 1)
            {
                throw PyErr.ValueError("key length must be greater than 0.");
            }
            if (length > int.MaxValue)
            {
                throw PyErr.OverflowError("key length is too great.");
            }
            var key = new byte[length];
            int ok;
            using (Gil.Release())
            {
                fixed (byte* p = pass, s = saltBytes, k = key)
                {
                    ok = LibCrypto.PKCS5_PBKDF2_HMAC(p, pass.Length, s, saltBytes.Length, (int)iter, md, (int)length, k);
                }
            }
            if (ok == 0)
            {
                throw Fail(PyExc.ValueError);
            }
            return new PyBytes(key);
        }
        finally
        {
            if (owned)
            {
                LibCrypto.EVP_MD_free(md);
            }
        }
    }

    private static ulong ScryptParameter(PyObject? o, string name)
    {
        if (o is null or PyNone)
        {
            throw PyErr.TypeError($"{name} is required and must be an unsigned int");
        }
        if (o is not PyInt i)
        {
            throw PyErr.TypeError($"scrypt() argument '{name}' must be int, not {o.Type.Name}");
        }
        if (i.IsSmall ? i.Small < 0 : i.Value.Sign < 0 || i.Value > ulong.MaxValue)
        {
            throw PyErr.TypeError($"{name} is required and must be an unsigned int");
        }
        return i.IsSmall ? (ulong)i.Small : (ulong)i.Value;
    }

    [PyMethod(Keywords = true, Doc = "scrypt password-based key derivation function.")]
    public static PyBytes Scrypt(PyObject password, [KeywordOnly] PyObject? salt = null, PyObject? n = null, PyObject? r = null, PyObject? p = null, PyObject? maxmem = null, PyObject? dklen = null)
    {
        var pass = HashArgs.Buffer(password);
        var saltBytes = salt is null or PyNone ? default : HashArgs.Buffer(salt);
        // Argument Clinic converts every argument before the checks run.
        foreach (var (o, name) in (ReadOnlySpan<(PyObject?, string)>)[(n, "n"), (r, "r"), (p, "p")])
        {
            if (o is not null and not PyNone and not PyInt)
            {
                throw PyErr.TypeError($"scrypt() argument '{name}' must be int, not {o.Type.Name}");
            }
        }
        var maxMemory = maxmem is null ? 0 : ArgParse.ToLong(maxmem);
        var length = dklen is null ? 64 : ArgParse.ToLong(dklen);
        if (salt is null or PyNone)
        {
            throw PyErr.TypeError("salt is required");
        }
        var nv = ScryptParameter(n, "n");
        if (nv < 2 || (nv & (nv - 1)) != 0)
        {
            throw PyErr.ValueError("n must be a power of 2.");
        }
        var rv = ScryptParameter(r, "r");
        var pv = ScryptParameter(p, "p");
        if (maxMemory < 0 || maxMemory > int.MaxValue)
        {
            throw PyErr.ValueError($"maxmem must be positive and smaller than {int.MaxValue}");
        }
        if (length < 1 || length > int.MaxValue)
        {
            throw PyErr.ValueError($"dklen must be greater than 0 and smaller than {int.MaxValue}");
        }
        if (LibCrypto.EVP_PBE_scrypt(null, 0, null, 0, nv, rv, pv, (ulong)maxMemory, null, 0) == 0)
        {
            throw Fail(PyExc.ValueError, "Invalid parameter combination for n, r, p, maxmem.");
        }
        var key = new byte[length];
        int ok;
        using (Gil.Release())
        {
            fixed (byte* pp = pass, s = saltBytes, k = key)
            {
                ok = LibCrypto.EVP_PBE_scrypt(pp, (nuint)pass.Length, s, (nuint)saltBytes.Length, nv, rv, pv, (ulong)maxMemory, k, (nuint)length);
            }
        }
        if (ok == 0)
        {
            throw Fail(PyExc.ValueError);
        }
        return new PyBytes(key);
    }

    [PyMethod("hmac_digest", Keywords = true, Doc = "Single-shot HMAC.")]
    public static PyBytes HmacDigest(PyObject key, PyObject msg, PyObject digest)
    {
        var keyBytes = HashArgs.Buffer(key);
        var msgBytes = HashArgs.Buffer(msg);
        var md = DigestByDigestmod(digest, out var owned);
        try
        {
            Span<byte> output = stackalloc byte[64];
            uint size = 0;
            IntPtr result;
            using (Gil.Release())
            {
                fixed (byte* k = keyBytes, m = msgBytes, o = output)
                {
                    result = LibCrypto.HMAC(md, k, keyBytes.Length, m, (nuint)msgBytes.Length, o, &size);
                }
            }
            if (result == 0)
            {
                throw Fail(PyExc.ValueError);
            }
            return PyBytes.From(output[..(int)size]);
        }
        finally
        {
            if (owned)
            {
                LibCrypto.EVP_MD_free(md);
            }
        }
    }

    [PyMethod("hmac_new", Keywords = true, Doc = "Return a new hmac object.")]
    public static PyObject HmacNew(PyObject key, PyObject? msg = null, PyObject? digestmod = null)
    {
        var keyBytes = HashArgs.Buffer(key);
        if (digestmod is null)
        {
            throw PyErr.TypeError("Missing required parameter 'digestmod'.");
        }
        var md = DigestByDigestmod(digestmod, out var owned);
        var ctx = new HmacContextHandle();
        try
        {
            // A null key would mean "keep the previous key", so an empty key gets a real pointer.
            byte empty = 0;
            fixed (byte* k = keyBytes)
            {
                if (LibCrypto.HMAC_Init_ex(ctx.DangerousGetHandle(), k == null ? &empty : k, keyBytes.Length, md, 0) == 0)
                {
                    throw Fail(PyExc.ValueError);
                }
            }
        }
        finally
        {
            if (owned)
            {
                LibCrypto.EVP_MD_free(md);
            }
        }
        var h = new HmacObject(ctx);
        if (msg is not null and not PyNone)
        {
            h.Update(msg);
        }
        return h;
    }

    [PyMethod("compare_digest", Doc = "Return 'a == b'.\n\nThis function uses an approach designed to prevent\ntiming analysis, making it appropriate for cryptography.\n\na and b must both be of the same type: either str (ASCII only),\nor any bytes-like object.\n\nNote: If a and b are of different lengths, or if an error occurs,\na timing attack could theoretically reveal information about the\ntypes and lengths of a and b--but not their values.")]
    public static bool CompareDigest(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("_hashlib.compare_digest", kwnames);
        ArgParse.CheckPositional("compare_digest", args.Length, 2, 2);
        PyObject a = args[0], b = args[1];
        if (a is PyStr sa && b is PyStr sb)
        {
            if (!IsAscii(sa.Value) || !IsAscii(sb.Value))
            {
                throw PyErr.TypeError("comparing strings with non-ASCII characters is not supported");
            }
            return TimingSafeEquals(Encoding.ASCII.GetBytes(sa.Value), Encoding.ASCII.GetBytes(sb.Value));
        }
        if (!BufferProtocol.TryRead(a, out _) && !BufferProtocol.TryRead(b, out _))
        {
            throw PyErr.TypeError($"unsupported operand types(s) or combination of types: '{a.Type.Name}' and '{b.Type.Name}'");
        }
        var va = HashArgs.Buffer(a);
        var vb = HashArgs.Buffer(b);
        return TimingSafeEquals(va, vb);
    }

    private static bool IsAscii(string s)
    {
        foreach (var c in s)
        {
            if (c > 0x7f)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary><c>_tscmp</c>: the time depends on the lengths only.</summary>
    private static bool TimingSafeEquals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(a, b);

    [PyMethod("get_fips_mode", Doc = "Determine the OpenSSL FIPS mode of operation.\n\nFor OpenSSL 3.0.0 and newer it returns the state of the default provider\nin the default OSSL context. It's not quite the same as FIPS_mode() but good\nenough for unittests.\n\nEffectively any non-zero return value indicates FIPS mode;\nvalues other than 1 may have additional significance.")]
    public static long GetFipsMode() => LibCrypto.EVP_default_properties_is_fips_enabled(0);
}

/// <summary>An <c>EVP_MD_CTX</c>, freed with its object.</summary>
internal sealed class MdContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public MdContextHandle() : base(true)
    {
        SetHandle(LibCrypto.EVP_MD_CTX_new());
        if (IsInvalid)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
    }

    protected override bool ReleaseHandle()
    {
        LibCrypto.EVP_MD_CTX_free(handle);
        return true;
    }
}

/// <summary>An <c>HMAC_CTX</c>, freed with its object.</summary>
internal sealed class HmacContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public HmacContextHandle() : base(true)
    {
        SetHandle(LibCrypto.HMAC_CTX_new());
        if (IsInvalid)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
    }

    protected override bool ReleaseHandle()
    {
        LibCrypto.HMAC_CTX_free(handle);
        return true;
    }
}

/// <summary>What <c>_hashlib.HASH</c> and <c>_hashlib.HMAC</c> share over their OpenSSL
/// context (an <c>EVP_MD_CTX</c> or an <c>HMAC_CTX</c>): its lock, updates, copies and the
/// digest of a copy, and the sizes of its digest.</summary>
public abstract unsafe class OpensslHashObject : PyObject
{
    private readonly SafeHandle _ctx;

    // The object's lock (ENTER_HASHLIB), as big updates run with the GIL released.
    private readonly Lock _sync = new();

    private protected OpensslHashObject(SafeHandle ctx) => _ctx = ctx;

    private protected IntPtr Ctx => _ctx.DangerousGetHandle();

    private protected abstract IntPtr Md { get; }

    private protected abstract SafeHandle NewContext();

    private protected abstract int CopyInto(IntPtr dest, IntPtr src);

    private protected abstract int UpdateWith(IntPtr ctx, byte* data, nuint length);

    private protected abstract int FinalInto(IntPtr ctx, byte* md, uint* size);

    // Py_TPFLAGS_DISALLOW_INSTANTIATION
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyErr.TypeError($"cannot create '{type.Name}' instances");

    internal void Hash(ReadOnlySpan<byte> data)
    {
        int ok;
        using (HashLock.EnterForUpdate(_sync, data.Length))
        {
            fixed (byte* p = data)
            {
                ok = UpdateWith(Ctx, p, (nuint)data.Length);
            }
        }
        if (ok == 0)
        {
            throw HashOpensslModule.Fail(PyExc.ValueError);
        }
    }

    /// <summary>A copy of the context to finish or to hand to a new object.</summary>
    private protected SafeHandle CopyContext()
    {
        var copy = NewContext();
        int ok;
        using (HashLock.Enter(_sync))
        {
            ok = CopyInto(copy.DangerousGetHandle(), Ctx);
        }
        if (ok == 0)
        {
            copy.Dispose();
            throw HashOpensslModule.Fail(PyExc.ValueError);
        }
        return copy;
    }

    private protected byte[] Final()
    {
        using var temp = CopyContext();
        Span<byte> digest = stackalloc byte[64];
        uint size = 0;
        fixed (byte* p = digest)
        {
            if (FinalInto(temp.DangerousGetHandle(), p, &size) == 0)
            {
                throw HashOpensslModule.Fail(PyExc.ValueError);
            }
        }
        return digest[..(int)size].ToArray();
    }

    [PyGetter("digest_size")]
    public long DigestSize() => LibCrypto.EVP_MD_get_size(Md);

    [PyGetter("block_size")]
    public long BlockSize() => LibCrypto.EVP_MD_get_block_size(Md);
}

/// <summary><c>_hashlib.HASH</c>: a running OpenSSL digest.</summary>
[PyType("_hashlib.HASH", Module = "_hashlib", FromSpec = true, Subclassable = true, Doc = "A hash is an object used to calculate a checksum of a string of information.\n\nMethods:\n\nupdate() -- updates the current digest with an additional string\ndigest() -- return the current digest value\nhexdigest() -- return the current digest as a string of hexadecimal digits\ncopy() -- return a copy of the current hash object\n\nAttributes:\n\nname -- the hash algorithm being used by this object\ndigest_size -- number of bytes in this hashes output")]
public unsafe partial class EvpHashObject : OpensslHashObject
{
    internal EvpHashObject(MdContextHandle ctx) : base(ctx)
    {
    }

    private protected override IntPtr Md => LibCrypto.EVP_MD_CTX_get0_md(Ctx);

    private protected override SafeHandle NewContext() => new MdContextHandle();

    private protected override int CopyInto(IntPtr dest, IntPtr src) => LibCrypto.EVP_MD_CTX_copy_ex(dest, src);

    private protected override int UpdateWith(IntPtr ctx, byte* data, nuint length) => LibCrypto.EVP_DigestUpdate(ctx, data, length);

    private protected override int FinalInto(IntPtr ctx, byte* md, uint* size) => LibCrypto.EVP_DigestFinal_ex(ctx, md, size);

    [PyMethod(Doc = "Update this hash object's state with the provided string.")]
    public void Update(PyObject obj) => Hash(HashArgs.Data(obj));

    [PyMethod(Doc = "Return the digest value as a bytes object.")]
    public PyBytes Digest() => new(Final());

    [PyMethod(Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr Hexdigest() => HashArgs.Hex(Final());

    [PyMethod(Doc = "Return a copy of the hash object.")]
    public EvpHashObject Copy()
    {
        var ctx = (MdContextHandle)CopyContext();
        return this is EvpXofObject ? new EvpXofObject(ctx) : new EvpHashObject(ctx);
    }

    [PyGetter("name", Doc = "algorithm name.")]
    public string Name() => HashOpensslModule.DigestName(Md);

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<{Name()} {Type.Name} object @ 0x{Builtins.Id(this):x}>");
}

/// <summary><c>_hashlib.HASHXOF</c>: an extendable-output digest (SHAKE), whose digest
/// length is the caller's.</summary>
[PyType("_hashlib.HASHXOF", Module = "_hashlib", FromSpec = true, Base = typeof(EvpHashObject), Doc = "A hash is an object used to calculate a checksum of a string of information.\n\nMethods:\n\nupdate() -- updates the current digest with an additional string\ndigest(length) -- return the current digest value\nhexdigest(length) -- return the current digest as a string of hexadecimal digits\ncopy() -- return a copy of the current hash object\n\nAttributes:\n\nname -- the hash algorithm being used by this object\ndigest_size -- number of bytes in this hashes output")]
public sealed unsafe partial class EvpXofObject : EvpHashObject
{
    internal EvpXofObject(MdContextHandle ctx) : base(ctx)
    {
    }

    private byte[] FinalXof(long length)
    {
        if (length < 0)
        {
            throw PyErr.New(PyExc.SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        }
        if (length > Array.MaxLength)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
        var result = new byte[length];
        using var temp = CopyContext();
        fixed (byte* p = result)
        {
            if (LibCrypto.EVP_DigestFinalXOF(temp.DangerousGetHandle(), p, (nuint)length) == 0)
            {
                throw HashOpensslModule.Fail(PyExc.ValueError);
            }
        }
        return result;
    }

    /// <summary>An XOF has no fixed size.</summary>
    [PyGetter("digest_size")]
    public long XofDigestSize() => 0;

    [PyMethod("digest", Keywords = true, Doc = "Return the digest value as a bytes object.")]
    public PyBytes XofDigest(PyObject length) => new(FinalXof(ArgParse.ToLong(length)));

    [PyMethod("hexdigest", Keywords = true, Doc = "Return the digest value as a string of hexadecimal digits.")]
    public PyStr XofHexdigest(PyObject length) => HashArgs.Hex(FinalXof(ArgParse.ToLong(length)));
}

/// <summary><c>_hashlib.HMAC</c>.</summary>
[PyType("_hashlib.HMAC", Module = "_hashlib", FromSpec = true, Doc = "The object used to calculate HMAC of a message.\n\nMethods:\n\nupdate() -- updates the current digest with an additional string\ndigest() -- return the current digest value\nhexdigest() -- return the current digest as a string of hexadecimal digits\ncopy() -- return a copy of the current hash object\n\nAttributes:\n\nname -- the name, including the hash algorithm used by this object\ndigest_size -- number of bytes in digest() output\n")]
public sealed unsafe partial class HmacObject : OpensslHashObject
{
    internal HmacObject(HmacContextHandle ctx) : base(ctx)
    {
    }

    private protected override IntPtr Md => LibCrypto.HMAC_CTX_get_md(Ctx);

    private protected override SafeHandle NewContext() => new HmacContextHandle();

    private protected override int CopyInto(IntPtr dest, IntPtr src) => LibCrypto.HMAC_CTX_copy(dest, src);

    private protected override int UpdateWith(IntPtr ctx, byte* data, nuint length) => LibCrypto.HMAC_Update(ctx, data, length);

    private protected override int FinalInto(IntPtr ctx, byte* md, uint* size) => LibCrypto.HMAC_Final(ctx, md, size);

    [PyMethod(Keywords = true, Doc = "Update the HMAC object with msg.")]
    public void Update(PyObject msg) => Hash(HashArgs.Data(msg));

    [PyMethod(Doc = "Return the digest of the bytes passed to the update() method so far.")]
    public PyBytes Digest() => new(Final());

    [PyMethod(Doc = "Return hexadecimal digest of the bytes passed to the update() method so far.\n\nThis may be used to exchange the value safely in email or other non-binary\nenvironments.")]
    public PyStr Hexdigest() => HashArgs.Hex(Final());

    [PyMethod(Doc = "Return a copy (\"clone\") of the HMAC object.")]
    public HmacObject Copy() => new((HmacContextHandle)CopyContext());

    [PyGetter("name")]
    public string Name() => "hmac-" + HashOpensslModule.DigestName(Md);

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<{HashOpensslModule.DigestName(Md)} HMAC object @ 0x{Builtins.Id(this):x}>");
}
