using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Tests;

/// <summary>_sqlite3 called directly: values round-trip through the system libsqlite3, errors
/// are the DB-API exceptions with SQLite's codes, failing callbacks never escape into native
/// code, and a statement left active by an abandoned cursor does not block the connection.</summary>
public class Sqlite3Tests
{
    private static PyModule Module()
    {
        StandardModules.Register();
        var factory = Inittab.Find("_sqlite3");
        Assert.NotNull(factory);
        return factory();
    }

    private static PyObject Call(PyObject target, string name, params PyObject[] args) =>
        Ops.Call(Ops.GetAttr(target, PyStr.Intern(name)), args, null);

    private static PyObject Connect() => Call(Module(), "connect", new PyStr(":memory:"));

    private static PyObject FetchOne(PyObject con, string sql, params PyObject[] parameters) =>
        Call(Call(con, "execute", new PyStr(sql), new PyTuple(parameters)), "fetchone");

    private static (string Type, string Message, PyBaseException Value) Raises(Action action)
    {
        var e = Assert.Throws<PyException>(action);
        return (e.Value.Type.Name, Ops.Str(e.Value).Value, e.Value);
    }

    [Fact]
    public void ValuesRoundTrip()
    {
        var con = Connect();
        var row = Assert.IsType<PyTuple>(FetchOne(con, "select ?, ?, ?, ?, ?",
            PyInt.From(long.MinValue), new PyFloat(2.5), new PyStr("h\u00e9 \U0001F600"), new PyBytes([0, 255]), PyNone.Value));
        Assert.Equal(long.MinValue, ((PyInt)row[0]).Small);
        Assert.Equal(2.5, ((PyFloat)row[1]).Value);
        Assert.Equal("h\u00e9 \U0001F600", ((PyStr)row[2]).Value);
        Assert.Equal(new byte[] { 0, 255 }, ((PyBytes)row[3]).Data.ToArray());
        Assert.Same(PyNone.Value, row[4]);
    }

    [Fact]
    public void ConstraintErrorsCarrySqliteCodes()
    {
        var con = Connect();
        Call(con, "execute", new PyStr("create table t (k primary key)"));
        Call(con, "execute", new PyStr("insert into t values (1)"));
        var (type, message, value) = Raises(() => Call(con, "execute", new PyStr("insert into t values (1)")));
        Assert.Equal("IntegrityError", type);
        Assert.Equal("UNIQUE constraint failed: t.k", message);
        Assert.Equal(1555L, ((PyInt)Ops.GetAttr(value, new PyStr("sqlite_errorcode"))).Small);
        Assert.Equal("SQLITE_CONSTRAINT_PRIMARYKEY", ((PyStr)Ops.GetAttr(value, new PyStr("sqlite_errorname"))).Value);
    }

    [Fact]
    public void FailingUserFunctionBecomesOperationalError()
    {
        var con = Connect();
        // int('x') raises ValueError inside the native callback.
        Call(con, "create_function", new PyStr("toint"), PyInt.From(1), PyInt.TypeObject);
        Assert.Equal(42L, ((PyInt)((PyTuple)FetchOne(con, "select toint('42')"))[0]).Small);
        var (type, message, _) = Raises(() => FetchOne(con, "select toint('x')"));
        Assert.Equal("OperationalError", type);
        Assert.Equal("user-defined function raised exception", message);
    }

    [Fact]
    public void AbandonedCursorDoesNotBlockSchemaChanges()
    {
        var con = Connect();
        Call(con, "execute", new PyStr("create table d (x)"));
        Call(con, "execute", new PyStr("insert into d values (1), (2)"));
        Call(con, "commit");
        // A cursor with rows left, dropped at once (CPython's refcounting would reset it).
        Abandon(con);
        Call(con, "execute", new PyStr("drop table d"));
        Assert.Equal(0L, ((PyInt)((PyTuple)FetchOne(con, "select count(*) from sqlite_master"))[0]).Small);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Abandon(PyObject con) => FetchOne(con, "select * from d");

    [Fact]
    public void ClosingFromInsideCallbacksRaisesInsteadOfCrashing()
    {
        // CPython 3.11 crashes here; the statement must keep the closed handle alive.
        var con = Connect();
        Call(con, "create_function", new PyStr("closer"), PyInt.From(0), Ops.GetAttr(con, new PyStr("close")));
        var (type, _, _) = Raises(() => Call(Call(con, "execute", new PyStr("select closer()")), "fetchall"));
        Assert.Equal("ProgrammingError", type);
        con = Connect();
        Call(con, "set_progress_handler", Ops.GetAttr(con, new PyStr("close")), PyInt.From(1));
        Assert.Throws<PyException>(() => FetchOne(con, "select 1"));
        (type, _, _) = Raises(() => FetchOne(con, "select 1"));
        Assert.Equal("ProgrammingError", type);
    }

    [Fact]
    public void ClosedConnectionRaisesProgrammingError()
    {
        var con = Connect();
        Call(con, "close");
        var (type, message, _) = Raises(() => Call(con, "execute", new PyStr("select 1")));
        Assert.Equal("ProgrammingError", type);
        Assert.Equal("Cannot operate on a closed database.", message);
    }
}
