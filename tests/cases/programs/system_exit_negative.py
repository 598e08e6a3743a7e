# A negative status: -1 is reported as 255.
import sys
sys.exit(-1)
