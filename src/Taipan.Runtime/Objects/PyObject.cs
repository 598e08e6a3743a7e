// Include/object.h
namespace Taipan.Runtime.Objects;

/// <summary>
/// Every Python value. The C# class fixes the layout (as a C struct does in CPython); the
/// Python type is <see cref="Type"/>. Builtin classes return a static type object; instances of
/// Python classes, and of subclasses of builtins, carry theirs in a field. Fast paths test the
/// exact C# class (<c>o.GetType() == typeof(PyInt)</c>), which is cheaper than comparing types.
/// </summary>
public abstract class PyObject
{
    /// <summary><c>type(self)</c> (CPython's <c>ob_type</c>).</summary>
    public abstract PyType Type { get; }

    /// <summary>The instance <c>__dict__</c>, for objects that have one (CPython's
    /// <c>tp_dictoffset</c>); null for those that don't.</summary>
    public virtual PyDict? InstanceDict => null;

    public override string ToString() => Abstract.Ops.Repr(this).Value;
}

/// <summary>Implemented by the generator on every <c>[PyType]</c> class, so generic code can
/// reach the type object of a C# class.</summary>
public interface IBuiltinType
{
    static abstract PyType StaticType { get; }
}
