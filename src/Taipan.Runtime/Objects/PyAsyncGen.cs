// Objects/genobject.c (async generators)
using Taipan.Runtime.Errors;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary><c>async_generator</c>: the object an <c>async def</c> function containing
/// <c>yield</c> returns. Its frame yields two kinds of values: those of its own <c>yield</c>
/// (wrapped by ASYNC_GEN_WRAP), which end the awaitable <c>asend()</c> returned with
/// StopIteration(value), and those of the awaits inside it, which pass out to the event loop.</summary>
[PyType("async_generator", Generic = true, Flags = TypeFlags.Weakrefable)]
public sealed partial class PyAsyncGen(Frame frame) : PyGenBase(frame)
{
    protected override string Kind => "async generator";

    /// <summary>An asend/athrow awaitable is running the generator (ag_running_async).</summary>
    internal bool RunningAsync { get; set; }

    /// <summary>aclose() has run or the generator stopped (ag_closed).</summary>
    internal bool Closed { get; set; }

    /// <summary><c>async_gen_unwrap_value</c>, for a resumption that returned.</summary>
    internal PyObject Unwrap((bool Finished, PyObject Value) r)
    {
        if (r.Finished)
        {
            Closed = true;
            RunningAsync = false;
            throw new PyException(new PyBaseException(PyExc.StopAsyncIteration, PyTuple.Empty));
        }
        if (r.Value is PyAsyncGenWrappedValue w)
        {
            RunningAsync = false;
            throw StopIteration(w.Value);
        }
        return r.Value;
    }

    /// <summary><c>async_gen_unwrap_value</c>, for a resumption that raised.</summary>
    internal void Failed(PyException e)
    {
        if (e.Value.Type.IsSubtypeOf(PyExc.StopAsyncIteration) || e.Value.Type.IsSubtypeOf(PyExc.GeneratorExit))
        {
            Closed = true;
        }
        RunningAsync = false;
    }

    private bool _hooksInited;

    /// <summary><c>async_gen_init_hooks</c>: the first use calls the thread's
    /// sys.set_asyncgen_hooks firstiter with the generator.</summary>
    private void InitHooks()
    {
        if (_hooksInited)
        {
            return;
        }
        _hooksInited = true;
        if (SysModule.AsyncGenFirstIter is { } firstiter)
        {
            Abstract.Ops.Call(firstiter, [this], null);
        }
    }

    [PyMethod("__aiter__")]
    public PyObject AIter() => this;

    [PyMethod("__anext__")]
    public PyObject ANext()
    {
        InitHooks();
        return new PyAsyncGenASend(this, PyNone.Value);
    }

    [PyMethod]
    public PyObject Asend(PyObject value)
    {
        InitHooks();
        return new PyAsyncGenASend(this, value);
    }

    [PyMethod]
    public PyObject Athrow(PyObject type, PyObject? value = null, PyObject? traceback = null)
    {
        InitHooks();
        return new PyAsyncGenAThrow(this, ThrowArgument(type, value, traceback));
    }

    [PyMethod]
    public PyObject Aclose()
    {
        InitHooks();
        return new PyAsyncGenAThrow(this, null);
    }

    [PySlot("tp_repr")]
    public PyStr Repr() => ReprOf("async_generator");

    [PyGetter("__name__")]
    public PyStr NameGetter() => Name;

    [PyGetter("__qualname__")]
    public PyStr QualNameGetter() => QualName;

    [PyGetter("ag_running")]
    public bool RunningGetter() => RunningAsync;

    [PyGetter("ag_await")]
    public PyObject AwaitGetter() => YieldFrom() ?? PyNone.Value;

    [PyGetter("ag_frame")]
    public PyObject FrameGetter() => FrameObject();

    [PyGetter("ag_code")]
    public PyCode CodeGetter() => Code;
}

/// <summary>A value of the async generator's own <c>yield</c> (ASYNC_GEN_WRAP).</summary>
[PyType("async_generator_wrapped_value")]
public sealed partial class PyAsyncGenWrappedValue(PyObject value) : PyObject
{
    public PyObject Value { get; } = value;
}

/// <summary><c>async_generator_asend</c>: the awaitable of <c>asend()</c> and <c>__anext__()</c>.</summary>
[PyType("async_generator_asend")]
public sealed partial class PyAsyncGenASend(PyAsyncGen gen, PyObject sendValue) : PyObject
{
    private enum State { Init, Iter, Closed }

    private State _state;

    [PyMethod("__await__")]
    public PyObject Await() => this;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next() => Send(PyNone.Value);

    [PyMethod]
    public PyObject Send(PyObject value)
    {
        if (_state == State.Closed)
        {
            throw PyErr.RuntimeError("cannot reuse already awaited __anext__()/asend()");
        }
        if (_state == State.Init)
        {
            if (gen.RunningAsync)
            {
                _state = State.Closed;
                throw PyErr.RuntimeError("anext(): asynchronous generator is already running");
            }
            if (value is PyNone)
            {
                value = sendValue;
            }
            _state = State.Iter;
        }
        gen.RunningAsync = true;
        try
        {
            return gen.Unwrap(gen.Resume(value));
        }
        catch (PyException e)
        {
            gen.Failed(e);
            _state = State.Closed;
            throw;
        }
    }

