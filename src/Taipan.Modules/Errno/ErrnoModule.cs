// Modules/errnomodule.c
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Errno;

/// <summary><c>errno</c>: the Linux error codes by name, and <c>errorcode</c> from code to
/// name (aliases such as EWOULDBLOCK map as CPython's table does).</summary>
[PyModule("errno", Doc = "This module makes available the standard errno system symbols: each name is an\ninteger error code, and errorcode maps codes back to names.")]
public static partial class ErrnoModule
{
    static partial void Initialize(PyModule module)
    {
        var errorcode = new PyDict();
        foreach (var (name, code) in ErrnoCodes.All)
        {
            var value = PyInt.From(code);
            var key = new PyStr(name);
            module.AddBuiltin(name, value);
            errorcode.SetItem(value, key);
        }
        module.AddBuiltin("errorcode", errorcode);
    }
}
