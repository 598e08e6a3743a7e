# readline: history through a temporary file, the getters and setters, hooks and argument
# errors (interactive input is not exercised).
import os
import tempfile
import readline


TMP = []


def show(arg):
    if callable(arg):
        return getattr(arg, "__name__", "callable")
    text = repr(arg)
    for tmp in TMP:
        text = text.replace(tmp, "<tmp>")
    return text


def attempt(f, *args):
    shown = ", ".join(show(a) for a in args)
    try:
        result = f(*args)
        print(f"{f.__name__}({shown}) -> {result!r}")
    except Exception as e:
        print(f"{f.__name__}({shown}) {type(e).__name__}: {e}")


def history():
    n = readline.get_current_history_length()
    return [readline.get_history_item(i) for i in range(1, n + 1)]


print(readline._READLINE_VERSION == readline._READLINE_RUNTIME_VERSION, readline._READLINE_VERSION >= 0x0800)
print(isinstance(readline._READLINE_LIBRARY_VERSION, str), readline._READLINE_LIBRARY_VERSION.startswith("8."))
print(readline.__doc__)
print(sorted(n for n in dir(readline) if not n.startswith("__")))
for name in sorted(dir(readline)):
    f = getattr(readline, name)
    if callable(f):
        print(name, repr(f.__doc__))

print("== initial state")
print(repr(readline.get_completer_delims()))
print(readline.get_history_length(), readline.get_current_history_length(), readline.get_completer())
print(readline.get_begidx(), readline.get_endidx(), readline.get_completion_type(), repr(readline.get_line_buffer()))

print("== history")
for line in ["first", "second", "print('third')", "caf\u00e9 \u2603", "surrogate \udcff"]:
    readline.add_history(line)
print(readline.get_current_history_length(), history())
attempt(readline.get_history_item, 0)
attempt(readline.get_history_item, 6)
attempt(readline.get_history_item, -1)
attempt(readline.replace_history_item, 1, "SECOND")
attempt(readline.remove_history_item, 0)
print(history())
attempt(readline.remove_history_item, 10)
attempt(readline.replace_history_item, 10, "x")
attempt(readline.remove_history_item, -1)
attempt(readline.replace_history_item, -1, "x")

with tempfile.TemporaryDirectory() as tmp:
    TMP.append(tmp)
    path = os.path.join(tmp, "history")
    attempt(readline.write_history_file, path)
    with open(path, "rb") as f:
        print(f.read())
    readline.clear_history()
    print("cleared", readline.get_current_history_length(), history())
    attempt(readline.read_history_file, path)
    print(history())
    readline.add_history("appended one")
    readline.add_history("appended two")
    attempt(readline.append_history_file, 1, path)
    with open(path, "rb") as f:
        print(f.read())
    attempt(readline.append_history_file, 0, path)
    readline.set_history_length(2)
    print(readline.get_history_length())
    attempt(readline.write_history_file, path)
    with open(path, "rb") as f:
        print("truncated", f.read())
    readline.add_history("after truncation")
    attempt(readline.append_history_file, 1, path)
    with open(path, "rb") as f:
        print("appended and truncated", f.read())
    readline.set_history_length(-1)
    readline.clear_history()
    attempt(readline.read_history_file, path.encode())
    print(history())
    import pathlib
    attempt(readline.write_history_file, pathlib.Path(path))
    attempt(readline.read_history_file, os.path.join(tmp, "missing"))
    attempt(readline.append_history_file, 1, os.path.join(tmp, "missing"))
    attempt(readline.write_history_file, os.path.join(tmp, "no", "dir"))
    attempt(readline.read_init_file, os.path.join(tmp, "missing"))
    rc = os.path.join(tmp, "inputrc")
    with open(rc, "w") as f:
        f.write("set bell-style none\n")
    attempt(readline.read_init_file, rc)

readline.clear_history()
print("cleared", readline.get_current_history_length())

print("== completion settings")
attempt(readline.set_completer_delims, " \t\n.")
print(repr(readline.get_completer_delims()))
attempt(readline.set_completer_delims, " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?")
print(repr(readline.get_completer_delims()))


def completer(text, state):
    return None


for setter in (readline.set_completer, readline.set_startup_hook, readline.set_pre_input_hook,
               readline.set_completion_display_matches_hook):
    attempt(setter, completer)
    attempt(setter, None)
    attempt(setter)
    attempt(setter, 42)
readline.set_completer(completer)
print(readline.get_completer() is completer)
readline.set_completer()
print(readline.get_completer())

import rlcompleter
readline.set_completer(rlcompleter.Completer().complete)
print(type(readline.get_completer().__self__).__name__)
print(rlcompleter.Completer({"alpha": 1, "alphabet": 2}).complete("alp", 0))
readline.set_completer(None)

attempt(readline.parse_and_bind, "tab: complete")
attempt(readline.parse_and_bind, "set editing-mode emacs")
attempt(readline.set_auto_history, False)
attempt(readline.set_auto_history, [])
attempt(readline.set_auto_history, "yes")

print("== errors")
attempt(readline.add_history, 1)
attempt(readline.add_history, b"x")
attempt(readline.add_history, "a\0b")
attempt(readline.add_history)
attempt(readline.get_history_item, "x")
attempt(readline.get_history_item, 2 ** 40)
attempt(readline.remove_history_item, "x")
attempt(readline.replace_history_item, 0, 1)
attempt(readline.replace_history_item, 0, b"x")
attempt(readline.replace_history_item, 0)
attempt(readline.set_completer_delims, 1)
attempt(readline.set_completer_delims, b" ")
attempt(readline.set_history_length, "x")
attempt(readline.set_history_length, 2 ** 40)
attempt(readline.append_history_file, "x")
attempt(readline.read_history_file, 1)
attempt(readline.read_history_file, "a\0b")
attempt(readline.write_history_file, 1.5)
attempt(readline.parse_and_bind, 1)
attempt(readline.parse_and_bind, b"x")
attempt(readline.insert_text, 1)
attempt(readline.get_begidx, 1)
attempt(readline.clear_history, 1)
try:
    readline.set_completer(function=None)
except TypeError as e:
    print(e)
print(readline.get_current_history_length())
