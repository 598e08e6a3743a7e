// Objects/iterobject.c
namespace Taipan.Runtime.Objects;

/// <summary><c>iterator</c>: iterates an object that only has <c>__getitem__</c>, from index 0
/// until it raises IndexError or StopIteration.</summary>
[PyType("iterator")]
public sealed partial class PySequenceIterator(PyObject sequence) : PyObject
{
    private PyObject? _sequence = sequence;
    private long _index;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_sequence is null)
        {
            return null;
        }
        try
        {
            return _sequence.Type.Slots.GetItem!(_sequence, PyInt.From(_index++));
        }
        catch (Errors.PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.IndexError) || e.Value.Type.IsSubtypeOf(PyExc.StopIteration))
        {
            _sequence = null;
            return null;
        }
    }
}
