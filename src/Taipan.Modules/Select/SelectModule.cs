// Modules/selectmodule.c
using System.Runtime.InteropServices;
using Taipan.Modules.Posix;
using Taipan.Runtime;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Runtime.Python;

namespace Taipan.Modules.Select;

/// <summary><c>select</c>: waiting for descriptors with select(), poll() and epoll. The
/// waits release the interpreter lock and are retried after EINTR with the time left (PEP
/// 475). Anything with a fileno() method is accepted where a descriptor is.</summary>
[PyModule("select", Doc = "This module supports asynchronous I/O on multiple file descriptors.\n\n*** IMPORTANT NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file descriptors.")]
public static unsafe partial class SelectModule
{
    public const int PollIn = 1;
    public const int PollPri = 2;
    public const int PollOut = 4;
    public const int PollErr = 8;
    public const int PollHup = 16;
    public const int PollNVal = 32;
    private const int FdSetSize = 1024;
    private const int EIntr = 4;

    private static readonly (string Name, long Value)[] s_constants =
    [
        ("POLLIN", 1), ("POLLPRI", 2), ("POLLOUT", 4), ("POLLERR", 8), ("POLLHUP", 16), ("POLLNVAL", 32),
        ("POLLRDNORM", 64), ("POLLRDBAND", 128), ("POLLWRNORM", 256), ("POLLWRBAND", 512), ("POLLMSG", 1024),
        ("POLLRDHUP", 8192),
        ("EPOLLIN", 1), ("EPOLLOUT", 4), ("EPOLLPRI", 2), ("EPOLLERR", 8), ("EPOLLHUP", 16),
        ("EPOLLET", 1L << 31), ("EPOLLONESHOT", 1 << 30), ("EPOLLEXCLUSIVE", 1 << 28), ("EPOLLRDHUP", 8192),
        ("EPOLLRDNORM", 64), ("EPOLLRDBAND", 128), ("EPOLLWRNORM", 256), ("EPOLLWRBAND", 512), ("EPOLLMSG", 1024),
        ("EPOLL_CLOEXEC", 0x80000), ("PIPE_BUF", 4096),
    ];

    static partial void Initialize(PyModule module)
    {
        foreach (var (name, value) in s_constants)
        {
            module.AddBuiltin(name, PyInt.From(value));
        }
        module.AddBuiltin("error", PyExc.OSError);
        module.AddBuiltin("epoll", PyEpoll.TypeObject);
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short REvents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(PollFd* fds, ulong nfds, int timeout);

    [PyMethod("select", Doc = "Wait until one or more file descriptors are ready for some kind of I/O.\n\nThe first three arguments are iterables of file descriptors to be waited for:\nrlist -- wait until ready for reading\nwlist -- wait until ready for writing\nxlist -- wait for an \"exceptional condition\"\nIf only one kind of condition is required, pass [] for the other lists.\n\nA file descriptor is either a socket or file object, or a small integer\ngotten from a fileno() method call on one of those.\n\nThe optional 4th argument specifies a timeout in seconds; it may be\na floating point number to specify fractions of seconds.  If it is absent\nor None, the call will never time out.\n\nThe return value is a tuple of three lists corresponding to the first three\narguments; each contains the subset of the corresponding file descriptors\nthat are ready.\n\n*** IMPORTANT NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file\ndescriptors can be used.")]
    public static PyObject Select(PyObject rlist, PyObject wlist, PyObject xlist, PyObject? timeout = null)
    {
        var seconds = Seconds(timeout, "timeout must be a float or None");
        if (seconds < 0)
        {
            throw PyErr.ValueError("timeout must be non-negative");
        }
        var (robjs, rfds) = SelectList(rlist);
        var (wobjs, wfds) = SelectList(wlist);
        var (xobjs, xfds) = SelectList(xlist);
        // select() itself is limited to FD_SETSIZE descriptors; poll() does the waiting, with
        // the kernel's select() readiness rules applied to its results.
        var all = new PollFd[rfds.Length + wfds.Length + xfds.Length];
        var n = 0;
        foreach (var fd in rfds)
        {
            all[n++] = new PollFd { Fd = fd, Events = PollIn };
        }
        foreach (var fd in wfds)
        {
            all[n++] = new PollFd { Fd = fd, Events = PollOut };
        }
        foreach (var fd in xfds)
        {
            all[n++] = new PollFd { Fd = fd, Events = PollPri };
        }
        WaitPoll(all, seconds);
        foreach (var p in all)
        {
            if ((p.REvents & PollNVal) != 0)
            {
                throw PosixModule.Error(9);
            }
        }
        var result = new PyObject[3];
        n = 0;
        result[0] = Ready(robjs, all, ref n, PollIn | PollHup | PollErr);
        result[1] = Ready(wobjs, all, ref n, PollOut | PollErr);
        result[2] = Ready(xobjs, all, ref n, PollPri);
        return new PyTuple(result);
    }

    private static PyList Ready(List<PyObject> objects, PollFd[] results, ref int n, int mask)
    {
        var list = new PyList();
        foreach (var o in objects)
        {
            if ((results[n++].REvents & mask) != 0)
            {
                list.Append(o);
            }
        }
        return list;
    }

    private static (List<PyObject> Objects, int[] Fds) SelectList(PyObject seq)
    {
        PyObject iterator;
        try
        {
            iterator = Ops.GetIter(seq);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyExc.TypeError))
        {
            throw PyErr.TypeError("arguments 1-3 must be sequences");
        }
        var objects = new List<PyObject>(Ops.Iterate(iterator));
        var fds = new int[objects.Count];
        for (var i = 0; i < fds.Length; i++)
        {
            fds[i] = PosixModule.FileDescriptor(objects[i]);
            if (fds[i] >= FdSetSize)
            {
                throw PyErr.ValueError("filedescriptor out of range in select()");
            }
        }
        return (objects, fds);
    }

