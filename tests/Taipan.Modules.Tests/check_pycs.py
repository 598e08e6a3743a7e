"""Checks the .taipan-311 caches Taipan wrote, with CPython 3.11's own importlib and compiler.

usage: check_pycs.py OPTIMIZE [--prefix DIR] SOURCE...
For each source file: the cache at importlib.util.cache_from_source's place (with Taipan's
tag, the given optimization level and pycache prefix) must have a header importlib accepts
(magic, flags; mtime and size of the source for timestamp pycs, importlib.util.source_hash for
hash-based ones), and marshal.loads of its body must be the code object CPython's compile()
gives, compared field by field as tools/Parity/reference.py describes them.
Prints one line per file: "ok FLAGS PATH" or "FAIL PATH: reason".
"""
import importlib._bootstrap_external as ext
import importlib.util
import marshal
import os
import sys
import warnings

here = os.path.dirname(os.path.abspath(__file__))
reference = {}
with open(os.path.join(here, "reference.py")) as f:
    # reference.py runs main() at the end; only its describe_* functions are wanted.
    exec(compile(f.read().replace("\nmain()\n", "\n"), "reference.py", "exec"), reference)
describe_code = reference["describe_code"]


def cache_path(source, optimize, prefix):
    head, tail = os.path.split(source)
    base = tail.rpartition(".")[0]
    name = base + ".taipan-311" + (f".opt-{optimize}" if optimize else "") + ".pyc"
    if prefix is not None:
        return os.path.join(prefix, os.path.abspath(head).lstrip(os.sep), name)
    return os.path.join(head, "__pycache__", name)


def check(source, optimize, prefix):
    cfile = cache_path(source, optimize, prefix)
    with open(cfile, "rb") as f:
        data = f.read()
    with open(source, "rb") as f:
        source_bytes = f.read()
    details = {"name": source, "path": cfile}
    flags = ext._classify_pyc(data, source, details)
    if flags & 1:
        ext._validate_hash_pyc(data, importlib.util.source_hash(source_bytes), source, details)
    else:
        st = os.stat(source)
        ext._validate_timestamp_pyc(data, int(st.st_mtime), st.st_size, source, details)
    code = marshal.loads(data[16:])
    expected = compile(source_bytes, source, "exec", dont_inherit=True, optimize=optimize)
    if describe_code(code) != describe_code(expected):
        raise AssertionError("code object differs from CPython's")
    return flags


def main():
    warnings.simplefilter("ignore")
    args = sys.argv[1:]
    optimize = int(args.pop(0))
    prefix = None
    if args and args[0] == "--prefix":
        args.pop(0)
        prefix = args.pop(0)
    for source in args:
        try:
            flags = check(source, optimize, prefix)
            print(f"ok {flags} {source}")
        except Exception as e:
            print(f"FAIL {source}: {type(e).__name__}: {e}")


main()
