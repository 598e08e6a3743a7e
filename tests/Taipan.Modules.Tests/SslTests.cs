using Taipan.Modules.Ssl;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Tests;

/// <summary>The C# side of _ssl: OpenSSL's error codes, a TLS handshake between two
/// connections over MemoryBIOs, and certificate decoding, with CPython's test certificates.</summary>
public class SslTests
{
    private const string TestDir = "/usr/lib/python3.11/test/";

    [Fact]
    public void ErrorCodesSplitAsOpenSslDoes()
    {
        // SSL_R_CERTIFICATE_VERIFY_FAILED of ERR_LIB_SSL, and a system error (the flag bit).
        ulong e = (20UL << 23) | 134;
        Assert.Equal(20, Ossl.ErrGetLib(e));
        Assert.Equal(134, Ossl.ErrGetReason(e));
        Assert.Equal(2, Ossl.ErrGetLib(0x80000000UL | 13));
        Assert.Equal(13, Ossl.ErrGetReason(0x80000000UL | 13));
        Assert.Contains((20, 134, "CERTIFICATE_VERIFY_FAILED"), SslData.ErrorCodes);
        Assert.Contains((20, "SSL"), SslData.LibraryCodes);
    }

    private static SslContext Context(int protocol) =>
        (SslContext)SslContext.New(SslContext.TypeObject, [PyInt.From(protocol)], null);

    private static MemoryBio Bio() => (MemoryBio)MemoryBio.New(MemoryBio.TypeObject, [], null);

    /// <summary>Runs both handshakes, moving bytes between the BIOs, until both finish.</summary>
    private static void Handshake(SslSocket client, SslSocket server, MemoryBio[] bios)
    {
        bool clientDone = false, serverDone = false;
        for (var round = 0; round < 20 && !(clientDone && serverDone); round++)
        {
            clientDone = clientDone || Step(client);
            serverDone = serverDone || Step(server);
            Move(bios[1], bios[2]);
            Move(bios[3], bios[0]);
        }
        Assert.True(clientDone && serverDone);
    }

    private static bool Step(SslSocket s)
    {
        try
        {
            s.DoHandshake();
            return true;
        }
        catch (PyException e) when (e.Value.Type == SslModule.WantReadError)
        {
            return false;
        }
    }

    private static void Move(MemoryBio from, MemoryBio to)
    {
        var data = from.Read();
        if (data.Data.Length > 0)
        {
            to.Write(data);
        }
    }

    [Fact]
    public void HandshakeAndDataOverMemoryBios()
    {
        var serverContext = Context(17);
        serverContext.LoadCertChain(new PyStr(TestDir + "keycert.pem"));
        var clientContext = Context(16);
        clientContext.LoadVerifyLocations(new PyStr(TestDir + "keycert.pem"));
        var bios = new[] { Bio(), Bio(), Bio(), Bio() };
        var client = (SslSocket)clientContext.WrapBio(bios[0], bios[1], false, new PyBytes("localhost"u8.ToArray()));
        var server = (SslSocket)serverContext.WrapBio(bios[2], bios[3], true);
        Handshake(client, server, bios);
        Assert.Equal("TLSv1.3", ((PyStr)client.Version()).Value);
        Assert.Equal(5, client.Write(new PyBytes("hello"u8.ToArray())));
        Move(bios[1], bios[2]);
        var read = (PyBytes)server.Read([PyInt.From(100)], null);
        Assert.Equal("hello"u8.ToArray(), read.Data.ToArray());
        var cert = (PyDict)client.GetPeerCert();
        Assert.True(cert.TryGetValue(new PyStr("subjectAltName"), out var alt));
        Assert.Equal("localhost", ((PyStr)((PyTuple)((PyTuple)alt!).Items[0]).Items[1]).Value);
    }

    [Fact]
    public void WrongHostFailsVerificationWithCPythonsMessage()
    {
        var serverContext = Context(17);
        serverContext.LoadCertChain(new PyStr(TestDir + "keycert.pem"));
        var clientContext = Context(16);
        clientContext.LoadVerifyLocations(new PyStr(TestDir + "keycert.pem"));
        var bios = new[] { Bio(), Bio(), Bio(), Bio() };
        var client = (SslSocket)clientContext.WrapBio(bios[0], bios[1], false, new PyBytes("otherhost"u8.ToArray()));
        var server = (SslSocket)serverContext.WrapBio(bios[2], bios[3], true);
        PyException? failure = null;
        for (var round = 0; round < 10 && failure is null; round++)
        {
            try
            {
                Step(client);
            }
            catch (PyException e)
            {
                failure = e;
            }
            try
            {
                Step(server);
            }
            catch (PyException)
            {
                // The server learns of the failure from the client's alert.
            }
            Move(bios[1], bios[2]);
            Move(bios[3], bios[0]);
        }
        Assert.NotNull(failure);
        Assert.Same(SslModule.CertVerificationError, failure!.Value.Type);
        Assert.Equal("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'otherhost'. (_ssl.c:992)",
            Taipan.Runtime.Abstract.Ops.Str(failure.Value).Value);
    }

    [Fact]
    public void DecodesTheSubjectOfATestCertificate()
    {
        var d = SslModule.TestDecodeCert(new PyStr(TestDir + "keycert.pem"));
        Assert.True(d.TryGetValue(new PyStr("serialNumber"), out var serial));
        Assert.Equal("98A7CF88C74A32ED", ((PyStr)serial!).Value);
        Assert.True(d.TryGetValue(new PyStr("notAfter"), out var notAfter));
        Assert.Equal("Aug 26 14:23:15 2028 GMT", ((PyStr)notAfter!).Value);
        var e = Assert.Throws<PyException>(() => SslModule.TestDecodeCert(new PyStr(TestDir + "nullcert.pem")));
        Assert.Same(SslModule.SslError, e.Value.Type);
    }
}