    [PyMethod("poll", Doc = "Returns a polling object.\n\nThis object supports registering and unregistering file descriptors, and then\npolling them for I/O events.")]
    public static PyObject NewPoll() => new PyPoll();

    /// <summary>A timeout in seconds (<c>_PyTime_FromSecondsObject</c>); null for None or
    /// absent, which waits forever.</summary>
    internal static double? Seconds(PyObject? timeout, string typeMessage)
    {
        switch (timeout)
        {
            case null or PyNone:
                return null;
            case PyFloat f:
                return double.IsNaN(f.Value) ? throw PyErr.ValueError("Invalid value NaN (not a number)") : f.Value;
            case PyInt i:
                return (double)i.Value;
            default:
                if (timeout.Type.Slots.Index is null)
                {
                    throw PyErr.TypeError(typeMessage);
                }
                return (double)Ops.Index(timeout).Value;
        }
    }

    /// <summary>Milliseconds for poll(), rounded up; -1 waits forever.</summary>
    internal static int Milliseconds(double? seconds)
    {
        if (seconds is not { } s || s < 0)
        {
            return -1;
        }
        var ms = Math.Ceiling(s * 1000);
        return ms >= int.MaxValue ? throw PyErr.OverflowError("timeout is too large") : (int)ms;
    }

    /// <summary>poll() on <paramref name="fds"/> without the interpreter lock, retried after
    /// EINTR (running signal handlers) with the time left.</summary>
    internal static int WaitPoll(PollFd[] fds, double? seconds)
    {
        var deadline = seconds is { } s && s >= 0 ? Environment.TickCount64 + (long)Math.Ceiling(s * 1000) : (long?)null;
        var timeout = Milliseconds(seconds);
        while (true)
        {
            int r;
            int errno;
            using (Gil.Release())
            {
                fixed (PollFd* p = fds)
                {
                    r = Poll(p, (ulong)fds.Length, timeout);
                }
                errno = r < 0 ? Marshal.GetLastPInvokeError() : 0;
            }
            if (r >= 0)
            {
                return r;
            }
            if (errno != EIntr)
            {
                throw PosixModule.Error(errno);
            }
            Signals.CheckSignals();
            if (deadline is { } d)
            {
                timeout = (int)Math.Max(0, d - Environment.TickCount64);
            }
        }
    }
}

/// <summary><c>select.poll</c>: descriptors and event masks registered for poll().</summary>
[PyType("poll", Module = "select", FromSpec = true)]
public sealed partial class PyPoll : PyObject
{
    private readonly Dictionary<int, short> _fds = [];
    private readonly List<int> _order = [];

    private static short EventMask(PyObject? mask)
    {
        if (mask is null)
        {
            return SelectModule.PollIn | SelectModule.PollPri | SelectModule.PollOut;
        }
        var v = ArgParse.ToLong(mask);
        if (v < 0)
        {
            throw PyErr.ValueError("value must be positive");
        }
        return v > ushort.MaxValue ? throw PyErr.OverflowError("Python int too large for C unsigned short") : unchecked((short)(ushort)v);
    }

    [PyMethod(Doc = "Register a file descriptor with the polling object.\n\n  fd\n    either an integer, or an object with a fileno() method returning an int\n  eventmask\n    an optional bitmask describing the type of events to check for")]
    public void Register(PyObject fd, PyObject? eventmask = null)
    {
        var n = PosixModule.FileDescriptor(fd);
        var events = EventMask(eventmask);
        if (!_fds.ContainsKey(n))
        {
            _order.Add(n);
        }
        _fds[n] = events;
    }

    [PyMethod(Doc = "Modify an already registered file descriptor.\n\n  fd\n    either an integer, or an object with a fileno() method returning\n    an int\n  eventmask\n    a bitmask describing the type of events to check for")]
    public void Modify(PyObject fd, PyObject eventmask)
    {
        var n = PosixModule.FileDescriptor(fd);
        var events = EventMask(eventmask);
        if (!_fds.ContainsKey(n))
        {
            throw PosixModule.Error(2);
        }
        _fds[n] = events;
    }

    [PyMethod(Doc = "Remove a file descriptor being tracked by the polling object.")]
    public void Unregister(PyObject fd)
    {
        var n = PosixModule.FileDescriptor(fd);
        if (!_fds.Remove(n))
        {
            throw PyErr.KeyError(PyInt.From(n));
        }
        _order.Remove(n);
    }

    [PyMethod(Doc = "Polls the set of registered file descriptors.\n\n  timeout\n    The maximum time to wait in milliseconds, or else None (or a negative\n    value) to wait indefinitely.\n\nReturns a list containing any descriptors that have events or errors to\nreport, as a list of (fd, event) 2-tuples.")]
    public PyObject Poll(PyObject? timeout = null)
    {
        var ms = SelectModule.Seconds(timeout, "timeout must be an integer or None");
        var fds = new SelectModule.PollFd[_order.Count];
        for (var i = 0; i < fds.Length; i++)
        {
            fds[i] = new SelectModule.PollFd { Fd = _order[i], Events = _fds[_order[i]] };
        }
        SelectModule.WaitPoll(fds, ms is { } m ? m / 1000 : null);
        var result = new PyList();
        foreach (var p in fds)
        {
            if (p.REvents != 0)
            {
                result.Append(PyTuple.Create(PyInt.From(p.Fd), PyInt.From((ushort)p.REvents)));
            }
        }
        return result;
    }
}
