// Python/ceval.c (with statements, except*, coroutines and async generators)
using Taipan.Bytecode;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Runtime.Python;

public static partial class Interpreter
{
    private static PyObject? LookupSpecial(PyObject obj, string name) => Ops.LookupSpecial(obj, PyStr.Intern(name));

    /// <summary>BEFORE_WITH and BEFORE_ASYNC_WITH: replaces the manager on top of the stack
    /// by its bound <c>__exit__</c> and pushes what <c>__enter__</c> returns.</summary>
    private static void BeforeWith(Span<PyObject?> s, int sp, bool isAsync)
    {
        var mgr = s[sp - 1]!;
        var (enterName, exitName, protocol) = isAsync
            ? ("__aenter__", "__aexit__", "asynchronous context manager")
            : ("__enter__", "__exit__", "context manager");
        var enter = LookupSpecial(mgr, enterName)
            ?? throw PyErr.TypeError($"'{mgr.Type.Name}' object does not support the {protocol} protocol");
        var exit = LookupSpecial(mgr, exitName)
            ?? throw PyErr.TypeError($"'{mgr.Type.Name}' object does not support the {protocol} protocol (missed {exitName} method)");
        s[sp - 1] = exit;
        s[sp] = Ops.Call(enter, [], null);
    }

    /// <summary>WITH_EXCEPT_START: calls <c>__exit__(type, value, traceback)</c> with the
    /// exception on top of the stack (below it: lasti, the previous exception, exit).</summary>
    private static PyObject WithExceptStart(Span<PyObject?> s, int sp)
    {
        var exit = s[sp - 4]!;
        var value = s[sp - 1]!;
        var tb = value is PyBaseException e ? e.Traceback ?? PyNone.Value : PyNone.Value;
        return Ops.Call(exit, [value.Type, value, tb], null);
    }

    /// <summary>CHECK_EG_MATCH: <c>[exc, type]</c> becomes <c>[exc, None]</c> when nothing
    /// matches, else <c>[rest, match]</c> with the match as the exception being handled.</summary>
    private static void CheckEgMatch(Span<PyObject?> s, int sp, ThreadState ts)
    {
        var type = s[sp - 1]!;
        CheckExceptStarType(type);
        var (match, rest) = PyExceptionGroup.Match(s[sp - 2]!, type);
        s[sp - 1] = match;
        if (match is PyNone)
        {
            return;
        }
        s[sp - 2] = rest;
        ts.HandledException = (PyBaseException)match;
    }

    private static void CheckExceptStarType(PyObject type)
    {
        if (type is PyTuple tuple)
        {
            foreach (var t in tuple.Items)
            {
                CheckExceptStarType(t);
            }
            return;
        }
        if (type is not PyType t2 || !t2.IsSubtypeOf(PyExc.BaseException))
        {
            throw PyErr.TypeError("catching classes that do not inherit from BaseException is not allowed");
        }
        if (t2.IsSubtypeOf(PyExc.BaseExceptionGroup))
        {
            throw PyErr.TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.");
        }
    }

    /// <summary>RETURN_GENERATOR: the object a generator, coroutine or async generator
    /// function returns, owning the function's frame.</summary>
    private static PyObject MakeGenerator(Frame frame)
    {
        var flags = frame.Code.Flags;
        // FRAME_CREATED: not running, so without f_back until it first runs.
        frame.Suspended = true;
        return (flags & CodeFlags.Coroutine) != 0 ? new PyCoroutine(frame)
            : (flags & CodeFlags.AsyncGenerator) != 0 ? new PyAsyncGen(frame)
            : new PyGenerator(frame);
    }

    /// <summary>GET_AWAITABLE: the iterator <c>await</c> drives; <paramref name="where"/> says
    /// whether the object came from <c>__aenter__</c> (1) or <c>__aexit__</c> (2).</summary>
    private static PyObject GetAwaitable(PyObject o, int where)
    {
        PyObject iter;
        try
        {
            iter = PyCoroutine.GetAwaitableIter(o);
        }
        catch (PyException e) when (where is 1 or 2 && e.Value.Type == PyExc.TypeError && o.Type.Lookup(PyStr.Intern("__await__")) is null)
        {
            throw PyErr.TypeError($"'async with' received an object from {(where == 1 ? "__aenter__" : "__aexit__")} that does not implement __await__: {o.Type.Name}");
        }
        if (iter is PyCoroutine coro && coro.YieldFrom() is not null)
        {
            throw PyErr.RuntimeError("coroutine is being awaited already");
        }
        return iter;
    }

    /// <summary>GET_YIELD_FROM_ITER for objects other than generators.</summary>
    private static PyObject GetYieldFromIter(PyObject o, PyCode code)
    {
        if (o is PyCoroutine)
        {
            return PyCoroutine.MayAwait(code.Flags)
                ? o
                : throw PyErr.TypeError("cannot 'yield from' a coroutine object in a non-coroutine generator");
        }
        return Ops.GetIter(o);
    }

    /// <summary>GET_AITER.</summary>
    private static PyObject GetAIter(PyObject o)
    {
        var aiter = LookupSpecial(o, "__aiter__")
            ?? throw PyErr.TypeError($"'async for' requires an object with __aiter__ method, got {o.Type.Name}");
        var iter = Ops.Call(aiter, [], null);
        if (iter.Type.Lookup(PyStr.Intern("__anext__")) is null)
        {
            throw PyErr.TypeError($"'async for' received an object from __aiter__ that does not implement __anext__: {iter.Type.Name}");
        }
        return iter;
    }

    /// <summary>GET_ANEXT: the awaitable of the next item.</summary>
    private static PyObject GetANext(PyObject aiter)
    {
        if (aiter is PyAsyncGen gen)
        {
            return gen.ANext();
        }
        var anext = LookupSpecial(aiter, "__anext__")
            ?? throw PyErr.TypeError($"'async for' requires an iterator with __anext__ method, got {aiter.Type.Name}");
        var next = Ops.Call(anext, [], null);
        try
        {
            return PyCoroutine.GetAwaitableIter(next);
        }
        catch (PyException e) when (e.Value.Type == PyExc.TypeError)
        {
            var error = PyBaseException.Create(PyExc.TypeError, $"'async for' received an invalid object from __anext__: {next.Type.Name}");
            error.Cause = e.Value;
            error.Context = e.Value;
            error.SuppressContext = true;
            throw new PyException(error);
        }
    }
}
