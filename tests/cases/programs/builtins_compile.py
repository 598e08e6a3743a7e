# compile, exec, eval, globals, locals, vars.
x = 10
print(eval("x + 1"), eval("  x * 2"), eval("y", {"y": 3}), eval("a + b", {"a": 1}, {"b": 2}))
ns = {}
exec("def f(n):\n    return n * 3\nz = f(4)", ns)
print(ns["z"], sorted(k for k in ns if k != "__builtins__"), "__builtins__" in ns)
code = compile("1 + 2", "<expr>", "eval")
print(type(code).__name__, code.co_filename, eval(code))
exec(compile("w = 5", "<s>", "exec"))
print(w)
def g():
    a = 1
    b = "two"
    print(sorted(locals().items()))
    print(eval("a + 1"))
g()
class K:
    p = 1
    q = 2
    print(sorted(k for k in locals() if not k.startswith("__")))
print(vars(K)["p"], "x" in globals(), globals() is vars())
for src, mode in (("1 +", "eval"), ("x = = 1", "exec"), ("def", "single"), ("a\0b", "exec"), ("1", "bogus")):
    try:
        compile(src, "<t>", mode)
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, e)
for bad in (lambda: eval("1", []), lambda: exec("1", {}, 5), lambda: vars(1), lambda: eval(5)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    eval("undefined_thing")
except NameError as e:
    print("NameError", e)
