// Python/getargs.c
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>The argument checks that generated builtins call, with CPython's messages for each
/// calling convention (METH_NOARGS, METH_O, Argument Clinic positional and keyword parsing).</summary>
public static class ArgParse
{
    public static void NoKeywords(string qualName, PyTuple? kwnames)
    {
        if (kwnames is { Count: > 0 })
        {
            throw PyErr.TypeError($"{qualName}() takes no keyword arguments");
        }
    }

    public static void NoArguments(string qualName, int count)
    {
        if (count != 0)
        {
            throw PyErr.TypeError($"{qualName}() takes no arguments ({count} given)");
        }
    }

    public static void ExactlyOne(string qualName, int count)
    {
        if (count != 1)
        {
            throw PyErr.TypeError($"{qualName}() takes exactly one argument ({count} given)");
        }
    }

    /// <summary><c>_PyArg_CheckPositional</c>.</summary>
    public static void CheckPositional(string name, int count, int min, int max)
    {
        if (count < min)
        {
            throw PyErr.TypeError($"{name} expected {(min == max ? "" : "at least ")}{min} argument{(min == 1 ? "" : "s")}, got {count}");
        }
        if (count > max)
        {
            throw PyErr.TypeError($"{name} expected {(min == max ? "" : "at most ")}{max} argument{(max == 1 ? "" : "s")}, got {count}");
        }
    }

    /// <summary><c>_PyArg_UnpackKeywords</c>: places positional and keyword arguments into
    /// <paramref name="buffer"/> by parameter position; absent optional ones stay null.</summary>
    public static void UnpackKeywords(string name, ReadOnlySpan<PyObject> args, PyTuple? kwnames, string[] names,
        int minPositional, int maxPositional, int required, Span<PyObject?> buffer)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        var max = names.Length;
        if (npos + nkw > max)
        {
            throw PyErr.TypeError($"{name}() takes at most {max} {(npos == 0 ? "keyword " : "")}argument{(max == 1 ? "" : "s")} ({npos + nkw} given)");
        }
        if (npos > maxPositional)
        {
            throw maxPositional == 0
                ? PyErr.TypeError($"{name}() takes no positional arguments")
                : PyErr.TypeError($"{name}() takes {(minPositional < maxPositional ? "at most" : "exactly")} {maxPositional} positional argument{(maxPositional == 1 ? "" : "s")} ({npos} given)");
        }
        for (var i = 0; i < npos; i++)
        {
            buffer[i] = args[i];
        }
        for (var k = 0; k < nkw; k++)
        {
            var kw = ((PyStr)kwnames![k]).Value;
            var index = Array.IndexOf(names, kw);
            if (index < 0)
            {
                throw PyErr.TypeError($"'{kw}' is an invalid keyword argument for {name}()");
            }
            if (index < npos)
            {
                throw PyErr.TypeError($"argument for {name}() given by name ('{kw}') and position ({index + 1})");
            }
            buffer[index] = args[npos + k];
        }
        for (var i = 0; i < required; i++)
        {
            if (buffer[i] is null)
            {
                throw PyErr.TypeError($"{name}() missing required argument '{names[i]}' (pos {i + 1})");
            }
        }
    }

    /// <summary>An integer argument through <c>__index__</c> (Argument Clinic's
    /// <c>Py_ssize_t</c> and <c>int</c> converters).</summary>
    public static long ToLong(PyObject o)
    {
        var i = Abstract.Ops.Index(o);
        if (!i.IsSmall)
        {
            throw PyErr.OverflowError("Python int too large to convert to C ssize_t");
        }
        return i.Small;
    }

    public static int ToInt(PyObject o)
    {
        var v = ToLong(o);
        if (v is < int.MinValue or > int.MaxValue)
        {
            throw PyErr.OverflowError("Python int too large to convert to C int");
        }
        return (int)v;
    }

    public static double ToDouble(PyObject o) => o switch
    {
        PyFloat f => f.Value,
        PyInt i => i.IsSmall ? i.Small : (double)i.Value,
        _ => throw PyErr.TypeError($"must be real number, not {o.Type.Name}"),
    };

    public static PyStr ToStr(string function, int position, PyObject o) =>
        o as PyStr ?? throw PyErr.TypeError($"{function}() argument {position} must be str, not {o.Type.Name}");

    public static T Expect<T>(string function, int position, PyObject o)
        where T : PyObject, IBuiltinType =>
        o as T ?? throw PyErr.TypeError($"{function}() argument {position} must be {T.StaticType.Name}, not {o.Type.Name}");
}
