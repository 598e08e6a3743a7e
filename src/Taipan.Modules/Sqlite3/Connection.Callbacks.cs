// Modules/_sqlite/connection.c (user-defined functions, aggregates, collations and hooks)
using System.Runtime.InteropServices;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Sqlite3;

/// <summary>callback_context: what SQLite keeps as a callback's user data (through a GC
/// handle freed by the destroy callback or when the hook is replaced).</summary>
internal sealed class CallbackContext(PyObject callable)
{
    public PyObject Callable { get; } = callable;
}

public sealed unsafe partial class PyConnection
{
    [PyMethod("create_function", Keywords = true, Doc = "Creates a new function.")]
    public void CreateFunction(PyObject name, int narg, PyObject func, [KeywordOnly] bool deterministic = false)
    {
        var n = Util.CStringArg(Util.StrArg("create_function", "name", name));
        Check();
        var flags = SqliteNative.EncodingUtf8 | (deterministic ? SqliteNative.Deterministic : 0);
        var rc = RetryAfterCollect(() =>
        {
            fixed (byte* p = n)
            {
                HasCallbacks = true;
                var ctx = Util.Handle(new CallbackContext(func));
                return SqliteNative.CreateFunctionV2(Db, p, narg, flags, ctx, &FuncCallback, null, null, &DestroyCallback);
            }
        });
        if (rc != SqliteNative.Ok)
        {
            // SQLite called the destroy callback for the context already.
            throw PyErr.New(Sqlite3Module.OperationalError, "Error creating function");
        }
    }

    [PyMethod("create_aggregate", Keywords = true, Doc = "Creates a new aggregate.")]
    public void CreateAggregate(PyObject name, int n_arg, PyObject aggregate_class)
    {
        var n = Util.CStringArg(Util.StrArg("create_aggregate", "name", name));
        Check();
        var rc = RetryAfterCollect(() =>
        {
            fixed (byte* p = n)
            {
                HasCallbacks = true;
                var ctx = Util.Handle(new CallbackContext(aggregate_class));
                return SqliteNative.CreateFunctionV2(Db, p, n_arg, SqliteNative.EncodingUtf8, ctx, null, &StepCallback, &FinalCallback, &DestroyCallback);
            }
        });
        if (rc != SqliteNative.Ok)
        {
            throw PyErr.New(Sqlite3Module.OperationalError, "Error creating aggregate");
        }
    }

    [PyMethod("create_collation", Doc = "Creates a collation function.")]
    public void CreateCollation(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        // Argument Clinic's positional-only parsing with a keyword-capable parser's messages.
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        if (args.Length > 2)
        {
            throw PyErr.TypeError($"create_collation() takes at most 2 arguments ({args.Length} given)");
        }
        if (npos < 2)
        {
            throw PyErr.TypeError($"create_collation() takes exactly 2 positional arguments ({npos} given)");
        }
        var name = args[0] as PyStr ?? throw PyErr.TypeError($"create_collation() argument 1 must be str, not {Util.ArgType(args[0])}");
        var callable = args[1];
        Check();
        var n = Util.CStringArg(name.Value);
        if (callable is not PyNone && callable.Type.Slots.Call is null)
        {
            throw PyErr.TypeError("parameter must be callable");
        }
        var rc = RetryAfterCollect(() =>
        {
            fixed (byte* p = n)
            {
                if (callable is PyNone)
                {
                    return SqliteNative.CreateCollationV2(Db, p, SqliteNative.EncodingUtf8, 0, null, null);
                }
                HasCallbacks = true;
                var ctx = Util.Handle(new CallbackContext(callable));
                return SqliteNative.CreateCollationV2(Db, p, SqliteNative.EncodingUtf8, ctx, &CollationCallback, &DestroyCallback);
            }
        });
        if (rc != SqliteNative.Ok)
        {
            throw Util.Error(Db);
        }
    }

