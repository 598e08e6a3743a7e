# PEP 585 generic aliases and PEP 604 unions (Objects/genericaliasobject.c, unionobject.c).
import types

print(repr(list[int]), repr(dict[str, list[int]]), repr(tuple[int, ...]), repr(type[int]))
print(repr(tuple[()]), repr(list[[int, str]]), repr(set[frozenset[bytes]]))
print(list[int] == list[int], list[int] == list[str], list[int] != list[int])
print(hash(list[int]) == hash(list[int]))
print(list[int].__origin__, list[int].__args__, list[int].__parameters__)
print(list[int]([1, 2]), dict[str, int](a=1), list[int].__mro_entries__((list[int],)))
print(type(list[int]) is types.GenericAlias, type(int | str) is types.UnionType)
print(list[int].append, list[int].__name__ if hasattr(list[int], '__name__') else 'no name')
print(types.GenericAlias(list, int), types.GenericAlias(dict, (str, int)))

class Base: pass
class Derived(list[int]): pass
print(Derived.__bases__, Derived([3]))
class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item!r}]"
print(Box[int], Box['x'])

for cls in (list, dict, tuple, set, frozenset, type, enumerate):
    print(cls.__name__, cls[int])
try:
    int[str]
except TypeError as e:
    print("TypeError", e)
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(list, list[int])
except TypeError as e:
    print("TypeError", e)

# unions
print(int | str, int | None | str, (int | str).__args__, int | int)
print(list[int] | None, None | int, (int | str).__module__)
print((int | str) == (str | int), hash(int | str) == hash(str | int), (int | str) == (int | bytes))
print(isinstance(1, int | str), isinstance(1.0, int | str), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str))
print(isinstance(1, (str, int | bytes)))
try:
    int | 3
except TypeError as e:
    print("TypeError", e)
try:
    isinstance(1, int | list[int])
except TypeError as e:
    print("TypeError", e)

class A: pass
class B(A): pass
print(isinstance(B(), A | int), issubclass(B, (int, A)), A | B)
