#!/usr/bin/python3.11
"""Writes tests/Taipan.Syntax.Tests/StringUnicodeNameCases.json: a sample of code points with
the name unicodedata.name gives them, and names with what unicodedata.lookup (the lookup
\\N{...} uses) resolves them to, from CPython 3.11."""
import json
import os
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "Taipan.Syntax.Tests", "StringUnicodeNameCases.json")

LOOKUPS = [
    "latin small letter a", "Latin Small Letter A", "NBSP", "nbsp", "LINE FEED", "line feed (lf)",
    "BYTE ORDER MARK", "LATIN CAPITAL LETTER GHA", "HANGUL SYLLABLE GAG", "HANGUL SYLLABLE GA",
    "HANGUL SYLLABLE HIH", "HANGUL SYLLABLE", "HANGUL SYLLABLE GAX", "hangul syllable GAG",
    "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-4e00",
    "CJK UNIFIED IDEOGRAPH-9FFF", "CJK UNIFIED IDEOGRAPH-A000", "CJK UNIFIED IDEOGRAPH-3134A",
    "CJK UNIFIED IDEOGRAPH-3134B", "CJK UNIFIED IDEOGRAPH-2A6DF", "CJK UNIFIED IDEOGRAPH-2A6E0",
    "cjk compatibility ideograph-f900", "TANGUT IDEOGRAPH-17000", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
    "TIBETAN LETTER -A", "tibetan letter -a", "HANGUL JUNGSEONG O-E", "MODIFIER LETTER LOW MACRON",
    "", " ", "SPACE ", " SPACE", "SPACE", "NULL", "NUL", "GRINNING FACE", "PADDING CHARACTER", "SGC",
]


def main():
    # Every 19th named code point, and every 997th code point whether named or not.
    names = []
    count = 0
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), None)
        if name is not None:
            count += 1
        if (name is not None and count % 19 == 0) or cp % 997 == 0:
            names.append([cp, name])
    lookups = []
    for name in LOOKUPS:
        try:
            lookups.append([name, ord(unicodedata.lookup(name))])
        except (KeyError, TypeError):
            lookups.append([name, -1])
    with open(OUT, "w", encoding="ascii") as f:
        json.dump({"names": names, "lookups": lookups}, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(names)} code points, {len(lookups)} lookups -> {OUT}")


if __name__ == "__main__":
    main()
