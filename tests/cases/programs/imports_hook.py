# Replacing builtins.__import__, and sys.modules as the import cache.
import builtins
import sys

original = builtins.__import__
calls = []


def hook(name, globals=None, locals=None, fromlist=(), level=0):
    # CPython's source loader imports _io itself: that call is an implementation detail.
    if name != "_io":
        calls.append((name, fromlist, level))
    return original(name, globals, locals, fromlist, level)


builtins.__import__ = hook
import imports_lib
from imports_lib import mod_a
from imports_lib.mod_a import X
import imports_lib.sub.sibling as sib
builtins.__import__ = original
print(calls)
print(X, sib.S)

# A module removed from sys.modules runs again on the next import.
del sys.modules["imports_lib.mod_a"]
import imports_lib.mod_a as fresh
print(fresh is mod_a, fresh.X)

# Any object in sys.modules is what import gives.
sys.modules["imports_fake"] = 42
import imports_fake
print(imports_fake)
from imports_lib import top_value
print(top_value)


def no_import(*args):
    raise ImportError("imports are switched off")


builtins.__import__ = no_import
try:
    import imports_lib
except ImportError as e:
    print(type(e).__name__, e)
builtins.__import__ = original
del builtins.__import__
try:
    import imports_lib
except ImportError as e:
    print(type(e).__name__, e)
builtins.__import__ = original
import imports_lib
print("import works again")
