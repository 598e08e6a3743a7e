"""CPython's side of benchmarks/run parse: ast.parse over every file of a list, in-process.
Prints the first pass's seconds and the best of five passes."""
import ast
import sys
import time
import warnings

warnings.simplefilter("ignore")
sources = []
for path in open(sys.argv[1]).read().splitlines():
    with open(path, "rb") as f:
        sources.append((path, f.read()))
times = []
for _ in range(5):
    start = time.perf_counter()
    for path, source in sources:
        try:
            ast.parse(source, path)
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            pass
    times.append(time.perf_counter() - start)
print(f"{times[0]:.4f} {min(times):.4f}")
