# with statements: __enter__/__exit__, suppression, nesting, errors of the protocol.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print('enter', self.name)
        return '<' + self.name + '>'

    def __exit__(self, typ, value, tb):
        print('exit', self.name, typ.__name__ if typ is not None else None, value, tb is not None)
        return self.suppress


with CM('a') as x:
    print('body', x)

with CM('b', suppress=True):
    raise ValueError('swallowed')
print('after b')

try:
    with CM('c'):
        raise KeyError('kept')
except KeyError as e:
    print('caught', repr(e))

with CM('outer') as o, CM('inner', suppress=True) as i:
    print('both', o, i)
    1 / 0
print('after nested')


def early():
    with CM('ret'):
        return 'returned'


print(early())

for n in range(3):
    with CM('loop' + repr(n)):
        if n == 1:
            continue
        if n == 2:
            break
        print('loop body', n)


class Truthy:
    def __bool__(self):
        print('bool called')
        return True


class Weird:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return Truthy()


with Weird():
    raise TypeError('suppressed by truthy object')
print('after weird')


class Enter:
    def __enter__(self):
        return 1


class Exit:
    def __exit__(self, *a):
        return False


for obj in (1, Enter(), Exit(), None):
    try:
        with obj:
            pass
    except TypeError as e:
        print('TypeError', e)


class FailingEnter:
    def __enter__(self):
        raise RuntimeError('enter failed')

    def __exit__(self, *a):
        print('exit should not run')


try:
    with FailingEnter():
        print('not reached')
except RuntimeError as e:
    print('RuntimeError', e)


class FailingExit:
    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        raise ValueError('exit failed')


try:
    with FailingExit():
        raise KeyError('original')
except ValueError as e:
    print('ValueError', e, 'context', repr(e.__context__))


class Recorder:
    def __init__(self):
        self.log = []

    def __enter__(self):
        self.log.append('enter')
        return self

    def __exit__(self, typ, *rest):
        self.log.append(('exit', typ.__name__ if typ else None))


r = Recorder()
with r:
    pass
try:
    with r:
        raise IndexError
except IndexError:
    pass
print(r.log)


def gen():
    with CM('gen'):
        yield 1
        yield 2


g = gen()
print(next(g))
g.close()
print('closed')


class ExitSeesException:
    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        print('exit sees', typ.__name__, value.args, value.__traceback__ is tb)
        return True


with ExitSeesException():
    raise OSError(2, 'No such file')
