# A sys.excepthook that fails: both exceptions are printed.
import sys


def hook(exc_type, value, tb):
    raise RuntimeError("the hook failed")


sys.excepthook = hook
raise ValueError("original")
