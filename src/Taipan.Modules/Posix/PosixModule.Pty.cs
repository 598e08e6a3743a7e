// Modules/posixmodule.c (openpty, setpgid, setpgrp)
using System.Runtime.InteropServices;
using Taipan.Runtime;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Posix;

public static partial class PosixModule
{
    [LibraryImport("libc", EntryPoint = "openpty", SetLastError = true)]
    private static unsafe partial int OpenPtyCall(int* master, int* slave, byte* name, void* termp, void* winp);

    [LibraryImport("libc", EntryPoint = "setpgid", SetLastError = true)]
    private static partial int SetPGidCall(int pid, int pgid);

    [PyMethod("openpty", Doc = "Open a pseudo-terminal.\n\nReturn a tuple of (master_fd, slave_fd) containing open file descriptors\nfor both the master and slave ends.")]
    public static unsafe PyObject OpenPty()
    {
        int master, slave;
        if (OpenPtyCall(&master, &slave, null, null, null) != 0)
        {
            throw LastError();
        }
        // New descriptors are non-inheritable (PEP 446).
        foreach (var fd in (ReadOnlySpan<int>)[master, slave])
        {
            if (Libc.Fcntl(fd, Libc.FSetFd, Libc.FdCloexec) != 0)
            {
                var error = LastError();
                Libc.Close(master);
                Libc.Close(slave);
                throw error;
            }
        }
        return PyTuple.Create(PyInt.From(master), PyInt.From(slave));
    }

    [PyMethod("setpgid", Doc = "Call the system call setpgid(pid, pgrp).")]
    public static void SetPGid(int pid, int pgrp)
    {
        if (SetPGidCall(pid, pgrp) != 0)
        {
            throw LastError();
        }
    }

    [PyMethod("setpgrp", Doc = "Make the current process the leader of its process group.")]
    public static void SetPGrp() => SetPGid(0, 0);
}
