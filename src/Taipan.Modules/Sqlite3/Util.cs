// Modules/_sqlite/util.c
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;
using ThreadState = Taipan.Runtime.Python.ThreadState;

namespace Taipan.Modules.Sqlite3;

/// <summary>Error reporting and the conversions between Python and SQLite values.</summary>
internal static unsafe class Util
{
    /// <summary>get_exception_class: the DB-API exception for a primary result code.</summary>
    private static PyType? ExceptionClass(int code) => code switch
    {
        SqliteNative.Internal or SqliteNative.NotFound => Sqlite3Module.InternalError,
        SqliteNative.NoMem => null,
        SqliteNative.Error or SqliteNative.Perm or SqliteNative.Abort or SqliteNative.Busy or SqliteNative.Locked
            or SqliteNative.ReadOnly or SqliteNative.Interrupt or SqliteNative.IoErr or SqliteNative.Full
            or SqliteNative.CantOpen or SqliteNative.Protocol or SqliteNative.Empty or SqliteNative.Schema
            => Sqlite3Module.OperationalError,
        SqliteNative.Corrupt => Sqlite3Module.DatabaseError,
        SqliteNative.TooBig => Sqlite3Module.DataError,
        SqliteNative.Constraint or SqliteNative.Mismatch => Sqlite3Module.IntegrityError,
        SqliteNative.Misuse or SqliteNative.Range => Sqlite3Module.InterfaceError,
        _ => Sqlite3Module.DatabaseError,
    };

    /// <summary>_pysqlite_seterror: the exception for the last error of <paramref name="db"/>,
    /// carrying <c>sqlite_errorcode</c> and <c>sqlite_errorname</c>.</summary>
    public static PyException Error(nint db)
    {
        var code = SqliteNative.ErrCode(db);
        var cls = ExceptionClass(code);
        if (cls is null)
        {
            return PyErr.New(PyExc.MemoryError, "");
        }
        var extended = SqliteNative.ExtendedErrCode(db);
        return Raise(cls, extended, SqliteNative.Utf8(SqliteNative.ErrMsg(db)));
    }

    public static PyException Raise(PyType cls, int extended, string message)
    {
        var exc = Ops.Call(cls, [new PyStr(message)], null);
        Ops.SetAttr(exc, PyStr.Intern("sqlite_errorcode"), PyInt.From(extended));
        var name = Sqlite3Module.ErrorName(extended);
        Ops.SetAttr(exc, PyStr.Intern("sqlite_errorname"), name is null ? PyNone.Value : new PyStr(name));
        return new PyException((PyBaseException)exc);
    }

    /// <summary>PyUnicode_AsUTF8AndSize: the str's UTF-8 bytes (UnicodeEncodeError for lone
    /// surrogates).</summary>
    public static byte[] Utf8(PyStr s) => Codecs.Encode(s, "utf-8", "strict");

    /// <summary>How Argument Clinic names an argument's type in its errors.</summary>
    public static string ArgType(PyObject o) => o is PyNone ? "None" : PyErr.TpName(o.Type);

    /// <summary>A str argument that may be given by keyword, with Argument Clinic's message.</summary>
    public static string StrArg(string function, string name, PyObject o) =>
        o is PyStr s ? s.Value : throw PyErr.TypeError($"{function}() argument '{name}' must be str, not {Util.ArgType(o)}");

    /// <summary>A str argument of Argument Clinic's <c>str</c> converter, NUL-terminated.</summary>
    public static byte[] CStringArg(string s)
    {
        if (s.Contains('\0'))
        {
            throw PyErr.ValueError("embedded null character");
        }
        var utf8 = Codecs.Encode(new PyStr(s), "utf-8", "strict");
        var b = new byte[utf8.Length + 1];
        utf8.CopyTo(b, 0);
        return b;
    }

    /// <summary>PyUnicode_FromStringAndSize: strict UTF-8 decoding.</summary>
    public static PyStr Text(byte* p, int n) => new(Codecs.Decode(new ReadOnlySpan<byte>(p, n), "utf-8", "strict"));

    public static PyBytes Bytes(byte* p, int n) => p is null || n == 0 ? PyBytes.Empty : new PyBytes(new ReadOnlySpan<byte>(p, n).ToArray());

    /// <summary>_pysqlite_long_as_int64.</summary>
    public static long ToInt64(PyObject o)
    {
        var i = Ops.Index(o);
        if (i.IsSmall)
        {
            return i.Small;
        }
        var v = i.Value;
        if (v < long.MinValue || v > long.MaxValue)
        {
            throw PyErr.OverflowError("Python int too large to convert to SQLite INTEGER");
        }
        return (long)v;
    }

    /// <summary>_pysqlite_build_py_params: the arguments of a user-defined function.</summary>
    public static PyObject[] Arguments(int argc, nint* argv)
    {
        var args = new PyObject[argc];
        for (var i = 0; i < argc; i++)
        {
            var v = argv[i];
            args[i] = SqliteNative.ValueType(v) switch
            {
                SqliteNative.Integer => PyInt.From(SqliteNative.ValueInt64(v)),
                SqliteNative.Float => new PyFloat(SqliteNative.ValueDouble(v)),
                SqliteNative.Text => TextValue(v),
                SqliteNative.Blob => BlobValue(v),
                _ => PyNone.Value,
            };
        }
        return args;
    }