    [PyMethod("set_authorizer", Keywords = true, Doc = "Sets authorizer callback.")]
    public void SetAuthorizer(PyObject authorizer_callback)
    {
        Check();
        int rc;
        var old = _authorizerCtx;
        if (authorizer_callback is PyNone)
        {
            rc = SqliteNative.SetAuthorizer(Db, null, 0);
            _authorizerCtx = 0;
        }
        else
        {
            HasCallbacks = true;
            _authorizerCtx = Util.Handle(new CallbackContext(authorizer_callback));
            rc = SqliteNative.SetAuthorizer(Db, &AuthorizerCallback, _authorizerCtx);
        }
        Util.FreeHandle(old);
        if (rc != SqliteNative.Ok)
        {
            SqliteNative.SetAuthorizer(Db, null, 0);
            Util.FreeHandle(_authorizerCtx);
            _authorizerCtx = 0;
            throw PyErr.New(Sqlite3Module.OperationalError, "Error setting authorizer callback");
        }
    }

    [PyMethod("set_progress_handler", Keywords = true, Doc = "Sets progress handler callback.")]
    public void SetProgressHandler(PyObject progress_handler, int n)
    {
        Check();
        var old = _progressCtx;
        if (progress_handler is PyNone)
        {
            SqliteNative.ProgressHandler(Db, 0, null, 0);
            _progressCtx = 0;
        }
        else
        {
            HasCallbacks = true;
            _progressCtx = Util.Handle(new CallbackContext(progress_handler));
            SqliteNative.ProgressHandler(Db, n, &ProgressCallback, _progressCtx);
        }
        Util.FreeHandle(old);
    }

    private const uint TraceStmt = 1;

    [PyMethod("set_trace_callback", Keywords = true, Doc = "Sets a trace callback called for each SQL statement (passed as unicode).")]
    public void SetTraceCallback(PyObject trace_callback)
    {
        Check();
        var old = _traceCtx;
        if (trace_callback is PyNone)
        {
            SqliteNative.TraceV2(Db, TraceStmt, null, 0);
            _traceCtx = 0;
        }
        else
        {
            HasCallbacks = true;
            _traceCtx = Util.Handle(new CallbackContext(trace_callback));
            SqliteNative.TraceV2(Db, TraceStmt, &TraceCallback, _traceCtx);
        }
        Util.FreeHandle(old);
    }

    /// <summary>The callback's context, or null once it was released (the connection closed
    /// from inside a callback).</summary>
    private static CallbackContext? Context(nint sqliteContext) => Util.Target<CallbackContext>(SqliteNative.UserData(sqliteContext));

    [UnmanagedCallersOnly]
    private static void DestroyCallback(nint ctx) => Util.FreeHandle(ctx);

    [UnmanagedCallersOnly]
    private static void FuncCallback(nint context, int argc, nint* argv)
    {
        using var gil = Util.GilState.Ensure();
        if (Context(context) is not { } ctx)
        {
            SqliteNative.ResultNull(context);
            return;
        }
        try
        {
            var result = Ops.Call(ctx.Callable, Util.Arguments(argc, argv), null);
            Util.SetResult(context, result);
        }
        catch (Exception e)
        {
            Util.SetCallbackError(context, e, "user-defined function raised exception", ctx.Callable);
        }
    }

    [UnmanagedCallersOnly]
    private static void StepCallback(nint context, int argc, nint* argv)
    {
        using var gil = Util.GilState.Ensure();
        if (Context(context) is not { } ctx)
        {
            return;
        }
        var message = "user-defined aggregate's '__init__' method raised error";
        try
        {
            var slot = SqliteNative.AggregateContext(context, sizeof(nint));
            if (slot is null)
            {
                throw PyErr.New(PyExc.MemoryError, "");
            }
            if (*slot == 0)
            {
                *slot = Util.Handle(Ops.Call(ctx.Callable, [], null));
            }
            var instance = Util.Target<PyObject>(*slot) ?? throw PyErr.New(PyExc.MemoryError, "");
            message = "user-defined aggregate's 'step' method not defined";
            var step = Ops.GetAttr(instance, PyStr.Intern("step"));
            message = "user-defined aggregate's 'step' method raised error";
            Ops.Call(step, Util.Arguments(argc, argv), null);
        }
        catch (Exception e)
        {
            Util.SetCallbackError(context, e, message, ctx.Callable);
        }
    }

