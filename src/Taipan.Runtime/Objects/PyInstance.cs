// Objects/typeobject.c (instances of classes defined in Python whose layout is object's)
namespace Taipan.Runtime.Objects;

/// <summary>An instance of a class defined in Python: its type and its <c>__dict__</c>.</summary>
public sealed class PyInstance(PyType type) : PyObject
{
    private PyType _type = type;

    public override PyType Type => _type;

    public PyDict Dict { get; } = new();

    public override PyDict? InstanceDict => Dict;

    /// <summary>Assignment to <c>__class__</c>.</summary>
    public void SetType(PyType type) => _type = type;
}
