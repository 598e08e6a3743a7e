# TextIOWrapper across chunk boundaries: multi-byte characters and "\r\n" split between
# chunks, tell()/seek() cookies at every line, readline limits, iteration disabling tell().
import io

P = "/tmp/taipan_io_text_chunks_case.txt"
text = "".join(f"l\xefne {i} \u2603\U0001f40d\r\n" if i % 3 else f"plain {i}\n" for i in range(40))
with open(P, "w", encoding="utf-8", newline="") as f:
    f.write(text)

for chunk in [1, 2, 3, 5, 7, 64]:
    for nl in [None, "", "\r\n"]:
        f = open(P, encoding="utf-8", newline=nl)
        f._CHUNK_SIZE = chunk
        lines = []
        cookies = []
        while True:
            cookies.append(f.tell())
            line = f.readline()
            if not line:
                break
            lines.append(line)
        ok = True
        for c, line in zip(cookies, lines):
            f.seek(c)
            if f.readline() != line:
                ok = False
        f.seek(cookies[5])
        part = f.read(7)
        f.close()
        print(chunk, repr(nl), len(lines), ascii(lines[1]), ascii(lines[-1]), ok, cookies[:4], ascii(part))

with open(P, encoding="utf-8") as f:
    f._CHUNK_SIZE = 4
    print(ascii(f.readline(3)), ascii(f.readline(0)), ascii(f.readline(100)), f.tell())
    next(f)
    try:
        f.tell()
    except OSError as e:
        print(type(e).__name__, e)
    for _ in f:
        pass
    print(f.tell() == len(text.replace("\r\n", "\n").encode()) + text.count("\r\n"))
    print(f.newlines, f._CHUNK_SIZE)
    try:
        f._CHUNK_SIZE = 0
    except ValueError as e:
        print(type(e).__name__, e)

b = io.BytesIO("\u2603\u2603\u2603".encode())
t = io.TextIOWrapper(b, encoding="utf-8")
t._CHUNK_SIZE = 1
print(ascii(t.read(1)), t.tell(), ascii(t.read(1)), t.tell(), ascii(t.read()))
try:
    t.reconfigure(encoding="latin-1")
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)

t = io.TextIOWrapper(io.BytesIO(), encoding="latin-1", newline="\r")
t.write("a\nb")
t.reconfigure(encoding="utf-8")
t.write("\xe9\n")
t.flush()
print(t.buffer.getvalue(), t.encoding)
t.seek(0)
print(ascii(t.read()))

try:
    import os
    os.remove(P)
except ImportError:
    pass
