// Objects/moduleobject.c
namespace Taipan.Runtime.Objects;

/// <summary>A module: a namespace dict with <c>__name__</c> and <c>__doc__</c>.</summary>
[PyType("module", Subclassable = true, InstanceType = true, Flags = TypeFlags.Weakrefable)]
public partial class PyModule : PySubclassableObject
{
    /// <summary>A module the runtime makes (builtin modules, imported sources, __main__).</summary>
    public PyModule(string name, string? doc = null) : base(TypeObject)
    {
        Dict = new PyDict();
        Name = name;
        _builtIn = true;
        SetNameAndDoc(new PyStr(name), doc is null ? PyNone.Value : new PyStr(doc));
    }

    private PyModule(PyType type) : base(type)
    {
        Dict = new PyDict();
        Name = "?";
    }

    /// <summary>Made by the runtime rather than by calling <c>types.ModuleType</c>: without a
    /// <c>__file__</c> its repr says "built-in", as CPython's does through its loader.</summary>
    private readonly bool _builtIn;

    private void SetNameAndDoc(PyObject name, PyObject doc)
    {
        Dict[PyStr.Intern("__name__")] = name;
        Dict[PyStr.Intern("__doc__")] = doc;
        Dict[PyStr.Intern("__package__")] = PyNone.Value;
        Dict[PyStr.Intern("__loader__")] = PyNone.Value;
        Dict[PyStr.Intern("__spec__")] = PyNone.Value;
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyModule(type);

    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        Python.ArgParse.UnpackKeywords("module", args, kwnames, s_initNames, 1, 2, 0, buffer);
        var name = buffer[0] as PyStr ?? throw Errors.PyErr.TypeError($"module() argument 'name' must be str, not {buffer[0]!.Type.Name}");
        var module = (PyModule)self;
        module.Name = name.Value;
        module.SetNameAndDoc(name, buffer[1] ?? PyNone.Value);
    }

    private static readonly string[] s_initNames = ["name", "doc"];

    public string Name { get; private set; }

    public PyDict Dict { get; }

    public override PyDict? InstanceDict => Dict;

    [PyGetter("__dict__")]
    public PyDict DictGetter() => Dict;

    /// <summary><c>module.__dir__</c>: the module's own <c>__dir__</c> function if it defines
    /// one (PEP 562), else the keys of its dict.</summary>
    [PyMethod("__dir__")]
    public PyObject DirMethod() =>
        Dict.TryGetValue(PyStr.Intern("__dir__"), out var dir) ? Abstract.Ops.Call(dir, [], null) : new PyList([.. Dict.Items().Select(kv => kv.Key)]);

    public void AddBuiltin(string name, PyObject value) => Dict[PyStr.Intern(name)] = value;

    /// <summary>module_repr: from its file, a namespace package (a <c>__path__</c> and no file),
    /// or built in.</summary>
    [PySlot("tp_repr")]
    public PyStr Repr()
    {
        var name = Dict.TryGetValue(PyStr.Intern("__name__"), out var n) && n is PyStr s ? s.Value : "?";
        if (Dict.TryGetValue(PyStr.Intern("__file__"), out var file) && file is PyStr f)
        {
            return new($"<module {Abstract.Ops.Repr(new PyStr(name)).Value} from {Abstract.Ops.Repr(f).Value}>");
        }
        return Dict.ContainsKey(PyStr.Intern("__path__")) ? new($"<module {Abstract.Ops.Repr(new PyStr(name)).Value} (namespace)>")
            : _builtIn ? new($"<module {Abstract.Ops.Repr(new PyStr(name)).Value} (built-in)>")
            : new($"<module {Abstract.Ops.Repr(new PyStr(name)).Value}>");
    }

    [PySlot("tp_getattro")]
    public static PyObject? GetAttr(PyObject self, PyStr name) => Abstract.Ops.GenericGetAttr(self, name) ?? MissingAttr((PyModule)self, name);

    /// <summary>PEP 562: a module's own <c>__getattr__</c> answers for names it lacks
    /// (concurrent.futures imports its executors lazily this way).</summary>
    private static PyObject? MissingAttr(PyModule module, PyStr name) =>
        module.Dict.TryGetValue(PyStr.Intern("__getattr__"), out var getattr) ? Abstract.Ops.Call(getattr, [name], null) : null;

    [PySlot("tp_setattro")]
    public static void SetAttr(PyObject self, PyStr name, PyObject? value) => Abstract.Ops.GenericSetAttr(self, name, value);
}
