# sys.exit with a string: printed to stderr after stdout is flushed, exit status 1.
import sys
print("before exit")
sys.exit("goodbye from sys.exit")
print("not reached")
