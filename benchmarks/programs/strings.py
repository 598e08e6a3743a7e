# Building and joining strings.
parts = []
for i in range(1000000):
    parts.append(str(i))
s = '-'.join(parts)
count = 0
for p in parts:
    if '7' in p:
        count += 1
print(len(s), count, len(parts))
