# types.CodeType: the constructor, replace(), co_lines(), co_positions(), co_lnotab.
def f(a, b=2, *args, c, **kw):
    x = a + b
    if x:
        y = [
            x,
            c,
        ]
    return y


def g():
    z = 1

    def inner():
        return z

    return inner


code = f.__code__
CodeType = type(code)
print(CodeType.__name__, code.co_name, code.co_qualname, code.co_argcount, code.co_kwonlyargcount, code.co_nlocals)
print(code.co_varnames, code.co_flags, code.co_firstlineno)
print(list(code.co_lines()))
print(list(code.co_positions())[:6])
print(len(list(code.co_positions())) == len(code.co_code) // 2)
print(code.co_lnotab)
print(code._varname_from_oparg(1), g.__code__.co_cellvars, [c for c in g.__code__.co_consts if hasattr(c, "co_freevars")][0].co_freevars)
print(g.__code__._varname_from_oparg(0))

fields = ("co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
          "co_code", "co_consts", "co_names", "co_varnames", "co_filename", "co_name", "co_qualname",
          "co_firstlineno", "co_linetable", "co_exceptiontable", "co_freevars", "co_cellvars")
args = [getattr(code, name) for name in fields]
copy = CodeType(*args)
print(all(getattr(copy, name) == getattr(code, name) for name in fields))
module = compile("x = 40 + 2", "<m>", "exec")
margs = [getattr(module, name) for name in fields]
ns = {}
exec(CodeType(*margs), ns)
print(ns["x"])

r = code.replace(co_name="renamed", co_firstlineno=100)
print(r.co_name, r.co_firstlineno, r.co_qualname, list(r.co_lines())[:2])
print(code.replace() is not code, code.replace().co_code == code.co_code)
for bad in ({"co_name": 5}, {"co_code": "x"}, {"co_argcount": -1}, {"co_consts": []}, {"co_nlocals": 1}, {"co_stacksize": -1}, {"bogus": 1}):
    try:
        code.replace(**bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    code.replace(1)
except TypeError as e:
    print("TypeError", e)

for i, bad in [(0, -1), (1, -1), (1, 9), (2, -1), (3, -1), (6, b"\x00"), (6, "x"), (7, [1]), (8, (1,)),
               (9, ("a",)), (10, 3), (13, "x"), (13, 2**40), (0, 1.5), (16, [])]:
    a = list(args)
    a[i] = bad
    try:
        CodeType(*a)
        print(i, "accepted")
    except Exception as e:
        print(i, type(e).__name__, e)
for n in (2, 19):
    try:
        CodeType(*(args * 2)[:n])
    except TypeError as e:
        print("TypeError", e)
try:
    CodeType(*args, foo=1)
except TypeError as e:
    print("TypeError", e)

# Constants that marshal cannot write are allowed in a code object made by hand.
odd = compile("x = 1", "<odd>", "exec").replace(co_consts=([1, 2], None))
ns = {}
exec(odd, ns)
print(ns["x"])

# A code object whose bytecode is wrong fails with SystemError (CPython: unknown opcode).
bad = compile("x = 1", "<bad>", "exec")
bad = bad.replace(co_code=bytes([151, 0, 181, 0, 83, 0]), co_consts=(None,))
try:
    exec(bad, {})
except SystemError as e:
    print("SystemError", e)
