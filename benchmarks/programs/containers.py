# Dict and list work: counting, lookups, membership.
counts = {}
keys = []
for i in range(2000000):
    k = i % 1000
    if k in counts:
        counts[k] = counts[k] + 1
    else:
        counts[k] = 1
        keys.append(k)
total = 0
for k in keys:
    total += counts[k] * k
squares = [x * x for x in range(1000000)]
print(len(counts), total, len(squares), squares[-1])
