# A circular import: the second module sees the first one partially initialised.
import sys
import imports_lib.circ_a
print(imports_lib.circ_a.late, imports_lib.circ_b.early)
print("imports_lib.circ_b" in sys.modules)
