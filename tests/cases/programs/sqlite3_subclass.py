# sqlite3: subclasses without __init__, re-initialising, factories that fail, weak references.
import sqlite3
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
class C(sqlite3.Connection):
    def cursor(self, factory=None):
        print("  custom cursor()")
        return super().cursor()
c = C(":memory:")
t("execute uses cursor()", lambda: c.execute("select 1").fetchone())
class NoInit(sqlite3.Cursor):
    def __init__(self, con):
        pass
con = sqlite3.connect(":memory:")
t("no init cursor", lambda: con.cursor(NoInit).execute("select 1"))
t("no init cursor fetch", lambda: NoInit(con).fetchone())
t("no init cursor close", lambda: NoInit(con).close())
class NoInitCon(sqlite3.Connection):
    def __init__(self, *a, **k):
        pass
t("no init con", lambda: NoInitCon(":memory:").execute("select 1"))
t("no init con cursor", lambda: NoInitCon(":memory:").cursor())
t("no init con commit", lambda: NoInitCon(":memory:").commit())
t("no init con isolation", lambda: NoInitCon(":memory:").isolation_level)
t("no init con row_factory", lambda: NoInitCon(":memory:").row_factory)
c2 = sqlite3.connect(":memory:")
c2.execute("create table x(a)")
c2.__init__(":memory:")
t("reinit", lambda: c2.execute("select * from x"))
t("reinit works", lambda: c2.execute("select 1").fetchone())
t("cursor.connection", lambda: con.cursor().connection is con)
t("repr row", lambda: repr(con.execute("select 1").fetchone()))
con.row_factory = sqlite3.Row
t("row repr", lambda: repr(con.execute("select 1").fetchone()).split(" object")[0])
t("row in set", lambda: len({con.execute("select 1 as a").fetchone(), con.execute("select 1 as a").fetchone()}))
t("fetchall rows keys", lambda: [r.keys() for r in con.execute("select 1 as a union select 2")])
t("isolation_level after reinit", lambda: sqlite3.Connection.__init__(c2, ":memory:", isolation_level=None) or c2.isolation_level)
t("text_factory None", lambda: (setattr(con, 'text_factory', None), con.execute("select 'a'").fetchone()))
t("row_factory raising", lambda: (setattr(con, 'row_factory', lambda c, r: 1/0), con.execute("select 1").fetchone()))
con.row_factory = None
t("row_factory nonexistent arg", lambda: (setattr(con, 'row_factory', len), con.execute("select 1").fetchone()))
con.row_factory = None
t("pickle conn", lambda: __import__("pickle").dumps(con))
t("copy row", lambda: __import__("copy").copy(sqlite3.Row(con.execute("select 1 as a"), (1,))))
t("weakref conn", lambda: __import__("weakref").ref(con)() is con)
t("weakref cursor", lambda: __import__("weakref").ref(con.cursor()) is not None)
t("cursor fetch on executescript", lambda: con.executescript("select 1").fetchall())
t("cursor description after executescript", lambda: con.cursor().executescript("select 1").description)
t("executemany returning", lambda: con.executemany("insert into x values (?) returning a", [(1,)]))
t("execute returning fetch", lambda: (con.execute("create table r(a)"), con.execute("insert into r values (1),(2) returning a").fetchall())[1])
t("vacuum in tx", lambda: (con.execute("insert into r values (3)"), con.execute("vacuum"))[1])
t("pragma", lambda: con.execute("pragma user_version").fetchone())
t("named with colon in dict", lambda: con.execute("select :a", {":a": 1}))
t("int subclass param", lambda: con.execute("select ?", (True,)).fetchone())
t("large blob", lambda: len(con.execute("select ?", (b"x" * 1000000,)).fetchone()[0]))
