// Tools/clinic (declarations that the source generator turns into argument parsing and tables)
namespace Taipan.Runtime;

/// <summary>Declares a builtin type. The source generator gives the partial class a static
/// <c>TypeObject</c>, its <c>Type</c> override (unless <see cref="InstanceType"/> is set), fills
/// the type's slots from <see cref="PySlotAttribute"/> members and its dict from the other
/// <c>Py*</c> members.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PyTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>The C# class whose <c>TypeObject</c> is the base; default <c>object</c>.</summary>
    public Type? Base { get; init; }

    public string Module { get; init; } = "builtins";

    /// <summary>CPython 3.11 makes this type from a spec when its module is loaded
    /// (<c>PyType_FromModuleAndSpec</c>, as most extension modules do), so its dict holds
    /// <c>__module__</c>; static types (the core's, <c>_io</c>'s, <c>itertools</c>') do not.</summary>
    public bool FromSpec { get; init; }

    /// <summary>Python classes may derive from it (Py_TPFLAGS_BASETYPE).</summary>
    public bool Subclassable { get; init; }

    /// <summary>Instances carry their type in a field (subclass instances, classes); the
    /// class then implements <c>Type</c> itself.</summary>
    public bool InstanceType { get; init; }

    /// <summary>Instances cannot be hashed: <c>__hash__</c> is None, as for list and dict.</summary>
    public bool Unhashable { get; init; }

    /// <summary>Subscripting the class makes a <c>types.GenericAlias</c> (PEP 585:
    /// <c>list[int]</c>).</summary>
    public bool Generic { get; init; }

    /// <summary>Extra <see cref="Objects.TypeFlags"/> for the type.</summary>
    public Objects.TypeFlags Flags { get; init; }

    public string? Doc { get; init; }
}

/// <summary>A method of a builtin type or a function of a builtin module. The Python name is
/// the C# name in lower case unless given. Parameters are positional-only unless
/// <see cref="Keywords"/> is set; a parameter with a default value is optional.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PyMethodAttribute(string? name = null) : Attribute
{
    public string? Name { get; } = name;

    /// <summary>Parameters may also be passed by keyword (Argument Clinic without <c>/</c>).</summary>
    public bool Keywords { get; init; }

    public string? Doc { get; init; }
}

/// <summary>A <c>classmethod</c> of a builtin type; its first parameter is the <c>PyType</c>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PyClassMethodAttribute(string? name = null) : Attribute
{
    public string? Name { get; } = name;

    public bool Keywords { get; init; }

    public string? Doc { get; init; }
}

/// <summary>A <c>staticmethod</c> of a builtin type.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PyStaticMethodAttribute(string? name = null) : Attribute
{
    public string? Name { get; } = name;

    public bool Keywords { get; init; }

    public string? Doc { get; init; }
}

/// <summary>An attribute computed by a property or a parameterless method; read-only unless a
/// <see cref="PySetterAttribute"/> method of the same name exists.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method, Inherited = false)]
public sealed class PyGetterAttribute(string? name = null) : Attribute
{
    public string? Name { get; } = name;

    public string? Doc { get; init; }
}

/// <summary>Makes the <see cref="PyGetterAttribute"/> of the same name writable: a method taking
/// the new value, or null when the attribute is deleted.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PySetterAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Implements a type slot, named as CPython names it: <c>[PySlot("nb_add")]</c>,
/// <c>[PySlot("tp_repr")]</c>. The generator stores it in <see cref="Objects.TypeSlots"/> and
/// exposes the slot's special methods (<c>__add__</c>, <c>__radd__</c>) in the type's dict.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PySlotAttribute(string slot) : Attribute
{
    public string Slot { get; } = slot;
}

/// <summary>Only with <see cref="PyMethodAttribute.Keywords"/>: this parameter and the ones
/// after it are keyword-only (the <c>*</c> of a signature).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class KeywordOnlyAttribute : Attribute;

/// <summary>Declares a builtin module; its <c>[PyMethod]</c> members become its functions.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PyModuleAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public string? Doc { get; init; }
}
