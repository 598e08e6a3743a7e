# from m import *: __all__, or the public names; errors of bad __all__ entries.
from imports_lib.star_all import *
print(public, _listed)
try:
    print(unlisted)
except NameError as e:
    print(type(e).__name__, e)

from imports_lib.star_plain import *
print(plain)
try:
    print(_private)
except NameError as e:
    print(type(e).__name__, e)

try:
    from imports_lib.star_bad import *
except TypeError as e:
    print(type(e).__name__, e)

# A star import of a package brings in the submodules its __all__ names.
from imports_lib.sub import *
print(B, mod_b.B)
