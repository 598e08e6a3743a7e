#!/usr/bin/python3.11
"""For pairs of (marshalled code written by Taipan, source file): loads each with CPython's
marshal and prints "PATH equal" when it equals compile()'s code object for the source (and,
recursively, has the same qualnames and stack sizes, which code equality ignores), else
"PATH different" (tests/Taipan.Compiler.Tests).

Usage: check_marshalled.py CODE1 SOURCE1 [CODE2 SOURCE2 ...]"""
import marshal
import sys
import types


def same(a, b):
    if a != b or a.co_qualname != b.co_qualname or a.co_stacksize != b.co_stacksize:
        return False
    inner_a = [c for c in a.co_consts if isinstance(c, types.CodeType)]
    inner_b = [c for c in b.co_consts if isinstance(c, types.CodeType)]
    return len(inner_a) == len(inner_b) and all(same(x, y) for x, y in zip(inner_a, inner_b))


def main():
    args = sys.argv[1:]
    for code_path, source_path in zip(args[::2], args[1::2]):
        try:
            with open(code_path, "rb") as f:
                code = marshal.loads(f.read())
            with open(source_path, "rb") as f:
                expected = compile(f.read(), source_path, "exec", dont_inherit=True)
            print(source_path, "equal" if same(code, expected) else "different")
        except Exception as e:
            print(source_path, "error", type(e).__name__)


if __name__ == "__main__":
    main()
