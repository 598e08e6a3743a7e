#!/usr/bin/python3.11
"""Prints the SyntaxWarnings CPython 3.11's compile() issues for each file, one per line
as "LINENO MESSAGE", after a "== PATH" line (tests/Taipan.Compiler.Tests).

Usage: warnings_dump.py FILE [FILE...]"""
import sys
import warnings


def main():
    for path in sys.argv[1:]:
        print(f"== {path}")
        with open(path, "rb") as f:
            src = f.read()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                compile(src, path, "exec", dont_inherit=True)
            except SyntaxError:
                pass
        for w in caught:
            if issubclass(w.category, SyntaxWarning):
                print(f"{w.lineno} {w.message}")


if __name__ == "__main__":
    main()
