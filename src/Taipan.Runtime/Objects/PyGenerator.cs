// Objects/genobject.c
using Taipan.Runtime.Errors;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary><c>generator</c>: a suspended frame. Each resumption runs the frame in a new
/// interpreter loop until it yields (the frame stays suspended) or returns.</summary>
[PyType("generator")]
public sealed partial class PyGenerator(Frame frame) : PyObject
{
    private Frame? _frame = frame;
    private bool _started;
    private bool _running;

    public PyStr Name { get; } = frame.Function?.Name ?? frame.Code.Name;
    public PyStr QualName { get; } = frame.Function?.QualName ?? frame.Code.QualName;

    /// <summary>The value of the generator's <c>return</c>, once it has finished.</summary>
    public PyObject? ReturnValue { get; private set; }

    /// <summary><c>gen_send_ex</c>: resumes with <paramref name="value"/> (or raising
    /// <paramref name="exception"/> at the yield); returns (false, yielded) or (true, returned).</summary>
    public (bool Finished, PyObject Value) Resume(PyObject value, PyBaseException? exception = null)
    {
        if (_running)
        {
            throw PyErr.ValueError("generator already executing");
        }
        if (_frame is not { } frame)
        {
            if (exception is not null)
            {
                throw new PyException(exception);
            }
            return (true, PyNone.Value);
        }
        if (!_started && exception is null && value is not PyNone)
        {
            throw PyErr.TypeError("can't send non-None value to a just-started generator");
        }
        if (exception is null)
        {
            frame.Slots[frame.StackPointer++] = value;
        }
        _started = true;
        _running = true;
        // The generator's own exception state (gi_exc_state): an except block it is suspended
        // in is seen only while it runs.
        var ts = Python.ThreadState.Current;
        var outer = ts.HandledException;
        ts.HandledException = _handled ?? outer;
        try
        {
            var result = Interpreter.Resume(frame, exception);
            if (frame.Suspended)
            {
                return (false, result);
            }
            Finish();
            ReturnValue = result;
            return (true, result);
        }
        catch (PyException e)
        {
            Finish();
            // PEP 479: a StopIteration escaping the generator becomes a RuntimeError.
            if (e.Value.Type.IsSubtypeOf(PyExc.StopIteration))
            {
                var error = PyBaseException.Create(PyExc.RuntimeError, "generator raised StopIteration");
                error.Cause = e.Value;
                error.Context = e.Value;
                error.SuppressContext = true;
                throw new PyException(error);
            }
            throw;
        }
        finally
        {
            _handled = ReferenceEquals(ts.HandledException, outer) ? null : ts.HandledException;
            ts.HandledException = outer;
            _running = false;
        }
    }

    private PyBaseException? _handled;

    private void Finish()
    {
        _frame = null;
    }

    /// <summary>The frame the generator is suspended in, if it has not finished.</summary>
    public Frame? Frame => _frame;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        var (finished, value) = Resume(PyNone.Value);
        return finished ? null : value;
    }

    [PyMethod]
    public PyObject Send(PyObject value)
    {
        var (finished, result) = Resume(value);
        if (finished)
        {
            throw StopIteration(result);
        }
        return result;
    }

    [PyMethod]
    public PyObject Throw(PyObject type, PyObject? value = null, PyObject? traceback = null)
    {
        var exc = type switch
        {
            PyBaseException e => e,
            PyType t when t.IsSubtypeOf(PyExc.BaseException) => (PyBaseException)Abstract.Ops.Call(t, value is null or PyNone ? [] : [value], null),
            _ => throw PyErr.TypeError($"exceptions must be classes or instances deriving from BaseException, not {type.Type.Name}"),
        };
        var (finished, result) = Resume(PyNone.Value, exc);
        if (finished)
        {
            throw StopIteration(result);
        }
        return result;
    }

    [PyMethod]
    public PyObject Close()
    {
        if (_frame is null || !_started)
        {
            _frame = null;
            return PyNone.Value;
        }
        try
        {
            var (finished, _) = Resume(PyNone.Value, PyBaseException.Create(PyExc.GeneratorExit, ""));
            if (!finished)
            {
                throw PyErr.RuntimeError("generator ignored GeneratorExit");
            }
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.GeneratorExit) || e.Value.Type.IsSubtypeOf(PyExc.StopIteration))
        {
        }
        return PyNone.Value;
    }

    public static PyException StopIteration(PyObject value) =>
        new(new PyBaseException(PyExc.StopIteration, value is PyNone ? PyTuple.Empty : PyTuple.Create(value)));

    [PySlot("tp_repr")]
    public PyStr Repr() => new($"<generator object {QualName.Value} at 0x{PyHash.Pointer(this) & 0xffffffffffffL:x}>");

    [PyGetter("__name__")]
    public PyStr NameGetter() => Name;

    [PyGetter("__qualname__")]
    public PyStr QualNameGetter() => QualName;
}
