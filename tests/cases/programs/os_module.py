# os, os.path and stat over posix: walking, environment, path helpers.
import os
import stat
import posixpath

print(os.name, os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.linesep == "\n", os.devnull)
print(os.path is posixpath, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
print(sorted(n for n in dir(os) if callable(getattr(os, n)) and getattr(os, n) in os.supports_dir_fd))
print(sorted(n for n in dir(os) if callable(getattr(os, n)) and getattr(os, n) in os.supports_fd))
print(sorted(n for n in dir(os) if callable(getattr(os, n)) and getattr(os, n) in os.supports_follow_symlinks))
print(sorted(n for n in dir(os) if callable(getattr(os, n)) and getattr(os, n) in os.supports_effective_ids))

base = "/tmp/taipan-os-module-%d" % os.getpid()
os.makedirs(base + "/a/b/c")
os.chdir(base)
try:
    os.makedirs("a/b/c", exist_ok=True)
    try:
        os.makedirs("a/b/c")
    except FileExistsError as e:
        print("makedirs", type(e).__name__, e)
    for name in ["a/f1", "a/b/f2", "a/b/c/f3", "top.txt"]:
        fd = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, name.encode())
        os.close(fd)
    os.symlink("b", "a/blink")
    for root, dirs, files in os.walk("."):
        dirs.sort()
        print("walk", root, dirs, sorted(files))
    for root, dirs, files in os.walk(".", topdown=False):
        print("walk up", root, sorted(dirs), sorted(files))
    for root, dirs, files in os.walk(".", followlinks=True):
        dirs.sort()
        print("walk follow", root, dirs, sorted(files))
    for root, dirs, files, rootfd in os.fwalk("a"):
        dirs.sort()
        print("fwalk", root, dirs, sorted(files), type(rootfd).__name__)
    print([e.name for e in sorted(os.scandir("a"), key=lambda e: e.name)])
    st = os.stat("top.txt")
    print(stat.filemode(st.st_mode), stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat("a").st_mode))
    print(os.path.exists("top.txt"), os.path.isfile("top.txt"), os.path.isdir("a"), os.path.islink("a/blink"),
          os.path.getsize("top.txt"), os.path.exists("nope"), os.path.lexists("a/blink"))
    print(os.path.realpath("a/blink") == base + "/a/b", os.path.abspath("x") == base + "/x")
    print(os.path.samefile("a/b", "a/blink"), os.path.relpath(base + "/a/b", base))
    os.renames("a/b/c/f3", "z/y/f3")
    print(sorted(os.listdir(".")), os.listdir("z/y"))
    os.removedirs("z/y") if not os.listdir("z/y") else None
    print(os.fsencode("caf\xe9"), ascii(os.fsdecode(b"caf\xc3\xa9")), ascii(os.fsdecode(b"\xff")), os.fsencode("\udcff"))
    print(os.fspath(os.scandir(".").__next__()).startswith("./"))

    os.environ["TAIPAN_X"] = "1"
    print(os.environ["TAIPAN_X"], os.getenv("TAIPAN_X"), os.environb[b"TAIPAN_X"], "TAIPAN_X" in os.environ)
    del os.environ["TAIPAN_X"]
    print(os.getenv("TAIPAN_X"), os.getenv("TAIPAN_X", "dflt"), type(os.environ).__name__)
    print(os.path.expanduser("~root"), os.path.expanduser("~root/x"), os.path.expanduser("x~"))
    print(type(os.urandom(4)).__name__, type(os.cpu_count()).__name__, os.strerror(2))
    try:
        os.stat("missing")
    except OSError as e:
        print(type(e).__name__, e)
finally:
    os.chdir("/")
    for root, dirs, files in os.walk(base, topdown=False):
        for f in files:
            os.unlink(os.path.join(root, f))
        for d in dirs:
            p = os.path.join(root, d)
            if os.path.islink(p):
                os.unlink(p)
            else:
                os.rmdir(p)
    os.rmdir(base)
print("cleaned", os.path.exists(base))
