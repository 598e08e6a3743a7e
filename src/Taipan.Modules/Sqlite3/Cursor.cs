// Modules/_sqlite/cursor.c
using System.Runtime.InteropServices;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Sqlite3;

/// <summary><c>sqlite3.Cursor</c>: runs statements on a connection and steps through their
/// rows. <c>_statement</c> is the statement whose rows are still to be fetched.</summary>
[PyType("sqlite3.Cursor", Module = "sqlite3", FromSpec = true, Subclassable = true, InstanceType = true, Flags = TypeFlags.Weakrefable, Doc = "SQLite database cursor class.")]
public sealed unsafe partial class PyCursor : PySubclassableObject
{
    private PyConnection? _connection;
    private PyObject _description = PyNone.Value;
    private long _rowCount = -1;
    private PyObject _lastRowId = PyNone.Value;
    private int _arraySize = 1;
    internal PyObject RowFactory = PyNone.Value;
    private Statement? _statement;
    private PyObject[]? _rowCastMap;
    private bool _closed;
    private bool _locked;

    private PyCursor(PyType type) : base(type)
    {
    }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) => new PyCursor(type);

    [PySlot("tp_init")]
    public static void Init(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("Cursor", kwnames);
        ArgParse.CheckPositional("Cursor", args.Length, 1, 1);
        var connection = args[0] as PyConnection
            ?? throw PyErr.TypeError($"Cursor() argument 1 must be sqlite3.Connection, not {Util.ArgType(args[0])}");
        var c = (PyCursor)self;
        c._connection = connection;
        c._description = PyNone.Value;
        c._rowCount = -1;
        c._lastRowId = PyNone.Value;
        c._arraySize = 1;
        c.RowFactory = PyNone.Value;
        c._statement = null;
        c._closed = false;
    }

    /// <summary>check_cursor.</summary>
    private PyConnection CheckCursor()
    {
        if (_connection is null)
        {
            throw PyErr.New(Sqlite3Module.ProgrammingError, "Base Cursor.__init__ not called.");
        }
        if (_closed)
        {
            throw PyErr.New(Sqlite3Module.ProgrammingError, "Cannot operate on a closed cursor.");
        }
        if (_locked)
        {
            throw PyErr.New(Sqlite3Module.ProgrammingError, "Recursive use of cursors not allowed.");
        }
        _connection.Check();
        return _connection;
    }

    private void DropStatement()
    {
        if (_statement is { } st)
        {
            st.Reset();
            if (!st.Cached)
            {
                st.Handle?.Dispose();
            }
            st.Owner = null;
            _statement = null;
        }
    }

    [PyMethod("execute", Doc = "Executes an SQL statement.")]
    public PyObject Execute(PyStr sql, PyObject? parameters = null) => Query(sql, parameters ?? PyTuple.Empty, multiple: false);

    [PyMethod("executemany", Doc = "Repeatedly executes an SQL statement.")]
    public PyObject ExecuteMany(PyStr sql, PyObject seq_of_parameters) => Query(sql, seq_of_parameters, multiple: true);

    /// <summary>_pysqlite_query_execute.</summary>
    private PyObject Query(PyStr sql, PyObject second, bool multiple)
    {
        var connection = CheckCursor();
        var db = connection.Db;
        _locked = true;
        try
        {
            var parameters = multiple ? Ops.GetIter(second) : null;
            DropStatement();
            _description = PyNone.Value;
            _rowCount = -1;
            var st = connection.GetStatement(sql);
            st.Owner = new WeakReference<PyCursor>(this);
            _statement = st;
            if (multiple && (st.Stmt == 0 || SqliteNative.StmtReadOnly(st.Stmt) != 0))
            {
                throw PyErr.New(Sqlite3Module.ProgrammingError, "executemany() can only execute DML statements.");
            }
            _rowCount = st.IsDml ? 0 : -1;
            if (st.IsDml)
            {
                connection.BeginIfNeeded();
            }
            var once = true;
            while (true)
            {
                PyObject args;
                if (parameters is null)
                {
                    if (!once)
                    {
                        break;
                    }
                    once = false;
                    args = second;
                }
                else if (Ops.Next(parameters) is { } next)
                {
                    args = next;
                }
                else
                {
                    break;
                }
                st.Reset();
                st.InUse = true;
                BindParameters(db, st, args);
                var rc = st.Step(connection);
                if ((rc & 0xff) == SqliteNative.Locked)
                {
                    // Perhaps a statement of an abandoned cursor (PyConnection.RetryAfterCollect).
                    st.Reset();
                    st.InUse = true;
                    connection.CollectAbandoned();
                    rc = st.Step(connection);
                }
                if (rc != SqliteNative.Done && rc != SqliteNative.Row)
                {
                    var error = Util.Error(db);
                    st.Reset();
                    throw error;
                }
                BuildRowCastMap(st);
                var columns = st.Stmt == 0 ? 0 : SqliteNative.ColumnCount(st.Stmt);
                if (_description is PyNone && columns > 0)
                {
                    var items = new PyObject[columns];
                    for (var i = 0; i < columns; i++)
                    {
                        items[i] = PyTuple.Create(ColumnName(st.Stmt, i), PyNone.Value, PyNone.Value, PyNone.Value, PyNone.Value, PyNone.Value, PyNone.Value);
                    }
                    _description = new PyTuple(items);
                }
                if (rc == SqliteNative.Done)
                {
                    if (st.IsDml)
                    {
                        _rowCount += SqliteNative.Changes(db);
                    }
                    st.Reset();
                }
                if (!multiple)
                {
                    // Before the statement may be finalized: a callback may have closed the
                    // connection, whose handle then lives only as long as its statements.
                    _lastRowId = PyInt.From(SqliteNative.LastInsertRowid(db));
                    if (rc == SqliteNative.Done)
                    {
                        DropStatement();
                    }
                    break;
                }
            }
            if (multiple)
            {
                DropStatement();
            }
            return this;
        }
        catch (Exception)
        {
            _rowCount = -1;
            throw;
        }
        finally
        {
            _locked = false;
        }
    }

    private PyStr ColumnName(nint stmt, int i)
    {
        var p = SqliteNative.ColumnName(stmt, i);
        if (p is null)
        {
            throw PyErr.New(PyExc.MemoryError, "");
        }
        var n = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(p).Length;
        if ((_connection!.DetectTypes & Sqlite3Module.ParseColnames) != 0)
        {
            // "name [type]" is shown as "name".
            for (var k = 0; k < n; k++)
            {
                if (p[k] == '[')
                {
                    n = k > 0 && p[k - 1] == ' ' ? k - 1 : k;
                    break;
                }
            }
        }
        return Util.Text(p, n);
    }

    /// <summary>_need_adapt.</summary>
    private static bool NeedAdapt(PyObject o)
    {
        if (Sqlite3Module.BaseTypeAdapted)
        {
            return true;
        }
        var t = o.Type;
        return !(ReferenceEquals(t, PyInt.TypeObject) || ReferenceEquals(t, PyFloat.TypeObject)
            || ReferenceEquals(t, PyStr.TypeObject) || ReferenceEquals(t, PyByteArray.TypeObject));
    }

    private static PyObject Adapted(PyObject value) =>
        NeedAdapt(value) ? Microprotocols.Adapt(value, PyPrepareProtocol.TypeObject, value) : value;

    /// <summary>bind_parameters: a sequence by position or a mapping by name.</summary>
    private static void BindParameters(nint db, Statement st, PyObject parameters)
    {
        var stmt = st.Stmt;
        var needed = stmt == 0 ? 0 : SqliteNative.BindParameterCount(stmt);
        var isDict = parameters.Type.IsSubtypeOf(PyDict.TypeObject);
        if (parameters is PyTuple || parameters is PyList || (!isDict && IsSequence(parameters)))
        {
            var count = parameters switch
            {
                PyTuple t => t.Count,
                PyList l => l.Count,
                _ => Ops.Length(parameters),
            };
            if (count != needed)
            {
                throw PyErr.New(Sqlite3Module.ProgrammingError,
                    $"Incorrect number of bindings supplied. The current statement uses {needed}, and there are {count} supplied.");
            }
            for (var i = 0; i < count; i++)
            {
                var value = parameters switch
                {
                    PyTuple t => t[i],
                    PyList l => l[i],
                    _ => Ops.GetItem(parameters, PyInt.From(i)),
                };
                BindOne(db, stmt, i + 1, Adapted(value));
            }
        }
        else if (isDict)
        {
            for (var i = 1; i <= needed; i++)
            {
                var namePtr = SqliteNative.BindParameterName(stmt, i);
                if (namePtr is null)
                {
                    throw PyErr.New(Sqlite3Module.ProgrammingError,
                        $"Binding {i} has no name, but you supplied a dictionary (which has only names).");
                }
                // The name without its ':', '@' or '$'.
                var name = SqliteNative.Utf8(namePtr + 1);
                var key = new PyStr(name);
                PyObject value;
                if (parameters is PyDict d && ReferenceEquals(parameters.Type, PyDict.TypeObject))
                {
                    if (!d.TryGetValue(key, out value!))
                    {
                        throw PyErr.New(Sqlite3Module.ProgrammingError, $"You did not supply a value for binding parameter :{name}.");
                    }
                }
                else
                {
                    try
                    {
                        value = Ops.GetItem(parameters, key);
                    }
                    catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.LookupError))
                    {
                        throw PyErr.New(Sqlite3Module.ProgrammingError, $"You did not supply a value for binding parameter :{name}.");
                    }
                }
                BindOne(db, stmt, i, Adapted(value));
            }
        }
        else
        {
            throw PyErr.New(Sqlite3Module.ProgrammingError, "parameters are of unsupported type");
        }
    }

    /// <summary>PySequence_Check: not a dict, and indexable.</summary>
    private static bool IsSequence(PyObject o) =>
        o.Type.Slots.GetItem is not null && !o.Type.IsSubtypeOf(PyDict.TypeObject)
        && Ops.TryGetAttr(o.Type, PyStr.Intern("__getitem__")) is not null;

    /// <summary>bind_param, with CPython's error for a value of no SQLite type.</summary>
    private static void BindOne(nint db, nint stmt, int pos, PyObject value)
    {
        int rc;
        switch (value)
        {
            case PyNone:
                rc = SqliteNative.BindNull(stmt, pos);
                break;
            case PyInt:
                rc = SqliteNative.BindInt64(stmt, pos, Util.ToInt64(value));
                break;
            case PyFloat f:
                rc = SqliteNative.BindDouble(stmt, pos, f.Value);
                break;
            case PyStr s:
                var text = Util.Utf8(s);
                fixed (byte* p = text)
                {
                    byte empty = 0;
                    rc = SqliteNative.BindText(stmt, pos, text.Length == 0 ? &empty : p, text.Length, SqliteNative.Transient);
                }
                break;
            default:
                if (!BufferProtocol.TryRead(value, out var data))
                {
                    rc = -1;
                    break;
                }
                fixed (byte* p = data)
                {
                    byte empty = 0;
                    rc = SqliteNative.BindBlob(stmt, pos, data.Length == 0 ? &empty : p, data.Length, SqliteNative.Transient);
                }
                break;
        }
        if (rc == -1)
        {
            throw PyErr.New(Sqlite3Module.ProgrammingError, $"Error binding parameter {pos}: type '{PyErr.TpName(value.Type)}' is not supported");
        }
        if (rc != SqliteNative.Ok)
        {
            throw Util.Error(db);
        }
    }

    /// <summary>pysqlite_build_row_cast_map: the converter of each column, from "name [type]"
    /// column names and declared types as detect_types asks.</summary>
    private void BuildRowCastMap(Statement st)
    {
        var detect = _connection!.DetectTypes;
        _rowCastMap = null;
        if (detect == 0 || st.Stmt == 0)
        {
            return;
        }
        var n = SqliteNative.ColumnCount(st.Stmt);
        var map = new PyObject[n];
        for (var i = 0; i < n; i++)
        {
            PyObject? converter = null;
            if ((detect & Sqlite3Module.ParseColnames) != 0)
            {
                var name = SqliteNative.ColumnName(st.Stmt, i);
                if (name is not null)
                {
                    var span = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name);
                    var start = -1;
                    for (var k = 0; k < span.Length; k++)
                    {
                        if (span[k] == '[')
                        {
                            start = k + 1;
                        }
                        else if (span[k] == ']' && start >= 0)
                        {
                            converter = Converter(name + start, k - start);
                            break;
                        }
                    }
                }
            }
            if (converter is null && (detect & Sqlite3Module.ParseDecltypes) != 0)
            {
                var decl = SqliteNative.ColumnDecltype(st.Stmt, i);
                if (decl is not null)
                {
                    // "INTEGER NOT NULL" is INTEGER, "NUMBER(10)" is NUMBER.
                    var k = 0;
                    while (decl[k] != 0 && decl[k] != ' ' && decl[k] != '(')
                    {
                        k++;
                    }
                    converter = Converter(decl, k);
                }
            }
            map[i] = converter ?? PyNone.Value;
        }
        _rowCastMap = map;
    }

    private static PyObject? Converter(byte* name, int length)
    {
        var key = Ops.CallMethod(Util.Text(name, length), "upper");
        return Sqlite3Module.Converters.TryGetValue(key, out var c) ? c : null;
    }

    /// <summary>_pysqlite_fetch_one_row.</summary>
    private PyTuple FetchOneRow(nint stmt)
    {
        var connection = _connection!;
        // Captured: a converter may close the connection (its handle lives on with the statement).
        var db = connection.Db;
        var n = SqliteNative.DataCount(stmt);
        var row = new PyObject[n];
        for (var i = 0; i < n; i++)
        {
            var converter = connection.DetectTypes != 0 && _rowCastMap is { } map && i < map.Length ? map[i] : PyNone.Value;
            if (converter is not PyNone)
            {
                var blob = SqliteNative.ColumnBlob(stmt, i);
                if (blob is null)
                {
                    if (SqliteNative.ErrCode(db) == SqliteNative.NoMem)
                    {
                        throw PyErr.New(PyExc.MemoryError, "");
                    }
                    row[i] = PyNone.Value;
                }
                else
                {
                    row[i] = Ops.Call(converter, [Util.Bytes(blob, SqliteNative.ColumnBytes(stmt, i))], null);
                }
                continue;
            }
            switch (SqliteNative.ColumnType(stmt, i))
            {
                case SqliteNative.Null:
                    row[i] = PyNone.Value;
                    break;
                case SqliteNative.Integer:
                    row[i] = PyInt.From(SqliteNative.ColumnInt64(stmt, i));
                    break;
                case SqliteNative.Float:
                    row[i] = new PyFloat(SqliteNative.ColumnDouble(stmt, i));
                    break;
                case SqliteNative.Text:
                    var text = SqliteNative.ColumnText(stmt, i);
                    if (text is null && SqliteNative.ErrCode(db) == SqliteNative.NoMem)
                    {
                        throw PyErr.New(PyExc.MemoryError, "");
                    }
                    row[i] = TextValue(stmt, i, text, SqliteNative.ColumnBytes(stmt, i));
                    break;
                default:
                    var data = SqliteNative.ColumnBlob(stmt, i);
                    row[i] = Util.Bytes(data, SqliteNative.ColumnBytes(stmt, i));
                    break;
            }
        }
        return new PyTuple(row);
    }

    private PyObject TextValue(nint stmt, int i, byte* text, int n)
    {
        var factory = _connection!.TextFactory;
        if (ReferenceEquals(factory, PyStr.TypeObject))
        {
            try
            {
                return Util.Text(text, n);
            }
            catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.UnicodeDecodeError))
            {
                var column = SqliteNative.Utf8(SqliteNative.ColumnName(stmt, i));
                throw PyErr.New(Sqlite3Module.OperationalError, AsciiReplace($"Could not decode to UTF-8 column '{column}' with text '", text, n));
            }
        }
        if (ReferenceEquals(factory, PyBytes.TypeObject))
        {
            return Util.Bytes(text, n);
        }
        if (ReferenceEquals(factory, PyByteArray.TypeObject))
        {
            return new PyByteArray(new ReadOnlySpan<byte>(text, n));
        }
        return Ops.Call(factory, [Util.Bytes(text, n)], null);
    }

    /// <summary>The message built in a C buffer and decoded as ASCII with "replace": every
    /// non-ASCII byte of the text becomes U+FFFD.</summary>
    private static string AsciiReplace(string prefix, byte* text, int n)
    {
        var sb = new System.Text.StringBuilder(prefix);
        for (var k = 0; k < n; k++)
        {
            sb.Append(text[k] < 0x80 ? (char)text[k] : '\uFFFD');
        }
        return sb.Append('\'').ToString();
    }

    [PySlot("tp_iter")]
    public PyObject Iter() => this;

    [PySlot("tp_iternext")]
    public PyObject? Next()
    {
        var connection = CheckCursor();
        if (_statement is not { } st)
        {
            return null;
        }
        PyObject row;
        _locked = true;
        try
        {
            row = FetchOneRow(st.Stmt);
        }
        finally
        {
            _locked = false;
        }
        // The handle stays valid while the statement lives, even if a callback closed the
        // connection during the step.
        var db = connection.Db;
        var rc = st.Step(connection);
        if (rc == SqliteNative.Done)
        {
            if (st.IsDml)
            {
                _rowCount = SqliteNative.Changes(db);
            }
            DropStatement();
        }
        else if (rc != SqliteNative.Row)
        {
            var error = Util.Error(db);
            DropStatement();
            throw error;
        }
        if (RowFactory is not PyNone)
        {
            row = Ops.Call(RowFactory, [this, row], null);
        }
        return row;
    }

    [PyMethod("fetchone", Doc = "Fetches one row from the resultset.")]
    public PyObject FetchOne() => Next() ?? PyNone.Value;

    private static readonly string[] s_fetchManyNames = ["size"];

    [PyMethod("fetchmany", Doc = "Fetches several rows from the resultset.\n\n  size\n    The default value is set by the Cursor.arraysize attribute.")]
    public PyObject FetchMany(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var buffer = new PyObject?[1];
        ArgParse.UnpackKeywords("fetchmany", args, kwnames, s_fetchManyNames, 0, 1, 0, buffer);
        var max = buffer[0] is { } size ? ArgParse.ToInt(size) : _arraySize;
        var list = new PyList();
        var counter = 0;
        while (Next() is { } row)
        {
            list.Append(row);
            if (++counter == max)
            {
                break;
            }
        }
        return list;
    }

    [PyMethod("fetchall", Doc = "Fetches all rows from the resultset.")]
    public PyObject FetchAll()
    {
        var list = new PyList();
        while (Next() is { } row)
        {
            list.Append(row);
        }
        return list;
    }

    [PyMethod("executescript", Doc = "Executes multiple SQL statements at once.")]
    public PyObject ExecuteScript(PyObject sql_script)
    {
        if (sql_script is not PyStr script)
        {
            throw PyErr.TypeError($"executescript() argument must be str, not {Util.ArgType(sql_script)}");
        }
        if (script.Value.Contains('\0'))
        {
            throw PyErr.ValueError("embedded null character");
        }
        var connection = CheckCursor();
        var db = connection.Db;
        var sql = Util.Utf8(script);
        if (sql.Length > SqliteNative.Limit(db, SqliteNative.LimitSqlLength, -1))
        {
            throw PyErr.New(Sqlite3Module.DataError, "query string is too large");
        }
        // A pending transaction is committed first.
        if (!connection.Autocommit)
        {
            var commit = SqliteNative.CString("COMMIT");
            fixed (byte* c = commit)
            {
                int committed;
                using (connection.AllowThreads())
                {
                    committed = SqliteNative.Exec(db, c, 0, 0, 0);
                }
                if (committed != SqliteNative.Ok)
                {
                    throw Util.Error(db);
                }
            }
        }
        var text = new byte[sql.Length + 1];
        sql.CopyTo(text, 0);
        fixed (byte* start = text)
        {
            var p = start;
            while (true)
            {
                nint stmt;
                byte* tail;
                int rc;
                using (connection.AllowThreads())
                {
                    rc = SqliteNative.PrepareV2(db, p, (int)(start + sql.Length - p) + 1, &stmt, &tail);
                    if (rc == SqliteNative.Ok && stmt != 0)
                    {
                        do
                        {
                            rc = SqliteNative.Step(stmt);
                        }
                        while (rc == SqliteNative.Row);
                        rc = SqliteNative.Finalize(stmt);
                    }
                }
                if (rc != SqliteNative.Ok)
                {
                    throw Util.Error(db);
                }
                if (*tail == 0)
                {
                    break;
                }
                p = tail;
            }
        }
        return this;
    }

    [PyMethod("close", Doc = "Closes the cursor.")]
    public void Close()
    {
        if (_connection is null)
        {
            throw PyErr.New(Sqlite3Module.ProgrammingError, "Base Cursor.__init__ not called.");
        }
        _connection.Check();
        DropStatement();
        _closed = true;
    }

    [PyMethod("setinputsizes", Doc = "Required by DB-API. Does nothing in sqlite3.")]
    public void SetInputSizes(PyObject sizes)
    {
    }

    [PyMethod("setoutputsize", Doc = "Required by DB-API. Does nothing in sqlite3.")]
    public void SetOutputSize(PyObject size, PyObject? column = null)
    {
    }

    [PyGetter("connection")]
    public PyObject ConnectionGetter() => (PyObject?)_connection ?? PyNone.Value;

    [PySetter("connection")]
    public void ConnectionSetter(PyObject? value) => throw ReadOnly();

    [PyGetter("description")]
    public PyObject Description() => _description;

    [PySetter("description")]
    public void DescriptionSetter(PyObject? value) => throw ReadOnly();

    [PyGetter("lastrowid")]
    public PyObject LastRowId() => _lastRowId;

    [PySetter("lastrowid")]
    public void LastRowIdSetter(PyObject? value) => throw ReadOnly();

    [PyGetter("rowcount")]
    public long RowCount() => _rowCount;

    [PySetter("rowcount")]
    public void RowCountSetter(PyObject? value) => throw ReadOnly();

    /// <summary>A READONLY member's error.</summary>
    private static PyException ReadOnly() => PyErr.AttributeError("readonly attribute");

    [PyGetter("arraysize")]
    public long ArraySize() => _arraySize;

    [PySetter("arraysize")]
    public void ArraySizeSetter(PyObject? value)
    {
        if (value is null)
        {
            throw PyErr.TypeError("can't delete numeric/char attribute");
        }
        _arraySize = ArgParse.ToInt(value);
    }

    [PyGetter("row_factory")]
    public PyObject RowFactoryGetter() => RowFactory;

    [PySetter("row_factory")]
    public void RowFactorySetter(PyObject? value) => RowFactory = value ?? PyNone.Value;
}
