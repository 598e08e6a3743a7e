// Modules/_bisectmodule.c
using Taipan.Bytecode;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Bisect;

/// <summary><c>_bisect</c>: binary search over sorted sequences, with fast paths for exact
/// lists and for comparisons of small ints and floats.</summary>
[PyModule("_bisect", Doc = "Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\nhaving to sort the list after each insertion. For long lists of items with\nexpensive comparison operations, this can be an improvement over the more\ncommon approach.\n")]
public static partial class BisectModule
{
    [PyMethod("bisect_right", Keywords = true, Doc = "Return the index where to insert item x in list a, assuming a is sorted.\n\nThe return value i is such that all e in a[:i] have e <= x, and all e in\na[i:] have e > x.  So if x already appears in the list, a.insert(i, x) will\ninsert just after the rightmost x already there.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched.")]
    public static long BisectRight(PyObject a, PyObject x, long lo = 0, PyObject? hi = null, [KeywordOnly] PyObject? key = null) =>
        Right(a, x, lo, Hi(hi), key);

    [PyMethod("bisect_left", Keywords = true, Doc = "Return the index where to insert item x in list a, assuming a is sorted.\n\nThe return value i is such that all e in a[:i] have e < x, and all e in\na[i:] have e >= x.  So if x already appears in the list, a.insert(i, x) will\ninsert just before the leftmost x already there.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched.")]
    public static long BisectLeft(PyObject a, PyObject x, long lo = 0, PyObject? hi = null, [KeywordOnly] PyObject? key = null) =>
        Left(a, x, lo, Hi(hi), key);

    [PyMethod("insort_right", Keywords = true, Doc = "Insert item x in list a, and keep it sorted assuming a is sorted.\n\nIf x is already in a, insert it to the right of the rightmost x.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched.")]
    public static void InsortRight(PyObject a, PyObject x, long lo = 0, PyObject? hi = null, [KeywordOnly] PyObject? key = null)
    {
        var keyX = key is null || key is PyNone ? x : Ops.Call(key, [x], null);
        Insert(a, Right(a, keyX, lo, Hi(hi), key), x);
    }

    [PyMethod("insort_left", Keywords = true, Doc = "Insert item x in list a, and keep it sorted assuming a is sorted.\n\nIf x is already in a, insert it to the left of the leftmost x.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched.")]
    public static void InsortLeft(PyObject a, PyObject x, long lo = 0, PyObject? hi = null, [KeywordOnly] PyObject? key = null)
    {
        var keyX = key is null || key is PyNone ? x : Ops.Call(key, [x], null);
        Insert(a, Left(a, keyX, lo, Hi(hi), key), x);
    }

    /// <summary>The <c>hi</c> argument: None means the length (-1 here), as CPython's
    /// optional ssize_t converter reads it.</summary>
    private static long Hi(PyObject? hi)
    {
        if (hi is null || hi is PyNone)
        {
            return -1;
        }
        if (hi is not PyInt && hi.Type.Slots.Index is null)
        {
            throw PyErr.TypeError($"argument should be integer or None, not '{hi.Type.Name}'");
        }
        var i = Ops.Index(hi);
        if (!i.IsSmall)
        {
            throw PyErr.OverflowError($"cannot fit '{i.Type.Name}' into an index-sized integer");
        }
        return i.Small;
    }

    private static void Insert(PyObject a, long index, PyObject x)
    {
        if (a.GetType() == typeof(PyList))
        {
            ((PyList)a).Insert(index, x);
            return;
        }
        Ops.CallMethod(a, "insert", PyInt.From(index), x);
    }

    private static long Bounds(PyObject a, long lo, ref long hi)
    {
        if (lo < 0)
        {
            throw PyErr.ValueError("lo must be non-negative");
        }
        if (hi == -1)
        {
            hi = Ops.Length(a);
        }
        return lo;
    }

    /// <summary><c>PySequence_GetItem</c>, read straight from an exact list.</summary>
    private static PyObject Item(PyObject a, long index)
    {
        if (a.GetType() == typeof(PyList))
        {
            var list = (PyList)a;
            if ((ulong)index >= (ulong)list.Count)
            {
                throw PyErr.IndexError("list index out of range");
            }
            return list[(int)index];
        }
        return Ops.GetItem(a, PyInt.From(index));
    }

    /// <summary><c>v &lt; w</c>, without dispatch for small ints and floats.</summary>
    internal static bool Less(PyObject v, PyObject w)
    {
        // Exact types only: a subclass may override __lt__.
        var vt = v.GetType();
        if (vt == w.GetType())
        {
            if (vt == typeof(PyInt))
            {
                var iv = (PyInt)v;
                var iw = (PyInt)w;
                if (iv.IsSmall && iw.IsSmall)
                {
                    return iv.Small < iw.Small;
                }
            }
            else if (vt == typeof(PyFloat))
            {
                return ((PyFloat)v).Value < ((PyFloat)w).Value;
            }
        }
        return Ops.RichCompareBool(v, w, CompareOp.Lt);
    }

    private static long Right(PyObject a, PyObject x, long lo, long hi, PyObject? key)
    {
        lo = Bounds(a, lo, ref hi);
        var useKey = key is not null && key is not PyNone;
        while (lo < hi)
        {
            // Unsigned halving: lo + hi cannot overflow as CPython's size_t sum does not.
            var mid = (long)(((ulong)lo + (ulong)hi) / 2);
            var item = Item(a, mid);
            if (useKey)
            {
                item = Ops.Call(key!, [item], null);
            }
            if (Less(x, item))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static long Left(PyObject a, PyObject x, long lo, long hi, PyObject? key)
    {
        lo = Bounds(a, lo, ref hi);
        var useKey = key is not null && key is not PyNone;
        while (lo < hi)
        {
            var mid = (long)(((ulong)lo + (ulong)hi) / 2);
            var item = Item(a, mid);
            if (useKey)
            {
                item = Ops.Call(key!, [item], null);
            }
            if (Less(item, x))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
