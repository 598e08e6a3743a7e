# _stat (the C half of stat.py) and pwd.
import _stat
import pwd

modes = [0, 0o40755, 0o100644, 0o120777, 0o104755, 0o102755, 0o41777, 0o40700, 0o20666, 0o60660,
         0o10600, 0o140755, 0o2070, 0o170777, 0o1000, 0o4000, 0o2000, 0o100000 | 0o7777]
for m in modes:
    print(oct(m), _stat.filemode(m), _stat.S_IMODE(m), _stat.S_IFMT(m),
          [f for f in ("S_ISDIR", "S_ISCHR", "S_ISBLK", "S_ISREG", "S_ISFIFO", "S_ISLNK", "S_ISSOCK",
                       "S_ISDOOR", "S_ISPORT", "S_ISWHT") if getattr(_stat, f)(m)])
for f in ("S_ISDIR", "S_IMODE", "S_IFMT", "filemode", "S_ISWHT"):
    for a in (-1, "x", 2**40, 2**64, 1.5, True, None):
        try:
            print(f, repr(a), repr(getattr(_stat, f)(a)))
        except Exception as e:
            print(f, repr(a), type(e).__name__, e)
print(sorted((n, getattr(_stat, n)) for n in dir(_stat) if n.isupper() and isinstance(getattr(_stat, n), int)))
print(sorted(n for n in dir(_stat) if callable(getattr(_stat, n)) and not n.startswith("__")))
try:
    _stat.S_ISDIR()
except TypeError as e:
    print(e)

root = pwd.getpwuid(0)
print(root)
print(root.pw_name, root.pw_uid, root.pw_gid, root[0], len(root), type(root).__name__, type(root).__module__)
print(pwd.getpwnam("root") == root, root in pwd.getpwall(), isinstance(pwd.getpwall(), list))
print(pwd.struct_passwd.n_fields, pwd.struct_passwd.n_sequence_fields)
for name, a in [("getpwuid", 99999), ("getpwnam", "nosuchuser"), ("getpwuid", "x"), ("getpwnam", 1),
                ("getpwuid", -1), ("getpwnam", "a\0b"), ("getpwuid", 2**40), ("getpwuid", 1.5), ("getpwnam", "")]:
    try:
        print(getattr(pwd, name)(a))
    except Exception as e:
        print(name, repr(a), type(e).__name__, e)
print(pwd.struct_passwd(("a", "b", 1, 2, "c", "d", "e")))
