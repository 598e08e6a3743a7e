// Modules/_posixsubprocess.c
using System.Globalization;
using System.Text;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.PosixSubprocess;

/// <summary><c>_posixsubprocess</c>: <c>fork_exec</c>, the child-starting half of
/// subprocess.Popen. CPython forks and runs <c>child_exec</c> in the child; here glibc's
/// posix_spawn does the same steps as file actions and attributes (closing the parent's pipe
/// ends, the dup2s onto 0-2, chdir, closing descriptors, setsid, setpgid, restoring SIGPIPE
/// and SIGXFSZ). Failures before exec are detected in the parent first, so that they are
/// told apart from exec failures as CPython's child tells them; either is written to
/// errpipe_write in the "OSError:hex errno:" / ":noexec" form subprocess.py decodes.</summary>
[PyModule("_posixsubprocess", Doc = "A POSIX helper for the subprocess module.")]
public static partial class PosixSubprocessModule
{
    private const int ENoEnt = 2;
    private const int EBadF = 9;
    private const int ENotDir = 20;
    private const int OPath = 0x200000;
    private const int XOk = 1;

    /// <summary>The process umask is global: spawns that set the child's one take turns.</summary>
    private static readonly object s_umaskLock = new();

    [PyMethod("fork_exec", Doc = "fork_exec(args, executable_list, close_fds, pass_fds, cwd, env,\n          p2cread, p2cwrite, c2pread, c2pwrite,\n          errread, errwrite, errpipe_read, errpipe_write,\n          restore_signals, call_setsid, pgid_to_set,\n          gid, groups_list, uid,\n          preexec_fn)\n\nForks a child process, closes parent file descriptors as appropriate in the\nchild and dups the few that are needed before calling exec() in the child\nprocess.\n\nIf close_fds is true, close file descriptors 3 and higher, except those listed\nin the sorted tuple pass_fds.\n\nThe preexec_fn, if supplied, will be called immediately before closing file\ndescriptors and exec.\nWARNING: preexec_fn is NOT SAFE if your application uses threads.\n         It may trigger infrequent, difficult to debug deadlocks.\n\nIf an error occurs in the child process before the exec, it is\nserialized and written to the errpipe_write fd per subprocess.py.\n\nReturns: the child process's PID.\n\nRaises: Only on an error in the parent process.\n")]
    public static PyObject ForkExec(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        ArgParse.NoKeywords("fork_exec", kwnames);
        if (args.Length != 23)
        {
            throw PyErr.TypeError($"fork_exec() takes exactly 23 arguments ({args.Length} given)");
        }
        var processArgs = args[0];
        var executableList = args[1];
        var closeFds = Ops.IsTrue(args[2]);
        if (args[3] is not PyTuple fdsToKeep)
        {
            throw PyErr.TypeError($"fork_exec() argument 4 must be tuple, not {args[3].Type.Name}");
        }
        var cwdObject = args[4];
        var envList = args[5];
        var p2cread = ArgParse.ToInt(args[6]);
        var p2cwrite = ArgParse.ToInt(args[7]);
        var c2pread = ArgParse.ToInt(args[8]);
        var c2pwrite = ArgParse.ToInt(args[9]);
        var errread = ArgParse.ToInt(args[10]);
        var errwrite = ArgParse.ToInt(args[11]);
        var errpipeRead = ArgParse.ToInt(args[12]);
        var errpipeWrite = ArgParse.ToInt(args[13]);
        var restoreSignals = Ops.IsTrue(args[14]);
        var callSetsid = Ops.IsTrue(args[15]);
        var pgidToSet = ArgParse.ToInt(args[16]);
        var gidObject = args[17];
        var extraGroups = args[18];
        var uidObject = args[19];
        var childUmask = ArgParse.ToInt(args[20]);
        var preexecFn = args[21];
        _ = Ops.IsTrue(args[22]); // allow_vfork: posix_spawn always uses clone(CLONE_VFORK).

        if (closeFds && errpipeWrite < 3)
        {
            throw PyErr.ValueError("errpipe_write must be >= 3");
        }
        var keep = FdsToKeep(fdsToKeep);
        if (preexecFn is not PyNone)
        {
            throw PyErr.RuntimeError("preexec_fn is not supported by Taipan: the child is started with posix_spawn, which cannot run Python code between fork and exec");
        }

        var execArray = BytesArray(executableList);
        byte[][] argv = [];
        if (processArgs is not PyNone)
        {
            var items = new List<PyObject>(Ops.Iterate(processArgs));
            argv = new byte[items.Count][];
            for (var i = 0; i < argv.Length; i++)
            {
                argv[i] = PosixModule.FsConvert(items[i]);
            }
        }
        var envp = envList is PyNone ? null : BytesArray(envList);
        var cwd = cwdObject is PyNone ? null : PosixModule.FsConvert(cwdObject);
        CheckCredentials(gidObject, extraGroups, uidObject);

        // The steps of CPython's child_exec that can fail before exec, checked here so that
        // their errors carry "noexec" (subprocess.py then names cwd, not the program).
        var preExecErrno = CheckBeforeExec(keep, errpipeWrite, [p2cwrite, c2pread, errread, errpipeRead, p2cread, c2pwrite, errwrite], cwd);
        if (preExecErrno != 0)
        {
            ReportError(errpipeWrite, preExecErrno, beforeExec: true);
            return PyInt.From(Libc.GetPid());
        }

        var (pid, errno) = SpawnChild(execArray, argv, envp, cwd, keep, closeFds, errpipeWrite,
            p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipeRead,
            restoreSignals, callSetsid, pgidToSet, childUmask);
        if (pid > 0)
        {
            return PyInt.From(pid);
        }
        ReportError(errpipeWrite, errno, beforeExec: false);
        // No child is left (glibc reaps a child whose exec failed): subprocess.py's waitpid on
        // this pid, which is never a child of this process, gets ChildProcessError and goes on
        // to raise the error read from the pipe.
        return PyInt.From(Libc.GetPid());
    }

