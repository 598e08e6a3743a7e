# sqlite3: backup, serialize/deserialize and window functions.
import sqlite3


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


src = sqlite3.connect(":memory:")
src.execute("create table t (a, b)")
src.executemany("insert into t values (?, ?)", [(i, "x" * i) for i in range(200)])
src.commit()
dst = sqlite3.connect(":memory:")
src.backup(dst)
print("backup", dst.execute("select count(*), sum(a) from t").fetchone())
steps = []
dst2 = sqlite3.connect(":memory:")
src.backup(dst2, pages=1, progress=lambda status, remaining, total: steps.append((status, remaining, total)))
print("progress", len(steps) > 1, steps[-1][0], steps[-1][1], steps[0][2] == steps[-1][2])
print("copied", dst2.execute("select count(*) from t").fetchone())
t("backup self", lambda: src.backup(src))
t("backup int", lambda: src.backup(5))
t("backup progress", lambda: src.backup(sqlite3.connect(":memory:"), progress=5))
t("backup name", lambda: src.backup(sqlite3.connect(":memory:"), name="nope"))
t("backup positional", lambda: src.backup(dst, 1))


def failing(status, remaining, total):
    raise RuntimeError("stop copying")


t("backup progress raises", lambda: src.backup(sqlite3.connect(":memory:"), pages=1, progress=failing))
closed = sqlite3.connect(":memory:")
closed.close()
t("backup closed target", lambda: src.backup(closed))

data = src.serialize()
print("serialize", type(data).__name__, len(data) > 0, data[:16])
copy = sqlite3.connect(":memory:")
copy.deserialize(data)
print("deserialize", copy.execute("select count(*), max(b) = ? from t", ("x" * 199,)).fetchone())
copy.execute("insert into t values (1000, 'grow')")
print("grows", copy.execute("select count(*) from t").fetchone())
t("serialize name", lambda: src.serialize(name="nope"))
t("serialize positional", lambda: src.serialize("main"))
t("deserialize garbage", lambda: sqlite3.connect(":memory:").deserialize(b"not a database" * 100))
bad = sqlite3.connect(":memory:")
bad.deserialize(b"not a database" * 100)
t("query garbage", lambda: bad.execute("select * from sqlite_master"))
t("deserialize int", lambda: copy.deserialize(5))


class WindowSum:
    def __init__(self):
        self.count = 0

    def step(self, value):
        self.count += value

    def value(self):
        return self.count

    def inverse(self, value):
        self.count -= value

    def finalize(self):
        return self.count


con = sqlite3.connect(":memory:")
con.execute("create table w (x, y)")
con.executemany("insert into w values (?, ?)", [("a", 4), ("b", 5), ("c", 3), ("d", 8), ("e", 1)])
con.create_window_function("sumint", 1, WindowSum)
print("window", con.execute("""
    select x, sumint(y) over (order by x rows between 1 preceding and 1 following) as s
    from w order by x""").fetchall())
print("as aggregate", con.execute("select sumint(y) from w").fetchone())


class NoValue(WindowSum):
    value = None


class NoInverse:
    def __init__(self):
        self.n = 0

    def step(self, v):
        self.n += v

    def value(self):
        return self.n

    def finalize(self):
        return self.n


class BadValue(WindowSum):
    def value(self):
        return object()


for cls in (NoValue, NoInverse, BadValue):
    con.create_window_function("wf", 1, cls)
    t(cls.__name__, lambda: con.execute("select sumint(y) over (rows between 1 preceding and current row), wf(y) over (rows between 1 preceding and current row) from w").fetchall())
con.create_window_function("wf", 1, None)
t("removed", lambda: con.execute("select wf(y) over () from w").fetchall())
t("too many params", lambda: con.create_window_function("x", 1000, WindowSum))
t("missing args", lambda: con.create_window_function("x", 1))
