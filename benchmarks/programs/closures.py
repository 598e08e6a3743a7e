# Closures: nested functions reading and writing enclosing variables.
def make_counter():
    count = 0

    def inc(step):
        nonlocal count
        count += step
        return count
    return inc


def make_adder(n):
    def add(x):
        return x + n
    return add


counter = make_counter()
add3 = make_adder(3)
total = 0
for i in range(2000000):
    total = add3(total) - counter(1) % 5
print(total, counter(0))
