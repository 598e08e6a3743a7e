// Objects/sliceobject.c
using System.Numerics;

namespace Taipan.Runtime.Objects;

/// <summary><c>slice</c>: start, stop and step of an extended subscript, any objects.</summary>
[PyType("slice", Unhashable = true)]
public sealed partial class PySlice(PyObject start, PyObject stop, PyObject step) : PyObject
{
    public PyObject Start { get; } = start;
    public PyObject Stop { get; } = stop;
    public PyObject Step { get; } = step;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("slice", kwnames);
        return args.Length switch
        {
            0 => throw Errors.PyErr.TypeError("slice expected at least 1 argument, got 0"),
            1 => new PySlice(PyNone.Value, args[0], PyNone.Value),
            2 => new PySlice(args[0], args[1], PyNone.Value),
            3 => new PySlice(args[0], args[1], args[2]),
            _ => throw Errors.PyErr.TypeError($"slice expected at most 3 arguments, got {args.Length}"),
        };
    }

    [PyGetter("start")]
    public PyObject StartGetter() => Start;

    [PyGetter("stop")]
    public PyObject StopGetter() => Stop;

    [PyGetter("step")]
    public PyObject StepGetter() => Step;

    [PySlot("tp_repr")]
    public PyStr Repr() =>
        new($"slice({Abstract.Ops.Repr(Start).Value}, {Abstract.Ops.Repr(Stop).Value}, {Abstract.Ops.Repr(Step).Value})");

    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (left is not PySlice a || right is not PySlice b)
        {
            return PyNotImplemented.Value;
        }
        return Abstract.Ops.CompareSequences([a.Start, a.Stop, a.Step], [b.Start, b.Stop, b.Step], op);
    }

    /// <summary><c>slice.indices(length)</c>: the adjusted (start, stop, step) for a sequence of
    /// that length, in arbitrary precision.</summary>
    [PyMethod]
    public PyTuple Indices(PyObject length)
    {
        var n = Abstract.Ops.Index(length).Value;
        if (n < 0)
        {
            throw Errors.PyErr.ValueError("length should not be negative");
        }
        var (start, stop, step) = BigIndices(n);
        return PyTuple.Create(PyInt.From(start), PyInt.From(stop), PyInt.From(step));
    }

    /// <summary>The clamped start, stop and step for a sequence of length <paramref name="n"/>
    /// (<c>_PySlice_GetLongIndices</c>).</summary>
    public (BigInteger Start, BigInteger Stop, BigInteger Step) BigIndices(BigInteger n)
    {
        BigInteger step = 1;
        if (Step is not PyNone)
        {
            step = ToIndex(Step).Value;
            if (step.IsZero)
            {
                throw Errors.PyErr.ValueError("slice step cannot be zero");
            }
        }
        var back = step.Sign < 0;
        BigInteger lower = back ? -1 : 0, upper = back ? n - 1 : n;
        BigInteger Clamp(PyObject o, BigInteger dflt)
        {
            if (o is PyNone)
            {
                return dflt;
            }
            var v = ToIndex(o).Value;
            if (v.Sign < 0)
            {
                v += n;
                return v < lower ? lower : v;
            }
            return v > upper ? upper : v;
        }
        return (Clamp(Start, back ? upper : lower), Clamp(Stop, back ? lower : upper), step);
    }

    private static PyInt ToIndex(PyObject o) => o is PyInt i ? i
        : o.Type.Slots.Index is not null ? Abstract.Ops.Index(o)
        : throw Errors.PyErr.TypeError("slice indices must be integers or None or have an __index__ method");

    /// <summary>A slice bound clamped to the 64-bit range, as <c>_PyEval_SliceIndex</c> does.</summary>
    internal static long SliceIndex(PyObject o)
    {
        var i = ToIndex(o);
        return i.IsSmall ? i.Small : i.Value.Sign < 0 ? -long.MaxValue : long.MaxValue;
    }

    /// <summary><c>PySlice_Unpack</c> then <c>PySlice_AdjustIndices</c>: the start and step over a
    /// sequence of <paramref name="length"/> items, and how many items the slice selects.</summary>
    public long Adjust(long length, out long start, out long stop, out long step)
    {
        step = 1;
        if (Step is not PyNone)
        {
            step = SliceIndex(Step);
            if (step == 0)
            {
                throw Errors.PyErr.ValueError("slice step cannot be zero");
            }
        }
        start = Start is PyNone ? (step < 0 ? long.MaxValue : 0) : SliceIndex(Start);
        stop = Stop is PyNone ? (step < 0 ? long.MinValue : long.MaxValue) : SliceIndex(Stop);
        AdjustOne(ref start, length, step);
        AdjustOne(ref stop, length, step);
        if (step < 0)
        {
            return stop < start ? (start - stop - 1) / -step + 1 : 0;
        }
        return start < stop ? (stop - start - 1) / step + 1 : 0;
    }

    private static void AdjustOne(ref long i, long length, long step)
    {
        if (i < 0)
        {
            i = i == long.MinValue ? -1 : i + length;
            if (i < 0)
            {
                i = step < 0 ? -1 : 0;
            }
        }
        else if (i >= length)
        {
            i = step < 0 ? length - 1 : length;
        }
    }

    /// <summary>The items a slice selects from <paramref name="items"/>.</summary>
    public PyObject[] Select(ReadOnlySpan<PyObject> items)
    {
        var n = Adjust(items.Length, out var start, out _, out var step);
        if (step == 1)
        {
            return items.Slice((int)start, (int)n).ToArray();
        }
        var r = new PyObject[n];
        for (long i = 0, j = start; i < n; i++, j += step)
        {
            r[i] = items[(int)j];
        }
        return r;
    }

    /// <summary>The start and stop arguments of <c>index(value, start, stop)</c> clamped to
    /// [0, length], as list, tuple and str take them.</summary>
    public static (int Start, int Stop) SearchBounds(PyObject? start, PyObject? stop, int length)
    {
        static int Bound(PyObject? o, int length, int dflt)
        {
            if (o is null)
            {
                return dflt;
            }
            if (o is not PyInt && o.Type.Slots.Index is null)
            {
                throw Errors.PyErr.TypeError("slice indices must be integers or have an __index__ method");
            }
            var v = SliceIndex(o);
            if (v < 0)
            {
                v = Math.Max(0, v + length);
            }
            return (int)Math.Min(v, length);
        }
        return (Bound(start, length, 0), Bound(stop, length, length));
    }

    /// <summary>The count of <c>seq * n</c>: an index, negative meaning zero; errors as CPython.</summary>
    public static int RepeatCount(PyObject count, long itemLength)
    {
        if (count is not PyInt && count.Type.Slots.Index is null)
        {
            throw Errors.PyErr.TypeError($"can't multiply sequence by non-int of type '{count.Type.Name}'");
        }
        var i = Abstract.Ops.Index(count);
        if (!i.IsSmall)
        {
            if (i.Value.Sign < 0)
            {
                return 0;
            }
            throw Errors.PyErr.OverflowError("cannot fit 'int' into an index-sized integer");
        }
        var n = Math.Max(0, i.Small);
        if (itemLength > 0 && n > int.MaxValue / itemLength)
        {
            throw new Errors.PyException(new PyBaseException(PyExc.MemoryError, PyTuple.Empty));
        }
        return (int)n;
    }
}
