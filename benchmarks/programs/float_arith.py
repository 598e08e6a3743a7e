# Float arithmetic: a numerical integration and a simple n-body style update.
def integrate(n):
    h = 1.0 / n
    s = 0.0
    for i in range(n):
        x = (i + 0.5) * h
        s += 4.0 / (1.0 + x * x)
    return s * h


x, v = 1.0, 0.0
for step in range(2000000):
    a = -x * 0.5
    v += a * 0.001
    x += v * 0.001
print(integrate(2000000), x)
