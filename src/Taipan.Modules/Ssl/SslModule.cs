// Modules/_ssl.c
using System.Text;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Ssl;

/// <summary><c>_ssl</c>: TLS over OpenSSL 3 for <c>Lib/ssl.py</c>. The constants come from
/// CPython's own module (tools/gen/gen_ssl.py); the version and the library calls are the
/// OpenSSL this process loads.</summary>
[PyModule("_ssl", Doc = "Implementation module for SSL socket operations.  See the socket module\nfor documentation.")]
public static unsafe partial class SslModule
{
    // The source lines of CPython 3.11's _ssl.c that its messages name, so that an SSLError
    // reads as CPython's does ("... (_ssl.c:992)").
    internal const int LineHandshake = 992, LineRead = 2546, LineWrite = 2393, LineShutdown = 2672,
        LineCertChain = 3877, LineKeyCheck = 3898, LineCaData = 3992, LineVerifyLocations = 4126,
        LineDhParams = 4174, LinePostHandshake = 2747, LineGeneric = 4300;

    // py_ssl_error: the SSLError numbers of CPython's enumeration.
    internal const int PyErrNone = 0, PyErrSsl = 1, PyErrWantRead = 2, PyErrWantWrite = 3, PyErrWantX509Lookup = 4,
        PyErrSyscall = 5, PyErrZeroReturn = 6, PyErrWantConnect = 7, PyErrEof = 8, PyErrNoSocket = 9,
        PyErrInvalidErrorCode = 10;

    private static PyType? s_sslError, s_zeroReturn, s_wantRead, s_wantWrite, s_syscall, s_eof, s_certVerification;
    private static PyDict? s_errCodesToNames, s_libCodesToNames;

    internal static PyType SslError => s_sslError ??= MakeErrors();
    internal static PyType ZeroReturnError { get { _ = SslError; return s_zeroReturn!; } }
    internal static PyType WantReadError { get { _ = SslError; return s_wantRead!; } }
    internal static PyType WantWriteError { get { _ = SslError; return s_wantWrite!; } }
    internal static PyType SyscallError { get { _ = SslError; return s_syscall!; } }
    internal static PyType EofError { get { _ = SslError; return s_eof!; } }
    internal static PyType CertVerificationError { get { _ = SslError; return s_certVerification!; } }

    private static PyType MakeErrors()
    {
        // SSLError_str: the message alone when strerror is a string, else str(args).
        var str = new PyMethodDescriptor(PyExc.OSError, "__str__", (self, args, kw) =>
        {
            var strerror = Ops.GetAttr(self, PyStr.Intern("strerror"));
            return strerror is PyStr s ? s : Ops.Str(((PyBaseException)self).Args);
        }, null);
        var ns = new PyDict();
        ns.SetItem(new PyStr("__module__"), new PyStr("ssl"));
        ns.SetItem(new PyStr("__doc__"), new PyStr("An error occurred in the SSL implementation."));
        ns.SetItem(new PyStr("__str__"), str);
        var error = (PyType)Ops.Call(PyType.TypeObject, [new PyStr("SSLError"), PyTuple.Create(PyExc.OSError), ns], null);
        PyType Sub(string name, string doc, params PyObject[] bases)
        {
            var d = new PyDict();
            d.SetItem(new PyStr("__module__"), new PyStr("ssl"));
            d.SetItem(new PyStr("__doc__"), new PyStr(doc));
            return (PyType)Ops.Call(PyType.TypeObject, [new PyStr(name), new PyTuple(bases), d], null);
        }
        s_certVerification = Sub("SSLCertVerificationError", "A certificate could not be verified.", error, PyExc.ValueError);
        s_zeroReturn = Sub("SSLZeroReturnError", "SSL/TLS session closed cleanly.", error);
        s_wantWrite = Sub("SSLWantWriteError", "Non-blocking SSL socket needs to write more data\nbefore the requested operation can be completed.", error);
        s_wantRead = Sub("SSLWantReadError", "Non-blocking SSL socket needs to read more data\nbefore the requested operation can be completed.", error);
        s_syscall = Sub("SSLSyscallError", "System error when attempting SSL operation.", error);
        s_eof = Sub("SSLEOFError", "SSL/TLS connection terminated abruptly.", error);
        return error;
    }

