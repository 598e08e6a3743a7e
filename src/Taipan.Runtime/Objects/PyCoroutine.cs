// Objects/genobject.c (coroutines)
using Taipan.Bytecode;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Python;

namespace Taipan.Runtime.Objects;

/// <summary><c>coroutine</c>: the object an <c>async def</c> function returns. It is driven
/// by <c>send</c>/<c>throw</c> (an event loop, or <c>await</c> in another coroutine).</summary>
[PyType("coroutine", Flags = TypeFlags.Weakrefable)]
public sealed partial class PyCoroutine(Frame frame) : PyGenBase(frame)
{
    protected override string Kind => "coroutine";

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

    [PyMethod("__await__")]
    public PyObject Await() => new PyCoroutineWrapper(this);

    [PySlot("tp_repr")]
    public PyStr Repr() => ReprOf("coroutine");

    [PyGetter("__name__")]
    public PyStr NameGetter() => Name;

    [PyGetter("__qualname__")]
    public PyStr QualNameGetter() => QualName;

    [PyGetter("cr_running")]
    public bool RunningGetter() => Running;

    [PyGetter("cr_await")]
    public PyObject AwaitGetter() => YieldFrom() ?? PyNone.Value;

    [PyGetter("cr_frame")]
    public PyObject FrameGetter() => FrameObject();

    [PyGetter("cr_code")]
    public PyCode CodeGetter() => Code;

    /// <summary><c>_PyCoro_GetAwaitableIter</c>: the iterator <c>await o</c> drives.</summary>
    public static PyObject GetAwaitableIter(PyObject o)
    {
        if (o is PyCoroutine || o is PyGenerator { IsIterableCoroutine: true })
        {
            return o;
        }
        if (o.Type.Lookup(PyStr.Intern("__await__")) is not { } await)
        {
            throw PyErr.TypeError($"object {o.Type.Name} can't be used in 'await' expression");
        }
        var res = await.Type.Slots.DescrGet is { } get ? Abstract.Ops.Call(get(await, o, o.Type), [], null) : Abstract.Ops.Call(await, [o], null);
        if (res is PyCoroutine || res is PyGenerator { IsIterableCoroutine: true })
        {
            throw PyErr.TypeError("__await__() returned a coroutine");
        }
        if (res.Type.Slots.IterNext is null)
        {
            throw PyErr.TypeError($"__await__() returned non-iterator of type '{res.Type.Name}'");
        }
        return res;
    }

    /// <summary>Whether code with these flags may <c>yield from</c> a coroutine.</summary>
    public static bool MayAwait(CodeFlags flags) => (flags & (CodeFlags.Coroutine | CodeFlags.IterableCoroutine)) != 0;
}

/// <summary><c>coroutine_wrapper</c>: what <c>coroutine.__await__()</c> returns, an iterator
/// over the coroutine.</summary>
[PyType("coroutine_wrapper")]
public sealed partial class PyCoroutineWrapper(PyCoroutine coroutine) : PyObject
{
    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        // The return value travels in StopIteration, which SEND and next() unwrap (the
        // coroutine's own ReturnValue is not visible through the wrapper).
        var (finished, value) = coroutine.Resume(PyNone.Value);
        if (finished)
        {
            return value is PyNone ? null : throw PyGenBase.StopIteration(value);
        }
        return value;
    }

    [PyMethod]
    public PyObject Send(PyObject value) => coroutine.Send(value);

    [PyMethod]
    public PyObject Throw(PyObject type, PyObject? value = null, PyObject? traceback = null) => coroutine.Throw(type, value, traceback);

    [PyMethod]
    public PyObject Close() => coroutine.Close();
}
