"""Reference data for Taipan.Bytecode.Tests, made by CPython 3.11 from its own standard library.

  stdlib_code.py dump [N]     compile N (default all) top-level stdlib modules; write a record
                              stream to stdout: per module its path and marshal.dumps(code)
  stdlib_code.py check        read a record stream (path, bytes written by Taipan) from stdin,
                              marshal.loads each and compare it field by field, recursively,
                              with CPython's own compile() of the path; print one JSON line per
                              module: {"path": ..., "ok": bool, "diff": ...}
  stdlib_code.py tables [N]   print JSON: per module, per code object (depth-first, as
                              co_consts order), list(co_positions()), list(co_lines()), dis.get_instructions
                              (offset, opcode, arg, jump target), the exception table
                              and co_varnames, co_cellvars, co_freevars, co_nlocals
  stdlib_code.py all          marshal.dumps of every .py below the stdlib (no tests), as records

A record is: 4-byte little-endian length + UTF-8 path, 4-byte length + data.
"""
import dis
import glob
import json
import marshal
import os
import struct
import sys

from pyvalues import diff

STDLIB = "/usr/lib/python3.11"


def modules(n=None):
    paths = sorted(glob.glob(os.path.join(STDLIB, "*.py")))
    return paths if n is None else paths[:n]


def all_modules():
    out = []
    for root, dirs, files in os.walk(STDLIB):
        dirs[:] = sorted(d for d in dirs if d not in ("test", "tests", "idle_test", "site-packages", "dist-packages", "lib2to3"))
        for f in sorted(files):
            if f.endswith(".py"):
                out.append(os.path.join(root, f))
    return out


def compile_path(path):
    with open(path, "rb") as f:
        src = f.read()
    return compile(src, path, "exec", dont_inherit=True)


def write_record(out, name, data):
    nb = name.encode("utf-8")
    out.write(struct.pack("<i", len(nb)) + nb + struct.pack("<i", len(data)) + data)


def read_records(inp):
    data = inp.read()
    i = 0
    while i < len(data):
        (n,) = struct.unpack_from("<i", data, i)
        name = data[i + 4:i + 4 + n].decode("utf-8")
        i += 4 + n
        (m,) = struct.unpack_from("<i", data, i)
        yield name, data[i + 4:i + 4 + m]
        i += 4 + m


def walk(code):
    yield code
    for c in code.co_consts:
        if isinstance(c, type(code)):
            yield from walk(c)


def main():
    mode = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else None
    out = sys.stdout.buffer
    if mode in ("dump", "all"):
        for path in (modules(n) if mode == "dump" else all_modules()):
            try:
                code = compile_path(path)
            except SyntaxError:
                continue
            write_record(out, path, marshal.dumps(code))
    elif mode == "check":
        for path, data in read_records(sys.stdin.buffer):
            try:
                ours = marshal.loads(data)
                d = diff(compile_path(path), ours, "code")
            except Exception as e:
                d = f"{type(e).__name__}: {e}"
            print(json.dumps({"path": path, "ok": d is None, "diff": d}))
    elif mode == "tables":
        result = {}
        for path in modules(n):
            code = compile_path(path)
            result[path] = [
                {
                    "positions": list(c.co_positions()),
                    "lines": list(c.co_lines()),
                    "instructions": [[i.offset, i.opcode, i.arg, i.argval if i.opcode in dis.hasjrel else None]
                                     for i in dis.get_instructions(c)],
                    "exceptions": [[e.start // 2, e.end // 2, e.target // 2, e.depth, e.lasti]
                                   for e in dis._parse_exception_table(c)],
                    "varnames": c.co_varnames,
                    "cellvars": c.co_cellvars,
                    "freevars": c.co_freevars,
                    "nlocals": c.co_nlocals,
                }
                for c in walk(code)
            ]
        print(json.dumps(result))


main()
