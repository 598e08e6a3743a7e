# Raising and catching exceptions.
def check(i):
    if i % 3 == 0:
        raise ValueError(i)
    return i


caught = 0
total = 0
for i in range(600000):
    try:
        total += check(i)
    except ValueError:
        caught += 1
d = {}
misses = 0
for i in range(500000):
    try:
        d[i]
    except KeyError:
        misses += 1
print(caught, total, misses)
