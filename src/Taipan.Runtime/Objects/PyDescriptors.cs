// Objects/descrobject.c
namespace Taipan.Runtime.Objects;

/// <summary><c>method_descriptor</c>: a method of a builtin type, as found in the type's dict.
/// Called through the class it checks its first argument's type; through an instance it binds.</summary>
[PyType("method_descriptor")]
public sealed partial class PyMethodDescriptor(PyType owner, string name, MethodSlot function, string? doc) : PyObject
{
    public PyType Owner { get; } = owner;
    public string Name { get; } = name;
    public MethodSlot Function { get; } = function;
    public string? Doc { get; } = doc;

    /// <summary>Calls the method with an explicit receiver, as the interpreter does after
    /// <c>LOAD_METHOD</c> without creating a bound method.</summary>
    public PyObject CallWithSelf(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (!self.Type.IsSubtypeOf(Owner))
        {
            throw Errors.PyErr.TypeError($"descriptor '{Name}' for '{Owner.Name}' objects doesn't apply to a '{self.Type.Name}' object");
        }
        return Function(self, args, kwnames);
    }

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length == 0)
        {
            throw Errors.PyErr.TypeError($"unbound method {Owner.Name}.{Name}() needs an argument");
        }
        return CallWithSelf(args[0], args[1..], kwnames);
    }

    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner) =>
        instance is null ? this : new PyBuiltinFunction(Name, null, Function, Doc, instance);

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<method '{Name}' of '{Owner.Name}' objects>");
}

/// <summary><c>classmethod_descriptor</c>: a classmethod of a builtin type.</summary>
[PyType("classmethod_descriptor")]
public sealed partial class PyClassMethodDescriptor(PyType owner, string name, MethodSlot function, string? doc) : PyObject
{
    public PyType Owner { get; } = owner;
    public string Name { get; } = name;
    public string? Doc { get; } = doc;

    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner) =>
        new PyBuiltinFunction(Name, null, function, Doc, owner ?? instance?.Type ?? Owner);

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<method '{Name}' of '{Owner.Name}' objects>");
}

/// <summary><c>staticmethod</c>: returns the wrapped callable whatever it is accessed through.</summary>
[PyType("staticmethod")]
public sealed partial class PyStaticMethod(PyObject callable) : PyObject
{
    public PyObject Callable { get; } = callable;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("staticmethod", kwnames);
        Python.ArgParse.CheckPositional("staticmethod", args.Length, 1, 1);
        return new PyStaticMethod(args[0]);
    }

    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner) => Callable;

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => Abstract.Ops.Call(Callable, args, kwnames);
}

/// <summary><c>classmethod</c>: binds the wrapped callable to the class.</summary>
[PyType("classmethod")]
public sealed partial class PyClassMethod(PyObject callable) : PyObject
{
    public PyObject Callable { get; } = callable;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("classmethod", kwnames);
        Python.ArgParse.CheckPositional("classmethod", args.Length, 1, 1);
        return new PyClassMethod(args[0]);
    }

    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner) => new PyMethod(Callable, owner ?? instance!.Type);
}

/// <summary><c>property</c>: a data descriptor calling its getter, setter and deleter.</summary>
[PyType("property", Subclassable = true)]
public sealed partial class PyProperty(PyObject? getter, PyObject? setter, PyObject? deleter, PyObject? doc) : PyObject
{
    public PyObject? Getter { get; } = getter;
    public PyObject? Setter { get; } = setter;
    public PyObject? Deleter { get; } = deleter;
    public PyObject? DocValue { get; } = doc;

    /// <summary>The attribute name <c>__set_name__</c> gave it, for error messages.</summary>
    private PyObject? _name;

    [PyMethod("__set_name__")]
    public void SetName(PyObject owner, PyObject name) => _name = name;

    private string Described(PyObject instance) =>
        _name is null ? $"property of '{instance.Type.Name}' object" : $"property {Abstract.Ops.Repr(_name).Value} of '{instance.Type.Name}' object";

    private PyProperty Named(PyProperty copy)
    {
        copy._name = _name;
        return copy;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[4];
        Python.ArgParse.UnpackKeywords("property", args, kwnames, s_names, 0, 4, 0, buffer);
        static PyObject? OrNull(PyObject? o) => o is PyNone ? null : o;
        return new PyProperty(OrNull(buffer[0]), OrNull(buffer[1]), OrNull(buffer[2]), OrNull(buffer[3]));
    }

