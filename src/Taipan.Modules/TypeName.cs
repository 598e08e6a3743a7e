// Objects/typeobject.c (_PyType_Name)
using Taipan.Runtime.Objects;

namespace Taipan.Modules;

/// <summary>The name reprs show: a type's name after the module prefix that builtin types of
/// modules carry ("collections.deque" gives "deque"), as <c>_PyType_Name</c> does.</summary>
internal static class TypeName
{
    public static string Short(PyType type)
    {
        var name = type.Name;
        var dot = name.LastIndexOf('.');
        return dot < 0 ? name : name[(dot + 1)..];
    }
}
