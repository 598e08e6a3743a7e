// Python/ceval.c (initialize_locals: binding a call's arguments to parameters)
using Taipan.Bytecode;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>Binds the arguments of a call to a Python function's parameters — positional,
/// keyword, defaults, <c>*args</c> and <c>**kwargs</c> — with CPython's error messages.</summary>
internal static class ArgumentBinder
{
    public static void Bind(PyFunction fn, PyObject?[] slots, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var co = fn.Code.Code;
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        var argcount = co.ArgCount;
        var total = argcount + co.KwOnlyArgCount;
        var hasVarArgs = (co.Flags & CodeFlags.VarArgs) != 0;
        var hasVarKw = (co.Flags & CodeFlags.VarKeywords) != 0;

        // Fast path: exactly the positional parameters, nothing else.
        if (nkw == 0 && npos == argcount && !hasVarArgs && !hasVarKw && co.KwOnlyArgCount == 0)
        {
            args.CopyTo(System.Runtime.CompilerServices.Unsafe.As<PyObject[]>(slots));
            return;
        }

        PyDict? kwdict = null;
        if (hasVarKw)
        {
            kwdict = new PyDict();
            slots[total + (hasVarArgs ? 1 : 0)] = kwdict;
        }
        var n = Math.Min(npos, argcount);
        for (var i = 0; i < n; i++)
        {
            slots[i] = args[i];
        }
        if (hasVarArgs)
        {
            slots[total] = npos > argcount ? new PyTuple(args[argcount..npos].ToArray()) : PyTuple.Empty;
        }
        else if (npos > argcount)
        {
            throw TooManyPositional(fn, npos, nkw, kwnames);
        }

        var names = fn.Code.LocalsPlusNames;
        for (var k = 0; k < nkw; k++)
        {
            var name = (PyStr)kwnames![k];
            var value = args[npos + k];
            var index = -1;
            for (var j = co.PosOnlyArgCount; j < total; j++)
            {
                if (ReferenceEquals(names[j], name) || names[j].Equals(name))
                {
                    index = j;
                    break;
                }
            }
            if (index < 0)
            {
                if (kwdict is null)
                {
                    throw PyErr.TypeError($"{fn.QualName.Value}() got an unexpected keyword argument '{name.Value}'");
                }
                kwdict.SetItem(name, value);
                continue;
            }
            if (slots[index] is not null)
            {
                throw PyErr.TypeError($"{fn.QualName.Value}() got multiple values for argument '{name.Value}'");
            }
            slots[index] = value;
        }

        // Defaults fill the trailing positional parameters, then keyword-only ones.
        var defaults = fn.Defaults is { } dt ? dt.Items : [];
        var firstDefault = argcount - defaults.Length;
        List<string>? missing = null;
        for (var i = 0; i < argcount; i++)
        {
            if (slots[i] is null)
            {
                if (i >= firstDefault)
                {
                    slots[i] = defaults[i - firstDefault];
                }
                else
                {
                    (missing ??= []).Add(names[i].Value);
                }
            }
        }
        if (missing is not null)
        {
            throw Missing(fn, missing, "positional");
        }
        for (var i = argcount; i < total; i++)
        {
            if (slots[i] is null)
            {
                if (fn.KwDefaults is { } kwd && kwd.TryGetValue(names[i], out var d))
                {
                    slots[i] = d;
                }
                else
                {
                    (missing ??= []).Add(names[i].Value);
                }
            }
        }
        if (missing is not null)
        {
            throw Missing(fn, missing, "keyword-only");
        }
    }

    private static PyException Missing(PyFunction fn, List<string> names, string kind)
    {
        var quoted = names.Select(n => $"'{n}'").ToList();
        var list = quoted.Count switch
        {
            1 => quoted[0],
            2 => $"{quoted[0]} and {quoted[1]}",
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + ", and " + quoted[^1],
        };
        return PyErr.TypeError($"{fn.QualName.Value}() missing {names.Count} required {kind} argument{(names.Count == 1 ? "" : "s")}: {list}");
    }

    private static PyException TooManyPositional(PyFunction fn, int given, int nkw, PyTuple? kwnames)
    {
        var co = fn.Code.Code;
        var defaults = fn.Defaults?.Count ?? 0;
        var argcount = co.ArgCount;
        var takes = defaults > 0
            ? $"from {argcount - defaults} to {argcount} positional arguments"
            : $"{argcount} positional argument{(argcount == 1 ? "" : "s")}";
        // Keyword-only arguments that were given are mentioned, as CPython does.
        var kwonlyGiven = 0;
        for (var k = 0; k < nkw; k++)
        {
            var name = (PyStr)kwnames![k];
            for (var j = argcount; j < argcount + co.KwOnlyArgCount; j++)
            {
                if (fn.Code.LocalsPlusNames[j].Equals(name))
                {
                    kwonlyGiven++;
                }
            }
        }
        var givenText = kwonlyGiven > 0
            ? $"{given} positional argument{(given == 1 ? "" : "s")} (and {kwonlyGiven} keyword-only argument{(kwonlyGiven == 1 ? "" : "s")}) were given"
            : $"{given} {(given == 1 ? "was" : "were")} given";
        return PyErr.TypeError($"{fn.QualName.Value}() takes {takes} but {givenText}");
    }
}
