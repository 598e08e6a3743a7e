# int.to_bytes / int.from_bytes.

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for n in [0, 1, 255, 256, 65535, 2**64 + 3, 10**30]:
    show(lambda: n.to_bytes(16, "big"))
    show(lambda: n.to_bytes(16, "little"))
    show(lambda: n.to_bytes(2, "big"))
for n in [-1, -128, -129, 127, 128, -2**63, -(10**20)]:
    show(lambda: n.to_bytes(9, "big", signed=True))
    show(lambda: n.to_bytes(1, "little", signed=True))
    show(lambda: n.to_bytes(4, "big"))
show(lambda: (5).to_bytes())
show(lambda: (0).to_bytes(0, "big"))
show(lambda: (1).to_bytes(0, "big"))
show(lambda: (1).to_bytes(-1, "big"))
show(lambda: (1).to_bytes(2, "middle"))
show(lambda: (1).to_bytes(2, 1))
show(lambda: (1).to_bytes(length=3, byteorder="little"))
show(lambda: (300).to_bytes(2))
for data in [b"", b"\x00", b"\x01\x00", b"\xff", b"\xff\xff", b"\x80\x00\x00\x00", bytes(range(20))]:
    for order in ["big", "little"]:
        show(lambda: int.from_bytes(data, order))
        show(lambda: int.from_bytes(data, order, signed=True))
show(lambda: int.from_bytes([1, 2, 3], "big"))
show(lambda: int.from_bytes(bytearray(b"\x01\x02"), "little"))
show(lambda: int.from_bytes(b"\x01\x02"))
show(lambda: int.from_bytes(b"\x01", "wrong"))
show(lambda: int.from_bytes("ab", "big"))
show(lambda: bool.from_bytes(b"\x01", "big"))
n = 123456789123456789
print(int.from_bytes(n.to_bytes(20, "little"), "little") == n)
