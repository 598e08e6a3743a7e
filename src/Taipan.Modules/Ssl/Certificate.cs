// Modules/_ssl/cert.c
using Taipan.Bytecode;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Ssl;

/// <summary><c>_ssl.Certificate</c>: an X509 certificate of a connection's chain.</summary>
[PyType("Certificate", Module = "_ssl")]
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

    [PyMethod("public_bytes", Keywords = true)]
    public PyObject PublicBytes(int format = EncodingPem)
    {
        var der = CertDecoder.Der(_cert);
        switch (format)
        {
            case EncodingDer:
                return der;
            case EncodingPem:
                var base64 = Convert.ToBase64String(der.Data);
                var text = new System.Text.StringBuilder("-----BEGIN CERTIFICATE-----\n");
                for (var i = 0; i < base64.Length; i += 64)
                {
                    text.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
                }
                text.Append("-----END CERTIFICATE-----\n");
                return new PyStr(text.ToString());
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

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        var subject = CertDecoder.Name(Ossl.X509_get_subject_name(_cert));
        return new PyStr($"<Certificate '{Taipan.Runtime.Abstract.Ops.Str(subject).Value}'>");
    }
}
