#!/usr/bin/python3.11
"""Writes src/Taipan.Syntax/Unicode/UnicodeNames.bin from CPython 3.11's unicodedata.

Run with /usr/bin/python3.11 (Unicode 14.0). The resource is deflate-compressed; the
decompressed layout (all integers are LEB128 varints) is:

  magic "TPUN1"
  word count W, then W words (ASCII, each terminated by 0)
  name count N, then N entries sorted by code point:
      code point delta from the previous entry, word count k, k word indexes
      (a name is its words joined by ' ', except that a word starting with '-'
       is appended without a space: "TAI-" style hyphen joins are kept as their own word)
  alias count A, then A entries: code point, alias text terminated by 0
  range count R, then R (first, last) code point pairs of "CJK UNIFIED IDEOGRAPH-"

Names computed by rule (CJK UNIFIED IDEOGRAPH-XXXX, HANGUL SYLLABLE ...) are not stored.
Aliases are those unicodedata.lookup accepts (NameAliases.txt), which \\N{...} accepts too;
named sequences are not stored because \\N{...} rejects them.
"""
import os
import re
import sys
import unicodedata
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "src", "Taipan.Syntax", "Unicode", "UnicodeNames.bin")
PERL_NAMES = "/usr/share/perl/5.36.0/unicore/Name.pl"


def varint(n, out):
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return


def split_words(name):
    # Words are separated by spaces; a hyphen stays attached to the start of the next piece
    # so that joining is unambiguous ("NKO LETTER A", "YI SYLLABLE IT", "MODIFIER LETTER-1").
    words = []
    for part in name.split(" "):
        pieces = part.split("-")
        words.append(pieces[0])
        for piece in pieces[1:]:
            words.append("-" + piece)
    return words


def alias_list():
    """(code point, alias) pairs that unicodedata.lookup resolves to one character other than
    by its name. Python 3.11 cannot list its aliases, so the candidates come from Perl's copy
    of the Unicode 14.0 name tables and each is confirmed with unicodedata.lookup."""
    with open(PERL_NAMES, encoding="ascii") as f:
        text = f.read()
    body = text.split("return <<'END';\n", 1)[1].split("\nEND\n", 1)[0]
    result = []
    for entry in body.strip().split("\n\n"):
        cps, name = entry.split("\n")
        if " " in cps:
            continue  # a named sequence
        cp = int(cps, 16)
        if unicodedata.name(chr(cp), None) == name:
            continue
        try:
            if unicodedata.lookup(name) == chr(cp):
                result.append((cp, name))
        except KeyError:
            pass
    return result


def main():
    assert unicodedata.unidata_version == "14.0.0", unicodedata.unidata_version
    names = []
    cjk_ranges = []
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), None)
        if name is None:
            continue
        if name.startswith("CJK UNIFIED IDEOGRAPH-"):
            if cjk_ranges and cjk_ranges[-1][1] == cp - 1:
                cjk_ranges[-1][1] = cp
            else:
                cjk_ranges.append([cp, cp])
            continue
        if name.startswith("HANGUL SYLLABLE "):
            continue
        names.append((cp, name))

    counts = {}
    for _, name in names:
        for w in split_words(name):
            counts[w] = counts.get(w, 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(words)}

    out = bytearray(b"TPUN1")
    varint(len(words), out)
    for w in words:
        out += w.encode("ascii") + b"\0"
    varint(len(names), out)
    prev = 0
    for cp, name in names:
        ws = split_words(name)
        assert "".join(w if w.startswith("-") or i == 0 else " " + w for i, w in enumerate(ws)) == name
        varint(cp - prev, out)
        prev = cp
        varint(len(ws), out)
        for w in ws:
            varint(index[w], out)
    aliases = alias_list()
    varint(len(aliases), out)
    for cp, alias in aliases:
        varint(cp, out)
        out += alias.encode("ascii") + b"\0"
    varint(len(cjk_ranges), out)
    for first, last in cjk_ranges:
        varint(first, out)
        varint(last, out)

    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = comp.compress(bytes(out)) + comp.flush()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "wb") as f:
        f.write(data)
    print(f"{len(names)} names, {len(words)} words, {len(aliases)} aliases, "
          f"{len(cjk_ranges)} CJK ranges: {len(out)} bytes, {len(data)} deflated -> {OUT}")


if __name__ == "__main__":
    main()
