# Calls: positional, keyword, defaults, *args, **kwargs, keyword-only, recursion, closures.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9))
print(f(*[1, 2, 3], **{'c': 0, 'z': 1}))

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(15)])

def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = counter()
print(c(), c(), c(10))
add = lambda x, y=10: x + y
print(add(1), add(1, 2), (lambda *a: a)(1, 2))

for call in [lambda: f(), lambda: f(1), lambda: fib(1, 2), lambda: f(1, c=1, a=2), lambda: fib(x=1)]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
