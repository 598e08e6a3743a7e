"""Print CPython 3.11's opcode facts as JSON, for Taipan.Bytecode.Tests (OpcodeTableTests).

Run with /usr/bin/python3.11; the test runs it at test time and checks OpcodeInfo against it.
"""
import __future__
import dis
import inspect
import json
import opcode

ARGS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 255, 256, 257, 0x1FF, 0x302, 1000, 65535, 1 << 20]
JUMPS = [None, True, False]


def effects():
    out = []
    for op in range(256):
        args = ARGS if op >= opcode.HAVE_ARGUMENT else [None]
        for arg in args:
            for jump in JUMPS:
                try:
                    if arg is None:
                        e = dis.stack_effect(op, jump=jump)
                    else:
                        e = dis.stack_effect(op, arg, jump=jump)
                except ValueError:
                    e = None
                out.append([op, arg, jump, e])
    return out


deopt = {}
for base, family in opcode._specializations.items():
    for name in family:
        deopt[name] = base

facts = {
    "have_argument": opcode.HAVE_ARGUMENT,
    "extended_arg": opcode.EXTENDED_ARG,
    "opmap": opcode.opmap,
    "all_opmap": dis._all_opmap,
    "caches": opcode._inline_cache_entries,
    "hasjrel": opcode.hasjrel,
    "hasjabs": opcode.hasjabs,
    "hasconst": opcode.hasconst,
    "hasname": opcode.hasname,
    "haslocal": opcode.haslocal,
    "hasfree": opcode.hasfree,
    "hascompare": opcode.hascompare,
    "deopt": deopt,
    "cmp_op": list(opcode.cmp_op),
    "nb_ops": [list(x) for x in opcode._nb_ops],
    "make_function_flags": list(dis.MAKE_FUNCTION_FLAGS),
    "code_flags": {k: v for k, v in vars(inspect).items() if k.startswith("CO_")},
    "future_flags": {f: getattr(__future__, f).compiler_flag for f in __future__.all_feature_names},
    "stack_effects": effects(),
}
print(json.dumps(facts))
