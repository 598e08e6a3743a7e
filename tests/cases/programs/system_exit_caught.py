# SystemExit can be caught like any exception; the program then goes on.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    raise SystemExit
except BaseException as e:
    print("caught bare", type(e).__name__, e.code)
print(isinstance(SystemExit(), Exception), isinstance(SystemExit(), BaseException))
print(isinstance(KeyboardInterrupt(), Exception))
