# sqlite3: statements run with the interpreter lock released, so a thread waiting on a
# locked database lets the lock holder commit; callbacks in worker threads.
import os
import sqlite3
import tempfile
import threading
import time

d = tempfile.mkdtemp()
path = os.path.join(d, "threads.db")
setup = sqlite3.connect(path)
setup.execute("create table t (who, n)")
setup.commit()
setup.close()

holding = threading.Event()
log = []


def holder():
    con = sqlite3.connect(path)
    con.execute("insert into t values ('holder', 1)")
    holding.set()
    time.sleep(0.3)
    log.append("holder commits")
    con.commit()
    con.close()


def waiter():
    holding.wait()
    con = sqlite3.connect(path, timeout=20)
    # Blocks in SQLite's busy handler until the holder commits.
    con.execute("insert into t values ('waiter', 2)")
    con.commit()
    log.append("waiter committed")
    con.close()


threads = [threading.Thread(target=holder), threading.Thread(target=waiter)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(log)
con = sqlite3.connect(path)
print(con.execute("select who, n from t order by n").fetchall())
con.close()

# (No user functions here: a callback that switches threads inside SQLite's connection
# mutex can deadlock with a thread waiting for that mutex, in CPython too.)
shared = sqlite3.connect(":memory:", check_same_thread=False)
results = {}


def worker(k):
    results[k] = shared.execute("select ? * ?", (k, k)).fetchone()[0]


ws = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print(sorted(results.items()))
errors = []


def wrong_thread(con):
    try:
        con.execute("select 1")
    except sqlite3.ProgrammingError as e:
        errors.append(str(e).split(" The object")[0])


own = sqlite3.connect(":memory:")
th = threading.Thread(target=wrong_thread, args=(own,))
th.start()
th.join()
print(errors)
os.remove(path)
os.rmdir(d)
