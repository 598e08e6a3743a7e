# Exit statuses beyond 255 wrap as the operating system reports them: 258 is 2.
import sys
sys.exit(258)
