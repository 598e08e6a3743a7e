# _warnings: the filters, registries and output of the C implementation (warnings not imported).
import sys
import _warnings

print(_warnings.filters)
print(_warnings._defaultaction, _warnings._onceregistry)
print("warnings" in sys.modules)


def f():
    _warnings.warn("user warning")
    _warnings.warn("deprecated here", DeprecationWarning)
    _warnings.warn("pending", PendingDeprecationWarning)
    _warnings.warn("runtime from caller", RuntimeWarning, 2)
    _warnings.warn(FutureWarning("instance"))
    _warnings.warn(UserWarning("instance with category"), DeprecationWarning)


f()
f()  # the registry keeps "default" from repeating
_warnings.warn("deprecated in __main__", DeprecationWarning)
_warnings.warn("level 0", UserWarning, 0)
_warnings.warn("level 99", UserWarning, 99)
_warnings.warn_explicit("explicit", UserWarning, "some/file.py", 12)
_warnings.warn_explicit("explicit", UserWarning, "some/file.py", 12, registry={})
_warnings.warn_explicit("explicit module", SyntaxWarning, "other.py", 3, module="mod")
_warnings.warn_explicit("empty filename", UserWarning, "", 1)

for args in [("x", int), ("x", 5), ("x", str), ]:
    try:
        _warnings.warn(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    _warnings.warn_explicit("x", UserWarning, "f.py", 1, registry=5)
except TypeError as e:
    print("TypeError", e)
try:
    _warnings.warn_explicit("x", UserWarning, "f.py", 1, module_globals=5)
except TypeError as e:
    print("TypeError", e)
try:
    _warnings.warn()
except TypeError as e:
    print("TypeError", e)

registry = {}
_warnings.warn_explicit("reg", UserWarning, "r.py", 1, registry=registry)
print(sorted(registry.items(), key=repr))

# Actions.
_warnings.filters.insert(0, ("error", None, UserWarning, None, 0))
_warnings._filters_mutated()
try:
    _warnings.warn("now an error")
except UserWarning as e:
    print("raised", type(e).__name__, e)
_warnings.filters[0] = ("ignore", None, UserWarning, None, 0)
_warnings._filters_mutated()
_warnings.warn("ignored")
_warnings.filters[0] = ("once", None, UserWarning, None, 0)
_warnings._filters_mutated()
for i in range(3):
    _warnings.warn("once only")
_warnings.warn_explicit("once only", UserWarning, "elsewhere.py", 5)
print(sorted(_warnings._onceregistry, key=repr))
_warnings.filters[0] = ("always", None, UserWarning, None, 0)
_warnings._filters_mutated()
for i in range(2):
    _warnings.warn("always")
_warnings.filters[0] = ("module", None, UserWarning, None, 0)
_warnings._filters_mutated()
for i in range(2):
    _warnings.warn("module once")
_warnings.warn_explicit("module once", UserWarning, sys.argv[0], 1000)

# Matching on message (a plain str matches exactly), module and line.
_warnings.filters[0] = ("error", "exact", UserWarning, None, 0)
_warnings.filters.insert(1, ("error", None, UserWarning, "__main__", 99))
_warnings.filters.insert(2, ("always", None, UserWarning, None, 0))
_warnings._filters_mutated()
for msg in ("exact", "exact not", "other"):
    try:
        _warnings.warn(msg)
        print("not raised", msg)
    except UserWarning as e:
        print("raised", e)
try:
    _warnings.warn_explicit("line 99", UserWarning, "x.py", 99, module="__main__")
except UserWarning as e:
    print("raised", e)

# Bad filters.
saved = _warnings.filters[:]
for bad in [("error", None), ("bogus", None, UserWarning, None, 0), (5, None, UserWarning, None, 0)]:
    _warnings.filters[:] = [bad]
    _warnings._filters_mutated()
    try:
        _warnings.warn("bad filter")
    except Exception as e:
        print(type(e).__name__, e)
_warnings.filters[:] = saved
_warnings._filters_mutated()
print(len(__warningregistry__) > 0, "version" in __warningregistry__)
