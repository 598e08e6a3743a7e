// Modules/_ssl.c (the _SSLContext type)
using System.Runtime.InteropServices;
using System.Text;
using Taipan.Modules.Posix;
using Taipan.Modules.Socket;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Ssl;

/// <summary><c>_ssl._SSLContext</c>: an <c>SSL_CTX</c> with the settings ssl.SSLContext
/// exposes; freed with the object.</summary>
[PyType("_SSLContext", Module = "_ssl", FromSpec = true, Subclassable = true, InstanceType = true)]
public sealed unsafe partial class SslContext : PySubclassableObject
{
    /// <summary>OpenSSL's own default cipher list (Debian builds CPython with
    /// --with-ssl-default-suites=openssl).</summary>
    internal const string DefaultCiphers = "ALL:!COMPLEMENTOFDEFAULT:!eNULL";

    private const int ProtocolTls = 2, ProtocolTls1 = 3, ProtocolTls1_1 = 4, ProtocolTls1_2 = 5, ProtocolTlsClient = 16, ProtocolTlsServer = 17;
    private const int ProtoMinimumSupported = -2, ProtoMaximumSupported = -1, ProtoSsl3 = 0x300, ProtoTls1 = 0x301,
        ProtoTls1_1 = 0x302, ProtoTls1_2 = 0x303, ProtoTls1_3 = 0x304;
    private const ulong OpAll = 0x80000050, OpNoSsl3 = 0x02000000, OpNoCompression = 0x20000, OpCipherServerPreference = 0x400000, OpIgnoreUnexpectedEof = 0x80;
    private const ulong OpNoAnyVersion = 0x02000000 | 0x04000000 | 0x10000000 | 0x08000000 | 0x20000000;
    private const uint HostFlagNoPartialWildcards = 4;
    private const ulong X509VFlagTrustedFirst = 0x8000;

    private IntPtr _ctx;
    private int _protocol;
    private bool _checkHostname;
    private bool _postHandshakeAuth;
    private uint _hostFlags;
    private PyObject? _sniCallback;
    private IntPtr _alpn;
    private PyObject _keylogFilename = PyNone.Value;
    private IntPtr _keylog;
    private readonly object _keylogLock = new();
    private GCHandle _self;

    private SslContext(PyType type) : base(type)
    {
    }

