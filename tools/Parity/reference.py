"""CPython's side of tools/parity: prints one JSON line per .py file under DIR with what
/usr/bin/python3.11 makes of it.

usage: reference.py ast DIR [--exclude RELPATH]...   (paths read from stdin, one per line)
"""
import ast
import json
import sys
import warnings


def describe_error(e):
    if isinstance(e, SyntaxError):
        return {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                "end_lineno": e.end_lineno, "end_offset": e.end_offset}
    return {"type": type(e).__name__, "msg": str(e)}


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
            else:
                raise SystemExit(f"unknown mode {mode}")
        except (SyntaxError, ValueError, MemoryError, RecursionError, UnicodeError) as e:
            record["error"] = describe_error(e)
        out.write(json.dumps(record) + "\n")


main()
