// Objects/object.c (Py_ReprEnter, Py_ReprLeave)
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>Detects recursion in <c>repr</c> of containers that contain themselves, so
/// <c>l = [l]</c> prints as <c>[[...]]</c>.</summary>
public readonly struct ReprGuard : IDisposable
{
    [ThreadStatic]
    private static HashSet<PyObject>? t_active;

    private readonly PyObject? _obj;

    private ReprGuard(PyObject? obj) => _obj = obj;

    /// <summary>False when the object's repr is already being computed on this thread.</summary>
    public bool Entered => _obj is not null;

    public static ReprGuard Enter(PyObject obj)
    {
        var active = t_active ??= new HashSet<PyObject>(ReferenceEqualityComparer.Instance);
        return active.Add(obj) ? new ReprGuard(obj) : default;
    }

    public void Dispose()
    {
        if (_obj is not null)
        {
            t_active!.Remove(_obj);
        }
    }
}
