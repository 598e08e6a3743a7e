# posix: listdir, scandir and DirEntry, descriptors as directories, dir_fd.
import posix

base = "/tmp/taipan-os-dirs-%d" % posix.getpid()
posix.mkdir(base)
posix.chdir(base)


def attempt(label, f, *args, **kwargs):
    try:
        print(label, "->", repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


def write(name, data=b"x"):
    fd = posix.open(name, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
    posix.write(fd, data)
    posix.close(fd)


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


try:
    posix.mkdir("d")
    posix.mkdir("d/inner")
    write("d/f1")
    write("d/f2", b"22")
    posix.symlink("f1", "d/lnk")
    posix.symlink("inner", "d/dlnk")
    posix.symlink("gone", "d/broken")
    write("d/caf\xe9")

    print(sorted(posix.listdir("d")))
    print(sorted(posix.listdir(b"d")))
    print(sorted(posix.listdir(P("d"))))
    print(sorted(posix.listdir(P(b"d"))))
    print(sorted(posix.listdir()) == sorted(posix.listdir(".")) == sorted(posix.listdir(None)))
    attempt("listdir missing", posix.listdir, "nope")
    attempt("listdir file", posix.listdir, "d/f1")
    attempt("listdir list", posix.listdir, [])

    entries = sorted(posix.scandir("d"), key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, e.path, "dir", e.is_dir(), e.is_dir(follow_symlinks=False),
              "file", e.is_file(), e.is_file(follow_symlinks=False), "link", e.is_symlink())
    for e in entries:
        if e.name != "broken":
            print(e.name, e.stat().st_size == posix.stat(e.path).st_size,
                  e.stat(follow_symlinks=False).st_mode == posix.lstat(e.path).st_mode,
                  e.inode() == posix.lstat(e.path).st_ino, posix.fspath(e) == e.path)
    broken = [e for e in entries if e.name == "broken"][0]
    attempt("broken stat", broken.stat)
    print("broken lstat", oct(broken.stat(follow_symlinks=False).st_mode & 0o170000))
    print(type(entries[0]).__name__, type(entries[0]).__module__, posix.DirEntry is type(entries[0]))

    with posix.scandir(b"d") as it:
        print(type(it).__name__, sorted((e.name, e.path) for e in it))
    print(sorted(e.path for e in posix.scandir()) == sorted("./" + n for n in posix.listdir()))
    print(sorted(e.path for e in posix.scandir("d/")))
    it = posix.scandir("d")
    first = next(it)
    it.close()
    print("after close", list(it))
    it.close()
    attempt("scandir missing", posix.scandir, "nope")
    attempt("scandir file", posix.scandir, "d/f1")
    attempt("DirEntry()", posix.DirEntry)

    # Directories as descriptors
    fd = posix.open("d", posix.O_RDONLY | posix.O_DIRECTORY)
    print("fd listdir", sorted(posix.listdir(fd)))
    print("again", sorted(posix.listdir(fd)))
    es = sorted(posix.scandir(fd), key=lambda e: e.name)
    print("fd scandir", [(e.name, e.path, e.is_dir(), e.is_symlink()) for e in es])
    print("fd entry stat", [e.stat(follow_symlinks=False).st_size for e in es if e.name == "f2"])
    print("dir_fd stat", posix.stat("f2", dir_fd=fd).st_size, posix.lstat("lnk", dir_fd=fd).st_mode & 0o170000 == 0o120000)
    posix.mkdir("made", dir_fd=fd)
    write("d/tmp")
    posix.rename("tmp", "tmp2", src_dir_fd=fd, dst_dir_fd=fd)
    print("readlink dir_fd", posix.readlink("lnk", dir_fd=fd))
    posix.symlink("f2", "lnk2", dir_fd=fd)
    posix.link("f2", "hard2", src_dir_fd=fd, dst_dir_fd=fd)
    print("access dir_fd", posix.access("f2", posix.R_OK, dir_fd=fd))
    posix.chmod("f2", 0o640, dir_fd=fd)
    posix.utime("f2", (7, 8), dir_fd=fd)
    print("after dir_fd ops", oct(posix.stat("d/f2").st_mode & 0o777), posix.stat("d/f2").st_mtime)
    wfd = posix.open("new", posix.O_WRONLY | posix.O_CREAT, 0o600, dir_fd=fd)
    posix.close(wfd)
    print(sorted(posix.listdir("d")))
    for name in ["tmp2", "lnk2", "hard2", "new"]:
        posix.unlink(name, dir_fd=fd)
    posix.rmdir("made", dir_fd=fd)
    attempt("unlink dir_fd missing", posix.unlink, "nope", dir_fd=fd)
    attempt("rmdir dir_fd notdir", posix.rmdir, "f1", dir_fd=fd)
    posix.chdir(fd)
    print("chdir fd", posix.getcwd() == base + "/d")
    posix.chdir("..")
    posix.close(fd)
    attempt("listdir closed fd", posix.listdir, fd)
    print(sorted(posix.listdir("d")))
finally:
    posix.chdir("/")

    def rmtree(path):
        for e in posix.scandir(path):
            if e.is_dir(follow_symlinks=False):
                rmtree(e.path)
            else:
                posix.unlink(e.path)
        posix.rmdir(path)

    rmtree(base)
print("cleaned", posix.access(base, posix.F_OK))
