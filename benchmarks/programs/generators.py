# Generators: a pipeline of generator functions.
def numbers(n):
    for i in range(n):
        yield i


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squared(it):
    for x in it:
        yield x * x


total = 0
for v in squared(evens(numbers(4000000))):
    total += v
print(total)
