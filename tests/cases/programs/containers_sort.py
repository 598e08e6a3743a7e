# Sorting driven by a fixed pseudo-random sequence: stability with keys and reverse, mixed
# ints and floats, strs, tuples, against CPython.
seed = 4242
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
for trial in range(60):
    n = rnd(200)
    kind = rnd(4)
    if kind == 0:
        data = [rnd(50) for _ in range(n)]
    elif kind == 1:
        data = [rnd(50) / 4 if rnd(2) else rnd(20) for _ in range(n)]
    elif kind == 2:
        data = ['s' + str(rnd(30)) for _ in range(n)]
    else:
        data = [(rnd(5), rnd(5), i) for i in range(n)]
    tagged = [(x, i) for i, x in enumerate(data)]
    by_key = sorted(tagged, key=lambda p: p[0] if kind != 3 else p[0][0], reverse=bool(rnd(2)))
    plain = sorted(data)
    desc = sorted(data, reverse=True)
    data.sort(key=lambda v: str(v))
    print(trial, n, by_key[:6], plain[-3:], desc[:3], data[:4])
print(max([3, 3.0, 2]), min([1.0, 1, 2]), sorted([1, 1.0, True, 0.5]))
