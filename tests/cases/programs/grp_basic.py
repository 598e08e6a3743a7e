# grp: the group database.
import grp

root = grp.getgrgid(0)
print(root)
print(root.gr_name, root.gr_gid, type(root.gr_mem).__name__, root[0], len(root))
print(grp.getgrnam("root") == root)
print(type(grp.struct_group).__name__, grp.struct_group.__module__ if hasattr(grp.struct_group, "__module__") else None)
every = grp.getgrall()
print(len(every) > 0, all(isinstance(g, grp.struct_group) for g in every), root in every)
for g in every:
    assert grp.getgrgid(g.gr_gid).gr_gid == g.gr_gid
print("round trip ok")
for f in (lambda: grp.getgrgid(4000000), lambda: grp.getgrgid("x"), lambda: grp.getgrgid(-1),
          lambda: grp.getgrgid(2 ** 40), lambda: grp.getgrnam("no such group"), lambda: grp.getgrnam(1),
          lambda: grp.getgrnam("a\0b"), lambda: grp.getgrgid(id=0).gr_name, lambda: grp.getgrnam(name="root").gr_gid):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(grp.struct_group(("n", "p", 5, ["a"])))
