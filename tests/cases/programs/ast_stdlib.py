# ast.dump(ast.parse(...), include_attributes=True) of standard library files, as checksums.
import ast
import os

def read(path):
    fd = os.open(path, os.O_RDONLY)
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode("utf-8")

FILES = ["dataclasses", "string", "textwrap", "functools", "json/decoder", "fractions", "pprint", "email/utils"]
for f in FILES:
    src = read(f"/usr/lib/python3.11/{f}.py")
    d = ast.dump(ast.parse(src), include_attributes=True)
    h = int.from_bytes(d.encode(), "big") % 2305843009213693951
    print(f, len(d), h)
