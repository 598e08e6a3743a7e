// Modules/_ssl.c (the OpenSSL 3 calls it makes)
using System.Runtime.InteropServices;

namespace Taipan.Modules.Ssl;

/// <summary>The libssl and libcrypto (OpenSSL 3) functions behind <c>_ssl</c>, bound to Debian's
/// versioned sonames so no -dev package is needed. Macros of the headers are spelled out as
/// the <c>*_ctrl</c> calls they expand to.</summary>
internal static unsafe partial class Ossl
{
    private const string Ssl = "libssl.so.3";
    private const string Crypto = "libcrypto.so.3";

    // ---- constants of the headers ------------------------------------------------------------

    public const int ErrorNone = 0, ErrorSsl = 1, ErrorWantRead = 2, ErrorWantWrite = 3, ErrorWantX509Lookup = 4,
        ErrorSyscall = 5, ErrorZeroReturn = 6, ErrorWantConnect = 7;
    public const int VerifyNone = 0, VerifyPeer = 1, VerifyFailIfNoPeerCert = 2, VerifyPostHandshake = 8;
    public const int CtrlSetTmpDh = 3, CtrlSetMsgCallback = 15, CtrlSessNumber = 20, CtrlMode = 33, CtrlSetSessCacheMode = 44,
        CtrlSetTlsextServernameCb = 53, CtrlSetTlsextServernameArg = 54, CtrlSetTlsextHostname = 55,
        CtrlSetGroups = 91, CtrlSetMinProtoVersion = 123, CtrlSetMaxProtoVersion = 124,
        CtrlGetMinProtoVersion = 130, CtrlGetMaxProtoVersion = 131;
    public const long ModeAcceptMovingWriteBuffer = 2, ModeAutoRetry = 4;
    public const int SentShutdown = 1, ReceivedShutdown = 2;
    public const int BioCtrlEof = 2, BioCtrlPending = 10, BioCSetNbio = 102, BioCSetBufMemEofReturn = 130;
    public const int ErrLibSys = 2, ErrLibSsl = 20;
    public const int SslRCertificateVerifyFailed = 134, SslRUnexpectedEofWhileReading = 294;
    public const int X509VErrHostnameMismatch = 62, X509VErrIpAddressMismatch = 64;
    public const int GenOtherName = 0, GenEmail = 1, GenDns = 2, GenX400 = 3, GenDirName = 4, GenEdiParty = 5,
        GenUri = 6, GenIpAdd = 7, GenRid = 8;
    public const int NidSubjectAltName = 85, NidCrlDistributionPoints = 103, NidInfoAccess = 177,
        NidAdOcsp = 178, NidAdCaIssuers = 179;
    public const int X509LuX509 = 1, X509LuCrl = 2;
    public const int TlsextErrOk = 0, TlsextErrAlertFatal = 2, TlsextErrNoAck = 3;

    /// <summary><c>ERR_GET_LIB</c>: system errors carry the flag bit and library ERR_LIB_SYS.</summary>
    public static int ErrGetLib(ulong e) => (e & 0x80000000UL) != 0 ? ErrLibSys : (int)((e >> 23) & 0xFF);

    /// <summary><c>ERR_GET_REASON</c>.</summary>
    public static int ErrGetReason(ulong e) => (e & 0x80000000UL) != 0 ? (int)(e & 0x7FFFFFFF) : (int)(e & 0x7FFFFF);

    /// <summary>A C string owned by OpenSSL, or null.</summary>
    public static string? Str(IntPtr p) => p == 0 ? null : Marshal.PtrToStringUTF8(p);

    // ---- libssl: contexts -----------------------------------------------------------------------

