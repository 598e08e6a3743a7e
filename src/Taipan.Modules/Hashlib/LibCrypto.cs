// Modules/_hashopenssl.c (the OpenSSL 3 calls it makes)
using System.Runtime.InteropServices;

namespace Taipan.Modules.Hashlib;

/// <summary>The libcrypto (OpenSSL 3) functions behind <c>_hashlib</c>, bound to Debian's
/// versioned soname so no -dev package is needed.</summary>
internal static unsafe partial class LibCrypto
{
    private const string Lib = "libcrypto.so.3";

    public const int MdFlagXof = 0x2;

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr EVP_MD_fetch(IntPtr libctx, string algorithm, string? properties);

    [LibraryImport(Lib)]
    public static partial void EVP_MD_free(IntPtr md);

    [LibraryImport(Lib)]
    public static partial int EVP_MD_get_size(IntPtr md);

    [LibraryImport(Lib)]
    public static partial int EVP_MD_get_block_size(IntPtr md);

    [LibraryImport(Lib)]
    public static partial int EVP_MD_get_type(IntPtr md);

    [LibraryImport(Lib)]
    public static partial ulong EVP_MD_get_flags(IntPtr md);

    [LibraryImport(Lib)]
    public static partial void EVP_MD_do_all_provided(IntPtr libctx, delegate* unmanaged<IntPtr, IntPtr, void> fn, IntPtr arg);

    [LibraryImport(Lib)]
    public static partial IntPtr EVP_MD_CTX_new();

    [LibraryImport(Lib)]
    public static partial void EVP_MD_CTX_free(IntPtr ctx);

    [LibraryImport(Lib)]
    public static partial int EVP_MD_CTX_copy_ex(IntPtr dest, IntPtr src);

    [LibraryImport(Lib)]
    public static partial IntPtr EVP_MD_CTX_get0_md(IntPtr ctx);

    [LibraryImport(Lib)]
    public static partial int EVP_DigestInit_ex(IntPtr ctx, IntPtr md, IntPtr engine);

    [LibraryImport(Lib)]
    public static partial int EVP_DigestUpdate(IntPtr ctx, byte* data, nuint count);

    [LibraryImport(Lib)]
    public static partial int EVP_DigestFinal_ex(IntPtr ctx, byte* md, uint* size);

    [LibraryImport(Lib)]
    public static partial int EVP_DigestFinalXOF(IntPtr ctx, byte* md, nuint length);

    [LibraryImport(Lib)]
    public static partial IntPtr HMAC_CTX_new();

    [LibraryImport(Lib)]
    public static partial void HMAC_CTX_free(IntPtr ctx);

    [LibraryImport(Lib)]
    public static partial int HMAC_Init_ex(IntPtr ctx, byte* key, int keyLength, IntPtr md, IntPtr engine);

    [LibraryImport(Lib)]
    public static partial int HMAC_Update(IntPtr ctx, byte* data, nuint length);

    [LibraryImport(Lib)]
    public static partial int HMAC_Final(IntPtr ctx, byte* md, uint* length);

    [LibraryImport(Lib)]
    public static partial int HMAC_CTX_copy(IntPtr dest, IntPtr src);

    [LibraryImport(Lib)]
    public static partial IntPtr HMAC_CTX_get_md(IntPtr ctx);

    [LibraryImport(Lib)]
    public static partial IntPtr HMAC(IntPtr md, byte* key, int keyLength, byte* data, nuint dataLength, byte* md_out, uint* md_len);

    [LibraryImport(Lib)]
    public static partial int PKCS5_PBKDF2_HMAC(byte* pass, int passLength, byte* salt, int saltLength, int iterations, IntPtr md, int keyLength, byte* output);

    [LibraryImport(Lib)]
    public static partial int EVP_PBE_scrypt(byte* pass, nuint passLength, byte* salt, nuint saltLength, ulong n, ulong r, ulong p, ulong maxmem, byte* key, nuint keyLength);

    [LibraryImport(Lib)]
    public static partial int EVP_default_properties_is_fips_enabled(IntPtr libctx);

    [LibraryImport(Lib)]
    public static partial IntPtr OBJ_nid2ln(int nid);

    [LibraryImport(Lib)]
    public static partial IntPtr OBJ_nid2sn(int nid);

    [LibraryImport(Lib)]
    public static partial ulong ERR_peek_last_error();

    [LibraryImport(Lib)]
    public static partial void ERR_clear_error();

    [LibraryImport(Lib)]
    public static partial IntPtr ERR_lib_error_string(ulong e);

    [LibraryImport(Lib)]
    public static partial IntPtr ERR_reason_error_string(ulong e);
}
