#!/usr/bin/python3.11
"""Dumps CPython 3.11's symbol table of each file, for comparison with Taipan's
(tests/Taipan.Compiler.Tests, SymtableTests).

Usage: symtable_dump.py FILE [FILE...]
For each file: a line "== PATH", then one line per scope in depth-first order:
  "scope TYPE NAME LINENO nested=N children=C" and its symbols sorted by name,
  "  NAME FLAGS" with the raw flags (DEF_* bits and the scope at bit 11),
or "error MSG LINENO OFFSET" when symtable raises SyntaxError.
"""
import sys
import symtable

TYPES = {"module": "module", "class": "class", "function": "function"}


def dump(t, out):
    raw = t._table
    out.append(f"scope {t.get_type()} {t.get_name()} {t.get_lineno()} nested={int(t.is_nested())} children={len(raw.children)}")
    for name in sorted(raw.symbols):
        out.append(f"  {name} {raw.symbols[name]}")
    for c in t.get_children():
        dump(c, out)


def main():
    for path in sys.argv[1:]:
        out = [f"== {path}"]
        try:
            with open(path, "rb") as f:
                src = f.read()
            top = symtable.symtable(src.decode("utf-8", "surrogateescape") if False else src, path, "exec")
            dump(top, out)
        except SyntaxError as e:
            out.append(f"error {e.msg} {e.lineno} {e.offset}")
        except (ValueError, UnicodeDecodeError) as e:
            out.append(f"error {type(e).__name__}")
        print("\n".join(out))


if __name__ == "__main__":
    main()
