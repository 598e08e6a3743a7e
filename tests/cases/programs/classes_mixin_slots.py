# Special methods come from the whole MRO: a first base without them (a mixin) does not hide
# a later base's __init__, __call__, __len__, __getitem__ ... (typing's _UnionGenericAlias).
class Mixin:
    __slots__ = ()
    __contains__ = None


class Base:
    def __init__(self, a, b):
        self.args = (a, b)

    def __call__(self, x):
        return ('called', x)

    def __len__(self):
        return 7

    def __getitem__(self, k):
        return ('item', k)

    def __repr__(self):
        return 'Base-repr'

    def __eq__(self, other):
        return 'eq'

    def __add__(self, other):
        return 'add'

    def __hash__(self):
        return 5


class U(Mixin, Base):
    pass


u = U(1, 2)
print(u.args, u(3), len(u), u[4], repr(u), u == 1, u + 1, hash(u))


class V(U):
    def __len__(self):
        return 9


v = V(5, 6)
print(v.args, len(v), v(1))
