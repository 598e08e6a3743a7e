// Python/context.c
using System.Collections.Immutable;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary><c>_contextvars</c> (PEP 567).</summary>
[PyModule("_contextvars")]
public static partial class ContextVarsModule
{
    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("Context", PyContext.TypeObject);
        module.AddBuiltin("ContextVar", PyContextVar.TypeObject);
        module.AddBuiltin("Token", PyContextToken.TypeObject);
    }

    [PyMethod("copy_context")]
    public static PyContext CopyContext() => PyContext.Current(ThreadState.Current).Copy();
}

/// <summary><c>Context</c>: a mapping of context variables to values. The mapping is
/// immutable and shared (CPython's HAMT), so copying a context costs nothing; setting a
/// variable replaces the current context's mapping.</summary>
[PyType("_contextvars.Context", Module = "_contextvars")]
public sealed partial class PyContext : PyObject
{
    internal ImmutableDictionary<PyContextVar, PyObject> Vars = ImmutableDictionary.Create<PyContextVar, PyObject>(ReferenceEqualityComparer.Instance);

    private PyContext? _previous;
    private bool _entered;

    /// <summary>The thread's current context, made empty on first use.</summary>
    internal static PyContext Current(ThreadState ts) => ts.Context ??= new PyContext();

    public PyContext Copy() => new() { Vars = Vars };

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length > 0)
        {
            throw PyErr.TypeError("Context() does not accept any arguments");
        }
        return new PyContext();
    }

    /// <summary><c>Context.run(callable, *args, **kwargs)</c>: calls with this context current.</summary>
    [PyMethod]
    public PyObject Run(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length - (kwnames?.Count ?? 0) < 1)
        {
            throw PyErr.TypeError("run() missing 1 required positional argument");
        }
        var ts = ThreadState.Current;
        if (_entered)
        {
            throw PyErr.RuntimeError($"cannot enter context: {Ops.Repr(this).Value} is already entered");
        }
        _previous = ts.Context;
        _entered = true;
        ts.Context = this;
        try
        {
            return Ops.Call(args[0], args[1..], kwnames);
        }
        finally
        {
            ts.Context = _previous;
            _previous = null;
            _entered = false;
        }
    }

    private static PyContextVar Key(PyObject key) =>
        key as PyContextVar ?? throw PyErr.TypeError($"a ContextVar key was expected, got {Ops.Repr(key).Value}");

    [PyMethod("copy")]
    public PyContext CopyMethod() => Copy();

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key) =>
        Vars.TryGetValue(Key(key), out var value) ? value : throw new PyException(new PyBaseException(PyExc.KeyError, new PyTuple([key])));

    [PySlot("sq_contains")]
    public bool Contains(PyObject key) => Vars.ContainsKey(Key(key));

    [PySlot("mp_length")]
    public long Length() => Vars.Count;

    [PySlot("tp_iter")]
    public PyObject Iter() => Ops.GetIter(KeysList());

    private PyList KeysList() => new([.. Vars.Keys]);

    [PyMethod]
    public PyObject Get(PyObject key, PyObject? @default = null) =>
        Vars.TryGetValue(Key(key), out var value) ? value : @default ?? PyNone.Value;

    [PyMethod]
    public PyList Keys() => KeysList();

    [PyMethod]
    public PyList Values() => new([.. Vars.Values]);

    [PyMethod]
    public PyList Items() => new([.. Vars.Select(kv => (PyObject)new PyTuple([kv.Key, kv.Value]))]);

    [PySlot("tp_richcompare")]
    public PyObject RichCompare(PyObject other, Bytecode.CompareOp op)
    {
        if (other is not PyContext o || op is not (Bytecode.CompareOp.Eq or Bytecode.CompareOp.Ne))
        {
            return PyNotImplemented.Value;
        }
        var equal = Vars.Count == o.Vars.Count && Vars.All(kv => o.Vars.TryGetValue(kv.Key, out var v) && Ops.RichCompareBool(kv.Value, v, Bytecode.CompareOp.Eq));
        return PyBool.From(equal == (op == Bytecode.CompareOp.Eq));
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<_contextvars.Context object at 0x{PyHash.Pointer(this) & 0xffffffffffffL:x}>");
}

