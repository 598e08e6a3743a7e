#!/usr/bin/python3.11
"""Explains the first difference between two code_dump.py outputs (CPython's and
Taipan's): disassembles both code objects and decodes their location tables.

Usage: diff_dump.py EXPECTED ACTUAL"""
import dis
import sys
import types


def parse(path):
    codes, cur = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("code "):
            cur = {"head": line}
            codes.append(cur)
        elif cur is not None and line.startswith("  "):
            for part in line.strip().split(" "):
                if "=" in part:
                    k, v = part.split("=", 1)
                    cur.setdefault(k, v)
            cur["line:" + line.strip().split("=")[0]] = line
    return codes


def show(c):
    code = bytes.fromhex(c.get("code", ""))
    lt = bytes.fromhex(c.get("linetable", ""))
    first = int(c["head"].split("firstlineno=")[1])
    co = compile("pass", "x", "exec").replace(co_code=code, co_linetable=lt, co_firstlineno=first,
                                              co_consts=(None,) * 300, co_names=tuple(f"n{i}" for i in range(300)),
                                              co_varnames=tuple(f"v{i}" for i in range(300)), co_nlocals=300)
    positions = list(co.co_positions())
    for ins in dis.get_instructions(co):
        pos = positions[ins.offset // 2]
        print(f"  {ins.offset:4} {ins.opname:28} {ins.arg!s:6} {pos}")


def main():
    exp, act = parse(sys.argv[1]), parse(sys.argv[2])
    for e, a in zip(exp, act):
        if e != a:
            print("CPython:", e["head"])
            for k in e:
                if k.startswith("line:") and e.get(k) != a.get(k):
                    print("  differs:", e[k], "\n   taipan:", a.get(k))
            print("--- CPython")
            show(e)
            print("--- Taipan")
            show(a)
            return


if __name__ == "__main__":
    main()
