"""marshal_oracle.py [pairs]

Runs CPython 3.11's marshal.loads on each record of a record stream (see stdlib_code.py) read
from stdin and prints one JSON line per record, flushed at once (a crash of this process on an
input - CPython may overflow its C stack hashing a self-containing tuple - shows as missing
lines): {"type": type name, "repr": repr for scalars, "len": len for containers} or
{"error": exception type name, "msg": str(exception)}. MemoryError outcomes come from the
address space limit below and say nothing about the data.

With "pairs", records come in pairs (CPython's marshal data, Taipan's marshal data of the same
value) and each pair gives {"ok": bool, "diff": ...}: whether both load to equal values with
equal types all the way down.
"""
import json
import marshal
import resource
import struct
import sys

from pyvalues import diff

SCALARS = (type(None), bool, int, float, complex, str, bytes, type(...))


def records():
    data = sys.stdin.buffer.read()
    i = 0
    while i < len(data):
        (n,) = struct.unpack_from("<i", data, i)
        i += 4 + n
        (m,) = struct.unpack_from("<i", data, i)
        yield data[i + 4:i + 4 + m]
        i += 4 + m


def pairs():
    it = records()
    for reference in it:
        candidate = next(it)
        try:
            d = diff(marshal.loads(reference), marshal.loads(candidate), "value")
        except Exception as e:
            d = f"{type(e).__name__}: {e}"
        print(json.dumps({"ok": d is None, "diff": d}))


def main():
    data = sys.stdin.buffer.read()
    i = 0
    out = sys.stdout
    while i < len(data):
        (n,) = struct.unpack_from("<i", data, i)
        i += 4 + n
        (m,) = struct.unpack_from("<i", data, i)
        item = data[i + 4:i + 4 + m]
        i += 4 + m
        try:
            v = marshal.loads(item)
            r = {"type": type(v).__name__}
            if isinstance(v, SCALARS):
                r["repr"] = repr(v)
            elif isinstance(v, (tuple, list, dict, set, frozenset)):
                r["len"] = len(v)
        except RecursionError as e:
            r = {"error": "RecursionError", "msg": str(e)}
        except Exception as e:
            r = {"error": type(e).__name__, "msg": str(e)}
        out.write(json.dumps(r) + "\n")
        out.flush()


# Sizes in mutated data make CPython allocate (and zero) up to 16 GB before it finds the data
# too short; cap the address space so that such inputs give MemoryError instead.
resource.setrlimit(resource.RLIMIT_AS, (768 * 1024 * 1024, 768 * 1024 * 1024))
sys.setrecursionlimit(10000)
if len(sys.argv) > 1 and sys.argv[1] == "pairs":
    pairs()
else:
    main()
