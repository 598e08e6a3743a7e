# atexit functions run after SystemExit, last registered first, before the exit status is used.
import atexit
import sys

atexit.register(print, "registered first")
atexit.register(print, "registered second", end="!\n")
print("exiting with 4")
sys.exit(4)
