print("init mod_b", __name__, __package__)
from .. import mod_a
from ..mod_a import X as AX
from . import sibling
B = "B" + str(AX)
