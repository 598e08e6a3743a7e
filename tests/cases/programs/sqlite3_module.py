# sqlite3: module attributes, constants, exception hierarchy, iterdump and blobs.
import _sqlite3
import sqlite3


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


names = [n for n in dir(_sqlite3) if not n.startswith("__")]
print(len(names), names)
for n in names:
    v = getattr(_sqlite3, n)
    if isinstance(v, int):
        print(n, v)
print(sqlite3.version, sqlite3.version_info, sqlite3.threadsafety, type(sqlite3.sqlite_version).__name__)
print(sqlite3.sqlite_version_info >= (3, 7, 15), sqlite3.sqlite_version.count("."))
print(sqlite3.adapters is _sqlite3.adapters, sqlite3.converters is _sqlite3.converters)
for cls in (sqlite3.Warning, sqlite3.Error, sqlite3.InterfaceError, sqlite3.DatabaseError, sqlite3.DataError,
            sqlite3.OperationalError, sqlite3.IntegrityError, sqlite3.InternalError, sqlite3.ProgrammingError,
            sqlite3.NotSupportedError):
    print(cls.__module__, cls.__qualname__, [b.__name__ for b in cls.__mro__])
for cls in (sqlite3.Connection, sqlite3.Cursor, sqlite3.Row, sqlite3.Blob, sqlite3.PrepareProtocol):
    print(repr(cls), cls.__name__, cls.__module__)
t("Blob()", lambda: sqlite3.Blob())
print("PrepareProtocol()", type(sqlite3.PrepareProtocol()).__name__)
e = sqlite3.OperationalError("custom")
print("plain error", e, e.args, hasattr(e, "sqlite_errorcode"))
con = sqlite3.connect(":memory:")
try:
    con.execute("select * from missing")
except sqlite3.Error as exc:
    print("errorcode", type(exc).__name__, exc.sqlite_errorcode, exc.sqlite_errorname, exc.args)
try:
    con.execute("create table x (a)").execute("insert into x values (1)")
    con.executescript("create table y (b); insert into y values (zeroblob(-1)); select raise(abort, 'stop');")
except sqlite3.Error as exc:
    print("raise()", type(exc).__name__, exc, exc.sqlite_errorcode, exc.sqlite_errorname)

# iterdump
con = sqlite3.connect(":memory:")
con.executescript("""
    create table people (id integer primary key autoincrement, name text not null, data blob, score real);
    create index people_name on people (name);
    create view adults as select * from people where score > 1;
    create trigger tr after insert on people begin select 1; end;
    insert into people (name, data, score) values ('ann', x'00ff', 1.5);
    insert into people (name, data, score) values ('o''brien', null, null);
    create table "odd name" ("a b" text);
    insert into "odd name" values ('q');
""")
for line in con.iterdump():
    print("dump:", line)
copy = sqlite3.connect(":memory:")
copy.executescript("\n".join(con.iterdump()))
print("restored", copy.execute("select name, data, score from people order by id").fetchall())
con.close()
t("closed iterdump", lambda: con.iterdump())

# blobs
con = sqlite3.connect(":memory:")
con.execute("create table b (data blob)")
con.execute("insert into b values (zeroblob(10))")
con.execute("insert into b values (?)", (b"hello world",))
with con.blobopen("b", "data", 1) as blob:
    print("len", len(blob), blob.tell())
    blob.write(b"abc")
    print("after write", blob.tell())
    blob.seek(0)
    print("read", blob.read(), blob.tell())
    blob.seek(-2, 2)
    print("read end", blob.read(5))
    blob.seek(1)
    blob.seek(2, 1)
    print("seek cur", blob.tell(), blob.read(2))
    print("index", blob[0], blob[-1], blob[0:3], blob[::3], blob[5:2])
    blob[9] = 255
    blob[0:2] = b"XY"
    blob[3:9:2] = b"123"
    print("assigned", blob[:])
    t("index error", lambda: blob[10])
    t("byte range", lambda: blob.__setitem__(0, 256))
    t("slice size", lambda: blob.__setitem__(slice(0, 2), b"abc"))
    t("delete", lambda: blob.__delitem__(0))
    t("str index", lambda: blob["a"])
    t("write too long", lambda: blob.write(b"x" * 20))
    t("seek range", lambda: blob.seek(11))
    t("seek origin", lambda: blob.seek(0, 5))
    t("write str", lambda: blob.write("abc"))
print("stored", con.execute("select data from b where rowid = 1").fetchone())
t("closed blob", lambda: blob.read())
t("closed blob len", lambda: len(blob))
ro = con.blobopen("b", "data", 2, readonly=True)
print("readonly read", ro.read(5), ro.read(3))
t("readonly write", lambda: ro.write(b"x"))
ro.close()
ro.close()
t("no such row", lambda: con.blobopen("b", "data", 99))
t("no such table", lambda: con.blobopen("nope", "data", 1))
t("no such column", lambda: con.blobopen("b", "nope", 1))
t("bad args", lambda: con.blobopen(1, "data", 1))
t("bad db name", lambda: con.blobopen("b", "data", 1, name="other"))
b2 = con.blobopen("b", "data", 1)
con.close()
t("blob after connection close", lambda: b2.read())
