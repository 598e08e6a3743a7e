# The standard streams are _io objects: their attributes, writes through print and write,
# flushing, and the traceback of an uncaught exception after buffered output.
import sys

out, err = sys.stdout, sys.stderr
print(type(out).__name__, out.name, out.mode, out.encoding, out.errors, out.line_buffering, out.write_through)
print(type(err).__name__, err.name, err.mode, err.encoding, err.errors, err.line_buffering)
print(type(out.buffer).__name__, type(out.buffer.raw).__name__, out.buffer.raw.name, out.buffer.raw.mode, out.buffer.raw.closefd)
# seekable() depends on where the output goes (a file when recorded, a pipe when tested).
print(out.fileno(), err.fileno(), out.writable(), out.readable(), out.isatty())
print(sys.__stdout__ is out, sys.__stderr__ is err, repr(out))
print(out.write("written\n"), err.write("to stderr\n"))
print("bytes go through buffer:", flush=True)
out.buffer.write(b"raw bytes\n")
out.flush()
err.write("lone surrogate: \udc80\n")
print("many", "args", 1, 2.5, None, sep="|", end=".\n")
print("to stderr", file=sys.stderr)
print("to stderr, flushed", file=sys.stderr, flush=True)
sys.stdout.writelines(["a\n", "b\n"])
try:
    out.write(b"bytes")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("\udc80")
except UnicodeEncodeError as e:
    print(type(e).__name__, e.reason, e.start, e.end)
print("last line before the error")
raise RuntimeError("uncaught")
