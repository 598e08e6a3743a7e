// Python/Python-ast.c
using System.Numerics;
using Taipan.Bytecode;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using Taipan.Syntax.Ast;
using ThreadState = Taipan.Runtime.Python.ThreadState;

namespace Taipan.Runtime.Ast;

/// <summary>One class of <c>_ast</c>: its fields in order, those that are optional
/// (<c>expr?</c>, class attribute None), its <c>_attributes</c> (only for the ASDL types,
/// constructors inherit them) and the ASDL docstring; <see cref="Base"/> indexes the table
/// (-1: <c>AST</c>).</summary>
internal sealed record ClassSpec(string Name, int Base, string[] Fields, string[] Optional, string[] Attributes, string Doc);

/// <summary><c>ast.AST</c>: the base of every node class; instances keep their fields in their
/// <c>__dict__</c>, so Python code may add, delete and subclass freely.</summary>
[PyType("AST", Module = "ast", FromSpec = true, Subclassable = true, InstanceType = true)]
public sealed partial class PyAstObject(PyType type) : PyObject, IHeapInstance
{
    private PyType _type = type;
    private PyDict _dict = new();

    public override PyType Type => _type;

    public override PyDict? InstanceDict => _dict;

    public PyDict Dict => _dict;

    public void SetType(PyType type) => _type = type;

    public void SetDict(PyDict dict) => _dict = dict;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyAstObject(type);

    /// <summary><c>ast_type_init</c>: positional arguments fill <c>_fields</c> in order,
    /// keywords set any attribute.</summary>
    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        var fieldsObj = Ops.TryGetAttr(self.Type, PyStr.Intern("_fields"));
        var fields = fieldsObj is null ? [] : new List<PyObject>(Ops.Iterate(fieldsObj));
        if (npos > fields.Count)
        {
            throw PyErr.TypeError($"{self.Type.Name} constructor takes at most {fields.Count} positional argument{(fields.Count == 1 ? "" : "s")}");
        }
        for (var i = 0; i < npos; i++)
        {
            Ops.SetAttr(self, AsName(fields[i]), args[i]);
        }
        for (var k = 0; k < nkw; k++)
        {
            var key = (PyStr)kwnames![k];
            for (var i = 0; i < npos; i++)
            {
                if (fields[i] is PyStr f && f.Value == key.Value)
                {
                    throw PyErr.TypeError($"{self.Type.Name} got multiple values for argument '{key.Value}'");
                }
            }
            Ops.SetAttr(self, key, args[npos + k]);
        }
    }

    private static PyStr AsName(PyObject field) =>
        field as PyStr ?? throw PyErr.TypeError($"attribute name must be string, not '{field.Type.Name}'");

    [PySlot("tp_getattro")]
    public static PyObject? GetAttr(PyObject self, PyStr name) => Ops.GenericGetAttr(self, name);

    [PySlot("tp_setattro")]
    public static void SetAttr(PyObject self, PyStr name, PyObject? value) => Ops.GenericSetAttr(self, name, value);

    /// <summary><c>ast_type_reduce</c>: the class, no arguments, and the instance dict.</summary>
    [PyMethod("__reduce__")]
    public PyObject Reduce() => PyTuple.Create(Type, PyTuple.Empty, _dict);
}

/// <summary>The <c>_ast</c> classes (heap types below <see cref="PyAstObject"/>, created once
/// per process) and the conversions <c>compile</c> uses.</summary>
public static partial class PythonAst
{
    private static readonly object s_lock = new();
    private static PyType[]? s_types;
    private static PyObject?[]? s_singletons;
    private static Dictionary<PyType, int>? s_indexOf;

    /// <summary>The table index of a class of <c>_ast</c> itself (not of a user subclass):
    /// for such instances isinstance is a comparison and fields are read from the dict.</summary>
    internal static bool TryGetIndex(PyType type, out int index) => s_indexOf!.TryGetValue(type, out index);

    /// <summary>The class of table entry <paramref name="index"/>.</summary>
    internal static PyType TypeAt(int index) => Types[index];

    private static PyType[] Types => Volatile.Read(ref s_types) ?? InitTypes();

    private static PyType[] InitTypes()
    {
        lock (s_lock)
        {
            if (s_types is null)
            {
                var types = CreateTypes();
                Volatile.Write(ref s_types, types);
            }
            return s_types;
        }
    }

    /// <summary>The shared instance of an operator or context class, as the parser gives them.</summary>
    internal static PyObject Singleton(int index)
    {
        var types = Types;
        lock (s_lock)
        {
            return s_singletons![index] ??= new PyAstObject(types[index]);
        }
    }

