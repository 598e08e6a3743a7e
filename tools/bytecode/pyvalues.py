"""Deep, type-strict comparison of marshal values (shared by the scripts of tools/bytecode)."""

FIELDS = ["co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_stacksize", "co_flags",
          "co_code", "co_names", "co_varnames", "co_cellvars", "co_freevars", "co_nlocals",
          "co_filename", "co_name", "co_qualname", "co_firstlineno", "co_linetable",
          "co_exceptiontable"]


def diff(a, b, where):
    """None if a and b are equal with the same types all the way down, else a description."""
    if type(a) is not type(b):
        return f"{where}: type {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, type(compile("", "", "exec"))):
        for f in FIELDS:
            if getattr(a, f) != getattr(b, f):
                return f"{where}.{f}: {getattr(a, f)!r:.200} != {getattr(b, f)!r:.200}"
        return diff(a.co_consts, b.co_consts, where + ".co_consts")
    if isinstance(a, (tuple, list)):
        if len(a) != len(b):
            return f"{where}: len {len(a)} != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = diff(x, y, f"{where}[{i}]")
            if d:
                return d
        return None
    if isinstance(a, dict):
        if list(a) != list(b):
            return f"{where}: keys {list(a)!r:.200} != {list(b)!r:.200}"
        for k in a:
            d = diff(a[k], b[k], f"{where}[{k!r}]")
            if d:
                return d
        return None
    if isinstance(a, (set, frozenset)):
        if len(a) != len(b) or a != b:
            return f"{where}: {a!r} != {b!r}"
        return None
    if isinstance(a, float):
        if a != a and b != b:
            return None
        if a != b or str(a) != str(b):
            return f"{where}: {a!r} != {b!r}"
        return None
    if isinstance(a, complex):
        return None if repr(a) == repr(b) else f"{where}: {a!r} != {b!r}"
    if a != b:
        return f"{where}: {a!r:.200} != {b!r:.200}"
    return None