    /// <summary><c>_sanity_check_python_fd_sequence</c>: non-negative C ints, strictly increasing.</summary>
    private static int[] FdsToKeep(PyTuple fds)
    {
        var result = new int[fds.Count];
        var previous = -1L;
        for (var i = 0; i < result.Length; i++)
        {
            if (fds[i] is not PyInt { IsSmall: true } fd || fd.Small < 0 || fd.Small > int.MaxValue || fd.Small <= previous)
            {
                throw PyErr.ValueError("bad value(s) in fds_to_keep");
            }
            previous = fd.Small;
            result[i] = (int)fd.Small;
        }
        return result;
    }

    /// <summary><c>_PySequence_BytesToCharpArray</c>: a sequence of bytes as C strings.</summary>
    private static byte[][] BytesArray(PyObject sequence)
    {
        var length = (int)Ops.Length(sequence);
        var result = new byte[length][];
        for (var i = 0; i < length; i++)
        {
            var item = Ops.GetItem(sequence, PyInt.From(i));
            if (item is not PyBytes b)
            {
                throw PyErr.TypeError($"expected bytes, {item.Type.Name} found");
            }
            if (b.Data.IndexOf((byte)0) >= 0)
            {
                throw PyErr.ValueError("embedded null byte");
            }
            result[i] = PosixModule.CBytes(b.Data);
        }
        return result;
    }