    private static PyType[] CreateTypes()
    {
        var root = PyAstObject.TypeObject;
        root.EnsureReady();
        root.Dict.SetItem(PyStr.Intern("_fields"), PyTuple.Empty);
        root.Dict.SetItem(PyStr.Intern("__match_args__"), PyTuple.Empty);
        root.Dict.SetItem(PyStr.Intern("_attributes"), PyTuple.Empty);
        var types = new PyType[s_specs.Length];
        for (var i = 0; i < s_specs.Length; i++)
        {
            var spec = s_specs[i];
            var ns = new PyDict();
            var fields = Names(spec.Fields);
            ns.SetItem(PyStr.Intern("_fields"), fields);
            ns.SetItem(PyStr.Intern("__match_args__"), fields);
            ns.SetItem(PyStr.Intern("__module__"), PyStr.Intern("ast"));
            ns.SetItem(PyStr.Intern("__doc__"), new PyStr(spec.Doc));
            if (spec.Base < 0)
            {
                ns.SetItem(PyStr.Intern("_attributes"), Names(spec.Attributes));
            }
            foreach (var name in spec.Optional)
            {
                ns.SetItem(PyStr.Intern(name), PyNone.Value);
            }
            if (spec.Attributes.Contains("end_lineno"))
            {
                ns.SetItem(PyStr.Intern("end_lineno"), PyNone.Value);
                ns.SetItem(PyStr.Intern("end_col_offset"), PyNone.Value);
            }
            types[i] = PyType.CreateHeapType(PyType.TypeType, spec.Name, [spec.Base < 0 ? root : types[spec.Base]], ns);
        }
        s_singletons = new PyObject?[s_specs.Length];
        s_indexOf = new Dictionary<PyType, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < types.Length; i++)
        {
            s_indexOf[types[i]] = i;
        }
        return types;
    }

    private static PyTuple Names(string[] names) =>
        names.Length == 0 ? PyTuple.Empty : new PyTuple(Array.ConvertAll(names, n => (PyObject)PyStr.Intern(n)));

    /// <summary>Puts <c>AST</c>, every node class and the <c>PyCF_*</c> flags in <c>_ast</c>.</summary>
    internal static void Populate(PyModule module)
    {
        var types = Types;
        module.AddBuiltin("AST", PyAstObject.TypeObject);
        for (var i = 0; i < types.Length; i++)
        {
            module.AddBuiltin(s_specs[i].Name, types[i]);
        }
        module.AddBuiltin("PyCF_ONLY_AST", PyInt.From(0x400));
        module.AddBuiltin("PyCF_TYPE_COMMENTS", PyInt.From(0x1000));
        module.AddBuiltin("PyCF_ALLOW_TOP_LEVEL_AWAIT", PyInt.From(0x2000));
    }

    /// <summary><c>PyAST_mod2obj</c>.</summary>
    public static PyObject ToPython(ModNode mod) => new AstToPy().Convert(mod);

    /// <summary>Whether <paramref name="obj"/> is an <c>ast.AST</c> (compile's test).</summary>
    public static bool IsAst(PyObject obj) => obj.Type.IsSubtypeOf(PyAstObject.TypeObject);

    /// <summary><c>PyAST_obj2mod</c> then <c>_PyAST_Validate</c>: the tree compile() was given,
    /// which must be of the class the mode calls for.</summary>
    public static ModNode FromPython(PyObject obj, string mode)
    {
        var (index, name) = mode switch
        {
            "exec" => (1, "Module"),
            "eval" => (3, "Expression"),
            "single" => (2, "Interactive"),
            _ => (4, "FunctionType"),
        };
        if (!Ops.IsInstance(obj, TypeAt(index)))
        {
            throw PyErr.TypeError($"expected {name} node, got {obj.Type.Name}");
        }
        var mod = new AstFromPy().Mod(obj);
        AstValidator.Validate(mod);
        return mod;
    }
}

/// <summary><c>ast2obj_*</c>: C# nodes to instances of the <c>_ast</c> classes.</summary>
internal sealed partial class AstToPy
{
    public PyObject Convert(Node node) => ConvertNode(node);

    private PyObject? Opt(Node? node) => node is null ? PyNone.Value : ConvertNode(node);

    private static PyObject Str(string s) => new PyStr(s);

    private static PyObject OptStr(string? s) => s is null ? PyNone.Value : new PyStr(s);

