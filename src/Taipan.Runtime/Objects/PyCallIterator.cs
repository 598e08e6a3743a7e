// Objects/iterobject.c (callable_iterator)
namespace Taipan.Runtime.Objects;

/// <summary><c>iter(callable, sentinel)</c>: calls until the result equals the sentinel.</summary>
[PyType("callable_iterator")]
public sealed partial class PyCallIterator(PyObject callable, PyObject sentinel) : PyObject
{
    private PyObject? _callable = callable;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        if (_callable is null)
        {
            return null;
        }
        PyObject r;
        try
        {
            r = Abstract.Ops.Call(_callable, [], null);
        }
        catch (Errors.PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.StopIteration))
        {
            _callable = null;
            return null;
        }
        if (Abstract.Ops.RichCompareBool(r, sentinel, CompareOp.Eq))
        {
            _callable = null;
            return null;
        }
        return r;
    }
}