    [LibraryImport(Ssl)] public static partial IntPtr TLS_method();
    [LibraryImport(Ssl)] public static partial IntPtr TLS_client_method();
    [LibraryImport(Ssl)] public static partial IntPtr TLS_server_method();
    [LibraryImport(Ssl)] public static partial IntPtr TLSv1_method();
    [LibraryImport(Ssl)] public static partial IntPtr TLSv1_1_method();
    [LibraryImport(Ssl)] public static partial IntPtr TLSv1_2_method();
    [LibraryImport(Ssl)] public static partial IntPtr SSL_CTX_new(IntPtr method);
    [LibraryImport(Ssl)] public static partial void SSL_CTX_free(IntPtr ctx);
    [LibraryImport(Ssl)] public static partial long SSL_CTX_ctrl(IntPtr ctx, int cmd, long larg, IntPtr parg);
    [LibraryImport(Ssl)] public static partial long SSL_CTX_callback_ctrl(IntPtr ctx, int cmd, IntPtr fp);
    [LibraryImport(Ssl)] public static partial ulong SSL_CTX_get_options(IntPtr ctx);
    [LibraryImport(Ssl)] public static partial ulong SSL_CTX_set_options(IntPtr ctx, ulong op);
    [LibraryImport(Ssl)] public static partial ulong SSL_CTX_clear_options(IntPtr ctx, ulong op);
    [LibraryImport(Ssl)] public static partial void SSL_CTX_set_verify(IntPtr ctx, int mode, IntPtr callback);
    [LibraryImport(Ssl)] public static partial int SSL_CTX_get_verify_mode(IntPtr ctx);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_CTX_get_cert_store(IntPtr ctx);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_CTX_get0_param(IntPtr ctx);
    [LibraryImport(Ssl, StringMarshalling = StringMarshalling.Utf8)] public static partial int SSL_CTX_set_cipher_list(IntPtr ctx, string list);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_CTX_get_ciphers(IntPtr ctx);
    [LibraryImport(Ssl)] public static partial int SSL_CTX_check_private_key(IntPtr ctx);
    [LibraryImport(Ssl)] public static partial void SSL_CTX_set_default_passwd_cb(IntPtr ctx, IntPtr cb);
    [LibraryImport(Ssl)] public static partial void SSL_CTX_set_default_passwd_cb_userdata(IntPtr ctx, IntPtr u);
    [LibraryImport(Ssl)] public static partial int SSL_CTX_set_default_verify_paths(IntPtr ctx);
    [LibraryImport(Ssl)] public static partial int SSL_CTX_set_alpn_protos(IntPtr ctx, byte* protos, uint length);
    [LibraryImport(Ssl)] public static partial void SSL_CTX_set_alpn_select_cb(IntPtr ctx, IntPtr cb, IntPtr arg);
    [LibraryImport(Ssl)] public static partial int SSL_CTX_set_session_id_context(IntPtr ctx, byte* sid, uint length);
    [LibraryImport(Ssl)] public static partial void SSL_CTX_set_post_handshake_auth(IntPtr ctx, int val);
    [LibraryImport(Ssl)] public static partial int SSL_CTX_get_security_level(IntPtr ctx);
    [LibraryImport(Ssl)] public static partial int SSL_CTX_set_num_tickets(IntPtr ctx, nuint n);
    [LibraryImport(Ssl)] public static partial nuint SSL_CTX_get_num_tickets(IntPtr ctx);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_CTX_get_ssl_method(IntPtr ctx);
    [LibraryImport(Ssl)] public static partial void SSL_CTX_set_keylog_callback(IntPtr ctx, IntPtr cb);

    // ---- libssl: connections --------------------------------------------------------------------

