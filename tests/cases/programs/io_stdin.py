# input() and sys.stdin with standard input fed from io_stdin.stdin.
import sys

print(type(sys.stdin).__name__, sys.stdin.name, sys.stdin.mode, sys.stdin.encoding, sys.stdin.readable(), sys.stdin.writable())
a = input("prompt> ")
print(repr(a))
print(repr(input()))
print(repr(sys.stdin.readline()))
print(repr(input(42)))
try:
    input("more? ")
except EOFError as e:
    print(type(e).__name__, e)
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
print(sys.stdin is sys.__stdin__, sys.stdin.fileno(), sys.stdin.buffer.raw.closefd)
