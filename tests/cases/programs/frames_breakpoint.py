# breakpoint() calls sys.breakpointhook; PYTHONBREAKPOINT picks the default hook's target.
import posix
import sys

print(sys.breakpointhook is sys.__breakpointhook__, breakpoint.__name__)


def hook(*args, **kwargs):
    print("hook", args, sorted(kwargs.items()))
    return "result"


sys.breakpointhook = hook
print(breakpoint(1, 2, key="v"))
sys.breakpointhook = sys.__breakpointhook__

posix.putenv("PYTHONBREAKPOINT", "0")
print(breakpoint())
posix.putenv("PYTHONBREAKPOINT", "builtins.print")
print(breakpoint("printed by", "the hook", sep="|"))
posix.putenv("PYTHONBREAKPOINT", "repr")
print(breakpoint(42))
posix.putenv("PYTHONBREAKPOINT", "no_such_module_xyz.func")
print(breakpoint())
posix.putenv("PYTHONBREAKPOINT", "posix.no_such_function")
print(breakpoint())
posix.putenv("PYTHONBREAKPOINT", ".leading")
print(breakpoint())
posix.unsetenv("PYTHONBREAKPOINT")

del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError", e)
