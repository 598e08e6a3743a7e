#!/usr/bin/python3.11
"""Loads a marshalled code object written by Taipan's compiler, checks that it equals
what CPython 3.11 compiles from the source, then runs it (tests/Taipan.Compiler.Tests).

Usage: run_marshalled.py CODE.marshal SOURCE.py
Prints "equal" or "different", then the program's output."""
import marshal
import sys

code_path, source_path = sys.argv[1], sys.argv[2]
with open(code_path, "rb") as f:
    code = marshal.loads(f.read())
with open(source_path, "rb") as f:
    expected = compile(f.read(), source_path, "exec", dont_inherit=True)
print("equal" if code == expected else "different")
sys.stdout.flush()
exec(code, {"__name__": "__main__"})
