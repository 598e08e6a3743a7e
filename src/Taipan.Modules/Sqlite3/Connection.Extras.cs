// Modules/_sqlite/connection.c (backup, serialize, window functions, extensions)
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Sqlite3;

public sealed unsafe partial class PyConnection
{
    [PyMethod("backup", Keywords = true, Doc = "Makes a backup of the database.")]
    public void Backup(PyObject target, [KeywordOnly] int pages = -1, PyObject? progress = null, string name = "main", double sleep = 0.250)
    {
        Check();
        if (target is not PyConnection dest)
        {
            throw PyErr.TypeError($"backup() argument 'target' must be sqlite3.Connection, not {Util.ArgType(target)}");
        }
        dest.CheckConnection();
        if (ReferenceEquals(dest, this))
        {
            throw PyErr.ValueError("target cannot be the same connection instance");
        }
        progress ??= PyNone.Value;
        if (progress is not PyNone && progress.Type.Slots.Call is null)
        {
            throw PyErr.TypeError("progress argument must be a callable");
        }
        if (pages == 0)
        {
            pages = -1;
        }
        var sleepMs = (int)(sleep * 1000.0);
        var source = Util.CStringArg(name);
        var main = SqliteNative.CString("main");
        nint backup;
        fixed (byte* pm = main, ps = source)
        {
            backup = SqliteNative.BackupInit(dest.Db, pm, Db, ps);
        }
        if (backup == 0)
        {
            throw Util.Error(dest.Db);
        }
        int rc;
        do
        {
            using (Gil.Release())
            {
                rc = SqliteNative.BackupStep(backup, pages);
            }
            if (progress is not PyNone)
            {
                var remaining = SqliteNative.BackupRemaining(backup);
                var count = SqliteNative.BackupPageCount(backup);
                try
                {
                    Ops.Call(progress, [PyInt.From(rc), PyInt.From(remaining), PyInt.From(count)], null);
                }
                catch (PyException)
                {
                    SqliteNative.BackupFinish(backup);
                    throw;
                }
            }
            // Busy or locked: wait before trying again.
            if (rc is SqliteNative.Busy or SqliteNative.Locked)
            {
                using (Gil.Release())
                {
                    SqliteNative.Sleep(sleepMs);
                }
            }
        }
        while (rc is SqliteNative.Ok or SqliteNative.Busy or SqliteNative.Locked);
        if (SqliteNative.BackupFinish(backup) != SqliteNative.Ok)
        {
            throw Util.Error(dest.Db);
        }
    }

    [PyMethod("serialize", Keywords = true, Doc = "Serialize a database into a byte string.\n\n  name\n    Which database to serialize.\n\nFor an ordinary on-disk database file, the serialization is just a copy of the\ndisk file. For an in-memory database or a \"temp\" database, the serialization is\nthe same sequence of bytes which would be written to disk if that database\nwere backed up to disk.")]
    public PyObject Serialize([KeywordOnly] string name = "main")
    {
        var schema = Util.CStringArg(name);
        Check();
        long size;
        var flags = SqliteNative.SerializeNoCopy;
        byte* data;
        fixed (byte* p = schema)
        {
            // Without a copy when the database is contiguous in memory.
            data = SqliteNative.Serialize(Db, p, &size, flags);
            if (data is null)
            {
                flags = 0;
                data = SqliteNative.Serialize(Db, p, &size, flags);
            }
        }
        if (data is null)
        {
            throw PyErr.New(Sqlite3Module.OperationalError, $"unable to serialize '{name}'");
        }
        var result = new PyBytes(new ReadOnlySpan<byte>(data, checked((int)size)).ToArray());
        if (flags == 0)
        {
            SqliteNative.Free(data);
        }
        return result;
    }

    [PyMethod("deserialize", Keywords = true, Doc = "Load a serialized database.\n\n  data\n    The serialized database content.\n  name\n    Which database to reopen with the deserialization.\n\nThe deserialize interface causes the database connection to disconnect from the\ntarget database, and then reopen it as an in-memory database based on the given\nserialized data.\n\nThe deserialize interface will fail with SQLITE_BUSY if the database is\ncurrently in a read transaction or is involved in a backup operation.")]
    public void Deserialize(PyObject data, [KeywordOnly] string name = "main")
    {
        var bytes = data is PyStr s ? Util.Utf8(s) : BufferProtocol.Read(data).ToArray();
        var schema = Util.CStringArg(name);
        Check();
        // SQLite owns (and frees) the copy, and may grow it.
        var buffer = SqliteNative.Malloc64((ulong)bytes.Length);
        if (buffer is null)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
        bytes.CopyTo(new Span<byte>(buffer, bytes.Length));
        int rc;
        fixed (byte* p = schema)
        {
            rc = SqliteNative.Deserialize(Db, p, buffer, bytes.Length, bytes.Length,
                SqliteNative.DeserializeFreeOnClose | SqliteNative.DeserializeResizeable);
        }
        if (rc != SqliteNative.Ok)
        {
            throw Util.Error(Db);
        }
    }