/// <summary><c>ContextVar</c>: a variable whose value depends on the current context.</summary>
[PyType("_contextvars.ContextVar", Module = "_contextvars", Generic = true)]
public sealed partial class PyContextVar(PyStr name, PyObject? @default) : PyObject
{
    public PyStr Name { get; } = name;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[2];
        ArgParse.UnpackKeywords("ContextVar", args, kwnames, s_names, 1, 1, 1, buffer);
        var name = buffer[0] as PyStr ?? throw PyErr.TypeError("context variable name must be a str");
        return new PyContextVar(name, buffer[1]);
    }

    private static readonly string[] s_names = ["name", "default"];

    [PyGetter("name")]
    public PyStr NameGetter() => Name;

    [PyMethod]
    public PyObject Get(PyObject? @default = null)
    {
        var ctx = ThreadState.Current.Context;
        if (ctx is not null && ctx.Vars.TryGetValue(this, out var value))
        {
            return value;
        }
        return @default ?? defaultValue ?? throw new PyException(new PyBaseException(PyExc.LookupError, new PyTuple([this])));
    }

    private readonly PyObject? defaultValue = @default;

    [PyMethod]
    public PyContextToken Set(PyObject value)
    {
        var ctx = PyContext.Current(ThreadState.Current);
        var old = ctx.Vars.TryGetValue(this, out var v) ? v : null;
        ctx.Vars = ctx.Vars.SetItem(this, value);
        return new PyContextToken(ctx, this, old);
    }

    [PyMethod]
    public void Reset(PyObject token)
    {
        if (token is not PyContextToken t)
        {
            throw PyErr.TypeError($"expected an instance of Token, got {Ops.Repr(token).Value}");
        }
        if (t.Used)
        {
            throw PyErr.RuntimeError($"{Ops.Repr(t).Value} has already been used once");
        }
        if (!ReferenceEquals(t.Var, this))
        {
            throw PyErr.ValueError($"{Ops.Repr(t).Value} was created by a different ContextVar");
        }
        var ctx = PyContext.Current(ThreadState.Current);
        if (!ReferenceEquals(t.Context, ctx))
        {
            throw PyErr.ValueError($"{Ops.Repr(t).Value} was created in a different Context");
        }
        t.Used = true;
        ctx.Vars = t.OldValue is null ? ctx.Vars.Remove(this) : ctx.Vars.SetItem(this, t.OldValue);
    }

    [PySlot("tp_hash")]
    public long Hash() => PyHash.Pointer(this);

    [PySlot("tp_repr")]
    public PyStr Repr() => new(defaultValue is null
        ? $"<ContextVar name={Ops.Repr(Name).Value} at 0x{PyHash.Pointer(this) & 0xffffffffffffL:x}>"
        : $"<ContextVar name={Ops.Repr(Name).Value} default={Ops.Repr(defaultValue).Value} at 0x{PyHash.Pointer(this) & 0xffffffffffffL:x}>");
}

/// <summary><c>Token</c>: what <c>ContextVar.set</c> returns, to undo it once.</summary>
[PyType("_contextvars.Token", Module = "_contextvars", Generic = true)]
public sealed partial class PyContextToken(PyContext context, PyContextVar var, PyObject? oldValue) : PyObject
{
    public PyContext Context { get; } = context;
    public PyContextVar Var { get; } = var;
    public PyObject? OldValue { get; } = oldValue;
    public bool Used { get; set; }

    /// <summary><c>Token.MISSING</c>: the old value of a variable that had none.</summary>
    public static readonly PyObject Missing = new PyTokenMissing();

    static partial void InitializeExtra(PyType t) => t.AddBuiltin("MISSING", Missing);

    [PyGetter("var")]
    public PyContextVar VarGetter() => Var;

    [PyGetter("old_value")]
    public PyObject OldValueGetter() => OldValue ?? Missing;

    [PySlot("tp_repr")]
    public PyStr Repr() =>
        new($"<Token{(Used ? " used" : "")} var={Ops.Repr(Var).Value} at 0x{PyHash.Pointer(this) & 0xffffffffffffL:x}>");
}

[PyType("Token.MISSING", Module = "_contextvars")]
public sealed partial class PyTokenMissing : PyObject
{
    [PySlot("tp_repr")]
    public PyStr Repr() => new("<Token.MISSING>");
}