    private static PyObject OptInt(int? i) => i is { } v ? PyInt.From(v) : PyNone.Value;

    private static PyObject Constant(object value) => PyCode.ConvertConstant(value);

    private static PyObject Singleton(int index) => PythonAst.Singleton(index);

    private PyList List<T>(T[] items)
        where T : Node
    {
        var list = new PyObject[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            list[i] = Opt(items[i])!;
        }
        return new PyList(list);
    }

    private static PyList StrList(string[] items) => new(Array.ConvertAll(items, s => (PyObject)new PyStr(s)));

    private static PyList EnumList(int first, CmpOpKind[] ops) => new(Array.ConvertAll(ops, o => Singleton(first + (int)o)));

    /// <summary>An instance of class <paramref name="index"/> with its fields, then its
    /// location, set in its dict as <c>ast2obj</c> sets them.</summary>
    private static PyObject Make(int index, PyObject?[] values, LocatedNode? location = null)
    {
        var obj = new PyAstObject(PythonAst.TypeAt(index));
        var fields = PythonAst.FieldNames(index);
        for (var i = 0; i < values.Length; i++)
        {
            obj.Dict.SetItem(PyStr.Intern(fields[i]), values[i]!);
        }
        if (location is not null)
        {
            obj.Dict.SetItem(PyStr.Intern("lineno"), PyInt.From(location.Lineno));
            obj.Dict.SetItem(PyStr.Intern("col_offset"), PyInt.From(location.ColOffset));
            obj.Dict.SetItem(PyStr.Intern("end_lineno"), PyInt.From(location.EndLineno));
            obj.Dict.SetItem(PyStr.Intern("end_col_offset"), PyInt.From(location.EndColOffset));
        }
        return obj;
    }
}

public static partial class PythonAst
{
    internal static string[] FieldNames(int index) => s_specs[index].Fields;
}

/// <summary><c>obj2ast_*</c>: instances of the <c>_ast</c> classes (or anything with the right
/// attributes) to C# nodes, with CPython's messages for missing or mistyped fields.</summary>
internal sealed partial class AstFromPy
{
    private int _depth;

    private void Enter(string what)
    {
        if (++_depth > ThreadState.RecursionLimit || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _depth--;
            throw PyErr.New(PyExc.RecursionError, $"maximum recursion depth exceeded while traversing '{what}' node");
        }
    }

    private void Leave() => _depth--;

    /// <summary>Only called with concrete node classes, which have no subclasses in the table.</summary>
    private static bool IsInstance(PyObject obj, int index) =>
        PythonAst.TryGetIndex(obj.Type, out var exact) ? exact == index : Ops.IsInstance(obj, PythonAst.TypeAt(index));

    private static PyException Expected(string what, PyObject obj) =>
        PyErr.TypeError($"expected some sort of {what}, but got {Ops.Repr(obj).Value}");

    private static PyObject? Get(PyObject obj, string field)
    {
        var name = PyStr.Intern(field);
        if (obj is PyAstObject node && PythonAst.TryGetIndex(node.Type, out _) && node.Dict.TryGetValue(name, out var value))
        {
            return value;
        }
        return Ops.TryGetAttr(obj, name);
    }

    private static PyObject Required(PyObject obj, string field, string owner) =>
        Get(obj, field) ?? throw PyErr.TypeError($"required field \"{field}\" missing from {owner}");

    private static int AsInt(PyObject value)
    {
        if (value is not PyInt i)
        {
            throw PyErr.ValueError($"invalid integer value: {Ops.Repr(value).Value}");
        }
        if (i.Value < int.MinValue || i.Value > int.MaxValue)
        {
            throw PyErr.New(PyExc.OverflowError, "Python int too large to convert to C int");
        }
        return (int)i.Value;
    }

    private (int, int, int, int) Location(PyObject obj, string owner)
    {
        var lineno = AsInt(Required(obj, "lineno", owner));
        var col = AsInt(Required(obj, "col_offset", owner));
        var endLineno = Get(obj, "end_lineno") is { } el and not PyNone ? AsInt(el) : lineno;
        var endCol = Get(obj, "end_col_offset") is { } ec and not PyNone ? AsInt(ec) : col;
        return (lineno, col, endLineno, endCol);
    }

    private static int Int(PyObject obj, string field, string owner) => AsInt(Required(obj, field, owner));

    private static int? OptInt(PyObject obj, string field, string owner) =>
        Get(obj, field) is { } v and not PyNone ? AsInt(v) : null;

