#!/usr/bin/python3.11
"""Writes tests/Taipan.Syntax.Tests/StringCases.json: string literal sources (STRING tokens
only, optionally inside parentheses) with what CPython 3.11 makes of them:
ast.dump(expr, include_attributes=True), the warnings, or the SyntaxError.

Replacement fields in the CASES hold only names or integers, so that the unit tests can parse
them without the PEG parser; E2E_CASES go to StringEndToEndCases.json and are parsed whole
(their dump is of the first statement's value), with 600 random sources from
gen_string_fuzz.py."""
import ast
import json
import os
import random
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_string_fuzz import random_source  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "Taipan.Syntax.Tests", "StringCases.json")
OUT_E2E = os.path.join(ROOT, "tests", "Taipan.Syntax.Tests", "StringEndToEndCases.json")

BS = "\\"

CASES = [
    # plain str
    '""', "''", '"abc"', "'abc'", '"""abc"""', "'''a'b'''", '""""""', '"""a""b"""',
    '"é"', '"日本語"', '"😀x"', '"a\tb"',
    # prefixes
    'u"x"', 'U"x"', 'r"x"', 'R"x"', 'b"x"', 'B"x"', 'br"x"', 'rb"x"', 'bR"x"', 'Rb"x"', 'BR"x"',
    'f"x"', 'F"x"', 'fr"x"', 'rf"x"', 'Rf"x"', 'fR"x"', 'FR"x"',
    # escapes of str
    r'"\n\t\\\'\"\a\b\f\v\r"', r'"\0\1\12\123\1234\400\777"', r'"\x41\x4a\x4A"',
    r'"\u0041\u00e9\uffff"', r'"\U0001F600\U00000041"', r'"\ud800"', r'"\udc00x"',
    # lone surrogates next to each other stay two code points; astral characters stay one
    r'"\ud800\udc02"', r'"\U00010002\udc02"', r'"\ud800\U00010002"', r'"x\udbff\udfffy"', r'"\udc02\ud800"',
    r'"\N{LATIN SMALL LETTER A}"', r'"\N{latin small letter a}"', r'"\N{EM DASH}"',
    r'"\N{NBSP}"', r'"\N{LINE FEED}"', r'"\N{BYTE ORDER MARK}"', r'"\N{HANGUL SYLLABLE GAG}"',
    r'"\N{hangul syllable GAG}"', r'"\N{HANGUL SYLLABLE GA}"', r'"\N{CJK UNIFIED IDEOGRAPH-4E00}"',
    r'"\N{cjk unified ideograph-4E00}"', r'"\N{CJK UNIFIED IDEOGRAPH-20000}"',
    r'"\N{CJK COMPATIBILITY IDEOGRAPH-F900}"', r'"\N{GRINNING FACE}"',
    '"a' + BS + '\nb"', '"""a' + BS + '\nb"""', '"""a\nb"""', '"""\n\n"""',
    r'"\é"', r'"é\é"', r'"\\é"',
    # invalid escapes: warnings
    r'"\d"', r'"\d\q"', r'"a\8"', r'"\9"', r'"\ "', r'"\400"', r'"\777"', r'"\1000"', r'"\d" "\q"',
    r'"\N{LATIN SMALL LETTER A}\z"',
    # str errors
    r'"\x"', r'"\x4"', r'"\x4g"', r'"\xg"', r'"é\x4"', r'"éé\x4"', r'"\é\x4"', r'"ab\u12"', r'"\u"',
    r'"\U1234567"', r'"\U11111111"', r'"\U00110000"', r'"\N"', r'"\Nx"', r'"\N{"', r'"\N{}"',
    r'"\N{foo}"', r'"\N{LATIN SMALL LETTER A"', r'"\N{é}"', r'"\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}"',
    r'"\N{CJK UNIFIED IDEOGRAPH-4e00}"', r'"\N{CJK UNIFIED IDEOGRAPH-4E0}"', r'"\N{TANGUT IDEOGRAPH-17000}"',
    r'"\N{HANGUL SYLLABLE GAX}"',
    # raw
    r'r"\d\n\x"', r"r'\''", r'rb"\x"', r'r"é\N{x}"',
    # bytes
    r'b"\n\t\\\'\"\a\b\f\v\r"', r'b"\x41\xff\xFF"', r'b"\0\12\123\377\400\777"', r'b"\d"', r'b"\u1234"',
    r'b"\N{x}"', r'b"\x"', r'b"ab\x4"', r'b"\xg0"', 'b"é"', 'rb"é"', 'b"a" b"b"', 'b"""a\nb"""',
    'b"a' + BS + '\nb"',
    # concatenation
    '"a" "b"', '"a" u"b"', 'u"a" "b"', '"" ""', '"a" r"\\d"', '("a"\n "b")', '("a"\n\n  "bc")',
    '"a" b"b"', 'b"a" "b"', 'b"a" f"b"', '"é" "x"',
    # f-strings
    'f""', 'f"abc"', 'f"{x}"', 'f"a{x}b"', 'f"{x}{y}"', 'f"{ x }"', 'f"{x!r}"', 'f"{x!s}"', 'f"{x!a}"',
    'f"{x:>10}"', 'f"{x:}"', 'f"{x:{y}}"', 'f"{x:a{y}b}"', 'f"{x:{y}.{z}}"', 'f"{x!r:^{y}}"',
    'f"{x=}"', 'f"{x = }"', 'f"{x=!s}"', 'f"{x=:>5}"', 'f"{x = !a:>5}"', 'f"{{"', 'f"}}"', 'f"a{{b}}c"',
    'f"{{{x}}}"', 'f"{x}{{"', 'f"{x}}}"', 'f"{3}"', 'f"{ 3 }"', 'f"é{x}"', 'f"日本{x}語{y}"', 'f"{x}é{y}"',
    'f"{x}{x}"', 'f"{x}{x!r}"', 'u"a" f"{x}"', 'f"{x}" u"a"', '"a" f"b" "c"', '"a" f"{x}" "b"',
    'f"a" "b"', '"" f""', 'f"" ""', 'f"{x}" f"{y}"', 'f"a" f"{x}" "c" f"{y}d"', 'rf"\\d{x}"', 'fr"{x}\\n"',
    r'f"\n{x}\t"', r'f"\{x}"', r'f"\{{x}}"', r'f"\N{EM DASH}{x}"', r'f"\d{x}\q"', r'f"{x}\N{LATIN SMALL LETTER A}"',
    'f"""{x}"""', 'f"""a\n{x}"""', 'f"""a\n  {x}\n b{y}"""', 'f"""\n{\nx}"""', 'f"""{\n x\n}"""',
    'f"""a\n{ x }"""', 'f"""\t{x}"""', 'f"""é\n é{x}"""', '("a"\n f"{x}")', '(f"{x}"\n  f"{y}")',
    '(f"a"\n "b"\n f"""c\n{x}""")', 'f"{x:{y}}" "a"', '"a" f"{x:{y}}"', 'f"{x:\\n}"',
    # f-string errors
    'f"{}"', 'f"{ }"', 'f"{x"', 'f"{x!}"', 'f"{x!z}"', 'f"{x!rr}"', 'f"{x:"', 'f"{x:{y}"', 'f"}"', 'f"a}b"',
    'f"{"', 'f"{{}"', 'f"{x!r"', 'f"{x=!}"', 'f"{#}"', 'f"{x#}"', 'f"{\\n}"', 'f"{x\\n}"',
    'f"{(}"', 'f"{[}"', 'f"{)}"', 'f"{]}"', 'f"{(]}"', 'f"{x:{y:{z}}}"', 'f"{\'a}"', 'f"{\'\'\'a}"',
    'f"\\N{foo}{x}"', 'f"\\x4{x}"', 'f"{x}\\x4"', 'f"{' + "(" * 201 + '}"',
    'f"{x!r=}"', 'b"a" f"{x}"', 'f"{x}" b"a"',
    # more f-string locations and corner cases
    r'f"\Nx{x}"', r'f"\N{x}"', r'f"\N{EM DASH"', r'f"a\N{EM DASH}{x}\N{EM DASH}"', r'rf"\N{x}"',
    'f"""\n\n  {x}"""', 'f"""{x}\n{y}\n  {z}"""', '(\n  f"""a\n  {x}"""\n)', 'f"""  {\n\n  x}"""',
    'f"""\t\t{x}"""', 'f"""é\nàé{x}"""', '("a"\n  f"{x}" f"""\n{y}""")', 'f"""{x}\n""" f"{y}"',
    'f"""{\n  x}"""', 'f"""a{\n\tx\n}"""', 'f"""{ x\n}"""', 'f"""\n  {  x  }  {y}"""',
    'f"{x:{y}}}"', 'f"{x}}"', 'f"{{x}"', 'f"{x:}}"', 'f"{x!r:}"', 'f"{x:{y}{z}}"', 
    'f"{x:=>5}"', 'f"{x:!<5}"',
    'f"{  x  =  }"', 'f"{x=  !r}"', 'f"{x =:}"', 'f"{x=!r:>{y}}"', 'u"{x}" f"{y}"', 'U"a" f"{y}"',
    'f"{!r}"', 'f"{ !r}"', 'f"{=}"', 'f"{ = }"', 'f"{:}"', 'f"{:x}"', 'f"{!}"',
    r'"\d" f"{x}"', r'f"{x}" "\d"', r'f"\d{x}" "\d"', r'f"\d{x}\d"', r'f"{x:\d}"',
]

