// Modules/_sqlite/statement.c
using System.Runtime.InteropServices;
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Sqlite3;

/// <summary>Owns a prepared statement and finalizes it when dropped; the connection is
/// closed with <c>sqlite3_close_v2</c>, so finalizing after the close is allowed.</summary>
internal sealed class StatementHandle : SafeHandle
{
    public StatementHandle(nint stmt) : base(0, true) => SetHandle(stmt);

    public override bool IsInvalid => handle == 0;

    public nint Stmt => handle;

    protected override bool ReleaseHandle()
    {
        SqliteNative.Finalize(handle);
        return true;
    }
}

/// <summary><c>sqlite3.Statement</c>: what calling a connection with SQL returns (a prepared
/// statement the program can only keep).</summary>
[PyType("sqlite3.Statement", Module = "sqlite3", FromSpec = true)]
public sealed partial class PyStatement : PyObject
{
    internal PyStatement(Statement statement) => Value = statement;

    internal Statement Value { get; }

    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw Taipan.Runtime.Errors.PyErr.TypeError("cannot create 'sqlite3.Statement' instances");
}

/// <summary>A prepared statement (pysqlite_Statement). <c>Handle</c> is null for SQL that is
/// only white space and comments: it runs as a statement that returns nothing.</summary>
internal sealed unsafe class Statement
{
    public StatementHandle? Handle { get; }

    public bool IsDml { get; }

    public bool InUse { get; set; }

    /// <summary>The statement belongs to its connection's cache (so a cursor resets it rather
    /// than finalizing it).</summary>
    public bool Cached { get; set; }

    /// <summary>The cursor stepping through the statement's rows, to tell a statement left
    /// active by an abandoned cursor.</summary>
    public WeakReference<PyCursor>? Owner { get; set; }

    /// <summary>Active, but its cursor is gone (CPython would have reset it on the cursor's
    /// deallocation).</summary>
    public bool Abandoned => InUse && (Owner is null || !Owner.TryGetTarget(out _));

    private Statement(StatementHandle? handle, bool isDml)
    {
        Handle = handle;
        IsDml = isDml;
    }

    public nint Stmt => Handle?.Stmt ?? 0;

    /// <summary>pysqlite_statement_create.</summary>
    public static Statement Create(PyConnection connection, PyStr sql)
    {
        var utf8 = Util.Utf8(sql);
        var db = connection.Db;
        var max = SqliteNative.Limit(db, SqliteNative.LimitSqlLength, -1);
        if (utf8.Length > max)
        {
            throw PyErr.New(Sqlite3Module.DataError, "query string is too large");
        }
        if (System.Array.IndexOf(utf8, (byte)0) >= 0)
        {
            throw PyErr.New(Sqlite3Module.ProgrammingError, "the query contains a null character");
        }
        nint stmt;
        int rc, tailOffset;
        fixed (byte* p = utf8)
        {
            byte* tail;
            // An empty array pins to null; SQLite needs a real (empty) string.
            byte empty = 0;
            var text = utf8.Length == 0 ? &empty : p;
            using (connection.AllowThreads())
            {
                rc = SqliteNative.PrepareV2(db, text, utf8.Length, &stmt, &tail);
            }
            tailOffset = (int)(tail - text);
        }
        if (rc != SqliteNative.Ok)
        {
            throw Util.Error(db);
        }
        var handle = stmt == 0 ? null : new StatementHandle(stmt);
        if (LStrip(utf8, tailOffset) >= 0)
        {
            handle?.Dispose();
            throw PyErr.New(Sqlite3Module.ProgrammingError, "You can only execute one statement at a time.");
        }
        var start = LStrip(utf8, 0);
        var isDml = start >= 0 && (StartsWith(utf8, start, "insert") || StartsWith(utf8, start, "update")
            || StartsWith(utf8, start, "delete") || StartsWith(utf8, start, "replace"));
        return new Statement(handle, isDml);
    }

    private static bool StartsWith(byte[] s, int at, string word)
    {
        if (at + word.Length > s.Length)
        {
            return false;
        }
        for (var i = 0; i < word.Length; i++)
        {
            if ((s[at + i] | 0x20) != word[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>lstrip_sql: the offset of the first byte that is neither white space nor in a
    /// comment, or -1 if there is none (an unterminated comment counts as the end).</summary>
    public static int LStrip(byte[] s, int i)
    {
        while (i < s.Length)
        {
            switch (s[i])
            {
                case (byte)' ' or (byte)'\t' or (byte)'\f' or (byte)'\n' or (byte)'\r':
                    i++;
                    break;
                case (byte)'-' when i + 1 < s.Length && s[i + 1] == '-':
                    i += 2;
                    while (i < s.Length && s[i] != '\n')
                    {
                        i++;
                    }
                    if (i >= s.Length)
                    {
                        return -1;
                    }
                    i++;
                    break;
                case (byte)'/' when i + 1 < s.Length && s[i + 1] == '*':
                    i += 2;
                    while (i + 1 < s.Length && !(s[i] == '*' && s[i + 1] == '/'))
                    {
                        i++;
                    }
                    if (i + 1 >= s.Length)
                    {
                        return -1;
                    }
                    i += 2;
                    break;
                default:
                    return i;
            }
        }
        return -1;
    }

    public int Step(PyConnection connection)
    {
        if (Handle is null)
        {
            return SqliteNative.Done;
        }
        int rc;
        using (connection.AllowThreads())
        {
            rc = SqliteNative.Step(Handle.Stmt);
        }
        GC.KeepAlive(Handle);
        return rc;
    }

    /// <summary>stmt_reset.</summary>
    public void Reset()
    {
        if (InUse && Handle is not null)
        {
            SqliteNative.Reset(Handle.Stmt);
            GC.KeepAlive(Handle);
        }
        InUse = false;
    }
}
