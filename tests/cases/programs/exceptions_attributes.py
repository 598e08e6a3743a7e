# Exception objects: args, str/repr, subclass attributes, notes, chaining attributes.
def show(e):
    print(type(e).__name__, '|', str(e), '|', repr(e), '|', e.args)


for e in (ValueError(), ValueError('one'), ValueError('a', 2), ValueError(None), KeyError(),
          KeyError('k'), KeyError(''), KeyError('a', 'b'), KeyError(1), IndexError(3),
          Exception(''), RuntimeError(()), TypeError([1, 2])):
    show(e)

# StopIteration.value, SystemExit.code
for args in ((), (1,), (1, 2)):
    s = StopIteration(*args)
    x = SystemExit(*args)
    print('StopIteration', s.value, 'SystemExit', x.code, s.args)
s = StopIteration(5)
s.value = 6
print(s.value, s.args)

# OSError: errno, strerror, filename and subclass selection
for args in ((), ('msg',), (2, 'No such file'), (2, 'No such file', 'f.txt'),
             (13, 'Denied', 'a', None, 'b'), (17, 'Exists'), (99999, 'Unknown'),
             (1, 2, 3, 4, 5, 6), (11, 'again', 5), (4, 'intr'), (32, 'pipe')):
    e = OSError(*args)
    print(type(e).__name__, '|', e, '|', repr(e), '|', e.errno, e.strerror, e.filename, e.filename2)
print(EnvironmentError is OSError, IOError is OSError)
print(FileNotFoundError(2, 'x').errno, type(FileNotFoundError(13, 'x')).__name__)
b = BlockingIOError(11, 'again', 7)
print(b.characters_written, b.args)


class MyOSError(OSError):
    pass


print(type(MyOSError(2, 'x')).__name__)

# ImportError name/path/msg
for e in (ImportError(), ImportError('no module'), ImportError('m', name='mod', path='/p'),
          ModuleNotFoundError('No module named x', name='x'), ImportError('a', 'b')):
    print(type(e).__name__, '|', e, '|', repr(e), '|', e.msg, e.name, e.path)
try:
    ImportError('x', nome='y')
except TypeError as e:
    print('TypeError', e)

# NameError.name, AttributeError name/obj
print(NameError('n').name, NameError('n', name='v').name)
a = AttributeError('msg', name='attr', obj=42)
print(a, a.name, a.obj, repr(a))
for call in (lambda: NameError('a', name='x', other=1), lambda: AttributeError('a', nme='x'),
             lambda: ValueError('a', key=1), lambda: NameError('a', foo=1)):
    try:
        call()
    except TypeError as e:
        print('TypeError', e)

try:
    undefined_name
except NameError as e:
    print('NameError', e, e.name)

# SyntaxError attributes and str
s = SyntaxError('bad', ('dir/file.py', 3, 5, 'x = (', 3, 6))
print(s, '|', s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset)
print(SyntaxError('m', ('f.py', None, 2, 't')), '|', SyntaxError('m', (None, 4, 2, 't')), '|', SyntaxError())
print(repr(SyntaxError('m', ('f.py', 1, 2, 't'))), IndentationError('i').msg, [b.__name__ for b in TabError.__mro__])
for info in ((1, 2), (1, 2, 3, 4, 5, 6, 7)):
    try:
        SyntaxError('m', info)
    except TypeError as e:
        print('TypeError', e)

# Unicode errors
u = UnicodeEncodeError('ascii', 'h\xe9llo', 1, 2, 'ordinal not in range(128)')
print(u, '|', u.encoding, u.object, u.start, u.end, u.reason)
print(UnicodeEncodeError('ascii', 'a\u20acb\U0001f600', 1, 2, 'r'), '|', UnicodeEncodeError('ascii', 'abc\U0001f600', 3, 4, 'r'))
print(UnicodeEncodeError('ascii', 'abcd', 1, 3, 'no'))
print(UnicodeTranslateError('abc', 1, 2, 'why'), '|', UnicodeTranslateError('abc', 0, 3, 'why'))
try:
    UnicodeDecodeError('x')
except TypeError as e:
    print('TypeError', e)

# notes
e = ValueError('with notes')
print('__notes__' in e.__dict__)
e.add_note('first')
e.add_note('second')
print(e.__notes__, e.__dict__)
try:
    e.add_note(3)
except TypeError as x:
    print('TypeError', x)
e.__notes__ = 'not a list'
try:
    e.add_note('x')
except TypeError as x:
    print('TypeError', x)

# instance attributes and __dict__
e = KeyError('k')
e.extra = 1
print(e.extra, e.__dict__)

# __cause__, __context__, __suppress_context__, __traceback__
e = RuntimeError('r')
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError('c')
print(repr(e.__cause__), e.__suppress_context__)
e.__suppress_context__ = False
e.__context__ = ValueError('ctx')
print(repr(e.__context__), e.__suppress_context__)
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)
for attr, value in (('cause', 1), ('context', 'x'), ('traceback', 5), ('suppress', 1), ('args', 5)):
    try:
        if attr == 'cause':
            e.__cause__ = value
        elif attr == 'context':
            e.__context__ = value
        elif attr == 'traceback':
            e.__traceback__ = value
        elif attr == 'suppress':
            e.__suppress_context__ = value
        else:
            e.args = value
    except TypeError as x:
        print('TypeError', x)
e.args = [1, 2]
print(e.args)

try:
    raise ValueError('tb')
except ValueError as caught:
    tb = caught.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next)
    fresh = KeyError('fresh')
    print(fresh.with_traceback(tb) is fresh, fresh.__traceback__ is tb)
    print(fresh.with_traceback(None).__traceback__)


def chain():
    try:
        {}['missing']
    except KeyError as inner:
        raise ValueError('outer') from inner


try:
    chain()
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        raise TypeError('first')
    except TypeError:
        raise ValueError('second')
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        raise TypeError('first')
    except TypeError:
        raise ValueError('second') from None
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

# the hierarchy
for t in (BaseExceptionGroup, ExceptionGroup, GeneratorExit, KeyboardInterrupt, SystemExit,
          FloatingPointError, BufferError, EOFError, ModuleNotFoundError, UnboundLocalError,
          ChildProcessError, BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError,
          ConnectionResetError, FileExistsError, IsADirectoryError, NotADirectoryError,
          InterruptedError, PermissionError, ProcessLookupError, TimeoutError, ReferenceError,
          NotImplementedError, RecursionError, StopAsyncIteration, TabError, UnicodeDecodeError,
          BytesWarning, DeprecationWarning, EncodingWarning, FutureWarning, ImportWarning,
          PendingDeprecationWarning, ResourceWarning, RuntimeWarning, SyntaxWarning,
          UnicodeWarning, UserWarning):
    print(t.__name__, [b.__name__ for b in t.__mro__])


class Custom(Exception):
    def __init__(self, a, b=2):
        super().__init__(a, b)
        self.a = a


c = Custom(1, b=3)
print(c.args, c.a, str(c), repr(c))


class WithStr(Exception):
    def __str__(self):
        return 'custom str'


print(str(WithStr(1)), repr(WithStr(1)))

# __reduce__ and __setstate__ (what copy and pickle use)
e = ValueError(1, 'two')
print(e.__reduce__())
e.tag = 'x'
cls, args, state = e.__reduce__()
print(cls.__name__, args, state)
copy = cls(*args)
copy.__setstate__(state)
print(repr(copy), copy.tag)
copy.__setstate__(None)
try:
    copy.__setstate__(5)
except TypeError as x:
    print('TypeError', x)
