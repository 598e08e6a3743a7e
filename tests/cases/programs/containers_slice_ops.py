# List slicing driven by a fixed pseudo-random sequence: get, set and delete with every kind
# of bounds and step, against CPython step by step.
seed = 987
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
def bound():
    r = rnd(12)
    return None if r == 0 else rnd(30) - 15
for step in range(2000):
    base = list(range(rnd(12)))
    k = rnd(9)
    st = None if k == 0 else [1, -1, 2, -2, 3, -3, 5, -5][k - 1]
    s = slice(bound(), bound(), st)
    op = rnd(4)
    try:
        if op == 0:
            r = base[s]
        elif op == 1:
            base[s] = ['v'] * rnd(6)
            r = base
        elif op == 2:
            del base[s]
            r = base
        else:
            t = tuple(base)
            r = (t[s], 'abcdefghijkl'[:len(base)][s], list(range(len(base))[s]))
    except ValueError as e:
        r = 'ValueError ' + str(e)
    if step % 7 == 0:
        print(step, s, r)
