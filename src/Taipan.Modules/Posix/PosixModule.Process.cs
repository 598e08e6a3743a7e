// Modules/posixmodule.c (the process, its environment and the system)
using System.Text;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Posix;

public static partial class PosixModule
{
    private static readonly PyStructSequenceType s_unameResult = new("posix", "uname_result",
        ["sysname", "nodename", "release", "version", "machine"]);

    private static readonly PyStructSequenceType s_timesResult = new("posix", "times_result",
        ["user", "system", "children_user", "children_system", "elapsed"]);

    [PyMethod("getpid", Doc = "Return the current process id.")]
    public static int GetPid() => Libc.GetPid();

    [PyMethod("getppid", Doc = "Return the parent's process id.")]
    public static int GetPPid() => Libc.GetPPid();

    [PyMethod("getuid", Doc = "Return the current process's user id.")]
    public static long GetUid() => Libc.GetUid();

    [PyMethod("geteuid", Doc = "Return the current process's effective user id.")]
    public static long GetEUid() => Libc.GetEUid();

    [PyMethod("getgid", Doc = "Return the current process's group id.")]
    public static long GetGid() => Libc.GetGid();

    [PyMethod("getegid", Doc = "Return the current process's effective group id.")]
    public static long GetEGid() => Libc.GetEGid();

    [PyMethod("getpgrp", Doc = "Return the current process group id.")]
    public static int GetPGrp() => Libc.GetPGrp();

    [PyMethod("getpgid", Doc = "Call the system call getpgid(), and return the result.")]
    public static int GetPGid(int pid)
    {
        var r = Libc.GetPGid(pid);
        return r >= 0 ? r : throw LastError();
    }

    [PyMethod("getsid", Doc = "Call the system call getsid(pid) and return the result.")]
    public static int GetSid(int pid)
    {
        var r = Libc.GetSid(pid);
        return r >= 0 ? r : throw LastError();
    }

    [PyMethod("setsid", Doc = "Call the system call setsid().")]
    public static void SetSid()
    {
        if (Libc.SetSid() < 0)
        {
            throw LastError();
        }
    }

    [PyMethod("getgroups", Doc = "Return list of supplemental group IDs for the process.")]
    public static unsafe PyObject GetGroups()
    {
        var n = Libc.GetGroups(0, null);
        if (n < 0)
        {
            throw LastError();
        }
        var groups = new uint[n];
        fixed (uint* g = groups)
        {
            n = Libc.GetGroups(n, g);
        }
        if (n < 0)
        {
            throw LastError();
        }
        var list = new PyList();
        for (var i = 0; i < n; i++)
        {
            list.Append(PyInt.From(groups[i]));
        }
        return list;
    }

    [PyMethod("getlogin", Doc = "Return the actual login name.")]
    public static unsafe PyObject GetLogin()
    {
        var name = Libc.GetLogin();
        if (name is null)
        {
            var errno = Libc.Errno;
            throw errno != 0 ? Error(errno) : PyErr.New(PyExc.OSError, "unable to determine login name");
        }
        return DecodeFs(Libc.CString(name));
    }

    [PyMethod("uname", Doc = "Return an object identifying the current operating system.")]
    public static unsafe PyObject UName()
    {
        // struct utsname: six fields of 65 bytes on Linux.
        var buf = stackalloc byte[6 * 65];
        if (Libc.UName(buf) != 0)
        {
            throw LastError();
        }
        var fields = new PyObject[5];
        for (var i = 0; i < 5; i++)
        {
            fields[i] = DecodeFs(Libc.CString(buf + i * 65));
        }
        return s_unameResult.Create(fields);
    }

    [PyMethod("times", Doc = "Return a collection containing process timing information.")]
    public static unsafe PyObject Times()
    {
        Libc.Tms t;
        var elapsed = Libc.Times(&t);
        if (elapsed == -1)
        {
            throw LastError();
        }
        double ticks = Libc.SysConf(2); // _SC_CLK_TCK
        return s_timesResult.Create(new PyFloat(t.UTime / ticks), new PyFloat(t.STime / ticks),
            new PyFloat(t.CUTime / ticks), new PyFloat(t.CSTime / ticks), new PyFloat(elapsed / ticks));
    }

