#!/usr/bin/python3.11
"""Writes tests/Taipan.Syntax.Tests/NumberCases.json: NUMBER literals and the value CPython
3.11 gives them (ints in decimal, floats and imaginary parts as IEEE-754 bit patterns), or the
SyntaxError message."""
import ast
import json
import os
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "Taipan.Syntax.Tests", "NumberCases.json")

CASES = [
    "0", "00", "0_0", "000_000", "1", "7", "1_000", "123456789012345678", "1234567890123456789",
    str(2**63 - 1), str(2**63), str(2**64), str(10**30), "9" * 100, "1_" * 50 + "1",
    "0x0", "0xff", "0XFF", "0x_f", "0xDead_Beef", "0x" + "f" * 16, "0x1_0000_0000_0000_0000", "0x" + "a" * 300,
    "0o0", "0o17", "0O777", "0o1777777777777777777777", "0o_7_7", "0o" + "7" * 100,
    "0b0", "0b1", "0b_1_0", "0B111", "0b" + "1" * 63, "0b" + "1" * 64, "0b" + "10" * 100,
    "1.0", "1.", ".5", "0.", "1e5", "1E5", "1e-5", "1.5e+3", "0.1", "1_0.5_0", "1e400", "1e-400",
    "2.2250738585072014e-308", "4.9e-324", "2.4e-324", "1.7976931348623157e308", "1.7976931348623159e308",
    "0.30000000000000004", "9007199254740993.0", "9007199254740995.0", "123456789012345678901234567890.0",
    "0e0", "00.5", "01.5", "0e5", "09.5", "1_000.000_1e1_0", "3.141592653589793238462643383279",
    "0.1e-1", "." + "0" * 400 + "1", "1" * 400 + ".0", "1" * 4301 + ".0",
    "1j", "1J", "0j", "1.5j", "1e3j", "1_0j", "00j", "09j", ".5j", "1e400j", "1" * 5000 + "j",
    "1" * 4300, "1" * 4301, "1" * 5000, "1_" * 4300 + "1", "0" * 5000,
]


def bits(x):
    return struct.unpack("<q", struct.pack("<d", x))[0]


def run(src):
    try:
        value = ast.parse(src, mode="eval").body.value
    except SyntaxError as e:
        return {"src": src, "error": e.msg, "lineno": e.lineno, "offset": e.offset, "end_offset": e.end_offset}
    if isinstance(value, int):
        return {"src": src, "kind": "int", "value": str(value) if len(src) < 4400 else hex(value)}
    if isinstance(value, float):
        return {"src": src, "kind": "float", "value": str(bits(value))}
    return {"src": src, "kind": "complex", "value": str(bits(value.imag))}


def main():
    out = [run(src) for src in CASES]
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=0)
        f.write("\n")
    print(f"{len(out)} cases -> {OUT}")


if __name__ == "__main__":
    main()