    [PyMethod("create_window_function", Doc = "Creates or redefines an aggregate window function. Non-standard.\n\n  name\n    The name of the SQL aggregate window function to be created or\n    redefined.\n  num_params\n    The number of arguments the step and inverse methods takes.\n  aggregate_class\n    A class with step(), finalize(), value(), and inverse() methods.\n    Set to None to clear the window function.")]
    public void CreateWindowFunction(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var nkw = kwnames?.Count ?? 0;
        var npos = args.Length - nkw;
        if (args.Length > 3)
        {
            throw PyErr.TypeError($"create_window_function() takes at most 3 arguments ({args.Length} given)");
        }
        if (npos < 3)
        {
            throw PyErr.TypeError($"create_window_function() takes exactly 3 positional arguments ({npos} given)");
        }
        var name = args[0] as PyStr ?? throw PyErr.TypeError($"create_window_function() argument 1 must be str, not {Util.ArgType(args[0])}");
        var n = Util.CStringArg(name.Value);
        var narg = Taipan.Runtime.Python.ArgParse.ToInt(args[1]);
        var aggregateClass = args[2];
        Check();
        var rc = RetryAfterCollect(() =>
        {
            fixed (byte* p = n)
            {
                if (aggregateClass is PyNone)
                {
                    return SqliteNative.CreateWindowFunction(Db, p, narg, SqliteNative.EncodingUtf8, 0, null, null, null, null, null);
                }
                HasCallbacks = true;
                var ctx = Util.Handle(new CallbackContext(aggregateClass));
                return SqliteNative.CreateWindowFunction(Db, p, narg, SqliteNative.EncodingUtf8, ctx,
                    &StepCallback, &FinalCallback, &ValueCallback, &InverseCallback, &DestroyCallback);
            }
        });
        if (rc != SqliteNative.Ok)
        {
            // The error is not set on the connection, so only the code's text is known.
            throw PyErr.New(Sqlite3Module.ProgrammingError, SqliteNative.Utf8(SqliteNative.ErrStr(rc)));
        }
    }

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static void ValueCallback(nint context)
    {
        using var gil = Util.GilState.Ensure();
        var slot = SqliteNative.AggregateContext(context, sizeof(nint));
        if (Context(context) is not { } ctx || slot is null || *slot == 0 || Util.Target<PyObject>(*slot) is not { } instance)
        {
            SqliteNative.ResultNull(context);
            return;
        }
        PyObject result;
        try
        {
            result = Ops.CallMethod(instance, "value");
        }
        catch (Exception e)
        {
            var notDefined = e is PyException py && py.Value.Type.IsSubtypeOf(PyExc.AttributeError);
            Util.SetCallbackError(context, e, notDefined
                ? "user-defined aggregate's 'value' method not defined"
                : "user-defined aggregate's 'value' method raised error", ctx.Callable);
            return;
        }
        try
        {
            Util.SetResult(context, result);
        }
        catch (Exception e)
        {
            Util.SetCallbackError(context, e, "unable to set result from user-defined aggregate's 'value' method", ctx.Callable);
        }
    }

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static void InverseCallback(nint context, int argc, nint* argv)
    {
        using var gil = Util.GilState.Ensure();
        var slot = SqliteNative.AggregateContext(context, sizeof(nint));
        if (Context(context) is not { } ctx || slot is null || *slot == 0 || Util.Target<PyObject>(*slot) is not { } instance)
        {
            return;
        }
        var message = "user-defined aggregate's 'inverse' method not defined";
        try
        {
            var inverse = Ops.GetAttr(instance, PyStr.Intern("inverse"));
            message = "unable to build arguments for user-defined aggregate's 'inverse' method";
            var args = Util.Arguments(argc, argv);
            message = "user-defined aggregate's 'inverse' method raised error";
            Ops.Call(inverse, args, null);
        }
        catch (Exception e)
        {
            Util.SetCallbackError(context, e, message, ctx.Callable);
        }
    }

    [PyMethod("enable_load_extension", Doc = "Enable dynamic loading of SQLite extension modules.")]
    public void EnableLoadExtension(bool enable)
    {
        Check();
        if (SqliteNative.EnableLoadExtension(Db, enable ? 1 : 0) != SqliteNative.Ok)
        {
            throw PyErr.New(Sqlite3Module.OperationalError, "Error enabling load extension");
        }
    }

    [PyMethod("load_extension", Doc = "Load SQLite extension module.")]
    public void LoadExtension(PyObject name)
    {
        var file = Util.CStringArg(name as PyStr is { } s ? s.Value : throw PyErr.TypeError($"load_extension() argument must be str, not {Util.ArgType(name)}"));
        Check();
        byte* error = null;
        int rc;
        fixed (byte* p = file)
        {
            rc = SqliteNative.LoadExtension(Db, p, null, &error);
        }
        if (rc != SqliteNative.Ok)
        {
            var message = SqliteNative.Utf8(error);
            SqliteNative.Free(error);
            throw PyErr.New(Sqlite3Module.OperationalError, message);
        }
    }
}
