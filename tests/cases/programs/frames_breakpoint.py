# breakpoint() calls sys.breakpointhook with its arguments.
import sys

print(sys.breakpointhook is sys.__breakpointhook__, breakpoint.__name__)


def hook(*args, **kwargs):
    print("hook", args, sorted(kwargs.items()))
    return "result"


sys.breakpointhook = hook
print(breakpoint(1, 2, key="v"))
print(breakpoint())
sys.breakpointhook = print
breakpoint("printed by", "print", sep="|")
sys.breakpointhook = 5
try:
    breakpoint()
except TypeError as e:
    print("TypeError", e)
sys.breakpointhook = sys.__breakpointhook__

del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError", e)
