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

    [PyGetter("__name__")]
    public string NameGetter() => Name;

    [PyGetter("__qualname__")]
    public string QualName() => $"{Owner.QualName}.{Name}";

    [PyGetter("__objclass__")]
    public PyType ObjClass() => Owner;

    [PyGetter("__doc__")]
    public PyObject DocGetter() => Doc is null ? PyNone.Value : new PyStr(Doc);
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

/// <summary>What <c>staticmethod</c> and <c>classmethod</c> share (<c>funcobject.c</c>): the
/// wrapped callable, whose <c>__module__</c>, <c>__name__</c>, <c>__qualname__</c> and
/// <c>__doc__</c> and <c>__annotations__</c> are copied into the wrapper's own <c>__dict__</c> as
/// <c>functools.wraps</c> would.</summary>
public abstract class PyCallableWrapper(PyType type) : PySubclassableObject(type)
{
    private PyObject? _callable;

    public PyObject Callable => _callable ?? throw Errors.PyErr.RuntimeError($"uninitialized {Type.Name} object");

    public override PyDict? InstanceDict => OwnDict;

    protected void Wrap(string kind, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords(kind, kwnames);
        Python.ArgParse.CheckPositional(kind, args.Length, 1, 1);
        _callable = args[0];
        foreach (var name in s_wrapped)
        {
            if (Abstract.Ops.TryGetAttr(args[0], name) is { } value)
            {
                OwnDict.SetItem(name, value);
            }
        }
    }

    private static readonly PyStr[] s_wrapped =
        [PyStr.Intern("__module__"), PyStr.Intern("__name__"), PyStr.Intern("__qualname__"), PyStr.Intern("__doc__"), PyStr.Intern("__annotations__")];

    protected bool IsAbstract() =>
        Abstract.Ops.TryGetAttr(Callable, PyStr.Intern("__isabstractmethod__")) is { } v && Abstract.Ops.IsTrue(v);

    protected PyStr WrapperRepr() => new($"<{Type.Name}({Abstract.Ops.Repr(Callable).Value})>");
}

/// <summary><c>staticmethod</c>: returns the wrapped callable whatever it is accessed through.</summary>
[PyType("staticmethod", Subclassable = true, InstanceType = true)]
public sealed partial class PyStaticMethod : PyCallableWrapper
{
    private PyStaticMethod(PyType type) : base(type)
    {
    }

    public PyStaticMethod(PyObject callable) : base(TypeObject) => Wrap("staticmethod", [callable], null);

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyStaticMethod(type);

    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        ((PyStaticMethod)self).Wrap("staticmethod", args, kwnames);

    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner) => Callable;

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => Abstract.Ops.Call(Callable, args, kwnames);

    [PySlot("tp_repr")]
    public PyStr Repr() => WrapperRepr();

    [PyGetter("__func__")]
    public PyObject Func() => Callable;

    [PyGetter("__wrapped__")]
    public PyObject Wrapped() => Callable;

    [PyGetter("__isabstractmethod__")]
    public bool IsAbstractMethod() => IsAbstract();

    [PyGetter("__dict__")]
    public PyDict DictGetter() => OwnDict;
}

/// <summary><c>classmethod</c>: binds the wrapped callable to the class.</summary>
[PyType("classmethod", Subclassable = true, InstanceType = true)]
public sealed partial class PyClassMethod : PyCallableWrapper
{
    private PyClassMethod(PyType type) : base(type)
    {
    }

    public PyClassMethod(PyObject callable) : base(TypeObject) => Wrap("classmethod", [callable], null);

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyClassMethod(type);

    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        ((PyClassMethod)self).Wrap("classmethod", args, kwnames);

    /// <summary>As in 3.11, a wrapped descriptor (a property, another classmethod) is bound
    /// through its own <c>__get__</c> with the class as the instance.</summary>
    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner)
    {
        var cls = owner ?? instance!.Type;
        return Callable is PyFunction f ? new PyMethod(f, cls)
            : Callable.Type.Slots.DescrGet is { } get ? get(Callable, cls, cls)
            : new PyMethod(Callable, cls);
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => WrapperRepr();

    [PyGetter("__func__")]
    public PyObject Func() => Callable;

    [PyGetter("__wrapped__")]
    public PyObject Wrapped() => Callable;

    [PyGetter("__isabstractmethod__")]
    public bool IsAbstractMethod() => IsAbstract();

    [PyGetter("__dict__")]
    public PyDict DictGetter() => OwnDict;
}

