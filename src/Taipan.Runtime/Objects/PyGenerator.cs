// Objects/genobject.c
using Taipan.Bytecode;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary>What generators, coroutines and async generators share: a suspended frame that
/// each resumption runs in a new interpreter loop until it yields (the frame stays suspended)
/// or returns, and the delegation of throw() and close() to the iterator a <c>yield from</c>
/// or <c>await</c> is suspended in.</summary>
public abstract class PyGenBase(Frame frame) : PyObject
{
    private Frame? _frame = frame;
    private bool _started;
    private bool _running;

    /// <summary>The generator's own exception state (gi_exc_state): an except block it is
    /// suspended in is seen only while it runs.</summary>
    private PyBaseException? _handled;

    public PyStr Name { get; } = frame.Function?.Name ?? frame.Code.Name;
    public PyStr QualName { get; } = frame.Function?.QualName ?? frame.Code.QualName;
    public PyCode Code { get; } = frame.Code;

    /// <summary>"generator", "coroutine" or "async generator", as messages name it.</summary>
    protected abstract string Kind { get; }

    /// <summary>The value of the generator's <c>return</c>, once it has finished.</summary>
    public PyObject? ReturnValue { get; private set; }

    /// <summary>The frame the generator is suspended in, if it has not finished.</summary>
    public Frame? Frame => _frame;

    public bool Running => _running;

    public bool Finished => _frame is null;

