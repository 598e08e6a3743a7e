// Objects/rangeobject.c
using System.Numerics;

namespace Taipan.Runtime.Objects;

/// <summary><c>range</c>: an immutable arithmetic sequence of ints.</summary>
[PyType("range")]
public sealed partial class PyRange : PyObject
{
    public PyRange(PyInt start, PyInt stop, PyInt step)
    {
        Start = start;
        Stop = stop;
        Step = step;
        var (lo, hi, st) = (start.Value, stop.Value, step.Value);
        var n = st > 0 ? (hi - lo + st - 1) / st : (lo - hi - st - 1) / -st;
        Length = n < 0 ? BigInteger.Zero : n;
    }

    public PyInt Start { get; }
    public PyInt Stop { get; }
    public PyInt Step { get; }
    public BigInteger Length { get; }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("range", kwnames);
        switch (args.Length)
        {
            case 1:
                return new PyRange(PyInt.From(0), Abstract.Ops.Index(args[0]), PyInt.From(1));
            case 2:
                return new PyRange(Abstract.Ops.Index(args[0]), Abstract.Ops.Index(args[1]), PyInt.From(1));
            case 3:
                var step = Abstract.Ops.Index(args[2]);
                if (step.Value.IsZero)
                {
                    throw Errors.PyErr.ValueError("range() arg 3 must not be zero");
                }
                return new PyRange(Abstract.Ops.Index(args[0]), Abstract.Ops.Index(args[1]), step);
            case 0:
                throw Errors.PyErr.TypeError("range expected at least 1 argument, got 0");
            default:
                throw Errors.PyErr.TypeError($"range expected at most 3 arguments, got {args.Length}");
        }
    }

    [PySlot("sq_length")]
    public long Len() => Length <= long.MaxValue
        ? (long)Length
        : throw Errors.PyErr.OverflowError("Python int too large to convert to C ssize_t");

    [PySlot("tp_iter")]
    public PyObject Iter() =>
        Start.IsSmall && Stop.IsSmall && Step.IsSmall && Length <= long.MaxValue
            ? new PyRangeIterator(Start.Small, Step.Small, (long)Length)
            : new PyLongRangeIterator(Start.Value, Step.Value, Length);

    [PySlot("tp_repr")]
    public PyStr Repr() => Step.IsSmall && Step.Small == 1
        ? new PyStr($"range({Start.ToDecimalString()}, {Stop.ToDecimalString()})")
        : new PyStr($"range({Start.ToDecimalString()}, {Stop.ToDecimalString()}, {Step.ToDecimalString()})");

    [PySlot("sq_contains")]
    public bool Contains(PyObject item)
    {
        if (item.GetType() != typeof(PyInt) && item is not PyBool)
        {
            foreach (var x in Abstract.Ops.Iterate(this))
            {
                if (Abstract.Ops.RichCompareBool(x, item, CompareOp.Eq))
                {
                    return true;
                }
            }
            return false;
        }
        var v = ((PyInt)item).Value;
        var (lo, st) = (Start.Value, Step.Value);
        var inBounds = st > 0 ? v >= lo && v < Stop.Value : v <= lo && v > Stop.Value;
        return inBounds && BigInteger.Remainder(v - lo, st).IsZero;
    }

    [PySlot("nb_bool")]
    public bool Bool() => !Length.IsZero;

    private BigInteger ItemAt(BigInteger i) => Start.Value + i * Step.Value;

    [PySlot("mp_subscript")]
    public PyObject GetItem(PyObject key)
    {
        if (key is PySlice slice)
        {
            var (start, stop, step) = slice.BigIndices(Length);
            return new PyRange(PyInt.From(ItemAt(start)), PyInt.From(ItemAt(stop)), PyInt.From(step * Step.Value));
        }
        if (key is not PyInt && key.Type.Slots.Index is null)
        {
            throw Errors.PyErr.TypeError($"range indices must be integers or slices, not {key.Type.Name}");
        }
        var i = Abstract.Ops.Index(key).Value;
        if (i < 0)
        {
            i += Length;
        }
        if (i < 0 || i >= Length)
        {
            throw Errors.PyErr.IndexError("range object index out of range");
        }
        return PyInt.From(ItemAt(i));
    }

    private bool IsPlainInt(PyObject item) => item.GetType() == typeof(PyInt) || item is PyBool;

    [PyMethod]
    public PyObject Index(PyObject value)
    {
        if (IsPlainInt(value))
        {
            if (Contains(value))
            {
                return PyInt.From((((PyInt)value).Value - Start.Value) / Step.Value);
            }
        }
        else
        {
            BigInteger i = 0;
            foreach (var x in Abstract.Ops.Iterate(this))
            {
                if (Abstract.Ops.RichCompareBool(x, value, CompareOp.Eq))
                {
                    return PyInt.From(i);
                }
                i++;
            }
        }
        throw Errors.PyErr.ValueError($"{Abstract.Ops.Repr(value).Value} is not in range");
    }

    [PyMethod]
    public PyObject Count(PyObject value)
    {
        if (IsPlainInt(value))
        {
            return PyInt.From(Contains(value) ? 1 : 0);
        }
        BigInteger n = 0;
        foreach (var x in Abstract.Ops.Iterate(this))
        {
            if (Abstract.Ops.RichCompareBool(x, value, CompareOp.Eq))
            {
                n++;
            }
        }
        return PyInt.From(n);
    }

    [PyMethod("__reversed__")]
    public PyObject Reversed()
    {
        var last = ItemAt(Length - 1);
        var step = -Step.Value;
        return last >= long.MinValue && last <= long.MaxValue && step >= long.MinValue && step <= long.MaxValue && Length <= long.MaxValue
            && (last + step * Length) >= long.MinValue && (last + step * Length) <= long.MaxValue
            ? new PyRangeIterator((long)last, (long)step, (long)Length)
            : new PyLongRangeIterator(last, step, Length);
    }

    /// <summary>Ranges are equal when they give the same sequence (range_equals).</summary>
    [PySlot("tp_richcompare")]
    public static PyObject RichCompare(PyObject left, PyObject right, CompareOp op)
    {
        if (left is not PyRange a || right is not PyRange b || op is not (CompareOp.Eq or CompareOp.Ne))
        {
            return PyNotImplemented.Value;
        }
        var equal = a.Length == b.Length
            && (a.Length.IsZero || (a.Start.Value == b.Start.Value && (a.Length.IsOne || a.Step.Value == b.Step.Value)));
        return PyBool.From(equal == (op == CompareOp.Eq));
    }

    [PySlot("tp_hash")]
    public long Hash()
    {
        PyObject none = PyNone.Value;
        var t = Length.IsZero ? PyTuple.Create(PyInt.From(Length), none, none)
            : Length.IsOne ? PyTuple.Create(PyInt.From(Length), Start, none)
            : PyTuple.Create(PyInt.From(Length), Start, Step);
        return t.Hash();
    }

    [PyGetter("start")]
    public PyInt StartGetter() => Start;

    [PyGetter("stop")]
    public PyInt StopGetter() => Stop;

    [PyGetter("step")]
    public PyInt StepGetter() => Step;
}

/// <summary><c>range_iterator</c> over 64-bit values: no allocation beyond the ints.</summary>
[PyType("range_iterator")]
public sealed partial class PyRangeIterator(long start, long step, long length) : PyObject
{
    private long _next = start;
    private long _remaining = length;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_remaining <= 0)
        {
            return null;
        }
        _remaining--;
        var v = _next;
        _next = unchecked(_next + step);
        return PyInt.From(v);
    }
}

/// <summary><c>longrange_iterator</c>, for ranges beyond 64 bits.</summary>
[PyType("longrange_iterator")]
public sealed partial class PyLongRangeIterator(BigInteger start, BigInteger step, BigInteger length) : PyObject
{
    private BigInteger _next = start;
    private BigInteger _remaining = length;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_remaining <= 0)
        {
            return null;
        }
        _remaining--;
        var v = _next;
        _next += step;
        return PyInt.From(v);
    }
}
