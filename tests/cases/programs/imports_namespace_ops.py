# The namespace opcodes next to the import ones: SETUP_ANNOTATIONS (module and class bodies
# with annotations), DELETE_GLOBAL and DELETE_DEREF, and their errors.
x: int = 5
y: "str"
print(__annotations__)


class C:
    a: int
    b: list = []
    print(__annotations__)


print(C.__annotations__, C.b)

g = 1


def drop_global():
    global g
    del g


drop_global()
try:
    print(g)
except NameError as e:
    print(type(e).__name__, e)
try:
    drop_global()
except NameError as e:
    print(type(e).__name__, e)


def outer():
    v = "cell"

    def inner():
        return v

    print(inner())
    del v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    try:
        del v
    except NameError as e:
        print(type(e).__name__, e)


outer()


def free_delete():
    w = 1

    def inner():
        nonlocal w
        del w
        try:
            del w
        except NameError as e:
            print(type(e).__name__, e)

    inner()


free_delete()