    ~SslContext()
    {
        if (_ctx != 0)
        {
            Ossl.SSL_CTX_free(_ctx);
        }
        if (_alpn != 0)
        {
            NativeMemory.Free((void*)_alpn);
        }
        if (_keylog != 0)
        {
            Ossl.BIO_free(_keylog);
        }
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    internal IntPtr Handle => _ctx;

    internal bool CheckHostname => _checkHostname;

    internal bool PostHandshakeAuth => _postHandshakeAuth;

    internal int Protocol => _protocol;

    /// <summary>A weak handle to this object, the argument OpenSSL gives its callbacks.</summary>
    private IntPtr SelfHandle
    {
        get
        {
            if (!_self.IsAllocated)
            {
                _self = GCHandle.Alloc(this, GCHandleType.Weak);
            }
            return GCHandle.ToIntPtr(_self);
        }
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("_SSLContext", kwnames);
        ArgParse.CheckPositional("_SSLContext", args.Length, 1, 1);
        var value = Ops.Index(args[0]).Value;
        if (value < int.MinValue || value > int.MaxValue)
        {
            throw PyErr.OverflowError("Python int too large to convert to C int");
        }
        var protocol = (int)value;
        IntPtr method;
        switch (protocol)
        {
            case ProtocolTls1:
                Warnings.Warn(PyExc.DeprecationWarning, "ssl.PROTOCOL_TLSv1 is deprecated", 2);
                method = Ossl.TLSv1_method();
                break;
            case ProtocolTls1_1:
                Warnings.Warn(PyExc.DeprecationWarning, "ssl.PROTOCOL_TLSv1_1 is deprecated", 2);
                method = Ossl.TLSv1_1_method();
                break;
            case ProtocolTls1_2:
                Warnings.Warn(PyExc.DeprecationWarning, "ssl.PROTOCOL_TLSv1_2 is deprecated", 2);
                method = Ossl.TLSv1_2_method();
                break;
            case ProtocolTls:
                Warnings.Warn(PyExc.DeprecationWarning, "ssl.PROTOCOL_TLS is deprecated", 2);
                method = Ossl.TLS_method();
                break;
            case ProtocolTlsClient:
                method = Ossl.TLS_client_method();
                break;
            case ProtocolTlsServer:
                method = Ossl.TLS_server_method();
                break;
            default:
                throw PyErr.ValueError($"invalid or unsupported protocol version {protocol}");
        }
        var ctx = Ossl.SSL_CTX_new(method);
        if (ctx == 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
        var self = new SslContext(type) { _ctx = ctx, _protocol = protocol, _hostFlags = HostFlagNoPartialWildcards };
        if (protocol == ProtocolTlsClient)
        {
            self._checkHostname = true;
            self.SetVerifyMode(2);
        }
        else
        {
            self.SetVerifyMode(0);
        }
        Ossl.SSL_CTX_set_options(ctx, OpAll | OpNoSsl3 | OpNoCompression | OpCipherServerPreference | OpIgnoreUnexpectedEof);
        Ossl.SSL_CTX_ctrl(ctx, Ossl.CtrlMode, 0x10, 0);
        fixed (byte* sid = "Python"u8)
        {
            Ossl.SSL_CTX_set_session_id_context(ctx, sid, 6);
        }
        var param = Ossl.SSL_CTX_get0_param(ctx);
        Ossl.X509_VERIFY_PARAM_set_flags(param, X509VFlagTrustedFirst);
        Ossl.X509_VERIFY_PARAM_set_hostflags(param, self._hostFlags);
        return self;
    }

    // ---- verification settings ---------------------------------------------------------------

    private void SetVerifyMode(int mode)
    {
        var flags = mode switch
        {
            0 => Ossl.VerifyNone,
            1 => Ossl.VerifyPeer,
            2 => Ossl.VerifyPeer | Ossl.VerifyFailIfNoPeerCert,
            _ => throw PyErr.ValueError("invalid value for verify_mode"),
        };
        Ossl.SSL_CTX_set_verify(_ctx, flags, 0);
    }

    [PyGetter("verify_mode")]
    public long VerifyMode() => (Ossl.SSL_CTX_get_verify_mode(_ctx) & (Ossl.VerifyPeer | Ossl.VerifyFailIfNoPeerCert)) switch
    {
        Ossl.VerifyNone => 0,
        Ossl.VerifyPeer => 1,
        Ossl.VerifyPeer | Ossl.VerifyFailIfNoPeerCert => 2,
        _ => throw SslModule.Plain("invalid return value from SSL_CTX_get_verify_mode"),
    };

    [PySetter("verify_mode")]
    public void SetVerifyModeAttr(PyObject? value)
    {
        var mode = ArgParse.ToInt(Deleting(value));
        if (mode == 0 && _checkHostname)
        {
            throw PyErr.ValueError("Cannot set verify_mode to CERT_NONE when check_hostname is enabled.");
        }
        SetVerifyMode(mode);
    }

    private static PyObject Deleting(PyObject? value) => value ?? throw PyErr.AttributeError("cannot delete attribute");

    [PyGetter("check_hostname")]
    public bool CheckHostnameGetter() => _checkHostname;

    [PySetter("check_hostname")]
    public void SetCheckHostname(PyObject? value)
    {
        var check = Ops.IsTrue(Deleting(value));
        if (check && Ossl.SSL_CTX_get_verify_mode(_ctx) == Ossl.VerifyNone)
        {
            SetVerifyMode(2);
        }
        _checkHostname = check;
    }

    [PyGetter("verify_flags")]
    public PyInt VerifyFlags() => PyInt.From((long)Ossl.X509_VERIFY_PARAM_get_flags(Ossl.SSL_CTX_get0_param(_ctx)));

    [PySetter("verify_flags")]
    public void SetVerifyFlags(PyObject? value)
    {
        var wanted = SslModule.ToCUnsignedLong(Deleting(value));
        var param = Ossl.SSL_CTX_get0_param(_ctx);
        var flags = Ossl.X509_VERIFY_PARAM_get_flags(param);
        var clear = flags & ~wanted;
        var set = ~flags & wanted;
        if (clear != 0 && Ossl.X509_VERIFY_PARAM_clear_flags(param, clear) == 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
        if (set != 0 && Ossl.X509_VERIFY_PARAM_set_flags(param, set) == 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
    }

    [PyGetter("options")]
    public PyInt Options() => PyInt.From(new System.Numerics.BigInteger(Ossl.SSL_CTX_get_options(_ctx)));

    [PySetter("options")]
    public void SetOptions(PyObject? value)
    {
        var wanted = (ulong)SslModule.ToCLong(Deleting(value));
        var options = Ossl.SSL_CTX_get_options(_ctx);
        var clear = options & ~wanted;
        var set = ~options & wanted;
        if ((set & OpNoAnyVersion) != 0)
        {
            Warnings.Warn(PyExc.DeprecationWarning, "ssl.OP_NO_SSL*/ssl.OP_NO_TLS* options are deprecated", 2);
        }
        if (clear != 0)
        {
            Ossl.SSL_CTX_clear_options(_ctx, clear);
        }
        if (set != 0)
        {
            Ossl.SSL_CTX_set_options(_ctx, set);
        }
    }

    [PyGetter("protocol")]
    public int ProtocolGetter() => _protocol;

    [PyGetter("_host_flags")]
    public long HostFlags() => _hostFlags;

    [PySetter("_host_flags")]
    public void SetHostFlags(PyObject? value)
    {
        _hostFlags = (uint)ArgParse.ToLong(Deleting(value));
        Ossl.X509_VERIFY_PARAM_set_hostflags(Ossl.SSL_CTX_get0_param(_ctx), _hostFlags);
    }

    [PyGetter("post_handshake_auth")]
    public bool PostHandshakeAuthGetter() => _postHandshakeAuth;

    [PySetter("post_handshake_auth")]
    public void SetPostHandshakeAuth(PyObject? value) => _postHandshakeAuth = Ops.IsTrue(Deleting(value));

    [PyGetter("security_level")]
    public int SecurityLevel() => Ossl.SSL_CTX_get_security_level(_ctx);

    [PyGetter("num_tickets")]
    public long NumTickets() => (long)Ossl.SSL_CTX_get_num_tickets(_ctx);

    [PySetter("num_tickets")]
    public void SetNumTickets(PyObject? value)
    {
        var n = ArgParse.ToLong(Deleting(value));
        if (n < 0)
        {
            throw PyErr.ValueError("value must be non-negative");
        }
        if (_protocol != ProtocolTlsServer)
        {
            throw PyErr.ValueError("SSLContext is not a server context.");
        }
        if (Ossl.SSL_CTX_set_num_tickets(_ctx, (nuint)n) != 1)
        {
            throw PyErr.ValueError("failed to set num tickets.");
        }
    }

    // ---- protocol versions -----------------------------------------------------------------------

    [PyGetter("minimum_version")]
    public long MinimumVersion()
    {
        var v = Ossl.SSL_CTX_ctrl(_ctx, Ossl.CtrlGetMinProtoVersion, 0, 0);
        return v == 0 ? ProtoMinimumSupported : v;
    }

    [PySetter("minimum_version")]
    public void SetMinimumVersion(PyObject? value) => SetProtoVersion(Deleting(value), false);

    [PyGetter("maximum_version")]
    public long MaximumVersion()
    {
        var v = Ossl.SSL_CTX_ctrl(_ctx, Ossl.CtrlGetMaxProtoVersion, 0, 0);
        return v == 0 ? ProtoMaximumSupported : v;
    }

    [PySetter("maximum_version")]
    public void SetMaximumVersion(PyObject? value) => SetProtoVersion(Deleting(value), true);

    /// <summary><c>set_min_max_proto_version</c>.</summary>
    private void SetProtoVersion(PyObject value, bool maximum)
    {
        var v = ArgParse.ToLong(value);
        if (v > int.MaxValue)
        {
            throw PyErr.OverflowError("Option is too long");
        }
        if (_protocol is not (ProtocolTls or ProtocolTlsClient or ProtocolTlsServer))
        {
            throw PyErr.ValueError("The context's protocol doesn't support modification of highest and lowest version.");
        }
        switch (v)
        {
            case ProtoSsl3:
                Warnings.Warn(PyExc.DeprecationWarning, "ssl.TLSVersion.SSLv3 is deprecated", 2);
                break;
            case ProtoTls1:
                Warnings.Warn(PyExc.DeprecationWarning, "ssl.TLSVersion.TLSv1 is deprecated", 2);
                break;
            case ProtoTls1_1:
                Warnings.Warn(PyExc.DeprecationWarning, "ssl.TLSVersion.TLSv1_1 is deprecated", 2);
                break;
            case ProtoMinimumSupported or ProtoMaximumSupported or ProtoTls1_2 or ProtoTls1_3:
                break;
            default:
                throw PyErr.ValueError($"Unsupported TLS/SSL version 0x{v:x}");
        }
        long result;
        if (!maximum)
        {
            v = v == ProtoMinimumSupported ? 0 : v == ProtoMaximumSupported ? ProtoTls1_3 : v;
            result = Ossl.SSL_CTX_ctrl(_ctx, Ossl.CtrlSetMinProtoVersion, v, 0);
        }
        else
        {
            v = v == ProtoMaximumSupported ? 0 : v == ProtoMinimumSupported ? ProtoTls1 : v;
            result = Ossl.SSL_CTX_ctrl(_ctx, Ossl.CtrlSetMaxProtoVersion, v, 0);
        }
        if (result == 0)
        {
            throw PyErr.ValueError($"Unsupported protocol version 0x{v:x}");
        }
    }

    // ---- certificates and keys ------------------------------------------------------------------

    /// <summary>The state of <c>load_cert_chain</c>'s password callback.</summary>
    private sealed class PasswordInfo
    {
        public PyObject? Callable;
        public byte[]? Password;
        public PyException? Error;
    }

    private static byte[] PasswordBytes(PyObject password, string badType)
    {
        var bytes = password switch
        {
            PyStr s => Encoding.UTF8.GetBytes(s.Value),
            PyBytes b => b.Data.ToArray(),
            PyByteArray => BufferProtocol.Read(password).ToArray(),
            _ => throw PyErr.TypeError(badType),
        };
        return bytes;
    }

    [UnmanagedCallersOnly]
    private static int PasswordCallback(byte* buffer, int size, int rwflag, IntPtr userdata)
    {
        var info = (PasswordInfo)GCHandle.FromIntPtr(userdata).Target!;
        try
        {
            if (info.Callable is not null)
            {
                info.Password = PasswordBytes(Ops.Call(info.Callable, [], null), "password callback must return a string");
            }
            var password = info.Password!;
            if (password.Length > size)
            {
                throw PyErr.ValueError($"password cannot be longer than {size} bytes");
            }
            password.CopyTo(new Span<byte>(buffer, size));
            return password.Length;
        }
        catch (PyException e)
        {
            info.Error = e;
            return -1;
        }
        catch (Exception e)
        {
            // Nothing may unwind into OpenSSL.
            info.Error = PyErr.New(PyExc.SystemError, e.Message);
            return -1;
        }
    }

    [PyMethod("load_cert_chain", Keywords = true)]
    public void LoadCertChain(PyObject certfile, PyObject? keyfile = null, PyObject? password = null)
    {
        var cert = SslModule.FsPath(certfile, "certfile");
        var key = keyfile is null or PyNone ? null : SslModule.FsPath(keyfile, "keyfile");
        var info = new PasswordInfo();
        GCHandle handle = default;
        if (password is not null and not PyNone)
        {
            if ((password.Type.Slots.Call is not null))
            {
                info.Callable = password;
            }
            else
            {
                info.Password = PasswordBytes(password, "password should be a string or callable");
            }
            handle = GCHandle.Alloc(info);
            Ossl.SSL_CTX_set_default_passwd_cb(_ctx, (IntPtr)(delegate* unmanaged<byte*, int, int, IntPtr, int>)&PasswordCallback);
            Ossl.SSL_CTX_set_default_passwd_cb_userdata(_ctx, GCHandle.ToIntPtr(handle));
        }
        try
        {
            int r;
            fixed (byte* c = cert)
            {
                r = OsslErrno.SSL_CTX_use_certificate_chain_file(_ctx, c);
            }
            if (r != 1)
            {
                throw LoadFailure(info, Marshal.GetLastPInvokeError(), SslModule.LineCertChain);
            }
            fixed (byte* k = key ?? cert)
            {
                r = OsslErrno.SSL_CTX_use_PrivateKey_file(_ctx, k, 1);
            }
            if (r != 1)
            {
                throw LoadFailure(info, Marshal.GetLastPInvokeError(), SslModule.LineKeyCheck);
            }
            if (Ossl.SSL_CTX_check_private_key(_ctx) != 1)
            {
                throw SslModule.SetSslError(null, SslModule.LineKeyCheck);
            }
        }
        finally
        {
            if (handle.IsAllocated)
            {
                Ossl.SSL_CTX_set_default_passwd_cb(_ctx, 0);
                Ossl.SSL_CTX_set_default_passwd_cb_userdata(_ctx, 0);
                handle.Free();
            }
        }
    }

    private static PyException LoadFailure(PasswordInfo info, int errno, int line)
    {
        if (info.Error is not null)
        {
            Ossl.ERR_clear_error();
            return info.Error;
        }
        if (errno != 0)
        {
            Ossl.ERR_clear_error();
            return PosixModule.Error(errno);
        }
        return SslModule.SetSslError(null, line);
    }

    [PyMethod("load_verify_locations", Keywords = true)]
    public void LoadVerifyLocations(PyObject? cafile = null, PyObject? capath = null, PyObject? cadata = null)
    {
        cafile = cafile is PyNone ? null : cafile;
        capath = capath is PyNone ? null : capath;
        cadata = cadata is PyNone ? null : cadata;
        if (cafile is null && capath is null && cadata is null)
        {
            throw PyErr.TypeError("cafile, capath and cadata cannot be all omitted");
        }
        var file = cafile is null ? null : SslModule.FsPath(cafile, "cafile");
        var path = capath is null ? null : SslModule.FsPath(capath, "capath");
        if (cadata is not null)
        {
            if (cadata is PyStr s)
            {
                if (!System.Text.Ascii.IsValid(s.Value))
                {
                    throw PyErr.TypeError("cadata should be an ASCII string or a bytes-like object");
                }
                AddCaCerts(Encoding.ASCII.GetBytes(s.Value), true);
            }
            else if (BufferProtocol.TryRead(cadata, out var data))
            {
                AddCaCerts(data.ToArray(), false);
            }
            else
            {
                throw PyErr.TypeError("cadata should be an ASCII string or a bytes-like object");
            }
        }
        if (file is not null || path is not null)
        {
            int r;
            fixed (byte* f = file, p = path)
            {
                r = OsslErrno.SSL_CTX_load_verify_locations(_ctx, f, p);
            }
            if (r != 1)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != 0)
                {
                    Ossl.ERR_clear_error();
                    throw PosixModule.Error(errno);
                }
                throw SslModule.SetSslError(null, SslModule.LineVerifyLocations);
            }
        }
    }

    /// <summary><c>_add_ca_certs</c>: every certificate of PEM text or concatenated DER.</summary>
    private void AddCaCerts(byte[] data, bool pem)
    {
        var loaded = 0;
        var store = Ossl.SSL_CTX_get_cert_store(_ctx);
        fixed (byte* d = data)
        {
            var bio = Ossl.BIO_new_mem_buf(d, data.Length);
            try
            {
                while (true)
                {
                    var cert = pem ? Ossl.PEM_read_bio_X509(bio, 0, 0, 0) : Ossl.d2i_X509_bio(bio, 0);
                    if (cert == 0)
                    {
                        break;
                    }
                    var r = Ossl.X509_STORE_add_cert(store, cert);
                    Ossl.X509_free(cert);
                    if (r == 0)
                    {
                        var e = Ossl.ERR_peek_last_error();
                        // A certificate already in the store is not an error (X509_R_CERT_ALREADY_IN_HASH_TABLE).
                        if (Ossl.ErrGetLib(e) == 11 && Ossl.ErrGetReason(e) == 101)
                        {
                            Ossl.ERR_clear_error();
                        }
                        else
                        {
                            break;
                        }
                    }
                    loaded++;
                }
            }
            finally
            {
                Ossl.BIO_free(bio);
            }
        }
        var err = Ossl.ERR_peek_last_error();
        if (loaded == 0)
        {
            throw SslModule.SetSslError(pem ? "no start line: cadata does not contain a certificate" : "not enough data: cadata does not contain a certificate", SslModule.LineCaData);
        }
        // The end of the data: ASN1_R_HEADER_TOO_LONG for DER, PEM_R_NO_START_LINE for PEM.
        if ((!pem && Ossl.ErrGetLib(err) == 13 && Ossl.ErrGetReason(err) == 123) || (pem && Ossl.ErrGetLib(err) == 9 && Ossl.ErrGetReason(err) == 108))
        {
            Ossl.ERR_clear_error();
        }
        else if (err != 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineCaData);
        }
    }

    [PyMethod("load_dh_params")]
    public void LoadDhParams(PyObject path)
    {
        var file = SslModule.FsPath(path);
        IntPtr bio;
        fixed (byte* f = file, mode = "rb\0"u8)
        {
            bio = OsslErrno.BIO_new_file(f, mode);
        }
        if (bio == 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Ossl.ERR_clear_error();
            throw PosixModule.Error(errno, path);
        }
        var dh = Ossl.PEM_read_bio_DHparams(bio, 0, 0, 0);
        Ossl.BIO_free(bio);
        if (dh == 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineDhParams);
        }
        try
        {
            if (Ossl.SSL_CTX_ctrl(_ctx, Ossl.CtrlSetTmpDh, 0, dh) == 0)
            {
                throw SslModule.SetSslError(null, SslModule.LineDhParams);
            }
        }
        finally
        {
            Ossl.DH_free(dh);
        }
    }