    /// <summary><c>gen_send_ex2</c>: resumes with <paramref name="value"/> (or raising
    /// <paramref name="exception"/> at the yield); returns (false, yielded) or (true, returned).</summary>
    public (bool Finished, PyObject Value) Resume(PyObject value, PyBaseException? exception = null, bool closing = false)
    {
        if (!_started && exception is null && value is not PyNone)
        {
            throw PyErr.TypeError($"can't send non-None value to a just-started {Kind}");
        }
        if (_running)
        {
            throw PyErr.ValueError($"{Kind} already executing");
        }
        if (_frame is not { } frame)
        {
            if (this is PyCoroutine && !closing)
            {
                throw PyErr.RuntimeError("cannot reuse already awaited coroutine");
            }
            if (exception is not null)
            {
                throw new PyException(exception);
            }
            return (true, PyNone.Value);
        }
        if (exception is null)
        {
            frame.Slots.AsSpan()[frame.StackPointer++] = value;
        }
        _started = true;
        _running = true;
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
            _frame = null;
            ReturnValue = result;
            return (true, result);
        }
        catch (PyException e)
        {
            _frame = null;
            if (Escaping(e.Value) is { } error)
            {
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

    /// <summary>PEP 479: a StopIteration escaping the generator becomes a RuntimeError (and a
    /// StopAsyncIteration escaping an async generator); null for any other exception.</summary>
    private PyBaseException? Escaping(PyBaseException exc)
    {
        var type = exc.Type;
        string? escaped = type.IsSubtypeOf(PyExc.StopIteration) ? "StopIteration"
            : this is PyAsyncGen && type.IsSubtypeOf(PyExc.StopAsyncIteration) ? "StopAsyncIteration"
            : null;
        if (escaped is null)
        {
            return null;
        }
        var error = PyBaseException.Create(PyExc.RuntimeError, $"{Kind} raised {escaped}");
        error.Cause = exc;
        error.Context = exc;
        error.SuppressContext = true;
        return error;
    }

    /// <summary>The handled exception of the frame that resumed this generator inline, restored
    /// when the generator's frame leaves that loop.</summary>
    private PyBaseException? _outerHandled;

    /// <summary>Resumes with None in the caller's interpreter loop (FOR_ITER), as
    /// <see cref="Resume"/> does in a loop of its own; returns the frame to run, or null when
    /// the generator is running or finished.</summary>
    internal Frame? BeginInline(Python.ThreadState ts)
    {
        if (_running || _frame is not { } frame)
        {
            return null;
        }
        frame.Slots.AsSpan()[frame.StackPointer++] = PyNone.Value;
        _started = true;
        _running = true;
        _outerHandled = ts.HandledException;
        ts.HandledException = _handled ?? _outerHandled;
        frame.Suspended = false;
        return frame;
    }

    /// <summary>Ends an inline run: the frame yielded (<paramref name="finished"/> false),
    /// returned <paramref name="returned"/>, or raised.</summary>
    internal void EndInline(Python.ThreadState ts, bool finished, PyObject? returned)
    {
        _handled = ReferenceEquals(ts.HandledException, _outerHandled) ? null : ts.HandledException;
        ts.HandledException = _outerHandled;
        _outerHandled = null;
        _running = false;
        if (finished)
        {
            _frame = null;
            ReturnValue = returned;
        }
    }

    /// <summary>Ends an inline run that <paramref name="exc"/> leaves; returns the exception
    /// that goes on in the caller.</summary>
    internal PyBaseException EndInline(Python.ThreadState ts, PyBaseException exc)
    {
        EndInline(ts, true, null);
        return Escaping(exc) ?? exc;
    }

    /// <summary><c>_PyGen_yf</c>: the iterator a <c>yield from</c> or <c>await</c> is suspended
    /// in (the frame is at a RESUME with oparg 2 or 3, the iterator on top of its stack).</summary>
    public PyObject? YieldFrom()
    {
        if (_frame is not { } frame || !_started)
        {
            return null;
        }
        var instr = frame.Code.Instructions;
        var next = frame.NextInstruction;
        if (next * 2 + 1 >= instr.Length || (Opcode)instr[next * 2] != Opcode.RESUME || instr[next * 2 + 1] < 2)
        {
            return null;
        }
        return frame.Slots[frame.StackPointer - 1];
    }

    /// <summary><c>_gen_throw</c>: raises <paramref name="exc"/> where the generator is
    /// suspended, passing it first to the iterator it delegates to.</summary>
    public (bool Finished, PyObject Value) ThrowInto(PyBaseException exc, bool closeOnGeneratorExit = true)
    {
        if (YieldFrom() is { } yf)
        {
            if (exc.Type.IsSubtypeOf(PyExc.GeneratorExit) && closeOnGeneratorExit)
            {
                _running = true;
                try
                {
                    CloseIter(yf);
                }
                catch (PyException e)
                {
                    _running = false;
                    return Resume(PyNone.Value, e.Value);
                }
                _running = false;
                return Resume(PyNone.Value, exc);
            }
            PyObject result;
            _running = true;
            try
            {
                if (yf is PyGenBase sub)
                {
                    var (finished, value) = sub.ThrowInto(exc, closeOnGeneratorExit);
                    if (finished)
                    {
                        throw StopIteration(value);
                    }
                    result = value;
                }
                else if (Abstract.Ops.TryGetAttr(yf, PyStr.Intern("throw")) is { } meth)
                {
                    result = Abstract.Ops.Call(meth, [exc], null);
                }
                else
                {
                    _running = false;
                    return Resume(PyNone.Value, exc);
                }
            }
            catch (PyException e)
            {
                _running = false;
                // The delegate finished: leave the SEND loop as SEND would.
                var frame = _frame!;
                frame.Slots[--frame.StackPointer] = null;
                var send = frame.NextInstruction - 2;
                var target = send + 1 + frame.Code.Instructions[send * 2 + 1];
                frame.NextInstruction = target;
                frame.LastInstruction = target - 1;
                if (e.Value.Type.IsSubtypeOf(PyExc.StopIteration))
                {
                    return Resume(StopIterationValue(e.Value));
                }
                return Resume(PyNone.Value, e.Value);
            }
            _running = false;
            return (false, result);
        }
        return Resume(PyNone.Value, exc);
    }

    /// <summary><c>gen_close_iter</c>.</summary>
    private static void CloseIter(PyObject yf)
    {
        if (yf is PyGenBase g)
        {
            g.CloseCore();
        }
        else if (Abstract.Ops.TryGetAttr(yf, PyStr.Intern("close")) is { } close)
        {
            Abstract.Ops.Call(close, [], null);
        }
    }

    /// <summary><c>gi_frame</c> / <c>cr_frame</c> / <c>ag_frame</c>: the frame object until the
    /// generator finishes, then None.</summary>
    public PyObject FrameObject()
    {
        if (_frame is null)
        {
            return PyNone.Value;
        }
        var f = PyFrameObject.Of(_frame);
        f.Generator = this;
        return f;
    }

    /// <summary><c>gen_close</c>.</summary>
    public void CloseCore()
    {
        if (_frame is null || !_started)
        {
            _frame = null;
            return;
        }
        var exc = new PyBaseException(PyExc.GeneratorExit, PyTuple.Empty);
        if (YieldFrom() is { } yf)
        {
            _running = true;
            try
            {
                CloseIter(yf);
            }
            catch (PyException e)
            {
                exc = e.Value;
            }
            finally
            {
                _running = false;
            }
        }
        try
        {
            var (finished, value) = Resume(PyNone.Value, exc, closing: true);
            if (!finished || this is PyAsyncGen && value is PyAsyncGenWrappedValue)
            {
                throw PyErr.RuntimeError($"{Kind} ignored GeneratorExit");
            }
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.GeneratorExit) || e.Value.Type.IsSubtypeOf(PyExc.StopIteration))
        {
        }
    }

    /// <summary>The exception <c>throw(type[, value[, tb]])</c> raises (<c>_gen_throw</c>'s
    /// argument checks).</summary>
    public static PyBaseException ThrowArgument(PyObject type, PyObject? value, PyObject? traceback)
    {
        if (traceback is not null and not PyNone and not PyTraceback)
        {
            throw PyErr.TypeError("throw() third argument must be a traceback object");
        }
        PyBaseException exc;
        if (type is PyType t && t.IsSubtypeOf(PyExc.BaseException))
        {
            exc = value is PyBaseException v && v.Type.IsSubtypeOf(t)
                ? v
                : (PyBaseException)Abstract.Ops.Call(t, value is null or PyNone ? [] : value is PyTuple tuple ? tuple.Items : [value], null);
        }
        else if (type is PyBaseException e)
        {
            if (value is not null and not PyNone)
            {
                throw PyErr.TypeError("instance exception may not have a separate value");
            }
            exc = e;
        }
        else
        {
            throw PyErr.TypeError($"exceptions must be classes or instances deriving from BaseException, not {type.Type.Name}");
        }
        if (traceback is PyTraceback tb)
        {
            exc.Traceback = tb;
        }
        return exc;
    }

    public static PyException StopIteration(PyObject value)
    {
        var e = new PyBaseException(PyExc.StopIteration, value is PyNone ? PyTuple.Empty : PyTuple.Create(value));
        e.Members["value"] = value;
        return new PyException(e);
    }

    /// <summary><c>_PyGen_FetchStopIterationValue</c>: the value a StopIteration carries.</summary>
    public static PyObject StopIterationValue(PyBaseException e) => e.Member("value");

    protected PyStr ReprOf(string kind) => new($"<{kind} object {QualName.Value} at 0x{PyHash.Pointer(this) & 0xffffffffffffL:x}>");
}

/// <summary><c>generator</c>.</summary>
[PyType("generator", Flags = TypeFlags.Weakrefable)]
public sealed partial class PyGenerator(Frame frame) : PyGenBase(frame)
{
    protected override string Kind => "generator";

