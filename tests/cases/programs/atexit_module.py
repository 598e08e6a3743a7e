# atexit: order, arguments, unregister, and errors reported as "Exception ignored".
import atexit

def hello(name, punctuation="."):
    print("hello", name + punctuation)

print(atexit.register(hello, "first") is hello)
atexit.register(hello, "second", punctuation="!")
atexit.register(len)
atexit.register(print, "print is registered")
atexit.register(hello, "third")
print(atexit._ncallbacks())
atexit.unregister(hello)
print(atexit._ncallbacks())
atexit.register(hello, "fourth")
try:
    atexit.register(3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    atexit.register()
except TypeError as e:
    print(type(e).__name__, e)
print("main done")
