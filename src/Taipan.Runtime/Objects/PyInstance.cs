// Objects/typeobject.c (instances of classes defined in Python: subtype layouts)
namespace Taipan.Runtime.Objects;

/// <summary>An instance of a class defined in Python (a heap type): it carries its type and
/// its <c>__dict__</c>, whatever builtin layout it extends.</summary>
public interface IHeapInstance
{
    /// <summary>Assignment to <c>__class__</c>.</summary>
    void SetType(PyType type);

    /// <summary>Assignment to <c>__dict__</c>.</summary>
    void SetDict(PyDict dict);
}

/// <summary>An instance of a class defined in Python whose layout is object's: a
/// <c>__dict__</c> unless the class's <c>__slots__</c> leave it out, and the values of its
/// slots.</summary>
public sealed class PyInstance : PyObject, IHeapInstance
{
    private PyType _type;
    private PyDict? _dict;

    public PyInstance(PyType type)
    {
        _type = type;
        if (type.HasFlag(TypeFlags.HasDict))
        {
            _dict = new PyDict();
        }
        if (type.SlotCount > 0)
        {
            SlotValues = new PyObject?[type.SlotCount];
        }
    }

    public override PyType Type => _type;

    /// <summary>The instance dict; only for classes with one (the attribute caches check the
    /// class's <see cref="TypeFlags.HasDict"/> before they use it).</summary>
    public PyDict Dict => _dict!;

    public override PyDict? InstanceDict => _dict;

    /// <summary>The <c>__slots__</c> values, indexed as the class's member descriptors say.</summary>
    public PyObject?[]? SlotValues { get; }

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;
}

/// <summary>The layout of builtin types whose instances are few (descriptors, modules, I/O
/// objects, iterators of library modules): the instance carries its type, so one C# class
/// serves the builtin type and its Python subclasses, whose instances also get a
/// <c>__dict__</c>. Declare such types with <c>InstanceType = true</c> and make their
/// <c>tp_new</c> pass the type it is given.</summary>
public abstract class PySubclassableObject(PyType type) : PyObject, IHeapInstance
{
    private PyType _type = type;
    private PyDict? _dict;

    public sealed override PyType Type => _type;

    /// <summary>A dict for instances of Python subclasses; builtin instances have none unless
    /// the type says otherwise.</summary>
    public override PyDict? InstanceDict => _type.HasFlag(TypeFlags.HeapType) ? _dict ??= new PyDict() : null;

    /// <summary>For types whose builtin instances have a <c>__dict__</c> too.</summary>
    protected PyDict OwnDict => _dict ??= new PyDict();

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;
}

/// <summary>An instance of a Python subclass of <c>list</c>: a real list that also carries its
/// class and a <c>__dict__</c>. Exact lists stay plain <see cref="PyList"/> objects, so the
/// exact-type fast paths (<c>GetType() == typeof(PyList)</c>) skip these.</summary>
public sealed class PyListInstance(PyType type) : PyList, IHeapInstance
{
    private PyType _type = type;

    public override PyType Type => _type;

    private PyDict _dict = new();

    public override PyDict? InstanceDict => _dict;

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;
}

/// <summary>An instance of a Python subclass of <c>dict</c>.</summary>
public sealed class PyDictInstance(PyType type) : PyDict, IHeapInstance
{
    private PyType _type = type;

    public override PyType Type => _type;

    private PyDict _dict = new();

    public override PyDict? InstanceDict => _dict;

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;
}

/// <summary>An instance of a Python subclass of <c>set</c>.</summary>
public sealed class PySetInstance(PyType type) : PySet, IHeapInstance
{
    private PyType _type = type;

    public override PyType Type => _type;

    private PyDict _dict = new();

    public override PyDict? InstanceDict => _dict;

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;
}

/// <summary>An instance of a Python subclass of <c>int</c>: the value its <c>__new__</c> made.</summary>
public sealed class PyIntInstance(PyType type, PyInt value) : PyInt(value), IHeapInstance
{
    private PyType _type = type;
    private PyDict _dict = new();

    public override PyType Type => _type;

    public override PyDict? InstanceDict => _dict;

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;
}

/// <summary>An instance of a Python subclass of <c>float</c>: the value its <c>__new__</c> made.</summary>
public sealed class PyFloatInstance(PyType type, double value) : PyFloat(value), IHeapInstance
{
    private PyType _type = type;
    private PyDict _dict = new();

    public override PyType Type => _type;

    public override PyDict? InstanceDict => _dict;

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;
}

/// <summary>An instance of a Python subclass of <c>str</c>: the value its <c>__new__</c> made.</summary>
public sealed class PyStrInstance(PyType type, string value) : PyStr(value), IHeapInstance
{
    private PyType _type = type;
    private PyDict _dict = new();

    public override PyType Type => _type;

    public override PyDict? InstanceDict => _dict;

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;
}

/// <summary>An instance of a Python subclass of <c>bytes</c>: the value its <c>__new__</c> made.</summary>
public sealed class PyBytesInstance(PyType type, byte[] data) : PyBytes(data), IHeapInstance
{
    private PyType _type = type;
    private PyDict _dict = new();

    public override PyType Type => _type;

    public override PyDict? InstanceDict => _dict;

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;
}

/// <summary>An instance of a Python subclass of <c>tuple</c>: the value its <c>__new__</c> made.</summary>
public sealed class PyTupleInstance(PyType type, PyObject[] items) : PyTuple(items), IHeapInstance
{
    private PyType _type = type;
    private PyDict _dict = new();

    public override PyType Type => _type;

    public override PyDict? InstanceDict => _dict;

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;
}

/// <summary>An instance of a Python subclass of <c>complex</c>.</summary>
public sealed class PyComplexInstance(PyType type, double real, double imag) : PyComplex(real, imag), IHeapInstance
{
    private PyType _type = type;
    private PyDict _dict = new();

    public override PyType Type => _type;

    public override PyDict? InstanceDict => _dict;

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;
}

/// <summary>An instance of a Python subclass of <c>frozenset</c>.</summary>
public sealed class PyFrozenSetInstance(PyType type) : PyFrozenSet, IHeapInstance
{
    private PyType _type = type;
    private PyDict _dict = new();

    public override PyType Type => _type;

    public override PyDict? InstanceDict => _dict;

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;
}
