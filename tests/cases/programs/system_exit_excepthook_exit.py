# A sys.excepthook may exit with its own status.
import sys


def hook(exc_type, value, tb):
    print("exiting from the hook")
    sys.exit(9)


sys.excepthook = hook
raise ValueError("original")