    [PyMethod("urandom", Doc = "Return a bytes object containing random bytes suitable for cryptographic use.")]
    public static unsafe PyObject URandom(long size)
    {
        if (size < 0)
        {
            throw PyErr.ValueError("negative argument not allowed");
        }
        var buf = Allocate(size);
        fixed (byte* b = buf)
        {
            long done = 0;
            while (done < size)
            {
                var n = Libc.GetRandom(b + done, (nint)(size - done), 0);
                if (n < 0)
                {
                    if (Libc.Errno == Libc.EIntr)
                    {
                        continue;
                    }
                    throw LastError();
                }
                done += n;
            }
        }
        return new PyBytes(buf);
    }

    [PyMethod("getrandom", Keywords = true, Doc = "Obtain a series of random bytes.")]
    public static unsafe PyObject GetRandom(long size, int flags = 0)
    {
        if (size < 0)
        {
            throw Error(Libc.EInval);
        }
        var buf = Allocate(size);
        nint n;
        fixed (byte* b = buf)
        {
            do
            {
                n = Libc.GetRandom(b, (nint)size, (uint)flags);
            }
            while (n < 0 && Libc.Errno == Libc.EIntr);
        }
        return n >= 0 ? PyBytes.From(buf.AsSpan(0, (int)n)) : throw LastError();
    }

    /// <summary>The callables registered for a fork. Taipan has no os.fork (a forked .NET
    /// runtime keeps only the forking thread), so they are kept, checked, and never called.</summary>
    private static readonly List<(PyObject? Before, PyObject? AfterInChild, PyObject? AfterInParent)> s_atFork = [];

    [PyMethod("register_at_fork", Doc = "Register callables to be called when forking a new process.")]
    public static void RegisterAtFork(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var npos = args.Length - (kwnames?.Count ?? 0);
        if (npos > 0)
        {
            throw PyErr.TypeError("register_at_fork() takes no positional arguments");
        }
        PyObject? before = null, child = null, parent = null;
        for (var i = 0; i < (kwnames?.Count ?? 0); i++)
        {
            var name = ((PyStr)kwnames![i]).Value;
            var value = args[npos + i];
            switch (name)
            {
                case "before":
                    before = value;
                    break;
                case "after_in_child":
                    child = value;
                    break;
                case "after_in_parent":
                    parent = value;
                    break;
                default:
                    throw PyErr.TypeError($"'{name}' is an invalid keyword argument for register_at_fork()");
            }
        }
        if (before is null && child is null && parent is null)
        {
            throw PyErr.TypeError("At least one argument is required.");
        }
        CheckCallable("before", before);
        CheckCallable("after_in_child", child);
        CheckCallable("after_in_parent", parent);
        lock (s_atFork)
        {
            s_atFork.Add((before, child, parent));
        }
    }

    private static void CheckCallable(string name, PyObject? o)
    {
        if (o is not null && o.Type.Slots.Call is null)
        {
            throw PyErr.TypeError($"'{name}' must be callable, not {o.Type.Name}");
        }
    }

    [PyMethod("cpu_count", Doc = "Return the number of CPUs in the system; return None if indeterminable.")]
    public static PyObject CpuCount()
    {
        var n = Libc.SysConf(84); // _SC_NPROCESSORS_ONLN
        return n >= 1 ? PyInt.From(n) : PyNone.Value;
    }

    [PyMethod("kill", Doc = "Kill a process with a signal.")]
    public static void Kill(int pid, int signal)
    {
        if (Libc.Kill(pid, signal) != 0)
        {
            throw LastError();
        }
    }

    [PyMethod("killpg", Doc = "Kill a process group with a signal.")]
    public static void KillPg(int pgid, int signal)
    {
        if (Libc.KillPg(pgid, signal) != 0)
        {
            throw LastError();
        }
    }

