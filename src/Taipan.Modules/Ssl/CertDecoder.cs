// Modules/_ssl.c (_decode_certificate and the helpers that turn an X509 into Python values)
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Ssl;

/// <summary>The dict <c>getpeercert()</c> and <c>_test_decode_cert</c> return for a certificate:
/// subject, issuer, version, serial number, validity, subjectAltName, OCSP, caIssuers and
/// crlDistributionPoints, as CPython builds them.</summary>
internal static unsafe class CertDecoder
{
    /// <summary><c>_asn1obj2py</c>: the object's text (its long name unless
    /// <paramref name="noName"/>, then the dotted OID); None for an empty OID.</summary>
    internal static PyObject ObjectText(IntPtr obj, bool noName)
    {
        var buffer = stackalloc byte[256];
        var length = Ossl.OBJ_obj2txt(buffer, 256, obj, noName ? 1 : 0);
        if (length < 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
        if (length > 255)
        {
            var big = new byte[length + 1];
            fixed (byte* b = big)
            {
                length = Ossl.OBJ_obj2txt(b, length + 1, obj, noName ? 1 : 0);
            }
            return new PyStr(Codecs.Decode(big.AsSpan(0, length), "utf-8", "strict"));
        }
        if (length == 0 && noName)
        {
            return PyNone.Value;
        }
        return new PyStr(Codecs.Decode(new ReadOnlySpan<byte>(buffer, length), "utf-8", "strict"));
    }

    private static PyStr AsnString(IntPtr str) =>
        new(Codecs.Decode(new ReadOnlySpan<byte>(Ossl.ASN1_STRING_get0_data(str), Ossl.ASN1_STRING_length(str)), "utf-8", "strict"));

    /// <summary><c>_create_tuple_for_attribute</c>: (name, value as UTF-8).</summary>
    private static PyTuple Attribute(IntPtr name, IntPtr value)
    {
        byte* buffer = null;
        var length = Ossl.ASN1_STRING_to_UTF8(&buffer, value);
        if (length < 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
        try
        {
            return PyTuple.Create(ObjectText(name, false), new PyStr(Codecs.Decode(new ReadOnlySpan<byte>(buffer, length), "utf-8", "strict")));
        }
        finally
        {
            Ossl.CRYPTO_free((IntPtr)buffer, 0, 0);
        }
    }

    /// <summary><c>_create_tuple_for_X509_NAME</c>: a tuple of relative distinguished names,
    /// each a tuple of (name, value) pairs.</summary>
    internal static PyTuple Name(IntPtr name)
    {
        var dn = new List<PyObject>();
        var rdn = new List<PyObject>();
        var level = -1;
        var count = Ossl.X509_NAME_entry_count(name);
        for (var i = 0; i < count; i++)
        {
            var entry = Ossl.X509_NAME_get_entry(name, i);
            var set = Ossl.X509_NAME_ENTRY_set(entry);
            if (level >= 0 && level != set)
            {
                dn.Add(new PyTuple(rdn.ToArray()));
                rdn.Clear();
            }
            level = set;
            rdn.Add(Attribute(Ossl.X509_NAME_ENTRY_get_object(entry), Ossl.X509_NAME_ENTRY_get_data(entry)));
        }
        if (rdn.Count > 0)
        {
            dn.Add(new PyTuple(rdn.ToArray()));
        }
        return new PyTuple(dn.ToArray());
    }

    /// <summary>What OpenSSL printed into a memory BIO: its first line, as BIO_gets reads, or
    /// all of it.</summary>
    internal static string Printed(Func<IntPtr, int> print, bool firstLine = true)
    {
        var bio = Ossl.BIO_new(Ossl.BIO_s_mem());
        try
        {
            if (print(bio) < 0)
            {
                throw SslModule.SetSslError(null, SslModule.LineGeneric);
            }
            var pending = (int)Ossl.BIO_ctrl_pending(bio);
            var buffer = new byte[pending];
            fixed (byte* b = buffer)
            {
                pending = Math.Max(0, Ossl.BIO_read(bio, b, pending));
            }
            // BIO_gets reads the first line only.
            var text = Codecs.Decode(buffer.AsSpan(0, pending), "utf-8", "strict");
            var newline = text.IndexOf('\n');
            return newline < 0 || !firstLine ? text : text[..(newline + 1)];
        }
        finally
        {
            Ossl.BIO_free(bio);
        }
    }

    private static int GeneralNameType(IntPtr name) => *(int*)name;

    private static IntPtr GeneralNameValue(IntPtr name) => *(IntPtr*)((byte*)name + 8);

    /// <summary><c>_get_peer_alt_names</c>: the subjectAltName entries, or None.</summary>
    private static PyObject AltNames(IntPtr cert)
    {
        var names = Ossl.X509_get_ext_d2i(cert, Ossl.NidSubjectAltName, null, null);
        if (names == 0)
        {
            Ossl.ERR_clear_error();
            return PyNone.Value;
        }
        try
        {
            var result = new List<PyObject>();
            var n = Ossl.OPENSSL_sk_num(names);
            for (var j = 0; j < n; j++)
            {
                var name = Ossl.OPENSSL_sk_value(names, j);
                var type = GeneralNameType(name);
                var value = GeneralNameValue(name);
                switch (type)
                {
                    case Ossl.GenDirName:
                        result.Add(PyTuple.Create(new PyStr("DirName"), Name(value)));
                        break;
                    case Ossl.GenEmail:
                        result.Add(PyTuple.Create(new PyStr("email"), AsnString(value)));
                        break;
                    case Ossl.GenDns:
                        result.Add(PyTuple.Create(new PyStr("DNS"), AsnString(value)));
                        break;
                    case Ossl.GenUri:
                        result.Add(PyTuple.Create(new PyStr("URI"), AsnString(value)));
                        break;
                    case Ossl.GenRid:
                        var text = ObjectText(value, false);
                        result.Add(PyTuple.Create(new PyStr("Registered ID"), text is PyStr ? text : new PyStr("")));
                        break;
                    case Ossl.GenIpAdd:
                        result.Add(PyTuple.Create(new PyStr("IP Address"), new PyStr(IpAddress(value))));
                        break;
                    default:
                        // Other kinds in OpenSSL's printed form, "kind:value".
                        var printed = Printed(bio => Ossl.GENERAL_NAME_print(bio, name)).TrimEnd('\n');
                        var colon = printed.IndexOf(':');
                        if (colon < 0)
                        {
                            throw PyErr.ValueError($"Invalid value {printed}");
                        }
                        result.Add(PyTuple.Create(new PyStr(printed[..colon]), new PyStr(printed[(colon + 1)..])));
                        break;
                }
            }
            return new PyTuple(result.ToArray());
        }
        finally
        {
            Ossl.GENERAL_NAMES_free(names);
        }
    }

    private static string IpAddress(IntPtr octets)
    {
        var length = Ossl.ASN1_STRING_length(octets);
        var p = Ossl.ASN1_STRING_get0_data(octets);
        if (length == 4)
        {
            return $"{p[0]}.{p[1]}.{p[2]}.{p[3]}";
        }
        if (length == 16)
        {
            var parts = new string[8];
            for (var i = 0; i < 8; i++)
            {
                parts[i] = ((p[2 * i] << 8) | p[2 * i + 1]).ToString("X");
            }
            return string.Join(':', parts);
        }
        return "<invalid>";
    }

    /// <summary><c>_get_aia_uri</c>: the URIs of the authorityInfoAccess entries of one kind.</summary>
    private static PyObject AiaUris(IntPtr cert, int nid)
    {
        var info = Ossl.X509_get_ext_d2i(cert, Ossl.NidInfoAccess, null, null);
        if (info == 0)
        {
            Ossl.ERR_clear_error();
            return PyNone.Value;
        }
        try
        {
            var result = new List<PyObject>();
            var n = Ossl.OPENSSL_sk_num(info);
            for (var i = 0; i < n; i++)
            {
                var ad = Ossl.OPENSSL_sk_value(info, i);
                var method = *(IntPtr*)ad;
                var location = *(IntPtr*)((byte*)ad + 8);
                if (Ossl.OBJ_obj2nid(method) != nid || GeneralNameType(location) != Ossl.GenUri)
                {
                    continue;
                }
                result.Add(AsnString(GeneralNameValue(location)));
            }
            return result.Count == 0 ? PyNone.Value : new PyTuple(result.ToArray());
        }
        finally
        {
            Ossl.AUTHORITY_INFO_ACCESS_free(info);
        }
    }

    /// <summary><c>_get_crl_dp</c>: the URIs of the CRL distribution points.</summary>
    private static PyObject CrlDistributionPoints(IntPtr cert)
    {
        var points = Ossl.X509_get_ext_d2i(cert, Ossl.NidCrlDistributionPoints, null, null);
        if (points == 0)
        {
            Ossl.ERR_clear_error();
            return PyNone.Value;
        }
        try
        {
            var result = new List<PyObject>();
            var n = Ossl.OPENSSL_sk_num(points);
            for (var i = 0; i < n; i++)
            {
                var dp = Ossl.OPENSSL_sk_value(points, i);
                var dpName = *(IntPtr*)dp;
                // A full name (type 0) is a GENERAL_NAMES stack.
                if (dpName == 0 || *(int*)dpName != 0)
                {
                    continue;
                }
                var names = *(IntPtr*)((byte*)dpName + 8);
                var count = Ossl.OPENSSL_sk_num(names);
                for (var j = 0; j < count; j++)
                {
                    var gn = Ossl.OPENSSL_sk_value(names, j);
                    if (GeneralNameType(gn) == Ossl.GenUri)
                    {
                        result.Add(AsnString(GeneralNameValue(gn)));
                    }
                }
            }
            return result.Count == 0 ? PyNone.Value : new PyTuple(result.ToArray());
        }
        finally
        {
            Ossl.CRL_DIST_POINTS_free(points);
        }
    }

    /// <summary><c>_decode_certificate</c>.</summary>
    internal static PyDict Decode(IntPtr cert)
    {
        var d = new PyDict();
        d.SetItem(new PyStr("subject"), Name(Ossl.X509_get_subject_name(cert)));
        d.SetItem(new PyStr("issuer"), Name(Ossl.X509_get_issuer_name(cert)));
        d.SetItem(new PyStr("version"), PyInt.From(Ossl.X509_get_version(cert) + 1));
        d.SetItem(new PyStr("serialNumber"), new PyStr(Printed(bio => Ossl.i2a_ASN1_INTEGER(bio, Ossl.X509_get_serialNumber(cert)))));
        d.SetItem(new PyStr("notBefore"), new PyStr(Printed(bio => Ossl.ASN1_TIME_print(bio, Ossl.X509_get0_notBefore(cert)))));
        d.SetItem(new PyStr("notAfter"), new PyStr(Printed(bio => Ossl.ASN1_TIME_print(bio, Ossl.X509_get0_notAfter(cert)))));
        if (AltNames(cert) is PyTuple alt)
        {
            d.SetItem(new PyStr("subjectAltName"), alt);
        }
        if (AiaUris(cert, Ossl.NidAdOcsp) is PyTuple ocsp)
        {
            d.SetItem(new PyStr("OCSP"), ocsp);
        }
        if (AiaUris(cert, Ossl.NidAdCaIssuers) is PyTuple issuers)
        {
            d.SetItem(new PyStr("caIssuers"), issuers);
        }
        if (CrlDistributionPoints(cert) is PyTuple crl)
        {
            d.SetItem(new PyStr("crlDistributionPoints"), crl);
        }
        return d;
    }

    /// <summary>The DER encoding of a certificate (<c>i2d_X509</c>).</summary>
    internal static PyBytes Der(IntPtr cert)
    {
        byte* buffer = null;
        var length = Ossl.i2d_X509(cert, &buffer);
        if (length < 0)
        {
            throw SslModule.SetSslError(null, SslModule.LineGeneric);
        }
        try
        {
            return PyBytes.From(new ReadOnlySpan<byte>(buffer, length));
        }
        finally
        {
            Ossl.CRYPTO_free((IntPtr)buffer, 0, 0);
        }
    }
}
