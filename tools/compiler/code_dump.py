#!/usr/bin/python3.11
"""Prints the code objects CPython 3.11 compiles from each file, field by field and
recursively, for comparison with Taipan's compiler (tests/Taipan.Compiler.Tests).

Usage: code_dump.py [-O LEVEL] [-m exec|eval|single] [-f FLAGS] FILE [FILE...]
For each file a line "== PATH", then for each code object, depth first (a code object's
nested code objects follow it in co_consts order):
  code NAME QUALNAME firstlineno=N
    args=ARGCOUNT,POSONLY,KWONLY stacksize=N flags=0xFLAGS
    code=HEX
    consts=[REPR, ...]   (nested code objects as <code NAME>)
    names=(...)
    localsplus=(...) kinds=HEX
    linetable=HEX
    exceptiontable=HEX
or "error TYPE MSG LINENO OFFSET" when compile() raises.
"""
import sys
import types


def const_repr(c):
    if isinstance(c, types.CodeType):
        return f"<code {c.co_name}>"
    if isinstance(c, tuple):
        inner = ", ".join(const_repr(x) for x in c)
        return f"({inner},)" if len(c) == 1 else f"({inner})"
    if isinstance(c, frozenset):
        return "frozenset({" + ", ".join(sorted(const_repr(x) for x in c)) + "})" if c else "frozenset()"
    return repr(c)


def dump(co, out):
    out.append(f"code {co.co_name} {co.co_qualname} firstlineno={co.co_firstlineno}")
    out.append(f"  args={co.co_argcount},{co.co_posonlyargcount},{co.co_kwonlyargcount} stacksize={co.co_stacksize} flags=0x{co.co_flags:x}")
    out.append(f"  code={co.co_code.hex()}")
    out.append("  consts=[" + ", ".join(const_repr(c) for c in co.co_consts) + "]")
    out.append(f"  names={co.co_names!r}")
    names = co.co_varnames + tuple(n for n in co.co_cellvars if n not in co.co_varnames) + co.co_freevars
    kinds = bytes(_kinds(co))
    out.append(f"  localsplus={names!r} kinds={kinds.hex()}")
    out.append(f"  linetable={co.co_linetable.hex()}")
    out.append(f"  exceptiontable={co.co_exceptiontable.hex()}")
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            dump(c, out)


def _kinds(co):
    # co_localspluskinds is not exposed: rebuild it from the name tuples.
    for n in co.co_varnames:
        yield 0x20 | (0x40 if n in co.co_cellvars else 0)
    for n in co.co_cellvars:
        if n not in co.co_varnames:
            yield 0x40
    for n in co.co_freevars:
        yield 0x80


def main():
    args = sys.argv[1:]
    optimize = 0
    mode = "exec"
    flags = 0
    while args[:1] in (["-O"], ["-m"], ["-f"]):
        if args[0] == "-O":
            optimize = int(args[1])
        elif args[0] == "-f":
            flags = int(args[1], 0)
        else:
            mode = args[1]
        args = args[2:]
    for path in args:
        out = [f"== {path}"]
        try:
            with open(path, "rb") as f:
                src = f.read()
            co = compile(src, path, mode, flags, dont_inherit=True, optimize=optimize)
            dump(co, out)
        except SyntaxError as e:
            out.append(f"error {type(e).__name__} {e.msg} {e.lineno} {e.offset}")
        except (ValueError, UnicodeDecodeError, RecursionError, MemoryError) as e:
            out.append(f"error {type(e).__name__}")
        print("\n".join(out))


if __name__ == "__main__":
    main()
