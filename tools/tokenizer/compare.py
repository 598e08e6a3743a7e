#!/usr/bin/python3.11
"""Compares two token dumps (reference_tokens.py output and TokDump output) file by file.
Usage: compare.py REF MINE [-v]   prints identical/total and the first difference of each
file that differs."""
import sys


def split(path):
    files = {}
    order = []
    cur = None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('## '):
                cur = line[3:]
                files[cur] = []
                order.append(cur)
            else:
                files[cur].append(line)
    return files, order


ref, order = split(sys.argv[1])
mine, _ = split(sys.argv[2])
same = 0
for p in order:
    a, b = ref.get(p), mine.get(p)
    if a == b:
        same += 1
        continue
    if b is None:
        print('missing', p)
        continue
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            print('%s: token %d: ref %r mine %r' % (p, i, x, y))
            break
    else:
        print('%s: lengths %d vs %d' % (p, len(a), len(b)))
print('identical %d / %d' % (same, len(order)))