    private static PyDict ErrCodesToNames
    {
        get
        {
            if (s_errCodesToNames is null)
            {
                var d = new PyDict();
                foreach (var (lib, reason, name) in SslData.ErrorCodes)
                {
                    d.SetItem(PyTuple.Create(PyInt.From(lib), PyInt.From(reason)), new PyStr(name));
                }
                s_errCodesToNames = d;
            }
            return s_errCodesToNames;
        }
    }

    private static PyDict LibCodesToNames
    {
        get
        {
            if (s_libCodesToNames is null)
            {
                var d = new PyDict();
                foreach (var (lib, name) in SslData.LibraryCodes)
                {
                    d.SetItem(PyInt.From(lib), new PyStr(name));
                }
                s_libCodesToNames = d;
            }
            return s_libCodesToNames;
        }
    }

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("_SSLContext", SslContext.TypeObject);
        module.AddBuiltin("_SSLSocket", SslSocket.TypeObject);
        module.AddBuiltin("MemoryBIO", MemoryBio.TypeObject);
        module.AddBuiltin("SSLSession", SslSession.TypeObject);
        module.AddBuiltin("Certificate", Certificate.TypeObject);
        module.AddBuiltin("SSLError", SslError);
        module.AddBuiltin("SSLZeroReturnError", ZeroReturnError);
        module.AddBuiltin("SSLWantReadError", WantReadError);
        module.AddBuiltin("SSLWantWriteError", WantWriteError);
        module.AddBuiltin("SSLSyscallError", SyscallError);
        module.AddBuiltin("SSLEOFError", EofError);
        module.AddBuiltin("SSLCertVerificationError", CertVerificationError);
        foreach (var (name, value) in SslData.Constants)
        {
            module.AddBuiltin(name, PyInt.From(value));
        }
        foreach (var name in (string[])["HAS_SNI", "HAS_TLS_UNIQUE", "HAS_ECDH", "HAS_ALPN", "HAS_TLSv1", "HAS_TLSv1_1", "HAS_TLSv1_2", "HAS_TLSv1_3"])
        {
            module.AddBuiltin(name, PyBool.True);
        }
        foreach (var name in (string[])["HAS_NPN", "HAS_SSLv2", "HAS_SSLv3"])
        {
            module.AddBuiltin(name, PyBool.False);
        }
        module.AddBuiltin("err_codes_to_names", ErrCodesToNames);
        var namesToCodes = new PyDict();
        foreach (var (lib, reason, name) in SslData.ErrorCodes)
        {
            namesToCodes.SetItem(new PyStr(name), PyTuple.Create(PyInt.From(lib), PyInt.From(reason)));
        }
        module.AddBuiltin("err_names_to_codes", namesToCodes);
        module.AddBuiltin("lib_codes_to_names", LibCodesToNames);
        module.AddBuiltin("_DEFAULT_CIPHERS", new PyStr(SslContext.DefaultCiphers));
        var number = Ossl.OpenSSL_version_num();
        module.AddBuiltin("OPENSSL_VERSION_NUMBER", PyInt.From((long)number));
        module.AddBuiltin("OPENSSL_VERSION_INFO", VersionInfo(number));
        module.AddBuiltin("OPENSSL_VERSION", new PyStr(Ossl.Str(Ossl.OpenSSL_version(0)) ?? ""));
        module.AddBuiltin("_OPENSSL_API_VERSION", VersionInfo(number));
    }

    /// <summary><c>parse_openssl_version</c>: (major, minor, fix, patch, status).</summary>
    private static PyTuple VersionInfo(ulong n) => PyTuple.Create(
        PyInt.From((long)((n >> 28) & 0xFF)), PyInt.From((long)((n >> 20) & 0xFF)), PyInt.From((long)((n >> 12) & 0xFF)),
        PyInt.From((long)((n >> 4) & 0xFF)), PyInt.From((long)(n & 0xF)));

    // ---- errors ----------------------------------------------------------------------------------

    /// <summary><c>fill_and_set_sslerror</c>: the exception of <paramref name="type"/> whose
    /// message names OpenSSL's library and reason for <paramref name="errcode"/>, and for a
    /// failed verification the verification result of <paramref name="sock"/>.</summary>
    internal static PyException Fill(SslSocket? sock, PyType type, int sslErrno, string? errstr, int line, ulong errcode)
    {
        PyObject? reasonObj = null, libObj = null;
        if (errcode != 0)
        {
            var lib = Ossl.ErrGetLib(errcode);
            var reason = Ossl.ErrGetReason(errcode);
            ErrCodesToNames.TryGetValue(PyTuple.Create(PyInt.From(lib), PyInt.From(reason)), out reasonObj);
            LibCodesToNames.TryGetValue(PyInt.From(lib), out libObj);
            errstr ??= Ossl.Str(Ossl.ERR_reason_error_string(errcode));
        }
        errstr ??= "unknown error";
        PyObject? verifyObj = null;
        PyObject? verifyCode = null;
        if (sock is not null && ReferenceEquals(type, CertVerificationError))
        {
            var code = Ossl.SSL_get_verify_result(sock.Handle);
            verifyCode = PyInt.From(code);
            verifyObj = code switch
            {
                Ossl.X509VErrHostnameMismatch => new PyStr($"Hostname mismatch, certificate is not valid for '{Ops.Str(sock.ServerHostnameObject).Value}'."),
                Ossl.X509VErrIpAddressMismatch => new PyStr($"IP address mismatch, certificate is not valid for '{Ops.Str(sock.ServerHostnameObject).Value}'."),
                _ => Ossl.Str(Ossl.X509_verify_cert_error_string(code)) is { } s ? new PyStr(s) : PyNone.Value,
            };
        }
        string msg;
        if (verifyObj is not null && reasonObj is not null && libObj is not null)
        {
            msg = $"[{Ops.Str(libObj).Value}: {Ops.Str(reasonObj).Value}] {errstr}: {Ops.Str(verifyObj).Value} (_ssl.c:{line})";
        }
        else if (reasonObj is not null && libObj is not null)
        {
            msg = $"[{Ops.Str(libObj).Value}: {Ops.Str(reasonObj).Value}] {errstr} (_ssl.c:{line})";
        }
        else if (libObj is not null)
        {
            msg = $"[{Ops.Str(libObj).Value}] {errstr} (_ssl.c:{line})";
        }
        else
        {
            msg = $"{errstr} (_ssl.c:{line})";
        }
        var value = Ops.Call(type, [PyInt.From(Ossl.ErrGetReason((ulong)(uint)sslErrno)), new PyStr(msg)], null);
        Ops.SetAttr(value, PyStr.Intern("reason"), reasonObj ?? PyNone.Value);
        Ops.SetAttr(value, PyStr.Intern("library"), libObj ?? PyNone.Value);
        if (verifyCode is not null)
        {
            Ops.SetAttr(value, PyStr.Intern("verify_code"), verifyCode);
            Ops.SetAttr(value, PyStr.Intern("verify_message"), verifyObj!);
        }
        return new PyException((PyBaseException)value);
    }

    /// <summary><c>_setSSLError</c>: an SSLError for OpenSSL's last queued error, or with
    /// <paramref name="errstr"/> when given; the queue is cleared.</summary>
    internal static PyException SetSslError(string? errstr, int line)
    {
        var errcode = errstr is null ? Ossl.ERR_peek_last_error() : 0;
        var e = Fill(null, SslError, (int)errcode, errstr, line, errcode);
        Ossl.ERR_clear_error();
        return e;
    }

    /// <summary>A C <c>long</c> argument (<c>"l"</c>).</summary>
    internal static long ToCLong(PyObject o)
    {
        var v = Ops.Index(o).Value;
        return v >= long.MinValue && v <= long.MaxValue ? (long)v : throw PyErr.OverflowError("Python int too large to convert to C long");
    }

    /// <summary>A C <c>unsigned long</c> argument (<c>"k"</c>): any int, modulo 2**64.</summary>
    internal static ulong ToCUnsignedLong(PyObject o) => o is PyInt i
        ? (ulong)(i.Value & ulong.MaxValue)
        : throw PyErr.TypeError($"argument must be int, not {o.Type.Name}");

    /// <summary>An SSLError with just a message, as <c>PyErr_SetString</c> gives.</summary>
    internal static PyException Plain(string message) => PyErr.New(SslError, message);

    /// <summary><c>PyUnicode_FSConverter</c>: a path as the bytes the file system sees, with a
    /// terminating NUL.</summary>
    internal static byte[] FsPath(PyObject path, string? what = null)
    {
        PyObject p;
        try
        {
            p = PosixModule.FsPath(path);
        }
        catch (PyException) when (what is not null)
        {
            throw PyErr.TypeError($"{what} should be a valid filesystem path");
        }
        var bytes = p is PyStr s ? Codecs.Encode(s, "utf-8", "surrogateescape") : ((PyBytes)p).Data.ToArray();
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw PyErr.ValueError("embedded null byte");
        }
        var z = new byte[bytes.Length + 1];
        bytes.CopyTo(z, 0);
        return z;
    }

    // ---- module functions --------------------------------------------------------------------------

    [PyMethod("RAND_add", Doc = "Mix string into the OpenSSL PRNG state.\n\nentropy (a float) is a lower bound on the entropy contained in\nstring.  See RFC 4086.")]
    public static void RandAdd(PyObject @string, double entropy)
    {
        byte[] data = @string is PyStr s ? Encoding.UTF8.GetBytes(s.Value) : BufferProtocol.TryRead(@string, out var span)
            ? span.ToArray()
            : throw PyErr.TypeError($"a bytes-like object is required, not '{@string.Type.Name}'");
        fixed (byte* p = data)
        {
            Ossl.RAND_add(p, data.Length, entropy);
        }
    }

    private static PyBytes RandomBytes(long n)
    {
        if (n < 0)
        {
            throw PyErr.ValueError("num must be positive");
        }
        if (n > int.MaxValue)
        {
            throw PyErr.OverflowError("Python int too large to convert to C int");
        }
        var buffer = new byte[n];
        fixed (byte* p = buffer)
        {
            if (Ossl.RAND_bytes(p, (int)n) != 1)
            {
                var e = Ossl.ERR_peek_last_error();
                throw Fill(null, SslError, (int)e, Ossl.Str(Ossl.ERR_reason_error_string(e)), LineGeneric, e);
            }
        }
        return new PyBytes(buffer);
    }

    [PyMethod("RAND_bytes", Doc = "Generate n cryptographically strong pseudo-random bytes.")]
    public static PyBytes RandBytes(long n) => RandomBytes(n);

    [PyMethod("RAND_pseudo_bytes", Doc = "Generate n pseudo-random bytes.\n\nReturn a pair (bytes, is_cryptographic).  is_cryptographic is True\nif the bytes generated are cryptographically strong.")]
    public static PyTuple RandPseudoBytes(long n) => PyTuple.Create(RandomBytes(n), PyBool.True);

    [PyMethod("RAND_status", Doc = "Returns True if the OpenSSL PRNG has been seeded with enough data and False if not.\n\nIt is necessary to seed the PRNG with RAND_add() on some platforms before\nusing the ssl() function.")]
    public static bool RandStatus() => Ossl.RAND_status() == 1;

    [PyMethod("get_default_verify_paths", Doc = "Return search paths and environment vars that are used by SSLContext's set_default_verify_paths() to load default CAs.\n\nThe values are 'cert_file_env', 'cert_file', 'cert_dir_env', 'cert_dir'.")]
    public static PyTuple GetDefaultVerifyPaths()
    {
        static PyObject S(IntPtr p) => Ossl.Str(p) is { } s ? new PyStr(s) : PyNone.Value;
        return PyTuple.Create(S(Ossl.X509_get_default_cert_file_env()), S(Ossl.X509_get_default_cert_file()),
            S(Ossl.X509_get_default_cert_dir_env()), S(Ossl.X509_get_default_cert_dir()));
    }

    /// <summary><c>asn1obj2py</c>: (nid, short name, long name, dotted oid).</summary>
    private static PyTuple Asn1ObjToPy(IntPtr obj)
    {
        var nid = Ossl.OBJ_obj2nid(obj);
        if (nid == 0)
        {
            throw PyErr.ValueError("Unknown object");
        }
        var sn = Ossl.Str(Ossl.OBJ_nid2sn(nid));
        var ln = Ossl.Str(Ossl.OBJ_nid2ln(nid));
        return PyTuple.Create(PyInt.From(nid), sn is null ? PyNone.Value : new PyStr(sn), ln is null ? PyNone.Value : new PyStr(ln),
            CertDecoder.ObjectText(obj, true));
    }

    [PyMethod("txt2obj", Keywords = true, Doc = "Lookup NID, short name, long name and OID of an ASN1_OBJECT.\n\nBy default objects are looked up by OID. With name=True short and\nlong name are also matched.")]
    public static PyTuple Txt2Obj(PyObject txt, bool name = false)
    {
        if (txt is not PyStr s)
        {
            throw PyErr.TypeError($"txt2obj() argument 'txt' must be str, not {txt.Type.Name}");
        }
        if (s.Value.Contains('\0'))
        {
            throw PyErr.ValueError("embedded null character");
        }
        var obj = Ossl.OBJ_txt2obj(s.Value, name ? 0 : 1);
        if (obj == 0)
        {
            Ossl.ERR_clear_error();
            var shown = s.Value.Length > 100 ? s.Value[..100] : s.Value;
            throw PyErr.ValueError($"unknown object '{shown}'");
        }
        try
        {
            return Asn1ObjToPy(obj);
        }
        finally
        {
            Ossl.ASN1_OBJECT_free(obj);
        }
    }

    [PyMethod("nid2obj", Doc = "Lookup NID, short name, long name and OID of an ASN1_OBJECT by NID.")]
    public static PyTuple Nid2Obj(int nid)
    {
        if (nid < 0)
        {
            throw PyErr.ValueError("NID must be positive.");
        }
        var obj = Ossl.OBJ_nid2obj(nid);
        if (obj == 0)
        {
            Ossl.ERR_clear_error();
            throw PyErr.ValueError($"unknown NID {nid}");
        }
        try
        {
            return Asn1ObjToPy(obj);
        }
        finally
        {
            Ossl.ASN1_OBJECT_free(obj);
        }
    }

    [PyMethod("_test_decode_cert")]
    public static PyDict TestDecodeCert(PyObject path)
    {
        var file = FsPath(path);
        IntPtr bio;
        fixed (byte* f = file, mode = "r\0"u8)
        {
            bio = Ossl.BIO_new_file(f, mode);
        }
        if (bio == 0)
        {
            Ossl.ERR_clear_error();
            throw Plain("Can't open file");
        }
        try
        {
            var x = Ossl.PEM_read_bio_X509(bio, 0, 0, 0);
            if (x == 0)
            {
                Ossl.ERR_clear_error();
                throw Plain("Error decoding PEM-encoded file");
            }
            try
            {
                return CertDecoder.Decode(x);
            }
            finally
            {
                Ossl.X509_free(x);
            }
        }
        finally
        {
            Ossl.BIO_free(bio);
        }
    }
}
