# sqlite3: create_function, create_aggregate, create_collation, authorizer, progress, trace.
import sqlite3


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


con = sqlite3.connect(":memory:")
con.execute("create table t (a, b)")
con.executemany("insert into t values (?, ?)", [(1, "x"), (2, "y"), (3, None), (4, b"\x01"), (2.5, "z")])

con.create_function("double", 1, lambda v: v * 2)
print("double", con.execute("select double(a) from t order by rowid").fetchall())
con.create_function("kind", 1, lambda v: type(v).__name__)
print("kinds", con.execute("select kind(a), kind(b) from t order by rowid").fetchall())
con.create_function("echo", -1, lambda *args: repr(args))
print("varargs", con.execute("select echo(), echo(1), echo(1, 'a', null, x'00', 1.5)").fetchone())
con.create_function(name="named", narg=0, func=lambda: "kw", deterministic=True)
print("keywords", con.execute("select named()").fetchone())
con.create_function("ret", 1, lambda v: v)
print("returns", con.execute("select ret(1), ret(1.5), ret('s'), ret(x'0102'), ret(null)").fetchone())
con.create_function("retbytes", 0, lambda: bytearray(b"ab"))
print("bytearray result", con.execute("select retbytes(), typeof(retbytes())").fetchone())
con.create_function("retbig", 0, lambda: 2**62)
print("big result", con.execute("select retbig()").fetchone())
con.create_function("retbool", 0, lambda: True)
print("bool result", con.execute("select retbool()").fetchone())

con.create_function("boom", 0, lambda: 1 / 0)
t("raises", lambda: con.execute("select boom()"))
con.create_function("obj", 0, lambda: object())
t("bad result", lambda: con.execute("select obj()"))
con.create_function("huge", 0, lambda: 2**64)
t("overflow result", lambda: con.execute("select huge()"))
t("wrong arg count", lambda: con.execute("select double(1, 2)"))
t("unknown function", lambda: con.execute("select nofunc()"))
t("narg too big", lambda: con.create_function("f", 1000, len))
t("missing narg", lambda: con.create_function("f"))
t("too many positional", lambda: con.create_function("f", 1, len, True))
t("name not str", lambda: con.create_function(5, 1, len))
con.create_function("double", 1, None)
t("removed", lambda: con.execute("select double(1)"))
con.create_function("double", 1, lambda v: v + v)
print("replaced", con.execute("select double('ab')").fetchone())


class Sum:
    def __init__(self):
        self.total = 0

    def step(self, v):
        if isinstance(v, (int, float)):
            self.total += v

    def finalize(self):
        return self.total


con.create_aggregate("mysum", 1, Sum)
print("aggregate", con.execute("select mysum(a) from t").fetchone())
print("aggregate group", con.execute("select b is null, mysum(a) from t group by b is null order by 1").fetchall())
print("aggregate empty", con.execute("select mysum(a) from t where 0").fetchone())


class Concat:
    def __init__(self):
        self.parts = []

    def step(self, *args):
        self.parts.append("|".join(map(str, args)))

    def finalize(self):
        return ",".join(self.parts)


con.create_aggregate(name="cat", n_arg=-1, aggregate_class=Concat)
print("aggregate varargs", con.execute("select cat(a, b) from t where rowid < 3").fetchone())


class InitFails:
    def __init__(self):
        raise ValueError


class StepFails:
    def step(self, v):
        raise ValueError

    def finalize(self):
        return 1


class FinalizeFails:
    def step(self, v):
        pass

    def finalize(self):
        raise ValueError


class NoStep:
    def finalize(self):
        return 1


class NoFinalize:
    def step(self, v):
        pass


class BadResult:
    def step(self, v):
        pass

    def finalize(self):
        return [1]


for cls in (InitFails, StepFails, FinalizeFails, NoStep, NoFinalize, BadResult):
    con.create_aggregate("agg", 1, cls)
    t(cls.__name__, lambda: con.execute("select agg(a) from t").fetchall())
t("aggregate missing arg", lambda: con.create_aggregate("agg", 1))

con.create_collation("reverse", lambda a, b: (a < b) - (a > b))
print("collation", con.execute("select b from t where typeof(b) = 'text' order by b collate reverse").fetchall())
con.create_collation("bylen", lambda a, b: len(a) - len(b))
print("collation len", con.execute("select v from (select 'ccc' v union select 'a' union select 'bb') order by v collate bylen").fetchall())
con.create_collation("reverse", None)
t("removed collation", lambda: con.execute("select 1 order by 1 collate reverse"))
t("collation not callable", lambda: con.create_collation("x", 5))
t("collation name", lambda: con.create_collation(5, len))
t("collation kw", lambda: con.create_collation(name="x", callable=len))
con.create_collation("weird", lambda a, b: "nope")
print("collation bad result", con.execute("select v from (select 'b' v union select 'a') order by v collate weird").fetchall())

# authorizer
seen = []


def authorizer(action, arg1, arg2, dbname, source):
    seen.append((action, arg1, arg2, dbname, source))
    if arg2 == "secret":
        return sqlite3.SQLITE_DENY
    if arg2 == "hidden":
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK


con.execute("create table s (pub, secret, hidden)")
con.execute("insert into s values (1, 2, 3)")
con.set_authorizer(authorizer)
print("authorized", con.execute("select pub, hidden from s").fetchall())
t("denied", lambda: con.execute("select secret from s"))
print("authorizer calls", sorted(set(a for a in seen if a[0] == sqlite3.SQLITE_READ)))
con.set_authorizer(lambda *a: 1 / 0)
t("authorizer raises", lambda: con.execute("select pub from s"))
con.set_authorizer(lambda *a: "x")
t("authorizer bad result", lambda: con.execute("select pub from s"))
con.set_authorizer(None)
print("authorizer removed", con.execute("select secret from s").fetchall())
con.set_authorizer(authorizer_callback=None)

# progress handler
calls = []
con.set_progress_handler(lambda: calls.append(1), 1)
con.execute("select count(*) from t").fetchall()
print("progress called", len(calls) > 0)
con.set_progress_handler(lambda: 1, 1)
t("progress abort", lambda: con.execute("select count(*) from t").fetchall())
con.set_progress_handler(None, 1)
print("progress removed", con.execute("select count(*) from t").fetchone())

# trace callback
statements = []
con.set_trace_callback(statements.append)
con.execute("select ?, ?", (1, "two"))
con.execute("insert into t values (9, 'nine')")
con.commit()
con.set_trace_callback(None)
con.execute("select 5")
print("traced", statements)
con.set_trace_callback(lambda s: 1 / 0)
print("trace raising ignored", con.execute("select 6").fetchone())
con.set_trace_callback(None)

# limits, interrupt
print("limit", con.getlimit(sqlite3.SQLITE_LIMIT_LENGTH) > 0)
old = con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 100)
print("setlimit", old == con.getlimit(sqlite3.SQLITE_LIMIT_LENGTH) or con.getlimit(sqlite3.SQLITE_LIMIT_LENGTH))
t("over limit", lambda: con.execute("select ?", ("x" * 200,)))
t("bad category", lambda: con.getlimit(100))
print("interrupt", con.interrupt())
print("complete", sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"), sqlite3.complete_statement("select ';"))
t("complete int", lambda: sqlite3.complete_statement(5))
con.close()
t("closed create_function", lambda: con.create_function("f", 1, len))
t("closed create_aggregate", lambda: con.create_aggregate("f", 1, Sum))
t("closed create_collation", lambda: con.create_collation("f", len))
t("closed set_authorizer", lambda: con.set_authorizer(None))
