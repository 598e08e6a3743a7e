# sqlite3: connecting, executing, fetching, parameters, cursor attributes and errors.
import sqlite3


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


con = sqlite3.connect(":memory:")
print(type(con).__name__, type(con).__module__)
cur = con.cursor()
print(type(cur).__name__, cur.connection is con, cur.arraysize, cur.rowcount, cur.lastrowid, cur.description)
cur.execute("create table people (id integer primary key, name text, age integer, score real, photo blob)")
print("create rowcount", cur.rowcount, cur.description)
cur.execute("insert into people (name, age, score, photo) values (?, ?, ?, ?)", ("ann", 31, 1.5, b"\x00\x01"))
print("insert", cur.rowcount, cur.lastrowid)
cur.execute("insert into people (name, age, score, photo) values (:name, :age, :score, :photo)",
            {"name": "bob", "age": 25, "score": -2.25, "photo": None})
print("named", cur.rowcount, cur.lastrowid)
cur.executemany("insert into people (name, age) values (?, ?)", [("cy", 40), ("dee", 19), ("eve", 33)])
print("executemany", cur.rowcount, cur.lastrowid)
cur.executemany("insert into people (name, age) values (?, ?)", iter([("fay", 50)]))
print("executemany iter", cur.rowcount)


def gen():
    for n in ("gus", "hal"):
        yield (n, len(n))


cur.executemany("insert into people (name, age) values (?, ?)", gen())
print("executemany gen", cur.rowcount)

cur.execute("select id, name, age, score, photo from people order by id")
print("description", cur.description)
print("fetchone", cur.fetchone())
print("fetchmany", cur.fetchmany(2))
print("fetchmany default", cur.fetchmany())
cur.arraysize = 3
print("fetchmany arraysize", cur.fetchmany())
print("fetchall", cur.fetchall())
print("after end", cur.fetchone(), cur.fetchall(), cur.fetchmany())
print("rowcount select", cur.rowcount)

for row in con.execute("select name, age from people where age > ? order by age", (30,)):
    print("iter", row)

print("types", con.execute("select 1, 1.5, 'x', x'ff00', null, 2 * 3.0").fetchone())
print("big", con.execute("select ?, ?", (2**63 - 1, -2**63)).fetchone())
print("unicode", con.execute("select ?", ("h\u00e9llo \u4e16\u754c \U0001F600",)).fetchone())
print("bytes", con.execute("select ?, ?, ?", (b"", bytearray(b"ab"), memoryview(b"cd"))).fetchone())
print("empty str", con.execute("select ?", ("",)).fetchone())
print("bool", con.execute("select ?, ?", (True, False)).fetchone())
print("float", con.execute("select ?, ?", (float("inf"), 1e300)).fetchone())
print("list params", con.execute("select ? + ?", [1, 2]).fetchone())
print("$ and @ names", con.execute("select $a, @b", {"a": 1, "b": 2}).fetchone())
print("numbered", con.execute("select ?2, ?1", (1, 2)).fetchone())

u = con.execute("update people set age = age + 1 where age < 30")
print("update", u.rowcount)
d = con.execute("delete from people where name like 'g%'")
print("delete", d.rowcount)
print("count", con.execute("select count(*) from people").fetchone()[0])
r = con.execute("insert into people (name) values ('ret') returning id, name")
print("returning", r.rowcount, r.fetchall(), r.rowcount)
print("total_changes", con.total_changes)

print("executescript", type(cur.executescript("""
    create table t2 (a, b);
    insert into t2 values (1, 2);
    insert into t2 values (3, 4);
    -- a comment
""")).__name__)
print(con.execute("select * from t2").fetchall())
print("empty sql", con.execute("").fetchall(), con.execute("  -- only a comment").description)
print("trailing", con.execute("select 1; ").fetchall(), con.execute("select 2 -- c").fetchall())

t("two statements", lambda: con.execute("select 1; select 2"))
t("too many", lambda: con.execute("select ?", (1, 2)))
t("too few", lambda: con.execute("select ?, ?", (1,)))
t("dict for qmark", lambda: con.execute("select ?", {"a": 1}))
t("missing name", lambda: con.execute("select :a", {"b": 1}))
t("names as sequence", lambda: con.execute("select :a", (5,)).fetchone())
t("unsupported", lambda: con.execute("select ?", (object(),)))
t("unsupported named", lambda: con.execute("select :x", {"x": [1]}))
t("overflow", lambda: con.execute("select ?", (2**63,)))
t("params int", lambda: con.execute("select ?", 5))
t("params None", lambda: con.execute("select 1", None))
t("params str", lambda: con.execute("select ?", "a").fetchone())
t("surrogate", lambda: con.execute("select ?", ("\ud800",)))
t("null char", lambda: con.execute("select '\0'"))
t("not str", lambda: con.execute(5))
t("syntax", lambda: con.execute("selec 1"))
t("no table", lambda: con.execute("select * from nope"))
t("no column", lambda: con.execute("select nope from people"))
t("executemany select", lambda: con.executemany("select ?", [(1,)]))
t("executemany not iterable", lambda: con.executemany("insert into t2 values (?, ?)", 5))
t("executemany bad row", lambda: con.executemany("insert into t2 values (?, ?)", [(1, 2), (3,)]))
print("after bad row", con.execute("select count(*) from t2").fetchone())
t("executescript int", lambda: con.executescript(5))
t("executescript error", lambda: con.executescript("insert into t2 values (9, 9); bogus;"))
print("after script error", con.execute("select count(*) from t2").fetchone())
t("keywords", lambda: con.execute(sql="select 1"))
t("no args", lambda: con.execute())
t("fetchmany kw", lambda: con.execute("select 1 union select 2").fetchmany(size=1))
t("fetchmany 0", lambda: con.execute("select 1 union select 2").fetchmany(0))
t("arraysize str", lambda: setattr(cur, "arraysize", "x"))
t("rowcount readonly", lambda: setattr(cur, "rowcount", 2))
t("description readonly", lambda: setattr(cur, "description", 2))

c2 = con.cursor()
c2.close()
t("closed cursor", lambda: c2.execute("select 1"))
t("closed cursor fetch", lambda: c2.fetchone())
t("closed cursor iter", lambda: next(c2))
t("closed twice", lambda: c2.close())
t("Cursor(int)", lambda: sqlite3.Cursor(5))
t("Cursor()", lambda: sqlite3.Cursor())
t("cursor factory", lambda: con.cursor(lambda c: 5))
t("cursor factory kw", lambda: type(con.cursor(factory=sqlite3.Cursor)).__name__)


class MyCursor(sqlite3.Cursor):
    def hello(self):
        return "hi"


mc = con.cursor(MyCursor)
print("subclass", type(mc).__name__, mc.hello(), mc.execute("select 7").fetchone())

con.close()
t("closed execute", lambda: con.execute("select 1"))
t("closed cursor()", lambda: con.cursor())
t("closed commit", lambda: con.commit())
t("closed rollback", lambda: con.rollback())
t("closed close", lambda: con.close())
t("closed in_transaction", lambda: con.in_transaction)
t("closed total_changes", lambda: con.total_changes)
t("closed isolation_level", lambda: con.isolation_level)
t("closed old cursor", lambda: cur.execute("select 1"))
t("closed old cursor fetch", lambda: cur.fetchone())
t("closed old cursor close", lambda: cur.close())
t("closed enter", lambda: con.__enter__())
