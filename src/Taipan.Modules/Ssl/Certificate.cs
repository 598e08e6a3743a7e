// Modules/_ssl/cert.c
using Taipan.Bytecode;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Ssl;

/// <summary><c>_ssl.Certificate</c>: an X509 certificate of a connection's chain.</summary>
[PyType("Certificate", Module = "_ssl", FromSpec = true)]
public sealed unsafe partial class Certificate : PyObject
{
    private const int EncodingPem = 1, EncodingDer = 2;

    private readonly IntPtr _cert;

    /// <summary>Takes over one reference of <paramref name="cert"/>.</summary>
    internal Certificate(IntPtr cert) => _cert = cert;

    ~Certificate() => Ossl.X509_free(_cert);

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyErr.TypeError("cannot create '_ssl.Certificate' instances");

    /// <summary><c>_PySSL_CertificateFromX509Stack</c>: the certificates of an OpenSSL stack.</summary>
    internal static PyList FromStack(IntPtr stack)
    {
        var result = new PyList();
        var n = Ossl.OPENSSL_sk_num(stack);
        for (var i = 0; i < n; i++)
        {
            var cert = Ossl.OPENSSL_sk_value(stack, i);
            Ossl.X509_up_ref(cert);
            result.Append(new Certificate(cert));
        }
        return result;
    }

    [PyMethod("public_bytes", Keywords = true)]
    public PyObject PublicBytes(int format = EncodingPem)
    {
        switch (format)
        {
            case EncodingDer:
                return CertDecoder.Der(_cert);
            case EncodingPem:
                return new PyStr(CertDecoder.Printed(bio => Ossl.PEM_write_bio_X509(bio, _cert), false));
            default:
                throw PyErr.ValueError("Unsupported format");
        }
    }

    [PyMethod("get_info")]
    public PyDict GetInfo() => CertDecoder.Decode(_cert);

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (left is not Certificate a || right is not Certificate b || op is not (CompareOp.Eq or CompareOp.Ne))
        {
            return PyNotImplemented.Value;
        }
        return PyBool.From((Ossl.X509_cmp(a._cert, b._cert) == 0) == (op == CompareOp.Eq));
    }

    [PySlot("tp_hash")]
    public long Hash()
    {
        var hash = (long)Ossl.X509_subject_name_hash(_cert);
        return hash == -1 ? -2 : hash;
    }

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        // XN_FLAG_RFC2253: "CN=...,O=...,C=..."
        var subject = CertDecoder.Printed(bio => Ossl.X509_NAME_print_ex(bio, Ossl.X509_get_subject_name(_cert), 0, 0x1110317), false);
        return new PyStr($"<_ssl.Certificate '{subject}'>");
    }
}
