# object() instances: no attributes of their own, identity equality and hash, object.__new__'s checks.
o = object()
print(type(o).__name__, o == o, o != object(), isinstance(o, object), hash(o) == hash(o))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    object(1)
except TypeError as e:
    print("TypeError", e)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError", e)
sentinel = object()
print({sentinel: 1}[sentinel], str(o).startswith("<object object at 0x"))
