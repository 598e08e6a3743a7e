"""CPython's side of tools/parity: prints one JSON line per .py file under DIR with what
/usr/bin/python3.11 makes of it.

usage: reference.py MODE [OPTIMIZE]   (paths read from stdin, one per line)
  ast:  ast.dump(ast.parse(source, path), include_attributes=True)
  code: the code object of compile(source, path, 'exec', dont_inherit=True, optimize=OPTIMIZE),
        written by describe_code: every field that must equal Taipan's, recursively
"""
import ast
import json
import sys
import warnings
from types import CodeType


def describe_error(e):
    if isinstance(e, SyntaxError):
        return {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                "end_lineno": e.end_lineno, "end_offset": e.end_offset}
    return {"type": type(e).__name__, "msg": str(e)}


def describe_const(c):
    if isinstance(c, CodeType):
        return describe_code(c)
    if isinstance(c, tuple):
        return "tuple(" + ", ".join(describe_const(x) for x in c) + ")"
    if isinstance(c, frozenset):
        # Iteration order depends on string hashing; compare the elements as a sorted list.
        return "frozenset(" + ", ".join(sorted(describe_const(x) for x in c)) + ")"
    return type(c).__name__ + ":" + repr(c)


def describe_code(co):
    fields = [
        ("name", co.co_name), ("qualname", co.co_qualname), ("firstlineno", co.co_firstlineno),
        ("argcount", co.co_argcount), ("posonlyargcount", co.co_posonlyargcount),
        ("kwonlyargcount", co.co_kwonlyargcount), ("stacksize", co.co_stacksize),
        ("flags", co.co_flags), ("code", co.co_code.hex()), ("names", co.co_names),
        ("varnames", co.co_varnames), ("cellvars", co.co_cellvars), ("freevars", co.co_freevars),
        ("linetable", co.co_linetable.hex()), ("exceptiontable", co.co_exceptiontable.hex()),
    ]
    hex_fields = ("code", "linetable", "exceptiontable")
    text = "code(" + " ".join(f"{k}={v}" if k in hex_fields else f"{k}={v!r}" for k, v in fields)
    return text + " consts=[" + ", ".join(describe_const(c) for c in co.co_consts) + "])"


def main():
    mode = sys.argv[1]
    warnings.simplefilter("ignore")
    sys.setrecursionlimit(10000)
    out = sys.stdout
    for line in sys.stdin:
        path = line.rstrip("\n")
        with open(path, "rb") as f:
            source = f.read()
        record = {"path": path}
        try:
            if mode == "ast":
                record["result"] = ast.dump(ast.parse(source, path), include_attributes=True)
            elif mode == "code":
                optimize = int(sys.argv[2]) if len(sys.argv) > 2 else 0
                record["result"] = describe_code(compile(source, path, "exec", dont_inherit=True, optimize=optimize))
            else:
                raise SystemExit(f"unknown mode {mode}")
        except (SyntaxError, ValueError, MemoryError, RecursionError, UnicodeError) as e:
            record["error"] = describe_error(e)
        out.write(json.dumps(record) + "\n")


main()