    private static string AsIdentifier(PyObject value) =>
        value is PyStr s ? s.Value : throw PyErr.TypeError("AST identifier must be of type str");

    private static string Identifier(PyObject obj, string field, string owner) => AsIdentifier(Required(obj, field, owner));

    private static string? OptIdentifier(PyObject obj, string field, string owner) =>
        Get(obj, field) is { } v and not PyNone ? AsIdentifier(v) : null;

    private static string AsString(PyObject value) => value switch
    {
        PyStr s => s.Value,
        _ => throw PyErr.TypeError("AST string must be of type str"),
    };

    private static string String(PyObject obj, string field, string owner) => AsString(Required(obj, field, owner));

    private static string? OptString(PyObject obj, string field, string owner) =>
        Get(obj, field) is { } v and not PyNone ? AsString(v) : null;

    private T Node<T>(PyObject obj, string field, string owner, Func<PyObject, T> convert)
    {
        var value = Required(obj, field, owner);
        if (value is PyNone && typeof(T).IsClass)
        {
            throw PyErr.ValueError($"field '{field}' is required for {owner}");
        }
        return convert(value);
    }

    private static T? OptNode<T>(PyObject obj, string field, string owner, Func<PyObject, T> convert)
        where T : class =>
        Get(obj, field) is { } v and not PyNone ? convert(v) : null;

    private static T[] List<T>(PyObject obj, string field, string owner, Func<PyObject, T> convert, bool nullable)
    {
        var value = Required(obj, field, owner);
        if (value is not PyList list)
        {
            throw PyErr.TypeError($"{owner} field \"{field}\" must be a list, not a {value.Type.Name}");
        }
        var items = new T[list.Count];
        for (var i = 0; i < items.Length; i++)
        {
            if (i >= list.Count)
            {
                throw PyErr.New(PyExc.RuntimeError, $"{owner} field \"{field}\" changed size during iteration");
            }
            var item = list[i];
            if (item is PyNone && typeof(T).IsClass)
            {
                if (!nullable)
                {
                    throw PyErr.ValueError(typeof(T) == typeof(StmtNode) ? "None disallowed in statement list" : "None disallowed in expression list");
                }
                items[i] = default!;
                continue;
            }
            items[i] = convert(item);
        }
        return items;
    }

    private static string[] IdentifierList(PyObject obj, string field, string owner) =>
        List(obj, field, owner, AsIdentifier, false);

    private static object Constant(PyObject obj, string field, string owner) => ConstantValue(Required(obj, field, owner));

    /// <summary><c>validate_constant</c> and the conversion to the compiler's constants.</summary>
    private static object ConstantValue(PyObject value)
    {
        if (value is PyNone)
        {
            return ConstantSingleton.None;
        }
        if (value is PyEllipsis)
        {
            return ConstantSingleton.Ellipsis;
        }
        var t = value.Type;
        if (ReferenceEquals(t, PyBool.TypeObject))
        {
            return ReferenceEquals(value, PyBool.True);
        }
        if (ReferenceEquals(t, PyInt.TypeObject))
        {
            return ((PyInt)value).Value;
        }
        if (ReferenceEquals(t, PyFloat.TypeObject))
        {
            return ((PyFloat)value).Value;
        }
        if (ReferenceEquals(t, PyComplex.TypeObject))
        {
            var c = (PyComplex)value;
            return new Complex(c.Real, c.Imag);
        }
        if (ReferenceEquals(t, PyStr.TypeObject))
        {
            return ((PyStr)value).Value;
        }
        if (ReferenceEquals(t, PyBytes.TypeObject))
        {
            return ((PyBytes)value).Data.ToArray();
        }
        if (ReferenceEquals(t, PyTuple.TypeObject))
        {
            var items = ((PyTuple)value).Items;
            var converted = new object?[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                converted[i] = ConstantValue(items[i]);
            }
            return new ConstantTuple(converted);
        }
        if (ReferenceEquals(t, PyFrozenSet.TypeObject))
        {
            var converted = new List<object?>();
            foreach (var item in Ops.Iterate(value))
            {
                converted.Add(ConstantValue(item));
            }
            return new ConstantFrozenSet(converted);
        }
        throw PyErr.TypeError($"got an invalid type in Constant: {t.Name}");
    }
}

/// <summary>The <c>_ast</c> module: the node classes, shared with <c>compile</c>.</summary>
[PyModule("_ast")]
public static partial class AstModule
{
    static partial void Initialize(PyModule module) => PythonAst.Populate(module);
}
