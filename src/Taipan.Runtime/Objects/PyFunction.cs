// Objects/funcobject.c
namespace Taipan.Runtime.Objects;

/// <summary><c>function</c>: a code object with the globals it runs in, its defaults and its
/// closure. Called from C#, it runs a new interpreter loop; called from Python code, the
/// interpreter pushes its frame without recursing.</summary>
[PyType("function", Flags = TypeFlags.Weakrefable)]
public sealed partial class PyFunction(PyCode code, PyDict globals, PyStr qualName) : PyObject
{
    public PyCode Code { get; set; } = code;
    public PyDict Globals { get; } = globals;

    /// <summary>The builtins the function's frames see, fixed when it is created as in
    /// CPython 3.11 (<c>func_builtins</c>), so a call does not look them up.</summary>
    public PyDict Builtins { get; } = Python.Interpreter.BuiltinsOf(globals);
    public PyStr Name { get; set; } = code.Name;
    public PyStr QualName { get; set; } = qualName;
    public PyTuple? Defaults { get; set; }
    public PyDict? KwDefaults { get; set; }
    public PyCell[]? Closure { get; set; }
    public PyObject? Annotations { get; set; }
    public PyObject Module { get; set; } = globals.TryGetValue(PyStr.Intern("__name__"), out var m) ? m : PyNone.Value;
    public PyObject Doc { get; set; } = PyNone.Value;

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => Python.Interpreter.CallFunction(this, args, kwnames);

    [PySlot("tp_descr_get")]
    public PyObject Get(PyObject? instance, PyType? owner) => instance is null ? this : new PyMethod(this, instance);

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<function {QualName.Value} at 0x{Python.PyHash.Pointer(this) & 0xffffffffffffL:x}>");

    private PyDict? _dict;

    /// <summary>Attributes set on the function (<c>f.cache = ...</c>, <c>__wrapped__</c>),
    /// allocated on first use.</summary>
    public override PyDict? InstanceDict => _dict ??= new PyDict();

    [PyGetter("__name__")]
    public PyStr NameGetter() => Name;

    [PySetter("__name__")]
    public void SetName(PyObject? value) =>
        Name = value as PyStr ?? throw Errors.PyErr.TypeError("__name__ must be set to a string object");

    [PyGetter("__qualname__")]
    public PyStr QualNameGetter() => QualName;

    [PySetter("__qualname__")]
    public void SetQualName(PyObject? value) =>
        QualName = value as PyStr ?? throw Errors.PyErr.TypeError("__qualname__ must be set to a string object");

    [PyGetter("__code__")]
    public PyCode CodeGetter() => Code;

    [PySetter("__code__")]
    public void SetCode(PyObject? value)
    {
        if (value is not PyCode code)
        {
            throw Errors.PyErr.TypeError("__code__ must be set to a code object");
        }
        var free = code.Code.FreeVars.Length;
        var have = Closure?.Length ?? 0;
        if (free != have)
        {
            throw Errors.PyErr.ValueError($"{Name.Value}() requires a code object with {have} free vars, not {free}");
        }
        Code = code;
    }

    [PyGetter("__defaults__")]
    public PyObject DefaultsGetter() => Defaults is { } d ? d : PyNone.Value;

    [PySetter("__defaults__")]
    public void SetDefaults(PyObject? value) => Defaults = value switch
    {
        null or PyNone => null,
        PyTuple t => t,
        _ => throw Errors.PyErr.TypeError("__defaults__ must be set to a tuple object"),
    };

    [PyGetter("__kwdefaults__")]
    public PyObject KwDefaultsGetter() => KwDefaults is { } d ? d : PyNone.Value;

    [PySetter("__kwdefaults__")]
    public void SetKwDefaults(PyObject? value) => KwDefaults = value switch
    {
        null or PyNone => null,
        PyDict d => d,
        _ => throw Errors.PyErr.TypeError("__kwdefaults__ must be set to a dict object"),
    };

    /// <summary>The annotations, made a dict on first read from the name/value tuple
    /// <c>MAKE_FUNCTION</c> stores.</summary>
    [PyGetter("__annotations__")]
    public PyObject AnnotationsGetter()
    {
        if (Annotations is PyDict d)
        {
            return d;
        }
        var dict = new PyDict();
        if (Annotations is PyTuple pairs)
        {
            for (var i = 0; i + 1 < pairs.Count; i += 2)
            {
                dict.SetItem(pairs[i], pairs[i + 1]);
            }
        }
        Annotations = dict;
        return dict;
    }

