# Set and dict operations driven by a fixed pseudo-random sequence: order, contents and
# frozenset hashes must match CPython's step by step.
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
pool = list(range(-20, 60)) + ['k' + str(i) for i in range(40)] + [1.5, 2.5, (1, 2), (3,)]
sets = [set(), {1, 2, 3}, set(range(30)), {'k1', 'k2'}]
for step in range(3000):
    a = sets[rnd(len(sets))]
    b = sets[rnd(len(sets))]
    op = rnd(16)
    x = pool[rnd(len(pool))]
    if op == 0:
        a.add(x)
    elif op == 1:
        a.discard(x)
    elif op == 2:
        sets.append(a | b)
    elif op == 3:
        sets.append(a & b)
    elif op == 4:
        sets.append(a - b)
    elif op == 5:
        sets.append(a ^ b)
    elif op == 6:
        a |= b
    elif op == 7:
        a &= b | {x}
    elif op == 8:
        a -= {x, pool[rnd(len(pool))]}
    elif op == 9:
        a ^= b
    elif op == 10 and a:
        a.pop()
    elif op == 11:
        sets.append(set(a))
    elif op == 12:
        f = frozenset(a) | {x}
        print(f, f.__hash__() == frozenset(set(f)).__hash__(), f.__hash__())
        sets.append(set(f))
    elif op == 13:
        a.update([pool[rnd(len(pool))] for _ in range(rnd(10))])
    elif op == 14:
        sets.append(a.difference(b, [x]))
    else:
        sets.append(a.intersection(b, pool[:rnd(60)]))
    if len(sets) > 30:
        sets = sets[-10:]
    if step % 50 == 0:
        print(step, sets[-1], len(a))
for s in sets:
    print(s)
d = {}
for step in range(3000):
    k = pool[rnd(len(pool))]
    op = rnd(5)
    if op < 3:
        d[k] = step
    elif op == 3:
        d.pop(k, None)
    elif d:
        d.popitem()
    if step % 100 == 0:
        print(list(d.items())[:5], len(d))
print(d)
