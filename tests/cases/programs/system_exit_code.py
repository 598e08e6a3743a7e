# sys.exit(n) gives exit status n; finally blocks run on the way out.
import sys
try:
    print("exiting with 3")
    sys.exit(3)
finally:
    print("finally runs")
