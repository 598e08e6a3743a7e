# posix.execv / execve: argument errors, then the process replaced by a shell.
import posix
import sys


def attempt(label, f, *args, **kwargs):
    try:
        print(label, "->", repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


attempt("execv missing", posix.execv, "/nonexistent/program", ["x"])
attempt("execve missing", posix.execve, "/nonexistent/program", ["x"], {})
attempt("execv empty", posix.execv, "/bin/true", [])
attempt("execv first empty", posix.execv, "/bin/true", [""])
attempt("execv str argv", posix.execv, "/bin/true", "x")
attempt("execv int arg", posix.execv, "/bin/true", [1])
attempt("execve empty", posix.execve, "/bin/true", [], {})
attempt("execve first empty", posix.execve, "/bin/true", [""], {})
attempt("execve env int", posix.execve, "/bin/true", ["x"], 1)
attempt("execve env name", posix.execve, "/bin/true", ["x"], {"a=b": "c"})
attempt("execve env key int", posix.execve, "/bin/true", ("x",), {1: "c"})
print("about to exec")
sys.stdout.flush()
posix.execve("/bin/sh", ["sh", "-c", 'echo "$TAIPAN_V" "$0"; exit 3', b"arg0"], {"TAIPAN_V": "from execve", b"B": b"x"})
print("not reached")