/// <summary><c>property</c>: a data descriptor calling its getter, setter and deleter.</summary>
[PyType("property", Subclassable = true, InstanceType = true)]
public sealed partial class PyProperty(PyType type) : PySubclassableObject(type)
{
    public PyObject? Getter { get; private set; }
    public PyObject? Setter { get; private set; }
    public PyObject? Deleter { get; private set; }

    /// <summary>The docstring (the member <c>__doc__</c>); for subclasses it lives in the
    /// instance dict, as their class's own <c>__doc__</c> shadows the member.</summary>
    private PyObject? _doc;

    /// <summary>The doc was taken from the getter, so a copy made by <c>.getter()</c> takes the
    /// new getter's.</summary>
    private bool _docFromGetter;

    /// <summary>The attribute name <c>__set_name__</c> gave it, for error messages.</summary>
    private PyObject? _name;

    public PyProperty(PyObject? getter, PyObject? setter, PyObject? deleter, PyObject? doc) : this(TypeObject) =>
        Initialize(getter, setter, deleter, doc);

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyProperty(type);

    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[4];
        Python.ArgParse.UnpackKeywords("property", args, kwnames, s_names, 0, 4, 0, buffer);
        ((PyProperty)self).Initialize(OrNull(buffer[0]), OrNull(buffer[1]), OrNull(buffer[2]), OrNull(buffer[3]));
    }

    private static PyObject? OrNull(PyObject? o) => o is PyNone ? null : o;

    private static readonly string[] s_names = ["fget", "fset", "fdel", "doc"];

    /// <summary><c>property_init_impl</c>.</summary>
    private void Initialize(PyObject? getter, PyObject? setter, PyObject? deleter, PyObject? doc)
    {
        Getter = getter;
        Setter = setter;
        Deleter = deleter;
        _doc = doc;
        _docFromGetter = false;
        if (doc is null && getter is not null
            && Abstract.Ops.TryGetAttr(getter, PyStr.Intern("__doc__")) is { } getterDoc and not PyNone)
        {
            _doc = getterDoc;
            _docFromGetter = true;
        }
        if (!ReferenceEquals(Type, TypeObject))
        {
            Abstract.Ops.SetAttr(this, PyStr.Intern("__doc__"), _doc ?? PyNone.Value);
        }
    }

    [PyMethod("__set_name__")]
    public void SetName(PyObject owner, PyObject name) => _name = name;

    private string Described(PyObject instance) =>
        _name is null ? $"property of '{instance.Type.Name}' object" : $"property {Abstract.Ops.Repr(_name).Value} of '{instance.Type.Name}' object";

    /// <summary><c>property_copy</c>: a new property of the same class, made by calling it.</summary>
    private PyObject Copy(PyObject? getter, PyObject? setter, PyObject? deleter)
    {
        var doc = _docFromGetter ? PyNone.Value : _doc ?? PyNone.Value;
        var copy = ReferenceEquals(Type, TypeObject)
            ? new PyProperty(getter, setter, deleter, OrNull(doc))
            : Abstract.Ops.Call(Type, [getter ?? PyNone.Value, setter ?? PyNone.Value, deleter ?? PyNone.Value, doc], null);
        if (copy is PyProperty p)
        {
            p._name = _name;
        }
        return copy;
    }

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
    public PyObject WithSetter(PyObject setter) => Copy(Getter, setter, Deleter);

    [PyMethod("getter")]
    public PyObject WithGetter(PyObject getter) => Copy(getter, Setter, Deleter);

    [PyMethod("deleter")]
    public PyObject WithDeleter(PyObject deleter) => Copy(Getter, Setter, deleter);

    [PyGetter("fget")]
    public PyObject FGet() => Getter ?? PyNone.Value;

    [PyGetter("fset")]
    public PyObject FSet() => Setter ?? PyNone.Value;

    [PyGetter("fdel")]
    public PyObject FDel() => Deleter ?? PyNone.Value;

    [PyGetter("__doc__")]
    public PyObject DocGetter() => _doc ?? PyNone.Value;

    [PySetter("__doc__")]
    public void SetDoc(PyObject? value) => _doc = value;

    [PyGetter("__isabstractmethod__")]
    public bool IsAbstractMethod()
    {
        foreach (var f in (ReadOnlySpan<PyObject?>)[Getter, Setter, Deleter])
        {
            if (f is not null && Abstract.Ops.TryGetAttr(f, PyStr.Intern("__isabstractmethod__")) is { } v && Abstract.Ops.IsTrue(v))
            {
                return true;
            }
        }
        return false;
    }
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
[PyType("builtin_function_or_method", Flags = TypeFlags.Weakrefable)]
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
        Function(Self is null || Self is PyModule && ModuleName is not null ? PyNone.Value : Self, args, kwnames);

    [PySlot("tp_repr")]
    public PyStr Repr() => Self is null || Self is PyModule && ModuleName is not null
        ? new PyStr($"<built-in function {Name}>")
        : new PyStr($"<built-in method {Name} of {Self.Type.Name} object at 0x{Python.PyHash.Pointer(Self) & 0xffffffffffffL:x}>");

    [PyGetter("__name__")]
    public string NameGetter() => Name;

    /// <summary>A method is qualified by its receiver's class (the class itself for class
    /// methods); a module function by nothing.</summary>
    [PyGetter("__qualname__")]
    public string QualName() => Self is null || Self is PyModule && ModuleName is not null
        ? Name
        : $"{(Self as PyType ?? Self.Type).QualName}.{Name}";

    [PyGetter("__self__")]
    public PyObject SelfGetter() => Self ?? PyNone.Value;

    [PyGetter("__module__")]
    public PyObject ModuleGetter() => ModuleName is null ? PyNone.Value : new PyStr(ModuleName);

    [PyGetter("__doc__")]
    public PyObject DocGetter() => Doc is null ? PyNone.Value : new PyStr(Doc);

    [PyGetter("__text_signature__")]
    public PyObject TextSignature() => PyNone.Value;

    /// <summary>meth_reduce: module functions pickle by name, methods as getattr(self, name).</summary>
    [PyMethod("__reduce__")]
    public PyObject Reduce() => Self is null || Self is PyModule && ModuleName is not null
        ? new PyStr(QualName())
        : PyTuple.Create(Python.Builtins.Module.Dict[PyStr.Intern("getattr")]!, PyTuple.Create(Self, new PyStr(Name)));
}

