# Python subclasses of exceptions with fields: super().__init__ reaches each class's own __init__.
class E(ImportError):
    def __init__(self, m):
        super().__init__(m, name='x')
e = E('msg'); print(e, e.name, e.msg, repr(e))
class O(OSError):
    def __init__(self, path):
        super().__init__(2, 'gone', path)
o = O('/p'); print(o, o.errno, o.filename, o.args, type(o).__name__)
class S(StopIteration): pass
print(S(4).value)
class K(KeyError): pass
print(str(K('x')), repr(K('x')))
class X(SystemExit):
    def __init__(self):
        super().__init__(3)
print(X().code)
try:
    raise O('/q')
except FileNotFoundError:
    print('not a FileNotFoundError')
except OSError as e:
    print('OSError subclass', e)
print(OSError(2, 'x').__class__.__name__ if False else type(OSError(2, 'x')).__name__)
print(repr(UnicodeDecodeError.__mro__))
