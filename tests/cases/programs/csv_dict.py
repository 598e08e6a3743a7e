# csv: DictReader, DictWriter, Sniffer, dialect classes and files, over the _csv accelerator.
import csv, io, os, tempfile

print(csv.list_dialects())
rows = [{'name': 'Ann', 'age': 31, 'note': 'likes "quotes"'}, {'name': 'Bob', 'age': 5, 'note': 'a,b'}, {'name': 'Cy', 'note': 'multi\nline'}]
f = io.StringIO()
w = csv.DictWriter(f, fieldnames=['name', 'age', 'note'], restval='?')
w.writeheader()
w.writerows(rows)
print(repr(f.getvalue()))
f.seek(0)
for r in csv.DictReader(f):
    print(r)
try:
    csv.DictWriter(io.StringIO(), ['a']).writerow({'a': 1, 'b': 2})
except ValueError as e:
    print('ValueError', e)
w = csv.DictWriter(io.StringIO(), ['a'], extrasaction='ignore')
print(w.writerow({'a': 1, 'b': 2}))
try:
    csv.DictWriter(io.StringIO(), ['a'], extrasaction='bad')
except ValueError as e:
    print('ValueError', e)
r = csv.DictReader(['a,b', '1,2,3,4', '5'], restkey='extra', restval='none')
print(r.fieldnames, list(r), r.line_num)
r = csv.DictReader(['1,2', '', '3,4'], fieldnames=['x', 'y'])
print(list(r))

class Pipes(csv.Dialect):
    delimiter = '|'
    quotechar = "'"
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
csv.register_dialect('pipes', Pipes)
print(sorted(csv.list_dialects()), csv.get_dialect('pipes').delimiter)
f = io.StringIO()
csv.writer(f, 'pipes').writerows([['a|b', "it's", 3], ['x', '', None]])
print(repr(f.getvalue()))
print(list(csv.reader(io.StringIO(f.getvalue()), dialect='pipes')))
csv.unregister_dialect('pipes')
try:
    csv.get_dialect('pipes')
except csv.Error as e:
    print('Error', e)

class Bad(csv.Dialect):
    delimiter = ','
    quotechar = '"'
    lineterminator = '\n'
    quoting = 9
try:
    Bad()
except csv.Error as e:
    print('Error', e)
class Incomplete(csv.Dialect):
    pass
try:
    Incomplete()
except csv.Error as e:
    print('Error', e)
print(csv.excel.delimiter, csv.excel_tab.delimiter, repr(csv.unix_dialect.lineterminator), csv.unix_dialect.quoting)
d = csv.get_dialect('excel')
print(type(d).__name__, d.delimiter, d.quotechar, d.doublequote, d.skipinitialspace, repr(d.lineterminator), d.quoting, d.escapechar, d.strict)

sample = 'id;name;score\r\n1;"Smith; J";3.5\r\n2;Jones;4.0\r\n3;"O""Neil";2.25\r\n'
s = csv.Sniffer()
dialect = s.sniff(sample)
print(dialect.delimiter, dialect.quotechar, dialect.doublequote, dialect.skipinitialspace, repr(dialect.lineterminator), dialect.quoting)
print(s.has_header(sample))
print(list(csv.reader(io.StringIO(sample), dialect)))
dialect = s.sniff('a\tb\tc\n1\t2\t3\n4\t5\t6\n')
print(repr(dialect.delimiter))
dialect = s.sniff("'a', 'b', 'c'\n'1', '2', '3'\n", delimiters=',;')
print(repr(dialect.delimiter), repr(dialect.quotechar), dialect.skipinitialspace)
print(s.has_header('name,age\nann,3\nbob,4\n'), s.has_header('1,2\n3,4\n5,6\n'))
try:
    s.sniff('')
except csv.Error as e:
    print('Error', e)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 't.csv')
    with open(path, 'w', newline='') as fh:
        wr = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC)
        wr.writerow(['x', 1, 2.5, 'a\nb'])
        wr.writerow(['y', -3, 1e20, ''])
    with open(path, 'rb') as fh:
        print(fh.read())
    with open(path, newline='') as fh:
        rd = csv.reader(fh, quoting=csv.QUOTE_NONNUMERIC)
        for row in rd:
            print(row, rd.line_num)

big = io.StringIO()
wr = csv.writer(big)
for i in range(2000):
    wr.writerow([i, f'name {i}', i * 0.5, 'q"uote' if i % 7 == 0 else 'plain', '' if i % 3 else 'x,y'])
data = big.getvalue()
back = list(csv.reader(io.StringIO(data)))
print(len(data), len(back), back[0], back[7], back[1999])
print(sum(float(r[2]) for r in back), sum(1 for r in back if ',' in r[4]))
