// Objects/typeobject.c (type_methods, type_getsets)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;

namespace Taipan.Runtime.Objects;

public sealed partial class PyType
{
    /// <summary><c>type.mro()</c>: the C3 linearization, as a list.</summary>
    [PyMethod("mro")]
    public PyList MroMethod() => new([.. Mro]);

    /// <summary><c>type.__dir__</c>: the class's and its bases' attributes, not the metaclass's.</summary>
    [PyMethod("__dir__")]
    public PyList DirMethod()
    {
        var names = new PyDict();
        PyBaseObject.MergeClassDict(names, this);
        return new PyList([.. names.Items().Select(kv => kv.Key)]);
    }

    [PyMethod("__subclasses__")]
    public PyList SubclassesMethod() => new([.. Subclasses()]);

    [PyMethod("__instancecheck__")]
    public bool InstanceCheck(PyObject instance) => Ops.ObjectIsInstance(instance, this);

    [PyMethod("__subclasscheck__")]
    public bool SubclassCheck(PyObject subclass) => Ops.RecursiveIsSubclass(subclass, this);

    /// <summary><c>type.__prepare__</c>: the namespace of a class body, an empty dict whatever
    /// the arguments.</summary>
    [PyClassMethod("__prepare__")]
    public static PyObject Prepare(PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyDict();

    /// <summary><c>type.__or__</c>: <c>int | str</c>.</summary>
    [PySlot("nb_or")]
    public static PyObject Or(PyObject left, PyObject right) => PyUnion.Or(left, right);

    private void CheckSettable(string attribute)
    {
        if (!HasFlag(TypeFlags.HeapType))
        {
            throw PyErr.TypeError($"cannot set '{attribute}' attribute of immutable type '{Name}'");
        }
    }

    [PySetter("__name__")]
    public void SetName(PyObject? value)
    {
        CheckSettable("__name__");
        Name = value is PyStr s ? s.Value
            : throw PyErr.TypeError(value is null ? $"cannot delete '__name__' attribute of immutable type '{Name}'"
                : $"can only assign string to {Name}.__name__, not '{value.Type.Name}'");
    }

    [PySetter("__qualname__")]
    public void SetQualName(PyObject? value)
    {
        CheckSettable("__qualname__");
        QualName = value is PyStr s ? s.Value
            : throw PyErr.TypeError(value is null ? $"cannot delete '__qualname__' attribute of immutable type '{Name}'"
                : $"can only assign string to {Name}.__qualname__, not '{value.Type.Name}'");
    }

    [PySetter("__module__")]
    public void SetModule(PyObject? value)
    {
        CheckSettable("__module__");
        if (value is null)
        {
            throw PyErr.TypeError($"cannot delete '__module__' attribute of immutable type '{Name}'");
        }
        Dict.SetItem(PyStr.Intern("__module__"), value);
        if (value is PyStr s)
        {
            Module = s.Value;
        }
        Modified();
    }

    /// <summary><c>__abstractmethods__</c>: set by <c>abc.ABCMeta</c>; a class whose set is
    /// not empty cannot be instantiated (<c>object.__new__</c> checks the flag).</summary>
    [PyGetter("__abstractmethods__")]
    public PyObject AbstractMethodsGetter() =>
        !ReferenceEquals(this, TypeObject) && Dict.TryGetValue(PyStr.Intern("__abstractmethods__"), out var v)
            ? v : throw PyErr.AttributeError("__abstractmethods__");

    [PySetter("__abstractmethods__")]
    public void SetAbstractMethods(PyObject? value)
    {
        var key = PyStr.Intern("__abstractmethods__");
        bool isAbstract;
        if (value is null)
        {
            if (ReferenceEquals(this, TypeObject) || !Dict.Remove(key))
            {
                throw PyErr.AttributeError("__abstractmethods__");
            }
            isAbstract = false;
        }
        else
        {
            isAbstract = Ops.IsTrue(value);
            Dict.SetItem(key, value);
        }
        Flags = isAbstract ? Flags | TypeFlags.IsAbstract : Flags & ~TypeFlags.IsAbstract;
        Modified();
    }

    /// <summary>The message of <c>object.__new__</c> for a class with abstract methods.</summary>
    internal string AbstractInstantiationMessage()
    {
        var names = new List<string>();
        if (Dict.TryGetValue(PyStr.Intern("__abstractmethods__"), out var methods))
        {
            foreach (var m in Ops.Iterate(methods))
            {
                names.Add(Ops.Str(m).Value);
            }
        }
        names.Sort(string.CompareOrdinal);
        return $"Can't instantiate abstract class {Name} with abstract method{(names.Count == 1 ? "" : "s")} {string.Join(", ", names)}";
    }

    [PyGetter("__annotations__")]
    public PyObject AnnotationsGetter()
    {
        var key = PyStr.Intern("__annotations__");
        if (Dict.TryGetValue(key, out var annotations))
        {
            return annotations.Type.Slots.DescrGet is { } get ? get(annotations, null, this) : annotations;
        }
        if (!HasFlag(TypeFlags.HeapType))
        {
            throw PyErr.AttributeError($"type object '{Name}' has no attribute '__annotations__'");
        }
        var dict = new PyDict();
        Dict.SetItem(key, dict);
        Modified();
        return dict;
    }

    [PySetter("__annotations__")]
    public void SetAnnotations(PyObject? value)
    {
        CheckSettable("__annotations__");
        var key = PyStr.Intern("__annotations__");
        if (value is null)
        {
            if (!Dict.Remove(key))
            {
                throw PyErr.AttributeError("__annotations__");
            }
        }
        else
        {
            Dict.SetItem(key, value);
        }
        Modified();
    }

    [PyGetter("__flags__")]
    public long FlagsGetter() => (long)(Flags & ~TypeFlags.Weakrefable);
}