    [LibraryImport(Ssl)] public static partial IntPtr SSL_new(IntPtr ctx);
    [LibraryImport(Ssl)] public static partial void SSL_free(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial long SSL_ctrl(IntPtr ssl, int cmd, long larg, IntPtr parg);
    [LibraryImport(Ssl)] public static partial int SSL_set_fd(IntPtr ssl, int fd);
    [LibraryImport(Ssl)] public static partial void SSL_set_bio(IntPtr ssl, IntPtr rbio, IntPtr wbio);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get_rbio(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get_wbio(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial void SSL_set_connect_state(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial void SSL_set_accept_state(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial int SSL_pending(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial int SSL_has_pending(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial int SSL_get_error(IntPtr ssl, int ret);
    [LibraryImport(Ssl)] public static partial int SSL_get_shutdown(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get1_peer_certificate(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get_peer_cert_chain(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get0_verified_chain(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get_current_cipher(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get_version(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial void SSL_get0_alpn_selected(IntPtr ssl, byte** data, uint* length);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get0_param(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial long SSL_get_verify_result(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial int SSL_get_verify_mode(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get_verify_callback(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial void SSL_set_verify(IntPtr ssl, int mode, IntPtr callback);
    [LibraryImport(Ssl)] public static partial void SSL_set_post_handshake_auth(IntPtr ssl, int val);
    [LibraryImport(Ssl)] public static partial int SSL_verify_client_post_handshake(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial nuint SSL_get_finished(IntPtr ssl, byte* buf, nuint count);
    [LibraryImport(Ssl)] public static partial nuint SSL_get_peer_finished(IntPtr ssl, byte* buf, nuint count);
    [LibraryImport(Ssl)] public static partial int SSL_session_reused(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial int SSL_set_session(IntPtr ssl, IntPtr session);
    [LibraryImport(Ssl)] public static partial int SSL_is_init_finished(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get_ciphers(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get_SSL_CTX(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_set_SSL_CTX(IntPtr ssl, IntPtr ctx);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get_servername(IntPtr ssl, int type);
    [LibraryImport(Ssl)] public static partial int SSL_set_ex_data(IntPtr ssl, int idx, IntPtr data);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get_ex_data(IntPtr ssl, int idx);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_get_session(IntPtr ssl);
    [LibraryImport(Ssl)] public static partial void SSL_set_read_ahead(IntPtr ssl, int yes);
    [LibraryImport(Ssl)] public static partial long SSL_callback_ctrl(IntPtr ssl, int cmd, IntPtr fp);
    [LibraryImport(Ssl)] public static partial int SSL_select_next_proto(byte** output, byte* outlen, byte* server, uint serverLength, byte* client, uint clientLength);

    // ---- libssl: ciphers and sessions -------------------------------------------------------------

    [LibraryImport(Ssl)] public static partial IntPtr SSL_CIPHER_get_name(IntPtr cipher);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_CIPHER_get_version(IntPtr cipher);
    [LibraryImport(Ssl)] public static partial int SSL_CIPHER_get_bits(IntPtr cipher, int* algBits);
    [LibraryImport(Ssl)] public static partial uint SSL_CIPHER_get_id(IntPtr cipher);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_CIPHER_description(IntPtr cipher, byte* buf, int size);
    [LibraryImport(Ssl)] public static partial int SSL_CIPHER_is_aead(IntPtr cipher);
    [LibraryImport(Ssl)] public static partial int SSL_CIPHER_get_cipher_nid(IntPtr cipher);
    [LibraryImport(Ssl)] public static partial int SSL_CIPHER_get_digest_nid(IntPtr cipher);
    [LibraryImport(Ssl)] public static partial int SSL_CIPHER_get_kx_nid(IntPtr cipher);
    [LibraryImport(Ssl)] public static partial int SSL_CIPHER_get_auth_nid(IntPtr cipher);
    [LibraryImport(Ssl)] public static partial void SSL_SESSION_free(IntPtr session);
    [LibraryImport(Ssl)] public static partial int i2d_SSL_SESSION(IntPtr session, byte** output);
    [LibraryImport(Ssl)] public static partial IntPtr d2i_SSL_SESSION(IntPtr session, byte** input, long length);
    [LibraryImport(Ssl)] public static partial IntPtr SSL_SESSION_get_id(IntPtr session, uint* length);
    [LibraryImport(Ssl)] public static partial long SSL_SESSION_get_time(IntPtr session);
    [LibraryImport(Ssl)] public static partial long SSL_SESSION_get_timeout(IntPtr session);
    [LibraryImport(Ssl)] public static partial uint SSL_SESSION_get_ticket_lifetime_hint(IntPtr session);
    [LibraryImport(Ssl)] public static partial int SSL_SESSION_has_ticket(IntPtr session);
    [LibraryImport(Ssl)] public static partial int SSL_SESSION_is_resumable(IntPtr session);

    // ---- libcrypto: errors, versions, random ------------------------------------------------------

    [LibraryImport(Crypto)] public static partial ulong ERR_peek_last_error();
    [LibraryImport(Crypto)] public static partial void ERR_clear_error();
    [LibraryImport(Crypto)] public static partial IntPtr ERR_reason_error_string(ulong e);
    [LibraryImport(Crypto)] public static partial IntPtr ERR_lib_error_string(ulong e);
    [LibraryImport(Crypto)] public static partial IntPtr OpenSSL_version(int type);
    [LibraryImport(Crypto)] public static partial ulong OpenSSL_version_num();
    [LibraryImport(Crypto)] public static partial int RAND_bytes(byte* buf, int num);
    [LibraryImport(Crypto)] public static partial int RAND_status();
    [LibraryImport(Crypto)] public static partial void RAND_add(byte* buf, int num, double randomness);
    [LibraryImport(Crypto)] public static partial void CRYPTO_free(IntPtr p, IntPtr file, int line);

    // ---- libcrypto: BIOs ----------------------------------------------------------------------------

    [LibraryImport(Crypto)] public static partial IntPtr BIO_s_mem();
    [LibraryImport(Crypto)] public static partial IntPtr BIO_new(IntPtr type);
    [LibraryImport(Crypto)] public static partial IntPtr BIO_new_mem_buf(byte* buf, int length);
    [LibraryImport(Crypto)] public static partial IntPtr BIO_new_file(byte* file, byte* mode);
    [LibraryImport(Crypto)] public static partial int BIO_free(IntPtr bio);
    [LibraryImport(Crypto)] public static partial int BIO_up_ref(IntPtr bio);
    [LibraryImport(Crypto)] public static partial int BIO_read(IntPtr bio, byte* data, int length);
    [LibraryImport(Crypto)] public static partial int BIO_write(IntPtr bio, byte* data, int length);
    [LibraryImport(Crypto)] public static partial long BIO_ctrl(IntPtr bio, int cmd, long larg, IntPtr parg);
    [LibraryImport(Crypto)] public static partial nuint BIO_ctrl_pending(IntPtr bio);
    [LibraryImport(Crypto)] public static partial void BIO_set_flags(IntPtr bio, int flags);
    [LibraryImport(Crypto)] public static partial void BIO_clear_flags(IntPtr bio, int flags);

    // ---- libcrypto: certificates ------------------------------------------------------------------

    [LibraryImport(Crypto)] public static partial IntPtr PEM_read_bio_X509(IntPtr bio, IntPtr x, IntPtr cb, IntPtr u);
    [LibraryImport(Crypto)] public static partial IntPtr PEM_read_bio_DHparams(IntPtr bio, IntPtr x, IntPtr cb, IntPtr u);
    [LibraryImport(Crypto)] public static partial void DH_free(IntPtr dh);
    [LibraryImport(Crypto)] public static partial IntPtr d2i_X509_bio(IntPtr bio, IntPtr x);
    [LibraryImport(Crypto)] public static partial IntPtr d2i_X509(IntPtr x, byte** data, long length);
    [LibraryImport(Crypto)] public static partial int i2d_X509(IntPtr x, byte** output);
    [LibraryImport(Crypto)] public static partial void X509_free(IntPtr x);
    [LibraryImport(Crypto)] public static partial int PEM_write_bio_X509(IntPtr bio, IntPtr x);
    [LibraryImport(Crypto)] public static partial int X509_NAME_print_ex(IntPtr bio, IntPtr name, int indent, ulong flags);
    [LibraryImport(Crypto)] public static partial ulong X509_subject_name_hash(IntPtr x);
    [LibraryImport(Crypto)] public static partial int X509_up_ref(IntPtr x);
    [LibraryImport(Crypto)] public static partial IntPtr X509_get_subject_name(IntPtr x);
    [LibraryImport(Crypto)] public static partial IntPtr X509_get_issuer_name(IntPtr x);
    [LibraryImport(Crypto)] public static partial long X509_get_version(IntPtr x);
    [LibraryImport(Crypto)] public static partial IntPtr X509_get_serialNumber(IntPtr x);
    [LibraryImport(Crypto)] public static partial IntPtr X509_get0_notBefore(IntPtr x);
    [LibraryImport(Crypto)] public static partial IntPtr X509_get0_notAfter(IntPtr x);
    [LibraryImport(Crypto)] public static partial IntPtr X509_get_ext_d2i(IntPtr x, int nid, int* crit, int* idx);
    [LibraryImport(Crypto)] public static partial int X509_check_ca(IntPtr x);
    [LibraryImport(Crypto)] public static partial int X509_cmp(IntPtr a, IntPtr b);
    [LibraryImport(Crypto)] public static partial int X509_NAME_entry_count(IntPtr name);
    [LibraryImport(Crypto)] public static partial IntPtr X509_NAME_get_entry(IntPtr name, int loc);
    [LibraryImport(Crypto)] public static partial int X509_NAME_ENTRY_set(IntPtr entry);
    [LibraryImport(Crypto)] public static partial IntPtr X509_NAME_ENTRY_get_object(IntPtr entry);
    [LibraryImport(Crypto)] public static partial IntPtr X509_NAME_ENTRY_get_data(IntPtr entry);
    [LibraryImport(Crypto)] public static partial int ASN1_STRING_to_UTF8(byte** output, IntPtr str);
    [LibraryImport(Crypto)] public static partial int ASN1_STRING_length(IntPtr str);
    [LibraryImport(Crypto)] public static partial byte* ASN1_STRING_get0_data(IntPtr str);
    [LibraryImport(Crypto)] public static partial int ASN1_TIME_print(IntPtr bio, IntPtr time);
    [LibraryImport(Crypto)] public static partial int i2a_ASN1_INTEGER(IntPtr bio, IntPtr integer);
    [LibraryImport(Crypto)] public static partial void ASN1_OCTET_STRING_free(IntPtr str);
    [LibraryImport(Crypto, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr a2i_IPADDRESS(string ip);
    [LibraryImport(Crypto)] public static partial int GENERAL_NAME_print(IntPtr bio, IntPtr name);
    [LibraryImport(Crypto)] public static partial void GENERAL_NAMES_free(IntPtr names);
    [LibraryImport(Crypto)] public static partial void CRL_DIST_POINTS_free(IntPtr points);
    [LibraryImport(Crypto)] public static partial void AUTHORITY_INFO_ACCESS_free(IntPtr aia);
    [LibraryImport(Crypto)] public static partial int OPENSSL_sk_num(IntPtr stack);
    [LibraryImport(Crypto)] public static partial IntPtr OPENSSL_sk_value(IntPtr stack, int i);
    [LibraryImport(Crypto)] public static partial void OPENSSL_sk_free(IntPtr stack);

    // ---- libcrypto: objects -------------------------------------------------------------------------

    [LibraryImport(Crypto, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr OBJ_txt2obj(string s, int noName);
    [LibraryImport(Crypto)] public static partial IntPtr OBJ_nid2obj(int nid);
    [LibraryImport(Crypto)] public static partial int OBJ_obj2nid(IntPtr obj);
    [LibraryImport(Crypto)] public static partial int OBJ_obj2txt(byte* buf, int length, IntPtr obj, int noName);
    [LibraryImport(Crypto)] public static partial IntPtr OBJ_nid2sn(int nid);
    [LibraryImport(Crypto)] public static partial IntPtr OBJ_nid2ln(int nid);
    [LibraryImport(Crypto, StringMarshalling = StringMarshalling.Utf8)] public static partial int OBJ_sn2nid(string s);
    [LibraryImport(Crypto, StringMarshalling = StringMarshalling.Utf8)] public static partial int OBJ_ln2nid(string s);
    [LibraryImport(Crypto)] public static partial void ASN1_OBJECT_free(IntPtr obj);

    // ---- libcrypto: stores and verification parameters ---------------------------------------------

    [LibraryImport(Crypto)] public static partial IntPtr X509_STORE_get0_objects(IntPtr store);
    [LibraryImport(Crypto)] public static partial int X509_STORE_add_cert(IntPtr store, IntPtr x);
    [LibraryImport(Crypto)] public static partial int X509_OBJECT_get_type(IntPtr obj);
    [LibraryImport(Crypto)] public static partial IntPtr X509_OBJECT_get0_X509(IntPtr obj);
    [LibraryImport(Crypto)] public static partial ulong X509_VERIFY_PARAM_get_flags(IntPtr param);
    [LibraryImport(Crypto)] public static partial int X509_VERIFY_PARAM_set_flags(IntPtr param, ulong flags);
    [LibraryImport(Crypto)] public static partial int X509_VERIFY_PARAM_clear_flags(IntPtr param, ulong flags);
    [LibraryImport(Crypto)] public static partial uint X509_VERIFY_PARAM_get_hostflags(IntPtr param);
    [LibraryImport(Crypto)] public static partial void X509_VERIFY_PARAM_set_hostflags(IntPtr param, uint flags);
    [LibraryImport(Crypto)] public static partial int X509_VERIFY_PARAM_set1_host(IntPtr param, byte* name, nuint length);
    [LibraryImport(Crypto)] public static partial int X509_VERIFY_PARAM_set1_ip(IntPtr param, byte* ip, nuint length);
    [LibraryImport(Crypto)] public static partial IntPtr X509_verify_cert_error_string(long n);
    [LibraryImport(Crypto)] public static partial IntPtr X509_get_default_cert_file_env();
    [LibraryImport(Crypto)] public static partial IntPtr X509_get_default_cert_file();
    [LibraryImport(Crypto)] public static partial IntPtr X509_get_default_cert_dir_env();
    [LibraryImport(Crypto)] public static partial IntPtr X509_get_default_cert_dir();
}

/// <summary>Calls whose failure is told by errno, which the caller reads.</summary>
internal static unsafe partial class OsslErrno
{
    [LibraryImport("libssl.so.3", SetLastError = true)] public static partial int SSL_CTX_use_certificate_chain_file(IntPtr ctx, byte* file);
    [LibraryImport("libssl.so.3", SetLastError = true)] public static partial int SSL_CTX_use_PrivateKey_file(IntPtr ctx, byte* file, int type);
    [LibraryImport("libssl.so.3", SetLastError = true)] public static partial int SSL_CTX_load_verify_locations(IntPtr ctx, byte* file, byte* path);
    [LibraryImport("libcrypto.so.3", SetLastError = true)] public static partial IntPtr BIO_new_file(byte* file, byte* mode);
    [LibraryImport("libssl.so.3", SetLastError = true)] public static partial int SSL_do_handshake(IntPtr ssl);
    [LibraryImport("libssl.so.3", SetLastError = true)] public static partial int SSL_read_ex(IntPtr ssl, byte* buf, nuint num, nuint* readbytes);
    [LibraryImport("libssl.so.3", SetLastError = true)] public static partial int SSL_write_ex(IntPtr ssl, byte* buf, nuint num, nuint* written);
    [LibraryImport("libssl.so.3", SetLastError = true)] public static partial int SSL_shutdown(IntPtr ssl);
}
