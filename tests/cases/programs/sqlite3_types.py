# sqlite3: adapters, converters, detect_types and the default date/datetime adapters.
import datetime
import decimal
import sqlite3


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print("PARSE", sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES)
print("registered adapters", sorted(k[0].__name__ for k in sqlite3.adapters))
print("registered converters", sorted(sqlite3.converters))

con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
con.execute("create table ev (d date, ts timestamp, n number(10), i integer not null, p point)")
day = datetime.date(2024, 2, 29)
moment = datetime.datetime(2024, 2, 29, 13, 45, 10, 123456)
con.execute("insert into ev (d, ts, n, i) values (?, ?, ?, ?)", (day, moment, 5, 7))
con.execute("insert into ev (d, ts, n, i) values (?, ?, ?, ?)", (day, datetime.datetime(2000, 1, 1, 0, 0), None, 1))
rows = con.execute("select d, ts from ev order by rowid").fetchall()
print("converted", rows)
print("stored as text", con.execute("select typeof(d), d, ts from ev order by rowid").fetchall()[0])
print("colnames", con.execute('select d as "d [date]", ts as "t [timestamp]" from ev').fetchone())
print("colname description", con.execute('select d as "d [date]", 1 as "x [unknown]", 2 as "y[z]" from ev').description)
print("casts", con.execute("select '2020-01-02' as \"v [date]\"").fetchone())


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def adapt_point(p):
    return f"{p.x};{p.y}"


def convert_point(b):
    x, y = map(float, b.split(b";"))
    return Point(x, y)


sqlite3.register_adapter(Point, adapt_point)
sqlite3.register_converter("POINT", convert_point)
con.execute("insert into ev (d, i, p) values (?, ?, ?)", (None, 3, Point(1, 2.5)))
print("point", con.execute("select p from ev where p is not null").fetchone())
print("point lower-case key", con.execute('select p as "p [point]" from ev where p is not null').fetchone())
print("null not converted", con.execute("select p from ev where p is null").fetchall())
print("decltype split", con.execute("select n, i from ev order by rowid").fetchall())
sqlite3.register_converter("number", lambda b: ("number", b))
sqlite3.register_converter("INTEGER", lambda b: int(b) * 100)
print("decltype number(10), integer not null", con.execute("select n, i from ev order by rowid").fetchall())
print("converter keys", sorted(sqlite3.converters))
del sqlite3.converters["NUMBER"]
del sqlite3.converters["INTEGER"]


class Conform:
    def __conform__(self, protocol):
        print("  conform called with", protocol is sqlite3.PrepareProtocol)
        return "conformed"


print("conform", con.execute("select ?", (Conform(),)).fetchone())


class ConformNone:
    def __conform__(self, protocol):
        return None


t("conform None", lambda: con.execute("select ?", (ConformNone(),)))
print("adapt", sqlite3.adapt(Point(3, 4)), sqlite3.adapt(Conform()))
t("adapt int", lambda: sqlite3.adapt(5))
t("adapt unknown", lambda: sqlite3.adapt(object()))
print("adapt alt", sqlite3.adapt(object(), sqlite3.PrepareProtocol, "alt"))
t("adapt raising", lambda: sqlite3.adapt(1.5, sqlite3.PrepareProtocol, None))

sqlite3.register_adapter(decimal.Decimal, str)
print("decimal", con.execute("select ?, typeof(?)", (decimal.Decimal("1.10"), decimal.Decimal("2"))).fetchone())


def bad_adapter(v):
    raise ValueError("no adapting")


sqlite3.register_adapter(complex, bad_adapter)
t("adapter raises", lambda: con.execute("select ?", (1j,)))
sqlite3.register_adapter(complex, lambda c: [c])
t("adapter bad result", lambda: con.execute("select ?", (1j,)))
sqlite3.register_adapter(int, lambda i: i * 10)
print("base type adapted", con.execute("select ?, ?", (2, 2.5)).fetchone())
del sqlite3.adapters[(int, sqlite3.PrepareProtocol)]
print("int adapter removed", con.execute("select ?", (2,)).fetchone())


class MyInt(int):
    pass


class MyStr(str):
    pass


print("subclasses", con.execute("select ?, ?, typeof(?)", (MyInt(4), MyStr("s"), MyInt(1))).fetchone())
t("register_adapter one arg", lambda: sqlite3.register_adapter(int))
t("register_converter int", lambda: sqlite3.register_converter(5, str))


def bad_converter(b):
    raise KeyError("conv")


sqlite3.register_converter("bad", bad_converter)
t("converter raises", lambda: con.execute('select 1 as "x [bad]"').fetchone())
con.close()

plain = sqlite3.connect(":memory:")
plain.execute("create table ev (d date)")
plain.execute("insert into ev values (?)", (day,))
print("no detect_types", plain.execute("select d from ev").fetchone())
only_names = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
print("colnames only", only_names.execute("select '2001-02-03' as \"d [date]\"").fetchone(), only_names.execute("select 1 as \"x [y]\"").description[0][0])
print("names untouched without PARSE_COLNAMES", plain.execute("select 1 as \"x [y]\"").description[0][0])
print("timestamp without fraction", sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES).execute("select '2001-02-03 04:05:06' as \"t [timestamp]\"").fetchone())
print("DateFromTicks type", type(sqlite3.DateFromTicks(0)).__name__, sqlite3.Binary is memoryview, sqlite3.paramstyle, sqlite3.apilevel)
