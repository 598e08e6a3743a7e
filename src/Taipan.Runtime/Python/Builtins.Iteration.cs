// Python/bltinmodule.c (iteration)
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class Builtins
{
    /// <summary><c>sorted(iterable, /, *, key=None, reverse=False)</c>.</summary>
    [PyMethod]
    public static PyObject Sorted(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        if (npos != 1)
        {
            throw Errors.PyErr.TypeError($"sorted expected 1 argument, got {npos}");
        }
        var list = new PyList();
        list.Extend(args[0]);
        PyObject? key = null;
        var reverse = false;
        for (var k = 0; k < nkw; k++)
        {
            switch (((PyStr)kwnames![k]).Value)
            {
                case "key":
                    key = args[npos + k];
                    break;
                case "reverse":
                    reverse = Ops.IsTrue(args[npos + k]);
                    break;
                default:
                    throw Errors.PyErr.TypeError($"sort() got an unexpected keyword argument '{((PyStr)kwnames[k]).Value}'");
            }
        }
        list.Sort(key, reverse);
        return list;
    }

    [PyMethod]
    public static PyObject Min(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => MinMax("min", CompareOp.Lt, args, kwnames);

    [PyMethod]
    public static PyObject Max(ReadOnlySpan<PyObject> args, PyTuple? kwnames) => MinMax("max", CompareOp.Gt, args, kwnames);

    /// <summary><c>min_max</c>: one iterable (with <c>default=</c>) or several arguments;
    /// the first of equal extremes wins.</summary>
    private static PyObject MinMax(string name, CompareOp op, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        PyObject? key = null, dflt = null;
        for (var k = 0; k < nkw; k++)
        {
            var kw = ((PyStr)kwnames![k]).Value;
            switch (kw)
            {
                case "key":
                    key = args[npos + k] is PyNone ? null : args[npos + k];
                    break;
                case "default":
                    dflt = args[npos + k];
                    break;
                default:
                    throw Errors.PyErr.TypeError($"'{kw}' is an invalid keyword argument for {name}()");
            }
        }
        if (npos == 0)
        {
            throw Errors.PyErr.TypeError($"{name} expected at least 1 argument, got 0");
        }
        if (npos > 1 && dflt is not null)
        {
            throw Errors.PyErr.TypeError($"Cannot specify a default for {name}() with multiple positional arguments");
        }
        var items = npos == 1 ? Ops.Iterate(args[0]) : args[..npos].ToArray();
        PyObject? best = null, bestKey = null;
        foreach (var item in items)
        {
            var k = key is null ? item : Ops.Call(key, [item], null);
            if (best is null || Ops.RichCompareBool(k, bestKey!, op))
            {
                best = item;
                bestKey = k;
            }
        }
        return best ?? dflt ?? throw Errors.PyErr.ValueError($"{name}() arg is an empty sequence");
    }

    /// <summary><c>sum(iterable, /, start=0)</c>: ints in 64 bits while they fit and floats in
    /// doubles, as CPython's fast paths add them, then the generic <c>+</c>.</summary>
    [PyMethod(Keywords = true)]
    public static PyObject Sum(PyObject iterable, PyObject? start = null)
    {
        var result = start ?? PyInt.From(0);
        if (result is PyStr)
        {
            throw Errors.PyErr.TypeError("sum() can't sum strings [use ''.join(seq) instead]");
        }
        if (result.Type.Name is "bytes" or "bytearray")
        {
            throw Errors.PyErr.TypeError($"sum() can't sum {result.Type.Name} [use b''.join(seq) instead]");
        }
        var it = Ops.GetIter(iterable);
        if (result.GetType() == typeof(PyInt) && ((PyInt)result).IsSmall)
        {
            var acc = ((PyInt)result).Small;
            while (true)
            {
                var item = Ops.Next(it);
                if (item is null)
                {
                    return PyInt.From(acc);
                }
                if ((item.GetType() == typeof(PyInt) || item is PyBool) && ((PyInt)item).IsSmall)
                {
                    var b = ((PyInt)item).Small;
                    var r = unchecked(acc + b);
                    if (((acc ^ r) & (b ^ r)) >= 0)
                    {
                        acc = r;
                        continue;
                    }
                }
                result = Ops.Add(PyInt.From(acc), item);
                break;
            }
        }
        if (result.GetType() == typeof(PyFloat))
        {
            var f = ((PyFloat)result).Value;
            while (true)
            {
                var item = Ops.Next(it);
                if (item is null)
                {
                    return new PyFloat(f);
                }
                if (item.GetType() == typeof(PyFloat))
                {
                    f += ((PyFloat)item).Value;
                    continue;
                }
                if ((item.GetType() == typeof(PyInt) || item is PyBool) && ((PyInt)item).IsSmall)
                {
                    f += ((PyInt)item).Small;
                    continue;
                }
                result = Ops.Add(new PyFloat(f), item);
                break;
            }
        }
        while (Ops.Next(it) is { } item)
        {
            result = Ops.Add(result, item);
        }
        return result;
    }

    [PyMethod]
    public static bool Any(PyObject iterable)
    {
        var it = Ops.GetIter(iterable);
        while (Ops.Next(it) is { } item)
        {
            if (Ops.IsTrue(item))
            {
                return true;
            }
        }
        return false;
    }

    [PyMethod]
    public static bool All(PyObject iterable)
    {
        var it = Ops.GetIter(iterable);
        while (Ops.Next(it) is { } item)
        {
            if (!Ops.IsTrue(item))
            {
                return false;
            }
        }
        return true;
    }
}
