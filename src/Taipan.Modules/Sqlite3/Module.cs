// Modules/_sqlite/module.c
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Sqlite3;

/// <summary><c>_sqlite3</c>: the DB-API 2.0 interface to SQLite that <c>Lib/sqlite3</c>
/// re-exports. One interpreter, so the module state is static.</summary>
[PyModule("_sqlite3")]
public static unsafe partial class Sqlite3Module
{
    internal const int ParseDecltypes = 1;
    internal const int ParseColnames = 2;

    internal static readonly PyType Error = MakeException("Error", PyExc.Exception);
    internal static readonly PyType Warning = MakeException("Warning", PyExc.Exception);
    internal static readonly PyType InterfaceError = MakeException("InterfaceError", Error);
    internal static readonly PyType DatabaseError = MakeException("DatabaseError", Error);
    internal static readonly PyType InternalError = MakeException("InternalError", DatabaseError);
    internal static readonly PyType OperationalError = MakeException("OperationalError", DatabaseError);
    internal static readonly PyType ProgrammingError = MakeException("ProgrammingError", DatabaseError);
    internal static readonly PyType IntegrityError = MakeException("IntegrityError", DatabaseError);
    internal static readonly PyType DataError = MakeException("DataError", DatabaseError);
    internal static readonly PyType NotSupportedError = MakeException("NotSupportedError", DatabaseError);

    /// <summary>The <c>adapters</c> dict: (type, protocol) to adapter callable.</summary>
    internal static readonly PyDict Adapters = new();

    /// <summary>The <c>converters</c> dict: upper-case type name to converter callable.</summary>
    internal static readonly PyDict Converters = new();

    /// <summary>An adapter was registered for int, float, str or bytearray, so values of those
    /// types must be looked up too (CPython's BaseTypeAdapted).</summary>
    internal static bool BaseTypeAdapted;

    internal static bool EnableCallbackTracebacks;

    private static PyType MakeException(string name, PyType baseType)
    {
        var ns = new PyDict();
        ns.SetItem(new PyStr("__module__"), new PyStr("sqlite3"));
        return (PyType)Ops.Call(PyType.TypeObject, [new PyStr(name), PyTuple.Create(baseType), ns], null);
    }

    internal static PyException Fail(PyType type, string message) => PyErr.New(type, message);

