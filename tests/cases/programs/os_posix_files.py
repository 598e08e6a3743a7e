# posix: files and directories by name, in a scratch directory under /tmp.
import posix

base = "/tmp/taipan-os-files-%d" % posix.getpid()
posix.mkdir(base)
posix.chdir(base)


def attempt(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)
        if isinstance(e, OSError):
            print("   ", e.errno, e.strerror, repr(e.filename), repr(e.filename2))


def write(name, data):
    fd = posix.open(name, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
    posix.write(fd, data)
    posix.close(fd)


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p

    def __repr__(self):
        return "P(%r)" % (self.p,)


try:
    write("a.txt", b"hello")
    st = posix.stat("a.txt")
    print("size", st.st_size, st[6], "mode", oct(st.st_mode), "nlink", st.st_nlink)
    print("len", len(st), "types", type(st[7]).__name__, type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__)
    print("int times", st[8] == st.st_mtime // 1 == int(st.st_mtime), st.st_mtime_ns // 10**9 == st[8])
    print("uid", st.st_uid == posix.getuid(), "gid", st.st_gid == posix.getgid())
    print(type(st).__name__, type(st).__module__, isinstance(st, tuple))
    print(posix.stat_result.n_fields, posix.stat_result.n_sequence_fields, posix.stat_result.n_unnamed_fields)
    print(st == posix.stat(P("a.txt")), st == posix.stat(b"a.txt"))
    print("blocks", st.st_blocks >= 0, st.st_blksize > 0, st.st_rdev)

    # mkdir / rmdir
    posix.mkdir("sub")
    posix.mkdir("sub2", 0o700)
    print("dir mode", oct(posix.stat("sub2").st_mode & 0o777))
    attempt("mkdir again", posix.mkdir, "sub")
    attempt("rmdir file", posix.rmdir, "a.txt")
    attempt("rmdir missing", posix.rmdir, "nope")
    attempt("unlink dir", posix.unlink, "sub")
    attempt("remove missing", posix.remove, b"nope")
    attempt("stat missing", posix.stat, "nope")
    attempt("stat missing pathlike", posix.stat, P("nope"))
    attempt("lstat missing", posix.lstat, "nope/x")
    attempt("stat notdir", posix.stat, "a.txt/x")
    posix.rmdir("sub2")

    # rename / replace
    write("b.txt", b"bbb")
    posix.rename("b.txt", "c.txt")
    print("renamed", posix.access("b.txt", posix.F_OK), posix.access("c.txt", posix.F_OK))
    attempt("rename missing", posix.rename, "b.txt", "d.txt")
    attempt("rename into file", posix.rename, "c.txt", "a.txt/x")
    posix.replace("c.txt", "a.txt")
    print("replaced size", posix.stat("a.txt").st_size)
    attempt("rename dir over file", posix.rename, "sub", "a.txt")

    # links
    posix.link("a.txt", "hard.txt")
    print("nlink", posix.stat("a.txt").st_nlink, posix.stat("hard.txt").st_ino == posix.stat("a.txt").st_ino)
    attempt("link exists", posix.link, "a.txt", "hard.txt")
    posix.symlink("a.txt", "sym")
    posix.symlink("missing-target", "dangling")
    print("readlink", posix.readlink("sym"), posix.readlink(b"sym"), posix.readlink(P("dangling")))
    attempt("readlink file", posix.readlink, "a.txt")
    attempt("symlink exists", posix.symlink, "x", "sym")
    lst = posix.lstat("sym")
    print("lstat link", oct(lst.st_mode & 0o170000), "stat link", oct(posix.stat("sym").st_mode & 0o170000))
    print("stat nofollow", posix.stat("sym", follow_symlinks=False) == lst)
    attempt("stat dangling", posix.stat, "dangling")
    print("lstat dangling", oct(posix.lstat("dangling").st_mode & 0o170000))

    # chmod / access
    posix.chmod("a.txt", 0o600)
    print("chmod", oct(posix.stat("a.txt").st_mode & 0o7777))
    posix.chmod("a.txt", 0o4755)
    print("chmod setuid", oct(posix.stat("a.txt").st_mode & 0o7777))
    attempt("chmod missing", posix.chmod, "nope", 0o644)
    attempt("chmod link nofollow", posix.chmod, "sym", 0o644, follow_symlinks=False)
    print("access", posix.access("a.txt", posix.R_OK), posix.access("nope", posix.R_OK),
          posix.access("a.txt", posix.F_OK, effective_ids=False))

    # utime
    posix.utime("a.txt", (1000000000, 1234567890))
    st = posix.stat("a.txt")
    print("utime", st.st_atime, st.st_mtime, st[7], st[8], st.st_mtime_ns)
    posix.utime("a.txt", (1.5, 2.25))
    st = posix.stat("a.txt")
    print("utime float", st.st_atime, st.st_mtime, st.st_atime_ns, st.st_mtime_ns)
    posix.utime("a.txt", ns=(10**9 + 5, 3 * 10**9 + 7))
    st = posix.stat("a.txt")
    print("utime ns", st.st_atime_ns, st.st_mtime_ns, st[7], st[8])
    posix.utime("sym", (5, 6), follow_symlinks=False)
    print("utime nofollow", posix.lstat("sym").st_mtime, posix.stat("a.txt").st_mtime)
    attempt("utime both", posix.utime, "a.txt", (1, 2), ns=(1, 2))
    attempt("utime list", posix.utime, "a.txt", [1, 2])
    attempt("utime ns int", posix.utime, "a.txt", ns=1)
    attempt("utime str", posix.utime, "a.txt", ("a", 2))
    attempt("utime missing", posix.utime, "nope", (1, 2))
    posix.utime("a.txt")
    print("utime now", posix.stat("a.txt").st_mtime > 1700000000)

    # truncate
    write("t.bin", b"0123456789")
    posix.truncate("t.bin", 4)
    print("truncate", posix.stat("t.bin").st_size)
    attempt("truncate negative", posix.truncate, "t.bin", -1)
    attempt("truncate missing", posix.truncate, "nope", 0)

    # argument errors
    attempt("stat float", posix.stat, 1.5)
    attempt("stat None", posix.stat, None)
    attempt("mkdir None", posix.mkdir, None)
    attempt("stat nul str", posix.stat, "a\0b")
    attempt("stat nul bytes", posix.stat, b"a\0b")
    attempt("stat bad fspath", posix.stat, P(3))
    attempt("rename int", posix.rename, "a.txt", 3)
    attempt("stat fd dir_fd", posix.stat, 1, dir_fd=3)
    attempt("stat fd nofollow", posix.stat, 1, follow_symlinks=False)
    attempt("stat dir_fd str", posix.stat, "a.txt", dir_fd="x")
    attempt("stat bad fd", posix.stat, 999)
    attempt("chdir bad fd", posix.chdir, 12345)
    attempt("stat no args", posix.stat)
    attempt("stat bad kw", posix.stat, "a.txt", foo=1)

    # mknod, statvfs, device numbers
    posix.mknod("fifo", 0o600 | 0o010000)
    print("mknod fifo", oct(posix.stat("fifo").st_mode))
    posix.mkfifo("fifo2", 0o640)
    print("mkfifo", oct(posix.stat("fifo2").st_mode))
    attempt("mknod exists", posix.mknod, "fifo")
    attempt("mkfifo exists", posix.mkfifo, "fifo2")
    sv = posix.statvfs(".")
    print("statvfs", type(sv).__name__, type(sv).__module__, len(sv), sv.f_bsize == sv[0], sv.f_namemax,
          type(sv.f_fsid).__name__, posix.statvfs_result.n_fields)
    fd = posix.open(".", posix.O_RDONLY)
    print("fstatvfs", posix.fstatvfs(fd).f_bsize == sv.f_bsize, posix.statvfs(fd).f_namemax)
    posix.close(fd)
    attempt("statvfs missing", posix.statvfs, "nope")
    print("devices", posix.major(0x1234567), posix.minor(0x1234567), posix.makedev(5, 300),
          posix.makedev(0x12345, 0x6789A), posix.major(posix.makedev(259, 70000)), posix.minor(posix.makedev(259, 70000)))
    for a in (-1, 2**64, "x"):
        attempt("major", posix.major, a)

    # umask
    old = posix.umask(0o27)
    print("umask", oct(posix.umask(old)))
    print("cwd", posix.getcwd() == base, posix.getcwdb() == base.encode())
finally:
    posix.chdir("/")
    for name in posix.listdir(base):
        path = base + "/" + name
        if posix.lstat(path).st_mode & 0o170000 == 0o040000:
            posix.rmdir(path)
        else:
            posix.unlink(path)
    posix.rmdir(base)
print("cleaned", posix.access(base, posix.F_OK))
