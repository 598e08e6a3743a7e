#!/usr/bin/python3.11
"""Writes tests/Taipan.Syntax.Tests/StringUnicodeNameCases.json: a sample of code points with
the name unicodedata.name gives them, names with what unicodedata.lookup (the lookup
\\N{...} uses) resolves them to, and a sample of str.isprintable, from CPython 3.11."""
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
    # str.isprintable of every 101st code point and of some chosen ones (assigned after 14.0,
    # separators, surrogates, private use).
    chosen = [0x20, 0x7F, 0xA0, 0xAD, 0x2028, 0x3000, 0x2FFC, 0x1FAE8, 0x1F6DC, 0x1F6DD, 0xD800,
              0xDFFF, 0xE000, 0xF8FF, 0xFFFD, 0xFFFE, 0x10FFFF, 0x0378, 0x0377]
    printable = [[cp, chr(cp).isprintable()] for cp in sorted(set(chosen) | set(range(0, 0x110000, 101)))]
    with open(OUT, "w", encoding="ascii") as f:
        json.dump({"names": names, "lookups": lookups, "printable": printable}, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(names)} code points, {len(lookups)} lookups -> {OUT}")


if __name__ == "__main__":
    main()
