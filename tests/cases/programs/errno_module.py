# errno: names, codes and the errorcode table (aliases included).
import errno

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EINTR, errno.EAGAIN, errno.EWOULDBLOCK)
print(errno.EDEADLK, errno.EDEADLOCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EPIPE, errno.ERANGE)
print(len(errno.errorcode))
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95])
for code in (1, 13, 17, 22, 28, 110, 111, 131):
    print(code, errno.errorcode[code])