    /// <summary>The primary and extended result codes, for <c>sqlite_errorname</c> and the
    /// module's constants.</summary>
    internal static readonly (string Name, int Code)[] ErrorCodes =
    [
        ("SQLITE_OK", 0),
        ("SQLITE_OK_LOAD_PERMANENTLY", 256),
        ("SQLITE_OK_SYMLINK", 512),
        ("SQLITE_ERROR", 1),
        ("SQLITE_ERROR_MISSING_COLLSEQ", 257),
        ("SQLITE_ERROR_RETRY", 513),
        ("SQLITE_ERROR_SNAPSHOT", 769),
        ("SQLITE_INTERNAL", 2),
        ("SQLITE_PERM", 3),
        ("SQLITE_ABORT", 4),
        ("SQLITE_ABORT_ROLLBACK", 516),
        ("SQLITE_BUSY", 5),
        ("SQLITE_BUSY_RECOVERY", 261),
        ("SQLITE_BUSY_SNAPSHOT", 517),
        ("SQLITE_BUSY_TIMEOUT", 773),
        ("SQLITE_LOCKED", 6),
        ("SQLITE_LOCKED_SHAREDCACHE", 262),
        ("SQLITE_LOCKED_VTAB", 518),
        ("SQLITE_NOMEM", 7),
        ("SQLITE_READONLY", 8),
        ("SQLITE_READONLY_RECOVERY", 264),
        ("SQLITE_READONLY_CANTLOCK", 520),
        ("SQLITE_READONLY_ROLLBACK", 776),
        ("SQLITE_READONLY_DBMOVED", 1032),
        ("SQLITE_READONLY_CANTINIT", 1288),
        ("SQLITE_READONLY_DIRECTORY", 1544),
        ("SQLITE_INTERRUPT", 9),
        ("SQLITE_IOERR", 10),
        ("SQLITE_IOERR_READ", 266),
        ("SQLITE_IOERR_SHORT_READ", 522),
        ("SQLITE_IOERR_WRITE", 778),
        ("SQLITE_IOERR_FSYNC", 1034),
        ("SQLITE_IOERR_DIR_FSYNC", 1290),
        ("SQLITE_IOERR_TRUNCATE", 1546),
        ("SQLITE_IOERR_FSTAT", 1802),
        ("SQLITE_IOERR_UNLOCK", 2058),
        ("SQLITE_IOERR_RDLOCK", 2314),
        ("SQLITE_IOERR_DELETE", 2570),
        ("SQLITE_IOERR_BLOCKED", 2826),
        ("SQLITE_IOERR_NOMEM", 3082),
        ("SQLITE_IOERR_ACCESS", 3338),
        ("SQLITE_IOERR_CHECKRESERVEDLOCK", 3594),
        ("SQLITE_IOERR_LOCK", 3850),
        ("SQLITE_IOERR_CLOSE", 4106),
        ("SQLITE_IOERR_DIR_CLOSE", 4362),
        ("SQLITE_IOERR_SHMOPEN", 4618),
        ("SQLITE_IOERR_SHMSIZE", 4874),
        ("SQLITE_IOERR_SHMLOCK", 5130),
        ("SQLITE_IOERR_SHMMAP", 5386),
        ("SQLITE_IOERR_SEEK", 5642),
        ("SQLITE_IOERR_DELETE_NOENT", 5898),
        ("SQLITE_IOERR_MMAP", 6154),
        ("SQLITE_IOERR_GETTEMPPATH", 6410),
        ("SQLITE_IOERR_CONVPATH", 6666),
        ("SQLITE_IOERR_VNODE", 6922),
        ("SQLITE_IOERR_AUTH", 7178),
        ("SQLITE_IOERR_BEGIN_ATOMIC", 7434),
        ("SQLITE_IOERR_COMMIT_ATOMIC", 7690),
        ("SQLITE_IOERR_ROLLBACK_ATOMIC", 7946),
        ("SQLITE_IOERR_DATA", 8202),
        ("SQLITE_IOERR_CORRUPTFS", 8458),
        ("SQLITE_CORRUPT", 11),
        ("SQLITE_CORRUPT_VTAB", 267),
        ("SQLITE_CORRUPT_SEQUENCE", 523),
        ("SQLITE_CORRUPT_INDEX", 779),
        ("SQLITE_NOTFOUND", 12),
        ("SQLITE_FULL", 13),
        ("SQLITE_CANTOPEN", 14),
        ("SQLITE_CANTOPEN_NOTEMPDIR", 270),
        ("SQLITE_CANTOPEN_ISDIR", 526),
        ("SQLITE_CANTOPEN_FULLPATH", 782),
        ("SQLITE_CANTOPEN_CONVPATH", 1038),
        ("SQLITE_CANTOPEN_DIRTYWAL", 1294),
        ("SQLITE_CANTOPEN_SYMLINK", 1550),
        ("SQLITE_PROTOCOL", 15),
        ("SQLITE_EMPTY", 16),
        ("SQLITE_SCHEMA", 17),
        ("SQLITE_TOOBIG", 18),
        ("SQLITE_CONSTRAINT", 19),
        ("SQLITE_CONSTRAINT_CHECK", 275),
        ("SQLITE_CONSTRAINT_COMMITHOOK", 531),
        ("SQLITE_CONSTRAINT_FOREIGNKEY", 787),
        ("SQLITE_CONSTRAINT_FUNCTION", 1043),
        ("SQLITE_CONSTRAINT_NOTNULL", 1299),
        ("SQLITE_CONSTRAINT_PRIMARYKEY", 1555),
        ("SQLITE_CONSTRAINT_TRIGGER", 1811),
        ("SQLITE_CONSTRAINT_UNIQUE", 2067),
        ("SQLITE_CONSTRAINT_VTAB", 2323),
        ("SQLITE_CONSTRAINT_ROWID", 2579),
        ("SQLITE_CONSTRAINT_PINNED", 2835),
        ("SQLITE_MISMATCH", 20),
        ("SQLITE_MISUSE", 21),
        ("SQLITE_NOLFS", 22),
        ("SQLITE_AUTH", 23),
        ("SQLITE_AUTH_USER", 279),
        ("SQLITE_FORMAT", 24),
        ("SQLITE_RANGE", 25),
        ("SQLITE_NOTADB", 26),
        ("SQLITE_NOTICE", 27),
        ("SQLITE_NOTICE_RECOVER_WAL", 283),
        ("SQLITE_NOTICE_RECOVER_ROLLBACK", 539),
        ("SQLITE_WARNING", 28),
        ("SQLITE_WARNING_AUTOINDEX", 284),
        ("SQLITE_ROW", 100),
        ("SQLITE_DONE", 101),
    ];

