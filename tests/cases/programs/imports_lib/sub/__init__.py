print("init sub", __name__, __package__)
from . import mod_b
from .mod_b import B
