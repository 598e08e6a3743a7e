// Modules/_ssl.c (the SSLSession type)
using Taipan.Bytecode;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Ssl;

/// <summary><c>_ssl.SSLSession</c>: a TLS session that a later connection of the same
/// context may resume.</summary>
[PyType("SSLSession", Module = "_ssl", FromSpec = true, Unhashable = true)]
public sealed unsafe partial class SslSession : PyObject
{
    private readonly IntPtr _session;

    internal SslSession(IntPtr session, SslContext context)
    {
        _session = session;
        Context = context;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw Taipan.Runtime.Errors.PyErr.TypeError("cannot create '_ssl.SSLSession' instances");

    ~SslSession() => Ossl.SSL_SESSION_free(_session);

    internal IntPtr Handle => _session;

    internal SslContext Context { get; }

    private byte[] Id()
    {
        uint length;
        var id = Ossl.SSL_SESSION_get_id(_session, &length);
        return new ReadOnlySpan<byte>((byte*)id, (int)length).ToArray();
    }

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (left is not SslSession a || right is not SslSession b || op is not (CompareOp.Eq or CompareOp.Ne))
        {
            return PyNotImplemented.Value;
        }
        var equal = ReferenceEquals(a, b) || a.Id().AsSpan().SequenceEqual(b.Id());
        return PyBool.From(equal == (op == CompareOp.Eq));
    }

    [PyGetter("time", Doc = "Session creation time (seconds since epoch).")]
    public long Time() => Ossl.SSL_SESSION_get_time(_session);

    [PyGetter("timeout", Doc = "Session timeout (delta in seconds).")]
    public long Timeout() => Ossl.SSL_SESSION_get_timeout(_session);

    [PyGetter("ticket_lifetime_hint", Doc = "Ticket life time hint.")]
    public long TicketLifetimeHint() => Ossl.SSL_SESSION_get_ticket_lifetime_hint(_session);

    [PyGetter("id", Doc = "Session id")]
    public PyBytes IdGetter() => new(Id());

    [PyGetter("has_ticket", Doc = "Does the session contain a ticket?")]
    public bool HasTicket() => Ossl.SSL_SESSION_has_ticket(_session) != 0;
}