    [PyMethod("waitpid", Doc = "Wait for completion of a given child process.")]
    public static unsafe PyObject WaitPid(int pid, int options)
    {
        int status = 0;
        int r;
        var errno = 0;
        using (Gil.Release())
        {
            do
            {
                r = Libc.WaitPid(pid, &status, options);
                errno = r < 0 ? Libc.Errno : 0;
            }
            while (errno == Libc.EIntr);
        }
        return r >= 0 ? PyTuple.Create(PyInt.From(r), PyInt.From(status)) : throw Error(errno);
    }

    [PyMethod("wait", Doc = "Wait for completion of a child process.\n\nReturns a tuple of information about the child process:\n    (pid, status)")]
    public static PyObject Wait() => WaitPid(-1, 0);

    [PyMethod("system", Keywords = true, Doc = "Execute the command in a subshell.")]
    public static unsafe int RunSystem(PyObject command)
    {
        fixed (byte* c = FsConvert(command))
        {
            return Libc.System(c);
        }
    }

    [PyMethod("waitstatus_to_exitcode", Keywords = true, Doc = "Convert a wait status to an exit code.")]
    public static int WaitStatusToExitCode(int status)
    {
        if (WIfExited(status))
        {
            return WExitStatus(status);
        }
        if (WIfSignaled(status))
        {
            return -WTermSig(status);
        }
        if (WIfStopped(status))
        {
            throw PyErr.ValueError($"process stopped by delivery of signal {WStopSig(status)}");
        }
        throw PyErr.ValueError($"invalid wait status: {status}");
    }

    [PyMethod("WIFEXITED", Keywords = true, Doc = "Return True if the process returning status exited via the exit() system call.")]
    public static bool WIfExited(int status) => (status & 0x7f) == 0;

    [PyMethod("WEXITSTATUS", Keywords = true, Doc = "Return the process return code from status.")]
    public static int WExitStatus(int status) => (status >> 8) & 0xff;

    [PyMethod("WIFSIGNALED", Keywords = true, Doc = "Return True if the process returning status was terminated by a signal.")]
    public static bool WIfSignaled(int status) => ((sbyte)((status & 0x7f) + 1) >> 1) > 0;

    [PyMethod("WTERMSIG", Keywords = true, Doc = "Return the signal that terminated the process that provided the status value.")]
    public static int WTermSig(int status) => status & 0x7f;

    [PyMethod("WIFSTOPPED", Keywords = true, Doc = "Return True if the process returning status was stopped.")]
    public static bool WIfStopped(int status) => (status & 0xff) == 0x7f;

    [PyMethod("WSTOPSIG", Keywords = true, Doc = "Return the signal that stopped the process that provided the status value.")]
    public static int WStopSig(int status) => (status >> 8) & 0xff;

    [PyMethod("WIFCONTINUED", Keywords = true, Doc = "Return True if a particular process was continued from a job control stop.")]
    public static bool WIfContinued(int status) => status == 0xffff;

    [PyMethod("WCOREDUMP", Doc = "Return True if the process returning status was dumped to a core file.")]
    public static bool WCoreDump(int status) => (status & 0x80) != 0;

    [PyMethod("_exit", Keywords = true, Doc = "Exit to the system with specified status, without normal exit processing.")]
    public static void Exit(int status) => Libc.Exit(status);

    /// <summary>An environment name or value: str (filesystem encoding), bytes or os.PathLike.</summary>
    private static byte[] EnvBytes(PyObject o) => FsPath(o) switch
    {
        PyStr s => EncodeFs(s),
        var b => ((PyBytes)b).Data.ToArray(),
    };

    [PyMethod("putenv", Doc = "Change or add an environment variable.")]
    public static unsafe void PutEnv(PyObject name, PyObject value)
    {
        var n = EnvBytes(name);
        var v = EnvBytes(value);
        CheckEnvName(n, forPut: true);
        if (Array.IndexOf(v, (byte)0) >= 0)
        {
            throw PyErr.ValueError("embedded null byte");
        }
        fixed (byte* nb = CBytes(n), vb = CBytes(v))
        {
            if (Libc.SetEnv(nb, vb, 1) != 0)
            {
                throw LastError();
            }
        }
    }

