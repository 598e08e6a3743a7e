# A replaced sys.excepthook receives the uncaught exception; the exit status stays 1.
import sys


def hook(exc_type, value, tb):
    print("hook got", exc_type.__name__, value, tb is not None)


sys.excepthook = hook
print("raising")
raise ValueError("handled by the hook")
