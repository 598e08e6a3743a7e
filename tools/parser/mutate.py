"""Writes mutants of standard library files for error-message parity testing:
each mutant is a stdlib file (or a slice of one) with one random edit (a character deleted,
a token-like string inserted, a line duplicated or dedented). Compare them with
`tools/parity ast OUTDIR`.

usage: /usr/bin/python3.11 tools/parser/mutate.py OUTDIR [COUNT] [SEED]
"""
import glob
import os
import random
import sys

INSERTS = ["(", ")", "[", "]", "{", "}", ":", ",", "=", "==", "*", "**", ".", "...", " if ", " else ",
           " for ", " in ", " not ", " lambda ", " yield ", " await ", " async ", " def ", " class ",
           " return ", " import ", " from ", " as ", " with ", " del ", " pass ", " global ", "@",
           " := ", "->", ";", "\\", "'", '"', "f'{", "}'", " and ", " or ", "\n", "\n    ", " x ", "1",
           " match ", " case ", "_", " except ", " try:", " while ", " is ", "/", "|", "~", "+=", "<>"]


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    os.makedirs(out, exist_ok=True)
    files = sorted(f for f in glob.glob("/usr/lib/python3.11/**/*.py", recursive=True)
                   if "site-packages" not in f and "dist-packages" not in f)
    n = 0
    while n < count:
        path = rnd.choice(files)
        try:
            text = open(path, encoding="utf-8").read()
        except (UnicodeDecodeError, OSError):
            continue
        lines = text.splitlines(keepends=True)
        if len(lines) < 3:
            continue
        # A slice of at most 40 lines keeps the mutants small.
        start = rnd.randrange(len(lines))
        chunk = lines[start:start + rnd.randint(1, 40)]
        # Dedent the slice so that it starts at column 0.
        first = chunk[0]
        indent = len(first) - len(first.lstrip(" "))
        chunk = [l[indent:] if l[:indent].strip() == "" else l for l in chunk]
        src = "".join(chunk)
        if not src.strip():
            continue
        kind = rnd.randrange(4)
        pos = rnd.randrange(len(src))
        if kind == 0:
            src = src[:pos] + src[pos + 1:]
        elif kind == 1:
            src = src[:pos] + rnd.choice(INSERTS) + src[pos:]
        elif kind == 2:
            ls = src.splitlines(keepends=True)
            i = rnd.randrange(len(ls))
            ls.insert(i, ls[i])
            src = "".join(ls)
        else:
            ls = src.splitlines(keepends=True)
            i = rnd.randrange(len(ls))
            ls[i] = ls[i].lstrip(" ")
            src = "".join(ls)
        n += 1
        with open(os.path.join(out, f"m{n:05d}.py"), "w", encoding="utf-8") as f:
            f.write(src)


main()