    [PyMethod("unsetenv", Doc = "Delete an environment variable.")]
    public static unsafe void UnsetEnv(PyObject name)
    {
        var n = EnvBytes(name);
        CheckEnvName(n, forPut: false);
        fixed (byte* nb = CBytes(n))
        {
            if (Libc.UnsetEnv(nb) != 0)
            {
                throw LastError();
            }
        }
    }

    /// <summary>3.11 refuses only an '=' in putenv's name itself; setenv/unsetenv report the
    /// other bad names (empty, or '=' for unsetenv) as EINVAL.</summary>
    private static void CheckEnvName(byte[] name, bool forPut)
    {
        if (Array.IndexOf(name, (byte)0) >= 0)
        {
            throw PyErr.ValueError("embedded null byte");
        }
        if (forPut && Array.IndexOf(name, (byte)'=') >= 0)
        {
            throw PyErr.ValueError("illegal environment variable name");
        }
    }

    /// <summary><c>conv_confname</c>: an int, or a name from the table.</summary>
    private static int ConfName(PyObject name, (string Name, int Value)[] table)
    {
        if (name is PyInt || name.Type.Slots.Index is not null && name is not PyStr)
        {
            return ArgParse.ToInt(name);
        }
        if (name is not PyStr s)
        {
            throw PyErr.TypeError("configuration names must be strings or integers");
        }
        foreach (var (key, value) in table)
        {
            if (key == s.Value)
            {
                return value;
            }
        }
        throw PyErr.ValueError("unrecognized configuration name");
    }

    [PyMethod("sysconf", Doc = "Return an integer-valued system configuration variable.")]
    public static long SysConf(PyObject name)
    {
        var code = ConfName(name, PosixConstants.SysconfNames);
        System.Runtime.InteropServices.Marshal.SetLastPInvokeError(0);
        var r = Libc.SysConf(code);
        return r == -1 && Libc.Errno != 0 ? throw LastError() : r;
    }

    [PyMethod("fpathconf", Keywords = true, Doc = "Return the configuration limit name for the file descriptor fd.")]
    public static unsafe long FPathConf(PyObject fd, PyObject name)
    {
        var code = ConfName(name, PosixConstants.PathconfNames);
        var p = ConvertPath("fpathconf", "fd", fd, allowFd: true);
        long r;
        if (p.IsFd)
        {
            r = Libc.FPathConf(p.Fd, code);
        }
        else
        {
            fixed (byte* b = p.Path)
            {
                r = Libc.PathConf(b, code);
            }
        }
        return r == -1 && Libc.Errno != 0 ? throw Error(p) : r;
    }

    [PyMethod("pathconf", Keywords = true, Doc = "Return the configuration limit name for the file or directory path.")]
    public static long PathConf(PyObject path, PyObject name) => FPathConf(path, name);

    [PyMethod("confstr", Doc = "Return a string-valued system configuration variable.")]
    public static unsafe PyObject ConfStr(PyObject name)
    {
        var code = ConfName(name, PosixConstants.ConfstrNames);
        var buf = stackalloc byte[1024];
        var n = Libc.ConfStr(code, buf, 1024);
        if (n == 0)
        {
            var errno = Libc.Errno;
            return errno != 0 ? throw Error(errno) : PyNone.Value;
        }
        if (n > 1024)
        {
            var big = new byte[n];
            fixed (byte* b = big)
            {
                Libc.ConfStr(code, b, n);
                return DecodeFs(Libc.CString(b));
            }
        }
        return DecodeFs(Libc.CString(buf));
    }

    [PyMethod("getloadavg", Doc = "Return average recent system load information.")]
    public static PyObject GetLoadAvg()
    {
        // /proc/loadavg holds what getloadavg(3) reads on Linux.
        string[] parts;
        try
        {
            parts = File.ReadAllText("/proc/loadavg", Encoding.ASCII).Split(' ');
        }
        catch (IOException)
        {
            throw PyErr.New(PyExc.OSError, "Load averages are unobtainable");
        }
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return PyTuple.Create(new PyFloat(double.Parse(parts[0], culture)), new PyFloat(double.Parse(parts[1], culture)),
            new PyFloat(double.Parse(parts[2], culture)));
    }
}
