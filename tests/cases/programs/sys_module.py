# The sys module: values from the command line and the build, and its functions.
import sys

print(sys.argv)
print(sys.path[0])
print(sys.flags)
print(sys.flags.optimize, sys.flags.dont_write_bytecode, sys.flags[0], len(sys.flags))
print(sys.version_info, sys.version_info.major, sys.version_info[1], sys.version_info >= (3, 11))
print(sys.version_info == (3, 11, 2, "final", 0), len(sys.version_info))
print(sys.hexversion, sys.api_version)
print(sys.platform, sys.byteorder, sys.maxsize, sys.maxunicode)
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.int_info)
print(sys.hash_info)
print(sys.prefix, sys.base_prefix, sys.exec_prefix, sys.platlibdir)
print(sys.dont_write_bytecode, sys.pycache_prefix, sys.warnoptions, sys._xoptions)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print("sys" in sys.builtin_module_names, "builtins" in sys.builtin_module_names)
print(sys.modules["sys"] is sys, sys.modules["__main__"].__name__)
print(sys.meta_path is not None, sys.path_hooks is not None, sys.path_importer_cache is not None)
print(sys.implementation.version == sys.version_info)
print(sys.stdout, sys.stderr, sys.stdin)
print(sys.stdout is sys.__stdout__, sys.stdout.encoding, sys.stdout.fileno(), sys.stderr.fileno())

try:
    sys.flags.debug = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    type(sys.flags)()
except TypeError as e:
    print(type(e).__name__, e)

# Writing to the standard streams.
n = sys.stdout.write("written\n")
print(n)
print("to stderr", 1, file=sys.stderr)
sys.stderr.write("direct stderr\n")
print("flushed", flush=True)
print("no file", file=None)

# Recursion limit.
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    sys.setrecursionlimit(1.5)
except TypeError as e:
    print(type(e).__name__, e)

# intern
a = sys.intern("hello world")
print(a, sys.intern("hello world") is a)
try:
    sys.intern(3)
except TypeError as e:
    print(type(e).__name__, e)

# exc_info and exception
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError as e:
    t, v, tb = sys.exc_info()
    print(t, v is e, tb is not None, sys.exception() is e)
print(sys.exc_info())

# int max str digits
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(1000)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(maxdigits=0)
print(sys.get_int_max_str_digits())
try:
    sys.set_int_max_str_digits(5)
except ValueError as e:
    print(type(e).__name__, e)

# displayhook and excepthook are callable
sys.displayhook(None)
sys.displayhook(42)
print(sys.__displayhook__ is sys.displayhook, sys.__excepthook__ is sys.excepthook)

# exit raises SystemExit with the given code
for args in ((), (3,), ("message",), (None,)):
    try:
        sys.exit(*args)
    except SystemExit as e:
        print(type(e).__name__, e.args, e.code)

# Audit hooks, the switch interval, thread_info's fields.
def hook(event, args):
    if event == "taipan.event" or event == "taipan.none" or event == "taipan.bad":
        print("hook", event, args)


sys.addaudithook(hook)
sys.audit("taipan.event", 1, "two")
sys.audit("taipan.none")
sys.audit("other.event")
for args in ((), (3,)):
    try:
        sys.audit(*args)
    except TypeError as e:
        print(type(e).__name__, e)


def veto(event, args):
    if event == "taipan.bad":
        raise RuntimeError("vetoed")


sys.addaudithook(veto)
try:
    sys.audit("taipan.bad")
except RuntimeError as e:
    print(type(e).__name__, e)
print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
for bad in (0, -1.0, "a"):
    try:
        sys.setswitchinterval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.thread_info.name, sys.thread_info.lock, len(sys.thread_info))