# Cases whose replacement fields need the real parser (run end to end with Parser.Parse).
E2E_CASES = [
    'f"{x:a{{b}}c}"', 'f"{x!=y}"', 'f"{x==y}"', 'f"{x>=y}"', 'f"{x<y}"', 'f"{x<}"', 'f"{x>}"',
    'f"{x:{{y}}}"', 'f"{' + "(" * 200 + ')' * 200 + '}"', 'f"{f"{x}"}"', "f\"{f'{x}'}\"",
    "f\"{f'{x:{y}}'}\"", "f'{\"}\"}'", "f'{\"{\"}'", "f'{\"a\" \"b\"}'", 'f"{\'\'\'a\'\'\'}"',
    'f"{a+b}"', 'f"{ a + b }"', 'f"{a[1]}"', 'f"{a[{1:2}[1]]}"', 'f"{ {1: 2}[1] }"', 'f"{(lambda x: x)(1)}"',
    'f"{x,y}"', 'f"{x, y=}"', 'f"{*x,}"', 'f"{yield}"', 'f"{await x}"', 'f"{x if y else z}"', 'f"{x:{y if z else w}}"',
    'f"{ x . y }"', 'f"{x.y.z}"', 'f"{x()!r:>{w}.{p}}"', 'f"é{a.b}" f"{c}"', '("é"\n f"ü{a + b}")',
    'f"""\n{a +\n b}"""', 'f"""{a\n+\nb}"""', 'f"""x\n  {\n  a\n  +b}"""', 'f"""\n\t{ (a,\n b) }"""',
    'f"{1+}"', 'f"{a b}"', 'f"{x:{1+}}"', 'f"{)(}"', 'f"{lambda x: 1}"', 'f"{x:{lambda: 1}}"',
    'f"{a:=1}"', 'f"{(a:=1)}"', 'f"{x!r:{y!r}}"', 'f"{x=:{y=}}"', 'f"{3.14:.2f}"', 'f"{0x10}"',
    'f"{"' + '"' * 1 + '}"', 'f"{1_000}"', 'f"{1' + '0' * 5000 + '}"', 'f"{\'\\N{x}\'}"',
    'f"{x!r:{y}:{z}}"', 'f"{x:{y}!r}"', 'u"" f"{x:a{y}b}"', 'u"a" f"{x:a{y}b}" "c"', 'f"{x:\\N{EM DASH}}"',
    '"\\ud800" "\\udc02"', 'f"\\ud800{x}\\udc02"', 'f"\\ud800" "\\udc02{x}"', '"a\\ud800" f"\\udfff"',
    'f"\\N{abc"', 'f"{x! r}"', 'f"{x!é}"', 'f"{x:{y}\\N{EM DASH}{z}}"', 'f"{x!r:\\x4}"', 'f"{x:\\d}"', 'f"{not x}"', 'f"{-x}"', 'f"{ä}"', 'f"{ä + ö}"', 'f"ä{ä}ö{ö}"',
]


def run(src):
    result = {"src": src}
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            tree = ast.parse(src)
        result["dump"] = ast.dump(tree.body[0].value, include_attributes=True)
        result["warnings"] = [f"{w.category.__name__}: {w.message} @{w.lineno}" for w in caught]
    except SyntaxError as e:
        result["error"] = e.msg
        result["lineno"] = e.lineno
        result["offset"] = e.offset
        result["end_lineno"] = e.end_lineno
        result["end_offset"] = e.end_offset
    return result


def main():
    rng = random.Random(311)
    fuzz = [random_source(rng, ("",)) for _ in range(600)]
    for cases, path in ((CASES, OUT), (E2E_CASES + fuzz, OUT_E2E)):
        out = [run(src) for src in cases]
        with open(path, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=0)
            f.write("\n")
        print(f"{len(out)} cases -> {path}")


if __name__ == "__main__":
    main()
