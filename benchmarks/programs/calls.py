# Calls and recursion: Python-to-Python calls with positional and default arguments.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def add(a, b=1):
    return a + b


total = 0
for i in range(1500000):
    total = add(total, i % 7)
print(fib(27), total)
