print("init circ_a")
early = "early"
from imports_lib import circ_b
late = "late"