/// <summary><c>member_descriptor</c>: one of the <c>__slots__</c> of a class, stored in the
/// instance's slot array rather than its dict.</summary>
[PyType("member_descriptor")]
public sealed partial class PyMemberDescriptor(PyType owner, string name, int index) : PyObject
{
    public PyType Owner { get; } = owner;
    public string Name { get; } = name;
    public int Index { get; } = index;

    /// <summary>Slots of instances whose C# layout is not <see cref="PyInstance"/> (subclasses
    /// of builtin types with <c>__slots__</c>, which are rare).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PyObject, PyObject?[]> s_sideSlots = [];

    private static PyObject?[] SlotsOf(PyObject instance) => instance is PyInstance { SlotValues: { } values }
        ? values
        : s_sideSlots.GetValue(instance, static o => new PyObject?[o.Type.SlotCount]);

    private void Check(PyObject instance)
    {
        if (!instance.Type.IsSubtypeOf(Owner))
        {
            throw Errors.PyErr.TypeError($"descriptor '{Name}' for '{Owner.Name}' objects doesn't apply to a '{instance.Type.Name}' object");
        }
    }

    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner)
    {
        if (instance is null)
        {
            return this;
        }
        Check(instance);
        return SlotsOf(instance)[Index] ?? throw Errors.PyErr.AttributeError($"'{instance.Type.Name}' object has no attribute '{Name}'");
    }

    [PySlot("tp_descr_set")]
    public void Set(PyObject instance, PyObject? value)
    {
        Check(instance);
        var slots = SlotsOf(instance);
        if (value is null && slots[Index] is null)
        {
            throw Errors.PyErr.AttributeError(Name);
        }
        slots[Index] = value;
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<member '{Name}' of '{Owner.Name}' objects>");

    [PyGetter("__name__")]
    public string NameGetter() => Name;

    [PyGetter("__qualname__")]
    public string QualName() => $"{Owner.QualName}.{Name}";

    [PyGetter("__objclass__")]
    public PyType ObjClass() => Owner;
}
