// Python/bltinmodule.c
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>The <c>builtins</c> module.</summary>
[PyModule("builtins", Doc = "Built-in functions, exceptions, and other objects.")]
public static partial class Builtins
{
    private static PyModule? s_module;

    public static PyModule Module => s_module ??= CreateModule();

    /// <summary>Where <c>print</c> writes until <c>sys.stdout</c> exists.</summary>
    public static TextWriter Stdout { get; set; } = Console.Out;

    [PyMethod(Keywords = true)]
    public static void Print(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        string sep = " ", end = "\n";
        PyObject? file = null;
        var flush = false;
        for (var k = 0; k < nkw; k++)
        {
            var name = ((PyStr)kwnames![k]).Value;
            var value = args[npos + k];
            if (name == "file")
            {
                file = value is PyNone ? null : value;
                continue;
            }
            if (name == "flush")
            {
                flush = Ops.IsTrue(value);
                continue;
            }
            if (name is not ("sep" or "end"))
            {
                throw Errors.PyErr.TypeError($"'{name}' is an invalid keyword argument for print()");
            }
            var text = value is PyNone ? null : value as PyStr
                ?? throw Errors.PyErr.TypeError($"{name} must be None or a string, not {value.Type.Name}");
            if (name == "sep")
            {
                sep = text?.Value ?? " ";
            }
            else
            {
                end = text?.Value ?? "\n";
            }
        }
        // sys.stdout unless file= is given; the initial stdout (or none before sys exists)
        // is written without a call.
        file ??= SysModule.IsInitialized ? SysModule.Get("stdout") ?? throw Errors.PyErr.RuntimeError("lost sys.stdout") : null;
        if (file is null || ReferenceEquals(file, SysModule.InitialStdout))
        {
            var sb = new StringBuilder();
            for (var i = 0; i < npos; i++)
            {
                if (i > 0)
                {
                    sb.Append(sep);
                }
                sb.Append(Ops.Str(args[i]).Value);
            }
            sb.Append(end);
            Stdout.Write(sb.ToString());
            if (flush)
            {
                Stdout.Flush();
            }
            return;
        }
        if (file is PyNone)
        {
            return;
        }
        // Another stream gets each piece through its write method, as CPython's print does.
        for (var i = 0; i < npos; i++)
        {
            if (i > 0)
            {
                Ops.CallMethod(file, "write", new PyStr(sep));
            }
            Ops.CallMethod(file, "write", Ops.Str(args[i]));
        }
        Ops.CallMethod(file, "write", new PyStr(end));
        if (flush)
        {
            Ops.CallMethod(file, "flush");
        }
    }

    [PyMethod]
    public static long Len(PyObject obj) => Ops.Length(obj);

    [PyMethod]
    public static PyStr Repr(PyObject obj) => Ops.Repr(obj);

