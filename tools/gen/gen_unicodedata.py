#!/usr/bin/python3.11
"""Writes src/Taipan.Modules/Unicodedata/UnicodeData.bin from CPython 3.11's unicodedata.

Run with /usr/bin/python3.11 (Unicode 14.0.0). The facts come from the Unicode database as
CPython's unicodedata reports them, for the current version and for ucd_3_2_0. Character names
are not stored here: they live in src/Taipan.Syntax/Unicode/UnicodeNames.bin (written by
gen_unicode_names.py), which the tokenizer uses for \\N{...} too.

The resource is deflate-compressed; the decompressed layout (integers little-endian; "varint"
is LEB128) is:

  magic "TPUD1"
  3 string lists (categories, bidirectional classes, east asian widths): varint count, then
      strings terminated by 0
  decomposition tags: the same kind of list ("" first, then "<compat>", ...)
  numeric values: varint count, then float64 each
  decompositions: varint count, then for each: tag index (byte), length n (byte), n varint code
      points (decomposition 0 is the empty one)
  records: varint count, then for each 11 bytes: category, bidirectional, east asian width,
      mirrored, combining, decimal+1, digit+1 (bytes), numeric index+1 (uint16, 0 = none),
      decomposition index (uint16)
  two-level tables, first for Unicode 14.0.0 then for 3.2.0: shift (byte), varint count of
      index1, uint16 each, varint count of index2, uint16 each (record indexes);
      record = index2[(index1[cp >> shift] << shift) + (cp & mask)]
  compositions: varint count, then (first, second, composite) varint triples: the primary
      composites (canonical pairs that NFC recomposes; composition exclusions left out)
  3.2.0 normalization corrections: varint count, then (code point, replacement) varint pairs
  named sequences: varint count, then name terminated by 0, varint length, varint code points
"""
import os
import struct
import unicodedata
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "src", "Taipan.Modules", "Unicodedata", "UnicodeData.bin")
NAMED_SEQUENCES = "/usr/share/perl/5.36.0/unicore/NamedSequences.txt"


def varint(n, out):
    assert n >= 0
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return


def strings(lst, out):
    varint(len(lst), out)
    for s in lst:
        out += s.encode("ascii") + b"\0"


def split_bins(values):
    """The smallest two-level table (by uint16 entries) for values."""
    best = None
    for shift in range(4, 11):
        size = 1 << shift
        blocks = {}
        index1 = []
        index2 = []
        for start in range(0, len(values), size):
            block = tuple(values[start:start + size])
            if block not in blocks:
                blocks[block] = len(blocks)
                index2.extend(block)
            index1.append(blocks[block])
        if best is None or len(index1) + len(index2) < len(best[1]) + len(best[2]):
            best = (shift, index1, index2)
    shift, index1, index2 = best
    for cp in range(0, len(values), 97):
        assert index2[(index1[cp >> shift] << shift) + (cp & ((1 << shift) - 1))] == values[cp]
    return best


def main():
    assert unicodedata.unidata_version == "14.0.0"
    old = unicodedata.ucd_3_2_0
    cats, bidis, widths, tags = {}, {}, {}, {"": 0}
    numerics = {}
    decomps = {("", ()): 0}
    records = {}

    def intern(table, key):
        if key not in table:
            table[key] = len(table)
        return table[key]

    def record(db, c):
        d = db.decomposition(c)
        tag = ""
        parts = d.split()
        if parts and parts[0].startswith("<"):
            tag = parts.pop(0)
        dkey = (tag, tuple(int(p, 16) for p in parts))
        intern(tags, tag)
        num = db.numeric(c, None)
        rec = (
            intern(cats, db.category(c)),
            intern(bidis, db.bidirectional(c)),
            intern(widths, db.east_asian_width(c)),
            db.mirrored(c),
            db.combining(c),
            db.decimal(c, -1) + 1,
            db.digit(c, -1) + 1,
            0 if num is None else intern(numerics, num) + 1,
            intern(decomps, dkey),
        )
        return intern(records, rec)

    current = [record(unicodedata, chr(cp)) for cp in range(0x110000)]
    # UnicodeDatabase.MaxDecomposition bounds the full decomposition of one character.
    assert max(len(unicodedata.normalize("NFKD", chr(cp))) for cp in range(0x110000)) < 32
    v320 = [record(old, chr(cp)) for cp in range(0x110000)]

    def ordered(table):
        return [k for k, _ in sorted(table.items(), key=lambda kv: kv[1])]

    out = bytearray(b"TPUD1")
    strings(ordered(cats), out)
    strings(ordered(bidis), out)
    strings(ordered(widths), out)
    strings(ordered(tags), out)
    nums = ordered(numerics)
    varint(len(nums), out)
    for n in nums:
        out += struct.pack("<d", n)
    dlist = ordered(decomps)
    varint(len(dlist), out)
    for tag, cps in dlist:
        out.append(tags[tag])
        out.append(len(cps))
        for cp in cps:
            varint(cp, out)
    rlist = ordered(records)
    varint(len(rlist), out)
    for r in rlist:
        assert all(0 <= x < 256 for x in r[:7])
        out += bytes(r[:7]) + struct.pack("<HH", r[7], r[8])
    for values in (current, v320):
        shift, index1, index2 = split_bins(values)
        out.append(shift)
        varint(len(index1), out)
        out += struct.pack(f"<{len(index1)}H", *index1)
        varint(len(index2), out)
        out += struct.pack(f"<{len(index2)}H", *index2)

    # Primary composites: canonical pairs whose character NFC keeps (this leaves out the
    # composition exclusions, singletons and non-starter decompositions).
    comps = []
    for cp in range(0x110000):
        c = chr(cp)
        d = unicodedata.decomposition(c).split()
        if len(d) == 2 and not d[0].startswith("<") and unicodedata.normalize("NFC", c) == c:
            a, b = int(d[0], 16), int(d[1], 16)
            assert unicodedata.normalize("NFC", chr(a) + chr(b)) == c
            # The composer combines only with starters (as CPython's data allows).
            assert unicodedata.combining(chr(a)) == 0
            comps.append((a, b, cp))
    varint(len(comps), out)
    for a, b, cp in comps:
        varint(a, out)
        varint(b, out)
        varint(cp, out)

    # 3.2.0's normalization corrections: characters assigned then whose decomposition
    # ucd_3_2_0 gives differently from the current one.
    corrections = []
    for cp in range(0x110000):
        c = chr(cp)
        if old.category(c) == "Cn":
            continue
        was, now = old.normalize("NFD", c), unicodedata.normalize("NFD", c)
        if was != now:
            assert len(was) == 1, (hex(cp), was)
            corrections.append((cp, ord(was)))
    varint(len(corrections), out)
    for cp, v in corrections:
        varint(cp, out)
        varint(v, out)

    sequences = []
    with open(NAMED_SEQUENCES, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, cps = line.split(";")
            value = "".join(chr(int(p, 16)) for p in cps.split())
            assert unicodedata.lookup(name) == value, name
            sequences.append((name, value))
    varint(len(sequences), out)
    for name, value in sequences:
        out += name.encode("ascii") + b"\0"
        varint(len(value), out)
        for ch in value:
            varint(ord(ch), out)

    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = comp.compress(bytes(out)) + comp.flush()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "wb") as f:
        f.write(data)
    print(f"{len(rlist)} records, {len(dlist)} decompositions, {len(nums)} numeric values, "
          f"{len(comps)} compositions, {len(corrections)} corrections, {len(sequences)} named "
          f"sequences: {len(out)} bytes, {len(data)} deflated -> {OUT}")


if __name__ == "__main__":
    main()
