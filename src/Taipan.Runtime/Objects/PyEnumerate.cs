// Objects/enumobject.c
namespace Taipan.Runtime.Objects;

/// <summary><c>enumerate(iterable, start=0)</c>.</summary>
[PyType("enumerate", Generic = true)]
public sealed partial class PyEnumerate(PyObject iterator, PyInt start) : PyObject
{
    private PyInt _index = start;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (args.Length == 0)
        {
            throw Errors.PyErr.TypeError("enumerate() missing required argument 'iterable'");
        }
        var buffer = new PyObject?[2];
        Python.ArgParse.UnpackKeywords("enumerate", args, kwnames, s_names, 1, 2, 1, buffer);
        var start = buffer[1] is { } s ? Abstract.Ops.Index(s) : PyInt.From(0);
        return new PyEnumerate(Abstract.Ops.GetIter(buffer[0]!), start);
    }

    private static readonly string[] s_names = ["iterable", "start"];

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (Abstract.Ops.Next(iterator) is not { } item)
        {
            return null;
        }
        var i = _index;
        _index = i.IsSmall && i.Small < long.MaxValue ? PyInt.From(i.Small + 1) : PyInt.From(i.Value + 1);
        return PyTuple.Create(i, item);
    }
}

/// <summary><c>reversed(sequence)</c> for sequences without <c>__reversed__</c>: indexes from
/// the end.</summary>
[PyType("reversed")]
public sealed partial class PyReversed(PyObject sequence, long length) : PyObject
{
    private PyObject? _sequence = sequence;
    private long _index = length - 1;

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        Python.ArgParse.NoKeywords("reversed", kwnames);
        Python.ArgParse.CheckPositional("reversed", args.Length, 1, 1);
        var seq = args[0];
        var reversed = seq.Type.Lookup(PyStr.Intern("__reversed__"));
        if (reversed is PyNone)
        {
            throw Errors.PyErr.TypeError($"'{seq.Type.Name}' object is not reversible");
        }
        if (reversed is not null)
        {
            return Abstract.Ops.CallMethod(seq, "__reversed__");
        }
        if (seq.Type.Slots.GetItem is null || seq.Type.Slots.Length is null || seq is PyDict || seq is PyAnySet)
        {
            throw Errors.PyErr.TypeError($"'{seq.Type.Name}' object is not reversible");
        }
        return new PyReversed(seq, seq.Type.Slots.Length(seq));
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_sequence is null || _index < 0)
        {
            _sequence = null;
            return null;
        }
        try
        {
            return _sequence.Type.Slots.GetItem!(_sequence, PyInt.From(_index--));
        }
        catch (Errors.PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.IndexError) || e.Value.Type.IsSubtypeOf(PyExc.StopIteration))
        {
            _sequence = null;
            return null;
        }
    }

    [PyMethod("__length_hint__")]
    public long LengthHint() => _sequence is null ? 0 : _index + 1;
}