    /// <summary>posix_spawn cannot change the child's user, group or supplementary groups
    /// (glibc refuses set*id between clone(CLONE_VM) and exec): asking for the ones the
    /// process already has is accepted, anything else is refused here.</summary>
    private static unsafe void CheckCredentials(PyObject gid, PyObject groups, PyObject uid)
    {
        if (groups is not PyNone)
        {
            if (groups is not PyList list)
            {
                throw PyErr.TypeError("setgroups argument must be a list");
            }
            var wanted = new HashSet<uint>();
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not PyInt)
                {
                    throw PyErr.TypeError("extra_groups must be integers");
                }
                wanted.Add(PosixModule.Id(list[i], "gid"));
            }
            if (wanted.Count > 0)
            {
                var n = Spawn.GetGroups(0, null);
                var current = new uint[Math.Max(n, 1)];
                fixed (uint* p = current)
                {
                    n = Spawn.GetGroups(current.Length, p);
                }
                if (!wanted.SetEquals(current.AsSpan(0, Math.Max(n, 0)).ToArray()))
                {
                    throw Unsupported("extra_groups");
                }
            }
        }
        if (gid is not PyNone)
        {
            var g = PosixModule.Id(gid, "gid");
            if (g != uint.MaxValue && (g != Libc.GetGid() || g != Libc.GetEGid()))
            {
                throw Unsupported("group");
            }
        }
        if (uid is not PyNone)
        {
            var u = PosixModule.Id(uid, "uid");
            if (u != uint.MaxValue && (u != Libc.GetUid() || u != Libc.GetEUid()))
            {
                throw Unsupported("user");
            }
        }
    }

    private static PyException Unsupported(string what) => PyErr.New(PyExc.NotImplementedError,
        $"subprocess: changing the child's {what} is not supported by Taipan (the child is started with posix_spawn, which cannot change credentials)");

    /// <summary>The errno of the first step of CPython's child_exec before exec that would
    /// fail: a closed descriptor among those it makes inheritable, closes or duplicates, or a
    /// cwd it cannot enter; 0 when none would.</summary>
    private static unsafe int CheckBeforeExec(int[] keep, int errpipeWrite, int[] fds, byte[]? cwd)
    {
        foreach (var fd in keep)
        {
            if (fd != errpipeWrite && Spawn.Fcntl(fd, Libc.FGetFd, 0) < 0)
            {
                return EBadF;
            }
        }
        foreach (var fd in fds)
        {
            if (fd != -1 && Spawn.Fcntl(fd, Libc.FGetFd, 0) < 0)
            {
                return EBadF;
            }
        }
        if (cwd is not null)
        {
            fixed (byte* path = cwd)
            {
                var dir = Spawn.OpenAt(Libc.AtFdCwd, path, OPath | Libc.ODirectory | Libc.OCloexec, 0);
                if (dir < 0)
                {
                    return Libc.Errno;
                }
                Libc.Close(dir);
                if (Spawn.FAccessAt(Libc.AtFdCwd, path, XOk, Libc.AtEaccess) != 0)
                {
                    return Libc.Errno;
                }
            }
        }
        return 0;
    }

    /// <summary>Starts the child with the first executable of the list that exec accepts, as
    /// child_exec's loop does (an error other than ENOENT/ENOTDIR is the one reported).
    /// Returns the pid, or 0 and the errno.</summary>
    private static unsafe (int Pid, int Errno) SpawnChild(byte[][] execArray, byte[][] argv, byte[][]? envp, byte[]? cwd,
        int[] keep, bool closeFds, int errpipeWrite, int p2cread, int p2cwrite, int c2pread, int c2pwrite,
        int errread, int errwrite, int errpipeRead, bool restoreSignals, bool callSetsid, int pgidToSet, int childUmask)
    {
        var fileActions = stackalloc byte[Spawn.FileActionsSize];
        var attr = stackalloc byte[Spawn.AttrSize];
        var sigset = stackalloc byte[Spawn.SigSetSize];
        var temporary = new List<int>();
        byte** argvp = null;
        byte** envpp = null;
        Spawn.FileActionsInit(fileActions);
        Spawn.AttrInit(attr);
        try
        {
            // Descriptors to be placed on 0-2 that are themselves 0 or 1 would be overwritten
            // by an earlier dup2 (bpo-12607): they are moved out of the way first.
            if (c2pwrite == 0)
            {
                c2pwrite = MoveAbove2(c2pwrite, temporary);
            }
            if (errwrite is 0 or 1)
            {
                errwrite = MoveAbove2(errwrite, temporary);
            }
            foreach (var fd in keep)
            {
                // A dup2 onto itself clears close-on-exec (glibc 2.29): make_inheritable.
                if (fd != errpipeWrite)
                {
                    Spawn.AddDup2(fileActions, fd, fd);
                }
            }
            foreach (var fd in (ReadOnlySpan<int>)[p2cwrite, c2pread, errread, errpipeRead])
            {
                if (fd != -1)
                {
                    Spawn.AddClose(fileActions, fd);
                }
            }
            if (p2cread != -1)
            {
                Spawn.AddDup2(fileActions, p2cread, 0);
            }
            if (c2pwrite != -1)
            {
                Spawn.AddDup2(fileActions, c2pwrite, 1);
            }
            if (errwrite != -1)
            {
                Spawn.AddDup2(fileActions, errwrite, 2);
            }
            if (cwd is not null)
            {
                fixed (byte* path = cwd)
                {
                    // The file action keeps its own copy of the path.
                    Spawn.AddChDir(fileActions, path);
                }
            }
            if (closeFds)
            {
                AddCloseOpenFds(fileActions, keep);
            }

            short flags = 0;
            if (restoreSignals)
            {
                // _Py_RestoreSignals: the signals the interpreter ignores go back to default.
                Spawn.SigEmptySet(sigset);
                Spawn.SigAddSet(sigset, Spawn.SigPipe);
                Spawn.SigAddSet(sigset, Spawn.SigXFsz);
                Spawn.AttrSetSigDefault(attr, sigset);
                flags |= Spawn.SetSigDef;
            }
            if (callSetsid)
            {
                flags |= Spawn.SetSid;
            }
            if (pgidToSet >= 0)
            {
                Spawn.AttrSetPGroup(attr, pgidToSet);
                flags |= Spawn.SetPGroup;
            }
            Spawn.AttrSetFlags(attr, flags);

            argvp = Spawn.StringArray(argv);
            envpp = envp is null ? null : Spawn.StringArray(envp);
            var environment = envpp is null ? Libc.Environ : envpp;
            var savedErrno = 0;
            var lastErrno = ENoEnt;
            using (Gil.Release())
            {
                var oldMask = -1;
                if (childUmask >= 0)
                {
                    Monitor.Enter(s_umaskLock);
                    oldMask = Libc.UMask(childUmask);
                }
                try
                {
                    foreach (var executable in execArray)
                    {
                        int pid;
                        int rc;
                        fixed (byte* path = executable)
                        {
                            rc = Spawn.PosixSpawn(&pid, path, fileActions, attr, argvp, environment);
                        }
                        if (rc == 0)
                        {
                            return (pid, 0);
                        }
                        lastErrno = rc;
                        if (rc != ENoEnt && rc != ENotDir && savedErrno == 0)
                        {
                            savedErrno = rc;
                        }
                    }
                }
                finally
                {
                    if (childUmask >= 0)
                    {
                        Libc.UMask(oldMask);
                        Monitor.Exit(s_umaskLock);
                    }
                }
            }
            return (0, savedErrno != 0 ? savedErrno : lastErrno);
        }
        finally
        {
            Spawn.Free(argvp);
            Spawn.Free(envpp);
            Spawn.AttrDestroy(attr);
            Spawn.FileActionsDestroy(fileActions);
            foreach (var fd in temporary)
            {
                Libc.Close(fd);
            }
        }
    }

    /// <summary>A close-on-exec duplicate of <paramref name="fd"/> numbered 3 or more, closed
    /// in the parent once the child is started.</summary>
    private static int MoveAbove2(int fd, List<int> temporary)
    {
        var copy = Spawn.Fcntl(fd, Spawn.FDupFdCloexec, 3);
        if (copy < 0)
        {
            throw PosixModule.LastError();
        }
        temporary.Add(copy);
        return copy;
    }

    /// <summary><c>_close_open_fds(3, fds_to_keep)</c>: every descriptor from 3 up except the
    /// ones kept. Below the highest kept one, the open descriptors are closed one by one;
    /// above it, closefrom does the rest.</summary>
    private static unsafe void AddCloseOpenFds(void* fileActions, int[] keep)
    {
        var highest = 2;
        foreach (var fd in keep)
        {
            highest = Math.Max(highest, fd);
        }
        for (var fd = 3; fd < highest; fd++)
        {
            if (Array.BinarySearch(keep, fd) < 0 && Spawn.Fcntl(fd, Libc.FGetFd, 0) >= 0)
            {
                Spawn.AddClose(fileActions, fd);
            }
        }
        Spawn.AddCloseFrom(fileActions, highest + 1);
    }

    /// <summary>child_exec's report: "OSError:" errno in lowercase hex, ":", and "noexec" when
    /// the failure came before exec.</summary>
    private static unsafe void ReportError(int errpipeWrite, int errno, bool beforeExec)
    {
        var text = Encoding.ASCII.GetBytes($"OSError:{errno.ToString("x", CultureInfo.InvariantCulture)}:{(beforeExec ? "noexec" : "")}");
        fixed (byte* p = text)
        {
            nint n;
            do
            {
                n = Libc.Write(errpipeWrite, p, text.Length);
            }
            while (n < 0 && Libc.Errno == Libc.EIntr);
        }
    }
}
