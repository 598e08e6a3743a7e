// Python/bltinmodule.c (breakpoint)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class Builtins
{
    /// <summary><c>breakpoint(*args, **kws)</c>: calls <c>sys.breakpointhook</c>.</summary>
    [PyMethod]
    public static PyObject Breakpoint(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var hook = SysModule.Get("breakpointhook") ?? throw Errors.PyErr.RuntimeError("lost sys.breakpointhook");
        SysModule.AuditEvent("builtins.breakpoint", hook);
        return Ops.Call(hook, args, kwnames);
    }
}
