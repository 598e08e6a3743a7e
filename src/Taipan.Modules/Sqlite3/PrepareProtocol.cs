// Modules/_sqlite/prepare_protocol.c
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Sqlite3;

/// <summary><c>sqlite3.PrepareProtocol</c>: the protocol object that adapters are registered
/// for.</summary>
[PyType("sqlite3.PrepareProtocol", Module = "sqlite3", FromSpec = true, Subclassable = true, InstanceType = true, Doc = "PEP 246 style object adaption protocol type.")]
public sealed partial class PyPrepareProtocol : PySubclassableObject
{
    private PyPrepareProtocol(PyType type) : base(type)
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyPrepareProtocol(type);

    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
    }
}