    [PySetter("__annotations__")]
    public void SetAnnotations(PyObject? value) => Annotations = value switch
    {
        null or PyNone => null,
        PyDict d => d,
        _ => throw Errors.PyErr.TypeError("__annotations__ must be set to a dict object"),
    };

    [PyGetter("__closure__")]
    public PyObject ClosureGetter() => Closure is { } c ? new PyTuple([.. c]) : PyNone.Value;

    [PyGetter("__globals__")]
    public PyDict GlobalsGetter() => Globals;

    [PyGetter("__builtins__")]
    public PyDict BuiltinsGetter() => Builtins;

    [PyGetter("__module__")]
    public PyObject ModuleGetter() => Module;

    [PySetter("__module__")]
    public void SetModule(PyObject? value) => Module = value ?? PyNone.Value;

    [PyGetter("__doc__")]
    public PyObject DocGetter() => Doc;

    [PySetter("__doc__")]
    public void SetDoc(PyObject? value) => Doc = value ?? PyNone.Value;

    [PyGetter("__dict__")]
    public PyDict DictGetter() => InstanceDict!;

    [PySetter("__dict__")]
    public void SetDict(PyObject? value) => _dict = value switch
    {
        null => throw Errors.PyErr.TypeError("cannot delete __dict__"),
        PyDict d => d,
        _ => throw Errors.PyErr.TypeError($"__dict__ must be set to a dictionary, not a '{value.Type.Name}'"),
    };
}

/// <summary><c>method</c>: a function bound to an instance.</summary>
[PyType("method", Flags = TypeFlags.Weakrefable)]
public sealed partial class PyMethod(PyObject function, PyObject self) : PyObject
{
    public PyObject Function { get; } = function;
    public PyObject Self { get; } = self;

    /// <summary><c>types.MethodType(function, instance)</c>.</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("method", kwnames);
        Python.ArgParse.CheckPositional("method", args.Length, 2, 2);
        if (args[0].Type.Slots.Call is null)
        {
            throw Errors.PyErr.TypeError("first argument must be callable");
        }
        if (args[1] is PyNone)
        {
            throw Errors.PyErr.TypeError("instance must not be None");
        }
        return new PyMethod(args[0], args[1]);
    }

    /// <summary>Equal when bound to the same instance with equal functions (meth_richcompare).</summary>
    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (op is not (CompareOp.Eq or CompareOp.Ne) || left is not PyMethod a || right is not PyMethod b)
        {
            return PyNotImplemented.Value;
        }
        var equal = ReferenceEquals(a.Self, b.Self) && Abstract.Ops.RichCompareBool(a.Function, b.Function, CompareOp.Eq);
        return PyBool.From(equal == (op == CompareOp.Eq));
    }

    [PySlot("tp_hash")]
    public long Hash()
    {
        var h = Python.PyHash.Pointer(Self) ^ Abstract.Ops.Hash(Function);
        return h == -1 ? -2 : h;
    }

    [PyGetter("__func__", Doc = "the function (or other callable) implementing a method")]
    public PyObject FuncGetter() => Function;

    [PyGetter("__self__", Doc = "the instance to which a method is bound")]
    public PyObject SelfGetter() => Self;

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var all = new PyObject[args.Length + 1];
        all[0] = Self;
        args.CopyTo(all.AsSpan(1));
        return Abstract.Ops.Call(Function, all, kwnames);
    }

    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        var name = Abstract.Ops.TryGetAttr(Function, PyStr.Intern("__qualname__")) is PyStr q ? q.Value : "?";
        return new PyStr($"<bound method {name} of {Abstract.Ops.Repr(Self).Value}>");
    }
}

/// <summary><c>cell</c>: a variable shared between a function and the functions nested in it.</summary>
[PyType("cell")]
public sealed partial class PyCell(PyObject? contents) : PyObject
{
    public PyObject? Contents = contents;

    [PySlot("tp_repr")]
    public PyStr Repr() => Contents is null
        ? new PyStr($"<cell at 0x{Python.PyHash.Pointer(this) & 0xffffffffffffL:x}: empty>")
        : new PyStr($"<cell at 0x{Python.PyHash.Pointer(this) & 0xffffffffffffL:x}: {Contents.Type.Name} object at 0x{Python.PyHash.Pointer(Contents) & 0xffffffffffffL:x}>");
}
