// Modules/_sqlite/connection.c
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Sqlite3;

/// <summary><c>sqlite3.Connection</c>: an open database. <c>Db</c> is 0 before
/// <c>__init__</c> and after <c>close()</c>.</summary>
[PyType("sqlite3.Connection", Module = "sqlite3", FromSpec = true, Subclassable = true, InstanceType = true, Doc = "SQLite database connection object.")]
public sealed unsafe partial class PyConnection : PySubclassableObject
{
    internal nint Db;
    private bool _initialized;
    internal int DetectTypes;

    /// <summary>The BEGIN flavour ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"); null is
    /// autocommit (isolation_level None).</summary>
    private string? _isolationLevel;
    internal PyObject RowFactory = PyNone.Value;
    internal PyObject TextFactory = PyStr.TypeObject;
    private bool _checkSameThread;
    private ulong _threadIdent;
    private readonly List<WeakReference<PyBlob>> _blobs = [];
    private nint _authorizerCtx;
    private nint _progressCtx;
    private nint _traceCtx;

    /// <summary>The statement cache: the most recently used SQL last.</summary>
    private readonly Dictionary<string, LinkedListNode<Statement>> _cache = new(StringComparer.Ordinal);
    private readonly LinkedList<Statement> _cacheOrder = new();
    private int _cacheSize = 128;

    /// <summary>Python callbacks are registered (they run inside SQLite calls).</summary>
    internal bool HasCallbacks;

    private PyConnection(PyType type) : base(type)
    {
    }

    /// <summary>A connection dropped without close() is closed, as CPython's dealloc does.</summary>
    ~PyConnection()
    {
        if (Db != 0)
        {
            SqliteNative.CloseV2(Db);
        }
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyConnection(type);

    private static readonly string[] s_initNames =
        ["database", "timeout", "detect_types", "isolation_level", "check_same_thread", "factory", "cached_statements", "uri"];

    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var b = new PyObject?[s_initNames.Length];
        ArgParse.UnpackKeywords("Connection", args, kwnames, s_initNames, 1, s_initNames.Length, 1, b);
        var timeout = b[1] is { } t ? ArgParse.ToDouble(t) : 5.0;
        var detectTypes = b[2] is { } d ? ArgParse.ToInt(d) : 0;
        var isolation = b[3] is { } i ? IsolationLevelArg(i) : "";
        var checkSameThread = b[4] is not { } c || ArgParse.ToInt(c) != 0;
        var cacheSize = b[6] is { } cs ? ArgParse.ToInt(cs) : 128;
        var uri = b[7] is { } u && ArgParse.ToInt(u) != 0;
        var connection = (PyConnection)self;
        connection.Initialize(b[0]!, timeout, detectTypes, isolation, checkSameThread, uri);
        connection._cacheSize = cacheSize;
    }

    private void Initialize(PyObject database, double timeout, int detectTypes, string? isolation, bool checkSameThread, bool uri)
    {
        var path = PosixModule.FsConvert(database);
        if (_initialized)
        {
            CloseDatabase();
            _initialized = false;
        }
        nint db;
        int rc;
        fixed (byte* p = path)
        {
            using (Gil.Release())
            {
                rc = SqliteNative.OpenV2(p, &db, SqliteNative.OpenReadWrite | SqliteNative.OpenCreate | (uri ? SqliteNative.OpenUri : 0), null);
            }
        }
        if (db == 0 && rc == SqliteNative.NoMem)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
        if (rc != SqliteNative.Ok)
        {
            var error = Util.Error(db);
            SqliteNative.CloseV2(db);
            throw error;
        }
        SqliteNative.BusyTimeout(db, (int)(timeout * 1000));
        Db = db;
        DetectTypes = detectTypes;
        _isolationLevel = isolation;
        _checkSameThread = checkSameThread;
        _threadIdent = Taipan.Runtime.Python.ThreadState.Current.Ident;
        RowFactory = PyNone.Value;
        TextFactory = PyStr.TypeObject;
        _initialized = true;
    }