    /// <summary>The authorizer's action codes and return values.</summary>
    private static readonly (string Name, int Code)[] s_authorizerCodes =
    [
        ("SQLITE_ALTER_TABLE", 26),
        ("SQLITE_ANALYZE", 28),
        ("SQLITE_ATTACH", 24),
        ("SQLITE_CREATE_INDEX", 1),
        ("SQLITE_CREATE_TABLE", 2),
        ("SQLITE_CREATE_TEMP_INDEX", 3),
        ("SQLITE_CREATE_TEMP_TABLE", 4),
        ("SQLITE_CREATE_TEMP_TRIGGER", 5),
        ("SQLITE_CREATE_TEMP_VIEW", 6),
        ("SQLITE_CREATE_TRIGGER", 7),
        ("SQLITE_CREATE_VIEW", 8),
        ("SQLITE_CREATE_VTABLE", 29),
        ("SQLITE_DELETE", 9),
        ("SQLITE_DENY", 1),
        ("SQLITE_DETACH", 25),
        ("SQLITE_DROP_INDEX", 10),
        ("SQLITE_DROP_TABLE", 11),
        ("SQLITE_DROP_TEMP_INDEX", 12),
        ("SQLITE_DROP_TEMP_TABLE", 13),
        ("SQLITE_DROP_TEMP_TRIGGER", 14),
        ("SQLITE_DROP_TEMP_VIEW", 15),
        ("SQLITE_DROP_TRIGGER", 16),
        ("SQLITE_DROP_VIEW", 17),
        ("SQLITE_DROP_VTABLE", 30),
        ("SQLITE_FUNCTION", 31),
        ("SQLITE_IGNORE", 2),
        ("SQLITE_INSERT", 18),
        ("SQLITE_PRAGMA", 19),
        ("SQLITE_READ", 20),
        ("SQLITE_RECURSIVE", 33),
        ("SQLITE_REINDEX", 27),
        ("SQLITE_SAVEPOINT", 32),
        ("SQLITE_SELECT", 21),
        ("SQLITE_TRANSACTION", 22),
        ("SQLITE_UPDATE", 23),
    ];

    private static readonly (string Name, int Code)[] s_limitCodes =
    [
        ("SQLITE_LIMIT_ATTACHED", 7),
        ("SQLITE_LIMIT_COLUMN", 2),
        ("SQLITE_LIMIT_COMPOUND_SELECT", 4),
        ("SQLITE_LIMIT_EXPR_DEPTH", 3),
        ("SQLITE_LIMIT_FUNCTION_ARG", 6),
        ("SQLITE_LIMIT_LENGTH", 0),
        ("SQLITE_LIMIT_LIKE_PATTERN_LENGTH", 8),
        ("SQLITE_LIMIT_SQL_LENGTH", 1),
        ("SQLITE_LIMIT_TRIGGER_DEPTH", 10),
        ("SQLITE_LIMIT_VARIABLE_NUMBER", 9),
        ("SQLITE_LIMIT_VDBE_OP", 5),
        ("SQLITE_LIMIT_WORKER_THREADS", 11),
    ];

