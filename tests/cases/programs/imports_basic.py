# import and from-import of modules and packages found on sys.path (the script's directory).
import sys

import imports_lib
print(imports_lib.top_value, imports_lib.__name__, imports_lib.__package__)
print(imports_lib.__file__)
print(imports_lib.__path__)
print(imports_lib)

import imports_lib.mod_a
print(imports_lib.mod_a.X, imports_lib.mod_a.f())
print(imports_lib.mod_a.__name__, imports_lib.mod_a.__package__)
print(imports_lib.mod_a.__file__)
print(imports_lib.mod_a)

# A second import runs nothing: the module comes from sys.modules.
import imports_lib.mod_a as again
print(again is imports_lib.mod_a, sys.modules["imports_lib.mod_a"] is again)

from imports_lib import mod_a
from imports_lib.mod_a import X, f as g
print(mod_a is again, X, g())

# A package with relative imports of its submodules and of its parent's.
import imports_lib.sub.mod_b as mb
print(mb.B, mb.AX, mb.sibling.S, mb.mod_a is mod_a)
print(mb.__name__, mb.__package__)
print(imports_lib.sub.B, imports_lib.sub.mod_b is mb, imports_lib.sub.sibling.S)
print("imports_lib.sub.sibling" in sys.modules)

# The value of `import a.b.c` is the top-level package.
import imports_lib.sub.sibling
print(imports_lib.sub.sibling.S)

# __import__ directly: with and without a fromlist, and relative with globals.
top = __import__("imports_lib.sub")
print(top is imports_lib)
leaf = __import__("imports_lib.sub", None, None, ["B"])
print(leaf is imports_lib.sub)
rel = __import__("mod_a", {"__name__": "imports_lib.x", "__package__": "imports_lib"}, None, ["X"], 1)
print(rel is mod_a)
rel2 = __import__("", {"__name__": "imports_lib.sub.q", "__package__": "imports_lib.sub"}, None, ["sibling"], 2)
print(rel2 is imports_lib)

# A module can replace itself in sys.modules.
import imports_lib.replaced as r
print(r)

# A namespace package (a directory without __init__.py).
from imports_lib.ns_part import mod_ns
print(mod_ns.N, mod_ns.__name__)

# Builtin modules.
import sys as s2, errno, gc, time, atexit
print(s2 is sys, sys.modules["sys"] is sys, sys.modules["builtins"])
print(sys)
print(errno.ENOENT, gc.isenabled())