    /// <summary>isolation_level_converter.</summary>
    private static string? IsolationLevelArg(PyObject o)
    {
        if (o is PyNone)
        {
            return null;
        }
        if (o is not PyStr s)
        {
            throw PyErr.TypeError("isolation_level must be str or None");
        }
        foreach (var level in (string[])["", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"])
        {
            if (string.Equals(s.Value, level, StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }
        throw PyErr.ValueError("isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'");
    }

    /// <summary>pysqlite_check_thread.</summary>
    internal void CheckThread()
    {
        if (_checkSameThread)
        {
            var current = Taipan.Runtime.Python.ThreadState.Current.Ident;
            if (current != _threadIdent)
            {
                throw PyErr.New(Sqlite3Module.ProgrammingError,
                    $"SQLite objects created in a thread can only be used in that same thread. The object was created in thread id {_threadIdent} and this is thread id {current}.");
            }
        }
    }

    /// <summary>pysqlite_check_connection.</summary>
    internal void CheckConnection()
    {
        if (!_initialized)
        {
            throw PyErr.New(Sqlite3Module.ProgrammingError, "Base Connection.__init__ not called.");
        }
        if (Db == 0)
        {
            throw PyErr.New(Sqlite3Module.ProgrammingError, "Cannot operate on a closed database.");
        }
    }

    internal void Check()
    {
        CheckThread();
        CheckConnection();
    }

    /// <summary>CPython resets a statement as soon as its last cursor is dropped; here an
    /// abandoned cursor keeps its statement active until the collector finalizes it. An
    /// operation that SQLite refuses because statements are active (SQLITE_BUSY or
    /// SQLITE_LOCKED) is retried once after a collection.</summary>
    internal int RetryAfterCollect(Func<int> operation)
    {
        var rc = operation();
        if ((rc & 0xff) is SqliteNative.Busy or SqliteNative.Locked)
        {
            CollectAbandoned();
            rc = operation();
        }
        return rc;
    }

    /// <summary>Finalizes the statements of cursors that are no longer reachable, and resets
    /// the cached ones they left active.</summary>
    internal void CollectAbandoned()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        foreach (var st in _cacheOrder)
        {
            if (st.Abandoned)
            {
                st.Reset();
            }
        }
    }

    /// <summary>Py_BEGIN_ALLOW_THREADS around a call that may block in SQLite. Kept when
    /// other threads may use this connection and Python callbacks are registered: a callback
    /// waits for the GIL inside SQLite's connection mutex, and a thread holding the GIL may
    /// wait for that mutex.</summary>
    internal Gil.Released AllowThreads() => _checkSameThread || !HasCallbacks ? Gil.Release() : default;

    internal bool Autocommit => SqliteNative.GetAutocommit(Db) != 0;

    /// <summary>The prepared statement for <paramref name="sql"/>: from the cache unless another
    /// cursor is stepping through it.</summary>
    internal Statement GetStatement(PyStr sql)
    {
        if (_cache.TryGetValue(sql.Value, out var node))
        {
            var cached = node.Value;
            if (cached.Abandoned)
            {
                cached.Reset();
            }
            if (!cached.InUse)
            {
                _cacheOrder.Remove(node);
                _cacheOrder.AddLast(node);
                return cached;
            }
            return Statement.Create(this, sql);
        }
        var st = Statement.Create(this, sql);
        if (_cacheSize > 0)
        {
            st.Cached = true;
            _cache[sql.Value] = _cacheOrder.AddLast(st);
            if (_cache.Count > _cacheSize)
            {
                var oldest = _cacheOrder.First!;
                _cacheOrder.RemoveFirst();
                foreach (var (key, value) in _cache)
                {
                    if (value == oldest)
                    {
                        _cache.Remove(key);
                        break;
                    }
                }
                Evict(oldest.Value);
            }
        }
        return st;
    }

    private static void Evict(Statement st)
    {
        st.Cached = false;
        if (!st.InUse || st.Abandoned)
        {
            st.Reset();
            st.Handle?.Dispose();
        }
    }

    private void ClearCache()
    {
        foreach (var st in _cacheOrder)
        {
            Evict(st);
        }
        _cache.Clear();
        _cacheOrder.Clear();
    }

    private void CloseDatabase()
    {
        ClearCache();
        foreach (var weak in _blobs)
        {
            if (weak.TryGetTarget(out var blob))
            {
                blob.CloseBlob();
            }
        }
        _blobs.Clear();
        if (Db != 0)
        {
            SqliteNative.CloseV2(Db);
            Db = 0;
        }
        Util.FreeHandle(_authorizerCtx);
        Util.FreeHandle(_progressCtx);
        Util.FreeHandle(_traceCtx);
        _authorizerCtx = _progressCtx = _traceCtx = 0;
    }

    /// <summary>Runs one statement that returns no rows (BEGIN, COMMIT, ROLLBACK).</summary>
    private void RunSimple(string sql)
    {
        var text = SqliteNative.CString(sql);
        var rc = RunOnce(text);
        if (rc == SqliteNative.Busy && SqliteNative.Utf8(SqliteNative.ErrMsg(Db)).Contains("statements in progress", StringComparison.Ordinal))
        {
            // A write statement of an abandoned cursor (see RetryAfterCollect).
            CollectAbandoned();
            rc = RunOnce(text);
        }
        if (rc != SqliteNative.Ok)
        {
            throw Util.Error(Db);
        }
    }

    private int RunOnce(byte[] text)
    {
        nint stmt;
        int rc;
        using (AllowThreads())
        {
            fixed (byte* p = text)
            {
                rc = SqliteNative.PrepareV2(Db, p, text.Length, &stmt, null);
            }
            if (rc == SqliteNative.Ok)
            {
                SqliteNative.Step(stmt);
                rc = SqliteNative.Finalize(stmt);
            }
        }
        return rc;
    }

    /// <summary>_pysqlite_connection_begin: the implicit BEGIN before a DML statement.</summary>
    internal void BeginIfNeeded()
    {
        if (_isolationLevel is not null && Autocommit)
        {
            RunSimple("BEGIN " + _isolationLevel);
        }
    }

    [PyMethod("cursor", Keywords = true, Doc = "Return a cursor for the connection.")]
    public PyObject Cursor(PyObject? factory = null)
    {
        Check();
        var cursor = Ops.Call(factory ?? PyCursor.TypeObject, [this], null);
        if (cursor is not PyCursor c)
        {
            throw PyErr.TypeError($"factory must return a cursor, not {Util.ArgType(cursor)}");
        }
        if (RowFactory is not PyNone)
        {
            c.RowFactory = RowFactory;
        }
        return cursor;
    }

    [PyMethod("close", Doc = "Close the database connection.\n\nAny pending transaction is not committed implicitly.")]
    public void Close()
    {
        CheckThread();
        if (!_initialized)
        {
            throw PyErr.New(Sqlite3Module.ProgrammingError, "Base Connection.__init__ not called.");
        }
        CloseDatabase();
    }

    [PyMethod("commit", Doc = "Commit any pending transaction to the database.\n\nIf there is no open transaction, this method is a no-op.")]
    public void Commit()
    {
        Check();
        if (!Autocommit)
        {
            RunSimple("COMMIT");
        }
    }

    [PyMethod("rollback", Doc = "Roll back to the start of any pending transaction.\n\nIf there is no open transaction, this method is a no-op.")]
    public void Rollback()
    {
        Check();
        if (!Autocommit)
        {
            RunSimple("ROLLBACK");
        }
    }

    [PySlot("tp_call")]
    public PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var connection = this;
        connection.Check();
        ArgParse.NoKeywords("sqlite3.Connection", kwnames);
        if (args.Length != 1)
        {
            throw PyErr.TypeError($"function takes exactly 1 argument ({args.Length} given)");
        }
        var sql = args[0] as PyStr ?? throw PyErr.TypeError($"argument 1 must be str, not {Util.ArgType(args[0])}");
        return new PyStatement(Statement.Create(connection, sql));
    }

    private PyCursor NewCursor() => (PyCursor)Cursor();

    [PyMethod("execute", Doc = "Executes an SQL statement.")]
    public PyObject Execute(PyStr sql, PyObject? parameters = null)
    {
        var cursor = NewCursor();
        return cursor.Execute(sql, parameters);
    }

    [PyMethod("executemany", Doc = "Repeatedly executes an SQL statement.")]
    public PyObject ExecuteMany(PyStr sql, PyObject parameters)
    {
        var cursor = NewCursor();
        return cursor.ExecuteMany(sql, parameters);
    }

    [PyMethod("executescript", Doc = "Executes multiple SQL statements at once.")]
    public PyObject ExecuteScript(PyObject sql_script)
    {
        var cursor = NewCursor();
        return cursor.ExecuteScript(sql_script);
    }

    [PyMethod("interrupt", Doc = "Abort any pending database operation.")]
    public void Interrupt()
    {
        CheckConnection();
        SqliteNative.InterruptDb(Db);
    }

    [PyMethod("getlimit", Doc = "Get connection run-time limits.\n\n  category\n    The limit category to be queried.")]
    public long GetLimit(int category) => SetLimit(category, -1);

    [PyMethod("setlimit", Doc = "Set connection run-time limits.\n\n  category\n    The limit category to be set.\n  limit\n    The new limit. If the new limit is a negative number, the limit is\n    unchanged.\n\nAttempts to increase a limit above its hard upper bound are silently truncated\nto the hard upper bound. Regardless of whether or not the limit was changed,\nthe prior value of the limit is returned.")]
    public long SetLimit(int category, int limit)
    {
        Check();
        var old = SqliteNative.Limit(Db, category, limit);
        return old < 0 ? throw PyErr.New(Sqlite3Module.ProgrammingError, "'category' is out of bounds") : old;
    }

    [PyMethod("iterdump", Doc = "Returns iterator to the dump of the database in an SQL text format.")]
    public PyObject IterDump()
    {
        CheckConnection();
        var module = Import.ImportModuleLevel(new PyStr("sqlite3.dump"), null, PyTuple.Create(new PyStr("_iterdump")), 0);
        var iterdump = Ops.GetAttr(module, new PyStr("_iterdump"));
        return Ops.Call(iterdump, [this], null);
    }

    [PyMethod("__enter__", Doc = "Called when the connection is used as a context manager.\n\nReturns itself as a convenience to the caller.")]
    public PyObject Enter()
    {
        CheckConnection();
        return this;
    }

    [PyMethod("__exit__", Doc = "Called when the connection is used as a context manager.\n\nIf there was any exception, a rollback takes place; otherwise we commit.")]
    public bool Exit(PyObject type, PyObject value, PyObject traceback)
    {
        if (type is PyNone && value is PyNone && traceback is PyNone)
        {
            try
            {
                Commit();
            }
            catch (PyException commitError)
            {
                // Roll back to unlock the database; a failing rollback chains onto the commit error.
                try
                {
                    Rollback();
                }
                catch (PyException rollbackError)
                {
                    rollbackError.Value.Context ??= commitError.Value;
                    throw;
                }
                throw;
            }
        }
        else
        {
            Rollback();
        }
        return false;
    }

    [PyGetter("isolation_level")]
    public PyObject IsolationLevelGetter()
    {
        CheckConnection();
        return _isolationLevel is null ? PyNone.Value : new PyStr(_isolationLevel);
    }

    [PySetter("isolation_level")]
    public void IsolationLevelSetter(PyObject? value)
    {
        CheckConnection();
        if (value is null)
        {
            throw PyErr.AttributeError("cannot delete attribute");
        }
        if (value is PyNone)
        {
            _isolationLevel = null;
            Commit();
            return;
        }
        _isolationLevel = IsolationLevelArg(value);
    }

    [PyGetter("in_transaction")]
    public bool InTransaction()
    {
        CheckConnection();
        return !Autocommit;
    }

    [PyGetter("total_changes")]
    public long TotalChanges()
    {
        CheckConnection();
        return SqliteNative.TotalChanges(Db);
    }

    [PyGetter("row_factory")]
    public PyObject RowFactoryGetter() => RowFactory;

    [PySetter("row_factory")]
    public void RowFactorySetter(PyObject? value) => RowFactory = value ?? PyNone.Value;

    [PyGetter("text_factory")]
    public PyObject TextFactoryGetter() => TextFactory;

    [PySetter("text_factory")]
    public void TextFactorySetter(PyObject? value) => TextFactory = value ?? PyNone.Value;

    [PyGetter("Warning")]
    public PyObject WarningGetter() => Sqlite3Module.Warning;

    [PyGetter("Error")]
    public PyObject ErrorGetter() => Sqlite3Module.Error;

    [PyGetter("InterfaceError")]
    public PyObject InterfaceErrorGetter() => Sqlite3Module.InterfaceError;

    [PyGetter("DatabaseError")]
    public PyObject DatabaseErrorGetter() => Sqlite3Module.DatabaseError;

    [PyGetter("DataError")]
    public PyObject DataErrorGetter() => Sqlite3Module.DataError;

    [PyGetter("OperationalError")]
    public PyObject OperationalErrorGetter() => Sqlite3Module.OperationalError;

    [PyGetter("IntegrityError")]
    public PyObject IntegrityErrorGetter() => Sqlite3Module.IntegrityError;

    [PyGetter("InternalError")]
    public PyObject InternalErrorGetter() => Sqlite3Module.InternalError;

    [PyGetter("ProgrammingError")]
    public PyObject ProgrammingErrorGetter() => Sqlite3Module.ProgrammingError;

    [PyGetter("NotSupportedError")]
    public PyObject NotSupportedErrorGetter() => Sqlite3Module.NotSupportedError;

    [PyMethod("blobopen", Keywords = true, Doc = "Open and return a BLOB object.\n\n  table\n    Table name.\n  column\n    Column name.\n  row\n    Row index.\n  readonly\n    Open the BLOB without write permissions.\n  name\n    Database name.")]
    public PyObject BlobOpen(string table, string column, long row, [KeywordOnly] bool @readonly = false, string name = "main")
    {
        Check();
        var t = Util.CStringArg(table);
        var c = Util.CStringArg(column);
        var n = Util.CStringArg(name);
        nint blob;
        int rc;
        fixed (byte* pt = t, pc = c, pn = n)
        {
            rc = SqliteNative.BlobOpen(Db, pn, pt, pc, row, @readonly ? 0 : 1, &blob);
        }
        if (rc == SqliteNative.Misuse)
        {
            throw PyErr.New(Sqlite3Module.InterfaceError, SqliteNative.Utf8(SqliteNative.ErrStr(rc)));
        }
        if (rc != SqliteNative.Ok)
        {
            throw Util.Error(Db);
        }
        var result = new PyBlob(this, blob);
        _blobs.RemoveAll(w => !w.TryGetTarget(out _));
        _blobs.Add(new WeakReference<PyBlob>(result));
        return result;
    }
}
