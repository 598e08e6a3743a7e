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
