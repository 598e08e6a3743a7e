print("init circ_b")
from imports_lib.circ_a import early
print("circ_b got", early)
try:
    from imports_lib.circ_a import late
except ImportError as e:
    print(type(e).__name__, e)
import imports_lib.circ_a as partial
try:
    partial.late
except AttributeError as e:
    print(type(e).__name__, e)
