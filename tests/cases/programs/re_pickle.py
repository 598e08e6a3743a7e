# Patterns pickle through copyreg and re._compile.
import pickle
import re

for p in (re.compile(r'(?P<x>a)b', re.I), re.compile(b'\\d+'), re.compile('x', re.M | re.S)):
    q = pickle.loads(pickle.dumps(p))
    print(q, q == p, q is p, q.groupindex)
try:
    pickle.dumps(re.match('a', 'a'))
except Exception as e:
    print(type(e).__name__, e)
