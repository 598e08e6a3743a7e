// Objects/funcobject.c
namespace Taipan.Runtime.Objects;

/// <summary><c>function</c>: a code object with the globals it runs in, its defaults and its
/// closure. Called from C#, it runs a new interpreter loop; called from Python code, the
/// interpreter pushes its frame without recursing.</summary>
[PyType("function")]
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

    [PyGetter("__name__")]
    public PyStr NameGetter() => Name;

    [PyGetter("__qualname__")]
    public PyStr QualNameGetter() => QualName;

    [PyGetter("__code__")]
    public PyCode CodeGetter() => Code;
}

/// <summary><c>method</c>: a function bound to an instance.</summary>
[PyType("method")]
public sealed partial class PyMethod(PyObject function, PyObject self) : PyObject
{
    public PyObject Function { get; } = function;
    public PyObject Self { get; } = self;

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
    public PyObject? Contents { get; set; } = contents;

    [PySlot("tp_repr")]
    public PyStr Repr() => Contents is null
        ? new PyStr($"<cell at 0x{Python.PyHash.Pointer(this) & 0xffffffffffffL:x}: empty>")
        : new PyStr($"<cell at 0x{Python.PyHash.Pointer(this) & 0xffffffffffffL:x}: {Contents.Type.Name} object at 0x{Python.PyHash.Pointer(Contents) & 0xffffffffffffL:x}>");
}
