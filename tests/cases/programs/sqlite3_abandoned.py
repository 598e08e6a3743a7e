# sqlite3: commit after a write statement whose cursor was dropped with rows left.
import sqlite3
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
c = sqlite3.connect(':memory:')
c.execute('create table t(a)')
c.execute('insert into t values (1),(2),(3) returning a')
c.commit()
print("abandoned returning, commit", c.in_transaction, c.execute('select count(*) from t').fetchone())
cu = c.execute('insert into t values (1),(2),(3) returning a')
t("live returning, commit", lambda: c.commit())
print("fetch", cu.fetchall())
c.commit()
t("create function after abandoned", lambda: (c.execute("select 1 union select 2"), c.create_function("f", 0, lambda: 1))[1])