    [PyMethod("set_default_verify_paths")]
    public void SetDefaultVerifyPaths()
    {
        if (Ossl.SSL_CTX_set_default_verify_paths(_ctx) == 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
    }

    [PyMethod("cert_store_stats")]
    public PyDict CertStoreStats()
    {
        long x509 = 0, crl = 0, ca = 0;
        var objects = Ossl.X509_STORE_get0_objects(Ossl.SSL_CTX_get_cert_store(_ctx));
        var n = Ossl.OPENSSL_sk_num(objects);
        for (var i = 0; i < n; i++)
        {
            var obj = Ossl.OPENSSL_sk_value(objects, i);
            switch (Ossl.X509_OBJECT_get_type(obj))
            {
                case Ossl.X509LuX509:
                    x509++;
                    if (Ossl.X509_check_ca(Ossl.X509_OBJECT_get0_X509(obj)) != 0)
                    {
                        ca++;
                    }
                    break;
                case Ossl.X509LuCrl:
                    crl++;
                    break;
            }
        }
        var d = new PyDict();
        d.SetItem(new PyStr("x509"), PyInt.From(x509));
        d.SetItem(new PyStr("crl"), PyInt.From(crl));
        d.SetItem(new PyStr("x509_ca"), PyInt.From(ca));
        return d;
    }

    [PyMethod("get_ca_certs", Keywords = true)]
    public PyList GetCaCerts(bool binary_form = false)
    {
        var result = new PyList();
        var objects = Ossl.X509_STORE_get0_objects(Ossl.SSL_CTX_get_cert_store(_ctx));
        var n = Ossl.OPENSSL_sk_num(objects);
        for (var i = 0; i < n; i++)
        {
            var obj = Ossl.OPENSSL_sk_value(objects, i);
            if (Ossl.X509_OBJECT_get_type(obj) != Ossl.X509LuX509)
            {
                continue;
            }
            var cert = Ossl.X509_OBJECT_get0_X509(obj);
            if (Ossl.X509_check_ca(cert) == 0)
            {
                continue;
            }
            result.Append(binary_form ? CertDecoder.Der(cert) : CertDecoder.Decode(cert));
        }
        return result;
    }

    // ---- ciphers, curves, ALPN ------------------------------------------------------------------------

    [PyMethod("set_ciphers")]
    public void SetCiphers(PyObject cipherlist)
    {
        if (cipherlist is not PyStr s)
        {
            throw PyErr.TypeError($"set_ciphers() argument must be str, not {cipherlist.Type.Name}");
        }
        if (s.Value.Contains('\0'))
        {
            throw PyErr.ValueError("embedded null character");
        }
        if (Ossl.SSL_CTX_set_cipher_list(_ctx, s.Value) == 0)
        {
            Ossl.ERR_clear_error();
            throw SslModule.Plain("No cipher can be selected.");
        }
    }

    /// <summary><c>cipher_to_dict</c>.</summary>
    internal static PyDict CipherDict(IntPtr cipher)
    {
        static PyObject Name(int nid) => nid == 0 ? PyNone.Value : Ossl.Str(Ossl.OBJ_nid2ln(nid)) is { } s ? new PyStr(s) : PyNone.Value;
        static PyObject S(IntPtr p) => Ossl.Str(p) is { } s ? new PyStr(s) : PyNone.Value;
        var buffer = stackalloc byte[512];
        Ossl.SSL_CIPHER_description(cipher, buffer, 511);
        var description = Marshal.PtrToStringUTF8((IntPtr)buffer) ?? "";
        if (description.Length > 1 && description[^1] == '\n')
        {
            description = description[..^1];
        }
        int algBits;
        var strength = Ossl.SSL_CIPHER_get_bits(cipher, &algBits);
        var d = new PyDict();
        d.SetItem(new PyStr("id"), PyInt.From(Ossl.SSL_CIPHER_get_id(cipher)));
        d.SetItem(new PyStr("name"), S(Ossl.SSL_CIPHER_get_name(cipher)));
        d.SetItem(new PyStr("protocol"), S(Ossl.SSL_CIPHER_get_version(cipher)));
        d.SetItem(new PyStr("description"), new PyStr(description));
        d.SetItem(new PyStr("strength_bits"), PyInt.From(strength));
        d.SetItem(new PyStr("alg_bits"), PyInt.From(algBits));
        d.SetItem(new PyStr("aead"), PyBool.From(Ossl.SSL_CIPHER_is_aead(cipher) != 0));
        d.SetItem(new PyStr("symmetric"), Name(Ossl.SSL_CIPHER_get_cipher_nid(cipher)));
        d.SetItem(new PyStr("digest"), Name(Ossl.SSL_CIPHER_get_digest_nid(cipher)));
        d.SetItem(new PyStr("kea"), Name(Ossl.SSL_CIPHER_get_kx_nid(cipher)));
        d.SetItem(new PyStr("auth"), Name(Ossl.SSL_CIPHER_get_auth_nid(cipher)));
        return d;
    }

    [PyMethod("get_ciphers")]
    public PyList GetCiphers()
    {
        var ssl = Ossl.SSL_new(_ctx);
        if (ssl == 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
        try
        {
            var ciphers = Ossl.SSL_get_ciphers(ssl);
            var result = new PyList();
            var n = Ossl.OPENSSL_sk_num(ciphers);
            for (var i = 0; i < n; i++)
            {
                result.Append(CipherDict(Ossl.OPENSSL_sk_value(ciphers, i)));
            }
            return result;
        }
        finally
        {
            Ossl.SSL_free(ssl);
        }
    }

    [PyMethod("set_ecdh_curve")]
    public void SetEcdhCurve(PyObject name)
    {
        byte[] bytes = name switch
        {
            PyStr s => Codecs.Encode(s, "utf-8", "surrogateescape"),
            PyBytes b => b.Data.ToArray(),
            _ => throw PyErr.TypeError($"expected str, bytes or os.PathLike object, not {name.Type.Name}"),
        };
        var nid = Ossl.OBJ_sn2nid(Encoding.UTF8.GetString(bytes));
        if (nid == 0)
        {
            throw PyErr.ValueError($"unknown elliptic curve name {Ops.Repr(name).Value}");
        }
        if (Ossl.SSL_CTX_ctrl(_ctx, Ossl.CtrlSetGroups, 1, (IntPtr)(&nid)) == 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
    }

    [UnmanagedCallersOnly]
    private static int SelectAlpn(IntPtr ssl, byte** output, byte* outlen, byte* input, uint inlen, IntPtr arg)
    {
        var server = (byte*)arg;
        if (server == null)
        {
            return Ossl.TlsextErrNoAck;
        }
        var length = *(uint*)server;
        // OPENSSL_NPN_NEGOTIATED is 1.
        return Ossl.SSL_select_next_proto(output, outlen, server + 4, length, input, inlen) == 1 ? Ossl.TlsextErrOk : Ossl.TlsextErrNoAck;
    }

    [PyMethod("_set_alpn_protocols")]
    public void SetAlpnProtocols(PyObject protos)
    {
        var data = BufferProtocol.TryRead(protos, out var span)
            ? span.ToArray()
            : throw PyErr.TypeError($"a bytes-like object is required, not '{protos.Type.Name}'");
        // A length-prefixed copy that lives as long as the context: the server's callback reads it.
        var block = (byte*)NativeMemory.Alloc((nuint)data.Length + 4);
        *(uint*)block = (uint)data.Length;
        data.CopyTo(new Span<byte>(block + 4, data.Length));
        var old = _alpn;
        _alpn = (IntPtr)block;
        if (Ossl.SSL_CTX_set_alpn_protos(_ctx, block + 4, (uint)data.Length) != 0)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
        Ossl.SSL_CTX_set_alpn_select_cb(_ctx, (IntPtr)(delegate* unmanaged<IntPtr, byte**, byte*, byte*, uint, IntPtr, int>)&SelectAlpn, _alpn);
        if (old != 0)
        {
            NativeMemory.Free((void*)old);
        }
    }

    // ---- SNI ----------------------------------------------------------------------------------------

    [PyGetter("sni_callback")]
    public PyObject SniCallback() => _sniCallback ?? PyNone.Value;

    [PySetter("sni_callback")]
    public void SetSniCallback(PyObject? value)
    {
        if (_protocol == ProtocolTlsClient)
        {
            throw PyErr.ValueError("sni_callback cannot be set on TLS_CLIENT context");
        }
        _sniCallback = null;
        if (value is null or PyNone)
        {
            Ossl.SSL_CTX_callback_ctrl(_ctx, Ossl.CtrlSetTlsextServernameCb, 0);
            return;
        }
        if (!(value.Type.Slots.Call is not null))
        {
            Ossl.SSL_CTX_callback_ctrl(_ctx, Ossl.CtrlSetTlsextServernameCb, 0);
            throw PyErr.TypeError("not a callable object");
        }
        _sniCallback = value;
        Ossl.SSL_CTX_callback_ctrl(_ctx, Ossl.CtrlSetTlsextServernameCb, (IntPtr)(delegate* unmanaged<IntPtr, int*, IntPtr, int>)&ServernameCallback);
        Ossl.SSL_CTX_ctrl(_ctx, Ossl.CtrlSetTlsextServernameArg, 0, SelfHandle);
    }

    /// <summary><c>_servername_callback</c>: calls sni_callback(ssl object, server name,
    /// context) during the server's handshake; an exception or a non-None result fails it.</summary>
    [UnmanagedCallersOnly]
    private static int ServernameCallback(IntPtr ssl, int* alert, IntPtr arg)
    {
        if (GCHandle.FromIntPtr(arg).Target is not SslContext context)
        {
            return Ossl.TlsextErrOk;
        }
        using var gil = SslSocket.Reacquire();
        var callback = context._sniCallback;
        if (callback is null)
        {
            return Ossl.TlsextErrOk;
        }
        var socket = SslSocket.FromSsl(ssl);
        if (socket is null)
        {
            *alert = 80;
            return Ossl.TlsextErrAlertFatal;
        }
        PyObject target = socket.OwnerObject ?? (PyObject?)socket.Socket ?? socket;
        var name = Ossl.Str(Ossl.SSL_get_servername(ssl, 0));
        try
        {
            var result = Ops.Call(callback, [target, name is null ? PyNone.Value : new PyStr(name), context], null);
            if (result is PyNone)
            {
                return Ossl.TlsextErrOk;
            }
            try
            {
                *alert = ArgParse.ToInt(result);
            }
            catch (PyException e)
            {
                SslSocket.WriteUnraisable(result, e.Value);
                *alert = 80;
            }
            return Ossl.TlsextErrAlertFatal;
        }
        catch (PyException e)
        {
            SslSocket.WriteUnraisable(callback, e.Value);
            *alert = 40;
            return Ossl.TlsextErrAlertFatal;
        }
        catch (Exception)
        {
            // Nothing may unwind into OpenSSL.
            *alert = 80;
            return Ossl.TlsextErrAlertFatal;
        }
    }

    // ---- message callback (Modules/_ssl/debughelpers.c) --------------------------------------------

    internal PyObject? MessageCallback { get; private set; }

    internal static IntPtr MessageCallbackPointer =>
        (IntPtr)(delegate* unmanaged<int, int, int, byte*, nuint, IntPtr, IntPtr, void>)&SslSocket.MessageCallback;

    [PyGetter("_msg_callback")]
    public PyObject MessageCallbackGetter() => MessageCallback ?? PyNone.Value;

    [PySetter("_msg_callback")]
    public void SetMessageCallback(PyObject? value)
    {
        MessageCallback = null;
        if (value is null or PyNone)
        {
            Ossl.SSL_CTX_callback_ctrl(_ctx, Ossl.CtrlSetMsgCallback, 0);
            return;
        }
        if (value.Type.Slots.Call is null)
        {
            Ossl.SSL_CTX_callback_ctrl(_ctx, Ossl.CtrlSetMsgCallback, 0);
            throw PyErr.TypeError("not a callable object");
        }
        MessageCallback = value;
        Ossl.SSL_CTX_callback_ctrl(_ctx, Ossl.CtrlSetMsgCallback, MessageCallbackPointer);
    }

    // ---- key log ------------------------------------------------------------------------------------

    [PyGetter("keylog_filename")]
    public PyObject KeylogFilename() => _keylogFilename;

    /// <summary><c>_PySSLContext_set_keylog_filename</c>: key material of every connection is
    /// appended to the file (NSS key log format), for Wireshark and the like.</summary>
    [PySetter("keylog_filename")]
    public void SetKeylogFilename(PyObject? value)
    {
        lock (_keylogLock)
        {
            if (_keylog != 0)
            {
                Ossl.BIO_free(_keylog);
                _keylog = 0;
            }
        }
        _keylogFilename = PyNone.Value;
        if (value is null or PyNone)
        {
            Ossl.SSL_CTX_set_keylog_callback(_ctx, 0);
            return;
        }
        var path = SslModule.FsPath(value);
        IntPtr bio;
        fixed (byte* p = path, mode = "a\0"u8)
        {
            bio = OsslErrno.BIO_new_file(p, mode);
        }
        if (bio == 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Ossl.ERR_clear_error();
            throw PosixModule.Error(errno, value);
        }
        // A header for a new seekable file (not a pipe).
        if (Ossl.BIO_ctrl(bio, 133, 0, 0) == 0)
        {
            var header = "# TLS secrets log file, generated by OpenSSL / Python\n"u8;
            fixed (byte* h = header)
            {
                Ossl.BIO_write(bio, h, header.Length);
            }
            Ossl.BIO_ctrl(bio, 11, 0, 0);
        }
        lock (_keylogLock)
        {
            _keylog = bio;
        }
        _keylogFilename = value;
        Ossl.SSL_CTX_set_keylog_callback(_ctx, (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, void>)&KeylogCallback);
    }

    /// <summary><c>_PySSL_keylog_callback</c>: appends one line.</summary>
    [UnmanagedCallersOnly]
    private static void KeylogCallback(IntPtr ssl, IntPtr line)
    {
        var context = SslSocket.FromSsl(ssl)?.Context;
        if (context is null || line == 0)
        {
            return;
        }
        lock (context._keylogLock)
        {
            if (context._keylog == 0)
            {
                return;
            }
            var length = 0;
            while (((byte*)line)[length] != 0)
            {
                length++;
            }
            byte newline = (byte)'\n';
            Ossl.BIO_write(context._keylog, (byte*)line, length);
            Ossl.BIO_write(context._keylog, &newline, 1);
            Ossl.BIO_ctrl(context._keylog, 11, 0, 0);
        }
    }

    // ---- statistics and wrapping ----------------------------------------------------------------------

    [PyMethod("session_stats")]
    public PyDict SessionStats()
    {
        var d = new PyDict();
        foreach (var (name, cmd) in (ReadOnlySpan<(string, int)>)[("number", 20), ("connect", 21), ("connect_good", 22),
            ("connect_renegotiate", 23), ("accept", 24), ("accept_good", 25), ("accept_renegotiate", 26), ("hits", 27),
            ("misses", 29), ("timeouts", 30), ("cache_full", 31)])
        {
            d.SetItem(new PyStr(name), PyInt.From(Ossl.SSL_CTX_ctrl(_ctx, cmd, 0, 0)));
        }
        return d;
    }

    /// <summary>The server name as the IDNA A-label bytes that <c>"es", "idna"</c> gives.</summary>
    private static byte[]? Hostname(PyObject hostname)
    {
        if (hostname is PyNone)
        {
            return null;
        }
        var encoded = hostname is PyStr
            ? Ops.Call(Ops.GetAttr(hostname, PyStr.Intern("encode")), [new PyStr("idna")], null)
            : hostname;
        if (!BufferProtocol.TryRead(encoded, out var bytes))
        {
            throw PyErr.TypeError($"argument must be str, not {hostname.Type.Name}");
        }
        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw PyErr.ValueError("embedded null character");
        }
        return bytes.ToArray();
    }

    [PyMethod("_wrap_socket", Keywords = true)]
    public PyObject WrapSocket(PyObject sock, bool server_side, PyObject? server_hostname = null, [KeywordOnly] PyObject? owner = null, PyObject? session = null)
    {
        if (sock is not PySocket socket)
        {
            throw PyErr.TypeError($"_wrap_socket() argument 'sock' must be _socket.socket, not {sock.Type.Name}");
        }
        var hostname = Hostname(server_hostname ?? PyNone.Value);
        return SslSocket.Create(this, socket, server_side, hostname, owner, session, null, null);
    }

    [PyMethod("_wrap_bio", Keywords = true)]
    public PyObject WrapBio(PyObject incoming, PyObject outgoing, bool server_side, PyObject? server_hostname = null, [KeywordOnly] PyObject? owner = null, PyObject? session = null)
    {
        if (incoming is not MemoryBio inBio)
        {
            throw PyErr.TypeError($"_wrap_bio() argument 'incoming' must be _ssl.MemoryBIO, not {incoming.Type.Name}");
        }
        if (outgoing is not MemoryBio outBio)
        {
            throw PyErr.TypeError($"_wrap_bio() argument 'outgoing' must be _ssl.MemoryBIO, not {outgoing.Type.Name}");
        }
        var hostname = Hostname(server_hostname ?? PyNone.Value);
        return SslSocket.Create(this, null, server_side, hostname, owner, session, inBio, outBio);
    }
}