    private static PyStr TextValue(nint v)
    {
        var p = SqliteNative.ValueText(v);
        return p is null ? throw PyErr.New(PyExc.MemoryError, "") : Text(p, SqliteNative.ValueBytes(v));
    }

    private static PyBytes BlobValue(nint v)
    {
        var p = SqliteNative.ValueBlob(v);
        return Bytes(p, SqliteNative.ValueBytes(v));
    }

    /// <summary>_pysqlite_set_result: a Python value as the result of a function.</summary>
    public static void SetResult(nint context, PyObject value)
    {
        switch (value)
        {
            case PyNone:
                SqliteNative.ResultNull(context);
                break;
            case PyInt:
                SqliteNative.ResultInt64(context, ToInt64(value));
                break;
            case PyFloat f:
                SqliteNative.ResultDouble(context, f.Value);
                break;
            case PyStr s:
                var text = Utf8(s);
                fixed (byte* p = text)
                {
                    SqliteNative.ResultText(context, p, text.Length, SqliteNative.Transient);
                }
                break;
            default:
                if (!BufferProtocol.TryRead(value, out var data))
                {
                    throw PyErr.New(Sqlite3Module.ProgrammingError, $"User-defined functions cannot return '{PyErr.TpName(value.Type)}' values to SQLite");
                }
                fixed (byte* p = data)
                {
                    // A non-null pointer even for b'': SQLite reads NULL as SQL NULL.
                    byte dummy = 0;
                    SqliteNative.ResultBlob(context, data.Length == 0 ? &dummy : p, data.Length, SqliteNative.Transient);
                }
                break;
        }
    }

    /// <summary>set_sqlite_error: reports a failed callback to SQLite (and the exception to
    /// stderr when callback tracebacks are on).</summary>
    public static void SetCallbackError(nint context, Exception e, string message, PyObject callable)
    {
        var py = e as PyException;
        if (py is not null && py.Value.Type.IsSubtypeOf(PyExc.MemoryError))
        {
            SqliteNative.ResultErrorNoMem(context);
        }
        else if (py is not null && py.Value.Type.IsSubtypeOf(PyExc.OverflowError))
        {
            SqliteNative.ResultErrorTooBig(context);
        }
        else
        {
            var m = SqliteNative.CString(message);
            fixed (byte* p = m)
            {
                SqliteNative.ResultError(context, p, -1);
            }
        }
        PrintOrClear(e, callable);
    }

    /// <summary>print_or_clear_traceback: PyErr_WriteUnraisable when callback tracebacks are
    /// enabled: <c>sys.unraisablehook</c> if the program set one, else the default report.</summary>
    public static void PrintOrClear(Exception e, PyObject? obj)
    {
        if (!Sqlite3Module.EnableCallbackTracebacks || e is not PyException py)
        {
            return;
        }
        try
        {
            if (SysModule.Get("unraisablehook") is { } hook and not PyNone)
            {
                var ns = PySimpleNamespace.New(PySimpleNamespace.TypeObject, [py.Value.Type, py.Value, py.Value.Traceback ?? PyNone.Value, PyNone.Value, obj ?? PyNone.Value],
                    PyTuple.Create(new PyStr("exc_type"), new PyStr("exc_value"), new PyStr("exc_traceback"), new PyStr("err_msg"), new PyStr("object")));
                Ops.Call(hook, [ns], null);
                return;
            }
            string what;
            try
            {
                what = obj is null ? "None" : Ops.Repr(obj).Value;
            }
            catch (PyException)
            {
                what = "<object repr() failed>";
            }
            SysModule.FlushStdFiles();
            SysModule.Write("stderr", $"Exception ignored in: {what}\n");
            SysModule.Write("stderr", Traceback.Format(py.Value));
            SysModule.FlushStdFiles();
        }
        catch (PyException)
        {
            // Nowhere to report it.
        }
    }

    /// <summary>PyGILState_Ensure for a callback: SQLite runs statements with the interpreter
    /// lock released, so a callback takes it back while it runs Python code.</summary>
    public readonly struct GilState : IDisposable
    {
        private readonly ThreadState? _taken;

        private GilState(ThreadState taken) => _taken = taken;

        public static GilState Ensure()
        {
            var ts = ThreadState.Current;
            if (ts.HoldsGil)
            {
                return default;
            }
            Gil.Take(ts);
            return new GilState(ts);
        }

        public void Dispose()
        {
            if (_taken is not null)
            {
                Gil.Drop(_taken);
            }
        }
    }

    /// <summary>Objects that SQLite keeps as callbacks' user data, by number: a callback that
    /// SQLite calls after its object was released (a hook replaced or the connection closed
    /// from inside a callback) finds nothing rather than a freed handle.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<nint, object> s_handles = new();
    private static long s_nextHandle;

    public static nint Handle(object o)
    {
        var id = (nint)Interlocked.Increment(ref s_nextHandle);
        s_handles[id] = o;
        return id;
    }

    public static T? Target<T>(nint handle) where T : class =>
        handle != 0 && s_handles.TryGetValue(handle, out var o) ? o as T : null;

    public static void FreeHandle(nint handle)
    {
        if (handle != 0)
        {
            s_handles.TryRemove(handle, out _);
        }
    }
}
