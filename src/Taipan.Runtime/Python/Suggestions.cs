// Python/suggestions.c
using System.Text;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

/// <summary>The "Did you mean" of an uncaught NameError or AttributeError (exactly those
/// classes, as in 3.11): the closest name by a Levenshtein distance over UTF-8 bytes where a
/// case change costs 1 and any other edit 2, at most a third of the characters changed.</summary>
public static class Suggestions
{
    private const int MaxCandidateItems = 750;
    private const int MaxStringSize = 40;
    private const int MoveCost = 2;
    private const int CaseCost = 1;

    /// <summary><c>_Py_Offer_Suggestions</c>: the suggested name, or null.</summary>
    public static string? Offer(PyBaseException exc)
    {
        try
        {
            if (ReferenceEquals(exc.Type, PyExc.AttributeError))
            {
                return ForAttributeError(exc);
            }
            if (ReferenceEquals(exc.Type, PyExc.NameError))
            {
                return ForNameError(exc);
            }
        }
        catch (PyException)
        {
            // Suggestions are best effort: a failing __dir__ just gives none.
        }
        return null;
    }

    private static string? ForAttributeError(PyBaseException exc)
    {
        if (exc.Member("name") is not PyStr name || !exc.Members.TryGetValue("obj", out var obj))
        {
            return null;
        }
        return Calculate(Dir(obj), name.Value);
    }

    private static string? ForNameError(PyBaseException exc)
    {
        if (exc.Member("name") is not PyStr name || exc.Traceback is not PyTraceback tb)
        {
            return null;
        }
        while (tb.Next is { } next)
        {
            tb = next;
        }
        var frame = tb.Frame;
        return Calculate(frame.Code.Code.VarNames.ToList(), name.Value)
            ?? Calculate(Keys(frame.Globals), name.Value)
            ?? Calculate(Keys(frame.Builtins), name.Value);
    }

    private static List<string> Keys(PyDict dict)
    {
        var keys = new List<string>(dict.Count);
        foreach (var (k, _) in dict.Items())
        {
            keys.Add(k is PyStr s ? s.Value : Ops.Str(k).Value);
        }
        return keys;
    }

    /// <summary><c>PyObject_Dir</c>: a user-defined <c>__dir__</c>, else the names of the
    /// instance dict and of the classes along the MRO (the class and its bases for a class),
    /// sorted.</summary>
    private static List<string> Dir(PyObject obj)
    {
        var names = new HashSet<string>();
        if (obj.Type.Lookup(PyStr.Intern("__dir__")) is PyFunction dirFunction)
        {
            foreach (var item in Ops.Iterate(Ops.Call(dirFunction, [obj], null)))
            {
                names.Add(Ops.Str(item).Value);
            }
        }
        else
        {
            if (obj is PyType t)
            {
                AddMro(names, t);
            }
            else
            {
                if (obj.InstanceDict is { } dict)
                {
                    names.UnionWith(Keys(dict));
                }
                if (obj is not PyModule)
                {
                    AddMro(names, obj.Type);
                }
            }
        }
        var list = names.ToList();
        list.Sort(PyStrOrder);
        return list;
    }

    private static void AddMro(HashSet<string> names, PyType type)
    {
        foreach (var t in type.Mro)
        {
            t.EnsureReady();
            names.UnionWith(Keys(t.Dict));
        }
    }

    /// <summary>str ordering: by code point.</summary>
    private static int PyStrOrder(string a, string b) => PyStr.CompareCodePoints(a, b);

    /// <summary><c>calculate_suggestions</c>: the first candidate at the smallest distance.</summary>
    private static string? Calculate(List<string> dir, string name)
    {
        if (dir.Count >= MaxCandidateItems)
        {
            return null;
        }
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new int[MaxStringSize];
        var bestDistance = int.MaxValue;
        string? best = null;
        foreach (var item in dir)
        {
            if (item == name)
            {
                continue;
            }
            var itemBytes = Encoding.UTF8.GetBytes(item);
            // No more than a third of the characters involved should need changing.
            var maxDistance = (nameBytes.Length + itemBytes.Length + 3) * MoveCost / 6;
            maxDistance = Math.Min(maxDistance, bestDistance - 1);
            var distance = Levenshtein(nameBytes, itemBytes, maxDistance, buffer);
            if (distance > maxDistance)
            {
                continue;
            }
            if (best is null || distance < bestDistance)
            {
                best = item;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int SubstitutionCost(byte a, byte b)
    {
        if ((a & 31) != (b & 31))
        {
            return MoveCost;
        }
        if (a == b)
        {
            return 0;
        }
        if (a is >= (byte)'A' and <= (byte)'Z')
        {
            a += 'a' - 'A';
        }
        if (b is >= (byte)'A' and <= (byte)'Z')
        {
            b += 'a' - 'A';
        }
        return a == b ? CaseCost : MoveCost;
    }

    /// <summary>The distance, or more than <paramref name="maxCost"/> once it is certain to
    /// exceed it; one row of the matrix is kept.</summary>
    private static int Levenshtein(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int maxCost, int[] buffer)
    {
        while (a.Length > 0 && b.Length > 0 && a[0] == b[0])
        {
            a = a[1..];
            b = b[1..];
        }
        while (a.Length > 0 && b.Length > 0 && a[^1] == b[^1])
        {
            a = a[..^1];
            b = b[..^1];
        }
        if (a.Length == 0 || b.Length == 0)
        {
            return (a.Length + b.Length) * MoveCost;
        }
        if (a.Length > MaxStringSize || b.Length > MaxStringSize)
        {
            return maxCost + 1;
        }
        if (b.Length < a.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }
        if ((b.Length - a.Length) * MoveCost > maxCost)
        {
            return maxCost + 1;
        }
        var tmp = MoveCost;
        for (var i = 0; i < a.Length; i++)
        {
            buffer[i] = tmp;
            tmp += MoveCost;
        }
        var result = 0;
        for (var bi = 0; bi < b.Length; bi++)
        {
            var code = b[bi];
            var distance = result = bi * MoveCost;
            var minimum = int.MaxValue;
            for (var i = 0; i < a.Length; i++)
            {
                var substitute = distance + SubstitutionCost(code, a[i]);
                distance = buffer[i];
                var insertDelete = Math.Min(result, distance) + MoveCost;
                result = Math.Min(insertDelete, substitute);
                buffer[i] = result;
                minimum = Math.Min(minimum, result);
            }
            if (minimum > maxCost)
            {
                return maxCost + 1;
            }
        }
        return result;
    }
}
