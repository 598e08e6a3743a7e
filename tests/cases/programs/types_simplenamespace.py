import types, pickle, copy
n = types.SimpleNamespace(a=1, b=[2])
print(vars(n), n.__dict__ is vars(n), n == types.SimpleNamespace(a=1, b=[2]), n != types.SimpleNamespace(a=1))
print(n == 5, pickle.loads(pickle.dumps(n)), copy.deepcopy(n), n.__reduce__())
n.__dict__['c'] = 3; print(n.c, n)
