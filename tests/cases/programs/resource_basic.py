# resource: limits, usage and the page size.
import resource
import subprocess
import sys

print(sorted(k for k in dir(resource) if k.isupper()))
print(resource.RLIM_INFINITY, resource.RLIMIT_NOFILE, resource.RUSAGE_CHILDREN, resource.error is OSError)
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft).__name__, soft <= hard or hard == resource.RLIM_INFINITY)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft - 1, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft - 1, hard))
resource.setrlimit(resource.RLIMIT_NOFILE, [soft, hard])
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard))
print(resource.prlimit(0, resource.RLIMIT_NOFILE) == (soft, hard))
print(resource.prlimit(0, resource.RLIMIT_NOFILE, (soft, hard)) == (soft, hard))
core = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (0, core[1]))
print("core", resource.getrlimit(resource.RLIMIT_CORE)[0])
# A child inherits the limits set here.
print(subprocess.check_output([sys.executable, "-c", "import resource; print(resource.getrlimit(resource.RLIMIT_CORE)[0])"]))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(type(usage).__name__, len(usage), type(usage.ru_utime).__name__, type(usage.ru_maxrss).__name__, usage.ru_maxrss > 0)
print(usage[0] == usage.ru_utime, usage.ru_stime >= 0)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(children.ru_utime + children.ru_stime >= 0, resource.getrusage(resource.RUSAGE_THREAD).ru_nswap)
print(resource.getpagesize())
for f in (lambda: resource.getrlimit(99), lambda: resource.getrlimit(-1), lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1,)),
          lambda: resource.setrlimit(resource.RLIMIT_NOFILE, "ab"), lambda: resource.setrlimit(resource.RLIMIT_NOFILE, 5),
          lambda: resource.setrlimit(99, (1, 1)), lambda: resource.getrusage(5),
          lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (hard + 1, hard)),
          lambda: resource.prlimit(-5, resource.RLIMIT_CORE), lambda: resource.getrlimit("x")):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
