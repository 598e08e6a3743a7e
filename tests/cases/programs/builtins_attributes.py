# getattr/setattr/delattr/hasattr/callable/issubclass, and recursion through __getattr__.
class A:
    x = 1
    def __getattr__(self, n):
        if n == 'dyn': return 42
        raise AttributeError(n)
a = A()
print(getattr(a, 'x'), getattr(a, 'dyn'), getattr(a, 'nope', 'dflt'), hasattr(a, 'x'), hasattr(a, 'nope'))
setattr(a, 'y', 5); print(a.y); delattr(a, 'y'); print(hasattr(a, 'y'))
print(callable(len), callable(1), callable(A), callable(a))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(A, str))
for f in (lambda: getattr(a, 1), lambda: getattr(1, 'zz'), lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: delattr(a, 'q')):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
class B:
    def __getattr__(self, n): return getattr(self, n)
try:
    B().x
except RecursionError as e:
    print("RecursionError", e)
