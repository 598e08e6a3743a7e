# The standard streams: print(file=...), replacing sys.stdout and sys.stderr, stdin at EOF.
import sys


class Recorder:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        self.parts.append("<flush>")


r = Recorder()
print("a", "b", 3, file=r)
print("x", sep="-", end="!", file=r, flush=True)
print(file=r)
print(r.parts)

saved = sys.stdout
sys.stdout = Recorder()
print("captured", 1)
captured = sys.stdout
sys.stdout = saved
print(captured.parts)

sys.stdout = None
print("goes nowhere")
sys.stdout = saved
print("restored", sys.stdout is sys.__stdout__)

err = Recorder()
sys.stderr = err
sys.stderr.write("to the recorder\n")
sys.stderr = sys.__stderr__
print(err.parts)

print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
print(sys.stdin.readable(), sys.stdout.writable(), sys.stdin.writable(), sys.stdout.readable())

try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", sep=3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", bad=1)
except TypeError as e:
    print(type(e).__name__, e)

# An uncaught exception is written to the current sys.stderr.
sys.stderr = Recorder()
sys.stderr = sys.__stderr__
raise ValueError("printed to the real stderr")
