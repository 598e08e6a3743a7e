# glob, fnmatch and shutil over posix (shutil's copies wait for io; these need no files opened).
import os
import glob
import shutil
import fnmatch

base = "/tmp/taipan-os-glob-%d" % os.getpid()
os.makedirs(base + "/a/b")
os.makedirs(base + "/.hidden")
for p in ["x.py", "y.txt", "a/z.py", "a/b/w.py", ".hidden/h.py", "a/b/.dot.py"]:
    fd = os.open(os.path.join(base, p), os.O_WRONLY | os.O_CREAT, 0o644)
    os.close(fd)
os.symlink("a/b", base + "/link")
os.chdir(base)
try:
    print(sorted(glob.glob("*.py")), sorted(glob.glob("**/*.py", recursive=True)), sorted(glob.glob("a/*")))
    print(sorted(glob.glob(b"*.txt")), sorted(glob.iglob("*")), glob.glob("nope*"), sorted(glob.glob("*", root_dir="a")))
    print(sorted(glob.glob("**", recursive=True)))
    print(sorted(glob.glob("link/*")), sorted(glob.glob("*/w.py")), sorted(glob.glob("a/b/.*")))
    print(glob.escape("a[b]*"), glob.has_magic("a*"), fnmatch.filter(["a.py", "b.c", "A.PY"], "*.py"))
    print(fnmatch.fnmatch("x.py", "*.p?"), fnmatch.fnmatchcase("X.PY", "*.py"), fnmatch.translate("*.py"))
    print(shutil._use_fd_functions, shutil.disk_usage(".").total >= shutil.disk_usage(".").free > 0)
    print(shutil.which("sh") is not None, shutil.which("no-such-program-here"))
    shutil.move("a", "m")
    print(sorted(os.listdir(".")), sorted(os.listdir("m")))
    shutil.move("y.txt", "m/b")
    print(sorted(os.listdir("m/b")))
    shutil.rmtree("m/b")
    print(sorted(os.listdir("m")))
    try:
        shutil.rmtree("nope")
    except FileNotFoundError as e:
        print(type(e).__name__, e)
    errors = []
    shutil.rmtree("nope", onerror=lambda f, p, e: errors.append((f.__name__ if hasattr(f, "__name__") else "?", p, e[0].__name__)))
    print(errors)
    try:
        shutil.rmtree("link")
    except OSError as e:
        print(type(e).__name__, e)
    shutil.rmtree("m", ignore_errors=True)
    print(sorted(os.listdir(".")))
finally:
    os.chdir("/")
    shutil.rmtree(base)
print(os.path.exists(base))
