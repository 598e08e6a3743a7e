// Python/errors.c
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Errors;

/// <summary>Carries a Python exception through C# code. The interpreter catches it at the
/// instruction that raised it and continues with the exception table; hot paths avoid it and
/// report misses with return values instead.</summary>
public sealed class PyException(PyBaseException value) : Exception
{
    public PyBaseException Value { get; } = value;

    public override string Message => $"{Value.Type.Name}: {Abstract.Ops.Str(Value)}";
}

/// <summary>Creates the exceptions that C# code raises (CPython's <c>PyErr_Format</c> calls).</summary>
public static class PyErr
{
    public static PyException New(PyType type, string message) => new(PyBaseException.Create(type, message));

    /// <summary>An error of the front end or compiler (a SyntaxError, or the ValueError,
    /// MemoryError ... they raise) as the Python exception.</summary>
    public static PyException FromCompiler(Taipan.Syntax.Errors.PythonException e) => e is Taipan.Syntax.Errors.PythonSyntaxError s
        ? new PyException(PyExc.SyntaxErrorFrom(s))
        : New(PyExc.All.FirstOrDefault(t => t.Name == e.PythonType) ?? PyExc.SystemError, e.Message);

    public static PyException TypeError(string message) => New(PyExc.TypeError, message);
    public static PyException ValueError(string message) => New(PyExc.ValueError, message);
    public static PyException OverflowError(string message) => New(PyExc.OverflowError, message);
    public static PyException ZeroDivisionError(string message) => New(PyExc.ZeroDivisionError, message);
    public static PyException AttributeError(string message) => New(PyExc.AttributeError, message);
    public static PyException RuntimeError(string message) => New(PyExc.RuntimeError, message);
    public static PyException IndexError(string message) => New(PyExc.IndexError, message);

    /// <summary><c>KeyError(key)</c>: its args hold the key itself, so str() shows its repr.</summary>
    public static PyException KeyError(PyObject key) => new(new PyBaseException(PyExc.KeyError, PyTuple.Create(key)));

    /// <summary>A type's tp_name: a builtin type outside builtins is named with its module
    /// ('_io.TextIOWrapper'), a class by its name.</summary>
    public static string TpName(PyType t) =>
        t.HasFlag(TypeFlags.HeapType) || t.Module == "builtins" || t.Name.Contains('.') ? t.Name : t.Module + "." + t.Name;

    /// <summary>The AttributeError of a missing attribute, worded as CPython words it, with
    /// the name and object that "did you mean" suggestions look at.</summary>
    public static PyException NoAttribute(PyObject obj, PyStr name)
    {
        var e = obj is PyType t
            ? AttributeError($"type object '{t.Name}' has no attribute '{name.Value}'")
            : obj is PyModule m
                ? AttributeError(Python.Import.IsInitializing(m.Name)
                    ? $"partially initialized module '{m.Name}' has no attribute '{name.Value}' (most likely due to a circular import)"
                    : $"module '{m.Name}' has no attribute '{name.Value}'")
                : AttributeError($"'{TpName(obj.Type)}' object has no attribute '{name.Value}'");
        e.Value.Members["name"] = name;
        e.Value.Members["obj"] = obj;
        return e;
    }
}
