# Warnings the compiler issues go through _warnings (shown once per location, or raised).
import _warnings

_warnings.filters.insert(0, ("always", None, DeprecationWarning, None, 0))
_warnings._filters_mutated()
compile('x = "\\d"', "<escape>", "exec")
compile("y = 1 is 1\nz = () is not ()\n", "<literal>", "exec")
compile("f = [1, 2] (3)", "<call>", "exec")
exec("print('ran', 'a' is 'a')")
_warnings.filters.insert(0, ("error", None, SyntaxWarning, None, 0))
_warnings._filters_mutated()
try:
    compile("1 is 1", "<error>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.filename, e.lineno)
_warnings.filters.insert(0, ("ignore", None, Warning, None, 0))
_warnings._filters_mutated()
compile("2 is 2", "<ignored>", "exec")
print("done")
