// Modules/resource.c
using System.Runtime.InteropServices;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Resource;

/// <summary><c>resource</c>: resource limits and usage (getrlimit, setrlimit, prlimit,
/// getrusage) through the C library.</summary>
[PyModule("resource")]
public static unsafe partial class ResourceModule
{
    private const int RLimNLimits = 16;
    private const int EInval = 22;
    private const int EPerm = 1;

    private static readonly (string Name, long Value)[] s_constants =
    [
        ("RLIMIT_AS", 9), ("RLIMIT_CORE", 4), ("RLIMIT_CPU", 0), ("RLIMIT_DATA", 2), ("RLIMIT_FSIZE", 1),
        ("RLIMIT_MEMLOCK", 8), ("RLIMIT_MSGQUEUE", 12), ("RLIMIT_NICE", 13), ("RLIMIT_NOFILE", 7),
        ("RLIMIT_NPROC", 6), ("RLIMIT_OFILE", 7), ("RLIMIT_RSS", 5), ("RLIMIT_RTPRIO", 14),
        ("RLIMIT_RTTIME", 15), ("RLIMIT_SIGPENDING", 11), ("RLIMIT_STACK", 3), ("RLIM_INFINITY", -1),
        ("RUSAGE_CHILDREN", -1), ("RUSAGE_SELF", 0), ("RUSAGE_THREAD", 1),
    ];

    private static readonly PyStructSequenceType s_structRusage = new("resource", "struct_rusage",
    [
        "ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt",
        "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
    ], constructible: true);

    static partial void Initialize(PyModule module)
    {
        foreach (var (name, value) in s_constants)
        {
            module.AddBuiltin(name, PyInt.From(value));
        }
        module.AddBuiltin("error", PyExc.OSError);
        module.AddBuiltin("struct_rusage", s_structRusage.Type);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Cur;
        public ulong Max;
    }

    /// <summary><c>struct rusage</c> of x86-64 Linux: two timevals, then fourteen longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UTimeSec;
        public long UTimeUsec;
        public long STimeSec;
        public long STimeUsec;
        public fixed long Counts[14];
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetRLimit(int resource, RLimit* rlim);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetRLimit(int resource, RLimit* rlim);

    [LibraryImport("libc", EntryPoint = "prlimit", SetLastError = true)]
    private static partial int PrLimit(int pid, int resource, RLimit* newLimit, RLimit* oldLimit);

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRUsage(int who, RUsage* usage);

    [LibraryImport("libc", EntryPoint = "getpagesize")]
    private static partial int GetPageSizeCall();

    private static void CheckResource(int resource)
    {
        if (resource < 0 || resource >= RLimNLimits)
        {
            throw PyErr.ValueError("invalid resource specified");
        }
    }

    /// <summary>rlim_t as Python shows it: RLIM_INFINITY is -1.</summary>
    private static PyObject Limits(in RLimit r) =>
        PyTuple.Create(PyInt.From(unchecked((long)r.Cur)), PyInt.From(unchecked((long)r.Max)));

    /// <summary><c>py2rlimit</c>: a sequence of two integers.</summary>
    private static RLimit ToLimits(PyObject limits)
    {
        var items = new List<PyObject>(Ops.Iterate(limits));
        if (items.Count != 2)
        {
            throw PyErr.ValueError("expected a tuple of 2 integers");
        }
        return new RLimit { Cur = ToRLim(items[0]), Max = ToRLim(items[1]) };
    }

    private static ulong ToRLim(PyObject o)
    {
        var v = Ops.Index(o).Value;
        if (v < long.MinValue || v > ulong.MaxValue)
        {
            throw PyErr.OverflowError("Python int too large to convert to C long");
        }
        return v < 0 ? unchecked((ulong)(long)v) : (ulong)v;
    }

    /// <summary>setrlimit/prlimit's errors: EINVAL and EPERM are ValueErrors.</summary>
    private static PyException LimitError(int errno) => errno switch
    {
        EInval => PyErr.ValueError("current limit exceeds maximum limit"),
        EPerm => PyErr.ValueError("not allowed to raise maximum limit"),
        _ => PosixModule.Error(errno),
    };

    [PyMethod("getrlimit")]
    public static PyObject GetRLimit_(int resource)
    {
        CheckResource(resource);
        RLimit r;
        return GetRLimit(resource, &r) != 0 ? throw PosixModule.LastError() : Limits(r);
    }

    [PyMethod("setrlimit")]
    public static void SetRLimit_(int resource, PyObject limits)
    {
        CheckResource(resource);
        var r = ToLimits(limits);
        if (SetRLimit(resource, &r) != 0)
        {
            throw LimitError(Libc.Errno);
        }
    }

    [PyMethod("prlimit", Doc = "prlimit(pid, resource, [limits])")]
    public static PyObject PrLimit_(int pid, int resource, PyObject? limits = null)
    {
        CheckResource(resource);
        RLimit old;
        int rc;
        if (limits is null or PyNone)
        {
            rc = PrLimit(pid, resource, null, &old);
        }
        else
        {
            var r = ToLimits(limits);
            rc = PrLimit(pid, resource, &r, &old);
        }
        return rc != 0 ? throw LimitError(Libc.Errno) : Limits(old);
    }

    [PyMethod("getrusage")]
    public static PyObject GetRUsage_(int who)
    {
        RUsage u;
        if (GetRUsage(who, &u) != 0)
        {
            throw Libc.Errno == EInval ? PyErr.ValueError("invalid who parameter") : PosixModule.LastError();
        }
        var values = new PyObject[16];
        values[0] = new PyFloat(u.UTimeSec + (u.UTimeUsec * 0.000001));
        values[1] = new PyFloat(u.STimeSec + (u.STimeUsec * 0.000001));
        for (var i = 0; i < 14; i++)
        {
            values[i + 2] = PyInt.From(u.Counts[i]);
        }
        return s_structRusage.Create(values);
    }

    [PyMethod("getpagesize")]
    public static int GetPageSize() => GetPageSizeCall();
}