    /// <summary>pysqlite_error_name: the name of a result code, or null if it has none.</summary>
    internal static string? ErrorName(int code)
    {
        foreach (var (name, c) in ErrorCodes)
        {
            if (c == code)
            {
                return name;
            }
        }
        return null;
    }

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("Connection", PyConnection.TypeObject);
        module.AddBuiltin("Cursor", PyCursor.TypeObject);
        module.AddBuiltin("Row", PyRow.TypeObject);
        module.AddBuiltin("Blob", PyBlob.TypeObject);
        module.AddBuiltin("PrepareProtocol", PyPrepareProtocol.TypeObject);
        module.AddBuiltin("Warning", Warning);
        module.AddBuiltin("Error", Error);
        module.AddBuiltin("InterfaceError", InterfaceError);
        module.AddBuiltin("DatabaseError", DatabaseError);
        module.AddBuiltin("InternalError", InternalError);
        module.AddBuiltin("OperationalError", OperationalError);
        module.AddBuiltin("ProgrammingError", ProgrammingError);
        module.AddBuiltin("IntegrityError", IntegrityError);
        module.AddBuiltin("DataError", DataError);
        module.AddBuiltin("NotSupportedError", NotSupportedError);
        module.AddBuiltin("PARSE_DECLTYPES", PyInt.From(ParseDecltypes));
        module.AddBuiltin("PARSE_COLNAMES", PyInt.From(ParseColnames));
        foreach (var (name, code) in ErrorCodes)
        {
            module.AddBuiltin(name, PyInt.From(code));
        }
        foreach (var (name, code) in s_authorizerCodes)
        {
            module.AddBuiltin(name, PyInt.From(code));
        }
        foreach (var (name, code) in s_limitCodes)
        {
            module.AddBuiltin(name, PyInt.From(code));
        }
        module.AddBuiltin("version", new PyStr("2.6.0"));
        module.AddBuiltin("sqlite_version", new PyStr(SqliteNative.Utf8(SqliteNative.LibVersion())));
        // sqlite3_threadsafe() 1 is serialized mode: DB-API level 3; 2 (multi-thread) is 1.
        module.AddBuiltin("threadsafety", PyInt.From(SqliteNative.ThreadSafe() switch { 0 => 0, 1 => 3, _ => 1 }));
        module.AddBuiltin("adapters", Adapters);
        module.AddBuiltin("converters", Converters);
    }

    /// <summary>The position of <c>factory</c> among connect()'s parameters.</summary>
    private const int FactoryPosition = 5;

    [PyMethod("connect", Doc = "connect($module, /, database, timeout=5.0, detect_types=0,\n        isolation_level='', check_same_thread=True,\n        factory=ConnectionType, cached_statements=128, uri=False)\n--\n\nOpens a connection to the SQLite database file database.\n\nYou can use \":memory:\" to open a database connection to a database that resides\nin RAM instead of on disk.")]
    public static PyObject Connect(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        // The factory's __init__ parses (and checks) all the arguments, factory included.
        var nargs = args.Length - (kwnames?.Count ?? 0);
        PyObject factory = PyConnection.TypeObject;
        if (nargs > FactoryPosition)
        {
            factory = args[FactoryPosition];
        }
        else if (kwnames is not null)
        {
            for (var i = 0; i < kwnames.Count; i++)
            {
                if (kwnames[i] is PyStr { Value: "factory" })
                {
                    factory = args[nargs + i];
                    break;
                }
            }
        }
        return Ops.Call(factory, args, kwnames);
    }

    [PyMethod("complete_statement", Keywords = true, Doc = "Checks if a string contains a complete SQL statement.")]
    public static bool CompleteStatement(PyObject statement)
    {
        fixed (byte* p = Util.CStringArg(Util.StrArg("complete_statement", "statement", statement)))
        {
            return SqliteNative.Complete(p) != 0;
        }
    }

    [PyMethod("enable_shared_cache", Keywords = true, Doc = "Enable or disable shared cache mode for the calling thread.\n\nThis method is deprecated and will be removed in Python 3.12.\nShared cache is strongly discouraged by the SQLite 3 documentation.\nIf shared cache must be used, open the database in URI mode using\nthe cache=shared query parameter.")]
    public static void EnableSharedCache(int do_enable)
    {
        if (SqliteNative.EnableSharedCache(do_enable) != SqliteNative.Ok)
        {
            throw Fail(OperationalError, "Changing the shared_cache flag failed");
        }
    }

    [PyMethod("register_adapter", Doc = "Register a function to adapt Python objects to SQLite values.")]
    public static void RegisterAdapter(PyObject type, PyObject adapter)
    {
        if (ReferenceEquals(type, PyInt.TypeObject) || ReferenceEquals(type, PyFloat.TypeObject)
            || ReferenceEquals(type, PyStr.TypeObject) || ReferenceEquals(type, PyByteArray.TypeObject))
        {
            BaseTypeAdapted = true;
        }
        Microprotocols.Add(type, PyPrepareProtocol.TypeObject, adapter);
    }

    [PyMethod("register_converter", Doc = "Register a function to convert SQLite values to Python objects.")]
    public static void RegisterConverter(PyObject typename, PyObject converter)
    {
        if (typename is not PyStr)
        {
            throw PyErr.TypeError($"register_converter() argument 1 must be str, not {Util.ArgType(typename)}");
        }
        Converters.SetItem(Ops.CallMethod(typename, "upper"), converter);
    }

    [PyMethod("enable_callback_tracebacks", Doc = "Enable or disable callback functions throwing errors to stderr.")]
    public static void EnableCallbackTracebacksMethod(int enable) => EnableCallbackTracebacks = enable != 0;

    [PyMethod("adapt", Doc = "Adapt given object to given protocol.")]
    public static PyObject Adapt(PyObject obj, PyObject? proto = null, PyObject? alt = null) =>
        Microprotocols.Adapt(obj, proto ?? PyPrepareProtocol.TypeObject, alt);
}