    private static readonly string[] s_names = ["fget", "fset", "fdel", "doc"];

    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner)
    {
        if (instance is null)
        {
            return this;
        }
        return Getter is null
            ? throw Errors.PyErr.AttributeError(Described(instance) + " has no getter")
            : Abstract.Ops.Call(Getter, [instance], null);
    }

    [PySlot("tp_descr_set")]
    public void Set(PyObject instance, PyObject? value)
    {
        var f = value is null ? Deleter : Setter;
        if (f is null)
        {
            throw Errors.PyErr.AttributeError(Described(instance) + (value is null ? " has no deleter" : " has no setter"));
        }
        if (value is null)
        {
            Abstract.Ops.Call(f, [instance], null);
        }
        else
        {
            Abstract.Ops.Call(f, [instance, value], null);
        }
    }

    [PyMethod("setter")]
    public PyProperty WithSetter(PyObject setter) => Named(new(Getter, setter, Deleter, DocValue));

    [PyMethod("getter")]
    public PyProperty WithGetter(PyObject getter) => Named(new(getter, Setter, Deleter, DocValue));

    [PyMethod("deleter")]
    public PyProperty WithDeleter(PyObject deleter) => Named(new(Getter, Setter, deleter, DocValue));
}

/// <summary><c>getset_descriptor</c>: a computed attribute of a builtin type.</summary>
[PyType("getset_descriptor")]
public sealed partial class PyGetSetDescriptor(PyType owner, string name, Func<PyObject, PyObject> getter, Action<PyObject, PyObject?>? setter, string? doc) : PyObject
{
    public PyType Owner { get; } = owner;
    public string Name { get; } = name;
    public string? Doc { get; } = doc;

    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner)
    {
        if (instance is null)
        {
            return this;
        }
        CheckInstance(instance);
        return getter(instance);
    }

    [PySlot("tp_descr_set")]
    public void Set(PyObject instance, PyObject? value)
    {
        CheckInstance(instance);
        if (setter is null)
        {
            throw Errors.PyErr.AttributeError($"attribute '{Name}' of '{Owner.Name}' objects is not writable");
        }
        setter(instance, value);
    }

    private void CheckInstance(PyObject instance)
    {
        if (!instance.Type.IsSubtypeOf(Owner))
        {
            throw Errors.PyErr.TypeError($"descriptor '{Name}' for '{Owner.Name}' objects doesn't apply to a '{instance.Type.Name}' object");
        }
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<attribute '{Name}' of '{Owner.Name}' objects>");
}

/// <summary><c>wrapper_descriptor</c>: a special method of a builtin type (<c>int.__add__</c>),
/// which calls the type's slot.</summary>
[PyType("wrapper_descriptor")]
public sealed partial class PyWrapperDescriptor(PyType owner, string name, MethodSlot function, string? doc) : PyObject
{
    public PyType Owner { get; } = owner;
    public string Name { get; } = name;
    public MethodSlot Function { get; } = function;
    public string? Doc { get; } = doc;

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length == 0)
        {
            throw Errors.PyErr.TypeError($"descriptor '{Name}' of '{Owner.Name}' object needs an argument");
        }
        if (!args[0].Type.IsSubtypeOf(Owner))
        {
            throw Errors.PyErr.TypeError($"descriptor '{Name}' requires a '{Owner.Name}' object but received a '{args[0].Type.Name}'");
        }
        return Function(args[0], args[1..], kwnames);
    }

    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner) =>
        instance is null ? this : new PyBuiltinFunction(Name, null, Function, Doc, instance);

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<slot wrapper '{Name}' of '{Owner.Name}' objects>");
}

/// <summary><c>builtin_function_or_method</c>: a function of a builtin module, or a builtin
/// method bound to its receiver.</summary>
[PyType("builtin_function_or_method")]
public sealed partial class PyBuiltinFunction(string name, string? module, MethodSlot function, string? doc, PyObject? self = null) : PyObject
{
    public string Name { get; } = name;
    public string? ModuleName { get; } = module;
    public MethodSlot Function { get; } = function;
    public string? Doc { get; } = doc;

    /// <summary>The bound receiver, or the module for module functions (<c>__self__</c>).</summary>
    public PyObject? Self { get; } = self;

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        Function(Self is PyModule or null ? PyNone.Value : Self, args, kwnames);

    [PyGetter("__name__")]
    public PyStr NameGetter() => new(Name);

    /// <summary><c>meth_get__qualname__</c>: a method is named after the type of its receiver
    /// (or the class itself for a class method).</summary>
    [PyGetter("__qualname__")]
    public PyStr QualNameGetter() => Self switch
    {
        null or PyModule => new PyStr(Name),
        PyType t => new PyStr($"{Abstract.Ops.GetAttr(t, PyStr.Intern("__qualname__"))}.{Name}"),
        _ => new PyStr($"{Abstract.Ops.GetAttr(Self.Type, PyStr.Intern("__qualname__"))}.{Name}"),
    };

    [PyGetter("__self__")]
    public PyObject SelfGetter() => Self ?? PyNone.Value;

    [PySlot("tp_repr")]
    public PyStr Repr() => Self is null or PyModule
        ? new PyStr($"<built-in function {Name}>")
        : new PyStr($"<built-in method {Name} of {Self.Type.Name} object at 0x{Python.PyHash.Pointer(Self) & 0xffffffffffffL:x}>");
}
