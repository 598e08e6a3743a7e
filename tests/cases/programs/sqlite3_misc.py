# sqlite3: threads, recursive cursor use, pending statements, callback tracebacks, odd parameters.
import sqlite3, threading, sys, io, gc
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
con = sqlite3.connect(":memory:")
con.execute("create table t(a)")
con.executemany("insert into t values (?)", [(1,), (2,), (3,)])
res = []
def work():
    try:
        con.execute("select 1")
    except Exception as e:
        res.append((type(e).__name__, str(e).split(".")[0]))
th = threading.Thread(target=work); th.start(); th.join()
print("thread", res)
con2 = sqlite3.connect(":memory:", check_same_thread=False)
out = []
th = threading.Thread(target=lambda: out.append(con2.execute("select 42").fetchone())); th.start(); th.join()
print("no check", out)
cur = con.cursor()
def conv(b):
    return cur.execute("select 1").fetchone()
sqlite3.register_converter("rec", conv)
c3 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
cur = c3.cursor()
t("recursive converter", lambda: cur.execute('select 1 as "x [rec]"').fetchone())
cur2 = con.cursor()
cur2.row_factory = lambda c, r: c.fetchone()
cur2.execute("select a from t")
t("recursive row factory", lambda: cur2.fetchone())
# reuse cursor mid-iteration
cur3 = con.execute("select a from t order by a")
print("first", cur3.fetchone())
cur3.execute("select a * 10 from t order by a")
print("reexecuted", cur3.fetchall())
# iterate while inserting via another cursor
for row in con.execute("select a from t order by a"):
    con.execute("insert into t values (?)", (row[0] + 100,))
print("after insert loop", con.execute("select count(*) from t").fetchone())
# commit with pending select
c = con.execute("select a from t")
c.fetchone()
con.commit()
print("commit with pending select", c.fetchone())
c = con.execute("select a from t")
c.fetchone()
con.execute("insert into t values (5)")
con.rollback()
t("fetch after rollback", lambda: c.fetchall()[:2])
# drop table with an abandoned cursor
con.execute("create table d(x)")
con.execute("insert into d values (1), (2)")
con.commit()
con.execute("select * from d").fetchone()
t("drop table with abandoned cursor", lambda: con.execute("drop table d").rowcount)
# callback tracebacks
sqlite3.enable_callback_tracebacks(True)
con.create_function("boom", 0, lambda: 1/0)
old = sys.stderr
sys.stderr = io.StringIO()
t("tb", lambda: con.execute("select boom()"))
s = sys.stderr.getvalue()
sys.stderr = old
print("stderr first line", s.splitlines()[0][:30] if s else None, "ZeroDivisionError" in s, len(s.splitlines()))
sqlite3.enable_callback_tracebacks(False)
# unraisablehook
got = []
sys.unraisablehook = lambda u: got.append((u.exc_type.__name__, u.err_msg))
sqlite3.enable_callback_tracebacks(True)
t("hook", lambda: con.execute("select boom()"))
print("hook got", got)
sqlite3.enable_callback_tracebacks(False)
t("call", lambda: type(con("select 1")).__name__)
t("in_transaction type", lambda: type(con.in_transaction))
t("executescript in tx", lambda: (con.execute("insert into t values (9)"), con.in_transaction, con.executescript("select 1"), con.in_transaction)[1::2])
t("executescript begin", lambda: (con.executescript("begin; insert into t values (10);"), con.in_transaction)[1])
con.rollback()
t("nested with", lambda: con.execute("select count(*) from t where a = 10").fetchone())
print("cursor iter identity", iter(cur3) is cur3)
t("fetchmany negative", lambda: con.execute("select 1 union select 2").fetchmany(-5))
t("executemany dict rows", lambda: con.executemany("insert into t values (:a)", [{"a": 1}, {"a": 2}]).rowcount)
class D(dict):
    def __missing__(self, k): return "missing:" + k
t("dict subclass", lambda: con.execute("select :zz", D()).fetchone())
class M:
    def __getitem__(self, k): return k * 2
    def __len__(self): return 1
t("sequence-like", lambda: con.execute("select ?", M()).fetchone())
t("string with null", lambda: con.execute("select ?", ("a\0b",)).fetchone())
t("length of null str", lambda: con.execute("select length(?)", ("a\0b",)).fetchone())
t("description after dml", lambda: con.execute("insert into t values (1)").description)
t("lastrowid after select", lambda: con.execute("select 1").lastrowid)