    /// <summary><c>__build_class__(func, name, *bases, metaclass=None, **kwds)</c>: runs the
    /// class body in a fresh namespace and calls the metaclass.</summary>
    [PyMethod("__build_class__")]
    public static PyObject BuildClass(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        if (npos < 2)
        {
            throw Errors.PyErr.TypeError("__build_class__: not enough arguments");
        }
        var body = args[0] as PyFunction ?? throw Errors.PyErr.TypeError("__build_class__: func must be a function");
        var name = args[1] as PyStr ?? throw Errors.PyErr.TypeError("__build_class__: name is not a string");
        var origBases = args[2..npos].ToArray();
        var bases = UpdateBases(origBases);
        PyObject? metaclass = null;
        var kwNames = new List<PyObject>();
        var kwValues = new List<PyObject>();
        for (var k = 0; k < nkw; k++)
        {
            if (((PyStr)kwnames![k]).Value == "metaclass")
            {
                metaclass = args[npos + k];
            }
            else
            {
                kwNames.Add(kwnames[k]);
                kwValues.Add(args[npos + k]);
            }
        }
        // The most derived metaclass among the given one and the bases' types.
        var meta = metaclass ?? (bases.Length > 0 ? bases[0].Type : PyType.TypeObject);
        if (meta is PyType metaType)
        {
            meta = PyType.CalculateMetaclass(metaType, bases);
        }
        var basesTuple = new PyTuple(bases);
        var ns = Ops.TryGetAttr(meta, PyStr.Intern("__prepare__")) is { } prepare
            ? Ops.Call(prepare, [name, basesTuple], null)
            : new PyDict();
        var nsDict = ns as PyDict ?? throw Errors.PyErr.TypeError($"{(meta as PyType)?.Name ?? "metaclass"}.__prepare__() must return a mapping, not {ns.Type.Name}");
        if (!ReferenceEquals(bases, origBases))
        {
            nsDict.SetItem(PyStr.Intern("__orig_bases__"), new PyTuple(origBases));
        }
        var cell = Interpreter.RunClassBody(body, nsDict);
        var callArgs = new List<PyObject> { name, basesTuple, nsDict };
        callArgs.AddRange(kwValues);
        var cls = Ops.Call(meta, callArgs.ToArray(), kwNames.Count > 0 ? new PyTuple([.. kwNames]) : null);
        if (cell is PyCell c && !ReferenceEquals(c.Contents, cls))
        {
            throw Errors.PyErr.TypeError($"__class__ set to {Ops.Repr(c.Contents ?? PyNone.Value).Value} defining {Ops.Repr(name).Value} as {Ops.Repr(cls).Value}");
        }
        return cls;
    }

    /// <summary><c>next(iterator[, default])</c>.</summary>
    [PyMethod]
    public static PyObject Next(PyObject iterator, PyObject? @default = null)
    {
        var next = iterator.Type.Slots.IterNext ?? throw Errors.PyErr.TypeError($"'{iterator.Type.Name}' object is not an iterator");
        if (next(iterator) is { } item)
        {
            return item;
        }
        if (@default is not null)
        {
            return @default;
        }
        throw PyGenerator.StopIteration(iterator is PyGenerator g ? g.ReturnValue ?? PyNone.Value : PyNone.Value);
    }

    /// <summary><c>iter(object)</c> and <c>iter(callable, sentinel)</c>.</summary>
    [PyMethod]
    public static PyObject Iter(PyObject obj, PyObject? sentinel = null) =>
        sentinel is null ? Ops.GetIter(obj)
        : obj.Type.Slots.Call is not null ? new PyCallIterator(obj, sentinel)
        : throw Errors.PyErr.TypeError("iter(v, w): v must be callable");

    [PyMethod]
    public static bool IsInstance(PyObject obj, PyObject classInfo) => Ops.IsInstance(obj, classInfo);

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("None", PyNone.Value);
        module.AddBuiltin("True", PyBool.True);
        module.AddBuiltin("False", PyBool.False);
        module.AddBuiltin("Ellipsis", PyEllipsis.Value);
        module.AddBuiltin("NotImplemented", PyNotImplemented.Value);
        foreach (var t in new[] { PyBaseObject.TypeObject, PyType.TypeObject, PyInt.TypeObject, PyBool.TypeObject, PyFloat.TypeObject, PyComplex.TypeObject, PyStr.TypeObject, PyBytes.TypeObject, PyByteArray.TypeObject, PyTuple.TypeObject, PyList.TypeObject, PyDict.TypeObject, PyRange.TypeObject, PySlice.TypeObject, PySet.TypeObject, PyFrozenSet.TypeObject, PyEnumerate.TypeObject, PyReversed.TypeObject, PyZip.TypeObject, PyMap.TypeObject, PyFilter.TypeObject, PyStaticMethod.TypeObject, PyClassMethod.TypeObject, PyProperty.TypeObject, PySuper.TypeObject, PyMemoryView.TypeObject })
        {
            module.AddBuiltin(t.Name, t);
        }
        foreach (var t in PyExc.All)
        {
            module.AddBuiltin(t.Name, t);
        }
        foreach (var (name, t) in PyExc.Aliases)
        {
            module.AddBuiltin(name, t);
        }
    }
}
