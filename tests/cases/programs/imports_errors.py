# The errors of import statements and __import__, as CPython words them.
import sys

def attempt(text, thunk):
    try:
        thunk()
        print(text, "ok")
    except Exception as e:
        print(text, type(e).__name__, e)

def missing():
    import imports_nosuch_module

def missing_sub():
    import imports_lib.nosuch

def not_a_package():
    import imports_lib.mod_a.deeper

def missing_name():
    from imports_lib import nosuch_name

def missing_name_module():
    from imports_lib.mod_a import nosuch_name

def missing_name_builtin():
    from sys import nosuch_name

def broken():
    import imports_lib.broken

attempt("missing", missing)
attempt("missing_sub", missing_sub)
attempt("not_a_package", not_a_package)
attempt("missing_name", missing_name)
attempt("missing_name_module", missing_name_module)
attempt("missing_name_builtin", missing_name_builtin)
attempt("broken", broken)
print("imports_lib.broken" in sys.modules)
attempt("broken again", broken)
attempt("syntax", lambda: __import__("imports_lib.bad_syntax"))
attempt("no parent", lambda: __import__("x", {"__name__": "top"}, None, [], 1))
attempt("no parent main", lambda: __import__("x", {"__name__": "__main__", "__package__": ""}, None, [], 1))
attempt("beyond top", lambda: __import__("x", {"__name__": "imports_lib.mod_a", "__package__": "imports_lib"}, None, [], 3))
attempt("negative level", lambda: __import__("sys", None, None, [], -1))
attempt("empty name", lambda: __import__(""))
attempt("bad package", lambda: __import__("x", {"__package__": 3}, None, [], 1))
attempt("bad fromlist", lambda: __import__("imports_lib", None, None, [1]))
attempt("halted", lambda: (sys.modules.__setitem__("imports_halted", None), __import__("imports_halted")))
