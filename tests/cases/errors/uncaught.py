def divide(a, b):
    return a / b

def compute(values):
    return [divide(10, v) for v in values]

print(compute([1, 2]))
print(compute([1, 0]))
