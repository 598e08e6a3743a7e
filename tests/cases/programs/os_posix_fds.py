# posix: file descriptors (open, read, write, seek, pipes, duplication, flags).
import posix

base = "/tmp/taipan-os-fds-%d" % posix.getpid()
posix.mkdir(base)
posix.chdir(base)


def attempt(label, f, *args, **kwargs):
    try:
        print(label, "->", repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


try:
    fd = posix.open("f", posix.O_RDWR | posix.O_CREAT | posix.O_EXCL, 0o600)
    print("inheritable", posix.get_inheritable(fd), "blocking", posix.get_blocking(fd), "isatty", posix.isatty(fd))
    print("write", posix.write(fd, b"hello world\n"), posix.write(fd, bytearray(b"more")))
    print("seek", posix.lseek(fd, 0, posix.SEEK_SET if hasattr(posix, "SEEK_SET") else 0))
    print("read", posix.read(fd, 5), posix.read(fd, 100), posix.read(fd, 10))
    print("seek end", posix.lseek(fd, 0, 2), "seek cur", posix.lseek(fd, -4, 1))
    print("pread", posix.pread(fd, 5, 6), "pwrite", posix.pwrite(fd, b"HELLO", 0))
    posix.lseek(fd, 0, 0)
    print("after pwrite", posix.read(fd, 100))
    st = posix.fstat(fd)
    print("fstat", st.st_size, oct(st.st_mode))
    posix.ftruncate(fd, 3)
    posix.fsync(fd)
    posix.fdatasync(fd)
    print("ftruncate", posix.fstat(fd).st_size, posix.stat(fd).st_size)
    posix.set_inheritable(fd, True)
    print("set_inheritable", posix.get_inheritable(fd))
    posix.set_inheritable(fd, False)
    print("set_inheritable", posix.get_inheritable(fd))
    posix.set_blocking(fd, False)
    print("set_blocking", posix.get_blocking(fd))
    posix.set_blocking(fd, True)
    d = posix.dup(fd)
    print("dup", d != fd, posix.get_inheritable(d), posix.fstat(d).st_ino == posix.fstat(fd).st_ino)
    # Far above the descriptors the .NET runtime itself holds.
    d2 = posix.dup2(fd, 900)
    print("dup2", d2, posix.get_inheritable(900))
    print("dup2 noninh", posix.dup2(fd, 901, inheritable=False), posix.get_inheritable(901))
    for x in (d, 900, 901):
        posix.close(x)
    attempt("open excl", posix.open, "f", posix.O_CREAT | posix.O_EXCL | posix.O_WRONLY)
    attempt("open missing", posix.open, "nope", posix.O_RDONLY)
    attempt("open dir write", posix.open, ".", posix.O_WRONLY)
    attempt("open bad dir_fd", posix.open, "f", posix.O_RDONLY, dir_fd=1.5)
    attempt("read negative", posix.read, fd, -1)
    attempt("write str", posix.write, fd, "x")
    posix.close(fd)
    attempt("close closed", posix.close, fd)
    attempt("read closed", posix.read, fd, 1)
    attempt("write closed", posix.write, fd, b"x")
    attempt("lseek closed", posix.lseek, fd, 0, 0)
    attempt("fstat closed", posix.fstat, fd)
    attempt("fsync closed", posix.fsync, fd)
    attempt("fsync str", posix.fsync, "x")
    attempt("dup closed", posix.dup, fd)
    attempt("get_inheritable closed", posix.get_inheritable, fd)
    attempt("fstat float", posix.fstat, 1.0)
    attempt("close str", posix.close, "1")

    class F:
        def fileno(self):
            return 0

    attempt("fsync fileno", posix.fsync, F())

    r, w = posix.pipe()
    print("pipe", posix.get_inheritable(r), posix.get_inheritable(w), posix.isatty(r))
    posix.write(w, b"through the pipe")
    print(posix.read(r, 7), posix.read(r, 100))
    posix.set_blocking(r, False)
    attempt("read empty nonblocking", posix.read, r, 10)
    posix.close(w)
    print("eof", posix.read(r, 10))
    posix.close(r)
    r, w = posix.pipe2(posix.O_NONBLOCK)
    print("pipe2", posix.get_blocking(r), posix.get_inheritable(r))
    posix.close(r)
    posix.close(w)
    attempt("lseek pipe", lambda: posix.lseek(posix.pipe()[0], 0, 0))
    print("closerange", posix.closerange(100, 110))
    print("device_encoding", posix.device_encoding(fd))
    attempt("terminal size of file", posix.get_terminal_size, posix.open("f", posix.O_RDONLY))
    print(posix.terminal_size((80, 24)), posix.terminal_size((80, 24)).columns)
finally:
    posix.chdir("/")
    for name in posix.listdir(base):
        posix.unlink(base + "/" + name)
    posix.rmdir(base)
