# sqlite3: implicit transactions, isolation_level, commit/rollback, context manager, files.
import os
import sqlite3
import tempfile


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


con = sqlite3.connect(":memory:")
print("default isolation", repr(con.isolation_level), con.in_transaction)
con.execute("create table t (x)")
print("after create", con.in_transaction)
con.execute("insert into t values (1)")
print("after insert", con.in_transaction)
con.execute("select * from t").fetchall()
print("after select", con.in_transaction)
con.commit()
print("after commit", con.in_transaction)
con.execute("insert into t values (2)")
con.rollback()
print("rolled back", con.execute("select * from t").fetchall(), con.in_transaction)
con.commit()
con.rollback()
print("no-op commit/rollback", con.in_transaction)

for level in ("DEFERRED", "immediate", "Exclusive", ""):
    con.isolation_level = level
    con.execute("insert into t values (3)")
    print("level", repr(con.isolation_level), con.in_transaction)
    con.rollback()

con.isolation_level = None
print("autocommit", repr(con.isolation_level))
con.execute("insert into t values (4)")
print("autocommit insert", con.in_transaction)
con.execute("begin")
print("explicit begin", con.in_transaction)
con.execute("insert into t values (5)")
con.execute("rollback")
print("explicit rollback", con.execute("select * from t").fetchall(), con.in_transaction)
con.execute("begin")
con.execute("insert into t values (6)")
con.isolation_level = ""
print("setting level keeps tx", con.in_transaction)
con.isolation_level = None
print("None commits", con.in_transaction, con.execute("select count(*) from t").fetchone())

t("bad level", lambda: setattr(con, "isolation_level", "foo"))
t("bad level type", lambda: setattr(con, "isolation_level", 5))
t("del level", lambda: delattr(con, "isolation_level"))
t("connect bad level", lambda: sqlite3.connect(":memory:", isolation_level="bar"))
t("connect None level", lambda: sqlite3.connect(":memory:", isolation_level=None).isolation_level)
t("connect lower level", lambda: sqlite3.connect(":memory:", isolation_level="immediate").isolation_level)

con.isolation_level = ""
with con:
    con.execute("insert into t values (10)")
print("with commit", con.in_transaction, con.execute("select count(*) from t where x = 10").fetchone())
try:
    with con:
        con.execute("insert into t values (11)")
        raise ValueError("boom")
except ValueError as e:
    print("with raised", e)
print("with rollback", con.in_transaction, con.execute("select count(*) from t where x = 11").fetchone())
with con as c:
    print("with returns self", c is con)
print("exit result", con.__exit__(None, None, None), con.__exit__(ValueError, ValueError("x"), None))

# Errors inside a transaction.
con.execute("create table u (k primary key)")
con.execute("insert into u values (1)")
t("integrity", lambda: con.execute("insert into u values (1)"))
print("still in tx", con.in_transaction)
con.commit()
e = None
try:
    con.execute("insert into u values (1)")
except sqlite3.IntegrityError as exc:
    e = exc
print("errorcode", e.sqlite_errorcode, e.sqlite_errorname, isinstance(e, sqlite3.DatabaseError))
try:
    con.execute("insert into u values (null), (null)")
    con.execute("create table n (v not null)")
    con.execute("insert into n values (null)")
except sqlite3.IntegrityError as exc:
    print("not null", exc, exc.sqlite_errorcode, exc.sqlite_errorname)
try:
    con.execute("create table c (v check (v > 0))")
    con.execute("insert into c values (-1)")
except sqlite3.IntegrityError as exc:
    print("check", exc, exc.sqlite_errorcode, exc.sqlite_errorname)
con.rollback()

# A database file, seen from two connections.
d = tempfile.mkdtemp()
path = os.path.join(d, "test.db")
a = sqlite3.connect(path)
a.execute("create table f (v)")
a.execute("insert into f values ('one')")
b = sqlite3.connect(path, timeout=0)
print("b before commit", b.execute("select * from f").fetchall() if b.execute("select count(*) from sqlite_master").fetchone()[0] else "no table")
a.commit()
print("b after commit", b.execute("select * from f").fetchall())
a.execute("insert into f values ('two')")
t("b locked", lambda: b.execute("insert into f values ('three')"))
a.rollback()
b.execute("insert into f values ('three')")
b.commit()
print("a sees", a.execute("select * from f").fetchall())
a.close()
b.close()
a = sqlite3.connect(path)
print("reopened", a.execute("select * from f").fetchall(), a.total_changes)
a.close()
print("pathlike", sqlite3.connect(__import__("pathlib").Path(path)).execute("select count(*) from f").fetchone())
print("bytes path", sqlite3.connect(path.encode()).execute("select count(*) from f").fetchone())
uri = "file:" + path + "?mode=ro"
ro = sqlite3.connect(uri, uri=True)
print("uri read", ro.execute("select count(*) from f").fetchone())
t("uri readonly", lambda: ro.execute("insert into f values (1)"))
ro.close()
t("cannot open", lambda: sqlite3.connect(os.path.join(d, "missing", "x.db")))
t("connect int", lambda: sqlite3.connect(5))
t("connect no args", lambda: sqlite3.connect())
t("connect bad kw", lambda: sqlite3.connect(":memory:", foo=1))
t("connect timeout str", lambda: sqlite3.connect(":memory:", timeout="x"))
t("connect factory None", lambda: sqlite3.connect(":memory:", factory=None))
os.remove(path)
os.rmdir(d)


class MyConnection(sqlite3.Connection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tag = "mine"


mc = sqlite3.connect(":memory:", factory=MyConnection)
print("factory", type(mc).__name__, mc.tag, mc.execute("select 1").fetchone())
print("exceptions on connection", mc.Error is sqlite3.Error, mc.IntegrityError is sqlite3.IntegrityError)
t("uninitialised", lambda: sqlite3.Connection.__new__(sqlite3.Connection).execute("select 1"))
t("uninitialised close", lambda: sqlite3.Connection.__new__(sqlite3.Connection).close())