    /// <summary>A generator-based coroutine (<c>types.coroutine</c>, CO_ITERABLE_COROUTINE),
    /// which <c>await</c> accepts.</summary>
    public bool IsIterableCoroutine => (Code.Flags & CodeFlags.IterableCoroutine) != 0;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        // Exhausted: null, as iterators report it; next() raises StopIteration with
        // ReturnValue. The frame runs nested as a call when it can (sum(), list(), join()).
        if (Interpreter.TryNextNested(this, Python.ThreadState.Current, out var next))
        {
            return next;
        }
        var (finished, value) = Resume(PyNone.Value);
        return finished ? null : value;
    }

    [PyMethod]
    public PyObject Send(PyObject value)
    {
        var (finished, result) = Resume(value);
        return finished ? throw StopIteration(result) : result;
    }

    [PyMethod]
    public PyObject Throw(PyObject type, PyObject? value = null, PyObject? traceback = null)
    {
        var (finished, result) = ThrowInto(ThrowArgument(type, value, traceback));
        return finished ? throw StopIteration(result) : result;
    }

    [PyMethod]
    public PyObject Close()
    {
        CloseCore();
        return PyNone.Value;
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => ReprOf("generator");

    [PyGetter("__name__")]
    public PyStr NameGetter() => Name;

    [PyGetter("__qualname__")]
    public PyStr QualNameGetter() => QualName;

    [PyGetter("gi_running")]
    public bool RunningGetter() => Running;

    [PyGetter("gi_yieldfrom")]
    public PyObject YieldFromGetter() => YieldFrom() ?? PyNone.Value;

    [PyGetter("gi_frame")]
    public PyObject FrameGetter() => FrameObject();

    [PyGetter("gi_code")]
    public PyCode CodeGetter() => Code;
}