    [PyMethod]
    public PyObject Throw(PyObject type, PyObject? value = null, PyObject? traceback = null)
    {
        if (_state == State.Closed)
        {
            throw PyErr.RuntimeError("cannot reuse already awaited __anext__()/asend()");
        }
        try
        {
            return gen.Unwrap(gen.ThrowInto(PyGenBase.ThrowArgument(type, value, traceback)));
        }
        catch (PyException e)
        {
            gen.Failed(e);
            _state = State.Closed;
            throw;
        }
    }

    [PyMethod]
    public PyObject Close()
    {
        _state = State.Closed;
        return PyNone.Value;
    }
}

/// <summary><c>async_generator_athrow</c>: the awaitable of <c>athrow()</c>, and of
/// <c>aclose()</c> when it has no exception (GeneratorExit is thrown in).</summary>
[PyType("async_generator_athrow")]
public sealed partial class PyAsyncGenAThrow(PyAsyncGen gen, PyBaseException? exception) : PyObject
{
    private enum State { Init, Iter, Closed }

    private State _state;

    private bool IsClose => exception is null;

    [PyMethod("__await__")]
    public PyObject Await() => this;

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next() => Send(PyNone.Value);

    [PyMethod]
    public PyObject Send(PyObject value)
    {
        if (_state == State.Closed)
        {
            throw PyErr.RuntimeError("cannot reuse already awaited aclose()/athrow()");
        }
        if (gen.Finished)
        {
            _state = State.Closed;
            throw StopIterationNone();
        }
        try
        {
            if (_state == State.Init)
            {
                if (gen.RunningAsync)
                {
                    _state = State.Closed;
                    throw PyErr.RuntimeError(IsClose ? "aclose(): asynchronous generator is already running" : "athrow(): asynchronous generator is already running");
                }
                if (gen.Closed)
                {
                    _state = State.Closed;
                    throw new PyException(Empty(PyExc.StopAsyncIteration));
                }
                if (value is not PyNone)
                {
                    throw PyErr.RuntimeError("can't send non-None value to a just-started coroutine");
                }
                _state = State.Iter;
                gen.RunningAsync = true;
                if (IsClose)
                {
                    gen.Closed = true;
                    var r = gen.ThrowInto(Empty(PyExc.GeneratorExit), closeOnGeneratorExit: false);
                    return CloseResult(r);
                }
                return gen.Unwrap(gen.ThrowInto(exception!, closeOnGeneratorExit: false));
            }
            var result = gen.Resume(value);
            return IsClose ? CloseResult(result) : gen.Unwrap(result);
        }
        catch (PyException e) when (_state != State.Closed)
        {
            throw CheckError(e);
        }
    }

    [PyMethod]
    public PyObject Throw(PyObject type, PyObject? value = null, PyObject? traceback = null)
    {
        if (_state == State.Closed)
        {
            throw PyErr.RuntimeError("cannot reuse already awaited aclose()/athrow()");
        }
        try
        {
            var r = gen.ThrowInto(PyGenBase.ThrowArgument(type, value, traceback));
            return IsClose ? CloseResult(r) : gen.Unwrap(r);
        }
        catch (PyException e) when (_state != State.Closed)
        {
            if (!IsClose)
            {
                gen.Failed(e);
                throw;
            }
            throw CheckError(e);
        }
    }

    [PyMethod]
    public PyObject Close()
    {
        _state = State.Closed;
        return PyNone.Value;
    }

    /// <summary>In aclose() mode a value the generator yields itself means it ignored
    /// GeneratorExit; a value from an await inside it passes out.</summary>
    private PyObject CloseResult((bool Finished, PyObject Value) r)
    {
        if (r.Finished)
        {
            throw new PyException(Empty(PyExc.StopAsyncIteration));
        }
        if (r.Value is PyAsyncGenWrappedValue)
        {
            gen.RunningAsync = false;
            _state = State.Closed;
            throw PyErr.RuntimeError("async generator ignored GeneratorExit");
        }
        return r.Value;
    }

    /// <summary>The <c>check_error</c> path: aclose() completes with StopIteration when the
    /// generator stopped or let GeneratorExit through.</summary>
    private PyException CheckError(PyException e)
    {
        gen.RunningAsync = false;
        _state = State.Closed;
        if (IsClose && (e.Value.Type.IsSubtypeOf(PyExc.StopAsyncIteration) || e.Value.Type.IsSubtypeOf(PyExc.GeneratorExit)))
        {
            return StopIterationNone();
        }
        if (e.Value.Type.IsSubtypeOf(PyExc.StopAsyncIteration) || e.Value.Type.IsSubtypeOf(PyExc.GeneratorExit))
        {
            gen.Closed = true;
        }
        return e;
    }

    private static PyException StopIterationNone() => PyGenBase.StopIteration(PyNone.Value);

    private static PyBaseException Empty(PyType type) => new(type, PyTuple.Empty);
}
