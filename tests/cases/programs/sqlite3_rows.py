# sqlite3: row_factory, sqlite3.Row and text_factory.
import sqlite3


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


con = sqlite3.connect(":memory:")
con.execute("create table t (Id integer, Name text, \"Ünï\" text)")
con.execute("insert into t values (1, 'a', 'x'), (2, 'b', 'y')")
con.row_factory = sqlite3.Row
print("row_factory", con.row_factory is sqlite3.Row)
r = con.execute("select * from t order by id").fetchone()
print(type(r).__name__, len(r), tuple(r), list(r), r.keys())
print("index", r[0], r[1], r[-1], r[-3], r[0:2], r[::-1], r[5:])
print("by name", r["Id"], r["id"], r["ID"], r["name"], r["Ünï"])
t("non-ascii case", lambda: r["üNÏ"])
t("missing name", lambda: r["nope"])
t("out of range", lambda: r[3])
t("negative out of range", lambda: r[-4])
t("float index", lambda: r[1.0])
t("none index", lambda: r[None])
t("bool index", lambda: r[True])
rows = con.execute("select * from t order by id").fetchall()
r2 = con.execute("select * from t order by id").fetchone()
print("eq", r == r2, r != r2, r == rows[1], r == tuple(r), r != tuple(r))
print("hash", hash(r) == hash(r2))
t("lt", lambda: r < r2)
print("in", 1 in r, "a" in r, 3 in r)
print("contains via iter", [v for v in r])
import collections.abc
print("sequence", isinstance(r, collections.abc.Sequence))
t("Row(list)", lambda: sqlite3.Row(con.cursor(), [1]))
t("Row(int, tuple)", lambda: sqlite3.Row(1, (1,)))
t("Row kw", lambda: sqlite3.Row(con.cursor(), (1,), x=1))
c = con.execute("select 1 as one, 2 as two")
manual = sqlite3.Row(c, (10, 20))
print("manual", manual["two"], manual.keys())
print("duplicate names", con.execute("select 1 as a, 2 as a").fetchone()["a"])


class MyRow(sqlite3.Row):
    def total(self):
        return sum(self)


con.row_factory = MyRow
print("subclass", type(con.execute("select 1, 2").fetchone()).__name__, con.execute("select 1, 2").fetchone().total())


def dict_factory(cursor, row):
    return {d[0]: v for d, v in zip(cursor.description, row)}


con.row_factory = dict_factory
print("dict factory", con.execute("select * from t order by id").fetchall())
cur = con.cursor()
print("cursor inherits", cur.row_factory is dict_factory)
cur.row_factory = None
print("cursor override", cur.execute("select 1").fetchone(), con.execute("select 1").fetchone())
con.row_factory = lambda c, r: r[0]
print("scalar factory", con.execute("select id from t order by id").fetchall())
con.row_factory = None
del cur.row_factory
print("deleted row_factory", cur.row_factory)

# text_factory
print("default text_factory", con.text_factory is str)
con.text_factory = bytes
print("bytes", con.execute("select 'h\u00e9'").fetchone())
con.text_factory = bytearray
print("bytearray", con.execute("select 'ab'").fetchone())
con.text_factory = lambda b: b.decode("utf-8").upper()
print("callable", con.execute("select 'abc'").fetchone())
con.text_factory = str
con.execute("create table raw (v)")
con.execute("insert into raw values (cast(x'61ff62' as text))")
t("bad utf-8", lambda: con.execute("select v from raw").fetchone())
con.text_factory = lambda b: b.decode("utf-8", "replace")
print("replace", con.execute("select v from raw").fetchone())
con.text_factory = bytes
print("blob stays bytes", con.execute("select x'00', 'x'").fetchone())
con.text_factory = str
print("blobs", con.execute("select x'', zeroblob(3)").fetchone())
