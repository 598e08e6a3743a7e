// Python/import.c (the _imp module)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary><c>_imp</c>: what importlib's <c>_bootstrap</c> and <c>_bootstrap_external</c>
/// need from the interpreter. Taipan has no frozen modules and cannot load C extensions, so
/// those parts answer "none".</summary>
[PyModule("_imp", Doc = "(Extremely) low-level import machinery bits as used by importlib and imp.")]
public static partial class ImpModule
{
    private static readonly object s_lock = new();

    static partial void Initialize(PyModule module) => module.AddBuiltin("check_hash_based_pycs", PyStr.Intern("default"));

    [PyMethod("lock_held")]
    public static bool LockHeld() => Monitor.IsEntered(s_lock);

    /// <summary>The global import lock, reentrant (CPython's is owned by a thread too).</summary>
    [PyMethod("acquire_lock")]
    public static void AcquireLock()
    {
        Monitor.Enter(s_lock);
    }

    [PyMethod("release_lock")]
    public static void ReleaseLock()
    {
        if (!Monitor.IsEntered(s_lock))
        {
            throw PyErr.RuntimeError("not holding the import lock");
        }
        Monitor.Exit(s_lock);
    }

    /// <summary>1 for a builtin module, -1 for one that cannot be initialised again (sys,
    /// builtins), 0 otherwise.</summary>
    [PyMethod("is_builtin")]
    public static long IsBuiltin(string name) =>
        Inittab.Find(name) is null ? 0 : name is "sys" or "builtins" ? -1 : 1;

    [PyMethod("create_builtin")]
    public static PyObject CreateBuiltin(PyObject spec)
    {
        var name = Ops.GetAttr(spec, PyStr.Intern("name")) as PyStr ?? throw PyErr.TypeError("spec.name must be a string");
        if (Import.Modules.TryGetValue(name, out var existing))
        {
            return existing;
        }
        if (Inittab.Find(name.Value) is null)
        {
            throw PyErr.New(PyExc.ImportError, $"no built-in module named {name.Value}");
        }
        return Import.ImportModuleLevel(name, null, null, 0);
    }

    [PyMethod("exec_builtin")]
    public static long ExecBuiltin(PyObject module) => 0;

    [PyMethod("is_frozen")]
    public static bool IsFrozen(string name) => false;

    [PyMethod("is_frozen_package")]
    public static bool IsFrozenPackage(string name) => throw NoFrozen(name);

    [PyMethod("get_frozen_object")]
    public static PyObject GetFrozenObject(string name, PyObject? data = null) => throw NoFrozen(name);

    [PyMethod("init_frozen")]
    public static PyObject InitFrozen(string name) => PyNone.Value;

    [PyMethod("find_frozen", Keywords = true)]
    public static PyObject FindFrozen(string name, [KeywordOnly] bool withdata = false) => PyNone.Value;

    [PyMethod("_frozen_module_names")]
    public static PyTuple FrozenModuleNames() => PyTuple.Empty;

    [PyMethod("_override_frozen_modules_for_tests")]
    public static void OverrideFrozenModulesForTests(long @override)
    {
    }

    private static PyException NoFrozen(string name) =>
        PyErr.New(PyExc.ImportError, $"No such frozen object named {Ops.Repr(new PyStr(name)).Value}");

    /// <summary>No suffixes: Taipan cannot load CPython's C extension modules, so finders never
    /// offer a <c>.so</c> file.</summary>
    [PyMethod("extension_suffixes")]
    public static PyList ExtensionSuffixes() => new([]);

    [PyMethod("create_dynamic")]
    public static PyObject CreateDynamic(PyObject spec, PyObject? file = null) =>
        throw PyErr.New(PyExc.ImportError, "Taipan cannot load C extension modules");

    [PyMethod("exec_dynamic")]
    public static long ExecDynamic(PyObject module) => 0;

    [PyMethod("source_hash", Keywords = true)]
    public static PyBytes SourceHash(long key, PyObject source)
    {
        var result = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(result, Bytecode.SipHash.Hash13((ulong)key, 0, BufferProtocol.Read(source)));
        return new PyBytes(result);
    }

    /// <summary><c>_fix_co_filename</c>: code loaded from a cache keeps the name it was compiled
    /// with; the runtime's code objects already carry the path they were loaded from.</summary>
    [PyMethod("_fix_co_filename")]
    public static void FixCoFilename(PyObject code, PyObject path)
    {
        if (code is not PyCode)
        {
            throw PyErr.TypeError($"_fix_co_filename() argument 1 must be code, not {code.Type.Name}");
        }
    }
}
