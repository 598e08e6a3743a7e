# posix: the process, environment, system information, constants and helpers.
import posix


def attempt(label, f, *args, **kwargs):
    try:
        print(label, "->", repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


print("ids", type(posix.getpid()).__name__, posix.getpid() > 0, posix.getppid() > 0,
      posix.getuid() == posix.geteuid(), posix.getgid() == posix.getegid(), posix.getpgrp() >= 0)
print("getpgid", posix.getpgid(0) == posix.getpgrp(), posix.getsid(0) >= 0, type(posix.getgroups()).__name__)
u = posix.uname()
print("uname", type(u).__name__, type(u).__module__, len(u), u.sysname, u.machine, u[0] == u.sysname,
      all(isinstance(x, str) for x in u))
print(posix.uname_result._fields if hasattr(posix.uname_result, "_fields") else posix.uname_result.n_fields)
t = posix.times()
print("times", type(t).__name__, len(t), all(isinstance(x, float) for x in t), t.elapsed == t[4])
print("urandom", len(posix.urandom(0)), len(posix.urandom(33)), type(posix.urandom(1)).__name__)
attempt("urandom negative", posix.urandom, -1)
attempt("urandom huge", posix.urandom, 2**62)
attempt("read huge", posix.read, 0, 2**62)
print("system", posix.system("exit 3"), posix.waitstatus_to_exitcode(posix.system("exit 3")), posix.system(b"true"))
attempt("system int", posix.system, 1)
attempt("wait no child", posix.wait)
attempt("register_at_fork none", posix.register_at_fork)
attempt("register_at_fork int", posix.register_at_fork, before=1)
attempt("register_at_fork None", posix.register_at_fork, after_in_child=None)
attempt("register_at_fork positional", posix.register_at_fork, print)
attempt("register_at_fork bad kw", posix.register_at_fork, nope=print)
attempt("register_at_fork", posix.register_at_fork, before=print, after_in_parent=print)
attempt("getrandom negative", posix.getrandom, -1)
attempt("getrandom bad flags", posix.getrandom, 5, 99999)
print("getrandom", len(posix.getrandom(0)), len(posix.getrandom(7)), len(posix.getrandom(3, posix.GRND_NONBLOCK)))
print("closerange", posix.closerange(1000, 2**31 - 1), posix.closerange(5, 2))
print("cpu_count", type(posix.cpu_count()).__name__, posix.cpu_count() >= 1)
print("strerror", posix.strerror(2), "|", posix.strerror(13), "|", posix.strerror(0), "|", posix.strerror(99999))
attempt("strerror str", posix.strerror, "x")

env = posix.environ
print("environ", type(env).__name__, all(type(k) is bytes and type(v) is bytes for k, v in env.items()))
print("environ matches", all(posix.environ[k] == v for k, v in env.items()), b"TAIPAN_UNSET_VAR" in env)
posix.putenv("TAIPAN_TEST_VAR", "value")
posix.putenv(b"TAIPAN_TEST_VAR2", b"v2")
posix.unsetenv("TAIPAN_TEST_VAR")
attempt("putenv =", posix.putenv, "A=B", "x")
attempt("putenv empty", posix.putenv, "", "x")
attempt("putenv nul", posix.putenv, "A", "x\0y")
attempt("putenv int", posix.putenv, 1, "x")
attempt("unsetenv =", posix.unsetenv, "A=B")

for status in (0, 256, 3 << 8, 9, 15, 0x137f):
    attempt("status %#x" % status, lambda s: (posix.WIFEXITED(s), posix.WEXITSTATUS(s), posix.WIFSIGNALED(s),
                                              posix.WTERMSIG(s), posix.WIFSTOPPED(s), posix.WSTOPSIG(s),
                                              posix.WCOREDUMP(s), posix.WIFCONTINUED(s),
                                              posix.waitstatus_to_exitcode(s)), status)
attempt("waitstatus 0xffff", posix.waitstatus_to_exitcode, 0xffff)
attempt("waitpid no child", posix.waitpid, -1, posix.WNOHANG)
attempt("kill 0", posix.kill, posix.getpid(), 0)
attempt("kill bad signal", posix.kill, posix.getpid(), 12345)
attempt("kill no process", posix.kill, 2**22 + 12345, 0)

print("sysconf", posix.sysconf("SC_PAGESIZE"), posix.sysconf(posix.sysconf_names["SC_CLK_TCK"]),
      posix.sysconf("SC_NPROCESSORS_ONLN") == posix.cpu_count())
attempt("sysconf unknown", posix.sysconf, "SC_NOPE")
attempt("sysconf float", posix.sysconf, 1.5)
print("confstr", posix.confstr("CS_PATH"), type(posix.confstr_names).__name__, len(posix.pathconf_names) > 10)
attempt("confstr unknown", posix.confstr, "NOPE")
rootfd = posix.open("/", posix.O_RDONLY)
print("pathconf", posix.pathconf("/", "PC_NAME_MAX"), posix.fpathconf(rootfd, "PC_NAME_MAX"), posix.pathconf(rootfd, 3))
posix.close(rootfd)
attempt("pathconf missing", posix.pathconf, "/nonexistent", "PC_NAME_MAX")

print("fspath", posix.fspath("s"), posix.fspath(b"b"))


class P:
    def __fspath__(self):
        return "from fspath"


class Bad:
    def __fspath__(self):
        return 1


print(posix.fspath(P()), posix.fspath(path="kw"))
attempt("fspath int", posix.fspath, 1)
attempt("fspath bad", posix.fspath, Bad())
attempt("fspath none", posix.fspath, None)

names = ["F_OK", "R_OK", "W_OK", "X_OK", "O_RDONLY", "O_WRONLY", "O_RDWR", "O_APPEND", "O_CREAT", "O_EXCL",
         "O_TRUNC", "O_NONBLOCK", "O_CLOEXEC", "O_DIRECTORY", "O_NOFOLLOW", "O_ACCMODE", "O_SYNC", "O_PATH",
         "O_TMPFILE", "WNOHANG", "WUNTRACED", "SEEK_DATA", "SEEK_HOLE", "EX_OK", "EX_USAGE", "EX_SOFTWARE",
         "P_PID", "P_ALL", "CLD_EXITED", "NGROUPS_MAX", "TMP_MAX", "ST_RDONLY", "PRIO_PROCESS", "SCHED_OTHER"]
print([(n, getattr(posix, n)) for n in names])
print("no SEEK_SET", hasattr(posix, "SEEK_SET"))
print("error is OSError", posix.error is OSError)
have = posix._have_functions
print("have", type(have).__name__, all(n.startswith("HAVE_") for n in have),
      [n for n in ("HAVE_FSTATAT", "HAVE_OPENAT", "HAVE_UNLINKAT", "HAVE_FDOPENDIR", "HAVE_LSTAT") if n in have])
print("functions", [n for n in ("stat", "lstat", "fstat", "listdir", "scandir", "open", "read", "write", "close",
                                "getcwd", "chdir", "mkdir", "rmdir", "unlink", "remove", "rename", "replace", "link",
                                "symlink", "readlink", "chmod", "utime", "access", "umask", "getpid", "uname",
                                "urandom", "strerror", "fspath", "putenv", "unsetenv", "cpu_count",
                                "get_terminal_size", "device_encoding", "times", "kill", "waitpid",
                                "waitstatus_to_exitcode", "_exit", "get_inheritable", "set_inheritable",
                                "get_blocking", "set_blocking", "sysconf", "confstr", "isatty", "pipe", "dup",
                                "dup2", "lseek", "fsync", "ftruncate") if not hasattr(posix, n)])