    [UnmanagedCallersOnly]
    private static void FinalCallback(nint context)
    {
        using var gil = Util.GilState.Ensure();
        var slot = SqliteNative.AggregateContext(context, 0);
        if (slot is null || *slot == 0)
        {
            // No rows (step never ran), or the aggregate's __init__ failed.
            return;
        }
        var instance = Util.Target<PyObject>(*slot);
        Util.FreeHandle(*slot);
        *slot = 0;
        if (Context(context) is not { } ctx || instance is null)
        {
            return;
        }
        try
        {
            var result = Ops.CallMethod(instance, "finalize");
            Util.SetResult(context, result);
        }
        catch (Exception e)
        {
            var notDefined = e is PyException py && py.Value.Type.IsSubtypeOf(PyExc.AttributeError);
            Util.SetCallbackError(context, e, notDefined
                ? "user-defined aggregate's 'finalize' method not defined"
                : "user-defined aggregate's 'finalize' method raised error", ctx.Callable);
        }
    }

    [UnmanagedCallersOnly]
    private static int CollationCallback(nint context, int length1, byte* text1, int length2, byte* text2)
    {
        using var gil = Util.GilState.Ensure();
        try
        {
            if (Util.Target<CallbackContext>(context) is not { } ctx)
            {
                return 0;
            }
            var a = Util.Text(text1, length1);
            var b = Util.Text(text2, length2);
            var result = Ops.Call(ctx.Callable, [a, b], null);
            if (result is not PyInt i)
            {
                // PyLong_AsLongAndOverflow on a non-int goes through __index__; failures sort equal.
                i = result.Type.Slots.Index is not null ? Ops.Index(result) : PyInt.From(0);
            }
            return i.IsSmall ? Math.Sign(i.Small) : i.Value.Sign;
        }
        catch (Exception)
        {
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static int AuthorizerCallback(nint context, int action, byte* arg1, byte* arg2, byte* dbName, byte* source)
    {
        using var gil = Util.GilState.Ensure();
        const int deny = 1;
        if (Util.Target<CallbackContext>(context) is not { } ctx)
        {
            return deny;
        }
        try
        {
            var result = Ops.Call(ctx.Callable, [PyInt.From(action), CStr(arg1), CStr(arg2), CStr(dbName), CStr(source)], null);
            if (result is not PyInt i)
            {
                return deny;
            }
            if (!i.IsSmall || i.Small is < int.MinValue or > int.MaxValue)
            {
                throw PyErr.OverflowError("Python int too large to convert to C int");
            }
            return (int)i.Small;
        }
        catch (Exception e)
        {
            Util.PrintOrClear(e, ctx.Callable);
            return deny;
        }
    }

    private static PyObject CStr(byte* s) => s is null ? PyNone.Value : Util.Text(s, System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpanFromNullTerminated(s).Length);

    [UnmanagedCallersOnly]
    private static int ProgressCallback(nint context)
    {
        using var gil = Util.GilState.Ensure();
        if (Util.Target<CallbackContext>(context) is not { } ctx)
        {
            // The connection was closed: stop the statement.
            return 1;
        }
        try
        {
            return Ops.IsTrue(Ops.Call(ctx.Callable, [], null)) ? 1 : 0;
        }
        catch (Exception e)
        {
            Util.PrintOrClear(e, ctx.Callable);
            return -1;
        }
    }

    [UnmanagedCallersOnly]
    private static int TraceCallback(uint type, nint context, nint stmt, nint sql)
    {
        using var gil = Util.GilState.Ensure();
        if (type != TraceStmt)
        {
            return 0;
        }
        if (Util.Target<CallbackContext>(context) is not { } ctx)
        {
            return 0;
        }
        try
        {
            PyObject text;
            var expanded = SqliteNative.ExpandedSql(stmt);
            if (expanded is null)
            {
                Util.PrintOrClear(PyErr.New(Sqlite3Module.DataError, "Expanded SQL string exceeds the maximum string length"), ctx.Callable);
                text = CStr((byte*)sql);
            }
            else
            {
                try
                {
                    text = CStr(expanded);
                }
                finally
                {
                    SqliteNative.Free(expanded);
                }
            }
            Ops.Call(ctx.Callable, [text], null);
        }
        catch (Exception e)
        {
            Util.PrintOrClear(e, ctx.Callable);
        }
        return 0;
    }
}
