// Python/bltinmodule.c (imports)
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class Builtins
{
    /// <summary><c>__import__(name, globals=None, locals=None, fromlist=(), level=0)</c>.</summary>
    [PyMethod("__import__", Keywords = true)]
    public static PyObject ImportFunction(PyStr name, PyObject? globals = null, PyObject? locals = null, PyObject? fromlist = null, int level = 0) =>
        Import.ImportModuleLevel(name, globals as PyDict, fromlist, level);
}
